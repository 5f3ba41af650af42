# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
s/\.right = r\.right == half ? (uint32_t)half + l\.right : r\.right,/.right = r.right,/
