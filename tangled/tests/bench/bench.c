/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 46 "chapters/85-measure.nw"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <valgrind/callgrind.h>
#include "kernel/buddy.h"
#include "kernel/heap.h"
#include "kernel/random.h"
#include "kernel/segtree_allocator.h"
#include "kernel/stacked_allocator.h"
#include "tests/host/physmem.h"

#define REGION_SIZE (16 * 1024 * 1024)
#define REPEATS 7
#define MIXED_LIVE 1000
#define BENCH_ALIGN 8

#line 82 "chapters/85-measure.nw"
/* 只为被测的函数计时 */
static double measured_seconds;

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

#define TIMED(call) ({							\
	double start_ = seconds();					\
	size_t done_;							\
									\
	CALLGRIND_START_INSTRUMENTATION;				\
	done_ = (call);							\
	CALLGRIND_STOP_INSTRUMENTATION;					\
	measured_seconds = seconds() - start_;				\
	done_;								\
})

#line 105 "chapters/85-measure.nw"
/* 测量用的伪随机数 */
static uint64_t rng = 1;

static uint64_t next_random(void)
{
	return xorshift64(&rng);
}

#line 117 "chapters/85-measure.nw"
/* 伙伴系统的测量 */
static struct buddy buddy;
static unsigned char *region;

static void fresh_buddy(void)
{
	if (!region)
		region = aligned_alloc(REGION_SIZE, REGION_SIZE);
	buddy_init(&buddy, region, REGION_SIZE);
}

__attribute__((noinline)) static size_t measured_pairs(size_t size, size_t ops)
{
	struct layout l = { size, BENCH_ALIGN };

	for (size_t i = 0; i < ops; i++)
		buddy_dealloc(&buddy, buddy_alloc(&buddy, l), l);
	return ops;
}

static size_t buddy_pairs(size_t size, size_t ops)
{
	fresh_buddy();
	return TIMED(measured_pairs(size, ops));
}

#line 152 "chapters/85-measure.nw"
#define DEEP_FREE_BYTES (REGION_SIZE - (1 << 20))

static size_t buddy_deep_pairs(size_t size, size_t ops)
{
	fresh_buddy();
	while (buddy_free_bytes(&buddy) > DEEP_FREE_BYTES)
		buddy_alloc(&buddy, (struct layout){ BUDDY_MIN_BLOCK, BENCH_ALIGN });
	return TIMED(measured_pairs(size, ops));
}

#line 170 "chapters/85-measure.nw"
/* 混合负载 */
struct live {
	void *ptr[MIXED_LIVE];
	size_t size[MIXED_LIVE];
	size_t count;
};

static size_t mixed_size(void)
{
	uint64_t bucket = next_random() % 100;

	if (bucket < 60)
		return 1 + next_random() % 256;
	if (bucket < 90)
		return 1 + next_random() % 4096;
	return 1 + next_random() % 65536;
}

__attribute__((noinline))
static size_t measured_mixed(size_t ops, bool use_malloc, bool dry)
{
	static struct live live;

	live.count = 0;
	rng = 1;
	for (size_t step = 0; step < ops; step++) {
		if (live.count < MIXED_LIVE && next_random() % 100 < 55) {
			size_t size = mixed_size();
			void *p = dry ? &live : use_malloc ? malloc(size)
				  : buddy_alloc(&buddy, (struct layout){ size, BENCH_ALIGN });

			if (p) {
				live.ptr[live.count] = p;
				live.size[live.count++] = size;
			}
		} else if (live.count > 0) {
			size_t i = next_random() % live.count;

			if (!dry && use_malloc)
				free(live.ptr[i]);
			else if (!dry)
				buddy_dealloc(&buddy, live.ptr[i],
					      (struct layout){ live.size[i], BENCH_ALIGN });
			live.count--;
			live.ptr[i] = live.ptr[live.count];
			live.size[i] = live.size[live.count];
		}
	}
	return ops;
}

#line 231 "chapters/85-measure.nw"
/* 合并的最坏情况 */
#define MERGE_MAX (1 << 16)

static void *merge_blocks[MERGE_MAX];

__attribute__((noinline)) static size_t measured_odd_frees(size_t n)
{
	struct layout l = { 64, BENCH_ALIGN };

	for (size_t i = 1; i < n; i += 2)
		buddy_dealloc(&buddy, merge_blocks[i], l);
	return n / 2;
}

static size_t buddy_merge(size_t n, size_t ops)
{
	struct layout l = { 64, BENCH_ALIGN };

	(void)ops;
	fresh_buddy();
	for (size_t i = 0; i < n; i++)
		merge_blocks[i] = buddy_alloc(&buddy, l);
	for (size_t i = 0; i < n; i += 2)
		buddy_dealloc(&buddy, merge_blocks[i], l);
	return TIMED(measured_odd_frees(n));
}

#line 263 "chapters/85-measure.nw"
/* C 库的对照 */
__attribute__((noinline)) static size_t measured_malloc_pairs(size_t size, size_t ops)
{
	for (size_t i = 0; i < ops; i++)
		free(malloc(size));
	return ops;
}

#line 292 "chapters/85-measure.nw"
/* 页帧分配器的测量 */
#define RUN_PAGES 8

static void *fragmented(const struct allocator_ops *ops, size_t capacity)
{
	void *self = ops->create(capacity);
	size_t index;

	if (!self) {
		fprintf(stderr, "bench: %s cannot be created for %zu frames\n",
			ops->name, capacity);
		exit(1);
	}
	if (ops->alloc_contiguous)
		ops->alloc_contiguous(self, capacity / 2, &index);
	else
		for (size_t i = 0; i < capacity / 2; i++)
			ops->alloc(self, &index);
	for (size_t i = 0; i < capacity / 2; i += 4)
		ops->dealloc(self, i);
	return self;
}

__attribute__((noinline))
static size_t measured_frame_pairs(const struct allocator_ops *ops,
				   void *self, size_t ops_count)
{
	size_t index;

	for (size_t i = 0; i < ops_count; i++)
		if (ops->alloc(self, &index))
			ops->dealloc(self, index);
	return ops_count;
}

__attribute__((noinline))
static size_t measured_run_pairs(const struct allocator_ops *ops,
				 void *self, size_t ops_count)
{
	size_t first;

	for (size_t i = 0; i < ops_count; i++)
		if (ops->alloc_contiguous(self, RUN_PAGES, &first))
			ops->dealloc_contiguous(self, first, RUN_PAGES);
	return ops_count;
}

static size_t frame_case(const struct allocator_ops *ops, size_t capacity,
			 size_t ops_count, bool runs)
{
	void *self = fragmented(ops, capacity);
	size_t done = runs ? TIMED(measured_run_pairs(ops, self, ops_count))
			   : TIMED(measured_frame_pairs(ops, self, ops_count));

	ops->destroy(self);
	return done;
}

static double metadata_per_frame(const struct allocator_ops *ops, size_t capacity)
{
	size_t before = heap_free_bytes();
	void *self = ops->create(capacity);
	size_t used = before - heap_free_bytes();

	ops->destroy(self);
	return (double)used / (double)capacity;
}

#line 2223 "chapters/04a-paging.nw"
/* 页表的测量 */
#define PT_BATCH 32768

static struct page_table bench_table;

static void map_pages(size_t n, enum pt_level level)
{
	size_t size = pt_level_size(level);

	for (size_t i = 0; i < n; i++)
		if (pt_map(&bench_table, vaddr_of(size * i), paddr_of(size * i), level, PTE_R))
			exit(3);
}

__attribute__((noinline)) static size_t measured_pt_maps(size_t n, enum pt_level level)
{
	map_pages(n, level);
	return n;
}

__attribute__((noinline)) static size_t measured_pt_translates(size_t n,
	enum pt_level level)
{
	size_t size = pt_level_size(level), found = 0;
	struct paddr pa;
	unsigned flags;

	for (size_t i = 0; i < n; i++)
		found += pt_translate(&bench_table, vaddr_of(size * i + 8), &pa, &flags);
	return found;
}

static size_t pt_case(enum pt_level level, size_t ops, bool translate)
{
	double total = 0;

	for (size_t done = 0, n; done < ops; done += n) {
		struct sim_memory sim;

		n = ops - done < PT_BATCH ? ops - done : PT_BATCH;
		if (!sim_memory_init(&sim, n / (SV39_ENTRIES / 2) + 8) ||
		    pt_create(&bench_table, &sim.window))
			exit(3);
		if (translate) {
			map_pages(n, level);
			if (TIMED(measured_pt_translates(n, level)) != n)
				exit(3);
		} else {
			TIMED(measured_pt_maps(n, level));
		}
		total += measured_seconds;
		pt_destroy(&bench_table);
		sim_memory_destroy(&sim);
	}
	measured_seconds = total;
	return ops;
}

#line 364 "chapters/85-measure.nw"
/* 测量的清单 */
static size_t run_case(const char *name, size_t param, size_t ops)
{
	if (strcmp(name, "buddy-pairs") == 0)
		return buddy_pairs(param, ops);
	if (strcmp(name, "buddy-deep") == 0)
		return buddy_deep_pairs(param, ops);
	if (strcmp(name, "buddy-mixed") == 0 || strcmp(name, "buddy-mixed-dry") == 0) {
		fresh_buddy();
		return TIMED(measured_mixed(ops, false, strcmp(name, "buddy-mixed-dry") == 0));
	}
	if (strcmp(name, "buddy-merge") == 0)
		return buddy_merge(param < MERGE_MAX ? param : MERGE_MAX, ops);
	if (strcmp(name, "malloc-pairs") == 0)
		return TIMED(measured_malloc_pairs(param, ops));
	if (strcmp(name, "malloc-mixed") == 0 || strcmp(name, "malloc-mixed-dry") == 0)
		return TIMED(measured_mixed(ops, true, strcmp(name, "malloc-mixed-dry") == 0));
	if (strcmp(name, "stacked") == 0 || strcmp(name, "segtree") == 0)
		return frame_case(name[1] == 't' ? &stacked_allocator_ops
						 : &segtree_allocator_ops,
				  param, ops, false);
	if (strcmp(name, "segtree-run") == 0)
		return frame_case(&segtree_allocator_ops, param, ops, true);
#line 2282 "chapters/04a-paging.nw"
	/* 测量程序里的页表用例 */
	if (strncmp(name, "pt-", 3) == 0)
		return pt_case(param ? PT_LEVEL_2M : PT_LEVEL_4K, ops, strstr(name, "translate"));
#line 388 "chapters/85-measure.nw"
	fprintf(stderr, "bench: unknown case %s\n", name);
	exit(2);
}

#line 396 "chapters/85-measure.nw"
/* 计时与计数 */
static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	double ns[REPEATS];
	size_t param, ops;

	if (argc != 5) {
		fprintf(stderr, "usage: bench CASE PARAM OPS time|count|metadata\n");
		return 2;
	}
	param = strtoul(argv[2], NULL, 0);
	ops = strtoul(argv[3], NULL, 0);
	heap_init();
	if (strcmp(argv[4], "metadata") == 0) {
		const struct allocator_ops *a = strcmp(argv[1], "stacked") == 0
						? &stacked_allocator_ops : &segtree_allocator_ops;

		printf("%.2f\n", metadata_per_frame(a, param));
		return 0;
	}
	if (strcmp(argv[4], "count") == 0) {
		printf("%zu\n", run_case(argv[1], param, ops));
		return 0;
	}
	for (int r = 0; r < REPEATS; r++) {
		size_t done = run_case(argv[1], param, ops);

		ns[r] = measured_seconds * 1e9 / (double)done;
	}
	qsort(ns, REPEATS, sizeof(ns[0]), by_value);
	printf("%.1f %.1f %.1f\n", ns[REPEATS / 2], ns[0], ns[REPEATS - 1]);
	return 0;
}
