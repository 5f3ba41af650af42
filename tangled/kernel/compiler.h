/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1622 "chapters/01-kernel.nw"
#ifndef KERNEL_COMPILER_H
#define KERNEL_COMPILER_H

#define MUST_CHECK __attribute__((warn_unused_result))

#endif
