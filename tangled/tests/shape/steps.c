/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 472 "chapters/85-measure.nw"
#include "tests/shape/steps.h"

unsigned long shape_steps;

void __sanitizer_cov_trace_pc(void)
{
	shape_steps++;
}
