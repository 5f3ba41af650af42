/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 918 "chapters/02-heap.nw"
#include "kernel/spinlock.h"
#include "kernel/arch.h"

void spin_lock(struct spinlock *lock)
{
	unsigned long irq = arch_irq_save();

	spin_debug_acquire(lock);
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		;
	lock->saved_irq = irq;
	spin_debug_acquired(lock);
}

void spin_unlock(struct spinlock *lock)
{
	unsigned long irq = lock->saved_irq;

	spin_debug_release(lock);
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
	arch_irq_restore(irq);
}
