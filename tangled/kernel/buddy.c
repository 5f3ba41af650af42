/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 238 "chapters/02-heap.nw"
#include "kernel/bitmap.h"
#include "kernel/buddy.h"
#include "kernel/string.h"

#line 307 "chapters/02-heap.nw"
/* 位运算的小工具 */
_Static_assert(sizeof(size_t) == sizeof(unsigned long),
	       "the bit tricks below assume size_t is unsigned long");

static unsigned floor_log2(size_t x)
{
	return (BITS_PER_LONG - 1) ^ __builtin_clzl(x);
}

#line 521 "chapters/02-heap.nw"
static uintptr_t align_up(uintptr_t x, size_t align)
{
	return (x + align - 1) & ~(uintptr_t)(align - 1);
}

#line 341 "chapters/02-heap.nw"
/* 计算块在状态图中的位置 */
static inline size_t block_slot(const struct buddy *b, uintptr_t addr, unsigned order)
{
	return (addr >> order) + b->bias[order];
}

static inline size_t buddy_slot(size_t slot)
{
	return slot ^ 1;
}

#line 367 "chapters/02-heap.nw"
/* 读写块的状态 */
#define BLOCK_FREE 1UL
#define BLOCK_USED 2UL
#define STATE_BITS 2
#define STATE_MASK ((1UL << STATE_BITS) - 1)
#define SLOTS_PER_WORD (BITS_PER_LONG / STATE_BITS)

static inline unsigned long *state_word(const struct buddy *b, size_t slot)
{
	return &b->state_map[slot / SLOTS_PER_WORD];
}

static inline unsigned state_shift(size_t slot)
{
	return slot % SLOTS_PER_WORD * STATE_BITS;
}

static inline unsigned long block_state(const struct buddy *b, size_t slot)
{
	return *state_word(b, slot) >> state_shift(slot) & STATE_MASK;
}

static inline void flip_state(struct buddy *b, size_t slot, unsigned long change)
{
	*state_word(b, slot) ^= change << state_shift(slot);
}

#line 406 "chapters/02-heap.nw"
/* 维护空闲链表 */
static inline void push_free(struct buddy *b, uintptr_t addr, unsigned order)
{
	struct buddy_link *head = &b->free_list[order], *first = head->next;
	struct buddy_link *link = (struct buddy_link *)addr;

	link->next = first;
	first->prev = link;
	link->prev = head;
	head->next = link;
	b->nonempty |= (uint64_t)1 << order;
}

static inline void remove_free(struct buddy *b, uintptr_t addr, unsigned order)
{
	struct buddy_link *link = (struct buddy_link *)addr;
	struct buddy_link *next = link->next, *prev = link->prev;

	prev->next = next;
	next->prev = prev;
	if (next == prev)
		b->nonempty &= ~((uint64_t)1 << order);
}

#line 440 "chapters/02-heap.nw"
/* 布置状态图 */
static size_t lay_out_map(struct buddy *b, uintptr_t begin, uintptr_t end)
{
	size_t slots = 0, words;

	b->max_order = floor_log2(end - begin);
	for (unsigned k = BUDDY_MIN_ORDER; k <= b->max_order; k++) {
		size_t first = ((begin >> k) - 1) & ~(size_t)1;
		size_t last = ((end - 1) >> k) + 1;
		size_t count = (last - first + 2) & ~(size_t)1;

		b->bias[k] = slots - first;
		slots += count;
	}
	words = bitmap_words(slots * STATE_BITS);
	return align_up(words * sizeof(unsigned long), BUDDY_MIN_BLOCK);
}

#line 463 "chapters/02-heap.nw"
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

static void carve_free_blocks(struct buddy *b, uintptr_t begin, uintptr_t end)
{
	for (uintptr_t addr = begin; addr < end;) {
		unsigned order = largest_fitting_order(addr, end, b->max_order);

		push_free(b, addr, order);
		flip_state(b, block_slot(b, addr, order), BLOCK_FREE);
		addr += (uintptr_t)1 << order;
	}
}

#line 497 "chapters/02-heap.nw"
/* 初始化伙伴系统 */
static uintptr_t align_down(uintptr_t x, size_t align)
{
	return x & ~(uintptr_t)(align - 1);
}

void buddy_init(struct buddy *b, void *start, size_t size)
{
	uintptr_t begin = align_up((uintptr_t)start, BUDDY_MIN_BLOCK);
	uintptr_t end = align_down((uintptr_t)start + size, BUDDY_MIN_BLOCK);

#line 528 "chapters/02-heap.nw"
	/* 建立一个空的分配器 */
	memset(b, 0, sizeof(*b));
	for (unsigned k = 0; k < BUDDY_ORDERS; k++)
		b->free_list[k].next = b->free_list[k].prev = &b->free_list[k];
#line 509 "chapters/02-heap.nw"
	if ((uintptr_t)start + size < (uintptr_t)start || end <= begin)
		return;
#line 536 "chapters/02-heap.nw"
	/* 布置状态图，放不下时保持为空 */
	b->map_bytes = lay_out_map(b, begin, end);
	if (b->map_bytes >= end - begin - BUDDY_MIN_BLOCK) {
		b->max_order = 0;
		b->map_bytes = 0;
		return;
	}
	b->state_map = (unsigned long *)begin;
	memset(b->state_map, 0, b->map_bytes);
#line 512 "chapters/02-heap.nw"
	b->begin = begin + b->map_bytes;
	b->size = end - b->begin;
	carve_free_blocks(b, b->begin, end);
}

#line 562 "chapters/02-heap.nw"
/* 把布局换算成阶 */
static inline unsigned layout_order(struct layout layout)
{
	size_t need_less_one = (layout.size - 1) | (layout.align - 1) |
			       (BUDDY_MIN_BLOCK - 1);

	if (layout.align & (layout.align - 1))
		need_less_one = SIZE_MAX;
	return floor_log2(need_less_one) + 1;
}

#line 607 "chapters/02-heap.nw"
/* 切分一个大块 */
__attribute__((noinline))
static void *split(struct buddy *b, uintptr_t addr, unsigned have, unsigned want)
{
	size_t slot = block_slot(b, addr, have);

	flip_state(b, slot, BLOCK_FREE);
	while (have > want) {
		have--;
		slot = block_slot(b, addr, have);
		push_free(b, addr + ((uintptr_t)1 << have), have);
		flip_state(b, buddy_slot(slot), BLOCK_FREE);
	}
	flip_state(b, slot, BLOCK_USED);
	return (void *)addr;
}

#line 577 "chapters/02-heap.nw"
/* 分配一个块 */
void *buddy_alloc(struct buddy *b, struct layout layout)
{
	unsigned want = layout_order(layout), have;
	uint64_t candidates;
	uintptr_t addr;

	if (want > b->max_order)
		return NULL;
	candidates = b->nonempty >> want;
	if (candidates == 0)
		return NULL;
	have = want + (unsigned)__builtin_ctzll(candidates);
	addr = (uintptr_t)b->free_list[have].next;
	remove_free(b, addr, have);
	if (have > want)
		return split(b, addr, have, want);
	flip_state(b, block_slot(b, addr, have), BLOCK_FREE | BLOCK_USED);
	return (void *)addr;
}

#line 687 "chapters/02-heap.nw"
/* 与空闲的伙伴合并 */
__attribute__((noinline))
static bool merge(struct buddy *b, uintptr_t addr, unsigned order, size_t slot)
{
	flip_state(b, slot, BLOCK_USED);
	do {
		flip_state(b, buddy_slot(slot), BLOCK_FREE);
		remove_free(b, addr ^ ((uintptr_t)1 << order), order);
		addr &= ~((uintptr_t)1 << order);
		order++;
		slot = block_slot(b, addr, order);
	} while (block_state(b, buddy_slot(slot)) == BLOCK_FREE);
	flip_state(b, slot, BLOCK_FREE);
	push_free(b, addr, order);
	return true;
}

#line 628 "chapters/02-heap.nw"
/* 释放一个块 */
bool buddy_dealloc(struct buddy *b, void *ptr, struct layout layout)
{
	uintptr_t addr = (uintptr_t)ptr;
	unsigned order = layout_order(layout), shift;
	unsigned long *word;
	size_t slot;

#line 648 "chapters/02-heap.nw"
	/* 拒绝无效的布局、区域外与未对齐的指针 */
	if (order > b->max_order || addr - b->begin >= b->size ||
	    (unsigned)__builtin_ctzl(addr) < order)
		return false;
#line 658 "chapters/02-heap.nw"
	/* 拒绝不是已交出的块的请求 */
	slot = block_slot(b, addr, order);
	word = state_word(b, slot);
	shift = state_shift(slot);
	if (!(*word & BLOCK_USED << shift))
		return false;
#line 673 "chapters/02-heap.nw"
	/* 伙伴空闲就合并，否则直接放回链表 */
	if (*word & BLOCK_FREE << (shift ^ STATE_BITS))
		return merge(b, addr, order, slot);
	*word ^= (BLOCK_USED | BLOCK_FREE) << shift;
	push_free(b, addr, order);
	return true;
#line 639 "chapters/02-heap.nw"
}

#line 709 "chapters/02-heap.nw"
/* 报告伙伴系统的状态 */
size_t buddy_free_bytes(const struct buddy *b)
{
	size_t bytes = 0;

	for (unsigned k = BUDDY_MIN_ORDER; k <= b->max_order; k++)
		for (const struct buddy_link *l = b->free_list[k].next;
		     l != &b->free_list[k]; l = l->next)
			bytes += (size_t)1 << k;
	return bytes;
}

size_t buddy_largest_free(const struct buddy *b)
{
	return b->nonempty ? (size_t)1 << floor_log2(b->nonempty) : 0;
}

size_t buddy_bookkeeping_bytes(const struct buddy *b)
{
	return b->map_bytes;
}

#line 750 "chapters/02-heap.nw"
/* 核对伙伴系统的不变式 */

#line 769 "chapters/02-heap.nw"
/* 核对一个空闲块 */
static bool in_region(const struct buddy *b, const struct buddy_link *link)
{
	return (uintptr_t)link - b->begin < b->size;
}

static bool free_block_consistent(const struct buddy *b, const struct buddy_link *link,
				  unsigned order)
{
	uintptr_t addr = (uintptr_t)link;
	size_t slot;

	if (!in_region(b, link) || ((size_t)1 << order) > b->size - (addr - b->begin) ||
	    (addr & (((uintptr_t)1 << order) - 1)) != 0)
		return false;
	slot = block_slot(b, addr, order);
	return block_state(b, slot) == BLOCK_FREE &&
	       block_state(b, buddy_slot(slot)) != BLOCK_FREE;
}

#line 792 "chapters/02-heap.nw"
/* 核对一条空闲链表 */
static bool list_consistent(const struct buddy *b, unsigned order, size_t *listed)
{
	const struct buddy_link *head = &b->free_list[order], *link;
	bool nonempty = head->next != head;
	size_t count = 0;

	if (nonempty != ((b->nonempty >> order & 1) != 0))
		return false;
	if (order < BUDDY_MIN_ORDER || order > b->max_order)
		return !nonempty;
	for (link = head; link->next != head; link = link->next) {
		if (!in_region(b, link->next) || link->next->prev != link ||
		    !free_block_consistent(b, link->next, order) ||
		    ++count > b->size >> order)
			return false;
	}
	*listed += count;
	return head->prev == link;
}

#line 816 "chapters/02-heap.nw"
/* 数出状态图里空闲的槽 */
#define FREE_BITS (~0UL / STATE_MASK)

static size_t count_ones(unsigned long x)
{
	size_t n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static bool free_slots(const struct buddy *b, size_t *marked)
{
	*marked = 0;
	for (size_t i = 0; i < b->map_bytes / sizeof(unsigned long); i++) {
		unsigned long free_marks = b->state_map[i] & FREE_BITS;
		unsigned long used_marks = b->state_map[i] >> 1 & FREE_BITS;

		if (free_marks & used_marks)
			return false;
		*marked += count_ones(free_marks);
	}
	return true;
}

#line 755 "chapters/02-heap.nw"
bool buddy_check(const struct buddy *b)
{
	size_t listed = 0, marked;

	for (unsigned k = 0; k < BUDDY_ORDERS; k++)
		if (!list_consistent(b, k, &listed))
			return false;
	return free_slots(b, &marked) && marked == listed;
}
