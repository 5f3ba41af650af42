/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 110 "chapters/03-memmap.nw"
#ifndef KERNEL_FDT_H
#define KERNEL_FDT_H

#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeed
#define FDT_HEADER_SIZE 40
#define FDT_MAX_RANGES 64

struct fdt_range {
	uint64_t base;
	uint64_t size;
};

struct fdt_memory {
	size_t ram_count;
	struct fdt_range ram[FDT_MAX_RANGES];
	size_t reserved_count;
	struct fdt_range reserved[FDT_MAX_RANGES];
};

#line 142 "chapters/03-memmap.nw"
/* 读取设备树的结果 */
enum fdt_status {
	FDT_OK,
	FDT_ERR_TRUNCATED,
	FDT_ERR_MAGIC,
	FDT_ERR_VERSION,
	FDT_ERR_STRUCTURE,
	FDT_ERR_CELLS,
	FDT_ERR_TOO_MANY,
	FDT_ERR_TOO_MANY_RESERVED,
	FDT_ERR_NO_MEMORY,
};

#line 134 "chapters/03-memmap.nw"
uint32_t fdt_total_size(const void *blob);
enum fdt_status fdt_read_memory(const void *blob, size_t len, struct fdt_memory *mem);
const char *fdt_strerror(enum fdt_status status);

#endif
