/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 257 "chapters/04a-paging.nw"
#ifndef KERNEL_PAGETABLE_H
#define KERNEL_PAGETABLE_H

#include <stdbool.h>
#include <stddef.h>
#include "kernel/frame.h"
#include "kernel/sv39.h"

struct phys_window {
	uint64_t start;
	uint64_t size;
	unsigned char *base;
};

struct page_table {
	struct frame root;
	const struct phys_window *memory;
	size_t frames;
};

#line 294 "chapters/04a-paging.nw"
/* 页表的操作 */
MUST_CHECK const char *pt_create(struct page_table *table,
	const struct phys_window *memory);
void pt_destroy(struct page_table *table);
MUST_CHECK const char *pt_map(struct page_table *table, struct vaddr va,
			      struct paddr pa, enum pt_level level, unsigned flags);
MUST_CHECK const char *pt_unmap(struct page_table *table, struct vaddr va);
bool pt_translate(const struct page_table *table, struct vaddr va, struct paddr *pa,
		  unsigned *flags);
MUST_CHECK const char *pt_map_range(struct page_table *table, struct vaddr va,
				    struct paddr pa, size_t len, unsigned flags, enum pt_level largest);

#line 691 "chapters/04a-paging.nw"
typedef void pt_leaf_fn(void *context, struct vaddr va, struct paddr pa,
			enum pt_level level, unsigned flags);

void pt_for_each_leaf(const struct page_table *table, pt_leaf_fn *visit, void *context);

#line 279 "chapters/04a-paging.nw"
#endif
