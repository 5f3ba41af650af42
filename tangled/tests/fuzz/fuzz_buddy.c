/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 605 "chapters/85-measure.nw"
#include <stdlib.h>
#include <string.h>
#include "kernel/buddy.h"

#define FUZZ_REGION (1 << 20)
#define FUZZ_LIVE 256
#define FUZZ_FREED 16
#define FUZZ_CHECK_EVERY 16

struct fuzz_block {
	unsigned char *ptr;
	struct layout layout;
	unsigned char fill;
};

static size_t block_bytes(struct layout l)
{
	size_t need = l.size > l.align ? l.size : l.align, bytes = BUDDY_MIN_BLOCK;

	while (bytes < need)
		bytes *= 2;
	return bytes;
}

static void require(int condition)
{
	if (!condition)
		abort();
}

#line 638 "chapters/85-measure.nw"
/* 模糊地分配与释放 */
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static unsigned char *region;
	static struct fuzz_block live[FUZZ_LIVE];
	unsigned char *freed[FUZZ_FREED] = { 0 };
	size_t n = 0, in_use = 0, initial, largest, nfreed = 0;
	struct buddy b;

	if (!region)
		region = aligned_alloc(FUZZ_REGION, FUZZ_REGION);
	buddy_init(&b, region, FUZZ_REGION);
	initial = buddy_free_bytes(&b);
	largest = buddy_largest_free(&b);
	for (size_t i = 0; i + 3 <= size; i += 3) {
		unsigned char op = data[i] % 4, x = data[i + 1], y = data[i + 2];

		if (op == 0 && n < FUZZ_LIVE) {
#line 679 "chapters/85-measure.nw"
			/* 分配一个由输入描述的块 */
			struct layout l = { 1 + (((size_t)y << 12) >> (16 - (x & 15))),
					    (size_t)1 << ((x >> 4) % 13) };
			unsigned char *p = buddy_alloc(&b, l);

			if (p) {
				require((size_t)p % l.align == 0);
				live[n] = (struct fuzz_block){ p, l, (unsigned char)(i | 1) };
				memset(p, live[n].fill, l.size);
				in_use += block_bytes(l);
				n++;
			}
#line 659 "chapters/85-measure.nw"
		} else if (op == 1 && n > 0) {
#line 693 "chapters/85-measure.nw"
			/* 释放一个活着的块 */
			size_t victim = x % n;
			struct fuzz_block blk = live[victim];

			for (size_t k = 0; k < blk.layout.size; k++)
				require(blk.ptr[k] == blk.fill);
			require(buddy_dealloc(&b, blk.ptr, blk.layout));
			in_use -= block_bytes(blk.layout);
			live[victim] = live[--n];
			freed[nfreed++ % FUZZ_FREED] = blk.ptr;
#line 661 "chapters/85-measure.nw"
		} else if (op == 2) {
#line 711 "chapters/85-measure.nw"
			/* 一次必须被拒绝的释放 */
			struct layout small = { 16, 16 };
			unsigned char *p = NULL;
			bool live_again = false;

			switch (y % 4) {
			case 0:
				if (n > 0)
					require(!buddy_dealloc(&b, live[x % n].ptr,
							       (struct layout){ 2 * block_bytes(live[x % n].layout), 1 }));
				break;
			case 1:
				if (n > 0 && block_bytes(live[x % n].layout) > 16)
					require(!buddy_dealloc(&b, live[x % n].ptr + 16, small));
				break;
			case 2:
				p = freed[x % FUZZ_FREED];
				for (size_t k = 0; k < n; k++)
					live_again |= live[k].ptr == p;
				if (p && !live_again)
					require(!buddy_dealloc(&b, p, small));
				break;
			default:
				require(!buddy_dealloc(&b, region + FUZZ_REGION + x * 16, small));
				break;
			}
#line 663 "chapters/85-measure.nw"
		}
		require(buddy_free_bytes(&b) == initial - in_use);
		require(i / 3 % FUZZ_CHECK_EVERY != 0 || buddy_check(&b));
	}
	while (n > 0) {
		n--;
		require(buddy_dealloc(&b, live[n].ptr, live[n].layout));
	}
	require(buddy_free_bytes(&b) == initial && buddy_largest_free(&b) == largest);
	require(buddy_check(&b));
	return 0;
}
