/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 738 "chapters/03-memmap.nw"
#include "kernel/memmap.h"
#include "kernel/printf.h"

struct memory_map boot_memory_map;

#line 819 "chapters/03-memmap.nw"
/* 按起点排序 */
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

#line 758 "chapters/03-memmap.nw"
/* 从设备树读出内存段 */
static bool plausible_dtb(uint64_t dtb)
{
	return dtb >= DTB_LOWEST_ADDRESS && dtb % 8 == 0 &&
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

#line 796 "chapters/03-memmap.nw"
/* 收下设备树里的内存段 */
static const char *take_ram(struct memory_map *map, const struct fdt_memory *mem)
{
	for (size_t i = 0; i < mem->ram_count; i++) {
		uint64_t base = mem->ram[i].base, size = mem->ram[i].size;

		if (size == 0)
			continue;
		if (size > UINT64_MAX - base)
			return "a memory range runs past the end of the address space";
		map->ram[map->ram_count++] = (struct phys_region){ base, base + size, "RAM" };
	}
	if (map->ram_count == 0)
		return "every memory range is empty";
	sort_by_start(map->ram, map->ram_count);
	for (size_t i = 1; i < map->ram_count; i++)
		if (map->ram[i - 1].end > map->ram[i].start)
			return "two memory ranges overlap";
	return NULL;
}

#line 777 "chapters/03-memmap.nw"
static const char *read_tree(struct memory_map *map, const void *dtb, uint32_t size,
			     struct fdt_memory *mem)
{
	enum fdt_status status;

	if (!dtb)
		return "no device tree";
	if (size == 0)
		return "not a device tree (bad address, magic number or size)";
	status = fdt_read_memory(dtb, size, mem);
	if (status != FDT_OK)
		return fdt_strerror(status);
	return take_ram(map, mem);
}

#line 836 "chapters/03-memmap.nw"
/* 记下保留的区域 */
static bool reserve(struct memory_map *map, uint64_t start, uint64_t end,
	const char *what)
{
	for (size_t i = 0; i < map->ram_count; i++) {
		uint64_t s = start > map->ram[i].start ? start : map->ram[i].start;
		uint64_t e = end < map->ram[i].end ? end : map->ram[i].end;

		if (s >= e)
			continue;
		if (map->reserved_count == MEMMAP_MAX_REGIONS)
			return false;
		map->reserved[map->reserved_count++] = (struct phys_region){ s, e, what };
	}
	return true;
}

#line 858 "chapters/03-memmap.nw"
/* 从内存中减去保留的区域 */
static void add_usable(struct memory_map *map, uint64_t start, uint64_t end)
{
	if (start < end)
		map->usable[map->usable_count++] = (struct phys_region){ start, end, "free" };
}

static void subtract_reserved(struct memory_map *map)
{
	size_t r = 0;

	sort_by_start(map->reserved, map->reserved_count);
	map->usable_count = 0;
	for (size_t i = 0; i < map->ram_count; i++) {
		uint64_t at = map->ram[i].start;

		for (; r < map->reserved_count &&
		       map->reserved[r].start < map->ram[i].end; r++) {
			add_usable(map, at, map->reserved[r].start);
			if (map->reserved[r].end > at)
				at = map->reserved[r].end;
		}
		add_usable(map, at, map->ram[i].end);
	}
}

#line 891 "chapters/03-memmap.nw"
/* 建立内存地图 */
static uint64_t region_end(uint64_t base, uint64_t size)
{
	return size > UINT64_MAX - base ? UINT64_MAX : base + size;
}

static const struct phys_region *ram_holding(const struct memory_map *map,
	uint64_t addr)
{
	for (size_t i = 0; i < map->ram_count; i++)
		if (map->ram[i].start <= addr && addr < map->ram[i].end)
			return &map->ram[i];
	return NULL;
}

static const char *reserve_all(struct memory_map *map, const struct fdt_memory *mem,
			       uint64_t dtb_phys, uint32_t size,
			       uint64_t kernel_start, uint64_t kernel_end)
{
	const struct phys_region *home = ram_holding(map, kernel_start);
	bool room = true;

	if (!home || kernel_end > home->end)
		return "no memory range holds the kernel";
	room &= reserve(map, home->start, kernel_start, "firmware");
	room &= reserve(map, kernel_start, kernel_end, "kernel");
	room &= reserve(map, dtb_phys, dtb_phys + size, "device tree");
	for (size_t i = 0; i < mem->reserved_count; i++)
		room &= reserve(map, mem->reserved[i].base,
				region_end(mem->reserved[i].base, mem->reserved[i].size),
				"reserved by firmware");
	return room ? NULL : "too many reserved regions for the memory map";
}

void memmap_build(struct memory_map *map, const void *dtb, uint64_t dtb_phys,
		  uint64_t kernel_start, uint64_t kernel_end)
{
	uint32_t size = dtb_size(dtb, dtb_phys);
	struct fdt_memory mem;

	*map = (struct memory_map){ 0 };
	map->problem = read_tree(map, dtb, size, &mem);
	if (!map->problem)
		map->problem = reserve_all(map, &mem, dtb_phys, size, kernel_start, kernel_end);
	if (!map->problem)
		subtract_reserved(map);
}

#line 946 "chapters/03-memmap.nw"
/* 从空闲内存里切下一块 */
bool memmap_take(struct memory_map *map, uint64_t size, const char *what,
	uint64_t *start)
{
	bool found = false;
	uint64_t best = 0;

	if (map->problem || size == 0 || (size & (size - 1)) != 0 ||
	    map->reserved_count == MEMMAP_MAX_REGIONS)
		return false;
	for (size_t i = 0; i < map->usable_count; i++) {
		uint64_t top = map->usable[i].end & ~(size - 1);

		if (top >= size && top - size >= map->usable[i].start &&
		    (!found || top - size > best)) {
			best = top - size;
			found = true;
		}
	}
	if (!found)
		return false;
	map->reserved[map->reserved_count++] = (struct phys_region){ best, best + size,
		what };
	subtract_reserved(map);
	*start = best;
	return true;
}

#line 978 "chapters/03-memmap.nw"
/* 打印内存地图 */
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
	for (size_t i = 0; i < map->ram_count; i++)
		kprintf("RAM %p-%p (%lu MiB) from the device tree\n",
			(void *)(uintptr_t)map->ram[i].start, (void *)(uintptr_t)map->ram[i].end,
			(unsigned long)((map->ram[i].end - map->ram[i].start) >> 20));
	if (map->problem)
		kprintf("memory map unusable: %s\n", map->problem);
	else
		kprintf("%lu KiB free\n", (unsigned long)(memmap_usable_bytes(map) / 1024));
}
