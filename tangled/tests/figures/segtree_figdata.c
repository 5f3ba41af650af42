/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 99 "chapters/86-figures.nw"
#include <stdio.h>
#include "kernel/heap.h"
#include "solutions/3-segment-tree/segtree_allocator.c"

#define EXAMPLE_CAPACITY 5
#define EXAMPLE_PAGES 8

#line 111 "chapters/86-figures.nw"
/* 读出一页是否空闲 */
static enum page_state page_state_of(const struct segtree *t, size_t page)
{
	size_t k = 1, first = 0, pages = t->words * WORD_PAGES;

	while (k < t->words) {
		uint32_t longest = t->longest[k];

		if (longest == 0 || longest == pages)
			return longest ? FREE : ALLOCATED;
		pages /= 2;
		if (page < first + pages) {
			k = 2 * k;
		} else {
			k = 2 * k + 1;
			first += pages;
		}
	}
	return t->free_bits[k - t->words] >> (page - first) & 1 ? FREE : ALLOCATED;
}

#line 133 "chapters/86-figures.nw"
/* 打印线段树的节点 */
static struct free_runs print_node(FILE *out, const char *state,
				   const struct segtree *t, size_t k, size_t lo, size_t len)
{
	struct free_runs n;
	unsigned depth = 0;
	double x;

	while (((size_t)2 << depth) <= k)
		depth++;
	x = ((double)(k - ((size_t)1 << depth)) + 0.5) / (double)((size_t)1 << depth);
	if (len == 1) {
		n = uniform(page_state_of(t, lo), 1);
	} else {
		struct free_runs left = print_node(out, state, t, 2 * k, lo, len / 2);
		struct free_runs right = print_node(out, state, t, 2 * k + 1, lo + len / 2,
						    len / 2);

		n = combine(left, right, len / 2);
	}
	fprintf(out, "\\stnode{%s}{%zu}{%u}{%.4f}{%zu}{%zu}{%u}{%u}{%u}\n",
		state, k, depth, x, lo, lo + len - 1, n.longest, n.at_start, n.at_end);
	return n;
}

#line 160 "chapters/86-figures.nw"
/* 走一遍笔记里线段树的例子 */
int main(int argc, char **argv)
{
	FILE *out;
	void *t;
	size_t index;

	if (argc != 2 || !(out = fopen(argv[1], "w"))) {
		fprintf(stderr, "usage: segtree-figdata TREE-FILE\n");
		return 2;
	}
	heap_init();
	t = segtree_allocator_ops.create(EXAMPLE_CAPACITY);
	for (int i = 0; i < 3; i++)
		segtree_allocator_ops.alloc(t, &index);
	print_node(out, "allocated", t, 1, 0, EXAMPLE_PAGES);
	segtree_allocator_ops.dealloc(t, 0);
	segtree_allocator_ops.dealloc(t, 2);
	print_node(out, "freed", t, 1, 0, EXAMPLE_PAGES);
	fclose(out);
	return 0;
}
