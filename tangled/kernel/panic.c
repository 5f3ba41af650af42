/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 890 "chapters/01-kernel.nw"
#include <stdarg.h>
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/arch.h"

noreturn void panic_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	kprintf("\npanic: %s:%d: ", file, line);
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	arch_backtrace();
	arch_poweroff(EXIT_PANIC);
}
