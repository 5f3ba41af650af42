# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_logarithmic_steps
s/^static size_t find_run(/static __attribute__((unused)) size_t find_run(/
s/\*first = find_run(t, count);/*first = linear_find_run(t, count);/
/^static bool segtree_alloc_contiguous/i\
static size_t linear_find_run(struct segtree *t, size_t count)\
{\
	size_t run = 0;\
\
	for (size_t i = 0; i < t->capacity; i++) {\
		push_paths(t, i, i + 1);\
		run = range_has_free(t, i, i + 1) ? run + 1 : 0;\
		if (run == count) {\
			push_paths(t, i + 1 - count, i + 1);\
			return i + 1 - count;\
		}\
	}\
	return 0;\
}\

