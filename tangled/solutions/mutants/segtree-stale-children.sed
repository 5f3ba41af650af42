# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
/^\tt->push_owed\[k\] = !is_leaf;$/d
