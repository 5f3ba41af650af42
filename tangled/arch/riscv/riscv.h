/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 508 "chapters/01-kernel.nw"
#ifndef ARCH_RISCV_RISCV_H
#define ARCH_RISCV_RISCV_H

#define SSTATUS_SIE (1UL << 1)

#define csr_read_clear(csr, bits) ({					\
	unsigned long old_;						\
	__asm__ volatile("csrrc %0, " #csr ", %1"			\
			 : "=r"(old_) : "r"(bits) : "memory");		\
	old_;								\
})

#define csr_set(csr, bits)						\
	__asm__ volatile("csrs " #csr ", %0" : : "r"(bits) : "memory")

static inline unsigned long read_tp(void)
{
	unsigned long tp;

	__asm__ volatile("mv %0, tp" : "=r"(tp));
	return tp;
}

static inline void wait_for_interrupt(void)
{
	__asm__ volatile("wfi");
}

#endif
