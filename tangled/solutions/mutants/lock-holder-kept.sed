# file: 1-vec-heap/lock_debug.c
# loses: lock_checks_keep_boot_passing
s/^	lock->holder = SPIN_NO_HOLDER;$//
