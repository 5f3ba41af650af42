/* Generated from the chapters by notangle; edit the .nw source. */
#line 26 "chapters/86-figures.nw"
#include <stdio.h>
#include "kernel/heap.h"
#include "kernel/stacked_allocator.c"
#include "solutions/3-segment-tree/segtree_allocator.c"

#define EXAMPLE_CAPACITY 5

#line 41 "chapters/86-figures.nw"
static void print_stack(FILE *out, const char *op, const char *result, void *self)
{
	struct range_stack *s = self;

	fprintf(out, "\\stackstep{%s}{%s}{", op, result);
	for (size_t i = 0; i < s->free_ranges.len; i++) {
		struct index_range *r = vec_at(&s->free_ranges, i);

		fprintf(out, "\\range{%zu}{%zu}", r->start, r->end);
	}
	fprintf(out, "}\n");
}
#line 62 "chapters/86-figures.nw"
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
	fprintf(out, "\\stnode{%s}{%zu}{%u}{%.4f}{%zu}{%zu}{%u}{%u}{%u}\n", state, k, depth, x,
		lo, lo + len - 1, n.longest, n.left, n.right);
	if (len > 1) {
		print_node(out, state, t, 2 * k, lo, len / 2, forced);
		print_node(out, state, t, 2 * k + 1, lo + len / 2, len / 2, forced);
	}
}
#line 88 "chapters/86-figures.nw"
int main(int argc, char **argv)
{
	FILE *stack_out, *tree_out;
	void *s, *t;
	size_t index;
	char result[16];

	if (argc != 3 || !(stack_out = fopen(argv[1], "w")) || !(tree_out = fopen(argv[2], "w"))) {
		fprintf(stderr, "usage: figdata STACK-FILE TREE-FILE\n");
		return 2;
	}
	heap_init();
	s = stacked_allocator_ops.create(EXAMPLE_CAPACITY);
	print_stack(stack_out, "create(5)", "", s);
	for (int i = 0; i < 3; i++) {
		stacked_allocator_ops.alloc(s, &index);
		snprintf(result, sizeof(result), "%zu", index);
		print_stack(stack_out, "alloc()", result, s);
	}
	stacked_allocator_ops.dealloc(s, 1);
	print_stack(stack_out, "dealloc(1)", "", s);
	stacked_allocator_ops.dealloc(s, 0);
	print_stack(stack_out, "dealloc(0)", "", s);
	stacked_allocator_ops.alloc(s, &index);
	snprintf(result, sizeof(result), "%zu", index);
	print_stack(stack_out, "alloc()", result, s);
	t = segtree_allocator_ops.create(EXAMPLE_CAPACITY);
	for (int i = 0; i < 3; i++)
		segtree_allocator_ops.alloc(t, &index);
	print_node(tree_out, "allocated", t, 1, 0, ((struct segtree *)t)->leaves, -1);
	segtree_allocator_ops.dealloc(t, 0);
	segtree_allocator_ops.dealloc(t, 2);
	print_node(tree_out, "freed", t, 1, 0, ((struct segtree *)t)->leaves, -1);
	fclose(stack_out);
	fclose(tree_out);
	return 0;
}
