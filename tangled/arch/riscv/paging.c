/* Generated from the chapters by notangle; edit the .nw source. */
#line 801 "chapters/04a-paging.nw"
#include "kernel/kspace.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "arch/riscv/sections.h"

extern char boot_stack_guard[];

#line 814 "chapters/04a-paging.nw"
#define TEST_DEVICE_BASE 0x100000UL

size_t paging_segments(const struct memory_map *map, struct kspace_segment *segments)
{
	const struct kspace_segment kernel[KSPACE_FIXED_SEGMENTS] = {
		{ ".text", (uintptr_t)text_start, (uintptr_t)text_end, PTE_R | PTE_X },
		{ ".rodata", (uintptr_t)rodata_start, (uintptr_t)rodata_end, PTE_R },
		{ ".data", (uintptr_t)data_start, (uintptr_t)boot_stack_guard, PTE_R | PTE_W },
		{ "stack+.bss", (uintptr_t)boot_stack, (uintptr_t)kernel_end, PTE_R | PTE_W },
		{ "test device", TEST_DEVICE_BASE, TEST_DEVICE_BASE + PAGE_SIZE,
			PTE_R | PTE_W },
	};
	size_t count = 0;

	for (size_t i = 0; i < KSPACE_FIXED_SEGMENTS; i++)
		segments[count++] = kernel[i];
	for (size_t i = 0; i < map->ram_count; i++) {
		uint64_t start = map->ram[i].start, end = map->ram[i].end;

		if (start <= (uintptr_t)kernel_start && (uintptr_t)kernel_end <= end)
			start = (uintptr_t)kernel_end;
		if (start < end)
			segments[count++] = (struct kspace_segment){ "RAM", start, end,
				PTE_R | PTE_W };
	}
	return count;
}
#line 914 "chapters/04a-paging.nw"
static inline void sfence_vma(void)
{
	__asm__ volatile("sfence.vma zero, zero" : : : "memory");
}

static inline uint64_t satp_swap(uint64_t value)
{
	uint64_t now;

	__asm__ volatile("csrw satp, %1\n\tcsrr %0, satp"
			 : "=r"(now) : "r"(value) : "memory");
	return now;
}
#line 934 "chapters/04a-paging.nw"
void paging_init(const struct memory_map *map)
{
	struct kspace_segment segments[KSPACE_MAX_SEGMENTS];
	size_t count = paging_segments(map, segments);
	uint64_t lowest = map->ram[0].start, highest = map->ram[map->ram_count - 1].end;
	struct phys_window ram = { lowest, highest - lowest,
		(unsigned char *)(uintptr_t)lowest };
	const char *error = kspace_build(&kernel_space, &ram, segments, count,
					 vaddr_of((uintptr_t)boot_stack_guard), PT_LEVEL_1G);
	uint64_t satp;

	if (error)
		panic("paging: %s", error);
	
#line 953 "chapters/04a-paging.nw"
satp = satp_sv39(kernel_space.table.root.ppn);
sfence_vma();
if (satp_swap(satp) != satp)
	panic("paging: this hart does not support Sv39");
sfence_vma();
#line 948 "chapters/04a-paging.nw"
	
#line 963 "chapters/04a-paging.nw"
kprintf("paging: Sv39 on, root table at %p, %zu page-table frames (%zu KiB), "
	"guard page at %p\n", (void *)frame_address(kernel_space.table.root).value,
	kernel_space.table.frames, kernel_space.table.frames * PAGE_SIZE / 1024,
	(void *)boot_stack_guard);
kspace_print(&kernel_space);
#line 949 "chapters/04a-paging.nw"
}
