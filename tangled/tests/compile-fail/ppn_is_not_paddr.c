/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 176 "chapters/04-frames.nw"
/* expect-error: incompatible types when returning type 'struct paddr' */
#include "kernel/addr.h"

struct ppn page_of(struct paddr address);

struct ppn page_of(struct paddr address)
{
	return address;
}
