/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 639 "chapters/80-grading.nw"
#include "tests/grade/server.h"

size_t merging_stacked_ranges(void *self);
void *grade_allocator_instance(void);

static void ranges(const struct request *req)
{
	void *self = grade_allocator_instance();

	(void)req;
	if (self)
		reply("+ %zu", merging_stacked_ranges(self));
	else
		reply("x");
}
GRADE_COMMAND('n', 0, ranges);
