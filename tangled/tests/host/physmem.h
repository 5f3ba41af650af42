/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1100 "chapters/04a-paging.nw"
#ifndef TESTS_HOST_PHYSMEM_H
#define TESTS_HOST_PHYSMEM_H

#include <stdbool.h>
#include <stddef.h>
#include "kernel/pagetable.h"

#define SIM_MEMORY_START 0x80000000ULL
#define SIM_POISON 0xa5

struct sim_memory {
	struct phys_window window;
	size_t pages;
};

struct sim_table {
	struct sim_memory sim;
	struct page_table table;
};

bool sim_memory_init(struct sim_memory *sim, size_t pages);
void sim_memory_destroy(struct sim_memory *sim);
size_t sim_free_frames(void);
bool sim_table_create(struct sim_table *st, size_t pages);
void sim_table_destroy(struct sim_table *st);

#endif
