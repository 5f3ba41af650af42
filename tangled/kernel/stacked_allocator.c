/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 354 "chapters/04-frames.nw"
#include "kernel/bitmap.h"
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/stacked_allocator.h"
#include "kernel/string.h"

#line 370 "chapters/04-frames.nw"
/* 位图的布局 */
static struct layout bitmap_layout(size_t capacity)
{
	size_t words = bitmap_words(capacity + 1);

	return (struct layout){ words * sizeof(unsigned long), _Alignof(unsigned long) };
}

#line 380 "chapters/04-frames.nw"
/* 创建与销毁栈式分配器 */
static void *stacked_create(size_t capacity)
{
	struct range_stack *s = heap_alloc(LAYOUT_OF(struct range_stack));

	if (!s)
		return NULL;
	*s = (struct range_stack){ .capacity = capacity,
			       .free_ranges = VEC_INIT(struct index_range) };
#line 398 "chapters/04-frames.nw"
	/* 为位图与最坏情况的栈分配空间，失败时全部退回 */
	s->allocated = heap_alloc(bitmap_layout(capacity));
	if (!s->allocated || !vec_reserve(&s->free_ranges, capacity ? capacity : 1)) {
		if (s->allocated)
			heap_dealloc(s->allocated, bitmap_layout(capacity));
		heap_dealloc(s, LAYOUT_OF(struct range_stack));
		return NULL;
	}
#line 411 "chapters/04-frames.nw"
	/* 让全部编号空闲：位图清零，栈里只有一个区间 */
	memset(s->allocated, 0, bitmap_layout(capacity).size);
	if (capacity)
		vec_push(&s->free_ranges, &(struct index_range){ 0, capacity });
#line 391 "chapters/04-frames.nw"
	return s;
}

#line 418 "chapters/04-frames.nw"
static void stacked_destroy(void *self)
{
	struct range_stack *s = self;

	vec_free(&s->free_ranges);
	heap_dealloc(s->allocated, bitmap_layout(s->capacity));
	heap_dealloc(s, LAYOUT_OF(struct range_stack));
}

#line 430 "chapters/04-frames.nw"
/* 从栈顶分配一个编号 */
static bool stacked_alloc(void *self, size_t *index)
{
	struct range_stack *s = self;
	struct index_range *top;

	if (s->free_ranges.len == 0)
		return false;
	top = vec_at(&s->free_ranges, s->free_ranges.len - 1);
	*index = top->start++;
	if (top->start == top->end)
		vec_pop(&s->free_ranges, NULL);
	set_bit(s->allocated, *index);
	return true;
}

#line 451 "chapters/04-frames.nw"
/* 把编号压回栈 */
static bool stacked_dealloc(void *self, size_t index)
{
	struct range_stack *s = self;
	struct index_range freed = { index, index + 1 };

	if (index >= s->capacity || !test_bit(s->allocated, index))
		return false;
	clear_bit(s->allocated, index);
	if (!vec_push(&s->free_ranges, &freed))
		panic("stacked allocator: more free ranges than free indices");
	return true;
}

size_t stacked_allocator_ranges(void *self)
{
	struct range_stack *s = self;

	return s->free_ranges.len;
}

#line 483 "chapters/04-frames.nw"
/* 检查栈与位图是否一致 */

#line 498 "chapters/04-frames.nw"
/* 栈里的一个区间 */
static const struct index_range *free_range(const struct range_stack *s, size_t k)
{
	return vec_at(&s->free_ranges, k);
}

#line 526 "chapters/04-frames.nw"
/* 用位图给各区间做记号 */
static void mark_free_ranges_allocated(struct range_stack *s)
{
	for (size_t k = 0; k < s->free_ranges.len; k++) {
		const struct index_range *r = free_range(s, k);

		for (size_t i = r->start; i < r->end; i++) {
			if (test_bit(s->allocated, i))
				panic("stacked allocator: free ranges overlap at index %zu", i);
			set_bit(s->allocated, i);
		}
	}
}

static size_t first_unmarked(const struct range_stack *s)
{
	size_t i = 0;

	while (i < s->capacity && test_bit(s->allocated, i))
		i++;
	return i;
}

static void unmark_free_ranges(struct range_stack *s)
{
	for (size_t k = 0; k < s->free_ranges.len; k++) {
		const struct index_range *r = free_range(s, k);

		for (size_t i = r->start; i < r->end; i++)
			clear_bit(s->allocated, i);
	}
}

#line 487 "chapters/04-frames.nw"
void stacked_allocator_check(void *self)
{
	struct range_stack *s = self;
	size_t lost;

#line 505 "chapters/04-frames.nw"
	/* 每个区间非空、在范围之内，其中的编号都未分配 */
	for (size_t k = 0; k < s->free_ranges.len; k++) {
		const struct index_range *r = free_range(s, k);

		if (r->start >= r->end || r->end > s->capacity)
			panic("stacked allocator: free range [%zu, %zu) is empty or beyond "
			      "capacity %zu", r->start, r->end, s->capacity);
		for (size_t i = r->start; i < r->end; i++)
			if (test_bit(s->allocated, i))
				panic("stacked allocator: index %zu is in free range [%zu, %zu) "
				      "but marked allocated", i, r->start, r->end);
	}
#line 560 "chapters/04-frames.nw"
	/* 各区间互不重叠，合起来恰好是全部空闲的编号 */
	mark_free_ranges_allocated(s);
	lost = first_unmarked(s);
	unmark_free_ranges(s);
	if (lost < s->capacity)
		panic("stacked allocator: index %zu is neither allocated nor in a free range",
		      lost);
#line 494 "chapters/04-frames.nw"
}

#line 577 "chapters/04-frames.nw"
/* 栈式分配器的函数表 */
const struct allocator_ops stacked_allocator_ops = {
	.name = "stacked",
	.create = stacked_create,
	.destroy = stacked_destroy,
	.alloc = stacked_alloc,
	.dealloc = stacked_dealloc,
	.alloc_contiguous = NULL,
	.dealloc_contiguous = NULL,
};
