/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1629 "chapters/04a-paging.nw"
#include "kernel/kspace.h"
#include "kernel/printf.h"
#include "kernel/test.h"
#include "arch/riscv/entry.h"
#include "arch/riscv/sections.h"


extern char boot_stack_guard[];

static uint64_t read_satp(void)
{
	uint64_t satp;

	__asm__ volatile("csrr %0, satp" : "=r"(satp));
	return satp;
}

KTEST(paging_is_on_with_the_kernel_table)
{
	ASSERT_EQ(read_satp(), satp_sv39(kernel_space.table.root.ppn));
}

static bool maps_itself(uintptr_t va, unsigned perms)
{
	struct paddr pa;
	unsigned flags;

	return pt_translate(&kernel_space.table, vaddr_of(va), &pa,
		&flags) && pa.value == va &&
	       (flags & PTE_PERMS) == perms;
}

static bool is_unmapped(uintptr_t va)
{
	struct paddr pa;
	unsigned flags;

	return !pt_translate(&kernel_space.table, vaddr_of(va), &pa, &flags);
}

KTEST(kernel_sections_have_their_permissions)
{
	const unsigned rx = PTE_R | PTE_X, rw = PTE_R | PTE_W;
	struct kspace_segment segments[KSPACE_MAX_SEGMENTS];
	size_t count = paging_segments(&boot_memory_map, segments);

	ASSERT(maps_itself((uintptr_t)text_start, rx));
	ASSERT(maps_itself((uintptr_t)text_end - 1, rx));
	ASSERT(maps_itself((uintptr_t)rodata_start, PTE_R));
	ASSERT(maps_itself((uintptr_t)rodata_end - 1, PTE_R));
	ASSERT(maps_itself((uintptr_t)data_start, rw));
	ASSERT(maps_itself((uintptr_t)data_end - 1, rw));
	ASSERT(maps_itself((uintptr_t)boot_stack, rw));
	ASSERT(maps_itself((uintptr_t)bss_end - 1, rw));
	ASSERT(maps_itself((uintptr_t)kernel_end, rw));
	ASSERT(maps_itself(boot_memory_map.ram[boot_memory_map.ram_count - 1].end - 1, rw));
	for (size_t i = 0; i < count; i++)
		ASSERT(maps_itself(segments[i].start, segments[i].flags));
	ASSERT(is_unmapped((uintptr_t)boot_stack_guard));
	ASSERT(is_unmapped((uintptr_t)boot_stack - 1));
	ASSERT(is_unmapped(boot_memory_map.ram[0].start));
	ASSERT(is_unmapped(boot_memory_map.ram[boot_memory_map.ram_count - 1].end));
	ASSERT(is_unmapped(0));
	ASSERT_EQ((uintptr_t)boot_stack, (uintptr_t)boot_stack_guard + PAGE_SIZE);
}

#line 1701 "chapters/04a-paging.nw"
KTEST(page_table_frames_are_accounted_for)
{
	ASSERT_EQ(frames_in_use(), kernel_space.table.frames);
}

#line 1713 "chapters/04a-paging.nw"
static bool same_translation(const struct page_table *a, const struct page_table *b,
			     uintptr_t va)
{
	struct paddr pa, pb;
	unsigned fa, fb;

	return pt_translate(a, vaddr_of(va), &pa, &fa) &&
	       pt_translate(b, vaddr_of(va), &pb, &fb) &&
	       pa.value == pb.value && fa == fb;
}

KTEST(large_pages_save_page_table_frames)
{
	static struct kernel_space small;
	struct kspace_segment segments[KSPACE_MAX_SEGMENTS];
	size_t count = paging_segments(&boot_memory_map, segments);

	ASSERT(kspace_build(&small, &kernel_space.memory, segments, count,
			    kernel_space.guard, PT_LEVEL_4K) == NULL);
	kprintf("(page-table frames: %zu with large pages, %zu without) ",
		kernel_space.table.frames, small.table.frames);
	ASSERT(small.table.frames >= kernel_space.table.frames);
	for (size_t i = 0; i < count; i++) {
		uintptr_t start = segments[i].start, end = segments[i].end;

		ASSERT(same_translation(&kernel_space.table, &small.table, start));
		ASSERT(same_translation(&kernel_space.table, &small.table,
			start + (end - start) / 2));
		ASSERT(same_translation(&kernel_space.table, &small.table, end - 1));
	}
	pt_destroy(&small.table);
	ASSERT(frame_is_none(small.table.root));
}

#line 1779 "chapters/04a-paging.nw"
#ifdef KTEST_PLANT_STACK_OVERFLOW
#define OVERFLOW_FRAME 512

__attribute__((noinline)) static unsigned long dig(unsigned long depth)
{
	volatile unsigned char frame[OVERFLOW_FRAME];

	frame[0] = (unsigned char)depth;
	if (depth > BOOT_STACK_SIZE)
		return frame[0];
	return dig(depth + 1) + frame[0];
}

KTEST(planted_stack_overflow)
{
	kprintf("recursing toward the guard page at %p ... ", (void *)boot_stack_guard);
	ASSERT_EQ(dig(0), 0);
}
#endif
