# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_agrees_with_model
/^\tt->node\[k\].push_owed = !is_leaf;$/d
