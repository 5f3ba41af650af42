/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1816 "chapters/04a-paging.nw"
#ifndef TESTS_HOST_PAGETABLE_MODEL_H
#define TESTS_HOST_PAGETABLE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool pagetable_agrees_with_model(unsigned steps, uint64_t seed);
bool pagetable_follows_script(const unsigned char *script, size_t len);

#endif
