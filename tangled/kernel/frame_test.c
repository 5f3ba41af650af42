/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1666 "chapters/04-frames.nw"
#include <stdint.h>
#include "kernel/frame.h"
#include "kernel/heap.h"
#include "kernel/test.h"
#include "kernel/vec.h"

#define FRAME_TEST_TOUCHED 65536

static bool in_usable_memory(struct frame f)
{
	uint64_t start = frame_address(f).value;

	for (size_t i = 0; i < boot_memory_map.usable_count; i++)
		if (start >= boot_memory_map.usable[i].start &&
		    start + PAGE_SIZE <= boot_memory_map.usable[i].end)
			return true;
	return false;
}

static size_t allocate_all(struct vec *all)
{
	struct frame f;

	while (frame_alloc(&f)) {
		if (!in_usable_memory(f))
			ktest_fail(__FILE__, __LINE__, "frame %p is not usable memory",
				   (void *)frame_address(f).value);
		if (all->len < FRAME_TEST_TOUCHED)
			*(volatile size_t *)frame_address(f).value = f.ppn.value;
		vec_push(all, &f);
	}
	return all->len;
}

static void free_all(struct vec *all)
{
	for (size_t i = 0; i < all->len; i++)
		frame_dealloc(vec_at(all, i));
	all->len = 0;
}

KTEST(frames_allocate_every_frame_then_free_them)
{
	struct vec all = VEC_INIT(struct frame);
	size_t total = frames_total(), heap_before = heap_free_bytes();
	size_t in_use_before = frames_in_use();

	if (total == 0)
		return;
	ASSERT(vec_reserve(&all, total));
	ASSERT(allocate_all(&all) <= total);
	ASSERT_EQ(frames_in_use(), in_use_before + all.len);
	total = all.len;
	for (size_t i = 0; i < all.len && i < FRAME_TEST_TOUCHED; i++) {
		struct frame f = VEC_AT(&all, struct frame, i);

		ASSERT_EQ(*(volatile size_t *)frame_address(f).value, f.ppn.value);
	}
	free_all(&all);
	ASSERT_EQ(frames_in_use(), in_use_before);
	ASSERT_EQ(allocate_all(&all), total);
	free_all(&all);
	vec_free(&all);
	ASSERT_EQ(heap_free_bytes(), heap_before);
}

#line 1740 "chapters/04-frames.nw"
KTEST(frame_tracker_releases_at_scope_exit)
{
	size_t before = frames_in_use();
	struct frame kept;

	if (frames_total() == 0)
		return;
	{
		FRAME_TRACKER a = FRAME_NONE;
		FRAME_TRACKER b = FRAME_NONE;

		ASSERT(frame_alloc(&a));
		ASSERT(frame_alloc(&b));
		ASSERT(!ppn_equal(a.ppn, b.ppn));
		ASSERT_EQ(frames_in_use(), before + 2);
		kept = frame_take(&b);
		ASSERT(frame_is_none(b));
	}
	ASSERT_EQ(frames_in_use(), before + 1);
	frame_dealloc(&kept);
	ASSERT(frame_is_none(kept));
	ASSERT_EQ(frames_in_use(), before);
}

KTEST(frames_without_contiguous_support_say_so)
{
	struct frame first;

	if (frames_total() == 0 || kernel_frames.allocator.ops->alloc_contiguous)
		return;
	ASSERT(!frame_alloc_contiguous(2, &first));
}

#line 1778 "chapters/04-frames.nw"
#define CONTIGUOUS_RUN 16

KTEST(frames_allocate_contiguous_runs)
{
	struct frame first;
	size_t before;

	if (frames_total() == 0 || !kernel_frames.allocator.ops->alloc_contiguous)
		return;
	before = frames_in_use();
	ASSERT(frame_alloc_contiguous(CONTIGUOUS_RUN, &first));
	for (size_t i = 0; i < CONTIGUOUS_RUN; i++) {
		struct frame f = { ppn_add(first.ppn, i) };

		ASSERT(in_usable_memory(f));
		*(volatile size_t *)frame_address(f).value = f.ppn.value;
	}
	ASSERT_EQ(frames_in_use(), before + CONTIGUOUS_RUN);
	for (size_t i = 0; i < CONTIGUOUS_RUN / 2; i++) {
		struct frame f = { ppn_add(first.ppn, i) };

		frame_dealloc(&f);
	}
	frame_dealloc_contiguous((struct frame){ ppn_add(first.ppn, CONTIGUOUS_RUN / 2) },
				 CONTIGUOUS_RUN / 2);
	ASSERT_EQ(frames_in_use(), before);
	ASSERT(!frame_alloc_contiguous(frames_total() + 1, &first));
}
