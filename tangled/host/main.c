/* Generated from the chapters by notangle; edit the .nw source. */
#line 1417 "chapters/01-kernel.nw"
#include "kernel/test.h"

int main(int argc, char **argv)
{
	return ktest_run_all(argc > 1 ? argv[1] : "") == 0 ? 0 : 1;
}
