/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1367 "chapters/04-frames.nw"
#include <stdlib.h>
#include <string.h>
#include "tests/host/allocator_model.h"
#include "kernel/random.h"
#include "kernel/test.h"

#line 1383 "chapters/04-frames.nw"
/* 模型的状态 */
struct model {
	const struct allocator_ops *ops;
	allocator_check_fn *check;
	void *self;
	size_t capacity;
	unsigned char *used;
	size_t used_count;
	uint64_t seed;
	unsigned step;
	uint64_t rng;
	const unsigned char *script;
	size_t script_len;
	size_t script_pos;
};

static uint64_t model_random(struct model *m)
{
	uint64_t x = 0;

	if (m->script) {
		for (int i = 0; i < 4 && m->script_pos < m->script_len; i++)
			x = x << 8 | m->script[m->script_pos++];
		return x;
	}
	return xorshift64(&m->rng);
}

static bool model_has_more(const struct model *m, unsigned steps)
{
	return m->script ? m->script_pos < m->script_len : m->step < steps;
}

#define DISAGREE(m, ...)						\
	do {								\
		ktest_fail(__FILE__, __LINE__, "%s, capacity %zu, seed %lu, step %u: ", \
			   (m)->ops->name, (m)->capacity, (unsigned long)(m)->seed, (m)->step); \
		ktest_fail(__FILE__, __LINE__, __VA_ARGS__);		\
		return false;						\
	} while (0)

#line 1425 "chapters/04-frames.nw"
/* 模型里的连续空闲段 */
static bool model_has_run(const struct model *m, size_t count)
{
	size_t run = 0;

	for (size_t i = 0; i < m->capacity; i++) {
		run = m->used[i] ? 0 : run + 1;
		if (run >= count)
			return true;
	}
	return false;
}

static bool model_run_is(const struct model *m, size_t first, size_t count, bool used)
{
	if (first >= m->capacity || count > m->capacity - first)
		return false;
	for (size_t i = first; i < first + count; i++)
		if (m->used[i] != used)
			return false;
	return true;
}

#line 1449 "chapters/04-frames.nw"
/* 对照一次分配 */
static bool check_alloc(struct model *m)
{
	size_t index = SIZE_MAX;
	bool ok = m->ops->alloc(m->self, &index);

	if (ok != (m->used_count < m->capacity))
		DISAGREE(m, "alloc returned %d with %zu of %zu in use", ok, m->used_count,
			 m->capacity);
	if (!ok)
		return true;
	if (index >= m->capacity || m->used[index])
		DISAGREE(m, "alloc gave index %zu, which is %s", index,
			 index >= m->capacity ? "out of range" : "already allocated");
	m->used[index] = 1;
	m->used_count++;
	return true;
}

#line 1471 "chapters/04-frames.nw"
/* 对照一次归还 */
static size_t pick_index(struct model *m)
{
	size_t index = model_random(m) % (m->capacity + 2);

	if (m->used_count > 0 && model_random(m) % 4 != 0)
		while (!m->used[index % m->capacity])
			index++;
	return m->capacity ? index % (m->capacity + 2) : index;
}

static bool check_dealloc(struct model *m)
{
	size_t index = pick_index(m);
	bool expected = index < m->capacity && m->used[index];
	bool ok = m->ops->dealloc(m->self, index);

	if (ok != expected)
		DISAGREE(m, "dealloc(%zu) returned %d, expected %d", index, ok, expected);
	if (ok) {
		m->used[index] = 0;
		m->used_count--;
	}
	return true;
}

#line 1504 "chapters/04-frames.nw"
/* 对照连续的分配与归还 */
static bool check_alloc_contiguous(struct model *m)
{
	size_t count = 1 + model_random(m) % (m->capacity / 8 + 1);
	size_t first = SIZE_MAX;
	bool expected = model_has_run(m, count);
	bool ok = m->ops->alloc_contiguous(m->self, count, &first);

	if (ok != expected)
		DISAGREE(m, "alloc_contiguous(%zu) returned %d, expected %d",
			 count, ok, expected);
	if (!ok)
		return true;
	if (!model_run_is(m, first, count, false))
		DISAGREE(m, "alloc_contiguous(%zu) gave %zu, not a free run", count, first);
	memset(m->used + first, 1, count);
	m->used_count += count;
	return true;
}

static bool check_dealloc_contiguous(struct model *m)
{
	size_t first = pick_index(m), count = 1 + model_random(m) % 4;
	bool expected = model_run_is(m, first, count, true);
	bool ok = m->ops->dealloc_contiguous(m->self, first, count);

	if (ok != expected)
		DISAGREE(m, "dealloc_contiguous(%zu, %zu) returned %d, expected %d",
			 first, count, ok, expected);
	if (ok) {
		memset(m->used + first, 0, count);
		m->used_count -= count;
	}
	return true;
}

#line 1545 "chapters/04-frames.nw"
/* 对照一串随机操作 */
static bool check_operation(struct model *m)
{
	bool contiguous = m->ops->alloc_contiguous && m->ops->dealloc_contiguous;
	unsigned pick = (unsigned)(model_random(m) % 100);

	if (contiguous && pick < 15)
		return check_alloc_contiguous(m);
	if (contiguous && pick < 25)
		return check_dealloc_contiguous(m);
	return pick % 2 == 0 || m->used_count == 0 ? check_alloc(m) : check_dealloc(m);
}

static bool check_step(struct model *m)
{
	bool agreed = check_operation(m);

	if (agreed && m->check)
		m->check(m->self);
	return agreed;
}

static bool run_model(struct model *m, unsigned steps)
{
	bool agreed = true;

#line 1603 "chapters/04-frames.nw"
	/* 创建分配器与模型，创建失败就报告 */
	m->self = m->ops->create(m->capacity);
	m->used = calloc(m->capacity + 1, 1);
	if (!m->self || !m->used) {
		ktest_fail(__FILE__, __LINE__, "%s: create(%zu) failed", m->ops->name,
			   m->capacity);
		free(m->used);
		return false;
	}
#line 1572 "chapters/04-frames.nw"
	for (m->step = 0; agreed && model_has_more(m, steps); m->step++)
		agreed = check_step(m);
#line 1617 "chapters/04-frames.nw"
	/* 归还剩下的编号，再确认全部容量都能重新分配 */
	for (size_t i = 0; agreed && i < m->capacity; i++)
		if (m->used[i] && !m->ops->dealloc(m->self, i))
			DISAGREE(m, "final dealloc(%zu) refused", i);
	memset(m->used, 0, m->capacity);
	for (m->used_count = 0; agreed && m->used_count < m->capacity;)
		agreed = check_alloc(m);
#line 1575 "chapters/04-frames.nw"
	m->ops->destroy(m->self);
	free(m->used);
	return agreed;
}

bool allocator_agrees_with_model(const struct allocator_ops *ops,
				 allocator_check_fn *check, size_t capacity,
				 unsigned steps, uint64_t seed)
{
	struct model m = { .ops = ops, .check = check, .capacity = capacity,
			   .seed = seed, .rng = seed | 1 };

	return run_model(&m, steps);
}

bool allocator_follows_script(const struct allocator_ops *ops,
			      allocator_check_fn *check, size_t capacity,
			      const unsigned char *script, size_t len)
{
	struct model m = { .ops = ops, .check = check, .capacity = capacity,
			   .script = script, .script_len = len };

	return run_model(&m, 0);
}
