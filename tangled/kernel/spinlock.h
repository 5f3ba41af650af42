/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 618 "chapters/02-heap.nw"
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

struct spinlock {
	int locked;
	const char *name;
	int holder;
	unsigned long saved_irq;
};

#define SPIN_NO_HOLDER (-1)
#define SPINLOCK_INIT(lock_name) \
	{ .locked = 0, .name = (lock_name), .holder = SPIN_NO_HOLDER }

void spin_lock(struct spinlock *lock);
void spin_unlock(struct spinlock *lock);

#line 676 "chapters/02-heap.nw"
/* 自旋锁的调试钩子 */
void spin_debug_acquire(struct spinlock *lock);
void spin_debug_acquired(struct spinlock *lock);
void spin_debug_release(struct spinlock *lock);

#line 637 "chapters/02-heap.nw"
#endif
