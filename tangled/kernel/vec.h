/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1186 "chapters/02-heap.nw"
#ifndef KERNEL_VEC_H
#define KERNEL_VEC_H

#include <stdbool.h>
#include <stddef.h>

struct vec {
	void *data;
	size_t len;
	size_t cap;
	size_t elem_size;
	size_t elem_align;
};

#define VEC_INIT(type) { .elem_size = sizeof(type), .elem_align = _Alignof(type) }
#define VEC_AT(v, type, i) (*(type *)vec_at((v), (i)))

bool vec_reserve(struct vec *v, size_t cap);
bool vec_push(struct vec *v, const void *elem);
bool vec_pop(struct vec *v, void *elem);
void *vec_at(const struct vec *v, size_t i);
void vec_free(struct vec *v);

#endif
