/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 669 "chapters/03-memmap.nw"
#ifndef KERNEL_MEMMAP_H
#define KERNEL_MEMMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/fdt.h"

#define MEMMAP_MAX_RAM     FDT_MAX_RANGES
#define MEMMAP_MAX_REGIONS (FDT_MAX_RANGES + 16)
#define MEMMAP_MAX_USABLE  (MEMMAP_MAX_REGIONS + MEMMAP_MAX_RAM)

#line 720 "chapters/03-memmap.nw"
/* 内存地图中的一段 */
struct phys_region {
	uint64_t start;
	uint64_t end;
	const char *what;
};

#line 683 "chapters/03-memmap.nw"
struct memory_map {
	size_t ram_count;
	struct phys_region ram[MEMMAP_MAX_RAM];
	const char *problem;
	size_t reserved_count;
	struct phys_region reserved[MEMMAP_MAX_REGIONS];
	size_t usable_count;
	struct phys_region usable[MEMMAP_MAX_USABLE];
};

#line 728 "chapters/03-memmap.nw"
/* 设备树地址的合理范围 */
#define DTB_LOWEST_ADDRESS 0x80000000ULL
#define DTB_MAX_SIZE       (1024 * 1024)

#line 695 "chapters/03-memmap.nw"
void memmap_build(struct memory_map *map, const void *dtb, uint64_t dtb_phys,
		  uint64_t kernel_start, uint64_t kernel_end);
bool memmap_take(struct memory_map *map, uint64_t size, const char *what,
	uint64_t *start);
void memmap_print(const struct memory_map *map);
uint64_t memmap_usable_bytes(const struct memory_map *map);

extern struct memory_map boot_memory_map;

#endif
