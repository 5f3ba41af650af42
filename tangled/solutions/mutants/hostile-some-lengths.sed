# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_every_run_length
/^	\*first = find_run(t, count);$/a\
	*first += count > 16 && count % 2;
