/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 94 "chapters/01b-traps.nw"
#include "arch/riscv/trap.h"

	.section .text
	.balign 4
	.globl trap_entry
	.type trap_entry, @function
trap_entry:
	csrw	sscratch, sp
	la	sp, trap_stack_top
	addi	sp, sp, -TRAP_FRAME_SIZE
#line 116 "chapters/01b-traps.nw"
	/* 把通用寄存器存入陷阱帧 */
		.irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
		sd	x\n, (\n * 8)(sp)
		.endr
		.irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
		sd	x\n, (\n * 8)(sp)
		.endr
		csrr	t0, sscratch
		sd	t0, (REG_SP * 8)(sp)
#line 127 "chapters/01b-traps.nw"
	/* 把控制寄存器存入陷阱帧 */
		csrr	t0, sepc
		sd	t0, TRAP_SEPC(sp)
		csrr	t0, sstatus
		sd	t0, TRAP_SSTATUS(sp)
		csrr	t0, scause
		sd	t0, TRAP_SCAUSE(sp)
		csrr	t0, stval
		sd	t0, TRAP_STVAL(sp)
#line 106 "chapters/01b-traps.nw"
	mv	a0, sp
	call	trap_handle
	.size trap_entry, . - trap_entry

#line 138 "chapters/01b-traps.nw"
	/* 预留陷阱栈 */
		.section .bss.stack
		.balign 16
	trap_stack:
		.space	TRAP_STACK_SIZE
	trap_stack_top:
