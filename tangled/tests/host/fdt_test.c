/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1108 "chapters/03-memmap.nw"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/fdt.h"
#include "kernel/memmap.h"
#include "kernel/random.h"
#include "kernel/test.h"

#define VIRT_RAM_BASE 0x80000000ULL
#define MiB (1024ULL * 1024)

#line 1128 "chapters/03-memmap.nw"
/* 读入 QEMU 导出的设备树 */
static unsigned char *load_dtb(const char *name, size_t *len)
{
	const char *dir = getenv("DTB_DIR");
	char path[512];
	unsigned char *blob;
	FILE *f;
	long size;

	if (!dir) {
		ktest_fail(__FILE__, __LINE__,
			   "DTB_DIR is not set; run the tests through make");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f) {
		ktest_fail(__FILE__, __LINE__, "cannot open %s", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	blob = malloc((size_t)size);
	if (blob && fread(blob, 1, (size_t)size, f) != (size_t)size) {
		free(blob);
		blob = NULL;
	}
	fclose(f);
	*len = (size_t)size;
	return blob;
}

#line 1162 "chapters/03-memmap.nw"
/* 在真实的设备树上读出内存 */
static void expect_virt_ram(const char *name, uint64_t size)
{
	size_t len;
	unsigned char *blob = load_dtb(name, &len);
	struct fdt_memory mem;
	enum fdt_status status;

	if (!blob)
		return;
	status = fdt_read_memory(blob, len, &mem);
	free(blob);
	if (status != FDT_OK)
		ktest_fail(__FILE__, __LINE__, "%s: %s", name, fdt_strerror(status));
	else if (mem.ram_count != 1 || mem.ram[0].base != VIRT_RAM_BASE ||
		 mem.ram[0].size != size)
		ktest_fail(__FILE__, __LINE__, "%s: %zu ranges, first 0x%lx+0x%lx", name,
			   mem.ram_count, (unsigned long)mem.ram[0].base,
			   (unsigned long)mem.ram[0].size);
}

KTEST(fdt_reads_qemu_virt_memory)
{
	expect_virt_ram("virt-128M.dtb", 128 * MiB);
	expect_virt_ram("virt-256M.dtb", 256 * MiB);
}

#line 1196 "chapters/03-memmap.nw"
/* 一个造设备树的小工具 */
#define BUILD_MAX 4096

struct builder {
	unsigned char structure[BUILD_MAX];
	size_t structure_len;
	char strings[BUILD_MAX];
	size_t strings_len;
	uint64_t rsv[FDT_MAX_RANGES + 1][2];
	size_t rsv_count;
};

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void emit_u32(struct builder *b, uint32_t v)
{
	put_be32(b->structure + b->structure_len, v);
	b->structure_len += 4;
}

static void emit_bytes(struct builder *b, const void *data, size_t len)
{
	memcpy(b->structure + b->structure_len, data, len);
	b->structure_len += len;
	while (b->structure_len % 4)
		b->structure[b->structure_len++] = 0;
}

static void begin_node(struct builder *b, const char *name)
{
	emit_u32(b, 1);
	emit_bytes(b, name, strlen(name) + 1);
}

static void end_node(struct builder *b)
{
	emit_u32(b, 2);
}

static void prop(struct builder *b, const char *name, const void *value, size_t len)
{
	emit_u32(b, 3);
	emit_u32(b, (uint32_t)len);
	emit_u32(b, (uint32_t)b->strings_len);
	memcpy(b->strings + b->strings_len, name, strlen(name) + 1);
	b->strings_len += strlen(name) + 1;
	emit_bytes(b, value, len);
}

static void prop_cells(struct builder *b, const char *name, const uint32_t *cells,
			size_t n)
{
	unsigned char value[1024];

	for (size_t i = 0; i < n; i++)
		put_be32(value + 4 * i, cells[i]);
	prop(b, name, value, 4 * n);
}

static void prop_u32(struct builder *b, const char *name, uint32_t v)
{
	prop_cells(b, name, &v, 1);
}

static size_t finish(struct builder *b, unsigned char *out)
{
	size_t rsv_off = FDT_HEADER_SIZE, rsv_len = 16 * (b->rsv_count + 1);
	size_t struct_off = rsv_off + rsv_len, strings_off, total;

	emit_u32(b, 9);
	strings_off = struct_off + b->structure_len;
	total = strings_off + b->strings_len;
	memset(out, 0, total);
	put_be32(out + 0, FDT_MAGIC);
	put_be32(out + 4, (uint32_t)total);
	put_be32(out + 8, (uint32_t)struct_off);
	put_be32(out + 12, (uint32_t)strings_off);
	put_be32(out + 16, (uint32_t)rsv_off);
	put_be32(out + 20, 17);
	put_be32(out + 24, 16);
	put_be32(out + 32, (uint32_t)b->strings_len);
	put_be32(out + 36, (uint32_t)b->structure_len);
	for (size_t i = 0; i < b->rsv_count; i++) {
		put_be32(out + rsv_off + 16 * i, (uint32_t)(b->rsv[i][0] >> 32));
		put_be32(out + rsv_off + 16 * i + 4, (uint32_t)b->rsv[i][0]);
		put_be32(out + rsv_off + 16 * i + 8, (uint32_t)(b->rsv[i][1] >> 32));
		put_be32(out + rsv_off + 16 * i + 12, (uint32_t)b->rsv[i][1]);
	}
	memcpy(out + struct_off, b->structure, b->structure_len);
	memcpy(out + strings_off, b->strings, b->strings_len);
	return total;
}

#line 1300 "chapters/03-memmap.nw"
/* 读出各种形状的设备树 */
static size_t shaped_tree(unsigned char *out)
{
	static const uint32_t ram0[] = { 0x80000000, 0x4000000 };
	static const uint32_t ram1[] = { 0xa0000000, 0x1000000, 0xb0000000, 0x2000 };
	static const uint32_t uart[] = { 0x10000000, 0x100 };
	static const uint32_t resv0[] = { 0, 0x80000000, 0, 0x80000 };
	static const uint32_t resv1[] = { 0, 0x83000000, 0, 0x1000 };
	struct builder b = { .rsv = { { 0x84000000, 0x2000 } }, .rsv_count = 1 };

	begin_node(&b, "");
	prop_u32(&b, "#address-cells", 1);
	prop_u32(&b, "#size-cells", 1);
	begin_node(&b, "memory@80000000");
	prop(&b, "device_type", "memory", 7);
	prop_cells(&b, "reg", ram0, 2);
	end_node(&b);
	begin_node(&b, "uart@10000000");
	prop_cells(&b, "reg", uart, 2);
	end_node(&b);
	begin_node(&b, "memory@a0000000");
	prop_cells(&b, "reg", ram1, 4);
	prop(&b, "device_type", "memory", 7);
	end_node(&b);
	begin_node(&b, "reserved-memory");
	prop_u32(&b, "#address-cells", 2);
	prop_u32(&b, "#size-cells", 2);
	begin_node(&b, "mmode_resv0@80000000");
	prop_cells(&b, "reg", resv0, 4);
	end_node(&b);
	begin_node(&b, "other@83000000");
	prop_cells(&b, "reg", resv1, 4);
	end_node(&b);
	end_node(&b);
	end_node(&b);
	return finish(&b, out);
}

KTEST(fdt_reads_every_shape)
{
	unsigned char blob[BUILD_MAX * 2];
	size_t len = shaped_tree(blob);
	struct fdt_memory mem;

	ASSERT_EQ(fdt_read_memory(blob, len, &mem), FDT_OK);
	ASSERT_EQ(fdt_total_size(blob), len);
	ASSERT_EQ(mem.ram_count, 3);
	ASSERT_EQ(mem.ram[0].base, 0x80000000);
	ASSERT_EQ(mem.ram[0].size, 0x4000000);
	ASSERT_EQ(mem.ram[1].base, 0xa0000000);
	ASSERT_EQ(mem.ram[2].size, 0x2000);
	ASSERT_EQ(mem.reserved_count, 3);
	ASSERT_EQ(mem.reserved[0].base, 0x84000000);
	ASSERT_EQ(mem.reserved[1].size, 0x80000);
	ASSERT_EQ(mem.reserved[2].base, 0x83000000);
}

#line 1363 "chapters/03-memmap.nw"
/* 拒绝损坏的设备树 */
static enum fdt_status read_with_field(const unsigned char *blob, size_t len,
				       size_t offset, uint32_t value)
{
	unsigned char *copy = malloc(len);
	struct fdt_memory mem;
	enum fdt_status status;

	memcpy(copy, blob, len);
	put_be32(copy + offset, value);
	status = fdt_read_memory(copy, len, &mem);
	free(copy);
	return status;
}

KTEST(fdt_rejects_damaged_headers)
{
	size_t len;
	unsigned char *blob = load_dtb("virt-128M.dtb", &len);
	struct fdt_memory mem;
	uint32_t total;

	if (!blob)
		return;
	total = fdt_total_size(blob);
	ASSERT_EQ(fdt_read_memory(blob, 39, &mem), FDT_ERR_TRUNCATED);
	ASSERT_EQ(fdt_read_memory(blob, total - 1, &mem), FDT_ERR_TRUNCATED);
	ASSERT_EQ(read_with_field(blob, len, 0, 0xfeedd00d), FDT_ERR_MAGIC);
	ASSERT_EQ(read_with_field(blob, len, 4, 12), FDT_ERR_TRUNCATED);
	ASSERT_EQ(read_with_field(blob, len, 20, 15), FDT_ERR_VERSION);
	ASSERT_EQ(read_with_field(blob, len, 24, 18), FDT_ERR_VERSION);
	ASSERT_EQ(read_with_field(blob, len, 8, total + 4), FDT_ERR_STRUCTURE);
	ASSERT_EQ(read_with_field(blob, len, 8, 0xfffffffc), FDT_ERR_STRUCTURE);
	ASSERT_EQ(read_with_field(blob, len, 36, 0xffffffff), FDT_ERR_STRUCTURE);
	ASSERT_EQ(read_with_field(blob, len, 36, 8), FDT_ERR_STRUCTURE);
	ASSERT_EQ(read_with_field(blob, len, 16, total), FDT_ERR_STRUCTURE);
	ASSERT_EQ(read_with_field(blob, len, 32, 0), FDT_ERR_STRUCTURE);
	ASSERT_EQ(fdt_total_size(blob + 1), 0);
	free(blob);
}

#line 1409 "chapters/03-memmap.nw"
static enum fdt_status read_built(struct builder *b)
{
	static unsigned char blob[BUILD_MAX * 2];
	struct fdt_memory mem;
	size_t len = finish(b, blob);

	return fdt_read_memory(blob, len, &mem);
}

static void memory_node(struct builder *b, const uint32_t *reg, size_t cells)
{
	begin_node(b, "memory@0");
	prop(b, "device_type", "memory", 7);
	prop_cells(b, "reg", reg, cells);
	end_node(b);
}

KTEST(fdt_rejects_damaged_structure)
{
	static const uint32_t reg3[] = { 0, 0, 0x80000000, 0, 0x1000 };
	static const uint32_t many[2 * (FDT_MAX_RANGES + 1)] = { 0 };
	static struct builder b;

	b = (struct builder){ 0 };
	begin_node(&b, "");
	prop_u32(&b, "#address-cells", 3);
	memory_node(&b, reg3, 5);
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_CELLS);

	b = (struct builder){ 0 };
	begin_node(&b, "");
	memory_node(&b, reg3, 4);
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_STRUCTURE);

	b = (struct builder){ 0 };
	begin_node(&b, "");
	prop_u32(&b, "#address-cells", 1);
	memory_node(&b, many, 2 * (FDT_MAX_RANGES + 1));
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_TOO_MANY);

	b = (struct builder){ 0 };
	begin_node(&b, "");
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_NO_MEMORY);

	b = (struct builder){ 0 };
	for (int i = 0; i < 40; i++)
		begin_node(&b, "deep");
	ASSERT_EQ(read_built(&b), FDT_ERR_STRUCTURE);

	b = (struct builder){ 0 };
	begin_node(&b, "");
	emit_u32(&b, 7);
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_STRUCTURE);

	b = (struct builder){ 0 };
	begin_node(&b, "");
	emit_u32(&b, 3);
	emit_u32(&b, 0);
	emit_u32(&b, 100000);
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_STRUCTURE);

	b = (struct builder){ 0 };
	begin_node(&b, "");
	end_node(&b);
	end_node(&b);
	ASSERT_EQ(read_built(&b), FDT_ERR_STRUCTURE);
}

#line 1494 "chapters/03-memmap.nw"
/* 随机损坏的设备树 */
#define DAMAGE_ROUNDS 20000

KTEST(fdt_survives_random_damage)
{
	size_t len;
	unsigned char *blob = load_dtb("virt-128M.dtb", &len);
	unsigned char *copy;
	uint64_t rng = 88172645463325252ULL;
	uint32_t total;

	if (!blob)
		return;
	total = fdt_total_size(blob);
	copy = malloc(total);
	for (int round = 0; round < DAMAGE_ROUNDS; round++) {
		struct fdt_memory mem;
		size_t cut = total;

		memcpy(copy, blob, total);
		for (int i = 0; i < 4; i++) {
			xorshift64(&rng);
			copy[rng % total] = (unsigned char)(rng >> 32);
		}
		if (round % 4 == 0)
			cut = rng % (total + 1);
		if (fdt_read_memory(copy, cut, &mem) == FDT_OK &&
		    (mem.ram_count == 0 || mem.ram_count > FDT_MAX_RANGES ||
		     mem.reserved_count > FDT_MAX_RANGES)) {
			ktest_fail(__FILE__, __LINE__, "round %d: accepted with %zu ranges",
				   round, mem.ram_count);
			break;
		}
	}
	free(copy);
	free(blob);
}

#line 1541 "chapters/03-memmap.nw"
/* 在设备树上建立内存地图 */
#define TEST_DTB_PHYS 0x87e00000ULL
#define TEST_KERNEL_START 0x80200000ULL
#define TEST_KERNEL_END 0x80a00000ULL

KTEST(memmap_splits_around_the_device_tree)
{
	size_t len;
	unsigned char *blob = load_dtb("virt-128M.dtb", &len);
	struct memory_map map;
	uint32_t size;

	if (!blob)
		return;
	size = fdt_total_size(blob);
	memmap_build(&map, blob, TEST_DTB_PHYS, TEST_KERNEL_START, TEST_KERNEL_END);
	free(blob);
	ASSERT(map.problem == NULL);
	ASSERT_EQ(map.ram_count, 1);
	ASSERT_EQ(map.ram[0].end, VIRT_RAM_BASE + 128 * MiB);
	ASSERT_EQ(map.usable_count, 2);
	ASSERT_EQ(map.usable[0].start, TEST_KERNEL_END);
	ASSERT_EQ(map.usable[0].end, TEST_DTB_PHYS);
	ASSERT_EQ(map.usable[1].start, TEST_DTB_PHYS + size);
	ASSERT_EQ(map.usable[1].end, VIRT_RAM_BASE + 128 * MiB);
	ASSERT_EQ(memmap_usable_bytes(&map),
		  128 * MiB - (TEST_KERNEL_END - VIRT_RAM_BASE) - size);
}

KTEST(memmap_refuses_a_missing_or_broken_tree)
{
	static const unsigned char garbage[64] = { 1, 2, 3 };
	struct memory_map map;

	memmap_build(&map, NULL, 0, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem != NULL && strcmp(map.problem, "no device tree") == 0);
	ASSERT_EQ(map.usable_count, 0);
	memmap_build(&map, garbage, TEST_DTB_PHYS, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem != NULL && strstr(map.problem, "not a device tree"));
	ASSERT_EQ(map.usable_count, 0);
	ASSERT(!memmap_take(&map, 4096, "x", &(uint64_t){ 0 }));
}

static void root_with_cells(struct builder *b)
{
	begin_node(b, "");
	prop_u32(b, "#address-cells", 2);
	prop_u32(b, "#size-cells", 2);
}

KTEST(memmap_handles_overlapping_reservations)
{
	unsigned char blob[BUILD_MAX * 2];
	static struct builder b;
	static const uint32_t ram[] = { 0, 0x80000000, 0, 0x8000000 };
	struct memory_map map;

	b = (struct builder){
		.rsv = { { 0x80900000, 0x200000 }, { 0x80a80000, 0x1000 },
			 { 0x87ff0000, ~0ULL } },
		.rsv_count = 3,
	};
	root_with_cells(&b);
	memory_node(&b, ram, 4);
	end_node(&b);
	finish(&b, blob);
	memmap_build(&map, blob, 0x86000000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem == NULL);
	ASSERT_EQ(map.usable_count, 2);
	ASSERT_EQ(map.usable[0].start, 0x80b00000);
	ASSERT_EQ(map.usable[0].end, 0x86000000);
	ASSERT_EQ(map.usable[1].start, 0x86000000 + fdt_total_size(blob));
	ASSERT_EQ(map.usable[1].end, 0x87ff0000);
}

#line 1623 "chapters/03-memmap.nw"
static void save_dtb(const char *name, const unsigned char *blob, size_t len)
{
	const char *dir = getenv("DTB_DIR");
	char path[512];
	FILE *f;

	if (!dir)
		return;
	snprintf(path, sizeof(path), "%s/variant-%s.dtb", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(blob, 1, len, f);
	fclose(f);
}

static bool is_usable(const struct memory_map *map, uint64_t addr)
{
	for (size_t i = 0; i < map->usable_count; i++)
		if (map->usable[i].start <= addr && addr < map->usable[i].end)
			return true;
	return false;
}

static void many_reservations(struct builder *b, size_t count)
{
	static const uint32_t ram[] = { 0, 0x80000000, 0, 0x8000000 };

	*b = (struct builder){ .rsv_count = count };
	for (size_t i = 0; i < count; i++) {
		b->rsv[i][0] = 0x81000000 + i * 0x100000;
		b->rsv[i][1] = 0x1000;
	}
	root_with_cells(b);
	memory_node(b, ram, 4);
	end_node(b);
}

KTEST(memmap_honours_every_reservation)
{
	static unsigned char blob[BUILD_MAX * 2];
	static struct builder b;
	struct memory_map map;

	many_reservations(&b, 17);
	save_dtb("17-reservations", blob, finish(&b, blob));
	memmap_build(&map, blob, 0x86000000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem == NULL);
	for (size_t i = 0; i < 17; i++) {
		ASSERT(!is_usable(&map, 0x81000000 + i * 0x100000));
		ASSERT(is_usable(&map, 0x81000000 + i * 0x100000 + 0x1000));
	}
	many_reservations(&b, FDT_MAX_RANGES + 1);
	save_dtb("too-many-reservations", blob, finish(&b, blob));
	memmap_build(&map, blob, 0x86000000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem != NULL && strcmp(map.problem, "too many reserved ranges") == 0);
	ASSERT_EQ(map.usable_count, 0);
}

#line 1688 "chapters/03-memmap.nw"
KTEST(memmap_uses_every_memory_node)
{
	static unsigned char blob[BUILD_MAX * 2];
	static struct builder b;
	static const uint32_t low[] = { 0, 0x80000000, 0, 0x4000000 };
	static const uint32_t high[] = { 0, 0xc0000000, 0, 0x1000000 };
	struct memory_map map;
	uint32_t size;

	b = (struct builder){ 0 };
	root_with_cells(&b);
	memory_node(&b, high, 4);
	memory_node(&b, low, 4);
	end_node(&b);
	size = (uint32_t)finish(&b, blob);
	save_dtb("two-memory-nodes", blob, size);
	memmap_build(&map, blob, 0xc0800000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem == NULL);
	ASSERT_EQ(map.ram_count, 2);
	ASSERT_EQ(map.ram[0].start, 0x80000000);
	ASSERT_EQ(map.ram[1].start, 0xc0000000);
	ASSERT(is_usable(&map, TEST_KERNEL_END));
	ASSERT(is_usable(&map, 0xc0000000));
	ASSERT(!is_usable(&map, 0xc0800000));
	ASSERT(!is_usable(&map, 0xc0800000 + size - 1));
	ASSERT(is_usable(&map, 0xc0800000 + size));
	ASSERT_EQ(memmap_usable_bytes(&map),
		  0x4000000 - (TEST_KERNEL_END - 0x80000000) + 0x1000000 - size);
}

KTEST(memmap_reads_memory_nodes_with_children)
{
	static unsigned char blob[BUILD_MAX * 2];
	static struct builder b;
	static const uint32_t ram[] = { 0, 0x80000000, 0, 0x8000000 };
	static const uint32_t part[] = { 0, 0x1000 };
	struct memory_map map;

	b = (struct builder){ 0 };
	root_with_cells(&b);
	begin_node(&b, "memory@80000000");
	prop(&b, "device_type", "memory", 7);
	prop_cells(&b, "reg", ram, 4);
	begin_node(&b, "part@0");
	prop_cells(&b, "reg", part, 2);
	end_node(&b);
	end_node(&b);
	end_node(&b);
	save_dtb("memory-child-node", blob, finish(&b, blob));
	memmap_build(&map, blob, 0x86000000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem == NULL);
	ASSERT_EQ(map.ram_count, 1);
	ASSERT_EQ(map.ram[0].end, 0x88000000);
}

KTEST(memmap_names_what_is_wrong)
{
	static unsigned char blob[BUILD_MAX * 2];
	static struct builder b;
	static const uint32_t twice[] = { 0, 0x80000000, 0, 0x8000000,
					  0, 0x84000000, 0, 0x1000 };
	struct memory_map map;

	b = (struct builder){ 0 };
	root_with_cells(&b);
	end_node(&b);
	save_dtb("no-memory-node", blob, finish(&b, blob));
	memmap_build(&map, blob, 0x86000000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem != NULL && strcmp(map.problem, "no memory node") == 0);

	b = (struct builder){ 0 };
	root_with_cells(&b);
	memory_node(&b, twice, 8);
	end_node(&b);
	save_dtb("overlapping-memory", blob, finish(&b, blob));
	memmap_build(&map, blob, 0x86000000, TEST_KERNEL_START, TEST_KERNEL_END);
	ASSERT(map.problem != NULL && strcmp(map.problem,
		"two memory ranges overlap") == 0);
	ASSERT_EQ(map.usable_count, 0);
}
