/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1507 "chapters/04-frames.nw"
#include "host/shim.h"
#include "kernel/frame.h"
#include "kernel/test.h"

KTEST(frame_allocator_spans_zones)
{
	const struct ppn_range ranges[] = {
		{ { 100 }, { 103 } }, { { 200 }, { 200 } }, { { 300 }, { 302 } },
	};
	struct frame_allocator fa;
	struct ppn page;

	ASSERT(frame_allocator_init(&fa, &stacked_allocator_ops, ranges, 3) == NULL);
	ASSERT_EQ(fa.zone_count, 2);
	ASSERT_EQ(frame_allocator_capacity(&fa), 5);
	for (size_t expect = 100; expect < 103; expect++)
		ASSERT(frame_allocator_alloc(&fa, &page) && page.value == expect);
	ASSERT(frame_allocator_alloc(&fa, &page) && page.value == 300);
	ASSERT(frame_allocator_alloc(&fa, &page) && page.value == 301);
	ASSERT(!frame_allocator_alloc(&fa, &page));
	ASSERT(!frame_allocator_dealloc(&fa, (struct ppn){ 200 }));
	ASSERT(!frame_allocator_dealloc(&fa, (struct ppn){ 103 }));
	ASSERT(!frame_allocator_alloc_contiguous(&fa, 2, &page));
	ASSERT(!frame_allocator_dealloc_contiguous(&fa, (struct ppn){ 100 }, 2));
	ASSERT(frame_allocator_dealloc(&fa, (struct ppn){ 301 }));
	ASSERT(!frame_allocator_dealloc(&fa, (struct ppn){ 301 }));
	frame_allocator_destroy(&fa);
}

KTEST(frame_dealloc_panics_on_bad_frames)
{
	struct memory_map map = {
		.usable_count = 1,
		.usable = { { 0x80a00000, 0x80a10000, "free" } },
	};
	struct frame f, stranger = { { 0x12345 } };

	frames_init(&map);
	ASSERT_EQ(frames_total(), 16);
	ASSERT(frame_alloc(&f) == NULL);
	ASSERT_PANICS(frame_dealloc(&stranger),
		      "refused to free frame 0x12345000 (page 74565)");
	frame_dealloc(&f);
	f.ppn.value = 0x80a00;
	ASSERT_PANICS(frame_dealloc(&f), "refused to free frame 0x80a00000");
	ASSERT_PANICS(frame_dealloc_contiguous(f, 2), "refused to free 2 frames");
	frame_allocator_destroy(&kernel_frames.allocator);
}
#line 1560 "chapters/04-frames.nw"
KTEST(frames_init_refuses_a_map_without_free_pages)
{
	struct memory_map none = { .ram_count = 1, .ram = { { 0x80000000, 0x88000000,
		"RAM" } } };
	struct memory_map crumbs = {
		.usable_count = 2,
		.usable = { { 0x80a00010, 0x80a00ff0, "free" }, { 0x80b00800, 0x80b01000,
			"free" } },
	};

	ASSERT_PANICS(frames_init(&none), "no usable memory");
	ASSERT_PANICS(frames_init(&crumbs), "no whole free page");
	frame_allocator_destroy(&kernel_frames.allocator);
}
