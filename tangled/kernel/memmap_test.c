/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1044 "chapters/03-memmap.nw"
#include <stdbool.h>
#include "kernel/memmap.h"
#include "kernel/test.h"

static bool overlaps(const struct phys_region *a, uint64_t start, uint64_t end)
{
	return a->start < end && start < a->end;
}

static bool reserved_as(const struct memory_map *map, const char *what, size_t len)
{
	for (size_t i = 0; i < map->reserved_count; i++) {
		size_t j = 0;

		while (j < len && map->reserved[i].what[j] == what[j])
			j++;
		if (j == len && map->reserved[i].what[j] == '\0')
			return true;
	}
	return false;
}

static bool inside_ram(const struct memory_map *map, const struct phys_region *r)
{
	for (size_t i = 0; i < map->ram_count; i++)
		if (r->start >= map->ram[i].start && r->end <= map->ram[i].end)
			return true;
	return false;
}

KTEST(memmap_of_this_boot_is_consistent)
{
	const struct memory_map *map = &boot_memory_map;

	if (map->ram_count == 0)
		return;
	ASSERT(map->problem == NULL);
	ASSERT(reserved_as(map, "kernel", 6));
	ASSERT(reserved_as(map, "device tree", 11));
	ASSERT(map->usable_count >= 1);
	for (size_t i = 0; i < map->usable_count; i++) {
		const struct phys_region *u = &map->usable[i];

		ASSERT(u->start < u->end);
		ASSERT(inside_ram(map, u));
		if (i > 0)
			ASSERT(map->usable[i - 1].end <= u->start);
		for (size_t r = 0; r < map->reserved_count; r++)
			ASSERT(!overlaps(&map->reserved[r], u->start, u->end));
	}
}
