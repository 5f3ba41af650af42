/* Generated from the chapters by notangle; edit the .nw source. */
#line 123 "chapters/80-grading.nw"
#include "tests/grade/steps.h"

unsigned long grade_steps;

void __sanitizer_cov_trace_pc(void)
{
	grade_steps++;
}
