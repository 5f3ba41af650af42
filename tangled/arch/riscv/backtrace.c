/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 308 "chapters/01b-traps.nw"
#include <stddef.h>
#include "arch/riscv/backtrace.h"
#include "arch/riscv/sections.h"
#include "kernel/arch.h"
#include "kernel/printf.h"

extern const struct ksym_func ksym_funcs[];
extern const uint64_t ksym_func_count;
extern const struct ksym_line ksym_lines[];
extern const uint64_t ksym_line_count;
extern const char ksym_strings[];

#line 326 "chapters/01b-traps.nw"
/* 找到地址不超过 pc 的最后一项 */
static bool last_at_or_below(const void *table, size_t count, size_t stride,
			     uintptr_t pc, size_t *found)
{
	const unsigned char *base = table;
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (*(const uint64_t *)(base + mid * stride) <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	*found = lo - 1;
	return true;
}

#line 348 "chapters/01b-traps.nw"
/* 把地址翻译成函数与行号 */
bool ksym_lookup(uintptr_t pc, struct ksym_place *place)
{
	size_t f, l;

	if (!last_at_or_below(ksym_funcs, ksym_func_count, sizeof(ksym_funcs[0]), pc, &f) ||
	    pc - ksym_funcs[f].addr >= ksym_funcs[f].size)
		return false;
	place->function = ksym_strings + ksym_funcs[f].name;
	place->offset = pc - ksym_funcs[f].addr;
	place->file = "?";
	place->line = 0;
	if (last_at_or_below(ksym_lines, ksym_line_count, sizeof(ksym_lines[0]), pc, &l)) {
		place->file = ksym_strings + ksym_lines[l].file;
		place->line = ksym_lines[l].line;
	}
	return true;
}

#line 388 "chapters/01b-traps.nw"
/* 沿帧指针回溯 */
static bool in_text(uintptr_t pc)
{
	return pc >= (uintptr_t)text_start && pc < (uintptr_t)text_end;
}

static bool frame_on_stack(uintptr_t fp)
{
	return fp % 8 == 0 && fp >= (uintptr_t)boot_stack + 16 &&
	       fp <= (uintptr_t)boot_stack_top;
}

static uintptr_t frame_word(uintptr_t fp, unsigned slot)
{
	return ((const uintptr_t *)fp)[-(long)slot];
}

static bool print_frame(unsigned depth, uintptr_t pc, uintptr_t lookup)
{
	struct ksym_place p;
	bool known = ksym_lookup(lookup, &p);

	kprintf("  #%u %p ", depth, (void *)pc);
	if (known)
		kprintf("%s+%lu at %s:%u\n", p.function, (unsigned long)p.offset, p.file,
			p.line);
	else
		kprintf("(not a kernel function)\n");
	return known;
}

static bool ra_is_a_lost_frame(uintptr_t pc, uintptr_t fp, uintptr_t ra)
{
	struct ksym_place at_pc, at_ra;

	if (!pc || !in_text(ra) || !ksym_lookup(ra - 1, &at_ra))
		return false;
	if (ksym_lookup(pc, &at_pc) && at_pc.function == at_ra.function)
		return false;
	return !frame_on_stack(fp) || frame_word(fp, 1) != ra;
}

void backtrace_print(uintptr_t pc, uintptr_t fp, uintptr_t ra)
{
	struct ksym_place unused;
	unsigned depth = 0;

	kprintf("backtrace:\n");
	if (pc)
		print_frame(depth++, pc, pc);
	if (ra_is_a_lost_frame(pc, fp, ra)) {
		print_frame(depth++, ra, ra - 1);
		if (frame_on_stack(fp) && !in_text(frame_word(fp, 1)))
			fp = frame_word(fp, 1);
	}
	while (depth < BACKTRACE_MAX_DEPTH && frame_on_stack(fp)) {
		uintptr_t ret = frame_word(fp, 1), caller_fp = frame_word(fp, 2);

		if (!in_text(ret) || !ksym_lookup(ret - 1, &unused))
			break;
		print_frame(depth++, ret, ret - 1);
		if (caller_fp <= fp)
			break;
		fp = caller_fp;
	}
}

#line 468 "chapters/01b-traps.nw"
__attribute__((noinline)) void arch_backtrace(void)
{
	backtrace_print(0, (uintptr_t)__builtin_frame_address(0), 0);
}
