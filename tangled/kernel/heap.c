/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 733 "chapters/02-heap.nw"
#include "kernel/heap.h"
#include "kernel/buddy.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/spinlock.h"
#include "kernel/vec.h"

#define HEAP_ALIGN 4096

#define HEAP_MAX_GROWN 8

static struct buddy heap;
static struct buddy grown[HEAP_MAX_GROWN];
static size_t grown_count;
static struct spinlock heap_lock = SPINLOCK_INIT("heap");
static void *heap_start;

#line 758 "chapters/02-heap.nw"
/* 选择堆的存储 */
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

#line 792 "chapters/02-heap.nw"
/* 在启动时初始化堆 */
void heap_init(void)
{
	spin_lock(&heap_lock);
	heap_start = heap_storage();
	buddy_init(&heap, heap_start, HEAP_SIZE);
	spin_unlock(&heap_lock);
}
#line 806 "chapters/02-heap.nw"
bool heap_grow(void *start, size_t size)
{
	bool room;

	spin_lock(&heap_lock);
	room = grown_count < HEAP_MAX_GROWN;
	if (room)
		buddy_init(&grown[grown_count++], start, size);
	spin_unlock(&heap_lock);
	return room;
}

static struct buddy *owner_of(void *ptr)
{
	for (size_t i = 0; i < grown_count; i++)
		if ((uintptr_t)ptr >= grown[i].begin && (uintptr_t)ptr < grown[i].end)
			return &grown[i];
	return &heap;
}

#line 833 "chapters/02-heap.nw"
/* 从堆上分配与释放 */
void *heap_alloc(struct layout layout)
{
	void *ptr;

	spin_lock(&heap_lock);
	ptr = buddy_alloc(&heap, layout);
	for (size_t i = 0; !ptr && i < grown_count; i++)
		ptr = buddy_alloc(&grown[i], layout);
	spin_unlock(&heap_lock);
	return ptr;
}

void heap_dealloc(void *ptr, struct layout layout)
{
	bool freed;

	spin_lock(&heap_lock);
	freed = buddy_dealloc(owner_of(ptr), ptr, layout);
	spin_unlock(&heap_lock);
	if (!freed)
		panic("heap_dealloc: refused to free %p (size %zu, align %zu): "
		      "not a live block of that layout", ptr, layout.size, layout.align);
}

#line 860 "chapters/02-heap.nw"
/* 报告堆的状态 */
size_t heap_free_bytes(void)
{
	size_t bytes;

	spin_lock(&heap_lock);
	bytes = buddy_free_bytes(&heap);
	for (size_t i = 0; i < grown_count; i++)
		bytes += buddy_free_bytes(&grown[i]);
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
