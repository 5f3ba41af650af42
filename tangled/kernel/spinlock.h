/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 862 "chapters/02-heap.nw"
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

#line 900 "chapters/02-heap.nw"
/* 在作用域结束时放锁 */
static inline struct spinlock *spin_lock_for_guard(struct spinlock *lock)
{
	spin_lock(lock);
	return lock;
}

static inline void spin_unlock_guard(struct spinlock **guard)
{
	spin_unlock(*guard);
}

#define SPIN_GUARD(lock)						\
	struct spinlock *spin_guard_					\
	__attribute__((cleanup(spin_unlock_guard), unused)) = spin_lock_for_guard(lock)

#line 950 "chapters/02-heap.nw"
/* 自旋锁的调试钩子 */
void spin_debug_acquire(struct spinlock *lock);
void spin_debug_acquired(struct spinlock *lock);
void spin_debug_release(struct spinlock *lock);

#line 882 "chapters/02-heap.nw"
#endif
