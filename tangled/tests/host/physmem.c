/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1131 "chapters/04a-paging.nw"
#include <stdlib.h>
#include <string.h>
#include "kernel/stacked_allocator.h"
#include "tests/host/physmem.h"

bool sim_memory_init(struct sim_memory *sim, size_t pages)
{
	struct ppn_range range = { ppn_floor(paddr_of(SIM_MEMORY_START)),
				   ppn_add(ppn_floor(paddr_of(SIM_MEMORY_START)), pages) };

	sim->pages = pages;
	sim->window = (struct phys_window){ SIM_MEMORY_START, pages * PAGE_SIZE,
					    aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE) };
	if (!sim->window.base)
		return false;
	memset(sim->window.base, SIM_POISON, pages * PAGE_SIZE);
	if (!frame_allocator_init(&kernel_frames.allocator, &stacked_allocator_ops,
				  &range, 1)) {
		free(sim->window.base);
		return false;
	}
	return true;
}

void sim_memory_destroy(struct sim_memory *sim)
{
	frame_allocator_destroy(&kernel_frames.allocator);
	free(sim->window.base);
	sim->window.base = NULL;
}

size_t sim_free_frames(void)
{
	size_t capacity = frames_total(), n = 0;
	struct frame *all = malloc((capacity + 1) * sizeof(*all));

	while (all && frame_alloc(&all[n]))
		n++;
	for (size_t i = 0; i < n; i++)
		frame_dealloc(&all[i]);
	free(all);
	return n;
}

#line 1181 "chapters/04a-paging.nw"
bool sim_table_create(struct sim_table *st, size_t pages)
{
	if (!sim_memory_init(&st->sim, pages))
		return false;
	if (pt_create(&st->table, &st->sim.window) == NULL)
		return true;
	sim_memory_destroy(&st->sim);
	return false;
}

void sim_table_destroy(struct sim_table *st)
{
	pt_destroy(&st->table);
	sim_memory_destroy(&st->sim);
}
