/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1361 "chapters/01-kernel.nw"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/arch.h"
#include "host/shim.h"

#line 1443 "chapters/01-kernel.nw"
/* 在宿主机上输出字符 */
#define CAPTURE_SIZE 1024

static jmp_buf *panic_landing;
static char captured[CAPTURE_SIZE];
static size_t captured_len;

void arch_putchar(char c)
{
	if (panic_landing) {
		if (captured_len + 1 < CAPTURE_SIZE)
			captured[captured_len++] = c;
		return;
	}
	putchar(c);
}

void host_expect_panic(jmp_buf *landing)
{
	panic_landing = landing;
	captured_len = 0;
}

const char *host_end_expect_panic(void)
{
	panic_landing = NULL;
	captured[captured_len] = '\0';
	return captured;
}

#line 1474 "chapters/01-kernel.nw"
/* 在宿主机上关机 */
noreturn void arch_poweroff(int status)
{
	if (panic_landing)
		longjmp(*panic_landing, 1);
	fflush(stdout);
	exit(status);
}

#line 1391 "chapters/01-kernel.nw"
/* 模拟的 hart 编号 */
static unsigned host_cpu_id;

void host_set_cpu_id(unsigned id)
{
	host_cpu_id = id;
}

#line 1372 "chapters/01-kernel.nw"
unsigned long arch_irq_save(void)
{
	return 0;
}

void arch_irq_restore(unsigned long saved)
{
	(void)saved;
}

unsigned arch_cpu_id(void)
{
	return host_cpu_id;
}


#line 477 "chapters/01b-traps.nw"
void arch_backtrace(void)
{
}
