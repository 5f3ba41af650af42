# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
s/^	return segtree_alloc_contiguous(self, 1, index);$/	while (self)\
		continue;\
	return index != NULL;/
