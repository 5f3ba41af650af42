/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1333 "chapters/02-heap.nw"
#include <stdint.h>
#include "kernel/buddy.h"
#include "kernel/test.h"

#define ARENA_SIZE (64 * 1024)

static unsigned char arena[ARENA_SIZE] __attribute__((aligned(ARENA_SIZE)));

static struct layout lay(size_t size, size_t align)
{
	return (struct layout){ size, align };
}

#line 1357 "chapters/02-heap.nw"
/* 伙伴系统的测试用例 */
#define ARENA_BOOKKEEPING 2064

KTEST(buddy_init_carves_bookkeeping)
{
	struct buddy b;

	buddy_init(&b, arena, ARENA_SIZE);
	ASSERT_EQ(buddy_bookkeeping_bytes(&b), ARENA_BOOKKEEPING);
	ASSERT_EQ(buddy_free_bytes(&b), ARENA_SIZE - ARENA_BOOKKEEPING);
	ASSERT_EQ(buddy_largest_free(&b), 32 * 1024);
}

#line 1376 "chapters/02-heap.nw"
KTEST(buddy_splits_and_merges_back)
{
	unsigned char *first_free = arena + ARENA_BOOKKEEPING;
	struct buddy b;
	void *p, *q;

	buddy_init(&b, arena, ARENA_SIZE);
	p = buddy_alloc(&b, lay(1, 1));
	q = buddy_alloc(&b, lay(16, 16));
	ASSERT(p == first_free);
	ASSERT(q == first_free + 16);
	ASSERT_EQ(buddy_free_bytes(&b), ARENA_SIZE - ARENA_BOOKKEEPING - 32);
	ASSERT(buddy_check(&b));
	ASSERT(buddy_dealloc(&b, q, lay(16, 16)));
	ASSERT(buddy_dealloc(&b, p, lay(1, 1)));
	ASSERT_EQ(buddy_free_bytes(&b), ARENA_SIZE - ARENA_BOOKKEEPING);
	ASSERT_EQ(buddy_largest_free(&b), 32 * 1024);
	ASSERT(buddy_alloc(&b, lay(1, 1)) == first_free);
}

#line 1399 "chapters/02-heap.nw"
KTEST(buddy_honours_alignment)
{
	struct buddy b;

	buddy_init(&b, arena, ARENA_SIZE);
	for (size_t align = 1; align <= 4096; align *= 2) {
		void *p = buddy_alloc(&b, lay(24, align));

		ASSERT(p != NULL);
		ASSERT_EQ((uintptr_t)p % align, 0);
	}
}

#line 1416 "chapters/02-heap.nw"
KTEST(buddy_rejects_bad_layouts)
{
	struct buddy b;
	size_t before;

	buddy_init(&b, arena, ARENA_SIZE);
	before = buddy_free_bytes(&b);
	ASSERT(buddy_alloc(&b, lay(0, 8)) == NULL);
	ASSERT(buddy_alloc(&b, lay(8, 0)) == NULL);
	ASSERT(buddy_alloc(&b, lay(8, 24)) == NULL);
	ASSERT(buddy_alloc(&b, lay(ARENA_SIZE, 8)) == NULL);
	ASSERT(buddy_alloc(&b, lay(8, 2 * ARENA_SIZE)) == NULL);
	ASSERT(buddy_alloc(&b, lay(SIZE_MAX, 8)) == NULL);
	ASSERT(buddy_alloc(&b, lay(SIZE_MAX / 2 + 2, 8)) == NULL);
	ASSERT(buddy_alloc(&b, lay(8, (SIZE_MAX >> 1) + 1)) == NULL);
	ASSERT_EQ(buddy_free_bytes(&b), before);
}

#line 1440 "chapters/02-heap.nw"
KTEST(buddy_refuses_bad_frees)
{
	static unsigned char elsewhere[64] __attribute__((aligned(64)));
	struct buddy b;
	unsigned char *p, *q;
	size_t before;

	buddy_init(&b, arena, ARENA_SIZE);
	p = buddy_alloc(&b, lay(64, 8));
	q = buddy_alloc(&b, lay(64, 8));
	ASSERT(p && q);
	before = buddy_free_bytes(&b);
	ASSERT(!buddy_dealloc(&b, elsewhere, lay(64, 8)));
	ASSERT(!buddy_dealloc(&b, NULL, lay(64, 8)));
	ASSERT(!buddy_dealloc(&b, arena + ARENA_SIZE - 64, lay(64, 8)));
	ASSERT(!buddy_dealloc(&b, p + 16, lay(16, 8)));
	ASSERT(!buddy_dealloc(&b, p + 32, lay(32, 8)));
	ASSERT(!buddy_dealloc(&b, p, lay(32, 8)));
	ASSERT(!buddy_dealloc(&b, p, lay(128, 8)));
	ASSERT(!buddy_dealloc(&b, p, lay(0, 8)));
	ASSERT(!buddy_dealloc(&b, p, lay(64, 3)));
	ASSERT_EQ(buddy_free_bytes(&b), before);
	ASSERT(buddy_check(&b));
	ASSERT(buddy_dealloc(&b, p, lay(64, 8)));
	ASSERT(!buddy_dealloc(&b, p, lay(64, 8)));
	ASSERT(buddy_dealloc(&b, q, lay(60, 4)));
	ASSERT_EQ(buddy_free_bytes(&b), ARENA_SIZE - ARENA_BOOKKEEPING);
}

#line 1474 "chapters/02-heap.nw"
KTEST(buddy_exhausts_and_recovers)
{
	static void *blocks[ARENA_SIZE / BUDDY_MIN_BLOCK];
	struct buddy b;
	size_t n = 0, initial;

	buddy_init(&b, arena, ARENA_SIZE);
	initial = buddy_free_bytes(&b);
	while ((blocks[n] = buddy_alloc(&b, lay(BUDDY_MIN_BLOCK, 1))) != NULL)
		n++;
	ASSERT_EQ(n * BUDDY_MIN_BLOCK, initial);
	ASSERT_EQ(buddy_free_bytes(&b), 0);
	ASSERT_EQ(buddy_largest_free(&b), 0);
	ASSERT(buddy_check(&b));
	while (n > 0)
		ASSERT(buddy_dealloc(&b, blocks[--n], lay(BUDDY_MIN_BLOCK, 1)));
	ASSERT_EQ(buddy_free_bytes(&b), initial);
	ASSERT_EQ(buddy_largest_free(&b), 32 * 1024);
}

#line 1497 "chapters/02-heap.nw"
KTEST(buddy_tiny_regions_are_empty)
{
	struct buddy b;

	buddy_init(&b, arena, 0);
	ASSERT(buddy_alloc(&b, lay(1, 1)) == NULL);
	buddy_init(&b, arena + 1, 40);
	ASSERT(buddy_alloc(&b, lay(1, 1)) == NULL);
	ASSERT(!buddy_dealloc(&b, arena + 16, lay(1, 1)));
	ASSERT_EQ(buddy_free_bytes(&b), 0);
	ASSERT(buddy_check(&b));
}

#line 1518 "chapters/02-heap.nw"
#define SLOT0_MARKED_FREE 1UL
#define SLOT0_MARKED_BOTH 3UL

KTEST(buddy_check_catches_planted_corruption)
{
	struct buddy b;
	struct buddy_link *first, saved;
	unsigned long word;

	buddy_init(&b, arena, ARENA_SIZE);
	ASSERT(buddy_alloc(&b, lay(64, 8)) != NULL);
	ASSERT(buddy_check(&b));

	b.nonempty ^= (uint64_t)1 << b.max_order;
	ASSERT(!buddy_check(&b));
	b.nonempty ^= (uint64_t)1 << b.max_order;

	first = b.free_list[b.max_order - 1].next;
	saved = *first;
	first->next = first;
	ASSERT(!buddy_check(&b));
	*first = saved;

	word = b.state_map[0];
	b.state_map[0] = word | SLOT0_MARKED_FREE;
	ASSERT(!buddy_check(&b));
	b.state_map[0] = word | SLOT0_MARKED_BOTH;
	ASSERT(!buddy_check(&b));
	b.state_map[0] = word;
	ASSERT(buddy_check(&b));
}
