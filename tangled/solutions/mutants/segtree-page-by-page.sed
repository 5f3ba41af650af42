# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_logarithmic_steps
/mark_range(t, \*first, \*first + count, ALLOCATED);/c\
	for (size_t i = *first; i < *first + count; i++) {\
		push_paths(t, i, i + 1);\
		mark_range(t, i, i + 1, ALLOCATED);\
	}
