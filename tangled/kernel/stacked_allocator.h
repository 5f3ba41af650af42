/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 322 "chapters/04-frames.nw"
#ifndef KERNEL_STACKED_ALLOCATOR_H
#define KERNEL_STACKED_ALLOCATOR_H

#include "kernel/allocator.h"
#include "kernel/vec.h"

#line 340 "chapters/04-frames.nw"
/* 栈式分配器的状态 */
struct index_range {
	size_t start;
	size_t end;
};

struct range_stack {
	size_t capacity;
	struct vec free_ranges;
	unsigned long *allocated;
};

#line 330 "chapters/04-frames.nw"
extern const struct allocator_ops stacked_allocator_ops;

size_t stacked_allocator_ranges(void *self);
void stacked_allocator_check(void *self);

#endif
