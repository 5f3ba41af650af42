/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 348 "chapters/90-solutions.nw"
/*
 * Exercise 3: a segment-tree page allocator.  Reference solution.
 */
#include <stdint.h>
#include "kernel/heap.h"
#include "kernel/segtree_allocator.h"

#line 366 "chapters/90-solutions.nw"
/* 线段树的节点与树 */
#define SEGTREE_MAX_CAPACITY ((size_t)1 << 31)

struct run {
	uint32_t longest;
	uint32_t left;
	uint32_t right;
};

struct segtree {
	size_t capacity;
	size_t leaves;
	struct run *node;
};

static struct layout nodes_layout(size_t leaves)
{
	return (struct layout){ 2 * leaves * sizeof(struct run), _Alignof(struct run) };
}

#line 387 "chapters/90-solutions.nw"
/* 合并两个孩子的空闲段 */
static uint32_t max3(uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t m = a > b ? a : b;

	return m > c ? m : c;
}

static struct run combine(struct run l, struct run r, size_t half)
{
	return (struct run){
		.longest = max3(l.longest, r.longest, l.right + r.left),
		.left = l.left == half ? (uint32_t)half + r.left : l.left,
		.right = r.right == half ? (uint32_t)half + l.right : r.right,
	};
}

static struct run uniform(bool free, size_t len)
{
	uint32_t n = free ? (uint32_t)len : 0;

	return (struct run){ n, n, n };
}

static void pull(struct segtree *t, size_t k, size_t len)
{
	t->node[k] = combine(t->node[2 * k], t->node[2 * k + 1], len / 2);
}

#line 428 "chapters/90-solutions.nw"
/* 把统一的状态交给孩子 */
static void push_down(struct segtree *t, size_t k, size_t len)
{
	struct run n = t->node[k];
	size_t half = len / 2;

	if (n.longest == 0 || n.longest == len) {
		t->node[2 * k] = uniform(n.longest != 0, half);
		t->node[2 * k + 1] = uniform(n.longest != 0, half);
	}
}

#line 444 "chapters/90-solutions.nw"
/* 建树 */
static void build(struct segtree *t)
{
	size_t len = 2;

	for (size_t i = 0; i < t->leaves; i++)
		t->node[t->leaves + i] = uniform(i < t->capacity, 1);
	for (size_t k = t->leaves - 1; k >= 1; k--) {
		if (k < t->leaves / len)
			len *= 2;
		pull(t, k, len);
	}
}

#line 463 "chapters/90-solutions.nw"
/* 找到最左边的一段空闲页 */
static size_t find_run(struct segtree *t, size_t count)
{
	size_t k = 1, lo = 0, len = t->leaves;

	while (len > 1) {
		size_t half = len / 2;
		struct run l, r;

		push_down(t, k, len);
		l = t->node[2 * k];
		r = t->node[2 * k + 1];
		if (l.longest >= count) {
			k = 2 * k;
		} else if ((size_t)l.right + r.left >= count) {
			return lo + half - l.right;
		} else {
			k = 2 * k + 1;
			lo += half;
		}
		len = half;
	}
	return lo;
}

#line 493 "chapters/90-solutions.nw"
/* 把一段页标成已分配或空闲 */
static void set_range(struct segtree *t, size_t k, size_t lo, size_t len,
		      size_t a, size_t b, bool free)
{
	if (b <= lo || lo + len <= a)
		return;
	if (a <= lo && lo + len <= b) {
		t->node[k] = uniform(free, len);
		return;
	}
	push_down(t, k, len);
	set_range(t, 2 * k, lo, len / 2, a, b, free);
	set_range(t, 2 * k + 1, lo + len / 2, len / 2, a, b, free);
	pull(t, k, len);
}

#line 513 "chapters/90-solutions.nw"
/* 查看一段页里有没有空闲的 */
static bool any_free(const struct segtree *t, size_t k, size_t lo, size_t len,
		     size_t a, size_t b)
{
	struct run n = t->node[k];

	if (b <= lo || lo + len <= a || n.longest == 0)
		return false;
	if ((a <= lo && lo + len <= b) || n.longest == len)
		return true;
	return any_free(t, 2 * k, lo, len / 2, a, b) ||
	       any_free(t, 2 * k + 1, lo + len / 2, len / 2, a, b);
}

#line 531 "chapters/90-solutions.nw"
/* 线段树分配器的操作 */
static void *segtree_create(size_t capacity)
{
	struct segtree *t;

	if (capacity > SEGTREE_MAX_CAPACITY)
		return NULL;
	t = heap_alloc(LAYOUT_OF(struct segtree));
	if (!t)
		return NULL;
	t->capacity = capacity;
	for (t->leaves = 1; t->leaves < capacity; t->leaves *= 2)
		;
	t->node = heap_alloc(nodes_layout(t->leaves));
	if (!t->node) {
		heap_dealloc(t, LAYOUT_OF(struct segtree));
		return NULL;
	}
	build(t);
	return t;
}

static void segtree_destroy(void *self)
{
	struct segtree *t = self;

	heap_dealloc(t->node, nodes_layout(t->leaves));
	heap_dealloc(t, LAYOUT_OF(struct segtree));
}

static bool segtree_alloc_contiguous(void *self, size_t count, size_t *first)
{
	struct segtree *t = self;

	if (count == 0 || count > t->node[1].longest)
		return false;
	*first = find_run(t, count);
	set_range(t, 1, 0, t->leaves, *first, *first + count, false);
	return true;
}

static bool segtree_dealloc_contiguous(void *self, size_t first, size_t count)
{
	struct segtree *t = self;

	if (count == 0 || first >= t->capacity || count > t->capacity - first ||
	    any_free(t, 1, 0, t->leaves, first, first + count))
		return false;
	set_range(t, 1, 0, t->leaves, first, first + count, true);
	return true;
}

static bool segtree_alloc(void *self, size_t *index)
{
	return segtree_alloc_contiguous(self, 1, index);
}

static bool segtree_dealloc(void *self, size_t index)
{
	return segtree_dealloc_contiguous(self, index, 1);
}

#line 618 "chapters/90-solutions.nw"
/* 线段树分配器的函数表 */
const struct allocator_ops segtree_allocator_ops = {
	.name = "segtree",
	.create = segtree_create,
	.destroy = segtree_destroy,
	.alloc = segtree_alloc,
	.dealloc = segtree_dealloc,
	.alloc_contiguous = segtree_alloc_contiguous,
	.dealloc_contiguous = segtree_dealloc_contiguous,
};
