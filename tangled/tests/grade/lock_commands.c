/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 749 "chapters/80-grading.nw"
#include <stdio.h>
#include "host/shim.h"
#include "kernel/spinlock.h"
#include "tests/grade/server.h"

#define GRADE_LOCKS 8

static struct spinlock locks[GRADE_LOCKS];
static char names[GRADE_LOCKS][REQUEST_TEXT_MAX];

static struct spinlock *lock_of(const struct request *req)
{
	if (req->arg[0] >= GRADE_LOCKS) {
		reply("? no lock %zu", req->arg[0]);
		return NULL;
	}
	return &locks[req->arg[0]];
}

static void name_lock(const struct request *req)
{
	struct spinlock *lock = lock_of(req);

	if (!lock)
		return;
	snprintf(names[req->arg[0]], sizeof(names[0]), "%s", req->text);
	*lock = (struct spinlock)SPINLOCK_INIT(names[req->arg[0]]);
	reply("+");
}
GRADE_COMMAND('l', 1, name_lock);

#line 783 "chapters/80-grading.nw"
/* 以某个 hart 的身份调用钩子 */
static void call_acquire(void *lock)
{
	spin_debug_acquire(lock);
}

static void call_acquired(void *arg)
{
	struct spinlock *lock = arg;

	lock->locked = 1;
	spin_debug_acquired(lock);
}

static void call_release(void *arg)
{
	struct spinlock *lock = arg;

	spin_debug_release(lock);
	lock->locked = 0;
}

static void as_hart(const struct request *req, void (*call)(void *))
{
	struct spinlock *lock = lock_of(req);

	if (!lock)
		return;
	host_set_cpu_id((unsigned)req->arg[1]);
	reply_outcome(server_catch_panic(call, lock));
}

static void acquire(const struct request *req)
{
	as_hart(req, call_acquire);
}
GRADE_COMMAND('q', 2, acquire);

static void acquired(const struct request *req)
{
	as_hart(req, call_acquired);
}
GRADE_COMMAND('s', 2, acquired);

static void release(const struct request *req)
{
	as_hart(req, call_release);
}
GRADE_COMMAND('r', 2, release);
