# file: 1-vec-heap/lock_debug.c
# loses: vec_heap_panics
s/"spinlock '%s': hart %u acquires it again while holding it",/"hart %u acquires a spinlock twice",/
/acquires a spinlock twice/{
n
s/lock->name, //
}
