/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 146 "chapters/90-solutions.nw"
/*
 * Exercise 2, challenge: a stacked allocator that merges adjacent free
 * ranges, so its list is never longer than the number of free runs.
 * Reference solution.
 */
#include "kernel/allocator.h"
#include "kernel/heap.h"
#include "kernel/string.h"
#include "kernel/vec.h"

extern const struct allocator_ops merging_stacked_allocator_ops;
size_t merging_stacked_ranges(void *self);

#line 166 "chapters/90-solutions.nw"
/* 有序区间列表的状态 */
struct span {
	size_t start;
	size_t end;
};

struct merging {
	size_t capacity;
	struct vec spans;
	unsigned char *allocated;
};

static struct layout flags_layout(size_t capacity)
{
	return (struct layout){ capacity + 1, 1 };
}

#line 185 "chapters/90-solutions.nw"
/* 创建与销毁有序区间列表 */
static void *merging_create(size_t capacity)
{
	struct merging *m = heap_alloc(LAYOUT_OF(struct merging));
	struct span all = { 0, capacity };

	if (!m)
		return NULL;
	*m = (struct merging){ .capacity = capacity, .spans = VEC_INIT(struct span) };
	m->allocated = heap_alloc(flags_layout(capacity));
	if (!m->allocated || !vec_reserve(&m->spans, capacity / 2 + 1)) {
		if (m->allocated)
			heap_dealloc(m->allocated, flags_layout(capacity));
		heap_dealloc(m, LAYOUT_OF(struct merging));
		return NULL;
	}
	memset(m->allocated, 0, capacity + 1);
	if (capacity)
		vec_push(&m->spans, &all);
	return m;
}

static void merging_destroy(void *self)
{
	struct merging *m = self;

	vec_free(&m->spans);
	heap_dealloc(m->allocated, flags_layout(m->capacity));
	heap_dealloc(m, LAYOUT_OF(struct merging));
}

size_t merging_stacked_ranges(void *self)
{
	return ((struct merging *)self)->spans.len;
}

#line 223 "chapters/90-solutions.nw"
/* 从最后一个区间分配 */
static bool merging_alloc(void *self, size_t *index)
{
	struct merging *m = self;
	struct span *last;

	if (m->spans.len == 0)
		return false;
	last = vec_at(&m->spans, m->spans.len - 1);
	*index = last->start++;
	if (last->start == last->end)
		vec_pop(&m->spans, NULL);
	m->allocated[*index] = 1;
	return true;
}

#line 241 "chapters/90-solutions.nw"
/* 归还并与邻居合并 */
static size_t first_after(const struct merging *m, size_t index)
{
	size_t lo = 0, hi = m->spans.len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (((struct span *)vec_at(&m->spans, mid))->start > index)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void remove_span(struct merging *m, size_t pos)
{
	struct span *s = m->spans.data;

	memmove(s + pos, s + pos + 1, (m->spans.len - pos - 1) * sizeof(*s));
	m->spans.len--;
}

static void insert_span(struct merging *m, size_t pos, struct span span)
{
	struct span *s;

	vec_push(&m->spans, &span);
	s = m->spans.data;
	memmove(s + pos + 1, s + pos, (m->spans.len - 1 - pos) * sizeof(*s));
	s[pos] = span;
}

static bool merging_dealloc(void *self, size_t index)
{
	struct merging *m = self;
	size_t pos;
	struct span *s;
	bool joins_prev, joins_next;

	if (index >= m->capacity || !m->allocated[index])
		return false;
	m->allocated[index] = 0;
	pos = first_after(m, index);
	s = m->spans.data;
	joins_prev = pos > 0 && s[pos - 1].end == index;
	joins_next = pos < m->spans.len && s[pos].start == index + 1;
	if (joins_prev && joins_next) {
		s[pos - 1].end = s[pos].end;
		remove_span(m, pos);
	} else if (joins_prev) {
		s[pos - 1].end++;
	} else if (joins_next) {
		s[pos].start--;
	} else {
		insert_span(m, pos, (struct span){ index, index + 1 });
	}
	return true;
}

#line 303 "chapters/90-solutions.nw"
/* 合并区间的分配器的函数表 */
const struct allocator_ops merging_stacked_allocator_ops = {
	.name = "merging-stacked",
	.create = merging_create,
	.destroy = merging_destroy,
	.alloc = merging_alloc,
	.dealloc = merging_dealloc,
};
