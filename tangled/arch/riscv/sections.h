/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 147 "chapters/01-kernel.nw"
#ifndef ARCH_RISCV_SECTIONS_H
#define ARCH_RISCV_SECTIONS_H

extern char kernel_start[], kernel_end[];
extern char text_start[], text_end[];
extern char rodata_start[], rodata_end[];
extern char data_start[], data_end[];
extern char bss_start[], bss_end[];
extern char boot_stack[], boot_stack_top[];

#endif
