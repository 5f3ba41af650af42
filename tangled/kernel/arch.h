/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 410 "chapters/01-kernel.nw"
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <stdnoreturn.h>

#line 429 "chapters/01-kernel.nw"
/* 内核的退出状态 */
enum exit_status {
	EXIT_OK = 0,
	EXIT_TESTS_FAILED = 1,
	EXIT_PANIC = 3,
	EXIT_TRAP = 4,
};

#line 417 "chapters/01-kernel.nw"
void arch_putchar(char c);
noreturn void arch_poweroff(int status);
unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long saved);
unsigned arch_cpu_id(void);

#line 461 "chapters/01b-traps.nw"
/* 机器接口的其余函数 */
void arch_backtrace(void);

#line 424 "chapters/01-kernel.nw"
#endif
