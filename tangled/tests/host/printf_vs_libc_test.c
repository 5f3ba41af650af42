/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1536 "chapters/01-kernel.nw"
#include <stdio.h>
#include <string.h>
#include "kernel/printf.h"
#include "kernel/random.h"
#include "kernel/test.h"

#define COMPARISONS 5000
#define BUFFER 96

static void expect_same_as_libc(int step, const char *format, const char *ours,
				const char *libc)
{
	if (strcmp(ours, libc) != 0)
		ktest_fail(__FILE__, __LINE__,
			   "seed 1, step %d, \"%s\": got \"%s\", libc \"%s\"",
			   step, format, ours, libc);
}

KTEST(printf_agrees_with_libc)
{
	static const char *const formats[] = {
		"%d|%5d|%-5d|%05d", "%u|%8u|%-8u|%08u", "%x|%4x|%-4x|%04x",
	};
	static const char *const long_formats[] = {
		"%ld|%21ld|%-21ld|%021ld", "%lu|%lx|%zu|%zx",
	};
	uint64_t seed = 1;
	char ours[BUFFER], libc[BUFFER];

	for (int i = 0; i < COMPARISONS; i++) {
		unsigned long v = xorshift64(&seed) >> (xorshift64(&seed) % 64);
		const char *f = formats[i % 3];
		const char *lf = long_formats[i % 2];

		ksnprintf(ours, BUFFER, f, (int)v, (int)v, (int)v, (int)v);
		snprintf(libc, BUFFER, f, (int)v, (int)v, (int)v, (int)v);
		expect_same_as_libc(i, f, ours, libc);
		ksnprintf(ours, BUFFER, lf, (long)v, (long)v, (long)v, (long)v);
		snprintf(libc, BUFFER, lf, (long)v, (long)v, (long)v, (long)v);
		expect_same_as_libc(i, lf, ours, libc);
		if (ktest_failed())
			return;
	}
}
