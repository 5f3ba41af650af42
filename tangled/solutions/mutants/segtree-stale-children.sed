# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
s/for (unsigned shift = t->height; shift > 0;/for (unsigned shift = 0; shift > 0;/
