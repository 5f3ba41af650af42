/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 732 "chapters/04a-paging.nw"
#ifndef KERNEL_KSPACE_H
#define KERNEL_KSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include "kernel/memmap.h"
#include "kernel/pagetable.h"

struct kspace_segment {
	const char *name;
	uint64_t start;
	uint64_t end;
	unsigned flags;
};

struct kernel_space {
	struct page_table table;
	struct phys_window memory;
	struct vaddr guard;
};

extern struct kernel_space kernel_space;

MUST_CHECK const char *kspace_build(struct kernel_space *space,
				    const struct phys_window *memory,
				    const struct kspace_segment *segments, size_t count,
				    struct vaddr guard, enum pt_level largest);
void kspace_print(const struct kernel_space *space);
#define FAULT_DESCRIPTION_MAX 160
#define KSPACE_FIXED_SEGMENTS 5
#define KSPACE_MAX_SEGMENTS (KSPACE_FIXED_SEGMENTS + MEMMAP_MAX_RAM)
bool paging_describe_fault(uintptr_t stval, char *buf, size_t size);

size_t paging_segments(const struct memory_map *map, struct kspace_segment *segments);
void paging_init(const struct memory_map *map);

#endif
