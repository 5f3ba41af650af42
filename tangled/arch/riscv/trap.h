/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 28 "chapters/01b-traps.nw"
#ifndef ARCH_RISCV_TRAP_H
#define ARCH_RISCV_TRAP_H

#define TRAP_REGS       32
#define TRAP_SEPC       (TRAP_REGS * 8)
#define TRAP_SSTATUS    (TRAP_SEPC + 8)
#define TRAP_SCAUSE     (TRAP_SSTATUS + 8)
#define TRAP_STVAL      (TRAP_SCAUSE + 8)
#define TRAP_FRAME_SIZE (TRAP_STVAL + 8)
#define TRAP_STACK_SIZE (16 * 1024)

#define REG_RA 1
#define REG_SP 2
#define REG_S0 8

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

struct trap_frame {
	uint64_t x[TRAP_REGS];
	uint64_t sepc;
	uint64_t sstatus;
	uint64_t scause;
	uint64_t stval;
};

const char *trap_cause_name(uint64_t scause);
bool trap_is_page_fault(uint64_t scause);
void trap_report(const struct trap_frame *tf);
noreturn void trap_handle(struct trap_frame *tf);
#endif

#endif
