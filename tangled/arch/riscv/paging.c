/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 801 "chapters/04a-paging.nw"
#include "kernel/kspace.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "arch/riscv/sections.h"

extern char boot_stack_guard[];

#line 813 "chapters/04a-paging.nw"
/* 列出内核的各段 */
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

#line 913 "chapters/04a-paging.nw"
/* 两条特权指令：清空地址翻译的缓存，交换 satp */
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

#line 933 "chapters/04a-paging.nw"
/* 建立内核的页表并打开分页 */
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
#line 952 "chapters/04a-paging.nw"
	/* 写 satp，前后各清一次地址翻译的缓存 */
	satp = satp_sv39(kernel_space.table.root.ppn);
	sfence_vma();
	if (satp_swap(satp) != satp)
		panic("paging: this hart does not support Sv39");
	sfence_vma();
#line 962 "chapters/04a-paging.nw"
	/* 报告内核的页表 */
	kprintf("paging: Sv39 on, root table at %p, %zu page-table frames (%zu KiB), "
		"guard page at %p\n", (void *)frame_address(kernel_space.table.root).value,
		kernel_space.table.frames, kernel_space.table.frames * PAGE_SIZE / 1024,
		(void *)boot_stack_guard);
	kspace_print(&kernel_space);
#line 949 "chapters/04a-paging.nw"
}
