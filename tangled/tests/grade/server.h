/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 191 "chapters/80-grading.nw"
#ifndef TESTS_GRADE_SERVER_H
#define TESTS_GRADE_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#define REQUEST_MAX_ARGS 3
#define REQUEST_TEXT_MAX 48

struct request {
	char verb;
	int argc;
	size_t arg[REQUEST_MAX_ARGS];
	char text[REQUEST_TEXT_MAX];
};

struct command {
	char verb;
	int argc;
	void (*run)(const struct request *req);
};

#define GRADE_COMMAND(v, n, fn)						\
	static const struct command command_##fn			\
		__attribute__((used, section("grade_commands"))) = { (v), (n), fn }

void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void reply_outcome(const char *panicked);
void reply_flush(void);
bool server_read_request(struct request *req);
const char *server_catch_panic(void (*fn)(void *), void *arg);

#endif
