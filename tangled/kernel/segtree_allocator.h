/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 264 "chapters/04-frames.nw"
#ifndef KERNEL_SEGTREE_ALLOCATOR_H
#define KERNEL_SEGTREE_ALLOCATOR_H

#include "kernel/allocator.h"

extern const struct allocator_ops segtree_allocator_ops;

#endif
