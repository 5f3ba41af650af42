/* Generated from the chapters by notangle; edit the .nw source. */
#line 688 "chapters/03-memmap.nw"
#include <stdbool.h>
#include "kernel/memmap.h"
#include "kernel/fdt.h"
#include "kernel/printf.h"

struct memory_map boot_memory_map;

#line 713 "chapters/03-memmap.nw"
static bool plausible_dtb(uint64_t dtb)
{
	return dtb >= FALLBACK_RAM_START && dtb % 8 == 0 &&
	       dtb <= UINT64_MAX - DTB_MAX_SIZE;
}

static uint32_t dtb_size(const void *dtb, uint64_t dtb_phys)
{
	uint32_t size;

	if (!dtb || !plausible_dtb(dtb_phys))
		return 0;
	size = fdt_total_size(dtb);
	return size <= DTB_MAX_SIZE ? size : 0;
}

static const char *ram_from_fdt(struct memory_map *map, const void *dtb, uint32_t size,
				uint64_t kernel_start, struct fdt_memory *mem)
{
	enum fdt_status status;

	if (size == 0)
		return dtb ? "not a device tree" : "no device tree";
	status = fdt_read_memory(dtb, size, mem);
	if (status != FDT_OK)
		return fdt_strerror(status);
	for (size_t i = 0; i < mem->ram_count; i++) {
		uint64_t base = mem->ram[i].base, end = base + mem->ram[i].size;

		if (end > base && base <= kernel_start && kernel_start < end) {
			map->ram = (struct phys_region){ base, end, "RAM" };
			return NULL;
		}
	}
	return "no memory range contains the kernel";
}
#line 758 "chapters/03-memmap.nw"
static bool reserve(struct memory_map *map, uint64_t start, uint64_t end,
		    const char *what)
{
	if (end > map->ram.end)
		end = map->ram.end;
	if (start < map->ram.start)
		start = map->ram.start;
	if (start >= end)
		return true;
	if (map->reserved_count == MEMMAP_MAX_REGIONS)
		return false;
	map->reserved[map->reserved_count++] = (struct phys_region){ start, end, what };
	return true;
}
#line 778 "chapters/03-memmap.nw"
static void sort_by_start(struct phys_region *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct phys_region x = r[i];
		size_t j = i;

		for (; j > 0 && r[j - 1].start > x.start; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

static void subtract_reserved(struct memory_map *map)
{
	uint64_t at = map->ram.start;

	sort_by_start(map->reserved, map->reserved_count);
	map->usable_count = 0;
	for (size_t i = 0; i <= map->reserved_count; i++) {
		uint64_t next = i < map->reserved_count ? map->reserved[i].start : map->ram.end;

		if (next > at)
			map->usable[map->usable_count++] = (struct phys_region){ at, next, "free" };
		if (i < map->reserved_count && map->reserved[i].end > at)
			at = map->reserved[i].end;
	}
}
#line 815 "chapters/03-memmap.nw"
static uint64_t region_end(uint64_t base, uint64_t size)
{
	return size > UINT64_MAX - base ? UINT64_MAX : base + size;
}

void memmap_build(struct memory_map *map, const void *dtb, uint64_t dtb_phys,
		  uint64_t kernel_start, uint64_t kernel_end)
{
	uint32_t size = dtb_size(dtb, dtb_phys);
	struct fdt_memory mem;
	bool complete = true;

	*map = (struct memory_map){
		.ram = { FALLBACK_RAM_START, FALLBACK_RAM_END, "RAM" },
	};
	map->fdt_problem = ram_from_fdt(map, dtb, size, kernel_start, &mem);
	complete &= reserve(map, map->ram.start, kernel_start, "firmware");
	complete &= reserve(map, kernel_start, kernel_end, "kernel");
	complete &= reserve(map, dtb_phys, dtb_phys + size, "device tree");
	if (!map->fdt_problem) {
		for (size_t i = 0; i < mem.reserved_count; i++)
			complete &= reserve(map, mem.reserved[i].base,
					    region_end(mem.reserved[i].base, mem.reserved[i].size),
					    "reserved by firmware");
	}
	if (complete && map->reserved_count < MEMMAP_MAX_REGIONS)
		subtract_reserved(map);
	else
		map->fdt_problem = "too many reserved regions; using no memory";
}
#line 855 "chapters/03-memmap.nw"
uint64_t memmap_usable_bytes(const struct memory_map *map)
{
	uint64_t total = 0;

	for (size_t i = 0; i < map->usable_count; i++)
		total += map->usable[i].end - map->usable[i].start;
	return total;
}

static void print_region(const struct phys_region *r)
{
	kprintf("  %p-%p %8lu KiB  %s\n", (void *)(uintptr_t)r->start,
		(void *)(uintptr_t)r->end, (unsigned long)((r->end - r->start) / 1024),
		r->what);
}

void memmap_print(const struct memory_map *map)
{
	size_t u = 0, r = 0;

	kprintf("memory map:\n");
	while (u < map->usable_count || r < map->reserved_count) {
		if (r == map->reserved_count ||
		    (u < map->usable_count && map->usable[u].start < map->reserved[r].start))
			print_region(&map->usable[u++]);
		else
			print_region(&map->reserved[r++]);
	}
	kprintf("RAM %p-%p (%lu MiB) %s%s, %lu KiB free\n",
		(void *)(uintptr_t)map->ram.start, (void *)(uintptr_t)map->ram.end,
		(unsigned long)((map->ram.end - map->ram.start) >> 20),
		map->fdt_problem ? "assumed: " : "from the device tree",
		map->fdt_problem ? map->fdt_problem : "",
		(unsigned long)(memmap_usable_bytes(map) / 1024));
}
