/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 141 "chapters/02-heap.nw"
#ifndef KERNEL_BUDDY_H
#define KERNEL_BUDDY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/layout.h"

#line 188 "chapters/02-heap.nw"
/* 伙伴系统的常量 */
#define BUDDY_MIN_ORDER 4
#define BUDDY_MIN_BLOCK ((size_t)1 << BUDDY_MIN_ORDER)
#define BUDDY_ORDERS    (8 * sizeof(size_t))

#line 197 "chapters/02-heap.nw"
/* 伙伴系统的状态 */
struct buddy_link {
	struct buddy_link *next;
	struct buddy_link *prev;
};

struct buddy {
	uintptr_t begin;
	size_t size;
	unsigned max_order;
	uint64_t nonempty;
	unsigned long *state_map;
	size_t map_bytes;
	size_t bias[BUDDY_ORDERS];
	struct buddy_link free_list[BUDDY_ORDERS];
};

#line 152 "chapters/02-heap.nw"
void buddy_init(struct buddy *b, void *start, size_t size);
void *buddy_alloc(struct buddy *b, struct layout layout);
bool buddy_dealloc(struct buddy *b, void *ptr, struct layout layout);
size_t buddy_free_bytes(const struct buddy *b);
size_t buddy_largest_free(const struct buddy *b);
size_t buddy_bookkeeping_bytes(const struct buddy *b);
bool buddy_check(const struct buddy *b);

#endif
