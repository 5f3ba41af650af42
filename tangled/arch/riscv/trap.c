/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 151 "chapters/01b-traps.nw"
#include <stddef.h>
#include "arch/riscv/trap.h"
#include "arch/riscv/backtrace.h"
#include "kernel/arch.h"
#include "kernel/printf.h"

#line 231 "chapters/01b-traps.nw"
/* 陷阱报告用到的各章接口 */
/* the headers the later chapters' explanations need */

#line 1767 "chapters/04a-paging.nw"
#include "kernel/kspace.h"

#line 158 "chapters/01b-traps.nw"
#define SCAUSE_INTERRUPT (1UL << 63)
#define SCAUSE_FETCH_PAGE_FAULT 12
#define SCAUSE_LOAD_PAGE_FAULT 13
#define SCAUSE_STORE_PAGE_FAULT 15
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#line 169 "chapters/01b-traps.nw"
/* 异常与中断的名字 */
static const char *const exception_names[] = {
	[0] = "instruction address misaligned",
	[1] = "instruction access fault",
	[2] = "illegal instruction",
	[3] = "breakpoint",
	[4] = "load address misaligned",
	[5] = "load access fault",
	[6] = "store/AMO address misaligned",
	[7] = "store/AMO access fault",
	[8] = "environment call from U-mode",
	[9] = "environment call from S-mode",
	[12] = "instruction page fault",
	[13] = "load page fault",
	[15] = "store/AMO page fault",
};

static const char *const interrupt_names[] = {
	[1] = "supervisor software interrupt",
	[5] = "supervisor timer interrupt",
	[9] = "supervisor external interrupt",
};

static const char *name_in(const char *const *names, size_t count, uint64_t code)
{
	return code < count && names[code] ? names[code] : NULL;
}

bool trap_is_page_fault(uint64_t scause)
{
	return scause == SCAUSE_FETCH_PAGE_FAULT || scause == SCAUSE_LOAD_PAGE_FAULT ||
	       scause == SCAUSE_STORE_PAGE_FAULT;
}

const char *trap_cause_name(uint64_t scause)
{
	uint64_t code = scause & ~SCAUSE_INTERRUPT;
	const char *name;

	if (scause & SCAUSE_INTERRUPT)
		name = name_in(interrupt_names, ARRAY_LEN(interrupt_names), code);
	else
		name = name_in(exception_names, ARRAY_LEN(exception_names), code);
	return name ? name : "unknown cause";
}

#line 218 "chapters/01b-traps.nw"
/* 打印一份陷阱报告 */
void trap_report(const struct trap_frame *tf)
{
	kprintf("\ntrap: %s\n", trap_cause_name(tf->scause));
	kprintf("  scause %p  sepc %p  stval %p\n", (void *)tf->scause,
		(void *)tf->sepc, (void *)tf->stval);
#line 234 "chapters/01b-traps.nw"
	/* 补充一次陷阱的说明 */
	/* the later chapters explain their kinds of trap here */
#line 1770 "chapters/04a-paging.nw"
	if (trap_is_page_fault(tf->scause)) {
		char why[FAULT_DESCRIPTION_MAX];

		paging_describe_fault(tf->stval, why, sizeof(why));
		kprintf("  page fault: %s\n", why);
	}
#line 225 "chapters/01b-traps.nw"
	backtrace_print(tf->sepc, tf->x[REG_S0], tf->x[REG_RA]);
}

#line 241 "chapters/01b-traps.nw"
/* 处理一个致命的陷阱 */
static unsigned trap_depth;

noreturn void trap_handle(struct trap_frame *tf)
{
	trap_depth++;
	if (trap_depth == 1)
		trap_report(tf);
	else if (trap_depth == 2)
		kprintf("\ntrap while reporting a trap: %s at %p\n",
			trap_cause_name(tf->scause), (void *)tf->sepc);
	arch_poweroff(EXIT_TRAP);
}
