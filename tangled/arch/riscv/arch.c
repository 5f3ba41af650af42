/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 440 "chapters/01-kernel.nw"
#include "kernel/arch.h"
#include "arch/riscv/riscv.h"
#include "arch/riscv/sbi.h"

#line 450 "chapters/01-kernel.nw"
/* 把字符交给 SBI 控制台 */
void arch_putchar(char c)
{
	sbi_console_putchar(c);
}

#line 463 "chapters/01-kernel.nw"
/* 把判决交给 QEMU 然后关机 */
#define VIRT_TEST_DEVICE 0x100000UL
#define VIRT_TEST_PASS   0x5555
#define VIRT_TEST_FAIL   0x3333

noreturn void arch_poweroff(int status)
{
	volatile unsigned int *test_device = (unsigned int *)VIRT_TEST_DEVICE;

	if (status == EXIT_OK)
		*test_device = VIRT_TEST_PASS;
	else
		*test_device = ((unsigned int)status << 16) | VIRT_TEST_FAIL;
	sbi_shutdown(status != EXIT_OK);
	for (;;)
		wait_for_interrupt();
}

#line 485 "chapters/01-kernel.nw"
/* 关闭与恢复中断 */
unsigned long arch_irq_save(void)
{
	return csr_read_clear(sstatus, SSTATUS_SIE) & SSTATUS_SIE;
}

void arch_irq_restore(unsigned long saved)
{
	if (saved & SSTATUS_SIE)
		csr_set(sstatus, SSTATUS_SIE);
}

#line 498 "chapters/01-kernel.nw"
/* 读出当前 hart 的编号 */
unsigned arch_cpu_id(void)
{
	return (unsigned)read_tp();
}
