# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_logarithmic_steps
/set_range(t, 1, 0, t->leaves, \*first, \*first + count, false);/c\
	for (size_t i = *first; i < *first + count; i++)\
		set_range(t, 1, 0, t->leaves, i, i + 1, false);
