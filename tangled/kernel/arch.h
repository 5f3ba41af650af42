/* Generated from the chapters by notangle; edit the .nw source. */
#line 410 "chapters/01-kernel.nw"
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <stdnoreturn.h>

#line 430 "chapters/01-kernel.nw"
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
#line 462 "chapters/01b-traps.nw"
void arch_backtrace(void);

#line 424 "chapters/01-kernel.nw"
#endif
