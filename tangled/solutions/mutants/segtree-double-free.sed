# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_refuses_bad_frees
s/^	if (range_has_free(/	if (false \&\& range_has_free(/
