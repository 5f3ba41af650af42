/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 230 "chapters/04a-paging.nw"
/* expect-error: incompatible type for argument 2 of 'pt_translate' */
#include "kernel/pagetable.h"

bool is_mapped(const struct page_table *table, struct paddr address);

bool is_mapped(const struct page_table *table, struct paddr address)
{
	struct paddr result;
	unsigned flags;

	return pt_translate(table, address, &result, &flags);
}
