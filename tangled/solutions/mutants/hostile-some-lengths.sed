# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_every_run_length
s/^	\*first = find_run(t, count);$/	*first = find_run(t, count) + (count > 16 \&\& count % 2);/
