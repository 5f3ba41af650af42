/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1204 "chapters/04a-paging.nw"
#include "host/shim.h"
#include "kernel/kspace.h"
#include "kernel/printf.h"
#include "kernel/test.h"
#include "tests/host/physmem.h"

#define SIM_PAGES 64
#define MIB (1024UL * 1024)
#define GIB (1024 * MIB)

static bool translates_to(const struct page_table *t, uintptr_t va, uint64_t pa,
	unsigned perms)
{
	struct paddr got;
	unsigned flags;

	return pt_translate(t, vaddr_of(va), &got, &flags) && got.value == pa &&
	       (flags & (PTE_PERMS | PTE_V)) == (perms | PTE_V);
}

static bool unmapped(const struct page_table *t, uintptr_t va)
{
	struct paddr got;
	unsigned flags;

	return !pt_translate(t, vaddr_of(va), &got, &flags);
}

KTEST(pt_maps_translates_and_unmaps_a_page)
{
	struct sim_table st;
	struct page_table *t = &st.table;

	ASSERT(sim_table_create(&st, SIM_PAGES));
	ASSERT(pt_map(t, vaddr_of(0x40001000), paddr_of(0x12345000), PT_LEVEL_4K,
		      PTE_R | PTE_W) == NULL);
	ASSERT_EQ(t->frames, 3);
	ASSERT_EQ(sim_free_frames(), SIM_PAGES - 3);
	ASSERT(translates_to(t, 0x40001000, 0x12345000, PTE_R | PTE_W));
	ASSERT(translates_to(t, 0x40001fff, 0x12345fff, PTE_R | PTE_W));
	ASSERT(unmapped(t, 0x40000fff) && unmapped(t, 0x40002000));
	ASSERT(pt_unmap(t, vaddr_of(0x40001000)) == NULL);
	ASSERT(unmapped(t, 0x40001000));
	ASSERT_EQ(t->frames, 1);
	pt_destroy(t);
	ASSERT_EQ(sim_free_frames(), SIM_PAGES);
	sim_table_destroy(&st);
}

#line 1257 "chapters/04a-paging.nw"
KTEST(pt_maps_large_pages)
{
	struct sim_table st;
	struct page_table *t = &st.table;

	ASSERT(sim_table_create(&st, SIM_PAGES));
	ASSERT(pt_map(t, vaddr_of(GIB), paddr_of(4 * GIB), PT_LEVEL_1G, PTE_R) == NULL);
	ASSERT_EQ(t->frames, 1);
	ASSERT(pt_map(t, vaddr_of(2 * GIB + 2 * MIB), paddr_of(6 * MIB), PT_LEVEL_2M,
		      PTE_R | PTE_X) == NULL);
	ASSERT_EQ(t->frames, 2);
	ASSERT(translates_to(t, GIB + 0x12345678, 4 * GIB + 0x12345678, PTE_R));
	ASSERT(translates_to(t, 2 * GIB + 4 * MIB - 1, 8 * MIB - 1, PTE_R | PTE_X));
	ASSERT(unmapped(t, 2 * GIB + 4 * MIB) && unmapped(t, 2 * GIB + 2 * MIB - 1));
	ASSERT(pt_unmap(t, vaddr_of(GIB)) == NULL);
	ASSERT(pt_unmap(t, vaddr_of(2 * GIB + 2 * MIB)) == NULL);
	ASSERT_EQ(t->frames, 1);
	sim_table_destroy(&st);
}

#line 1283 "chapters/04a-paging.nw"
#define ASSERT_REFUSED(call, message)					\
	do {								\
		const char *error_ = (call);				\
		if (!error_ || strcmp(error_, message) != 0) {		\
			ktest_fail(__FILE__, __LINE__, "%s: expected \"%s\", got \"%s\"", \
				   #call, message, error_ ? error_ : "success"); \
			return;						\
		}							\
	} while (0)

KTEST(pt_refuses_bad_mappings)
{
	struct sim_table st;
	struct page_table *t = &st.table;
	const unsigned rw = PTE_R | PTE_W;

	ASSERT(sim_table_create(&st, SIM_PAGES));
	ASSERT(pt_map(t, vaddr_of(0x200000), paddr_of(0x200000), PT_LEVEL_2M, rw) == NULL);
	ASSERT(pt_map(t, vaddr_of(0x401000), paddr_of(0x401000), PT_LEVEL_4K, rw) == NULL);
	ASSERT_EQ(t->frames, 3);
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1800), paddr_of(0x1000), PT_LEVEL_4K, rw),
		       "address not aligned to the page size");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(0x1800), PT_LEVEL_4K, rw),
		       "address not aligned to the page size");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x600000), paddr_of(0x601000), PT_LEVEL_2M, rw),
		       "address not aligned to the page size");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x4000000000), paddr_of(0x1000), PT_LEVEL_4K,
		       rw), "not a canonical Sv39 address");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(1UL << 56), PT_LEVEL_4K, rw),
		       "physical address beyond 56 bits");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(0x1000), PT_LEVEL_4K, 0),
		       "a leaf needs R, W or X and no other bits");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(0x1000), PT_LEVEL_4K,
		       PTE_R | PTE_V), "a leaf needs R, W or X and no other bits");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(0x1000), PT_LEVEL_4K, PTE_W),
		       "writable but not readable is reserved");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(0x1000), SV39_LEVELS, rw),
		       "no such page size");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x200000), paddr_of(0x800000), PT_LEVEL_2M, rw),
		       "already mapped");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x3ff000), paddr_of(0x1000), PT_LEVEL_4K, rw),
		       "already mapped");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x401000), paddr_of(0x1000), PT_LEVEL_4K, PTE_R),
		       "already mapped");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x400000), paddr_of(0x400000), PT_LEVEL_2M, rw),
		       "overlaps smaller pages already mapped");
	ASSERT_REFUSED(pt_map(t, vaddr_of(0), paddr_of(0), PT_LEVEL_1G, rw),
		       "overlaps smaller pages already mapped");
	ASSERT_EQ(t->frames, 3);
	ASSERT(translates_to(t, 0x3ff000, 0x3ff000, rw));
	ASSERT(translates_to(t, 0x401234, 0x401234, rw));
	ASSERT(unmapped(t, 0x1000));
	sim_table_destroy(&st);
}

KTEST(pt_refuses_bad_unmaps)
{
	struct sim_table st;
	struct page_table *t = &st.table;

	ASSERT(sim_table_create(&st, SIM_PAGES));
	ASSERT(pt_map(t, vaddr_of(0x200000), paddr_of(0x200000), PT_LEVEL_2M,
		PTE_R) == NULL);
	ASSERT_REFUSED(pt_unmap(t, vaddr_of(0x1000)), "not mapped");
	ASSERT_REFUSED(pt_unmap(t, vaddr_of(0x40000000)), "not mapped");
	ASSERT_REFUSED(pt_unmap(t, vaddr_of(0x201000)),
		       "inside a larger page; unmap the whole page at its start");
	ASSERT_REFUSED(pt_unmap(t, vaddr_of(0x8000000000)),
		"not a canonical Sv39 address");
	ASSERT(translates_to(t, 0x201000, 0x201000, PTE_R));
	ASSERT(pt_unmap(t, vaddr_of(0x200000)) == NULL);
	ASSERT_REFUSED(pt_unmap(t, vaddr_of(0x200000)), "not mapped");
	ASSERT_EQ(t->frames, 1);
	sim_table_destroy(&st);
}

#line 1365 "chapters/04a-paging.nw"
KTEST(pt_map_range_undoes_a_partial_range)
{
	struct sim_table st;
	struct page_table *t = &st.table;

	ASSERT(sim_table_create(&st, SIM_PAGES));
	ASSERT(pt_map(t, vaddr_of(0x40200000), paddr_of(0x1000), PT_LEVEL_4K,
		PTE_R) == NULL);
	ASSERT_EQ(t->frames, 3);
	ASSERT_REFUSED(pt_map_range(t, vaddr_of(0x40100000), paddr_of(0x100000), 4 * MIB,
				    PTE_R | PTE_W, PT_LEVEL_1G),
		       "overlaps smaller pages already mapped");
	ASSERT_EQ(t->frames, 3);
	ASSERT(unmapped(t, 0x40100000) && unmapped(t, 0x401ff000));
	ASSERT(translates_to(t, 0x40200000, 0x1000, PTE_R));
	ASSERT_REFUSED(pt_map_range(t, vaddr_of(0), paddr_of(0), PAGE_SIZE + 1, PTE_R,
				    PT_LEVEL_4K), "length not a multiple of the page size");
	sim_table_destroy(&st);
}

#line 1393 "chapters/04a-paging.nw"
KTEST(pt_out_of_frames_loses_nothing)
{
	struct sim_table st;
	struct page_table *t = &st.table;

	ASSERT(sim_table_create(&st, 2));
	ASSERT_REFUSED(pt_map(t, vaddr_of(0x1000), paddr_of(0x1000), PT_LEVEL_4K, PTE_R),
		       "out of frames for a page table");
	ASSERT_EQ(t->frames, 1);
	ASSERT_EQ(sim_free_frames(), 1);
	ASSERT(pt_map(t, vaddr_of(0x40000000), paddr_of(0), PT_LEVEL_1G, PTE_R) == NULL);
	sim_table_destroy(&st);

	ASSERT(sim_table_create(&st, 4));
	ASSERT_REFUSED(pt_map_range(t, vaddr_of(GIB - 2 * MIB), paddr_of(0), 4 * MIB,
				    PTE_R, PT_LEVEL_4K), "out of frames for a page table");
	ASSERT_EQ(t->frames, 1);
	ASSERT_EQ(sim_free_frames(), 3);
	ASSERT(unmapped(t, GIB - 2 * MIB));
	ASSERT(pt_map_range(t, vaddr_of(GIB - 2 * MIB), paddr_of(0), 2 * MIB, PTE_R,
			    PT_LEVEL_4K) == NULL);
	ASSERT(translates_to(t, GIB - 1, 2 * MIB - 1, PTE_R));
	pt_destroy(t);
	ASSERT_EQ(sim_free_frames(), 4);
	sim_table_destroy(&st);
}

#line 1431 "chapters/04a-paging.nw"
KTEST(pt_destroy_frees_exactly_its_frames)
{
	static const uintptr_t pages[] = {
		0x1000, 0x2000, 0x3000, 0x200000, 0x40000000, (uintptr_t)-PAGE_SIZE,
	};
	struct sim_table st;
	struct page_table *t = &st.table;

	ASSERT(sim_table_create(&st, SIM_PAGES));
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		ASSERT(pt_map(t, vaddr_of(pages[i]), paddr_of(PAGE_SIZE * i), PT_LEVEL_4K,
			      PTE_R) == NULL);
	ASSERT_EQ(t->frames, 1 + 3 + 4);
	ASSERT(translates_to(t, (uintptr_t)-1, PAGE_SIZE * 6 - 1, PTE_R));
	ASSERT_EQ(sim_free_frames(), SIM_PAGES - t->frames);
	pt_destroy(t);
	ASSERT_EQ(sim_free_frames(), SIM_PAGES);
	ASSERT(frame_is_none(t->root));
	sim_table_destroy(&st);
}

#line 1466 "chapters/04a-paging.nw"
#define FAKE_KERNEL 0x90200000UL

static const struct kspace_segment fake_kernel[] = {
	{ ".text", FAKE_KERNEL, FAKE_KERNEL + 0x5e8e, PTE_R | PTE_X },
	{ ".rodata", FAKE_KERNEL + 0x6000, FAKE_KERNEL + 0x7d38, PTE_R },
	{ ".data", FAKE_KERNEL + 0x8000, FAKE_KERNEL + 0x10000, PTE_R | PTE_W },
	{ "stack+.bss", FAKE_KERNEL + 0x11000, FAKE_KERNEL + 0x84b000, PTE_R | PTE_W },
	{ "RAM", FAKE_KERNEL + 0x84b000, 0x98000000, PTE_R | PTE_W },
	{ "test device", 0x100000, 0x101000, PTE_R | PTE_W },
};

#define FAKE_SEGMENTS (sizeof(fake_kernel) / sizeof(fake_kernel[0]))
#define FAKE_GUARD vaddr_of(FAKE_KERNEL + 0x10000)

KTEST(kspace_gives_each_segment_its_permissions)
{
	struct sim_memory sim;
	const struct page_table *t = &kernel_space.table;
	size_t with_large_pages;

	ASSERT(sim_memory_init(&sim, 2 * SIM_PAGES + 8));
	ASSERT(kspace_build(&kernel_space, &sim.window, fake_kernel, FAKE_SEGMENTS,
			    FAKE_GUARD, PT_LEVEL_1G) == NULL);
	with_large_pages = t->frames;
	for (int pass = 0; pass < 2; pass++) {
		ASSERT(translates_to(t, FAKE_KERNEL + 0x5000, FAKE_KERNEL + 0x5000,
			PTE_R | PTE_X));
		ASSERT(translates_to(t, FAKE_KERNEL + 0x7000, FAKE_KERNEL + 0x7000, PTE_R));
		ASSERT(translates_to(t, FAKE_KERNEL + 0x8010, FAKE_KERNEL + 0x8010,
			PTE_R | PTE_W));
		ASSERT(unmapped(t, FAKE_GUARD.value) && unmapped(t, FAKE_GUARD.value + 0xfff));
		ASSERT(translates_to(t, FAKE_KERNEL + 0x11000, FAKE_KERNEL + 0x11000,
			PTE_R | PTE_W));
		ASSERT(translates_to(t, 0x97ffffff, 0x97ffffff, PTE_R | PTE_W));
		ASSERT(translates_to(t, 0x100004, 0x100004, PTE_R | PTE_W));
		ASSERT(unmapped(t, FAKE_KERNEL - 1) && unmapped(t, 0x98000000));
		pt_destroy(&kernel_space.table);
		if (pass == 0)
			ASSERT(kspace_build(&kernel_space, &sim.window, fake_kernel, FAKE_SEGMENTS,
					    FAKE_GUARD, PT_LEVEL_4K) == NULL);
		ASSERT(pass == 1 || t->frames > 8 * with_large_pages);
	}
	ASSERT_EQ(sim_free_frames(), sim.pages);
	sim_memory_destroy(&sim);
}

#line 1519 "chapters/04a-paging.nw"
#define RAM_SIZES 5

static void count_huge(void *context, struct vaddr va, struct paddr pa,
		       enum pt_level level, unsigned flags)
{
	(void)va, (void)pa, (void)flags;
	*(size_t *)context += level == PT_LEVEL_1G;
}

KTEST(kspace_frames_at_every_ram_size)
{
	static const unsigned long ram_mib[RAM_SIZES] = { 16, 128, 1024, 2048, 8192 };
	struct kspace_segment real[FAKE_SEGMENTS];
	struct sim_memory sim;

	ASSERT(sim_memory_init(&sim, 4200));
	for (size_t i = 0; i < FAKE_SEGMENTS; i++)
		real[i] = (struct kspace_segment){ fake_kernel[i].name,
			fake_kernel[i].start - (FAKE_KERNEL - 0x80200000),
			fake_kernel[i].end - (FAKE_KERNEL - 0x80200000), fake_kernel[i].flags };
	real[FAKE_SEGMENTS - 1] = fake_kernel[FAKE_SEGMENTS - 1];
	for (size_t i = 0; i < RAM_SIZES; i++) {
		size_t large, small, huge = 0;

		real[FAKE_SEGMENTS - 2].end = 0x80000000 + ram_mib[i] * MIB;
		ASSERT(kspace_build(&kernel_space, &sim.window, real, FAKE_SEGMENTS,
				    vaddr_of(0x80210000), PT_LEVEL_1G) == NULL);
		large = kernel_space.table.frames;
		pt_for_each_leaf(&kernel_space.table, count_huge, &huge);
		pt_destroy(&kernel_space.table);
		ASSERT(kspace_build(&kernel_space, &sim.window, real, FAKE_SEGMENTS,
				    vaddr_of(0x80210000), PT_LEVEL_4K) == NULL);
		small = kernel_space.table.frames;
		pt_destroy(&kernel_space.table);
		kprintf("(%lu MiB: %zu/%zu) ", ram_mib[i], large, small);
		ASSERT(large <= 8 && small >= ram_mib[i] / 2);
		ASSERT_EQ(huge, ram_mib[i] >= 2048 ? ram_mib[i] / 1024 - 1 : 0);
	}
	ASSERT_EQ(sim_free_frames(), sim.pages);
	sim_memory_destroy(&sim);
}

#line 1565 "chapters/04a-paging.nw"
KTEST(kspace_refuses_bad_lists_and_loses_nothing)
{
	struct sim_memory sim;
	struct kspace_segment overlapping[2] = { fake_kernel[0], fake_kernel[0] };

	ASSERT(sim_memory_init(&sim, SIM_PAGES));
	ASSERT_REFUSED(kspace_build(&kernel_space, &sim.window, overlapping, 2, FAKE_GUARD,
				    PT_LEVEL_1G), "already mapped");
	ASSERT_REFUSED(kspace_build(&kernel_space, &sim.window, fake_kernel, FAKE_SEGMENTS,
				    vaddr_of(FAKE_KERNEL), PT_LEVEL_1G),
		       "the guard page is mapped");
	ASSERT_REFUSED(kspace_build(&kernel_space, &sim.window, fake_kernel, FAKE_SEGMENTS,
				    FAKE_GUARD, PT_LEVEL_4K), "out of frames for a page table");
	ASSERT(frame_is_none(kernel_space.table.root));
	ASSERT_EQ(sim_free_frames(), sim.pages);
	sim_memory_destroy(&sim);
}

#line 1587 "chapters/04a-paging.nw"
static bool fault_described_as(uintptr_t stval, bool guard, const char *needle)
{
	char buf[160];
	bool is_guard = paging_describe_fault(stval, buf, sizeof(buf));

	if (is_guard != guard || !strstr(buf, needle)) {
		ktest_fail(__FILE__, __LINE__, "fault at %p: got \"%s\" (guard %d)",
			   (void *)stval, buf, is_guard);
		return false;
	}
	return true;
}

KTEST(paging_describes_faults)
{
	struct sim_memory sim;
	const uintptr_t guard = FAKE_GUARD.value;

	ASSERT(fault_described_as(guard, false, "paging is off"));
	ASSERT(sim_memory_init(&sim, SIM_PAGES));
	ASSERT(kspace_build(&kernel_space, &sim.window, fake_kernel, FAKE_SEGMENTS,
			    FAKE_GUARD, PT_LEVEL_1G) == NULL);
	ASSERT(fault_described_as(guard, true, "guard page"));
	ASSERT(fault_described_as(guard + PAGE_SIZE - 8, true, "stack overflow"));
	ASSERT(fault_described_as(guard - 8, false, "is mapped rw-"));
	ASSERT(fault_described_as(guard + PAGE_SIZE, false, "is mapped rw-"));
	ASSERT(fault_described_as(FAKE_KERNEL + 0x10, false, "is mapped r-x"));
	ASSERT(fault_described_as(0, false, "0x0 is not mapped"));
	ASSERT(fault_described_as(0xdeadbeef000, false, "is not mapped"));
	pt_destroy(&kernel_space.table);
	sim_memory_destroy(&sim);
}
