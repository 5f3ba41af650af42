/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 98 "chapters/86-figures.nw"
#include <stdio.h>
#include "kernel/heap.h"
#include "solutions/3-segment-tree/segtree_allocator.c"

#define EXAMPLE_CAPACITY 5

#line 108 "chapters/86-figures.nw"
/* 打印线段树的节点 */
static void print_node(FILE *out, const char *state, const struct segtree *t, size_t k,
		       size_t lo, size_t len, int forced)
{
	struct run n = t->node[k];
	unsigned depth = 0;
	double x;

	while (((size_t)2 << depth) <= k)
		depth++;
	x = ((double)(k - ((size_t)1 << depth)) + 0.5) / (double)((size_t)1 << depth);
	if (forced >= 0)
		n = uniform(forced, len);
	else if (n.longest == 0 || n.longest == len)
		forced = n.longest != 0;
	fprintf(out, "\\stnode{%s}{%zu}{%u}{%.4f}{%zu}{%zu}{%u}{%u}{%u}\n",
		state, k, depth, x, lo, lo + len - 1, n.longest, n.left, n.right);
	if (len > 1) {
		print_node(out, state, t, 2 * k, lo, len / 2, forced);
		print_node(out, state, t, 2 * k + 1, lo + len / 2, len / 2, forced);
	}
}

#line 133 "chapters/86-figures.nw"
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
	print_node(out, "allocated", t, 1, 0, ((struct segtree *)t)->leaves, -1);
	segtree_allocator_ops.dealloc(t, 0);
	segtree_allocator_ops.dealloc(t, 2);
	print_node(out, "freed", t, 1, 0, ((struct segtree *)t)->leaves, -1);
	fclose(out);
	return 0;
}
