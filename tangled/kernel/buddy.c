/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 226 "chapters/02-heap.nw"
#include "kernel/bitmap.h"
#include "kernel/buddy.h"
#include "kernel/string.h"

#line 291 "chapters/02-heap.nw"
/* 位运算的小工具 */
_Static_assert(sizeof(size_t) == sizeof(unsigned long),
	       "the bit tricks below assume size_t is unsigned long");

static unsigned floor_log2(size_t x)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(x);
}

#line 325 "chapters/02-heap.nw"
/* 计算块在位图中的位置 */
static inline size_t block_bit(const struct buddy *b, uintptr_t addr, unsigned order)
{
	return (addr >> order) + b->bias[order];
}

static inline size_t buddy_bit(size_t bit)
{
	return bit ^ 1;
}

#line 344 "chapters/02-heap.nw"
/* 维护空闲链表 */
static inline void push_free(struct buddy *b, uintptr_t addr, unsigned order,
			     size_t bit)
{
	struct buddy_link *head = &b->free_list[order];
	struct buddy_link *link = (struct buddy_link *)addr;

	link->next = head->next;
	link->prev = head;
	head->next->prev = link;
	head->next = link;
	b->nonempty |= (uint64_t)1 << order;
	set_bit(b->free_map, bit);
}

static inline void remove_free(struct buddy *b, uintptr_t addr, unsigned order,
			       size_t bit)
{
	struct buddy_link *link = (struct buddy_link *)addr;

	link->prev->next = link->next;
	link->next->prev = link->prev;
	if (b->free_list[order].next == &b->free_list[order])
		b->nonempty &= ~((uint64_t)1 << order);
	clear_bit(b->free_map, bit);
}

#line 380 "chapters/02-heap.nw"
/* 布置位图 */
static size_t lay_out_maps(struct buddy *b, uintptr_t begin, uintptr_t end)
{
	size_t bits = 0;

	b->max_order = floor_log2(end - begin);
	for (unsigned k = BUDDY_MIN_ORDER; k <= b->max_order; k++) {
		size_t first = ((begin >> k) - 1) & ~(size_t)1;
		size_t last = ((end - 1) >> k) + 1;
		size_t count = (last - first + 2) & ~(size_t)1;

		b->bias[k] = bits - first;
		bits += count;
	}
	return bitmap_words(bits) * sizeof(unsigned long);
}

#line 402 "chapters/02-heap.nw"
/* 把一段内存切成对齐的块 */
static unsigned largest_fitting_order(uintptr_t addr, uintptr_t end, unsigned max_order)
{
	unsigned order = addr ? (unsigned)__builtin_ctzl(addr) : max_order;

	if (order > max_order)
		order = max_order;
	while (((uintptr_t)1 << order) > end - addr)
		order--;
	return order;
}

static void add_region(struct buddy *b, uintptr_t begin, uintptr_t end)
{
	for (uintptr_t addr = begin; addr < end;) {
		unsigned order = largest_fitting_order(addr, end, b->max_order);

		push_free(b, addr, order, block_bit(b, addr, order));
		b->free_bytes += (size_t)1 << order;
		addr += (uintptr_t)1 << order;
	}
}

#line 433 "chapters/02-heap.nw"
/* 初始化伙伴系统 */
static uintptr_t align_up(uintptr_t x, size_t align)
{
	return (x + align - 1) & ~(uintptr_t)(align - 1);
}

static uintptr_t align_down(uintptr_t x, size_t align)
{
	return x & ~(uintptr_t)(align - 1);
}

void buddy_init(struct buddy *b, void *start, size_t size)
{
	uintptr_t begin = align_up((uintptr_t)start, BUDDY_MIN_BLOCK);
	uintptr_t end = align_down((uintptr_t)start + size, BUDDY_MIN_BLOCK);

	memset(b, 0, sizeof(*b));
	for (unsigned k = 0; k < BUDDY_ORDERS; k++)
		b->free_list[k].next = b->free_list[k].prev = &b->free_list[k];
	if ((uintptr_t)start + size < (uintptr_t)start || end <= begin)
		return;
	b->map_bytes = lay_out_maps(b, begin, end);
	if (2 * b->map_bytes >= end - begin - BUDDY_MIN_BLOCK) {
		b->max_order = 0;
		b->map_bytes = 0;
		return;
	}
	b->free_map = (unsigned long *)begin;
	b->used_map = (unsigned long *)(begin + b->map_bytes);
	memset(b->free_map, 0, 2 * b->map_bytes);
	b->begin = align_up(begin + 2 * b->map_bytes, BUDDY_MIN_BLOCK);
	b->end = end;
	add_region(b, b->begin, b->end);
}

#line 479 "chapters/02-heap.nw"
/* 把布局换算成阶 */
static inline bool layout_order(const struct buddy *b, struct layout layout,
				unsigned *order)
{
	size_t need = layout.size > layout.align ? layout.size : layout.align;
	unsigned k;

	if (layout.size == 0 || !is_power_of_two(layout.align))
		return false;
	k = BITS_PER_LONG - __builtin_clzl((need - 1) | (BUDDY_MIN_BLOCK - 1));
	if (k > b->max_order)
		return false;
	*order = k;
	return true;
}

#line 501 "chapters/02-heap.nw"
/* 分配一个块 */
void *buddy_alloc(struct buddy *b, struct layout layout)
{
	unsigned want, have;
	uint64_t candidates;
	uintptr_t addr;

	if (!layout_order(b, layout, &want))
		return NULL;
	candidates = b->nonempty >> want;
	if (candidates == 0)
		return NULL;
	have = want + (unsigned)__builtin_ctzll(candidates);
	addr = (uintptr_t)b->free_list[have].next;
	remove_free(b, addr, have, block_bit(b, addr, have));
	while (have > want) {
		have--;
		push_free(b, addr + ((uintptr_t)1 << have), have,
			  buddy_bit(block_bit(b, addr, have)));
	}
	set_bit(b->used_map, block_bit(b, addr, want));
	b->free_bytes -= (size_t)1 << want;
	return (void *)addr;
}

#line 535 "chapters/02-heap.nw"
/* 检查一个块是否已交出 */
static inline bool live_block_bit(const struct buddy *b, uintptr_t addr, unsigned order,
				  size_t *bit)
{
	if (addr - b->begin >= b->end - b->begin ||
	    (addr & (((uintptr_t)1 << order) - 1)) != 0)
		return false;
	*bit = block_bit(b, addr, order);
	return test_bit(b->used_map, *bit);
}

#line 550 "chapters/02-heap.nw"
/* 释放并合并 */
static void merge_and_free(struct buddy *b, uintptr_t addr, unsigned order, size_t bit)
{
	while (order < b->max_order && test_bit(b->free_map, buddy_bit(bit))) {
		remove_free(b, addr ^ ((uintptr_t)1 << order), order, buddy_bit(bit));
		addr &= ~((uintptr_t)1 << order);
		order++;
		bit = block_bit(b, addr, order);
	}
	push_free(b, addr, order, bit);
}

#line 563 "chapters/02-heap.nw"
/* 释放一个块 */
bool buddy_dealloc(struct buddy *b, void *ptr, struct layout layout)
{
	uintptr_t addr = (uintptr_t)ptr;
	unsigned order;
	size_t bit;

	if (!layout_order(b, layout, &order) || !live_block_bit(b, addr, order, &bit))
		return false;
	clear_bit(b->used_map, bit);
	b->free_bytes += (size_t)1 << order;
	merge_and_free(b, addr, order, bit);
	return true;
}

#line 582 "chapters/02-heap.nw"
/* 报告伙伴系统的状态 */
size_t buddy_free_bytes(const struct buddy *b)
{
	return b->free_bytes;
}

size_t buddy_largest_free(const struct buddy *b)
{
	return b->nonempty ? (size_t)1 << floor_log2(b->nonempty) : 0;
}

size_t buddy_bookkeeping_bytes(const struct buddy *b)
{
	return 2 * b->map_bytes;
}
