/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 532 "chapters/90-solutions.nw"
/*
 * Exercise 3: a segment-tree page allocator.  Reference solution.
 */
#include <stdint.h>
#include "kernel/heap.h"
#include "kernel/segtree_allocator.h"

#line 558 "chapters/90-solutions.nw"
/* 线段树的节点、字与树 */
#define SEGTREE_MAX_CAPACITY ((size_t)1 << 31)
#define WORD_PAGES 64
#define ALL_FREE (~(uint64_t)0)
#define INNER_PAGES (ALL_FREE >> 1 & ~(uint64_t)1)
#define NO_LENGTH (~(uint32_t)0)

enum page_state { ALLOCATED, FREE };

struct free_runs {
	uint32_t longest;
	uint32_t at_start;
	uint32_t at_end;
};

struct segtree {
	size_t capacity;
	size_t words;
	unsigned height;
	uint64_t *free_bits;
	uint32_t *longest;
	uint32_t *at_start;
	uint32_t *at_end;
	bool *push_owed;
};

static struct layout bits_layout(size_t words)
{
	return (struct layout){ words * sizeof(uint64_t), _Alignof(uint64_t) };
}

static struct layout lengths_layout(size_t words)
{
	return (struct layout){ 2 * words * sizeof(uint32_t), _Alignof(uint32_t) };
}

static struct layout flags_layout(size_t words)
{
	return (struct layout){ 2 * words * sizeof(bool), _Alignof(bool) };
}

static struct free_runs node(const struct segtree *t, size_t k)
{
	return (struct free_runs){ t->longest[k], t->at_start[k], t->at_end[k] };
}

static void set_node(struct segtree *t, size_t k, struct free_runs runs)
{
	t->longest[k] = runs.longest;
	t->at_start[k] = runs.at_start;
	t->at_end[k] = runs.at_end;
}

#line 620 "chapters/90-solutions.nw"
/* 合并两个孩子的空闲段 */
static uint32_t max3(uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t m = a > b ? a : b;

	return m > c ? m : c;
}

static struct free_runs uniform(enum page_state state, size_t pages)
{
	uint32_t n = state == FREE ? (uint32_t)pages : 0;

	return (struct free_runs){ n, n, n };
}

static struct free_runs combine(struct free_runs left, struct free_runs right,
				uint32_t half)
{
	return (struct free_runs){
		.longest = max3(left.longest, right.longest, left.at_end + right.at_start),
		.at_start = left.at_start == half ? half + right.at_start
						  : left.at_start,
		.at_end = right.at_end == half ? half + left.at_end : right.at_end,
	};
}

static bool same_runs(struct free_runs a, struct free_runs b)
{
	return a.longest == b.longest && a.at_start == b.at_start && a.at_end == b.at_end;
}

static bool is_uniform(struct free_runs runs, size_t pages)
{
	return runs.longest == 0 || runs.longest == pages;
}

#line 667 "chapters/90-solutions.nw"
/* 一个字里的空闲段 */
static uint32_t longest_run_in(uint64_t bits)
{
	uint32_t rounds;

	for (rounds = 0; bits; rounds++)
		bits &= bits << 1;
	return rounds;
}

static inline struct free_runs word_runs(uint64_t bits)
{
	uint32_t at_start, at_end;
	uint64_t inner;

	if (bits == ALL_FREE)
		return uniform(FREE, WORD_PAGES);
	at_start = (uint32_t)__builtin_ctzll(~bits);
	at_end = (uint32_t)__builtin_clzll(~bits);
	inner = bits >> at_start << at_start << at_end >> at_end;
	return (struct free_runs){ max3(at_start, at_end, longest_run_in(inner)),
				   at_start, at_end };
}

#line 698 "chapters/90-solutions.nw"
static unsigned free_page_in_word(uint64_t bits)
{
	uint64_t holes = bits & ~(bits << 1) & ~(bits >> 1) & INNER_PAGES;

	return (unsigned)__builtin_ctzll(holes ? holes : bits);
}

static unsigned first_run_in_word(uint64_t bits, size_t count)
{
	uint64_t starts = bits;
	size_t covered = 1;

	if (count == 1)
		return free_page_in_word(bits);
	while (covered < count) {
		size_t step = covered < count - covered ? covered : count - covered;

		starts &= starts >> step;
		covered += step;
	}
	return (unsigned)__builtin_ctzll(starts);
}

#line 747 "chapters/90-solutions.nw"
/* 把统一的状态交给孩子 */
static void set_uniform(struct segtree *t, size_t k, size_t pages,
			enum page_state state)
{
	bool is_leaf = k >= t->words;

	set_node(t, k, uniform(state, pages));
	t->push_owed[k] = !is_leaf;
	if (is_leaf)
		t->free_bits[k - t->words] = state == FREE ? ALL_FREE : 0;
}

static void push_down(struct segtree *t, size_t k, size_t pages)
{
	uint32_t longest = t->longest[k];
	enum page_state state = longest ? FREE : ALLOCATED;

	t->push_owed[k] = false;
	if (t->longest[2 * k] != longest / 2)
		set_uniform(t, 2 * k, pages / 2, state);
	if (t->longest[2 * k + 1] != longest / 2)
		set_uniform(t, 2 * k + 1, pages / 2, state);
}

static bool path_owes_push(const struct segtree *t, size_t leaf)
{
	size_t k = leaf / 2;

	while (!t->push_owed[k])
		k /= 2;
	return k >= 1;
}

static void push_if_owed(struct segtree *t, size_t k, unsigned shift)
{
	if (t->push_owed[k])
		push_down(t, k, (size_t)WORD_PAGES << shift);
}

static void push_from_root(struct segtree *t, size_t first_leaf, size_t last_leaf)
{
	for (unsigned shift = t->height; shift > 0; shift--) {
		push_if_owed(t, first_leaf >> shift, shift);
		push_if_owed(t, last_leaf >> shift, shift);
	}
}

static inline void push_paths(struct segtree *t, size_t first, size_t end)
{
	size_t first_leaf = t->words + first / WORD_PAGES;
	size_t last_leaf = t->words + (end - 1) / WORD_PAGES;

	if (path_owes_push(t, first_leaf) ||
	    (last_leaf != first_leaf && path_owes_push(t, last_leaf)))
		push_from_root(t, first_leaf, last_leaf);
}

#line 821 "chapters/90-solutions.nw"
/* 自底向上重新算出祖先 */
static void recompute(struct segtree *t, size_t k, size_t pages)
{
	set_node(t, k, combine(node(t, 2 * k), node(t, 2 * k + 1), pages / 2));
}

static void recompute_upward(struct segtree *t, size_t child, size_t pages)
{
	size_t k = child / 2;
	uint32_t n = t->longest[child];

	if (is_uniform(node(t, child), pages)) {
		for (; t->longest[2 * k] == t->longest[2 * k + 1]; k /= 2) {
			n *= 2;
			pages *= 2;
			set_node(t, k, (struct free_runs){ n, n, n });
		}
	}
	for (; k >= 1; k /= 2, pages *= 2) {
		struct free_runs runs = combine(node(t, 2 * k), node(t, 2 * k + 1), pages);

		if (runs.longest == t->longest[k] && same_runs(runs, node(t, k)))
			return;
		set_node(t, k, runs);
	}
}

static void recompute_paths(struct segtree *t, size_t first_word, size_t last_word)
{
	size_t left = t->words + first_word, right = t->words + last_word;
	size_t pages = WORD_PAGES;

	if (left == right) {
		struct free_runs runs = word_runs(t->free_bits[first_word]);

		if (runs.longest == t->longest[left] && same_runs(runs, node(t, left)))
			return;
		set_node(t, left, runs);
	} else {
		set_node(t, left, word_runs(t->free_bits[first_word]));
		set_node(t, right, word_runs(t->free_bits[last_word]));
	}
	while (left / 2 != right / 2) {
		left /= 2;
		right /= 2;
		set_node(t, left, combine(node(t, 2 * left), node(t, 2 * left + 1), pages));
		set_node(t, right, combine(node(t, 2 * right), node(t, 2 * right + 1), pages));
		pages *= 2;
	}
	recompute_upward(t, left, pages);
}

#line 879 "chapters/90-solutions.nw"
/* 建树 */
static uint64_t initial_bits(const struct segtree *t, size_t word)
{
	size_t first = word * WORD_PAGES;

	if (first + WORD_PAGES <= t->capacity)
		return ALL_FREE;
	if (first < t->capacity)
		return ((uint64_t)1 << (t->capacity - first)) - 1;
	return 0;
}

static void build(struct segtree *t)
{
	size_t pages = 2 * WORD_PAGES;

	t->push_owed[0] = true;
	t->longest[0] = NO_LENGTH;
	for (size_t k = 1; k < 2 * t->words; k++)
		t->push_owed[k] = false;
	for (size_t word = 0; word < t->words; word++) {
		t->free_bits[word] = initial_bits(t, word);
		set_node(t, t->words + word, word_runs(t->free_bits[word]));
	}
	for (size_t k = t->words - 1; k >= 1; k--) {
		if (k < t->words * WORD_PAGES / pages)
			pages *= 2;
		recompute(t, k, pages);
	}
}

#line 918 "chapters/90-solutions.nw"
/* 找到最左边的一段空闲页 */
static size_t find_run(struct segtree *t, size_t count)
{
	size_t k = 1, first = 0, pages = t->words * WORD_PAGES;

	while (k < t->words && t->longest[k] < pages) {
		size_t half = pages / 2;
		struct free_runs left = node(t, 2 * k), right = node(t, 2 * k + 1);

		if (left.longest >= count) {
			k = 2 * k;
		} else if ((size_t)left.at_end + right.at_start >= count) {
			first += half - left.at_end;
			break;
		} else {
			k = 2 * k + 1;
			first += half;
		}
		pages = half;
	}
	if (k >= t->words)
		return first + first_run_in_word(t->free_bits[k - t->words], count);
	push_paths(t, first, first + count);
	return first;
}

#line 954 "chapters/90-solutions.nw"
/* 查看一段页里有没有空闲的 */
static uint64_t pages_from(size_t first)
{
	return ALL_FREE << first % WORD_PAGES;
}

static uint64_t pages_before(size_t end)
{
	return ALL_FREE >> (WORD_PAGES - 1 - (end - 1) % WORD_PAGES);
}

static bool range_has_free(const struct segtree *t, size_t first, size_t end)
{
	size_t first_word = first / WORD_PAGES, last_word = (end - 1) / WORD_PAGES;
	size_t left = t->words + first_word + 1, right = t->words + last_word;

	if (last_word == first_word)
		return t->free_bits[first_word] & pages_from(first) & pages_before(end);
	if (t->free_bits[first_word] & pages_from(first) ||
	    t->free_bits[last_word] & pages_before(end))
		return true;
	for (; left < right; left /= 2, right /= 2) {
		if ((left & 1) && t->longest[left++])
			return true;
		if ((right & 1) && t->longest[--right])
			return true;
	}
	return false;
}

#line 990 "chapters/90-solutions.nw"
/* 把一段页标成已分配或空闲 */
static void mark_word(struct segtree *t, size_t word, uint64_t mask,
		      enum page_state state)
{
	if (state == FREE)
		t->free_bits[word] |= mask;
	else
		t->free_bits[word] &= ~mask;
}

static inline void mark_range(struct segtree *t, size_t first, size_t end,
			      enum page_state state)
{
	size_t first_word = first / WORD_PAGES, last_word = (end - 1) / WORD_PAGES;
	size_t left = t->words + first_word + 1, right = t->words + last_word;
	size_t pages = WORD_PAGES;

	if (last_word == first_word) {
		mark_word(t, first_word, pages_from(first) & pages_before(end), state);
	} else {
		mark_word(t, first_word, pages_from(first), state);
		mark_word(t, last_word, pages_before(end), state);
	}
	for (; left < right; left /= 2, right /= 2, pages *= 2) {
		if (left & 1)
			set_uniform(t, left++, pages, state);
		if (right & 1)
			set_uniform(t, --right, pages, state);
	}
	recompute_paths(t, first_word, last_word);
}

#line 1027 "chapters/90-solutions.nw"
/* 线段树分配器的操作 */
static void free_array(void *array, struct layout layout)
{
	if (array)
		heap_dealloc(array, layout);
}

static void segtree_destroy(void *self)
{
	struct segtree *t = self;

	free_array(t->free_bits, bits_layout(t->words));
	free_array(t->longest, lengths_layout(t->words));
	free_array(t->at_start, lengths_layout(t->words));
	free_array(t->at_end, lengths_layout(t->words));
	free_array(t->push_owed, flags_layout(t->words));
	heap_dealloc(t, LAYOUT_OF(struct segtree));
}

static void *segtree_create(size_t capacity)
{
	struct segtree *t;

	if (capacity > SEGTREE_MAX_CAPACITY)
		return NULL;
	t = heap_alloc(LAYOUT_OF(struct segtree));
	if (!t)
		return NULL;
	*t = (struct segtree){ .capacity = capacity, .words = 1 };
	while (t->words * WORD_PAGES < capacity) {
		t->words *= 2;
		t->height++;
	}
	t->free_bits = heap_alloc(bits_layout(t->words));
	t->longest = heap_alloc(lengths_layout(t->words));
	t->at_start = heap_alloc(lengths_layout(t->words));
	t->at_end = heap_alloc(lengths_layout(t->words));
	t->push_owed = heap_alloc(flags_layout(t->words));
	if (!t->free_bits || !t->longest || !t->at_start || !t->at_end ||
	    !t->push_owed) {
		segtree_destroy(t);
		return NULL;
	}
	build(t);
	return t;
}

static bool segtree_alloc_contiguous(void *self, size_t count, size_t *first)
{
	struct segtree *t = self;

	if (count == 0 || count > t->longest[1])
		return false;
	*first = find_run(t, count);
	mark_range(t, *first, *first + count, ALLOCATED);
	return true;
}

static bool segtree_dealloc_contiguous(void *self, size_t first, size_t count)
{
	struct segtree *t = self;

	if (count == 0 || first >= t->capacity || count > t->capacity - first)
		return false;
	push_paths(t, first, first + count);
	if (range_has_free(t, first, first + count))
		return false;
	mark_range(t, first, first + count, FREE);
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

#line 1135 "chapters/90-solutions.nw"
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
