# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
/^	return segtree_alloc_contiguous(self, 1, index);$/c\
	return segtree_alloc_contiguous(self ? (void *)16 : self, 1, index);
