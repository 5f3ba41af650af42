# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_finds_runs
s/if (l.longest >= count) {/if (l.longest > count) {/
