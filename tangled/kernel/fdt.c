/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 165 "chapters/03-memmap.nw"
#include <stdbool.h>
#include "kernel/fdt.h"

#line 181 "chapters/03-memmap.nw"
/* 设备树的记号与头部字段 */
enum fdt_token {
	FDT_BEGIN_NODE = 1,
	FDT_END_NODE = 2,
	FDT_PROP = 3,
	FDT_NOP = 4,
	FDT_END = 9,
};

enum fdt_header_field {
	HDR_MAGIC = 0,
	HDR_TOTALSIZE = 4,
	HDR_OFF_STRUCT = 8,
	HDR_OFF_STRINGS = 12,
	HDR_OFF_RSVMAP = 16,
	HDR_VERSION = 20,
	HDR_LAST_COMP_VERSION = 24,
	HDR_SIZE_STRINGS = 32,
	HDR_SIZE_STRUCT = 36,
};

#define FDT_OLDEST_VERSION 16
#define FDT_NEWEST_VERSION 17
#define FDT_DEFAULT_ADDRESS_CELLS 2
#define FDT_DEFAULT_SIZE_CELLS 1
#define FDT_MAX_DEPTH 32

#line 210 "chapters/03-memmap.nw"
/* 按大端序读整数 */
static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const unsigned char *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

#line 227 "chapters/03-memmap.nw"
/* 一个有边界的游标 */
struct cursor {
	const unsigned char *base;
	size_t pos;
	size_t end;
};

static bool take_u32(struct cursor *c, uint32_t *value)
{
	if (c->end - c->pos < 4)
		return false;
	*value = be32(c->base + c->pos);
	c->pos += 4;
	return true;
}

static bool skip_aligned(struct cursor *c, size_t n)
{
	size_t padded = (n + 3) & ~(size_t)3;

	if (padded < n || c->end - c->pos < padded)
		return false;
	c->pos += padded;
	return true;
}

static bool find_string(const struct cursor *c, const char **s, size_t *size)
{
	for (size_t i = c->pos; i < c->end; i++) {
		if (c->base[i] == '\0') {
			*s = (const char *)c->base + c->pos;
			*size = i - c->pos + 1;
			return true;
		}
	}
	return false;
}

static bool take_string(struct cursor *c, const char **s)
{
	size_t size;

	return find_string(c, s, &size) && skip_aligned(c, size);
}

#line 283 "chapters/03-memmap.nw"
/* 检查头部 */
struct fdt {
	const unsigned char *base;
	uint32_t total;
	struct cursor structure;
	struct cursor strings;
	uint32_t rsvmap;
};

static bool block_fits(uint32_t offset, uint32_t size, uint32_t total)
{
	return offset <= total && size <= total - offset;
}

static enum fdt_status open_fdt(struct fdt *fdt, const unsigned char *base, size_t len)
{
	uint32_t version, off_struct, size_struct, off_strings, size_strings;

	if (len < FDT_HEADER_SIZE)
		return FDT_ERR_TRUNCATED;
	if (be32(base + HDR_MAGIC) != FDT_MAGIC)
		return FDT_ERR_MAGIC;
	version = be32(base + HDR_VERSION);
	if (version < FDT_OLDEST_VERSION ||
	    be32(base + HDR_LAST_COMP_VERSION) > FDT_NEWEST_VERSION)
		return FDT_ERR_VERSION;
	fdt->base = base;
	fdt->total = be32(base + HDR_TOTALSIZE);
	if (fdt->total < FDT_HEADER_SIZE || fdt->total > len)
		return FDT_ERR_TRUNCATED;
	off_struct = be32(base + HDR_OFF_STRUCT);
	size_struct = version >= FDT_NEWEST_VERSION ? be32(base + HDR_SIZE_STRUCT)
						    : fdt->total - off_struct;
	off_strings = be32(base + HDR_OFF_STRINGS);
	size_strings = be32(base + HDR_SIZE_STRINGS);
	fdt->rsvmap = be32(base + HDR_OFF_RSVMAP);
	if (!block_fits(off_struct, size_struct, fdt->total) ||
	    !block_fits(off_strings, size_strings, fdt->total) ||
	    !block_fits(fdt->rsvmap, 0, fdt->total) || off_struct % 4 != 0)
		return FDT_ERR_STRUCTURE;
	fdt->structure = (struct cursor){ base, off_struct,
			(size_t)off_struct + size_struct };
	fdt->strings = (struct cursor){ base, off_strings,
			(size_t)off_strings + size_strings };
	return FDT_OK;
}

uint32_t fdt_total_size(const void *blob)
{
	const unsigned char *base = blob;

	return be32(base + HDR_MAGIC) == FDT_MAGIC ? be32(base + HDR_TOTALSIZE) : 0;
}

#line 346 "chapters/03-memmap.nw"
/* 读内存保留表 */
static enum fdt_status add_range(struct fdt_range *ranges, size_t *count,
				 uint64_t base, uint64_t size, enum fdt_status full)
{
	if (*count == FDT_MAX_RANGES)
		return full;
	ranges[(*count)++] = (struct fdt_range){ base, size };
	return FDT_OK;
}

static enum fdt_status read_rsvmap(const struct fdt *fdt, struct fdt_memory *mem)
{
	for (size_t pos = fdt->rsvmap;; pos += 16) {
		uint64_t base, size;
		enum fdt_status status;

		if (fdt->total - pos < 16)
			return FDT_ERR_STRUCTURE;
		base = be64(fdt->base + pos);
		size = be64(fdt->base + pos + 8);
		if (base == 0 && size == 0)
			return FDT_OK;
		status = add_range(mem->reserved, &mem->reserved_count, base, size,
				   FDT_ERR_TOO_MANY_RESERVED);
		if (status != FDT_OK)
			return status;
	}
}

#line 382 "chapters/03-memmap.nw"
/* 读出 reg 属性中的地址段 */
struct reg_value {
	const unsigned char *data;
	uint32_t len;
};

static uint64_t read_cells(const unsigned char *p, uint32_t cells)
{
	return cells == 2 ? be64(p) : be32(p);
}

static enum fdt_status read_reg(struct reg_value reg, uint32_t address_cells,
				uint32_t size_cells, struct fdt_range *ranges, size_t *count,
				enum fdt_status full)
{
	uint32_t entry;

	if (address_cells < 1 || address_cells > 2 || size_cells < 1 || size_cells > 2)
		return FDT_ERR_CELLS;
	entry = 4 * (address_cells + size_cells);
	if (reg.len % entry != 0)
		return FDT_ERR_STRUCTURE;
	for (uint32_t off = 0; off < reg.len; off += entry) {
		uint64_t base = read_cells(reg.data + off, address_cells);
		uint64_t size = read_cells(reg.data + off + 4 * address_cells, size_cells);
		enum fdt_status status = add_range(ranges, count, base, size, full);

		if (status != FDT_OK)
			return status;
	}
	return FDT_OK;
}

#line 433 "chapters/03-memmap.nw"
/* 扫描结构块 */
struct node_state {
	bool is_memory;
	struct reg_value reg;
};

struct scan {
	unsigned depth;
	uint32_t root_address_cells, root_size_cells;
	uint32_t resv_address_cells, resv_size_cells;
	unsigned resv_depth;
	struct node_state node[FDT_MAX_DEPTH + 1];
};

#line 456 "chapters/03-memmap.nw"
/* 处理一个属性 */
static bool same(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static enum fdt_status take_property(const struct fdt *fdt, struct cursor *c,
				     struct scan *s)
{
	uint32_t len, name_offset;
	struct cursor strings = fdt->strings;
	const char *name;
	size_t name_size;
	const unsigned char *value;

	if (!take_u32(c, &len) || !take_u32(c, &name_offset))
		return FDT_ERR_STRUCTURE;
	value = c->base + c->pos;
	if (!skip_aligned(c, len) || name_offset >= strings.end - strings.pos)
		return FDT_ERR_STRUCTURE;
	strings.pos += name_offset;
	if (!find_string(&strings, &name, &name_size))
		return FDT_ERR_STRUCTURE;
#line 490 "chapters/03-memmap.nw"
	/* 记下这个属性 */
	if (same(name, "#address-cells") || same(name, "#size-cells")) {
		uint32_t cells;

		if (len != 4)
			return FDT_ERR_STRUCTURE;
		cells = be32(value);
		if (s->depth == 1 && name[1] == 'a')
			s->root_address_cells = cells;
		else if (s->depth == 1)
			s->root_size_cells = cells;
		else if (s->depth == s->resv_depth && name[1] == 'a')
			s->resv_address_cells = cells;
		else if (s->depth == s->resv_depth)
			s->resv_size_cells = cells;
	} else if (same(name, "device_type")) {
		s->node[s->depth].is_memory = len == sizeof("memory") &&
					      same((const char *)value, "memory");
	} else if (same(name, "reg")) {
		s->node[s->depth].reg = (struct reg_value){ value, len };
	}
#line 484 "chapters/03-memmap.nw"
	return FDT_OK;
}

#line 519 "chapters/03-memmap.nw"
/* 在节点结束时收下它的 reg */
static enum fdt_status end_node(struct scan *s, struct fdt_memory *mem)
{
	const struct node_state *n = &s->node[s->depth];
	enum fdt_status status = FDT_OK;

	if (s->depth == 2 && n->is_memory && n->reg.len)
		status = read_reg(n->reg, s->root_address_cells, s->root_size_cells,
				  mem->ram, &mem->ram_count, FDT_ERR_TOO_MANY);
	else if (s->resv_depth && s->depth == s->resv_depth + 1 && n->reg.len)
		status = read_reg(n->reg, s->resv_address_cells, s->resv_size_cells,
				  mem->reserved, &mem->reserved_count, FDT_ERR_TOO_MANY_RESERVED);
	if (s->depth == s->resv_depth)
		s->resv_depth = 0;
	s->depth--;
	return status;
}

#line 541 "chapters/03-memmap.nw"
/* 逐个读出记号 */
static enum fdt_status scan_structure(const struct fdt *fdt, struct fdt_memory *mem)
{
	struct scan s = {
		.root_address_cells = FDT_DEFAULT_ADDRESS_CELLS,
		.root_size_cells = FDT_DEFAULT_SIZE_CELLS,
	};
	struct cursor c = fdt->structure;
	enum fdt_status status = FDT_OK;

	for (;;) {
		uint32_t token;
		const char *name;

		if (!take_u32(&c, &token))
			return FDT_ERR_STRUCTURE;
		switch (token) {
		case FDT_BEGIN_NODE:
#line 588 "chapters/03-memmap.nw"
			/* 进入一个子节点 */
			if (!take_string(&c, &name) || s.depth == FDT_MAX_DEPTH)
				return FDT_ERR_STRUCTURE;
			s.depth++;
			s.node[s.depth] = (struct node_state){ 0 };
			if (s.depth == 2 && same(name, "reserved-memory")) {
				s.resv_depth = s.depth;
				s.resv_address_cells = FDT_DEFAULT_ADDRESS_CELLS;
				s.resv_size_cells = FDT_DEFAULT_SIZE_CELLS;
			}
#line 560 "chapters/03-memmap.nw"
			break;
		case FDT_END_NODE:
			if (s.depth == 0)
				return FDT_ERR_STRUCTURE;
			status = end_node(&s, mem);
			break;
		case FDT_PROP:
			if (s.depth == 0)
				return FDT_ERR_STRUCTURE;
			status = take_property(fdt, &c, &s);
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			return s.depth == 0 ? FDT_OK : FDT_ERR_STRUCTURE;
		default:
			return FDT_ERR_STRUCTURE;
		}
		if (status != FDT_OK)
			return status;
	}
}

#line 606 "chapters/03-memmap.nw"
/* 读取内存的信息 */
enum fdt_status fdt_read_memory(const void *blob, size_t len, struct fdt_memory *mem)
{
	struct fdt fdt;
	enum fdt_status status;

	mem->ram_count = 0;
	mem->reserved_count = 0;
	status = open_fdt(&fdt, blob, len);
	if (status == FDT_OK)
		status = read_rsvmap(&fdt, mem);
	if (status == FDT_OK)
		status = scan_structure(&fdt, mem);
	if (status == FDT_OK && mem->ram_count == 0)
		status = FDT_ERR_NO_MEMORY;
	return status;
}

#line 628 "chapters/03-memmap.nw"
/* 说明读取失败的原因 */
const char *fdt_strerror(enum fdt_status status)
{
	switch (status) {
	case FDT_OK:
		return "ok";
	case FDT_ERR_TRUNCATED:
		return "truncated";
	case FDT_ERR_MAGIC:
		return "bad magic number";
	case FDT_ERR_VERSION:
		return "unsupported version";
	case FDT_ERR_STRUCTURE:
		return "malformed structure";
	case FDT_ERR_CELLS:
		return "unsupported #address-cells or #size-cells";
	case FDT_ERR_TOO_MANY:
		return "too many memory ranges";
	case FDT_ERR_TOO_MANY_RESERVED:
		return "too many reserved ranges";
	case FDT_ERR_NO_MEMORY:
		return "no memory node";
	}
	return "unknown error";
}
