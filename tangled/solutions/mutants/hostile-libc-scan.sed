# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_logarithmic_steps
s/^	bool \*push_owed;$/&\
	unsigned char *scratch;/
s/^	build(t);$/	t->scratch = heap_alloc((struct layout){ capacity + 1, 1 });\
	if (!t->scratch)\
		return NULL;\
&/
s/^	free_array(t->push_owed, flags_layout(t->words));$/&\
	heap_dealloc(t->scratch, (struct layout){ t->capacity + 1, 1 });/
s/^	\*first = find_run(t, count);$/	memset(t->scratch, 1, t->capacity + 1);\
&/
s/^#include "kernel\/heap.h"$/&\
#include "kernel\/string.h"/
