# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_every_run_length
s/if (left.longest >= count) {/if (left.longest > count) {/
