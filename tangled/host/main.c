/* Generated from the chapters by tools/tangle; edit the .nw source. */
#line 1490 "chapters/01-kernel.nw"
#include "kernel/test.h"

#line 1501 "chapters/01-kernel.nw"
/* 宿主机测试用到的各章接口 */
/* the headers of the later chapters' subsystems */

#line 1172 "chapters/02-heap.nw"
#include "kernel/heap.h"

#line 1493 "chapters/01-kernel.nw"
int main(int argc, char **argv)
{
#line 1504 "chapters/01-kernel.nw"
	/* 在宿主机上初始化各章的子系统 */
	/* the later chapters initialize their subsystems here */
#line 1175 "chapters/02-heap.nw"
	heap_init();
#line 1496 "chapters/01-kernel.nw"
	return ktest_run_all(argc > 1 ? argv[1] : "") == 0 ? 0 : 1;
}
