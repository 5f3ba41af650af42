# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
s/^	if (capacity > SEGTREE_MAX_CAPACITY)$/	__asm__ volatile("" ::: "memory");\
&/
