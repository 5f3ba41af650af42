/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 255 "chapters/01-kernel.nw"
#ifndef ARCH_RISCV_SBI_H
#define ARCH_RISCV_SBI_H

#include <stdbool.h>

#line 271 "chapters/01-kernel.nw"
/* SBI 扩展与功能编号 */
#define SBI_EXT_LEGACY_PUTCHAR  0x01
#define SBI_EXT_LEGACY_SHUTDOWN 0x08
#define SBI_EXT_BASE            0x10
#define SBI_EXT_SRST            0x53525354
#define SBI_EXT_DBCN            0x4442434E

#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_PROBE_EXTENSION  3
#define SBI_SRST_SYSTEM_RESET     0
#define SBI_SRST_TYPE_SHUTDOWN    0
#define SBI_SRST_REASON_NONE      0
#define SBI_SRST_REASON_FAILURE   1
#define SBI_DBCN_WRITE_BYTE       2

#line 262 "chapters/01-kernel.nw"
void sbi_init(void);
void sbi_console_putchar(char c);
void sbi_shutdown(bool failure);
void sbi_describe(void);

#endif
