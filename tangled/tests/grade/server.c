/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 230 "chapters/80-grading.nw"
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "host/shim.h"
#include "kernel/heap.h"
#include "tests/grade/server.h"

#line 253 "chapters/80-grading.nw"
/* 把回答与诊断分开 */
static FILE *answers;

static void open_answer_channel(void)
{
	int fd = dup(STDOUT_FILENO);

	if (fd < 0 || !(answers = fdopen(fd, "w")) ||
	    dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		perror("grade server");
		exit(2);
	}
	setvbuf(stdout, NULL, _IONBF, 0);
}

void reply(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(answers, fmt, ap);
	va_end(ap);
	fputc('\n', answers);
}

void reply_flush(void)
{
	fflush(answers);
}

#line 285 "chapters/80-grading.nw"
/* 读一条请求 */
#define REQUEST_LINE_MAX 128

static bool parse_number(const char **p, size_t *value)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(*p, &end, 10);
	if (end == *p || errno || **p == '-')
		return false;
	*value = (size_t)v;
	*p = end;
	return true;
}

bool server_read_request(struct request *req)
{
	char line[REQUEST_LINE_MAX];
	const char *p;

	if (!fgets(line, sizeof(line), stdin))
		return false;
	memset(req, 0, sizeof(*req));
	line[strcspn(line, "\n")] = '\0';
	req->verb = line[0];
	p = line[0] ? line + 1 : line;
	p += strspn(p, " ");
	while (req->argc < REQUEST_MAX_ARGS && parse_number(&p, &req->arg[req->argc])) {
		req->argc++;
		p += strspn(p, " ");
	}
	snprintf(req->text, sizeof(req->text), "%s", p);
	return true;
}

#line 327 "chapters/80-grading.nw"
/* 在 panic 时回到服务器 */
const char *server_catch_panic(void (*fn)(void *), void *arg)
{
	jmp_buf landing;

	if (setjmp(landing) == 0) {
		host_expect_panic(&landing);
		fn(arg);
		host_end_expect_panic();
		return NULL;
	}
	return host_end_expect_panic();
}

void reply_outcome(const char *panicked)
{
	char line[REQUEST_LINE_MAX * 2];

	if (!panicked) {
		reply("+");
		return;
	}
	snprintf(line, sizeof(line), "%s", panicked);
	for (char *c = line; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	reply("! %s", line);
}

#line 359 "chapters/80-grading.nw"
/* 服务器的主循环 */
extern const struct command __start_grade_commands[], __stop_grade_commands[];

static const struct command *find_command(const struct request *req)
{
	const struct command *c;

	for (c = __start_grade_commands; c < __stop_grade_commands; c++)
		if (c->verb == req->verb && c->argc == req->argc)
			return c;
	return NULL;
}

int main(void)
{
	struct request req;

	open_answer_channel();
	heap_init();
	while (server_read_request(&req)) {
		const struct command *c = find_command(&req);

		if (req.verb == '.') {
			reply(".");
			reply_flush();
		} else if (c) {
			c->run(&req);
		} else {
			reply("? %c", req.verb);
		}
	}
	reply_flush();
	return 0;
}
