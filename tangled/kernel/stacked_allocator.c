/* Generated from the chapters by notangle; edit the .nw source. */
#line 354 "chapters/04-frames.nw"
#include "kernel/bitmap.h"
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/stacked_allocator.h"
#include "kernel/string.h"

#line 371 "chapters/04-frames.nw"
static struct layout bitmap_layout(size_t capacity)
{
	size_t words = bitmap_words(capacity + 1);

	return (struct layout){ words * sizeof(unsigned long), _Alignof(unsigned long) };
}
#line 381 "chapters/04-frames.nw"
static void *stacked_create(size_t capacity)
{
	struct range_stack *s = heap_alloc(LAYOUT_OF(struct range_stack));

	if (!s)
		return NULL;
	*s = (struct range_stack){ .capacity = capacity,
			       .free_ranges = VEC_INIT(struct index_range) };
	
#line 399 "chapters/04-frames.nw"
s->allocated = heap_alloc(bitmap_layout(capacity));
if (!s->allocated || !vec_reserve(&s->free_ranges, capacity ? capacity : 1)) {
	if (s->allocated)
		heap_dealloc(s->allocated, bitmap_layout(capacity));
	heap_dealloc(s, LAYOUT_OF(struct range_stack));
	return NULL;
}
#line 390 "chapters/04-frames.nw"
	
#line 412 "chapters/04-frames.nw"
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
#line 431 "chapters/04-frames.nw"
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
#line 452 "chapters/04-frames.nw"
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
#line 499 "chapters/04-frames.nw"
static const struct index_range *free_range(const struct range_stack *s, size_t k)
{
	return vec_at(&s->free_ranges, k);
}
#line 527 "chapters/04-frames.nw"
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

	
#line 506 "chapters/04-frames.nw"
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
#line 493 "chapters/04-frames.nw"
	
#line 561 "chapters/04-frames.nw"
mark_free_ranges_allocated(s);
lost = first_unmarked(s);
unmark_free_ranges(s);
if (lost < s->capacity)
	panic("stacked allocator: index %zu is neither allocated nor in a free range",
	      lost);
#line 494 "chapters/04-frames.nw"
}
#line 578 "chapters/04-frames.nw"
const struct allocator_ops stacked_allocator_ops = {
	.name = "stacked",
	.create = stacked_create,
	.destroy = stacked_destroy,
	.alloc = stacked_alloc,
	.dealloc = stacked_dealloc,
	.alloc_contiguous = NULL,
	.dealloc_contiguous = NULL,
};
