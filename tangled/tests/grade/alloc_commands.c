/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 418 "chapters/80-grading.nw"
#include <stdint.h>
#include <valgrind/callgrind.h>
#include "kernel/allocator.h"
#include "kernel/heap.h"
#include "tests/grade/server.h"

#ifndef GRADE_OPS
#error "GRADE_OPS names the allocator the server tests"
#endif

extern const struct allocator_ops GRADE_OPS;
#define OPS (&GRADE_OPS)

static void *self;

#line 449 "chapters/80-grading.nw"
/* 被计数的调用 */
#define COUNTED __attribute__((noinline, used))

enum count_mode { COUNT_NOTHING, COUNT_OPS, COUNT_LONG_RUNS };

static enum count_mode counting;
static unsigned long counted_calls;

COUNTED bool grade_counted_alloc(size_t *index)
{
	bool ok = OPS->alloc(self, index);

	counted_calls++;
	return ok;
}

COUNTED bool grade_counted_dealloc(size_t index)
{
	bool ok = OPS->dealloc(self, index);

	counted_calls++;
	return ok;
}

COUNTED bool grade_counted_alloc_contiguous(size_t count, size_t *first)
{
	bool ok = OPS->alloc_contiguous(self, count, first);

	counted_calls++;
	return ok;
}

COUNTED bool grade_counted_dealloc_contiguous(size_t first, size_t count)
{
	bool ok = OPS->dealloc_contiguous(self, first, count);

	counted_calls++;
	return ok;
}

COUNTED bool grade_counted_long_alloc_contiguous(size_t count, size_t *first)
{
	bool ok = OPS->alloc_contiguous(self, count, first);

	counted_calls++;
	return ok;
}

COUNTED bool grade_counted_long_dealloc_contiguous(size_t first, size_t count)
{
	bool ok = OPS->dealloc_contiguous(self, first, count);

	counted_calls++;
	return ok;
}

#line 508 "chapters/80-grading.nw"
/* 回答一个操作的结果 */
static bool ready(bool has_operation)
{
	if (self && has_operation)
		return true;
	reply("x");
	return false;
}

static void answer(bool ok)
{
	reply("%c", ok ? '+' : '-');
}

static void answer_number(bool ok, size_t value)
{
	if (ok)
		reply("+ %zu", value);
	else
		reply("-");
}

#line 532 "chapters/80-grading.nw"
/* 分配器的命令 */
static void create(const struct request *req)
{
	if (self)
		OPS->destroy(self);
	self = OPS->create ? OPS->create(req->arg[0]) : NULL;
	answer(self != NULL);
}
GRADE_COMMAND('c', 1, create);

static void destroy(const struct request *req)
{
	(void)req;
	if (!ready(OPS->destroy != NULL))
		return;
	OPS->destroy(self);
	self = NULL;
	answer(true);
}
GRADE_COMMAND('x', 0, destroy);

static void alloc(const struct request *req)
{
	size_t index = SIZE_MAX;
	bool ok;

	(void)req;
	if (!ready(OPS->alloc != NULL))
		return;
	ok = counting ? grade_counted_alloc(&index) : OPS->alloc(self, &index);
	answer_number(ok, index);
}
GRADE_COMMAND('a', 0, alloc);

static void dealloc(const struct request *req)
{
	size_t index = req->arg[0];

	if (!ready(OPS->dealloc != NULL))
		return;
	answer(counting ? grade_counted_dealloc(index) : OPS->dealloc(self, index));
}
GRADE_COMMAND('d', 1, dealloc);

static void alloc_contiguous(const struct request *req)
{
	size_t count = req->arg[0], first = SIZE_MAX;
	bool ok;

	if (!ready(OPS->alloc_contiguous != NULL))
		return;
	if (counting == COUNT_LONG_RUNS)
		ok = grade_counted_long_alloc_contiguous(count, &first);
	else if (counting == COUNT_OPS)
		ok = grade_counted_alloc_contiguous(count, &first);
	else
		ok = OPS->alloc_contiguous(self, count, &first);
	answer_number(ok, first);
}
GRADE_COMMAND('A', 1, alloc_contiguous);

static void dealloc_contiguous(const struct request *req)
{
	size_t first = req->arg[0], count = req->arg[1];
	bool ok;

	if (!ready(OPS->dealloc_contiguous != NULL))
		return;
	if (counting == COUNT_LONG_RUNS)
		ok = grade_counted_long_dealloc_contiguous(first, count);
	else if (counting == COUNT_OPS)
		ok = grade_counted_dealloc_contiguous(first, count);
	else
		ok = OPS->dealloc_contiguous(self, first, count);
	answer(ok);
}
GRADE_COMMAND('D', 2, dealloc_contiguous);

static void heap_free(const struct request *req)
{
	(void)req;
	answer_number(true, heap_free_bytes());
}
GRADE_COMMAND('h', 0, heap_free);

static void count_mode(const struct request *req)
{
	size_t mode = req->arg[0];

	counting = mode <= COUNT_LONG_RUNS ? (enum count_mode)mode : COUNT_NOTHING;
	answer(true);
}
GRADE_COMMAND('m', 1, count_mode);

static void dump_counts(const struct request *req)
{
	(void)req;
	CALLGRIND_DUMP_STATS;
	answer(true);
}
GRADE_COMMAND('p', 0, dump_counts);

#line 658 "chapters/80-grading.nw"
void *grade_allocator_instance(void)
{
	return self;
}
