/* Your file: first drafted in the book's chapter; edit it here. */
/*
 * Exercise 1 (b): the spinlock's debugging hooks.
 * The handout is the chapter "练习一" of the book.
 */
#include "kernel/arch.h"
#include "kernel/panic.h"
#include "kernel/spinlock.h"

void spin_debug_acquire(struct spinlock *lock)
{
	(void)lock;
}

void spin_debug_acquired(struct spinlock *lock)
{
	(void)lock;
}

void spin_debug_release(struct spinlock *lock)
{
	(void)lock;
}
