/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 272 "chapters/01b-traps.nw"
#ifndef ARCH_RISCV_BACKTRACE_H
#define ARCH_RISCV_BACKTRACE_H

#include <stdbool.h>
#include <stdint.h>

struct ksym_func {
	uint64_t addr;
	uint64_t size;
	uint64_t name;
};

struct ksym_line {
	uint64_t addr;
	uint32_t line;
	uint32_t file;
};

struct ksym_place {
	const char *function;
	uint64_t offset;
	const char *file;
	unsigned line;
};

#define BACKTRACE_MAX_DEPTH 32

bool ksym_lookup(uintptr_t pc, struct ksym_place *place);
void backtrace_print(uintptr_t pc, uintptr_t fp, uintptr_t ra);

#endif
