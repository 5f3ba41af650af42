/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 270 "chapters/02-heap.nw"
#ifndef KERNEL_BITMAP_H
#define KERNEL_BITMAP_H

#include <stdbool.h>
#include <stddef.h>

#define BITS_PER_LONG (8 * sizeof(unsigned long))

static inline size_t bitmap_words(size_t bits)
{
	return (bits + BITS_PER_LONG - 1) / BITS_PER_LONG;
}

static inline bool test_bit(const unsigned long *map, size_t bit)
{
	return map[bit / BITS_PER_LONG] >> (bit % BITS_PER_LONG) & 1;
}

static inline void set_bit(unsigned long *map, size_t bit)
{
	map[bit / BITS_PER_LONG] |= 1UL << (bit % BITS_PER_LONG);
}

static inline void clear_bit(unsigned long *map, size_t bit)
{
	map[bit / BITS_PER_LONG] &= ~(1UL << (bit % BITS_PER_LONG));
}

#endif
