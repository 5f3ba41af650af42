# file: 1-vec-heap/lock_debug.c
# loses: vec_heap_panics
s/"spinlock '%s': hart %u acquires it again/"hart %u acquires a lock again/
/acquires a lock again/{
n
s/lock->name, //
}
