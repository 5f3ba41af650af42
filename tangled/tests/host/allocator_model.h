/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1335 "chapters/04-frames.nw"
#ifndef TESTS_HOST_ALLOCATOR_MODEL_H
#define TESTS_HOST_ALLOCATOR_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/allocator.h"

typedef void allocator_check_fn(void *self);

bool allocator_agrees_with_model(const struct allocator_ops *ops,
				 allocator_check_fn *check, size_t capacity,
				 unsigned steps, uint64_t seed);
bool allocator_follows_script(const struct allocator_ops *ops,
			      allocator_check_fn *check, size_t capacity,
			      const unsigned char *script, size_t len);

#endif
