/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 288 "chapters/01-kernel.nw"
#include <stdbool.h>
#include "arch/riscv/sbi.h"
#include "kernel/printf.h"

#line 304 "chapters/01-kernel.nw"
/* 发出一次 SBI 调用 */
struct sbiret {
	long error;
	long value;
};

static struct sbiret sbi_call(long ext, long fid, long arg0, long arg1)
{
	register long a0 __asm__("a0") = arg0;
	register long a1 __asm__("a1") = arg1;
	register long a6 __asm__("a6") = fid;
	register long a7 __asm__("a7") = ext;

	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1)
			 : "r"(a6), "r"(a7)
			 : "memory");
	return (struct sbiret){ .error = a0, .value = a1 };
}

#line 328 "chapters/01-kernel.nw"
/* 记录固件提供的扩展 */
static struct {
	long spec_version;
	bool has_srst;
	bool has_dbcn;
} firmware;

#line 339 "chapters/01-kernel.nw"
/* 探测固件 */
#define SBI_VERSION_MAJOR(v) (((v) >> 24) & 0x7f)
#define SBI_VERSION_MINOR(v) ((v) & 0xffffff)

static bool sbi_probe(long ext)
{
	return sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, ext, 0).value != 0;
}

void sbi_init(void)
{
	struct sbiret version = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0);

	if (version.error != 0)
		return;
	firmware.spec_version = version.value;
	firmware.has_srst = sbi_probe(SBI_EXT_SRST);
	firmware.has_dbcn = sbi_probe(SBI_EXT_DBCN);
}

#line 361 "chapters/01-kernel.nw"
/* 通过 SBI 输出一个字符 */
void sbi_console_putchar(char c)
{
	if (firmware.has_dbcn)
		sbi_call(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, (unsigned char)c, 0);
	else
		sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)c, 0);
}

#line 375 "chapters/01-kernel.nw"
/* 通过 SBI 关机 */
void sbi_shutdown(bool failure)
{
	long reason = failure ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE;

	if (firmware.has_srst)
		sbi_call(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
			 SBI_SRST_TYPE_SHUTDOWN, reason);
	sbi_call(SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0);
}

#line 388 "chapters/01-kernel.nw"
/* 报告固件的版本与所用的扩展 */
void sbi_describe(void)
{
	if (firmware.spec_version == 0) {
		kprintf("sbi: legacy v0.1 firmware\n");
		return;
	}
	kprintf("sbi: spec v%ld.%ld, console via %s, shutdown via %s\n",
		SBI_VERSION_MAJOR(firmware.spec_version),
		SBI_VERSION_MINOR(firmware.spec_version),
		firmware.has_dbcn ? "DBCN" : "legacy putchar",
		firmware.has_srst ? "SRST" : "legacy shutdown");
}
