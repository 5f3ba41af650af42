/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1830 "chapters/04a-paging.nw"
#include <string.h>
#include "kernel/random.h"
#include "kernel/stacked_allocator.h"
#include "kernel/test.h"
#include "tests/host/pagetable_model.h"
#include "tests/host/physmem.h"

#line 1844 "chapters/04a-paging.nw"
/* 页表模型的状态 */
#define MODEL_FRAMES 12
#define MODEL_MAPPINGS 64

struct mapping {
	uintptr_t va;
	uint64_t pa;
	enum pt_level level;
	unsigned flags;
};

struct pt_model {
	struct sim_table st;
	struct mapping live[MODEL_MAPPINGS];
	size_t count;
	uint64_t seed;
	uint64_t rng;
	unsigned step;
	const unsigned char *script;
	size_t script_len;
	size_t script_pos;
};

static unsigned pick(struct pt_model *m, unsigned bound)
{
	if (m->script)
		return m->script_pos < m->script_len ? m->script[m->script_pos++] % bound : 0;
	return (unsigned)(xorshift64(&m->rng) % bound);
}

#define PT_DISAGREE(m, ...)						\
	do {								\
		ktest_fail(__FILE__, __LINE__, "page table, seed %lu, step %u: ", \
			   (unsigned long)(m)->seed, (m)->step);		\
		ktest_fail(__FILE__, __LINE__, __VA_ARGS__);		\
		return false;						\
	} while (0)

#line 1885 "chapters/04a-paging.nw"
/* 模型回答映射的问题 */
static bool covers(const struct mapping *m, uintptr_t va)
{
	return va - m->va < pt_level_size(m->level);
}

static bool inside(const struct mapping *m, uintptr_t va, enum pt_level level)
{
	return m->va - va < pt_level_size(level);
}

static const struct mapping *covering(const struct pt_model *m, uintptr_t va)
{
	for (size_t i = 0; i < m->count; i++)
		if (covers(&m->live[i], va))
			return &m->live[i];
	return NULL;
}

static bool has_smaller(const struct pt_model *m, uintptr_t va, enum pt_level level)
{
	for (size_t i = 0; i < m->count; i++)
		if (m->live[i].level < level && inside(&m->live[i], va, level))
			return true;
	return false;
}

static size_t model_frames(const struct pt_model *m)
{
	size_t frames = 1;

	for (enum pt_level level = PT_LEVEL_2M; level <= PT_LEVEL_1G; level++)
		for (size_t i = 0; i < m->count; i++) {
			uintptr_t region = m->live[i].va & ~(pt_level_size(level) - 1);
			bool first = m->live[i].level < level;

			for (size_t j = 0; first && j < i; j++)
				first = !(m->live[j].level < level &&
					  (m->live[j].va & ~(pt_level_size(level) - 1)) == region);
			frames += first;
		}
	return frames;
}

#line 1935 "chapters/04a-paging.nw"
/* 对照一次映射 */
static const uintptr_t indices[] = { 0, 1, 2, 511 };
static const unsigned flag_choices[] = {
	PTE_R, PTE_R | PTE_W, PTE_R | PTE_X, PTE_R | PTE_W | PTE_X, PTE_R | PTE_U | PTE_A,
	PTE_W, 0, PTE_R | PTE_V,
};

static uintptr_t pick_va(struct pt_model *m, enum pt_level level)
{
	uintptr_t top = pick(m, 3), va;

	va = (top == 2 ? 511 : top) << 30;
	if (level < PT_LEVEL_1G)
		va |= indices[pick(m, 4)] << 21;
	if (level < PT_LEVEL_2M)
		va |= indices[pick(m, 4)] << 12;
	if (va >> 38)
		va |= ~(uintptr_t)0 << 39;
	switch (pick(m, 20)) {
	case 0:
		return va + PAGE_SIZE / 2;
	case 1:
		return va ^ (uintptr_t)1 << 40;
	default:
		return va;
	}
}

static bool valid_leaf(uintptr_t va, uint64_t pa, enum pt_level level, unsigned flags)
{
	uintptr_t high = va >> 38;

	return (high == 0
		|| high == (~(uintptr_t)0 >> 38)) && va % pt_level_size(level) == 0 &&
	       pa % pt_level_size(level) == 0 && pa < (uint64_t)1 << 56 &&
	       (flags & PTE_PERMS) && !(flags & ~PTE_LEAF_FLAGS) &&
	       (flags & (PTE_R | PTE_W)) != PTE_W;
}

static const char *expected_map(const struct pt_model *m, uintptr_t va,
	enum pt_level level)
{
	struct pt_model grown = *m;

	if (covering(m, va) && covering(m, va)->level >= level)
		return "already mapped";
	if (has_smaller(m, va, level))
		return "overlaps smaller pages already mapped";
	if (m->count == MODEL_MAPPINGS)
		return "model full";
	grown.live[grown.count++] = (struct mapping){ va, 0, level, PTE_R };
	if (model_frames(&grown) > MODEL_FRAMES)
		return "out of frames for a page table";
	return NULL;
}

static bool check_map(struct pt_model *m)
{
	enum pt_level level = (enum pt_level)(pick(m, 10) / 4);
	uintptr_t va = pick_va(m, level);
	uint64_t pa = pick(m, 20) == 0 ? (uint64_t)1 << 56
				       : (uint64_t)pick(m, 256) * pt_level_size(level);
	unsigned flags = flag_choices[pick(m, 8)];
	const char *expected = valid_leaf(va, pa, level, flags) ? expected_map(m, va, level)
							       : "invalid";
	const char *got;

	if (expected && strcmp(expected, "model full") == 0)
		return true;
	got = pt_map(&m->st.table, vaddr_of(va), paddr_of(pa), level, flags);
	if (!got != !expected || (got && strcmp(expected, "invalid") && strcmp(got,
		expected)))
		PT_DISAGREE(m, "map %p -> %p level %d flags %#x: got \"%s\", expected \"%s\"",
			    (void *)va, (void *)pa, level, flags, got ? got : "success",
			    expected ? expected : "success");
	if (!got)
		m->live[m->count++] = (struct mapping){ va, pa, level, flags | PTE_V };
	return true;
}

#line 2018 "chapters/04a-paging.nw"
/* 对照一次拆除与一次翻译 */
static uintptr_t pick_known_va(struct pt_model *m)
{
	const struct mapping *target;

	if (m->count == 0 || pick(m, 4) == 0)
		return pick_va(m, (enum pt_level)pick(m, 3));
	target = &m->live[pick(m, m->count)];
	return pick(m, 4) == 0 ? target->va + PAGE_SIZE * pick(m, 3) : target->va;
}

#define INSIDE_A_LARGER_PAGE "inside a larger page; unmap the whole page at its start"

static bool check_unmap(struct pt_model *m)
{
	uintptr_t va = pick_known_va(m);
	const struct mapping *target = covering(m, va);
	const char *expected = !target ? "not mapped"
			       : target->va != va ? INSIDE_A_LARGER_PAGE
			       : NULL;
	const char *got = pt_unmap(&m->st.table, vaddr_of(va));

	if (va >> 38 && va >> 38 != ~(uintptr_t)0 >> 38)
		expected = "not a canonical Sv39 address";
	if (!got != !expected || (got && strcmp(got, expected)))
		PT_DISAGREE(m, "unmap %p: got \"%s\", expected \"%s\"", (void *)va,
			    got ? got : "success", expected ? expected : "success");
	if (!got)
		m->live[target - m->live] = m->live[--m->count];
	return true;
}

static bool check_translate(struct pt_model *m)
{
	uintptr_t va = pick_known_va(m) + pick(m, 256) * 8;
	const struct mapping *target = covering(m, va);
	struct paddr pa = { 0 };
	unsigned flags = 0;
	bool ok = pt_translate(&m->st.table, vaddr_of(va), &pa, &flags);

	if (ok != (target != NULL))
		PT_DISAGREE(m, "translate %p: got %d, expected %d", (void *)va, ok,
			target != NULL);
	if (ok && (pa.value != target->pa + (va - target->va) || flags != target->flags))
		PT_DISAGREE(m, "translate %p: got %p flags %#x, expected %p flags %#x",
			    (void *)va, (void *)pa.value, flags,
			    (void *)(target->pa + (va - target->va)), target->flags);
	return true;
}

#line 2074 "chapters/04a-paging.nw"
/* 对照一串页表操作 */
static void count_leaf(void *context, struct vaddr va, struct paddr pa,
		       enum pt_level level, unsigned flags)
{
	(void)va, (void)pa, (void)level, (void)flags;
	(*(size_t *)context)++;
}

static bool check_invariants(struct pt_model *m)
{
	size_t leaves = 0;

	frame_allocator_check(&kernel_frames.allocator, stacked_allocator_check);
	pt_for_each_leaf(&m->st.table, count_leaf, &leaves);
	if (m->st.table.frames != model_frames(m))
		PT_DISAGREE(m, "the table holds %zu frames, the model says %zu",
			    m->st.table.frames, model_frames(m));
	if (sim_free_frames() != MODEL_FRAMES - m->st.table.frames)
		PT_DISAGREE(m, "%zu frames free, expected %zu", sim_free_frames(),
			    MODEL_FRAMES - m->st.table.frames);
	if (leaves != m->count)
		PT_DISAGREE(m, "%zu leaves, the model has %zu mappings", leaves, m->count);
	return true;
}

static bool check_pt_step(struct pt_model *m)
{
	unsigned what = pick(m, 10);
	bool agreed = what < 4   ? check_map(m)
		      : what < 7 ? check_unmap(m)
				 : check_translate(m);

	return agreed && check_invariants(m);
}

static bool run_pt_model(struct pt_model *m, unsigned steps)
{
	bool agreed = true;

	if (!sim_table_create(&m->st, MODEL_FRAMES)) {
		ktest_fail(__FILE__, __LINE__, "cannot set up the simulated memory");
		return false;
	}
	for (m->step = 0; agreed
	     && (m->script ? m->script_pos < m->script_len : m->step < steps); m->step++)
		agreed = check_pt_step(m);
	pt_destroy(&m->st.table);
	if (agreed && sim_free_frames() != MODEL_FRAMES)
		PT_DISAGREE(m, "destroy left %zu of %d frames free", sim_free_frames(),
			MODEL_FRAMES);
	sim_table_destroy(&m->st);
	return agreed;
}

bool pagetable_agrees_with_model(unsigned steps, uint64_t seed)
{
	static struct pt_model m;

	m = (struct pt_model){ .seed = seed, .rng = seed | 1 };
	return run_pt_model(&m, steps);
}

bool pagetable_follows_script(const unsigned char *script, size_t len)
{
	static struct pt_model m;

	m = (struct pt_model){ .script = script, .script_len = len };
	return run_pt_model(&m, 0);
}
