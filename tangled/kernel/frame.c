/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 498 "chapters/04-frames.nw"
#include "kernel/frame.h"
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/printf.h"

#line 513 "chapters/04-frames.nw"
/* 为每一段空闲内存创建一区 */
const char *frame_allocator_init(struct frame_allocator *fa,
				 const struct allocator_ops *ops,
				 const struct ppn_range *ranges, size_t count)
{
	*fa = (struct frame_allocator){ .ops = ops };
	if (count > FRAME_MAX_ZONES)
		return "too many memory ranges";
	for (size_t i = 0; i < count; i++) {
		void *allocator;

		if (ppn_range_len(ranges[i]) == 0)
			continue;
		allocator = ops->create(ppn_range_len(ranges[i]));
		if (!allocator) {
			frame_allocator_destroy(fa);
			return "the allocator cannot be created (out of heap memory?)";
		}
		fa->zones[fa->zone_count++] = (struct frame_zone){ ranges[i], allocator };
	}
	return NULL;
}

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

#line 555 "chapters/04-frames.nw"
/* 找到页号所在的一区 */
static struct frame_zone *zone_of(struct frame_allocator *fa, struct ppn first,
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

#line 572 "chapters/04-frames.nw"
/* 从各区分配页帧 */
bool frame_allocator_alloc(struct frame_allocator *fa, struct ppn *page)
{
	for (size_t i = 0; i < fa->zone_count; i++) {
		size_t index;

		if (fa->ops->alloc(fa->zones[i].allocator, &index)) {
			*page = ppn_add(fa->zones[i].pages.start, index);
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
			return true;
		}
	}
	return false;
}

#line 605 "chapters/04-frames.nw"
/* 把页帧还给它的区 */
bool frame_allocator_dealloc(struct frame_allocator *fa, struct ppn page)
{
	struct frame_zone *z = zone_of(fa, page, 1);

	return z && fa->ops->dealloc(z->allocator, ppn_diff(page, z->pages.start));
}

bool frame_allocator_dealloc_contiguous(struct frame_allocator *fa, struct ppn first,
					size_t count)
{
	struct frame_zone *z = zone_of(fa, first, count);

	return z && count > 0 && fa->ops->dealloc_contiguous &&
	       fa->ops->dealloc_contiguous(z->allocator,
					      ppn_diff(first, z->pages.start), count);
}

#line 709 "chapters/04-frames.nw"
/* 全局的页帧分配器的实现 */
#ifndef FRAME_ALLOCATOR_OPS
#define FRAME_ALLOCATOR_OPS stacked_allocator_ops
#endif

struct locked_frame_allocator kernel_frames = { .lock = SPINLOCK_INIT("frames") };

const char *frame_alloc(struct frame *frame)
{
	bool ok;

	spin_lock(&kernel_frames.lock);
	ok = frame_allocator_alloc(&kernel_frames.allocator, &frame->ppn);
	spin_unlock(&kernel_frames.lock);
	return ok ? NULL : "no available frame to allocate";
}

const char *frame_alloc_contiguous(size_t count, struct frame *first)
{
	bool ok;

	spin_lock(&kernel_frames.lock);
	ok = frame_allocator_alloc_contiguous(&kernel_frames.allocator, count, &first->ppn);
	spin_unlock(&kernel_frames.lock);
	return ok ? NULL : "no run of free frames that long";
}

void frame_dealloc(struct frame *frame)
{
	bool ok;

	spin_lock(&kernel_frames.lock);
	ok = frame_allocator_dealloc(&kernel_frames.allocator, frame->ppn);
	spin_unlock(&kernel_frames.lock);
	if (!ok)
		panic("frame_dealloc: refused to free frame %p (page %zu): "
		      "not an allocated frame",
		      (void *)frame_address(*frame).value, frame->ppn.value);
	*frame = FRAME_NONE;
}

void frame_dealloc_contiguous(struct frame first, size_t count)
{
	bool ok;

	spin_lock(&kernel_frames.lock);
	ok = frame_allocator_dealloc_contiguous(&kernel_frames.allocator, first.ppn, count);
	spin_unlock(&kernel_frames.lock);
	if (!ok)
		panic("frame_dealloc_contiguous: refused to free %zu frames at %p",
		      count, (void *)frame_address(first).value);
}

size_t frames_total(void)
{
	return frame_allocator_capacity(&kernel_frames.allocator);
}
#line 772 "chapters/04-frames.nw"
static size_t usable_ranges(const struct memory_map *map, struct ppn_range *ranges)
{
	for (size_t i = 0; i < map->usable_count; i++)
		ranges[i] = ppn_range_within(paddr_of(map->usable[i].start),
					     paddr_of(map->usable[i].end));
	return map->usable_count;
}

static const char *create_frame_allocator(const struct memory_map *map,
	size_t *metadata)
{
	struct ppn_range ranges[MEMMAP_MAX_USABLE];
	size_t count = usable_ranges(map, ranges), before = heap_free_bytes();
	const char *error;

	spin_lock(&kernel_frames.lock);
	error = frame_allocator_init(&kernel_frames.allocator, &FRAME_ALLOCATOR_OPS,
				     ranges, count);
	spin_unlock(&kernel_frames.lock);
	*metadata = before - heap_free_bytes();
	return error;
}
#line 818 "chapters/04-frames.nw"
#define FRAME_METADATA_GUESS 64
#define FRAME_METADATA_TRIES 4

static uint64_t pow2_at_least(uint64_t x)
{
	uint64_t p = PAGE_SIZE;

	while (p < x && p <= UINT64_MAX / 2)
		p *= 2;
	return p;
}

static const char *grow_heap_for_metadata(struct memory_map *map, uint64_t size)
{
	uint64_t start;

	if (!memmap_take(map, size, "heap", &start))
		return "no free block large enough for the allocator's metadata";
	if (!heap_grow((void *)(uintptr_t)start, size))
		return "the heap cannot grow any more";
	kprintf("frames: heap grown by %lu KiB at %p for the allocator's metadata\n",
		(unsigned long)(size / 1024), (void *)(uintptr_t)start);
	return NULL;
}
#line 852 "chapters/04-frames.nw"
void frames_init(struct memory_map *map)
{
	uint64_t guess = memmap_usable_bytes(map) / PAGE_SIZE;
	size_t metadata = 0, total;
	const char *error;

	if (guess == 0)
		panic("frames_init: no usable memory: the reservations cover all of RAM");
	guess = pow2_at_least(guess > UINT64_MAX / FRAME_METADATA_GUESS ?
					 UINT64_MAX : guess * FRAME_METADATA_GUESS);
	error = create_frame_allocator(map, &metadata);
	for (unsigned i = 0; error && i < FRAME_METADATA_TRIES; i++, guess *= 2) {
		const char *no_room = grow_heap_for_metadata(map, guess);

		if (no_room)
			panic("frames_init: %s allocator: %s; %s", FRAME_ALLOCATOR_OPS.name,
			      error, no_room);
		error = create_frame_allocator(map, &metadata);
	}
	if (error)
		panic("frames_init: %s allocator: %s", FRAME_ALLOCATOR_OPS.name, error);
	total = frames_total();
	if (total == 0)
		panic("frames_init: no whole free page in the memory map");
	kprintf("frames: %zu zones, %zu frames (%zu KiB) by the %s allocator, "
		"metadata %zu bytes (%zu.%02zu per frame)\n",
		kernel_frames.allocator.zone_count, total, total * PAGE_SIZE / 1024,
		FRAME_ALLOCATOR_OPS.name, metadata, metadata / total,
		metadata * 100 / total % 100);
}

#line 885 "chapters/04-frames.nw"
/* 页帧追踪者的实现 */
void frame_release(struct frame *frame)
{
	if (!frame_is_none(*frame))
		frame_dealloc(frame);
}
