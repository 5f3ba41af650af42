/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1629 "chapters/02-heap.nw"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/buddy.h"
#include "kernel/random.h"
#include "kernel/test.h"

#define REGION_SIZE (16 * 1024 * 1024)
#define STEPS 20000
#define MAX_LIVE 512
#define SEED 20261126
#define CHECK_EVERY 64

#line 1650 "chapters/02-heap.nw"
/* 随机测试的伪随机数 */
static uint64_t rng_state;

static uint64_t rng_next(void)
{
	return xorshift64(&rng_state);
}

static size_t random_size(void)
{
	unsigned bits = (unsigned)(rng_next() % 18);

	return 1 + (size_t)(rng_next() % ((size_t)1 << bits));
}

#line 1666 "chapters/02-heap.nw"
/* 随机测试的一个块 */
struct live_block {
	unsigned char *ptr;
	struct layout layout;
	unsigned char fill;
};

static bool block_intact(const struct live_block *blk)
{
	for (size_t i = 0; i < blk->layout.size; i++)
		if (blk->ptr[i] != blk->fill)
			return false;
	return true;
}

#line 1684 "chapters/02-heap.nw"
/* 随机释放一个块并检查它的内容 */
static void free_random_block(struct buddy *b, struct live_block *live, size_t *n)
{
	size_t i = rng_next() % *n;

	if (!block_intact(&live[i]))
		ktest_fail(__FILE__, __LINE__, "seed %d: block %p (size %zu) was overwritten",
			   SEED, (void *)live[i].ptr, live[i].layout.size);
	if (!buddy_dealloc(b, live[i].ptr, live[i].layout))
		ktest_fail(__FILE__, __LINE__, "seed %d: refused to free live block %p",
			   SEED, (void *)live[i].ptr);
	live[i] = live[--*n];
}

#line 1704 "chapters/02-heap.nw"
/* 随机地分配与释放 */
KTEST(buddy_agrees_with_model_under_random_operations)
{
	static struct live_block live[MAX_LIVE];
	unsigned char *region = aligned_alloc(REGION_SIZE, REGION_SIZE);
	size_t n = 0, largest_at_start;
	struct buddy b;

	ASSERT(region != NULL);
	rng_state = SEED;
	buddy_init(&b, region, REGION_SIZE);
	largest_at_start = buddy_largest_free(&b);
	for (int step = 0; step < STEPS && !ktest_failed(); step++) {
		if (n < MAX_LIVE && rng_next() % 100 < 55) {
#line 1740 "chapters/02-heap.nw"
			/* 随机分配一个块并检查它 */
			struct layout layout = { random_size(), (size_t)1 << (rng_next() % 13) };
			unsigned char *p = buddy_alloc(&b, layout);

			if (p) {
				if ((uintptr_t)p % layout.align != 0)
					ktest_fail(__FILE__, __LINE__, "seed %d, step %d: %p not aligned to %zu",
						   SEED, step, (void *)p, layout.align);
				live[n] = (struct live_block){ p, layout, (unsigned char)(step | 1) };
				memset(p, live[n].fill, layout.size);
				n++;
			}
#line 1719 "chapters/02-heap.nw"
		} else if (n > 0) {
			free_random_block(&b, live, &n);
		}
		if (step % CHECK_EVERY == 0 && !buddy_check(&b))
			ktest_fail(__FILE__, __LINE__, "seed %d, step %d: buddy_check failed",
				   SEED, step);
	}
	while (n > 0 && !ktest_failed())
		free_random_block(&b, live, &n);
	if (!ktest_failed() && !buddy_check(&b))
		ktest_fail(__FILE__, __LINE__, "seed %d: buddy_check failed after freeing all",
			   SEED);
	if (!ktest_failed() && buddy_largest_free(&b) != largest_at_start)
		ktest_fail(__FILE__, __LINE__,
			   "seed %d: largest free block %zu after freeing all, %zu at start",
			   SEED, buddy_largest_free(&b), largest_at_start);
	free(region);
}
