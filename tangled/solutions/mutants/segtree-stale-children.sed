# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
/^static void set_range/,/^}/{
/push_down/d
}
