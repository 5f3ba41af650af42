/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1633 "chapters/04-frames.nw"
#include "tests/host/allocator_model.h"
#include "kernel/stacked_allocator.h"
#include "kernel/test.h"

#define MODEL_STEPS 20000

KTEST(stacked_agrees_with_model)
{
	static const size_t capacities[] = { 1, 2, 3, 1000 };

	for (size_t i = 0; i < sizeof(capacities) / sizeof(capacities[0]); i++)
		if (!allocator_agrees_with_model(&stacked_allocator_ops,
						 stacked_allocator_check, capacities[i],
						 MODEL_STEPS, 1 + i))
			return;
}
