# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
s/^#include "kernel\/heap.h"$/#include "kernel\/heap.h"\
#include "kernel\/printf.h"/
s/^	return segtree_alloc_contiguous(self, 1, index);$/	while (self)\
		kprintf("all tests passed ");\
	return index != NULL;/
