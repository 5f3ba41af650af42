/* Generated from the chapters by notangle; edit the .nw source. */
#line 1460 "chapters/01-kernel.nw"
#include "kernel/test.h"
#line 836 "chapters/02-heap.nw"
#include "kernel/heap.h"

#line 1463 "chapters/01-kernel.nw"
int main(int argc, char **argv)
{
	
#line 839 "chapters/02-heap.nw"
heap_init();
#line 1466 "chapters/01-kernel.nw"
	return ktest_run_all(argc > 1 ? argv[1] : "") == 0 ? 0 : 1;
}
