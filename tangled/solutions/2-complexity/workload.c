/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 113 "chapters/90-solutions.nw"
/*
 * Exercise 2 (b): drive a stacked allocator of capacity n to its largest
 * list of free ranges, in the fewest calls.  Reference solution.
 */
#include "kernel/allocator.h"

void drive_to_peak(const struct allocator_ops *ops, void *self, size_t n);

void drive_to_peak(const struct allocator_ops *ops, void *self, size_t n)
{
	size_t index;

	for (size_t i = 0; i + 1 < n; i++)
		if (!ops->alloc(self, &index))
			return;
	for (size_t i = 0; i + 1 < n; i++)
		ops->dealloc(self, i);
}
