/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1134 "chapters/01-kernel.nw"
#include <stdbool.h>
#include <stddef.h>
#include "kernel/printf.h"
#include "kernel/test.h"

#line 1143 "chapters/01-kernel.nw"
/* 比较格式化的结果 */
#define FORMAT_BUFFER 64

static bool same_string(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

#define ASSERT_FORMAT(expected, ...)					\
	do {								\
		char buf_[FORMAT_BUFFER];				\
		ksnprintf(buf_, sizeof(buf_), __VA_ARGS__);		\
		if (!same_string(buf_, expected)) {			\
			ktest_fail(__FILE__, __LINE__,			\
				   "got \"%s\", expected \"%s\"",	\
				   buf_, expected);			\
			return;						\
		}							\
	} while (0)

#line 1173 "chapters/01-kernel.nw"
/* 格式化输出的测试用例 */
KTEST(printf_converts_integers)
{
	ASSERT_FORMAT("42 -7 42", "%d %i %u", 42, -7, 42u);
	ASSERT_FORMAT("ff 0x1000", "%x %p", 255u, (void *)0x1000);
	ASSERT_FORMAT("-9223372036854775808", "%ld", (long)(-9223372036854775807L - 1));
	ASSERT_FORMAT("18446744073709551615", "%lu", ~0UL);
	ASSERT_FORMAT("4096 fff", "%zu %zx", (size_t)4096, (size_t)4095);
}

KTEST(printf_pads_fields)
{
	ASSERT_FORMAT("00000fff", "%08x", 0xfffu);
	ASSERT_FORMAT("   42|", "%5d|", 42);
	ASSERT_FORMAT("42   |", "%-5d|", 42);
	ASSERT_FORMAT("-0042", "%05d", -42);
	ASSERT_FORMAT("  abc|abc  |", "%5s|%-5s|", "abc", "abc");
}

KTEST(printf_handles_strings_and_chars)
{
	const char *volatile no_string = NULL;
	const char *volatile unknown = "%q";

	ASSERT_FORMAT("a%b", "%c%%%c", 'a', 'b');
	ASSERT_FORMAT("(null)", "%s", no_string);
	ASSERT_FORMAT("%q", unknown, 0);
}

KTEST(printf_truncates_like_snprintf)
{
	char buf[4];

	ASSERT_EQ(ksnprintf(buf, sizeof(buf), "%d", 123456), 6);
	ASSERT(same_string(buf, "123"));
	ASSERT_EQ(ksnprintf(buf, 0, "abc"), 3);
}
