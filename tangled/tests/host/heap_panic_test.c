/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1761 "chapters/02-heap.nw"
#include "host/shim.h"
#include "kernel/heap.h"
#include "kernel/printf.h"
#include "kernel/test.h"
#include "kernel/vec.h"

KTEST(heap_panics_on_bad_frees)
{
	static long not_from_heap;
	struct layout small = { 32, 8 };
	char expected[64];
	void *p = heap_alloc(small);

	ASSERT(p != NULL);
	ksnprintf(expected, sizeof(expected), "refused to free %p", (void *)&not_from_heap);
	ASSERT_PANICS(heap_dealloc(&not_from_heap, small), expected);
	ASSERT_PANICS(heap_dealloc((char *)p + 16, small), "refused to free");
	ASSERT_PANICS(heap_dealloc(p, (struct layout){ 64, 8 }), "size 64, align 8");
	heap_dealloc(p, small);
	ksnprintf(expected, sizeof(expected), "refused to free %p", p);
	ASSERT_PANICS(heap_dealloc(p, small), expected);
}

KTEST(vec_panics_on_index_out_of_range)
{
	struct vec v = VEC_INIT(int);
	int x = 7;

	ASSERT(vec_push(&v, &x));
	ASSERT_EQ(VEC_AT(&v, int, 0), 7);
	ASSERT_PANICS(vec_at(&v, 1), "vec index 1 out of range (length 1)");
	vec_free(&v);
	ASSERT_PANICS(vec_at(&v, 0), "vec index 0 out of range (length 0)");
}
