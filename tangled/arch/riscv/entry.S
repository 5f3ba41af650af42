/* Generated from the chapters by notangle; edit the .nw source. */
#line 163 "chapters/01-kernel.nw"
#include "arch/riscv/entry.h"

	.section .text.entry
	.globl _start
_start:
	mv	tp, a0
	la	sp, boot_stack_top
	
#line 181 "chapters/01-kernel.nw"
	la	t0, bss_start
	la	t1, bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
#line 171 "chapters/01-kernel.nw"
	
#line 194 "chapters/01-kernel.nw"
	call	kmain
3:	wfi
	j	3b

#line 173 "chapters/01-kernel.nw"
	
#line 202 "chapters/01-kernel.nw"
	.section .bss.stack
	.balign 16
	.globl boot_stack, boot_stack_top
boot_stack:
	.space	BOOT_STACK_SIZE
boot_stack_top:
