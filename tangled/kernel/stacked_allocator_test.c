/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1238 "chapters/04-frames.nw"
#include "kernel/stacked_allocator.h"
#include "kernel/test.h"

#define SEED_EXAMPLE_CAPACITY 5

KTEST(stacked_follows_the_seed_example)
{
	void *s = stacked_allocator_ops.create(SEED_EXAMPLE_CAPACITY);
	size_t i;

	ASSERT(s != NULL);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 0);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 1);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 2);
	ASSERT_EQ(stacked_allocator_ranges(s), 1);
	ASSERT(stacked_allocator_ops.dealloc(s, 1));
	ASSERT(stacked_allocator_ops.dealloc(s, 0));
	ASSERT_EQ(stacked_allocator_ranges(s), 3);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 0);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 1);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 3);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 4);
	ASSERT(!stacked_allocator_ops.alloc(s, &i));
	ASSERT_EQ(stacked_allocator_ranges(s), 0);
	stacked_allocator_ops.destroy(s);
}

#line 1269 "chapters/04-frames.nw"
KTEST(stacked_refuses_bad_deallocs)
{
	void *s = stacked_allocator_ops.create(SEED_EXAMPLE_CAPACITY);
	size_t i;

	ASSERT(s != NULL);
	ASSERT(stacked_allocator_ops.alloc(s, &i) && i == 0);
	ASSERT(!stacked_allocator_ops.dealloc(s, SEED_EXAMPLE_CAPACITY));
	ASSERT(!stacked_allocator_ops.dealloc(s, (size_t)-1));
	ASSERT(!stacked_allocator_ops.dealloc(s, 3));
	ASSERT(stacked_allocator_ops.dealloc(s, 0));
	ASSERT(!stacked_allocator_ops.dealloc(s, 0));
	ASSERT_EQ(stacked_allocator_ranges(s), 2);
	stacked_allocator_ops.destroy(s);
}

#line 1288 "chapters/04-frames.nw"
KTEST(stacked_capacity_zero_is_empty)
{
	void *s = stacked_allocator_ops.create(0);
	size_t i;

	ASSERT(s != NULL);
	ASSERT(!stacked_allocator_ops.alloc(s, &i));
	ASSERT(!stacked_allocator_ops.dealloc(s, 0));
	stacked_allocator_ops.destroy(s);
}

#line 1304 "chapters/04-frames.nw"
#define WORST_CASE_CAPACITY 1000

KTEST(stacked_worst_case_has_one_range_per_index)
{
	void *s = stacked_allocator_ops.create(WORST_CASE_CAPACITY);
	size_t i;

	ASSERT(s != NULL);
	for (size_t k = 0; k < WORST_CASE_CAPACITY; k++)
		ASSERT(stacked_allocator_ops.alloc(s, &i) && i == k);
	for (size_t k = 0; k < WORST_CASE_CAPACITY; k++)
		ASSERT(stacked_allocator_ops.dealloc(s, k));
	ASSERT_EQ(stacked_allocator_ranges(s), WORST_CASE_CAPACITY);
	stacked_allocator_ops.destroy(s);
}
