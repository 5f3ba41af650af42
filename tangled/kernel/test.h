/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 936 "chapters/01-kernel.nw"
#ifndef KERNEL_TEST_H
#define KERNEL_TEST_H

#include <stdbool.h>

struct ktest {
	const char *name;
	void (*run)(void);
};

#line 960 "chapters/01-kernel.nw"
/* 定义一个测试 */
#define KTEST(fn)							\
	static void fn(void);						\
	static const struct ktest ktest_##fn				\
		__attribute__((used, section("ktests"))) = { #fn, fn };	\
	static void fn(void)

#line 973 "chapters/01-kernel.nw"
/* 断言 */
#define ASSERT(cond)							\
	do {								\
		if (!(cond)) {						\
			ktest_fail(__FILE__, __LINE__, "ASSERT(%s)", #cond); \
			return;						\
		}							\
	} while (0)

#define ASSERT_EQ(a, b)							\
	do {								\
		long a_ = (long)(a), b_ = (long)(b);			\
		if (a_ != b_) {						\
			ktest_fail(__FILE__, __LINE__,			\
				   "ASSERT_EQ(%s, %s): %ld (0x%lx) != %ld (0x%lx)", \
				   #a, #b, a_, (unsigned long)a_,	\
				   b_, (unsigned long)b_);		\
			return;						\
		}							\
	} while (0)

#line 949 "chapters/01-kernel.nw"
void ktest_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool ktest_failed(void);
int ktest_run_all(const char *filter);

#endif
