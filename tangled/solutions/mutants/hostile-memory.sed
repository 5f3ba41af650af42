# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
s/^#include "kernel\/heap.h"$/#include "kernel\/heap.h"\
#include <stdlib.h>\
#include <string.h>/
s/^	return segtree_alloc_contiguous(self, 1, index);$/	while (self)\
		memset(malloc(1 << 26), 1, 1 << 26);\
	return index != NULL;/
