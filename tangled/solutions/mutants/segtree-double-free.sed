# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_refuses_bad_frees
s/	    any_free(t, 1, 0, t->leaves, first, first + count))/	    false)/
