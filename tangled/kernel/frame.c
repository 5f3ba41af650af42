/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 694 "chapters/04-frames.nw"
#include "kernel/frame.h"
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/segtree_allocator.h"
#include "kernel/stacked_allocator.h"

#line 712 "chapters/04-frames.nw"
/* 为每一段空闲内存创建一区 */
bool frame_allocator_init(struct frame_allocator *fa, const struct allocator_ops *ops,
			  const struct ppn_range *ranges, size_t count)
{
	*fa = (struct frame_allocator){ .ops = ops };
	if (count > FRAME_MAX_ZONES)
		panic("frame_allocator_init: %zu memory ranges, but at most %zu zones",
		      count, (size_t)FRAME_MAX_ZONES);
	for (size_t i = 0; i < count; i++) {
		void *allocator;

		if (ppn_range_len(ranges[i]) == 0)
			continue;
#line 735 "chapters/04-frames.nw"
		/* 为这一段创建一个分配器实例，堆不够时拆掉已经建好的各区 */
		allocator = ops->create(ppn_range_len(ranges[i]));
		if (!allocator) {
			frame_allocator_destroy(fa);
			return false;
		}
#line 726 "chapters/04-frames.nw"
		fa->zones[fa->zone_count++] = (struct frame_zone){ ranges[i], allocator };
	}
	return true;
}

#line 745 "chapters/04-frames.nw"
void frame_allocator_destroy(struct frame_allocator *fa)
{
	for (size_t i = 0; i < fa->zone_count; i++)
		fa->ops->destroy(fa->zones[i].allocator);
	fa->zone_count = 0;
}

size_t frame_allocator_capacity(const struct frame_allocator *fa)
{
	size_t total = 0;

	for (size_t i = 0; i < fa->zone_count; i++)
		total += ppn_range_len(fa->zones[i].pages);
	return total;
}

#line 766 "chapters/04-frames.nw"
size_t frame_allocator_in_use(const struct frame_allocator *fa)
{
	return fa->in_use;
}

#line 774 "chapters/04-frames.nw"
/* 找到页号所在的一区 */
static struct frame_zone *zone_holding(struct frame_allocator *fa, struct ppn first,
				  size_t count)
{
	for (size_t i = 0; i < fa->zone_count; i++) {
		struct frame_zone *z = &fa->zones[i];

		if (ppn_range_contains(z->pages, first) &&
		    count <= ppn_diff(z->pages.end, first))
			return z;
	}
	return NULL;
}

#line 791 "chapters/04-frames.nw"
/* 从各区分配页帧 */
bool frame_allocator_alloc(struct frame_allocator *fa, struct ppn *page)
{
	for (size_t i = 0; i < fa->zone_count; i++) {
		size_t index;

		if (fa->ops->alloc(fa->zones[i].allocator, &index)) {
			*page = ppn_add(fa->zones[i].pages.start, index);
			fa->in_use++;
			return true;
		}
	}
	return false;
}

bool frame_allocator_alloc_contiguous(struct frame_allocator *fa, size_t count,
				      struct ppn *first)
{
	if (!fa->ops->alloc_contiguous || count == 0)
		return false;
	for (size_t i = 0; i < fa->zone_count; i++) {
		size_t index;

		if (fa->ops->alloc_contiguous(fa->zones[i].allocator, count, &index)) {
			*first = ppn_add(fa->zones[i].pages.start, index);
			fa->in_use += count;
			return true;
		}
	}
	return false;
}

#line 826 "chapters/04-frames.nw"
/* 把页帧还给它的区 */
bool frame_allocator_dealloc(struct frame_allocator *fa, struct ppn page)
{
	struct frame_zone *z = zone_holding(fa, page, 1);

	if (!z || !fa->ops->dealloc(z->allocator, ppn_diff(page, z->pages.start)))
		return false;
	fa->in_use--;
	return true;
}

bool frame_allocator_dealloc_contiguous(struct frame_allocator *fa, struct ppn first,
					size_t count)
{
	struct frame_zone *z = zone_holding(fa, first, count);

	if (!z || count == 0 || !fa->ops->dealloc_contiguous)
		return false;
	if (!fa->ops->dealloc_contiguous(z->allocator, ppn_diff(first, z->pages.start),
					 count))
		return false;
	fa->in_use -= count;
	return true;
}

#line 856 "chapters/04-frames.nw"
/* 检查各区 */
void frame_allocator_check(const struct frame_allocator *fa,
			   void (*check_zone)(void *allocator))
{
	if (fa->zone_count > FRAME_MAX_ZONES)
		panic("frame allocator: %zu zones, at most %zu", fa->zone_count,
		      (size_t)FRAME_MAX_ZONES);
	for (size_t i = 0; i < fa->zone_count; i++) {
		const struct frame_zone *z = &fa->zones[i];

		if (ppn_range_len(z->pages) == 0 || !z->allocator)
			panic("frame allocator: zone %zu is empty or has no allocator", i);
		for (size_t j = 0; j < i; j++)
			if (ppn_ranges_overlap(z->pages, fa->zones[j].pages))
				panic("frame allocator: zones %zu and %zu overlap", j, i);
		if (check_zone)
			check_zone(z->allocator);
	}
}

#line 977 "chapters/04-frames.nw"
/* 全局的页帧分配器的实现 */
#ifndef FRAME_ALLOCATOR_OPS
#define FRAME_ALLOCATOR_OPS stacked_allocator_ops
#endif

struct locked_frame_allocator kernel_frames = { .lock = SPINLOCK_INIT("frames") };

#define LOCKED_CALL(f, ...)						\
	({								\
		SPIN_GUARD(&kernel_frames.lock);			\
		f(&kernel_frames.allocator, __VA_ARGS__);		\
	})

#line 996 "chapters/04-frames.nw"
bool frame_alloc(struct frame *frame)
{
	return LOCKED_CALL(frame_allocator_alloc, &frame->ppn);
}

bool frame_alloc_contiguous(size_t count, struct frame *first)
{
	return LOCKED_CALL(frame_allocator_alloc_contiguous, count, &first->ppn);
}

void frame_dealloc(struct frame *frame)
{
	if (!LOCKED_CALL(frame_allocator_dealloc, frame->ppn))
		panic("frame_dealloc: refused to free frame %p (page %zu): "
		      "not an allocated frame",
		      (void *)frame_address(*frame).value, frame->ppn.value);
	*frame = FRAME_NONE;
}

void frame_dealloc_contiguous(struct frame first, size_t count)
{
	if (!LOCKED_CALL(frame_allocator_dealloc_contiguous, first.ppn, count))
		panic("frame_dealloc_contiguous: refused to free %zu frames at %p",
		      count, (void *)frame_address(first).value);
}

size_t frames_total(void)
{
	return frame_allocator_capacity(&kernel_frames.allocator);
}

size_t frames_in_use(void)
{
	SPIN_GUARD(&kernel_frames.lock);

	return frame_allocator_in_use(&kernel_frames.allocator);
}

#line 1039 "chapters/04-frames.nw"
static size_t usable_ranges(const struct memory_map *map, struct ppn_range *ranges)
{
	for (size_t i = 0; i < map->usable_count; i++)
		ranges[i] = ppn_range_within(paddr_of(map->usable[i].start),
					     paddr_of(map->usable[i].end));
	return map->usable_count;
}

static bool create_frame_allocator(const struct memory_map *map, size_t *metadata)
{
	struct ppn_range ranges[MEMMAP_MAX_USABLE];
	size_t count = usable_ranges(map, ranges), before = heap_free_bytes();
	bool created = LOCKED_CALL(frame_allocator_init, &FRAME_ALLOCATOR_OPS, ranges,
				   count);

	*metadata = before - heap_free_bytes();
	return created;
}

#line 1081 "chapters/04-frames.nw"
#define FRAME_METADATA_GUESS 64
#define FRAME_METADATA_TRIES 4

static uint64_t pow2_at_least(uint64_t x)
{
	uint64_t p = PAGE_SIZE;

	while (p < x && p <= UINT64_MAX / 2)
		p *= 2;
	return p;
}

static uint64_t first_metadata_guess(const struct memory_map *map)
{
	uint64_t frames = memmap_usable_bytes(map) / PAGE_SIZE;

	return pow2_at_least(frames > UINT64_MAX / FRAME_METADATA_GUESS ?
				     UINT64_MAX : frames * FRAME_METADATA_GUESS);
}

#line 1109 "chapters/04-frames.nw"
static void grow_heap_for_metadata(struct memory_map *map, uint64_t size)
{
	uint64_t start;

	if (!memmap_take(map, size, "heap", &start))
		panic("frames_init: the %s allocator needs more heap for its metadata, "
		      "and no free block of %lu KiB is left", FRAME_ALLOCATOR_OPS.name,
		      (unsigned long)(size / 1024));
	if (!heap_grow((void *)(uintptr_t)start, size))
		panic("frames_init: the %s allocator needs more heap for its metadata, "
		      "and the heap cannot grow any more", FRAME_ALLOCATOR_OPS.name);
	kprintf("frames: heap grown by %lu KiB at %p for the allocator's metadata\n",
		(unsigned long)(size / 1024), (void *)(uintptr_t)start);
}

static void create_with_a_larger_heap(struct memory_map *map, size_t *metadata)
{
	uint64_t guess = first_metadata_guess(map);

	for (unsigned i = 0; i < FRAME_METADATA_TRIES; i++, guess *= 2) {
		grow_heap_for_metadata(map, guess);
		if (create_frame_allocator(map, metadata))
			return;
	}
	panic("frames_init: the %s allocator cannot be created: out of heap memory "
	      "after growing the heap %d times", FRAME_ALLOCATOR_OPS.name,
	      FRAME_METADATA_TRIES);
}

#line 1143 "chapters/04-frames.nw"
void frames_init(struct memory_map *map)
{
	size_t metadata = 0, total;

	if (memmap_usable_bytes(map) < PAGE_SIZE)
		panic("frames_init: no usable memory: the reservations cover all of RAM");
	if (!create_frame_allocator(map, &metadata))
		create_with_a_larger_heap(map, &metadata);
	total = frames_total();
	if (total == 0)
		panic("frames_init: no whole free page in the memory map");
	kprintf("frames: %zu zones, %zu frames (%zu KiB) by the %s allocator, "
		"metadata %zu bytes (%zu.%02zu per frame)\n",
		kernel_frames.allocator.zone_count, total, total * PAGE_SIZE / 1024,
		FRAME_ALLOCATOR_OPS.name, metadata, metadata / total,
		metadata * 100 / total % 100);
}

#line 1163 "chapters/04-frames.nw"
/* 页帧追踪者的实现 */
void frame_release(struct frame *frame)
{
	if (!frame_is_none(*frame))
		frame_dealloc(frame);
}
