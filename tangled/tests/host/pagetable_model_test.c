/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 2146 "chapters/04a-paging.nw"
#include "kernel/test.h"
#include "tests/host/pagetable_model.h"

#define PT_MODEL_STEPS 20000
#define PT_MODEL_SEEDS 4

KTEST(page_table_agrees_with_model)
{
	for (uint64_t seed = 1; seed <= PT_MODEL_SEEDS; seed++)
		ASSERT(pagetable_agrees_with_model(PT_MODEL_STEPS, seed));
}
