/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 852 "chapters/04a-paging.nw"
#include "kernel/kspace.h"
#include "kernel/printf.h"

struct kernel_space kernel_space = { .table = { .root = FRAME_NONE } };

#line 862 "chapters/04a-paging.nw"
/* 按清单映射内核的各段 */
static unsigned kernel_leaf_flags(unsigned flags)
{
	return flags | PTE_A | (flags & PTE_W ? PTE_D : 0);
}

static const char *map_segment(struct kernel_space *space,
			       const struct kspace_segment *s, enum pt_level largest)
{
	uint64_t start = s->start / PAGE_SIZE * PAGE_SIZE;
	uint64_t end = ppn_address(ppn_ceil(paddr_of(s->end))).value;

	if (end <= start)
		return NULL;
	return pt_map_range(&space->table, vaddr_of(start), paddr_of(start), end - start,
			    kernel_leaf_flags(s->flags), largest);
}

const char *kspace_build(struct kernel_space *space, const struct phys_window *memory,
			 const struct kspace_segment *segments, size_t count,
			 struct vaddr guard, enum pt_level largest)
{
	struct paddr ignored;
	unsigned flags;
	const char *error;

	space->memory = *memory;
	space->guard = guard;
	error = pt_create(&space->table, &space->memory);
	for (size_t i = 0; !error && i < count; i++) {
		error = map_segment(space, &segments[i], largest);
		if (error)
			kprintf("paging: cannot map %s %p-%p: %s\n", segments[i].name,
				(void *)(uintptr_t)segments[i].start,
				(void *)(uintptr_t)segments[i].end, error);
	}
	if (!error && pt_translate(&space->table, guard, &ignored, &flags))
		error = "the guard page is mapped";
	if (error)
		pt_destroy(&space->table);
	return error;
}

#line 992 "chapters/04a-paging.nw"
/* 把映射合并成段打印出来 */
struct leaf_run {
	uintptr_t va;
	uintptr_t pa;
	enum pt_level level;
	unsigned flags;
	size_t count;
};

static void print_run(const struct leaf_run *run)
{
	size_t size = pt_level_size(run->level);

	kprintf("  map %p-%p -> %p %c%c%c %s x%zu\n", (void *)run->va,
		(void *)(run->va + run->count * size), (void *)run->pa,
		run->flags & PTE_R ? 'r' : '-', run->flags & PTE_W ? 'w' : '-',
		run->flags & PTE_X ? 'x' : '-',
		run->level == PT_LEVEL_1G ? "1G" : run->level == PT_LEVEL_2M ? "2M" : "4K",
		run->count);
}

static void extend_run(void *context, struct vaddr va, struct paddr pa,
		       enum pt_level level, unsigned flags)
{
	struct leaf_run *run = context;
	size_t size = pt_level_size(level);

	if (run->count && run->level == level && run->flags == flags &&
	    run->va + run->count * size == va.value &&
	    run->pa + run->count * size == pa.value) {
		run->count++;
		return;
	}
	if (run->count)
		print_run(run);
	*run = (struct leaf_run){ va.value, pa.value, level, flags, 1 };
}

void kspace_print(const struct kernel_space *space)
{
	struct leaf_run run = { 0 };

	kprintf("page table:\n");
	pt_for_each_leaf(&space->table, extend_run, &run);
	if (run.count)
		print_run(&run);
}

#line 1049 "chapters/04a-paging.nw"
/* 说明一次缺页异常 */
static void format_permissions(unsigned flags, char out[4])
{
	out[0] = flags & PTE_R ? 'r' : '-';
	out[1] = flags & PTE_W ? 'w' : '-';
	out[2] = flags & PTE_X ? 'x' : '-';
	out[3] = '\0';
}

bool paging_describe_fault(uintptr_t stval, char *buf, size_t size)
{
	const struct kernel_space *space = &kernel_space;
	struct paddr pa;
	unsigned flags;
	char perms[4];

	if (frame_is_none(space->table.root)) {
		ksnprintf(buf, size, "%p: paging is off", (void *)stval);
		return false;
	}
	if (stval - space->guard.value < PAGE_SIZE) {
		ksnprintf(buf, size, "%p is in the guard page %p-%p below the boot stack: "
			  "stack overflow", (void *)stval, (void *)space->guard.value,
			  (void *)(space->guard.value + PAGE_SIZE));
		return true;
	}
	if (!pt_translate(&space->table, vaddr_of(stval), &pa, &flags)) {
		ksnprintf(buf, size, "%p is not mapped", (void *)stval);
		return false;
	}
	format_permissions(flags, perms);
	ksnprintf(buf, size, "%p is mapped %s to %p", (void *)stval, perms,
		(void *)pa.value);
	return false;
}
