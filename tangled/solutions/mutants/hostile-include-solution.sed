# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
1!d
1c\
#include "solutions/3-segment-tree/segtree_allocator.c"
