/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 210 "chapters/04-frames.nw"
#ifndef KERNEL_ALLOCATOR_H
#define KERNEL_ALLOCATOR_H

#include <stdbool.h>
#include <stddef.h>

struct allocator_ops {
	const char *name;
	void *(*create)(size_t capacity);
	void (*destroy)(void *self);
	bool (*alloc)(void *self, size_t *index);
	bool (*dealloc)(void *self, size_t index);
	bool (*alloc_contiguous)(void *self, size_t count, size_t *first);
	bool (*dealloc_contiguous)(void *self, size_t first, size_t count);
};

#endif
