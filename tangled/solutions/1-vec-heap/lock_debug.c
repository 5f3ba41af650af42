/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 52 "chapters/90-solutions.nw"
/*
 * Exercise 1 (b): the spinlock's debugging hooks.  Reference solution.
 */
#include "kernel/arch.h"
#include "kernel/panic.h"
#include "kernel/spinlock.h"

void spin_debug_acquire(struct spinlock *lock)
{
	if (lock->holder == (int)arch_cpu_id())
		panic("spinlock '%s': hart %u acquires it again while holding it",
		      lock->name, arch_cpu_id());
}

void spin_debug_acquired(struct spinlock *lock)
{
	lock->holder = (int)arch_cpu_id();
}

void spin_debug_release(struct spinlock *lock)
{
	if (lock->holder != (int)arch_cpu_id())
		panic("spinlock '%s': released by hart %u, which does not hold it",
		      lock->name, arch_cpu_id());
	lock->holder = SPIN_NO_HOLDER;
}
