/* Generated from the chapters by notangle; edit the .nw source. */
#line 2131 "chapters/04a-paging.nw"
#include <stdlib.h>
#include "kernel/heap.h"
#include "tests/host/pagetable_model.h"

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
	if (!pagetable_follows_script(data, size))
		abort();
	return 0;
}
