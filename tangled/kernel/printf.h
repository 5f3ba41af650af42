/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 555 "chapters/01-kernel.nw"
#ifndef KERNEL_PRINTF_H
#define KERNEL_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*emit_fn)(char c, void *arg);

int kvformat(emit_fn emit, void *arg, const char *fmt, va_list ap);
int kvprintf(const char *fmt, va_list ap);
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
