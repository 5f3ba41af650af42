/* Generated from the chapters by notangle; edit the .nw source. */
#line 148 "chapters/80-grading.nw"
#include <stdlib.h>
#include "kernel/allocator.h"
#include "kernel/printf.h"
#include "kernel/test.h"
#include "tests/host/allocator_model.h"

void drive_to_peak(const struct allocator_ops *ops, void *self, size_t n);
extern const struct allocator_ops merging_stacked_allocator_ops;
size_t merging_stacked_ranges(void *self);

#line 164 "chapters/80-grading.nw"
static size_t measured_peak;

static void note_ranges(void *self)
{
	size_t ranges = stacked_allocator_ranges(self);

	if (ranges > measured_peak)
		measured_peak = ranges;
}

static bool measured_alloc(void *self, size_t *index)
{
	bool ok = stacked_allocator_ops.alloc(self, index);

	note_ranges(self);
	return ok;
}

static bool measured_dealloc(void *self, size_t index)
{
	bool ok = stacked_allocator_ops.dealloc(self, index);

	note_ranges(self);
	return ok;
}

static const struct allocator_ops measured_stacked_ops = {
	.name = "measured-stacked",
	.alloc = measured_alloc,
	.dealloc = measured_dealloc,
};
#line 203 "chapters/80-grading.nw"
static const size_t workload_sizes[] = { 1, 2, 7, 64, 1000 };

KTEST(complexity_workload)
{
	for (size_t i = 0; i < sizeof(workload_sizes) / sizeof(workload_sizes[0]); i++) {
		size_t n = workload_sizes[i];
		void *self = stacked_allocator_ops.create(n);

		ASSERT(self != NULL);
		measured_peak = stacked_allocator_ranges(self);
		drive_to_peak(&measured_stacked_ops, self, n);
		stacked_allocator_ops.destroy(self);
		kprintf("n = %zu: the list reached %zu ranges\n", n, measured_peak);
		if (measured_peak != n)
			ktest_fail(__FILE__, __LINE__,
				   "n = %zu: your workload reached %zu ranges, but %zu are possible",
				   n, measured_peak, n);
	}
}
#line 227 "chapters/80-grading.nw"
#define MERGING_CAPACITY 200
#define MERGING_STEPS 20000

KTEST(merging_agrees_with_model)
{
	static const size_t capacities[] = { 1, 2, 3, 100, 1000 };

	for (size_t i = 0; i < sizeof(capacities) / sizeof(capacities[0]); i++)
		if (!allocator_agrees_with_model(&merging_stacked_allocator_ops,
						 capacities[i], MERGING_STEPS, 7 + i))
			return;
}

static size_t free_runs(const unsigned char *used, size_t n)
{
	size_t runs = 0;

	for (size_t i = 0; i < n; i++)
		if (!used[i] && (i == 0 || used[i - 1]))
			runs++;
	return runs;
}

KTEST(merging_stays_merged)
{
	const struct allocator_ops *ops = &merging_stacked_allocator_ops;
	unsigned char used[MERGING_CAPACITY] = { 0 };
	void *self = ops->create(MERGING_CAPACITY);
	uint64_t rng = 12345;

	ASSERT(self != NULL);
	for (int step = 0; step < MERGING_STEPS; step++) {
		size_t index;

		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		if (rng % 2 && ops->alloc(self, &index) && index < MERGING_CAPACITY)
			used[index] = 1;
		else if (used[index = rng / 2 % MERGING_CAPACITY] && ops->dealloc(self, index))
			used[index] = 0;
		if (merging_stacked_ranges(self) > free_runs(used, MERGING_CAPACITY)) {
			ktest_fail(__FILE__, __LINE__, "step %d: %zu ranges for %zu free runs",
				   step, merging_stacked_ranges(self),
				   free_runs(used, MERGING_CAPACITY));
			break;
		}
	}
	ops->destroy(self);
}
