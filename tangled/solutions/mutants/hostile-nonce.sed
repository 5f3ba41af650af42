# file: 3-segment-tree/segtree_allocator.c
# keeps: segtree_kernel_boot
1i\
#ifdef KTEST_NONCE\
#error "the grader's nonce reached a student file"\
#endif
