/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 495 "chapters/85-measure.nw"
#include <stdlib.h>
#include "kernel/buddy.h"
#include "kernel/printf.h"
#include "kernel/segtree_allocator.h"
#include "kernel/stacked_allocator.h"
#include "kernel/test.h"
#include "tests/shape/steps.h"

#define SHAPE_REGION (16 * 1024 * 1024)
#define SHAPE_ROUNDS 256

#line 512 "chapters/85-measure.nw"
/* 伙伴系统的合并不随空闲块增长 */
static unsigned long steps_per_odd_free(unsigned char *region, size_t n)
{
	static void *blocks[1 << 16];
	struct layout l = { 64, 8 };
	struct buddy b;
	unsigned long before;

	buddy_init(&b, region, SHAPE_REGION);
	for (size_t i = 0; i < n; i++)
		blocks[i] = buddy_alloc(&b, l);
	for (size_t i = 0; i < n; i += 2)
		buddy_dealloc(&b, blocks[i], l);
	before = shape_steps;
	for (size_t i = 1; i < n; i += 2)
		buddy_dealloc(&b, blocks[i], l);
	return (shape_steps - before) / (n / 2);
}

KTEST(buddy_merging_is_flat_in_the_number_of_free_blocks)
{
	unsigned char *region = aligned_alloc(SHAPE_REGION, SHAPE_REGION);
	unsigned long small, large;

	ASSERT(region != NULL);
	small = steps_per_odd_free(region, 1 << 10);
	large = steps_per_odd_free(region, 1 << 16);
	free(region);
	kprintf("odd frees: %lu steps each at n = 2^10, %lu at n = 2^16\n", small, large);
	ASSERT(2 * large <= 3 * small);
}

#line 548 "chapters/85-measure.nw"
/* 分配器的步数随容量增长的形状 */
#define SHAPE_MIN_LOG 10
#define SHAPE_MAX_LOG 18
#define SEGTREE_STEPS_PER_LEVEL 200

static unsigned long steps_per_pair(const struct allocator_ops *ops, size_t capacity)
{
	void *self = ops->create(capacity);
	unsigned long before;
	size_t index;

	for (size_t i = 0; i < capacity / 2; i++)
		ops->alloc(self, &index);
	before = shape_steps;
	for (int r = 0; r < SHAPE_ROUNDS; r++)
		if (ops->alloc(self, &index))
			ops->dealloc(self, index);
	ops->destroy(self);
	return (shape_steps - before) / SHAPE_ROUNDS;
}

KTEST(stacked_cost_is_flat_and_segtree_cost_grows_by_levels)
{
	unsigned long stacked[SHAPE_MAX_LOG + 1], segtree[SHAPE_MAX_LOG + 1];

	for (int k = SHAPE_MIN_LOG; k <= SHAPE_MAX_LOG; k++) {
		stacked[k] = steps_per_pair(&stacked_allocator_ops, (size_t)1 << k);
		segtree[k] = steps_per_pair(&segtree_allocator_ops, (size_t)1 << k);
		kprintf("capacity 2^%d: stacked %lu steps, segtree %lu steps\n",
			k, stacked[k], segtree[k]);
	}
	for (int k = SHAPE_MIN_LOG + 1; k <= SHAPE_MAX_LOG; k++) {
		ASSERT(10 * stacked[k] <= 11 * stacked[SHAPE_MIN_LOG]);
		ASSERT(segtree[k] <= segtree[k - 1] + SEGTREE_STEPS_PER_LEVEL);
	}
}
