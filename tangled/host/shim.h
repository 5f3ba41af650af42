/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1407 "chapters/01-kernel.nw"
#ifndef HOST_SHIM_H
#define HOST_SHIM_H

#include <setjmp.h>
#include <string.h>
#include "kernel/test.h"

void host_expect_panic(jmp_buf *landing);
const char *host_end_expect_panic(void);
void host_set_cpu_id(unsigned id);

#define ASSERT_PANICS(stmt, needle)					\
	do {								\
		jmp_buf landing_;					\
		const char *said_;					\
		if (setjmp(landing_) == 0) {				\
			host_expect_panic(&landing_);			\
			stmt;						\
			said_ = host_end_expect_panic();		\
			ktest_fail(__FILE__, __LINE__,			\
				   "%s did not panic", #stmt);		\
			return;						\
		}							\
		said_ = host_end_expect_panic();			\
		if (!strstr(said_, "panic: ") || !strstr(said_, needle)) { \
			ktest_fail(__FILE__, __LINE__,			\
				   "%s: expected a panic saying \"%s\", got \"%s\"", \
				   #stmt, needle, said_);		\
			return;						\
		}							\
	} while (0)

#endif
