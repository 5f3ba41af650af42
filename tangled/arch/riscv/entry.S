/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 168 "chapters/01-kernel.nw"
#include "arch/riscv/entry.h"

	.section .text.entry
	.globl _start
_start:
#line 78 "chapters/01b-traps.nw"
	/* 在一切之前设好陷阱入口 */
		la	t0, trap_entry
		csrw	stvec, t0
		li	s0, 0
#line 174 "chapters/01-kernel.nw"
	mv	tp, a0
	la	sp, boot_stack_top
#line 186 "chapters/01-kernel.nw"
	/* 清零 bss 段 */
		la	t0, bss_start
		la	t1, bss_end
	1:	bgeu	t0, t1, 2f
		sd	zero, 0(t0)
		addi	t0, t0, 8
		j	1b
	2:
#line 199 "chapters/01-kernel.nw"
	/* 带着 hart 编号与设备树地址进入 C */
		call	kmain
	3:	wfi
		j	3b

#line 207 "chapters/01-kernel.nw"
	/* 预留启动栈 */
		.section .bss.stack
		.balign 16
		.globl boot_stack, boot_stack_top
	boot_stack:
		.space	BOOT_STACK_SIZE
	boot_stack_top:
