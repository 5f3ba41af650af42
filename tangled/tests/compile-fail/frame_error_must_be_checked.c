/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1960 "chapters/04-frames.nw"
/* expect-error: ignoring return value of 'frame_alloc' */
#include "kernel/frame.h"

void forget_to_check(struct frame *frame);

void forget_to_check(struct frame *frame)
{
	frame_alloc(frame);
}
