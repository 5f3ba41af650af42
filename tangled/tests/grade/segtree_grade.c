/* Generated from the chapters by notangle; edit the .nw source. */
#line 282 "chapters/80-grading.nw"
#include <stdlib.h>
#include <string.h>
#include "kernel/allocator.h"
#include "kernel/heap.h"
#include "kernel/printf.h"
#include "kernel/test.h"
#include "tests/grade/steps.h"
#include "tests/host/allocator_model.h"

#define OPS (&segtree_allocator_ops)

#line 308 "chapters/80-grading.nw"
static bool expect_run(void *self, unsigned char *used, size_t capacity, size_t count,
		       bool exists)
{
	size_t first = SIZE_MAX;
	bool ok = OPS->alloc_contiguous(self, count, &first);

	if (ok != exists) {
		ktest_fail(__FILE__, __LINE__, "alloc_contiguous(%zu) returned %d; a free run of %zu %s",
			   count, ok, count, exists ? "exists" : "does not exist");
		return false;
	}
	if (!ok)
		return true;
	if (first >= capacity || count > capacity - first) {
		ktest_fail(__FILE__, __LINE__, "alloc_contiguous(%zu) gave %zu, out of range",
			   count, first);
		return false;
	}
	for (size_t i = first; i < first + count; i++) {
		if (used[i]) {
			ktest_fail(__FILE__, __LINE__,
				   "alloc_contiguous(%zu) gave %zu, but %zu was not free",
				   count, first, i);
			return false;
		}
		used[i] = 1;
	}
	return true;
}
#line 340 "chapters/80-grading.nw"
KTEST(segtree_agrees_with_model)
{
	static const size_t capacities[] = { 1, 2, 3, 5, 100, 1000 };

	for (size_t i = 0; i < sizeof(capacities) / sizeof(capacities[0]); i++)
		if (!allocator_agrees_with_model(OPS, capacities[i], 20000, 100 + i))
			return;
}
#line 356 "chapters/80-grading.nw"
KTEST(segtree_finds_runs)
{
	unsigned char used[16] = { 0 };
	void *t = OPS->create(5);
	size_t i;

	ASSERT(t != NULL);
	ASSERT(expect_run(t, used, 5, 5, true));
	ASSERT(OPS->dealloc_contiguous(t, 3, 2));
	ASSERT(OPS->dealloc(t, 0) && OPS->dealloc(t, 2));
	used[0] = used[2] = used[3] = used[4] = 0;
	ASSERT(expect_run(t, used, 5, 4, false));
	ASSERT(expect_run(t, used, 5, 3, true));
	ASSERT(OPS->alloc(t, &i) && i == 0);
	ASSERT(!OPS->alloc(t, &i));
	OPS->destroy(t);

	memset(used, 0, sizeof(used));
	t = OPS->create(8);
	ASSERT(t != NULL);
	ASSERT(expect_run(t, used, 8, 8, true));
	ASSERT(OPS->dealloc_contiguous(t, 3, 3));
	used[3] = used[4] = used[5] = 0;
	ASSERT(expect_run(t, used, 8, 4, false));
	ASSERT(expect_run(t, used, 8, 3, true));
	ASSERT(expect_run(t, used, 8, 1, false));
	OPS->destroy(t);

	memset(used, 0, sizeof(used));
	t = OPS->create(16);
	ASSERT(t != NULL);
	ASSERT(expect_run(t, used, 16, 16, true));
	ASSERT(OPS->dealloc_contiguous(t, 1, 2) && OPS->dealloc_contiguous(t, 6, 4));
	ASSERT(OPS->dealloc(t, 14));
	used[1] = used[2] = used[6] = used[7] = used[8] = used[9] = used[14] = 0;
	ASSERT(expect_run(t, used, 16, 5, false));
	ASSERT(expect_run(t, used, 16, 4, true));
	ASSERT(expect_run(t, used, 16, 2, true));
	ASSERT(expect_run(t, used, 16, 2, false));
	ASSERT(expect_run(t, used, 16, 1, true));
	ASSERT(expect_run(t, used, 16, 1, false));
	OPS->destroy(t);
}
#line 404 "chapters/80-grading.nw"
static void fill_and_empty(size_t capacity)
{
	unsigned char *seen = calloc(capacity, 1);
	void *t = OPS->create(capacity);
	size_t index, first;

	if (!t || !seen) {
		ktest_fail(__FILE__, __LINE__, "capacity %zu: create failed", capacity);
		goto out;
	}
	for (size_t k = 0; k < capacity; k++) {
		if (!OPS->alloc(t, &index) || index >= capacity || seen[index]) {
			ktest_fail(__FILE__, __LINE__, "capacity %zu: allocation %zu failed or repeated",
				   capacity, k);
			goto out;
		}
		seen[index] = 1;
	}
	if (OPS->alloc(t, &index))
		ktest_fail(__FILE__, __LINE__, "capacity %zu: allocated %zu past the end",
			   capacity, index);
	for (size_t k = 0; k < capacity && !ktest_failed(); k++)
		if (!OPS->dealloc(t, k))
			ktest_fail(__FILE__, __LINE__, "capacity %zu: dealloc(%zu) refused",
				   capacity, k);
	if (!ktest_failed() && !(OPS->alloc_contiguous(t, capacity, &first) && first == 0))
		ktest_fail(__FILE__, __LINE__, "capacity %zu: the whole range is not one free run",
			   capacity);
	if (!ktest_failed() && !OPS->dealloc_contiguous(t, 0, capacity))
		ktest_fail(__FILE__, __LINE__, "capacity %zu: dealloc_contiguous(0, %zu) refused",
			   capacity, capacity);
out:
	if (t)
		OPS->destroy(t);
	free(seen);
}

KTEST(segtree_capacities)
{
	static const size_t capacities[] = { 1, 2, 3, 1000, 1 << 15, 1 << 20 };

	for (size_t i = 0; i < sizeof(capacities) / sizeof(capacities[0]); i++) {
		fill_and_empty(capacities[i]);
		if (ktest_failed())
			return;
	}
}
#line 454 "chapters/80-grading.nw"
#define EXHAUST_CAPACITY 37

KTEST(segtree_exhaustion)
{
	void *t = OPS->create(EXHAUST_CAPACITY);
	size_t index, first;

	ASSERT(t != NULL);
	for (size_t k = 0; k < EXHAUST_CAPACITY; k++)
		ASSERT(OPS->alloc(t, &index));
	ASSERT(!OPS->alloc(t, &index));
	ASSERT(!OPS->alloc_contiguous(t, 1, &first));
	ASSERT(OPS->dealloc(t, 17));
	ASSERT(OPS->alloc(t, &index) && index == 17);
	ASSERT(OPS->dealloc(t, 5) && OPS->dealloc(t, 6));
	ASSERT(OPS->alloc_contiguous(t, 2, &first) && first == 5);
	ASSERT(!OPS->alloc_contiguous(t, 1, &first));
	OPS->destroy(t);
}
#line 480 "chapters/80-grading.nw"
#define BAD_FREE_CAPACITY 64

KTEST(segtree_refuses_bad_frees)
{
	unsigned char used[BAD_FREE_CAPACITY] = { 0 };
	void *t = OPS->create(BAD_FREE_CAPACITY);
	size_t index, first, a_free = SIZE_MAX;

	ASSERT(t != NULL);
	for (size_t k = 0; k < BAD_FREE_CAPACITY / 2; k++) {
		ASSERT(OPS->alloc(t, &index) && index < BAD_FREE_CAPACITY);
		used[index] = 1;
	}
	for (size_t k = 0; k < BAD_FREE_CAPACITY; k++)
		if (!used[k])
			a_free = k;
	ASSERT(a_free != SIZE_MAX);
	ASSERT(!OPS->dealloc(t, BAD_FREE_CAPACITY));
	ASSERT(!OPS->dealloc(t, SIZE_MAX));
	ASSERT(!OPS->dealloc(t, a_free));
	ASSERT(!OPS->dealloc_contiguous(t, a_free, 1));
	ASSERT(!OPS->dealloc_contiguous(t, 0, BAD_FREE_CAPACITY));
	ASSERT(!OPS->dealloc_contiguous(t, 0, 0));
	ASSERT(!OPS->dealloc_contiguous(t, SIZE_MAX - 1, 4));
	ASSERT(!OPS->dealloc_contiguous(t, BAD_FREE_CAPACITY - 2, 4));
	ASSERT(!OPS->alloc_contiguous(t, 0, &first));
	for (size_t k = 0; k < BAD_FREE_CAPACITY; k++) {
		if (!used[k])
			continue;
		ASSERT(OPS->dealloc(t, k));
		ASSERT(!OPS->dealloc(t, k));
	}
	ASSERT(OPS->alloc_contiguous(t, BAD_FREE_CAPACITY, &first) && first == 0);
	OPS->destroy(t);
}
#line 524 "chapters/80-grading.nw"
#define STEP_ROUNDS 256
#define STEP_GROWTH_LIMIT 3
#define STEP_PER_LEVEL 200

enum step_kind { STEP_ALLOC, STEP_ALLOC_RUN, STEP_DEALLOC, STEP_DEALLOC_RUN, STEP_KINDS };

static const char *const step_names[STEP_KINDS] = {
	"alloc", "alloc_contiguous", "dealloc", "dealloc_contiguous",
};

struct step_stats {
	unsigned long total[STEP_KINDS];
	unsigned long most[STEP_KINDS];
	unsigned long long_run;
};

static void count(struct step_stats *s, enum step_kind kind, unsigned long before)
{
	unsigned long steps = grade_steps - before;

	s->total[kind] += steps;
	if (steps > s->most[kind])
		s->most[kind] = steps;
}

#line 554 "chapters/80-grading.nw"
static bool measure_steps(size_t capacity, struct step_stats *s)
{
	void *t = OPS->create(capacity);
	uint64_t rng = 42;
	size_t first, index;

	memset(s, 0, sizeof(*s));
	if (!t || !OPS->alloc_contiguous(t, capacity / 2, &first)) {
		ktest_fail(__FILE__, __LINE__, "capacity %zu: setup failed", capacity);
		if (t)
			OPS->destroy(t);
		return false;
	}
	for (int k = 0; k < STEP_ROUNDS; k++) {
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		OPS->dealloc(t, first + rng % (capacity / 2));
	}
	for (int round = 0; round < STEP_ROUNDS; round++) {
		size_t run = 1 + (size_t)round % 16, run_first;
		unsigned long before = grade_steps;
		bool got_one, got_run;

		got_one = OPS->alloc(t, &index);
		count(s, STEP_ALLOC, before);
		before = grade_steps;
		got_run = OPS->alloc_contiguous(t, run, &run_first);
		count(s, STEP_ALLOC_RUN, before);
		if (!got_one || !got_run) {
			ktest_fail(__FILE__, __LINE__, "capacity %zu: allocation failed in round %d",
				   capacity, round);
			break;
		}
		before = grade_steps;
		OPS->dealloc(t, index);
		count(s, STEP_DEALLOC, before);
		before = grade_steps;
		OPS->dealloc_contiguous(t, run_first, run);
		count(s, STEP_DEALLOC_RUN, before);
	}
	
#line 605 "chapters/80-grading.nw"
if (!ktest_failed()) {
	unsigned long before = grade_steps;

	if (!OPS->alloc_contiguous(t, capacity / 8, &first) ||
	    !OPS->dealloc_contiguous(t, first, capacity / 8))
		ktest_fail(__FILE__, __LINE__, "capacity %zu: a run of %zu pages failed",
			   capacity, capacity / 8);
	s->long_run = grade_steps - before;
}
#line 596 "chapters/80-grading.nw"
	OPS->destroy(t);
	return !ktest_failed();
}
#line 621 "chapters/80-grading.nw"
KTEST(segtree_logarithmic_steps)
{
	struct step_stats small, large;
	unsigned long limit = STEP_PER_LEVEL * (20 + 1);

	if (!measure_steps(1 << 10, &small) || !measure_steps(1 << 20, &large))
		return;
	for (int k = 0; k < STEP_KINDS; k++) {
		unsigned long avg_small = small.total[k] / STEP_ROUNDS + 1;
		unsigned long avg_large = large.total[k] / STEP_ROUNDS + 1;

		kprintf("%s: %lu steps on average at 2^10, %lu at 2^20, at most %lu\n",
			step_names[k], avg_small, avg_large, large.most[k]);
		if (avg_large > STEP_GROWTH_LIMIT * avg_small)
			ktest_fail(__FILE__, __LINE__,
				   "%s: %lu steps at 2^20 but %lu at 2^10; O(log n) grows at most %dx",
				   step_names[k], avg_large, avg_small, STEP_GROWTH_LIMIT);
		if (large.most[k] > limit)
			ktest_fail(__FILE__, __LINE__, "%s: one call took %lu steps, the limit is %lu",
				   step_names[k], large.most[k], limit);
	}
	kprintf("a run of 2^17 pages: %lu steps to allocate and free\n", large.long_run);
	if (large.long_run > 2 * limit)
		ktest_fail(__FILE__, __LINE__, "a run of 2^17 pages took %lu steps, the limit is %lu",
			   large.long_run, 2 * limit);
}
#line 656 "chapters/80-grading.nw"
#define METADATA_LIMIT 40

static void check_metadata(size_t capacity)
{
	size_t before = heap_free_bytes();
	void *t = OPS->create(capacity);
	size_t used = before - heap_free_bytes();

	if (!t) {
		ktest_fail(__FILE__, __LINE__, "create(%zu) failed", capacity);
		return;
	}
	kprintf("capacity %zu: %zu bytes of metadata, %zu per frame\n",
		capacity, used, used / capacity);
	if (used > METADATA_LIMIT * capacity)
		ktest_fail(__FILE__, __LINE__, "capacity %zu: %zu bytes, more than %d per frame",
			   capacity, used, METADATA_LIMIT);
	OPS->destroy(t);
}

KTEST(segtree_metadata)
{
	check_metadata(1 << 20);
	check_metadata((1 << 20) - 1);
}
