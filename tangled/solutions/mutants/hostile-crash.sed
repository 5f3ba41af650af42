# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
s/^	return segtree_alloc_contiguous(self, 1, index);$/	return segtree_alloc_contiguous(self ? (void *)16 : self, 1, index);/
