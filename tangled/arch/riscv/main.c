/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1293 "chapters/01-kernel.nw"
#include <stdint.h>
#include "kernel/arch.h"
#include "kernel/printf.h"
#include "kernel/test.h"
#include "arch/riscv/sbi.h"
#include "arch/riscv/sections.h"

#line 1318 "chapters/01-kernel.nw"
/* kmain 用到的各章接口 */
#line 1163 "chapters/02-heap.nw"
#include "kernel/heap.h"

#line 1021 "chapters/03-memmap.nw"
#include "kernel/memmap.h"
#include "kernel/panic.h"

#line 1173 "chapters/04-frames.nw"
#include "kernel/frame.h"

#line 972 "chapters/04a-paging.nw"
#include "kernel/kspace.h"

#line 1325 "chapters/01-kernel.nw"
/* 打印内核各段的地址 */
static void print_section(const char *name, const char *start, const char *end)
{
	kprintf("  %-8s %p-%p %8lu KiB\n", name, (void *)start, (void *)end,
		(unsigned long)(end - start) / 1024);
}

static void print_kernel_layout(void)
{
	kprintf("kernel layout:\n");
	print_section(".text", text_start, text_end);
	print_section(".rodata", rodata_start, rodata_end);
	print_section(".data", data_start, data_end);
	print_section(".bss", bss_start, bss_end);
	print_section("stack", boot_stack, boot_stack_top);
	print_section("kernel", kernel_start, kernel_end);
}

#line 1303 "chapters/01-kernel.nw"
noreturn void kmain(unsigned long hartid, uintptr_t dtb)
{
	sbi_init();
	kprintf("\nlitos: booting on hart %lu, device tree at %p\n",
		hartid, (void *)dtb);
	sbi_describe();
	print_kernel_layout();
#line 1320 "chapters/01-kernel.nw"
	/* 在启动时初始化各章的子系统 */
#line 1166 "chapters/02-heap.nw"
	heap_init();
	heap_describe();
#line 1025 "chapters/03-memmap.nw"
	memmap_build(&boot_memory_map, (const void *)dtb, dtb,
		     (uintptr_t)kernel_start, (uintptr_t)kernel_end);
	memmap_print(&boot_memory_map);
	if (boot_memory_map.problem)
		panic("the device tree at %p cannot be used: %s", (void *)dtb,
		      boot_memory_map.problem);
#line 1176 "chapters/04-frames.nw"
	frames_init(&boot_memory_map);
#line 975 "chapters/04a-paging.nw"
	paging_init(&boot_memory_map);
#line 1311 "chapters/01-kernel.nw"
	arch_poweroff(ktest_run_all("") == 0 ? EXIT_OK : EXIT_TESTS_FAILED);
}
