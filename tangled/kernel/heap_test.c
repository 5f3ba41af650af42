/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1557 "chapters/02-heap.nw"
#include <stdint.h>
#include "kernel/heap.h"
#include "kernel/test.h"
#include "kernel/vec.h"

#define VEC_TEST_ELEMENTS 20000

KTEST(heap_alloc_and_free_balance)
{
	size_t before = heap_free_bytes();
	void *p = heap_alloc((struct layout){ 100, 8 });

	ASSERT(p != NULL);
	ASSERT(heap_free_bytes() < before);
	heap_dealloc(p, (struct layout){ 100, 8 });
	ASSERT_EQ(heap_free_bytes(), before);
}

KTEST(heap_refuses_impossible_layouts)
{
	ASSERT(heap_alloc((struct layout){ heap_free_bytes() + 1, 8 }) == NULL);
	ASSERT(heap_alloc((struct layout){ 8, 3 }) == NULL);
	ASSERT(heap_alloc((struct layout){ 0, 8 }) == NULL);
}

KTEST(vec_grows_past_several_pages)
{
	struct vec v = VEC_INIT(long);
	size_t before = heap_free_bytes();
	long x;

	for (long i = 0; i < VEC_TEST_ELEMENTS; i++)
		ASSERT(vec_push(&v, &i));
	ASSERT_EQ(v.len, VEC_TEST_ELEMENTS);
	ASSERT(v.cap * sizeof(long) > 32 * 4096);
	for (long i = 0; i < VEC_TEST_ELEMENTS; i++)
		ASSERT_EQ(VEC_AT(&v, long, i), i);
	ASSERT(vec_pop(&v, &x));
	ASSERT_EQ(x, VEC_TEST_ELEMENTS - 1);
	vec_free(&v);
	ASSERT_EQ(heap_free_bytes(), before);
	ASSERT(!vec_pop(&v, &x));
}

KTEST(vec_refuses_impossible_growth)
{
	struct vec v = VEC_INIT(long);

	ASSERT(!vec_reserve(&v, SIZE_MAX / 4));
	ASSERT(!vec_reserve(&v, heap_free_bytes() / sizeof(long) + 1));
	ASSERT_EQ(v.cap, 0);
	ASSERT(v.data == NULL);
}
