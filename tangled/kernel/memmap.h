/* Generated from the chapters by notangle; edit the .nw source. */
#line 633 "chapters/03-memmap.nw"
#ifndef KERNEL_MEMMAP_H
#define KERNEL_MEMMAP_H

#include <stddef.h>
#include <stdint.h>

#define MEMMAP_MAX_REGIONS 40

#line 668 "chapters/03-memmap.nw"
struct phys_region {
	uint64_t start;
	uint64_t end;
	const char *what;
};

#line 643 "chapters/03-memmap.nw"
struct memory_map {
	struct phys_region ram;
	const char *fdt_problem;
	size_t reserved_count;
	struct phys_region reserved[MEMMAP_MAX_REGIONS];
	size_t usable_count;
	struct phys_region usable[MEMMAP_MAX_REGIONS];
};

#line 678 "chapters/03-memmap.nw"
#define FALLBACK_RAM_START 0x80000000ULL
#define FALLBACK_RAM_END   0x88000000ULL
#define DTB_MAX_SIZE       (1024 * 1024)

#line 654 "chapters/03-memmap.nw"
void memmap_build(struct memory_map *map, const void *dtb, uint64_t dtb_phys,
		  uint64_t kernel_start, uint64_t kernel_end);
void memmap_print(const struct memory_map *map);
uint64_t memmap_usable_bytes(const struct memory_map *map);

extern struct memory_map boot_memory_map;

#endif
