/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 871 "chapters/01-kernel.nw"
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <stdnoreturn.h>

#define panic(...) panic_at(__FILE__, __LINE__, __VA_ARGS__)

noreturn void panic_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
