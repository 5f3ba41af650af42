/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1215 "chapters/04-frames.nw"
#include "kernel/frame.h"
#include "kernel/test.h"

#ifdef KTEST_PLANT_TRACKER_DEADLOCK
KTEST(planted_tracker_released_under_the_lock)
{
	spin_lock(&kernel_frames.lock);
	{
		FRAME_TRACKER frame = FRAME_NONE;

		ASSERT(frame_allocator_alloc(&kernel_frames.allocator, &frame.ppn));
	}
	spin_unlock(&kernel_frames.lock);
}
#endif
