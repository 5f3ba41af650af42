/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1815 "chapters/04-frames.nw"
#include "host/shim.h"
#include "kernel/bitmap.h"
#include "kernel/frame.h"
#include "kernel/stacked_allocator.h"
#include "kernel/test.h"

KTEST(frame_allocator_spans_zones)
{
	const struct ppn_range ranges[] = {
		{ { 100 }, { 103 } }, { { 200 }, { 200 } }, { { 300 }, { 302 } },
	};
	struct frame_allocator fa;
	struct ppn page;

	ASSERT(frame_allocator_init(&fa, &stacked_allocator_ops, ranges, 3));
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
	frame_allocator_check(&fa, stacked_allocator_check);
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
	ASSERT(frame_alloc(&f));
	ASSERT_PANICS(frame_dealloc(&stranger),
		      "refused to free frame 0x12345000 (page 74565)");
	frame_dealloc(&f);
	f.ppn.value = 0x80a00;
	ASSERT_PANICS(frame_dealloc(&f), "refused to free frame 0x80a00000");
	ASSERT_PANICS(frame_dealloc_contiguous(f, 2), "refused to free 2 frames");
	frame_allocator_destroy(&kernel_frames.allocator);
}

#line 1871 "chapters/04-frames.nw"
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

#line 1894 "chapters/04-frames.nw"
#define CHECKED_CAPACITY 8

static void push_free_range(struct range_stack *s, size_t start, size_t end)
{
	ASSERT(vec_push(&s->free_ranges, &(struct index_range){ start, end }));
}

KTEST(stacked_check_catches_planted_corruption)
{
	struct range_stack *s = stacked_allocator_ops.create(CHECKED_CAPACITY);
	size_t i;

	ASSERT(s != NULL);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && stacked_allocator_ops.alloc(s, &i));
	stacked_allocator_check(s);
	set_bit(s->allocated, 5);
	ASSERT_PANICS(stacked_allocator_check(s),
		      "index 5 is in free range [2, 8) but marked allocated");
	clear_bit(s->allocated, 5);
	clear_bit(s->allocated, 1);
	ASSERT_PANICS(stacked_allocator_check(s),
		      "index 1 is neither allocated nor in a free range");
	set_bit(s->allocated, 1);
	push_free_range(s, 4, 6);
	ASSERT_PANICS(stacked_allocator_check(s), "free ranges overlap at index 4");
	for (i = 2; i < CHECKED_CAPACITY; i++)
		clear_bit(s->allocated, i);
	vec_pop(&s->free_ranges, NULL);
	push_free_range(s, 7, CHECKED_CAPACITY + 1);
	ASSERT_PANICS(stacked_allocator_check(s), "free range [7, 9) is empty or beyond");
	vec_pop(&s->free_ranges, NULL);
	stacked_allocator_check(s);
	stacked_allocator_ops.destroy(s);
}

#line 1934 "chapters/04-frames.nw"
KTEST(frame_check_catches_planted_corruption)
{
	const struct ppn_range ranges[] = { { { 100 }, { 104 } }, { { 200 }, { 204 } } };
	struct frame_allocator fa;
	struct range_stack *first_zone;
	struct ppn page;

	ASSERT(frame_allocator_init(&fa, &stacked_allocator_ops, ranges, 2));
	ASSERT(frame_allocator_alloc(&fa, &page) && page.value == 100);
	frame_allocator_check(&fa, stacked_allocator_check);
	fa.zones[1].pages = (struct ppn_range){ { 102 }, { 106 } };
	ASSERT_PANICS(frame_allocator_check(&fa, NULL), "zones 0 and 1 overlap");
	fa.zones[1].pages = ranges[1];
	first_zone = fa.zones[0].allocator;
	clear_bit(first_zone->allocated, 0);
	ASSERT_PANICS(frame_allocator_check(&fa, stacked_allocator_check),
		      "index 0 is neither allocated nor in a free range");
	set_bit(first_zone->allocated, 0);
	frame_allocator_check(&fa, stacked_allocator_check);
	frame_allocator_destroy(&fa);
}
