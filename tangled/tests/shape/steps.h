/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 483 "chapters/85-measure.nw"
#ifndef TESTS_SHAPE_STEPS_H
#define TESTS_SHAPE_STEPS_H

extern unsigned long shape_steps;
void __sanitizer_cov_trace_pc(void);

#endif
