/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1007 "chapters/02-heap.nw"
#include "kernel/heap.h"
#include "kernel/buddy.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/spinlock.h"

#define HEAP_ALIGN 4096

#define HEAP_MAX_GROWN 8

static struct buddy heap;
static struct buddy grown[HEAP_MAX_GROWN];
static size_t grown_count;
static struct spinlock heap_lock = SPINLOCK_INIT("heap");
static void *heap_start;

#line 1034 "chapters/02-heap.nw"
/* 选择堆的存储 */
#ifdef HEAP_BACKING_VEC
#include "kernel/vec.h"

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

#line 1070 "chapters/02-heap.nw"
/* 在启动时初始化堆 */
void heap_init(void)
{
	SPIN_GUARD(&heap_lock);

	heap_start = heap_storage();
	buddy_init(&heap, heap_start, HEAP_SIZE);
}

#line 1084 "chapters/02-heap.nw"
bool heap_grow(void *start, size_t size)
{
	SPIN_GUARD(&heap_lock);

	if (grown_count == HEAP_MAX_GROWN)
		return false;
	buddy_init(&grown[grown_count++], start, size);
	return true;
}

static struct buddy *owner_of(void *ptr)
{
	for (size_t i = 0; i < grown_count; i++)
		if ((uintptr_t)ptr - grown[i].begin < grown[i].size)
			return &grown[i];
	return &heap;
}

#line 1111 "chapters/02-heap.nw"
/* 从堆上分配与释放 */
void *heap_alloc(struct layout layout)
{
	SPIN_GUARD(&heap_lock);
	void *ptr = buddy_alloc(&heap, layout);

	for (size_t i = 0; !ptr && i < grown_count; i++)
		ptr = buddy_alloc(&grown[i], layout);
	return ptr;
}

static bool free_locked(void *ptr, struct layout layout)
{
	SPIN_GUARD(&heap_lock);

	return buddy_dealloc(owner_of(ptr), ptr, layout);
}

void heap_dealloc(void *ptr, struct layout layout)
{
	if (!free_locked(ptr, layout))
		panic("heap_dealloc: refused to free %p (size %zu, align %zu): "
		      "not a live block of that layout", ptr, layout.size, layout.align);
}

#line 1138 "chapters/02-heap.nw"
/* 报告堆的状态 */
size_t heap_free_bytes(void)
{
	SPIN_GUARD(&heap_lock);
	size_t bytes = buddy_free_bytes(&heap);

	for (size_t i = 0; i < grown_count; i++)
		bytes += buddy_free_bytes(&grown[i]);
	return bytes;
}

void heap_describe(void)
{
	SPIN_GUARD(&heap_lock);

	kprintf("heap: %zu KiB at %p, bookkeeping %zu KiB, free %zu KiB, "
		"largest block %zu KiB\n",
		(size_t)HEAP_SIZE / 1024, heap_start,
		buddy_bookkeeping_bytes(&heap) / 1024,
		buddy_free_bytes(&heap) / 1024, buddy_largest_free(&heap) / 1024);
}
