/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 502 "chapters/01b-traps.nw"
#include <stdint.h>
#include "kernel/test.h"

#define NO_SUCH_ADDRESS 0x8UL

#line 511 "chapters/01b-traps.nw"
/* 埋下的陷阱 */
#ifdef KTEST_PLANT_LOAD_FAULT
static __attribute__((noinline)) uint64_t load_from(uintptr_t address)
{
	return *(volatile uint64_t *)address;
}

KTEST(planted_load_fault)
{
	ASSERT_EQ(load_from(NO_SUCH_ADDRESS), 0);
}
#endif

#ifdef KTEST_PLANT_STORE_FAULT
static __attribute__((noinline)) void store_to(uintptr_t address)
{
	*(volatile uint64_t *)address = 1;
}

KTEST(planted_store_fault)
{
	store_to(NO_SUCH_ADDRESS);
}
#endif

#ifdef KTEST_PLANT_FETCH_FAULT
KTEST(planted_fetch_fault)
{
	void (*volatile wild)(void) = (void (*)(void))NO_SUCH_ADDRESS;

	wild();
}
#endif

#ifdef KTEST_PLANT_ILLEGAL
KTEST(planted_illegal_instruction)
{
	__asm__ volatile("unimp");
}
#endif

#ifdef KTEST_PLANT_EBREAK
KTEST(planted_ebreak)
{
	__asm__ volatile("ebreak");
}
#endif

#ifdef KTEST_PLANT_MISALIGNED
static __attribute__((noinline)) void add_atomically(uintptr_t address)
{
	__asm__ volatile("amoadd.w zero, %1, (%0)" : : "r"(address), "r"(1) : "memory");
}

KTEST(planted_misaligned_atomic)
{
	static uint64_t word;

	add_atomically((uintptr_t)&word + 1);
}
#endif
