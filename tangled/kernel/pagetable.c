/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 327 "chapters/04a-paging.nw"
#include "kernel/pagetable.h"
#include "kernel/panic.h"

#line 345 "chapters/04a-paging.nw"
/* 通过窗口找到一页页表 */
static struct pte *table_at(const struct page_table *table, struct ppn page)
{
	const struct phys_window *w = table->memory;
	uint64_t address = ppn_address(page).value;

	if (address < w->start || address - w->start > w->size - PAGE_SIZE)
		panic("page table: table page %p is outside physical memory",
		      (void *)(uintptr_t)address);
	return (struct pte *)(w->base + (address - w->start));
}

#line 364 "chapters/04a-paging.nw"
/* 沿着三级页表走下去 */
struct pt_walk {
	struct pte *slot[SV39_LEVELS];
	enum pt_level level;
};

static void walk(const struct page_table *table, struct vpn page, enum pt_level lowest,
		 struct pt_walk *w)
{
	struct pte *entries = table_at(table, table->root.ppn);
	enum pt_level level = PT_LEVEL_1G;

	for (;;) {
		w->slot[level] = &entries[vpn_index(page, level)];
		w->level = level;
		if (level == lowest || !pte_is_table(*w->slot[level]))
			return;
		entries = table_at(table, pte_ppn(*w->slot[level]));
		level--;
	}
}

#line 395 "chapters/04a-paging.nw"
/* 创建与销毁页表 */
static const char *fresh_table(const struct page_table *table, struct frame *frame)
{
	struct pte *entries;

	if (!frame_alloc(frame))
		return "out of frames for a page table";
	entries = table_at(table, frame->ppn);
	for (size_t i = 0; i < SV39_ENTRIES; i++)
		entries[i] = (struct pte){ 0 };
	return NULL;
}

const char *pt_create(struct page_table *table, const struct phys_window *memory)
{
	FRAME_TRACKER root = FRAME_NONE;
	const char *error;

	*table = (struct page_table){ .root = FRAME_NONE, .memory = memory };
	error = fresh_table(table, &root);
	if (error)
		return error;
	table->root = frame_take(&root);
	table->frames = 1;
	return NULL;
}

#line 433 "chapters/04a-paging.nw"
static void free_table(struct page_table *table, struct ppn page, enum pt_level level)
{
	struct pte *entries = table_at(table, page);
	struct frame frame = { page };

	for (size_t i = 0; level > PT_LEVEL_4K && i < SV39_ENTRIES; i++)
		if (pte_is_table(entries[i]))
			free_table(table, pte_ppn(entries[i]), level - 1);
	frame_dealloc(&frame);
	table->frames--;
}

void pt_destroy(struct page_table *table)
{
	if (frame_is_none(table->root))
		return;
	free_table(table, table->root.ppn, PT_LEVEL_1G);
	if (table->frames != 0)
		panic("pt_destroy: %zu frames unaccounted for", table->frames);
	table->root = FRAME_NONE;
}

#line 459 "chapters/04a-paging.nw"
/* 检查映射的参数 */
static const char *check_leaf(struct vaddr va, struct paddr pa, enum pt_level level,
			      unsigned flags)
{
	size_t size = pt_level_size(level);

	if (level > PT_LEVEL_1G)
		return "no such page size";
	if (!vaddr_is_canonical(va))
		return "not a canonical Sv39 address";
	if (va.value % size || pa.value % size)
		return "address not aligned to the page size";
	if (pa.value >> (SV39_PPN_BITS + PAGE_SHIFT))
		return "physical address beyond 56 bits";
	if (!(flags & PTE_PERMS) || (flags & ~PTE_LEAF_FLAGS))
		return "a leaf needs R, W or X and no other bits";
	if ((flags & (PTE_R | PTE_W)) == PTE_W)
		return "writable but not readable is reserved";
	return NULL;
}

#line 485 "chapters/04a-paging.nw"
/* 补上缺少的中间页表 */
static struct pte *link_table(struct page_table *table, struct pte *slot,
			      struct frame frame, struct vpn page, enum pt_level level)
{
	*slot = pte_make(frame.ppn, PTE_V);
	table->frames++;
	return &table_at(table, frame.ppn)[vpn_index(page, level)];
}

static const char *grow_path(struct page_table *table, struct pt_walk *w,
			     struct vpn page, enum pt_level level)
{
	FRAME_TRACKER upper = FRAME_NONE;
	FRAME_TRACKER lower = FRAME_NONE;
	size_t missing = w->level - level;

#line 511 "chapters/04a-paging.nw"
	/* 先拿到缺少的每一张页表，拿不到就让追踪者全部退回 */
	if (missing >= 1 && fresh_table(table, &upper))
		return "out of frames for a page table";
	if (missing >= 2 && fresh_table(table, &lower))
		return "out of frames for a page table";
#line 520 "chapters/04a-paging.nw"
	/* 再把它们从上往下接进页表 */
	if (missing >= 1)
		w->slot[w->level - 1] = link_table(table, w->slot[w->level], frame_take(&upper),
						   page, w->level - 1);
	if (missing >= 2)
		w->slot[level] = link_table(table, w->slot[level + 1], frame_take(&lower), page,
					    level);
#line 503 "chapters/04a-paging.nw"
	w->level = level;
	return NULL;
}

#line 532 "chapters/04a-paging.nw"
/* 映射一页 */
const char *pt_map(struct page_table *table, struct vaddr va, struct paddr pa,
		   enum pt_level level, unsigned flags)
{
	struct vpn page = vpn_floor(va);
	struct pt_walk w;
	const char *error = check_leaf(va, pa, level, flags);

	if (error)
		return error;
	walk(table, page, level, &w);
	if (pte_is_valid(*w.slot[w.level]))
		return w.level == level && pte_is_table(*w.slot[w.level])
		       ? "overlaps smaller pages already mapped" : "already mapped";
	error = grow_path(table, &w, page, level);
	if (error)
		return error;
	*w.slot[level] = pte_make(ppn_floor(pa), flags | PTE_V);
	return NULL;
}

#line 562 "chapters/04a-paging.nw"
/* 拆掉一页 */
static bool table_is_empty(const struct page_table *table, struct pte entry)
{
	const struct pte *entries = table_at(table, pte_ppn(entry));

	for (size_t i = 0; i < SV39_ENTRIES; i++)
		if (pte_is_valid(entries[i]))
			return false;
	return true;
}

static void free_emptied_tables(struct page_table *table, struct pt_walk *w)
{
	for (enum pt_level level = w->level + 1; level < SV39_LEVELS; level++) {
		struct frame frame = { pte_ppn(*w->slot[level]) };

		if (!table_is_empty(table, *w->slot[level]))
			return;
		*w->slot[level] = (struct pte){ 0 };
		frame_dealloc(&frame);
		table->frames--;
	}
}

const char *pt_unmap(struct page_table *table, struct vaddr va)
{
	struct pt_walk w;

	if (!vaddr_is_canonical(va))
		return "not a canonical Sv39 address";
	walk(table, vpn_floor(va), PT_LEVEL_4K, &w);
	if (!pte_is_leaf(*w.slot[w.level]))
		return "not mapped";
	if (vaddr_offset(va, w.level))
		return "inside a larger page; unmap the whole page at its start";
	*w.slot[w.level] = (struct pte){ 0 };
	free_emptied_tables(table, &w);
	return NULL;
}

#line 605 "chapters/04a-paging.nw"
/* 翻译一个虚拟地址 */
bool pt_translate(const struct page_table *table, struct vaddr va, struct paddr *pa,
		  unsigned *flags)
{
	struct pt_walk w;
	struct pte leaf;

	if (!vaddr_is_canonical(va))
		return false;
	walk(table, vpn_floor(va), PT_LEVEL_4K, &w);
	leaf = *w.slot[w.level];
	if (!pte_is_leaf(leaf))
		return false;
	*pa = paddr_of(ppn_address(pte_ppn(leaf)).value + vaddr_offset(va, w.level));
	*flags = pte_flags(leaf);
	return true;
}

#line 630 "chapters/04a-paging.nw"
/* 映射一段区间 */
static enum pt_level largest_fitting_level(struct vaddr va, struct paddr pa,
					   size_t left, enum pt_level largest)
{
	enum pt_level level = largest;

	while (level > PT_LEVEL_4K &&
	       (va.value % pt_level_size(level) || pa.value % pt_level_size(level) ||
		left < pt_level_size(level)))
		level--;
	return level;
}

static void unmap_prefix(struct page_table *table, struct vaddr va, size_t done)
{
	uintptr_t end = va.value + done;

	while (va.value < end) {
		struct pt_walk w;

		walk(table, vpn_floor(va), PT_LEVEL_4K, &w);
		if (pt_unmap(table, va))
			panic("pt_map_range: cannot undo the mapping at %p", (void *)va.value);
		va.value += pt_level_size(w.level);
	}
}

const char *pt_map_range(struct page_table *table, struct vaddr va, struct paddr pa,
			 size_t len, unsigned flags, enum pt_level largest)
{
	size_t done = 0;

	if (len % PAGE_SIZE)
		return "length not a multiple of the page size";
	while (done < len) {
		struct vaddr v = vaddr_of(va.value + done);
		struct paddr p = paddr_of(pa.value + done);
		enum pt_level level = largest_fitting_level(v, p, len - done, largest);
		const char *error = pt_map(table, v, p, level, flags);

		if (error) {
			unmap_prefix(table, va, done);
			return error;
		}
		done += pt_level_size(level);
	}
	return NULL;
}

#line 698 "chapters/04a-paging.nw"
static uintptr_t sign_extend(uintptr_t value)
{
	int64_t shifted = (int64_t)(value << (64 - SV39_VA_BITS));

	return (uintptr_t)(shifted >> (64 - SV39_VA_BITS));
}

static void visit_table(const struct page_table *table, struct ppn page,
			enum pt_level level, uintptr_t base, pt_leaf_fn *visit, void *context)
{
	const struct pte *entries = table_at(table, page);

	for (size_t i = 0; i < SV39_ENTRIES; i++) {
		uintptr_t va = base + i * pt_level_size(level);

		if (pte_is_table(entries[i]) && level > PT_LEVEL_4K)
			visit_table(table, pte_ppn(entries[i]), level - 1, va, visit, context);
		else if (pte_is_leaf(entries[i]))
			visit(context, vaddr_of(sign_extend(va)), ppn_address(pte_ppn(entries[i])),
			      level, pte_flags(entries[i]));
	}
}

void pt_for_each_leaf(const struct page_table *table, pt_leaf_fn *visit, void *context)
{
	visit_table(table, table->root.ppn, PT_LEVEL_1G, 0, visit, context);
}
