/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 804 "chapters/85-measure.nw"
#include <stdlib.h>
#include <string.h>
#include "kernel/fdt.h"
#include "kernel/memmap.h"

#define FUZZ_DTB_PHYS 0x87e00000ULL
#define FUZZ_KERNEL_START 0x80200000ULL
#define FUZZ_KERNEL_END 0x80a00000ULL

static void require(int condition)
{
	if (!condition)
		abort();
}

static int inside_ram(const struct memory_map *map, const struct phys_region *r)
{
	for (size_t i = 0; i < map->ram_count; i++)
		if (r->start >= map->ram[i].start && r->end <= map->ram[i].end)
			return 1;
	return 0;
}

static void check_map(const struct memory_map *map)
{
	require(map->problem == NULL || map->usable_count == 0);
	for (size_t i = 0; i < map->usable_count; i++) {
		const struct phys_region *u = &map->usable[i];

		require(u->start < u->end);
		require(inside_ram(map, u));
		require(i == 0 || map->usable[i - 1].end <= u->start);
		for (size_t r = 0; r < map->reserved_count; r++)
			require(u->end <= map->reserved[r].start ||
				map->reserved[r].end <= u->start);
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct fdt_memory mem;
	struct memory_map map;
	unsigned char *copy = malloc(size + 1);

	memcpy(copy, data, size);
	if (fdt_read_memory(copy, size, &mem) == FDT_OK)
		require(mem.ram_count >= 1 && mem.ram_count <= FDT_MAX_RANGES &&
			mem.reserved_count <= FDT_MAX_RANGES);
	if (size >= FDT_HEADER_SIZE && fdt_total_size(copy) <= size) {
		memmap_build(&map, copy, FUZZ_DTB_PHYS, FUZZ_KERNEL_START, FUZZ_KERNEL_END);
		check_map(&map);
	}
	free(copy);
	return 0;
}
