/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1221 "chapters/02-heap.nw"
#include <stdint.h>
#include "kernel/vec.h"
#include "kernel/heap.h"
#include "kernel/panic.h"
#include "kernel/string.h"

#define VEC_MIN_CAPACITY 4

#line 1238 "chapters/02-heap.nw"
/* 数组存储的布局 */
static struct layout storage_layout(const struct vec *v, size_t cap)
{
	return (struct layout){ cap * v->elem_size, v->elem_align };
}

static void *element(const struct vec *v, size_t i)
{
	return (char *)v->data + i * v->elem_size;
}

#line 1252 "chapters/02-heap.nw"
/* 为数组预留容量 */
bool vec_reserve(struct vec *v, size_t cap)
{
	void *data;

	if (cap <= v->cap)
		return true;
	if (cap > SIZE_MAX / v->elem_size)
		return false;
	data = heap_alloc(storage_layout(v, cap));
	if (!data)
		return false;
	if (v->len)
		memcpy(data, v->data, v->len * v->elem_size);
	if (v->cap)
		heap_dealloc(v->data, storage_layout(v, v->cap));
	v->data = data;
	v->cap = cap;
	return true;
}

#line 1274 "chapters/02-heap.nw"
/* 追加与弹出元素 */
static size_t grown_capacity(size_t cap)
{
	if (cap < VEC_MIN_CAPACITY)
		return VEC_MIN_CAPACITY;
	return cap > SIZE_MAX / 2 ? SIZE_MAX : 2 * cap;
}

bool vec_push(struct vec *v, const void *elem)
{
	if (v->len == v->cap && !vec_reserve(v, grown_capacity(v->cap)))
		return false;
	memcpy(element(v, v->len), elem, v->elem_size);
	v->len++;
	return true;
}

bool vec_pop(struct vec *v, void *elem)
{
	if (v->len == 0)
		return false;
	v->len--;
	if (elem)
		memcpy(elem, element(v, v->len), v->elem_size);
	return true;
}

#line 1302 "chapters/02-heap.nw"
/* 按下标取元素 */
void *vec_at(const struct vec *v, size_t i)
{
	if (i >= v->len)
		panic("vec index %zu out of range (length %zu)", i, v->len);
	return element(v, i);
}

#line 1311 "chapters/02-heap.nw"
/* 释放数组 */
void vec_free(struct vec *v)
{
	if (v->cap)
		heap_dealloc(v->data, storage_layout(v, v->cap));
	v->data = NULL;
	v->len = 0;
	v->cap = 0;
}
