/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 777 "chapters/85-measure.nw"
#include <stdlib.h>
#include "kernel/segtree_allocator.h"
#include "kernel/stacked_allocator.h"
#include "tests/fuzz/fuzz_target.h"
#include "tests/host/allocator_model.h"

static const struct allocator_ops *const fuzzed = &FUZZ_OPS;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	allocator_check_fn *check =
		fuzzed == &stacked_allocator_ops ? stacked_allocator_check : NULL;

	if (size == 0)
		return 0;
	if (!allocator_follows_script(fuzzed, check, 1 + data[0], data + 1, size - 1))
		abort();
	return 0;
}
