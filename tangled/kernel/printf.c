/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 576 "chapters/01-kernel.nw"
#include <stdbool.h>
#include <stdint.h>
#include "kernel/printf.h"
#include "kernel/arch.h"

#line 593 "chapters/01-kernel.nw"
/* 一条转换说明 */
enum length { LEN_INT, LEN_LONG, LEN_SIZE };

struct fmt_spec {
	bool left;
	bool zero;
	int width;
	enum length length;
	char conv;
};

struct fmt_out {
	emit_fn emit;
	void *arg;
	int count;
};

static void fmt_put(struct fmt_out *out, char c)
{
	out->emit(c, out->arg);
	out->count++;
}

#line 619 "chapters/01-kernel.nw"
/* 读出一条转换说明 */
static const char *parse_spec(const char *fmt, struct fmt_spec *spec)
{
	*spec = (struct fmt_spec){ .length = LEN_INT };
	for (;; fmt++) {
		if (*fmt == '-')
			spec->left = true;
		else if (*fmt == '0')
			spec->zero = true;
		else
			break;
	}
	while (*fmt >= '0' && *fmt <= '9')
		spec->width = spec->width * 10 + (*fmt++ - '0');
	if (*fmt == 'l') {
		spec->length = LEN_LONG;
		fmt++;
	} else if (*fmt == 'z') {
		spec->length = LEN_SIZE;
		fmt++;
	}
	spec->conv = *fmt;
	return *fmt ? fmt + 1 : fmt;
}

#line 649 "chapters/01-kernel.nw"
/* 取出整数参数 */
static long signed_arg(const struct fmt_spec *spec, va_list *ap)
{
	switch (spec->length) {
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_SIZE:
		return (long)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long unsigned_arg(const struct fmt_spec *spec, va_list *ap)
{
	switch (spec->length) {
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

#line 682 "chapters/01-kernel.nw"
/* 按宽度输出一个字段 */
static void put_field(struct fmt_out *out, const struct fmt_spec *spec,
		      const char *prefix, const char *body, int body_len)
{
	int prefix_len = 0;
	int pad;

	while (prefix[prefix_len])
		prefix_len++;
	pad = spec->width - prefix_len - body_len;
	if (!spec->left && !spec->zero)
		for (; pad > 0; pad--)
			fmt_put(out, ' ');
	for (int i = 0; i < prefix_len; i++)
		fmt_put(out, prefix[i]);
	if (!spec->left && spec->zero)
		for (; pad > 0; pad--)
			fmt_put(out, '0');
	for (int i = 0; i < body_len; i++)
		fmt_put(out, body[i]);
	for (; pad > 0; pad--)
		fmt_put(out, ' ');
}

#line 711 "chapters/01-kernel.nw"
/* 输出一个整数 */
#define DIGITS_MAX 24

static void put_number(struct fmt_out *out, const struct fmt_spec *spec,
		       unsigned long value, unsigned base, const char *prefix)
{
	char digits[DIGITS_MAX];
	int pos = DIGITS_MAX;

	do {
		digits[--pos] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value != 0);
	put_field(out, spec, prefix, digits + pos, DIGITS_MAX - pos);
}

static void put_signed(struct fmt_out *out, const struct fmt_spec *spec, long value)
{
	if (value < 0)
		put_number(out, spec, 0UL - (unsigned long)value, 10, "-");
	else
		put_number(out, spec, (unsigned long)value, 10, "");
}

#line 740 "chapters/01-kernel.nw"
/* 格式化的主循环 */
int kvformat(emit_fn emit, void *arg, const char *fmt, va_list ap)
{
	struct fmt_out out = { .emit = emit, .arg = arg };
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		struct fmt_spec spec;

		if (*fmt != '%') {
			fmt_put(&out, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec);
#line 762 "chapters/01-kernel.nw"
		/* 按转换字符输出一个参数 */
		switch (spec.conv) {
		case 'd':
		case 'i':
			put_signed(&out, &spec, signed_arg(&spec, &args));
			break;
		case 'u':
			put_number(&out, &spec, unsigned_arg(&spec, &args), 10, "");
			break;
		case 'x':
			put_number(&out, &spec, unsigned_arg(&spec, &args), 16, "");
			break;
		case 'p':
			put_number(&out, &spec, (uintptr_t)va_arg(args, void *), 16, "0x");
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			put_field(&out, &spec, "", &c, 1);
			break;
		}
		case 's': {
			const char *s = va_arg(args, const char *);
			int len = 0;

			if (!s)
				s = "(null)";
			while (s[len])
				len++;
			put_field(&out, &spec, "", s, len);
			break;
		}
		case '%':
			fmt_put(&out, '%');
			break;
		default:
			fmt_put(&out, '%');
			if (spec.conv)
				fmt_put(&out, spec.conv);
			break;
		}
#line 756 "chapters/01-kernel.nw"
	}
	va_end(args);
	return out.count;
}

#line 807 "chapters/01-kernel.nw"
/* 输出到控制台 */
static void emit_console(char c, void *arg)
{
	(void)arg;
	arch_putchar(c);
}

int kvprintf(const char *fmt, va_list ap)
{
	return kvformat(emit_console, NULL, fmt, ap);
}

int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}

#line 834 "chapters/01-kernel.nw"
/* 输出到缓冲区 */
struct fmt_buffer {
	char *buf;
	size_t size;
	size_t len;
};

static void emit_buffer(char c, void *arg)
{
	struct fmt_buffer *b = arg;

	if (b->len + 1 < b->size)
		b->buf[b->len] = c;
	b->len++;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	struct fmt_buffer b = { .buf = buf, .size = size };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvformat(emit_buffer, &b, fmt, ap);
	va_end(ap);
	if (size > 0)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return n;
}
