/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 754 "chapters/85-measure.nw"
#ifndef TESTS_FUZZ_FUZZ_TARGET_H
#define TESTS_FUZZ_FUZZ_TARGET_H

#include <stddef.h>
#include "kernel/heap.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	heap_init();
	return 0;
}

#endif
