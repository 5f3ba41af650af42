/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 218 "chapters/01-kernel.nw"
#ifndef ARCH_RISCV_ENTRY_H
#define ARCH_RISCV_ENTRY_H

#define BOOT_STACK_SIZE (64 * 1024)

#endif
