# file: 1-vec-heap/lock_debug.c
# loses: lock_no_false_alarms
s/^#include "kernel\/panic.h"$/&\
#include "kernel\/printf.h"/
/^	if (lock->holder == (int)arch_cpu_id())$/i\
	if (lock->locked) {\
		kprintf("panic: spinlock '%s' is busy\\n", lock->name);\
		arch_poweroff(EXIT_PANIC);\
	}
