/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 611 "chapters/04-frames.nw"
#ifndef KERNEL_FRAME_H
#define KERNEL_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include "kernel/addr.h"
#include "kernel/allocator.h"
#include "kernel/compiler.h"
#include "kernel/memmap.h"
#include "kernel/spinlock.h"

#define FRAME_MAX_ZONES MEMMAP_MAX_USABLE

#line 632 "chapters/04-frames.nw"
/* 页帧分配器的一区 */
struct frame_zone {
	struct ppn_range pages;
	void *allocator;
};

#line 643 "chapters/04-frames.nw"
/* 一个页帧分配器 */
struct frame_allocator {
	const struct allocator_ops *ops;
	size_t zone_count;
	size_t in_use;
	struct frame_zone zones[FRAME_MAX_ZONES];
};

MUST_CHECK bool frame_allocator_init(struct frame_allocator *fa,
				     const struct allocator_ops *ops,
				     const struct ppn_range *ranges, size_t count);
void frame_allocator_destroy(struct frame_allocator *fa);
MUST_CHECK bool frame_allocator_alloc(struct frame_allocator *fa, struct ppn *page);
MUST_CHECK bool frame_allocator_dealloc(struct frame_allocator *fa, struct ppn page);
MUST_CHECK bool frame_allocator_alloc_contiguous(struct frame_allocator *fa,
						 size_t count, struct ppn *first);
MUST_CHECK bool frame_allocator_dealloc_contiguous(struct frame_allocator *fa,
						   struct ppn first, size_t count);
size_t frame_allocator_capacity(const struct frame_allocator *fa);
size_t frame_allocator_in_use(const struct frame_allocator *fa);
void frame_allocator_check(const struct frame_allocator *fa,
			   void (*check_zone)(void *allocator));

#line 888 "chapters/04-frames.nw"
/* 页帧与它的追踪者 */
struct frame {
	struct ppn ppn;
};

#define FRAME_NONE ((struct frame){ { SIZE_MAX } })
#define FRAME_TRACKER __attribute__((cleanup(frame_release))) struct frame

void frame_release(struct frame *frame);

static inline bool frame_is_none(struct frame frame)
{
	return frame.ppn.value == SIZE_MAX;
}

static inline struct frame frame_take(struct frame *frame)
{
	struct frame taken = *frame;

	*frame = FRAME_NONE;
	return taken;
}

static inline struct paddr frame_address(struct frame frame)
{
	return ppn_address(frame.ppn);
}

#line 941 "chapters/04-frames.nw"
/* 全局的页帧分配器 */
struct locked_frame_allocator {
	struct spinlock lock;
	struct frame_allocator allocator;
};

extern struct locked_frame_allocator kernel_frames;

void frames_init(struct memory_map *map);
MUST_CHECK bool frame_alloc(struct frame *frame);
MUST_CHECK bool frame_alloc_contiguous(size_t count, struct frame *first);
void frame_dealloc(struct frame *frame);
void frame_dealloc_contiguous(struct frame first, size_t count);
size_t frames_total(void);
size_t frames_in_use(void);

#line 629 "chapters/04-frames.nw"
#endif
