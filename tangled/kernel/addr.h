/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 30 "chapters/04-frames.nw"
#ifndef KERNEL_ADDR_H
#define KERNEL_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)

struct paddr {
	uintptr_t value;
};

struct ppn {
	size_t value;
};

struct ppn_range {
	struct ppn start;
	struct ppn end;
};

#line 73 "chapters/04-frames.nw"
/* 在地址与页号之间换算 */
static inline size_t page_number_down(uintptr_t address)
{
	return address / PAGE_SIZE;
}

static inline size_t page_number_up(uintptr_t address)
{
	return address / PAGE_SIZE + (address % PAGE_SIZE != 0);
}

static inline uintptr_t page_start(size_t page_number)
{
	return page_number * PAGE_SIZE;
}

static inline struct paddr paddr_of(uintptr_t value)
{
	return (struct paddr){ value };
}

static inline struct ppn ppn_floor(struct paddr address)
{
	return (struct ppn){ page_number_down(address.value) };
}

static inline struct ppn ppn_ceil(struct paddr address)
{
	return (struct ppn){ page_number_up(address.value) };
}

static inline struct paddr ppn_address(struct ppn page)
{
	return (struct paddr){ page_start(page.value) };
}

#line 120 "chapters/04-frames.nw"
/* 页号的算术 */
static inline struct ppn ppn_add(struct ppn page, size_t count)
{
	return (struct ppn){ page.value + count };
}

static inline size_t ppn_diff(struct ppn page, struct ppn base)
{
	return page.value - base.value;
}

static inline bool ppn_equal(struct ppn a, struct ppn b)
{
	return a.value == b.value;
}

#line 146 "chapters/04-frames.nw"
/* 页号的区间 */
static inline struct ppn_range ppn_range_within(struct paddr start, struct paddr end)
{
	struct ppn first = ppn_ceil(start), last = ppn_floor(end);

	if (last.value < first.value)
		last = first;
	return (struct ppn_range){ first, last };
}

static inline size_t ppn_range_len(struct ppn_range range)
{
	return ppn_diff(range.end, range.start);
}

static inline bool ppn_range_contains(struct ppn_range range, struct ppn page)
{
	return page.value >= range.start.value && page.value < range.end.value;
}

static inline bool ppn_ranges_overlap(struct ppn_range a, struct ppn_range b)
{
	return a.start.value < b.end.value && b.start.value < a.end.value;
}

#line 57 "chapters/04-frames.nw"
#endif
