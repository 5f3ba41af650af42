/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1003 "chapters/01-kernel.nw"
#include <stdarg.h>
#include <stddef.h>
#include "kernel/test.h"
#include "kernel/printf.h"

extern const struct ktest __start_ktests[] __attribute__((weak));
extern const struct ktest __stop_ktests[] __attribute__((weak));

static bool current_failed;

#line 1024 "chapters/01-kernel.nw"
/* 报告一次失败 */
void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (!current_failed)
		kprintf("FAIL\n");
	current_failed = true;
	kprintf("    %s:%d: ", file, line);
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
}

bool ktest_failed(void)
{
	return current_failed;
}

#line 1047 "chapters/01-kernel.nw"
/* 判断名字是否被选中 */
static bool name_matches(const char *name, const char *filter)
{
	for (; *name; name++) {
		size_t i = 0;

		while (filter[i] && name[i] == filter[i])
			i++;
		if (!filter[i])
			return true;
	}
	return !*filter;
}

#line 1062 "chapters/01-kernel.nw"
/* 运行所有测试 */
int ktest_run_all(const char *filter)
{
	int passed = 0, failed = 0;

	for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
		if (!name_matches(t->name, filter))
			continue;
		kprintf("test %s ... ", t->name);
		current_failed = false;
		t->run();
		if (current_failed) {
			failed++;
		} else {
			kprintf("ok\n");
			passed++;
		}
	}
	kprintf("%d passed, %d failed\n", passed, failed);
#line 1094 "chapters/01-kernel.nw"
	/* 为评分程序报告判决 */
	#ifdef KTEST_NONCE
	kprintf("verdict %s: %d passed, %d failed\n", KTEST_NONCE, passed, failed);
	#endif
#line 1082 "chapters/01-kernel.nw"
	return failed;
}
