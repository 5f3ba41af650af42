/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1108 "chapters/01-kernel.nw"
#include "kernel/test.h"
#include "kernel/panic.h"

#ifdef KTEST_PLANT_FAILURE
KTEST(planted_failure)
{
	ASSERT_EQ(1 + 1, 3);
}
#endif

#ifdef KTEST_PLANT_PANIC
KTEST(planted_panic)
{
	panic("planted panic %d", 42);
}
#endif
