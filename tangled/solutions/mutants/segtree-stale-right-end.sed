# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
s/\(\.at_end = right\.at_end\) == half ? .*,$/\1,/
