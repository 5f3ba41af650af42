/* Generated from the chapters by notangle; edit the .nw source. */
#line 708 "chapters/02-heap.nw"
#include "kernel/heap.h"
#include "kernel/buddy.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/spinlock.h"
#include "kernel/vec.h"

#define HEAP_ALIGN 4096

static struct buddy heap;
static struct spinlock heap_lock = SPINLOCK_INIT("heap");
static void *heap_start;

#line 730 "chapters/02-heap.nw"
#ifdef HEAP_BACKING_VEC
static struct vec heap_backing = VEC_INIT(unsigned char);

static void *heap_storage(void)
{
	if (!vec_reserve(&heap_backing, HEAP_SIZE))
		panic("heap: cannot allocate the heap's own storage");
	return heap_backing.data;
}
#else
static unsigned char heap_space[HEAP_SIZE] __attribute__((aligned(HEAP_ALIGN)));

static void *heap_storage(void)
{
	return heap_space;
}
#endif
#line 762 "chapters/02-heap.nw"
void heap_init(void)
{
	spin_lock(&heap_lock);
	heap_start = heap_storage();
	buddy_init(&heap, heap_start, HEAP_SIZE);
	spin_unlock(&heap_lock);
}
#line 778 "chapters/02-heap.nw"
void *heap_alloc(struct layout layout)
{
	void *ptr;

	spin_lock(&heap_lock);
	ptr = buddy_alloc(&heap, layout);
	spin_unlock(&heap_lock);
	return ptr;
}

void heap_dealloc(void *ptr, struct layout layout)
{
	bool freed;

	spin_lock(&heap_lock);
	freed = buddy_dealloc(&heap, ptr, layout);
	spin_unlock(&heap_lock);
	if (!freed)
		panic("heap_dealloc: refused to free %p (size %zu, align %zu): "
		      "not a live block of that layout", ptr, layout.size, layout.align);
}
#line 803 "chapters/02-heap.nw"
size_t heap_free_bytes(void)
{
	size_t bytes;

	spin_lock(&heap_lock);
	bytes = buddy_free_bytes(&heap);
	spin_unlock(&heap_lock);
	return bytes;
}

void heap_describe(void)
{
	spin_lock(&heap_lock);
	kprintf("heap: %zu KiB at %p, bookkeeping %zu KiB, free %zu KiB, "
		"largest block %zu KiB\n",
		(size_t)HEAP_SIZE / 1024, heap_start,
		buddy_bookkeeping_bytes(&heap) / 1024,
		buddy_free_bytes(&heap) / 1024, buddy_largest_free(&heap) / 1024);
	spin_unlock(&heap_lock);
}
