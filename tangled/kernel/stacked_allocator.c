/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 282 "chapters/04-frames.nw"
#include "kernel/allocator.h"
#include "kernel/bitmap.h"
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "kernel/vec.h"

#line 296 "chapters/04-frames.nw"
/* 栈式分配器的状态 */
struct index_range {
	size_t start;
	size_t end;
};

struct range_stack {
	size_t capacity;
	struct vec free_ranges;
	unsigned long *allocated;
};

static struct layout bitmap_layout(size_t capacity)
{
	size_t words = bitmap_words(capacity + 1);

	return (struct layout){ words * sizeof(unsigned long), _Alignof(unsigned long) };
}

#line 323 "chapters/04-frames.nw"
/* 创建与销毁栈式分配器 */
static void *stacked_create(size_t capacity)
{
	struct range_stack *s = heap_alloc(LAYOUT_OF(struct range_stack));
	struct index_range all = { 0, capacity };

	if (!s)
		return NULL;
	*s = (struct range_stack){ .capacity = capacity,
			       .free_ranges = VEC_INIT(struct index_range) };
	s->allocated = heap_alloc(bitmap_layout(capacity));
	if (!s->allocated || !vec_reserve(&s->free_ranges, capacity ? capacity : 1)) {
		if (s->allocated)
			heap_dealloc(s->allocated, bitmap_layout(capacity));
		heap_dealloc(s, LAYOUT_OF(struct range_stack));
		return NULL;
	}
	memset(s->allocated, 0, bitmap_layout(capacity).size);
	if (capacity)
		vec_push(&s->free_ranges, &all);
	return s;
}

static void stacked_destroy(void *self)
{
	struct range_stack *s = self;

	vec_free(&s->free_ranges);
	heap_dealloc(s->allocated, bitmap_layout(s->capacity));
	heap_dealloc(s, LAYOUT_OF(struct range_stack));
}

#line 360 "chapters/04-frames.nw"
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

#line 381 "chapters/04-frames.nw"
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

#line 404 "chapters/04-frames.nw"
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
