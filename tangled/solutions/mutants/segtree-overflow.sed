# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_capacities
s/uint32_t/uint16_t/g
