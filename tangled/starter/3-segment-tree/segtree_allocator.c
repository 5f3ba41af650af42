/* Your file: first drafted in the book's chapter; edit it here. */
/*
 * Exercise 3: a segment-tree page allocator.
 * The handout is the chapter "练习三" of the book.
 */
#include <stdint.h>
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/segtree_allocator.h"

static void *segtree_create(size_t capacity)
{
	(void)capacity;
	panic("segtree_create: not implemented (exercise 3)");
}

static void segtree_destroy(void *self)
{
	(void)self;
}

static bool segtree_alloc(void *self, size_t *index)
{
	(void)self;
	(void)index;
	return false;
}

static bool segtree_dealloc(void *self, size_t index)
{
	(void)self;
	(void)index;
	return false;
}

static bool segtree_alloc_contiguous(void *self, size_t count, size_t *first)
{
	(void)self;
	(void)count;
	(void)first;
	return false;
}

static bool segtree_dealloc_contiguous(void *self, size_t first, size_t count)
{
	(void)self;
	(void)first;
	(void)count;
	return false;
}

const struct allocator_ops segtree_allocator_ops = {
	.name = "segtree",
	.create = segtree_create,
	.destroy = segtree_destroy,
	.alloc = segtree_alloc,
	.dealloc = segtree_dealloc,
	.alloc_contiguous = segtree_alloc_contiguous,
	.dealloc_contiguous = segtree_dealloc_contiguous,
};
