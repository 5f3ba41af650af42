/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 2164 "chapters/04a-paging.nw"
#include <stdlib.h>
#include "tests/fuzz/fuzz_target.h"
#include "tests/host/pagetable_model.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	if (!pagetable_follows_script(data, size))
		abort();
	return 0;
}
