/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 48 "chapters/02-heap.nw"
#ifndef KERNEL_LAYOUT_H
#define KERNEL_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct layout {
	size_t size;
	size_t align;
};

#define LAYOUT_OF(type) ((struct layout){ sizeof(type), _Alignof(type) })

static inline bool is_power_of_two(size_t x)
{
	return x != 0 && (x & (x - 1)) == 0;
}

#endif
