/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 53 "chapters/04a-paging.nw"
#ifndef KERNEL_SV39_H
#define KERNEL_SV39_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/addr.h"

#line 87 "chapters/04a-paging.nw"
/* Sv39 的常量 */
#define SV39_LEVELS 3
#define SV39_INDEX_BITS 9
#define SV39_ENTRIES ((size_t)1 << SV39_INDEX_BITS)
#define SV39_VA_BITS 39
#define SV39_PPN_BITS 44

enum pt_level {
	PT_LEVEL_4K = 0,
	PT_LEVEL_2M = 1,
	PT_LEVEL_1G = 2,
};

static inline size_t pt_level_size(enum pt_level level)
{
	return PAGE_SIZE << (SV39_INDEX_BITS * level);
}

#line 63 "chapters/04a-paging.nw"
struct vaddr {
	uintptr_t value;
};

struct vpn {
	size_t value;
};

struct pte {
	uint64_t bits;
};

#line 109 "chapters/04a-paging.nw"
/* 页表项的标志位 */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)
#define PTE_PERMS (PTE_R | PTE_W | PTE_X)
#define PTE_LEAF_FLAGS \
	(PTE_PERMS | PTE_U | PTE_G | PTE_A | PTE_D)
#define PTE_FLAG_BITS 10

#line 130 "chapters/04a-paging.nw"
/* 在虚拟地址与虚拟页号之间换算 */
static inline struct vaddr vaddr_of(uintptr_t value)
{
	return (struct vaddr){ value };
}

static inline struct vpn vpn_floor(struct vaddr address)
{
	return (struct vpn){ page_number_down(address.value) };
}

static inline struct vaddr vpn_address(struct vpn page)
{
	return (struct vaddr){ page_start(page.value) };
}

static inline size_t vaddr_offset(struct vaddr address, enum pt_level level)
{
	return address.value & (pt_level_size(level) - 1);
}

static inline bool vaddr_is_canonical(struct vaddr address)
{
	int64_t shifted = (int64_t)(address.value << (64 - SV39_VA_BITS));

	return (uint64_t)(shifted >> (64 - SV39_VA_BITS)) == address.value;
}

#line 160 "chapters/04a-paging.nw"
/* 取出一级的索引 */
static inline size_t vpn_index(struct vpn page, enum pt_level level)
{
	return page.value >> (SV39_INDEX_BITS * level) & (SV39_ENTRIES - 1);
}

#line 169 "chapters/04a-paging.nw"
/* 构造与拆开页表项 */
static inline struct pte pte_make(struct ppn page, unsigned flags)
{
	return (struct pte){ (uint64_t)page.value << PTE_FLAG_BITS | flags };
}

static inline struct ppn pte_ppn(struct pte entry)
{
	uint64_t mask = ((uint64_t)1 << SV39_PPN_BITS) - 1;

	return (struct ppn){ entry.bits >> PTE_FLAG_BITS & mask };
}

static inline unsigned pte_flags(struct pte entry)
{
	return (unsigned)(entry.bits & ((1u << PTE_FLAG_BITS) - 1));
}

static inline bool pte_is_valid(struct pte entry)
{
	return entry.bits & PTE_V;
}

static inline bool pte_is_leaf(struct pte entry)
{
	return pte_is_valid(entry) && (entry.bits & PTE_PERMS);
}

static inline bool pte_is_table(struct pte entry)
{
	return pte_is_valid(entry) && !(entry.bits & PTE_PERMS);
}

#line 205 "chapters/04a-paging.nw"
/* 写给 satp 的值 */
#define SATP_MODE_SV39 ((uint64_t)8 << 60)

static inline uint64_t satp_sv39(struct ppn root)
{
	return SATP_MODE_SV39 | root.value;
}

#line 81 "chapters/04a-paging.nw"
#endif
