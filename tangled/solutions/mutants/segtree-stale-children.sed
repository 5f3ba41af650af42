# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
s/unsigned shift = t->height;/unsigned shift = 0;/
