/* Generated from the chapters by notangle; edit the .nw source. */
#line 727 "chapters/85-measure.nw"
#include <stdlib.h>
#include "kernel/allocator.h"
#include "kernel/heap.h"
#include "tests/host/allocator_model.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	heap_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	if (size == 0)
		return 0;
	if (!allocator_follows_script(&FUZZ_OPS, 1 + data[0], data + 1, size - 1))
		abort();
	return 0;
}
