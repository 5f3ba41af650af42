/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 218 "chapters/04a-paging.nw"
/* expect-error: incompatible types when returning type 'struct vpn' */
#include "kernel/sv39.h"

struct ppn frame_of(struct vaddr address);

struct ppn frame_of(struct vaddr address)
{
	return vpn_floor(address);
}
