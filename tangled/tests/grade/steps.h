/* Generated from the chapters by notangle; edit the .nw source. */
#line 134 "chapters/80-grading.nw"
#ifndef TESTS_GRADE_STEPS_H
#define TESTS_GRADE_STEPS_H

extern unsigned long grade_steps;
void __sanitizer_cov_trace_pc(void);

#endif
