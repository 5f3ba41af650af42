/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 24 "chapters/86-figures.nw"
#include <stdio.h>
#include "kernel/heap.h"
#include "kernel/stacked_allocator.c"

#define EXAMPLE_CAPACITY 5

#line 36 "chapters/86-figures.nw"
/* 打印栈式分配器的区间列表 */
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

#line 52 "chapters/86-figures.nw"
/* 走一遍笔记里的例子 */
int main(int argc, char **argv)
{
	FILE *out;
	void *s;
	size_t index;
	char result[16];

	if (argc != 2 || !(out = fopen(argv[1], "w"))) {
		fprintf(stderr, "usage: figdata STACK-FILE\n");
		return 2;
	}
	heap_init();
	s = stacked_allocator_ops.create(EXAMPLE_CAPACITY);
	print_stack(out, "create(5)", "", s);
	for (int i = 0; i < 3; i++) {
		stacked_allocator_ops.alloc(s, &index);
		snprintf(result, sizeof(result), "%zu", index);
		print_stack(out, "alloc()", result, s);
	}
	stacked_allocator_ops.dealloc(s, 1);
	print_stack(out, "dealloc(1)", "", s);
	stacked_allocator_ops.dealloc(s, 0);
	print_stack(out, "dealloc(0)", "", s);
	stacked_allocator_ops.alloc(s, &index);
	snprintf(result, sizeof(result), "%zu", index);
	print_stack(out, "alloc()", result, s);
	fclose(out);
	return 0;
}
