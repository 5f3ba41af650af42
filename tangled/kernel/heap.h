/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 965 "chapters/02-heap.nw"
#ifndef KERNEL_HEAP_H
#define KERNEL_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include "kernel/layout.h"

#ifndef HEAP_SIZE
#define HEAP_SIZE (8 * 1024 * 1024)
#endif

void heap_init(void);
bool heap_grow(void *start, size_t size);
void *heap_alloc(struct layout layout);
void heap_dealloc(void *ptr, struct layout layout);
size_t heap_free_bytes(void);
void heap_describe(void);

#endif
