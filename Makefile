# The one front door of the book: tangle, build, boot, weave, test.
# `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DEFAULT_GOAL := all
MAKEFLAGS += --no-print-directory --no-builtin-rules

# ---------------------------------------------------------------- knobs
# `make help` prints the knobs and targets that carry a "##" description.
V            ?= 0##        1 shows the full commands
BUILD        ?= build##    where every output goes
EXERCISES    ?= exercises## the student's files (make grade, the kernel)
ALLOCATOR    ?= stacked##  the frame allocator: stacked|segtree (segtree: your exercise 3)
HEAP_BACKING ?= array##    where the heap keeps its storage: array|vec (exercise 1)
PLANT        ?=##          a fault to plant, to see the kernel catch it (values below)
QEMU_MEM     ?= 128M##     the guest's RAM, 16M..8G
QEMU_TIMEOUT ?= 600##      seconds without a power-off before make qemu gives up
QEMU_EXTRA   ?=##          more QEMU options
EDITION      ?= student##  the book's edition: student|teacher
AUTO_TANGLE  ?= 1##        0 builds from the committed tangled/ without tangling
T            ?=##          host-test, grade: run only the tests whose names contain this
CHECKS       ?=##          test: run only the checks whose names match this regex
TEST_JOBS    ?=##          test: checks run side by side (default: one per core)

# A knob with a value nobody handles would silently build the default.
ALLOCATORS    := stacked segtree
HEAP_BACKINGS := array vec
PLANTS        := failure panic tracker-deadlock load-fault store-fault fetch-fault \
		 illegal ebreak misaligned stack-overflow
EDITIONS      := student teacher
one_of = $(if $(and $(filter 1,$(words $($(1)))),$(filter $(2),$($(1)))),, \
	   $(error $(1)='$($(1))' is not valid; valid values: $(strip $(2))))
$(call one_of,ALLOCATOR,$(ALLOCATORS))
$(call one_of,HEAP_BACKING,$(HEAP_BACKINGS))
$(call one_of,EDITION,$(EDITIONS))
$(if $(PLANT),$(call one_of,PLANT,$(PLANTS)))

# The absolute path of this tree, for the few commands that need one.  It
# reaches the shell through the environment, so no character in it is special.
export LITOS_ROOT := $(CURDIR)

# A recipe line starts a shell, and starting a process is the costliest thing
# a build does on a small virtual machine: the message is printed by the
# shell of the command it announces ($(call msg,...) is a prefix), and a
# directory is made only when it is missing ($(in_dir) is a prefix too).
# Both end in ";": bash then runs the last command of a recipe line in its
# own process instead of forking (it does not after "&&").
ifeq ($(V),1)
Q :=
msg =
else
Q := @
msg = printf '  %-8s %s\n' '$(1)' '$(2)';
endif
in_dir = [ -d $(@D) ] || mkdir -p $(@D);

CHAPTERS := $(sort $(wildcard chapters/*.nw))
NEED     := tools/need

# ---------------------------------------------------------------- tangle
# Tangling happens while make reads this file, before any rule runs.  The
# stamp $(BUILD)/tangle.mk is included below and depends on the chapters;
# GNU make first brings every included makefile up to date, and when the
# stamp's rule ran it reads the whole Makefile again.  So the rules below
# always see the freshly tangled tangled/ and the .d files that go with it,
# and one `make qemu` after editing a chapter is enough.  Goals that must not
# rewrite tangled/ are listed in NO_TANGLE_GOALS; `make test` passes
# AUTO_TANGLE=0 because it checks the committed tree instead.
NO_TANGLE_GOALS := clean deps help check-tangle test grade handin similarity student-kit
ifeq ($(AUTO_TANGLE),1)
ifneq ($(filter-out $(NO_TANGLE_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(BUILD)/tangle.mk
endif
endif

$(BUILD)/tangle.mk: $(CHAPTERS) tools/tangle
	$(Q)$(NEED) tangle
	$(Q)tools/tangle tangled $(CHAPTERS)
	$(Q)cp -rn tangled/starter/. exercises/
	$(Q)$(in_dir) echo '# tangled $(words $(CHAPTERS)) chapters' >$@

# A student file that is missing is copied from its starter; one that exists
# is never touched.
$(EXERCISES)/%: | tangled/starter/%
	$(Q)$(in_dir) cp -n tangled/starter/$* $@

.PHONY: tangle check-tangle
tangle: ## chapters/*.nw -> tangled/ (every other target does it first)
	@:

check-tangle: ## fail if tangled/ differs from the chapters or a file is in no build list
	$(Q)$(NEED) tangle
	$(Q)rm -rf $(BUILD)/check-tangle
	$(Q)TANGLE_QUIET=1 tools/tangle $(BUILD)/check-tangle $(CHAPTERS)
	$(Q)diff -r $(BUILD)/check-tangle tangled || \
	  { echo "check-tangle: tangled/ differs from the chapters; run 'make tangle' and commit" >&2; exit 1; }
	$(Q)unlisted=$$(comm -23 <(ls $(BUILT_DIRS:%=%/*.[cS]) | sort) \
	  <(printf '%s\n' $(KSRCS) $(HLIB_SRCS) $(HTEST_SRCS) | sort -u)); \
	  [ -z "$$unlisted" ] || \
	  { echo "check-tangle: in no source list of the Makefile:" $$unlisted >&2; exit 1; }

# The recipe of every object rule: $(call compile,LABEL,COMPILER AND FLAGS).
define compile
	$(Q)$(call msg,$(1),$<$(if $(3), [$(3)])) $(in_dir) $(2) -c $< -o $@
endef

# Each group of tools is checked (and installed) once per make run.
.PHONY: need-kernel need-host need-fuzz need-bench
need-kernel need-host need-fuzz need-bench: need-%: ## (internal) install a group of tools once per run
	$(Q)$(NEED) $*

# ---------------------------------------------------------------- kernel
CROSS   := riscv64-unknown-elf-
KCC     := $(CROSS)gcc
EXERCISE_TAG := ex-$(subst /,-,$(EXERCISES))
KCONFIG := $(ALLOCATOR)-$(HEAP_BACKING)$(if $(PLANT),-plant-$(PLANT))$(if \
	   $(filter-out exercises,$(EXERCISES)),-$(EXERCISE_TAG))
KBUILD  := $(BUILD)/kernel/$(KCONFIG)
KERNEL  := $(KBUILD)/kernel.elf

WARNINGS := -Wall -Wextra -Werror
KCFLAGS  := -march=rv64gc -mabi=lp64d -mcmodel=medany -ffreestanding \
	    -fno-stack-protector -fno-pie -fno-omit-frame-pointer -fno-optimize-sibling-calls \
	    -fno-toplevel-reorder -std=gnu11 -O2 -gdwarf-4 $(WARNINGS) -Itangled -MMD -MP
KDEFS    := $(if $(filter failure,$(PLANT)),-DKTEST_PLANT_FAILURE) \
	    $(if $(filter panic,$(PLANT)),-DKTEST_PLANT_PANIC) \
	    $(if $(filter tracker-deadlock,$(PLANT)),-DKTEST_PLANT_TRACKER_DEADLOCK) \
	    $(if $(filter load-fault,$(PLANT)),-DKTEST_PLANT_LOAD_FAULT) \
	    $(if $(filter store-fault,$(PLANT)),-DKTEST_PLANT_STORE_FAULT) \
	    $(if $(filter fetch-fault,$(PLANT)),-DKTEST_PLANT_FETCH_FAULT) \
	    $(if $(filter illegal,$(PLANT)),-DKTEST_PLANT_ILLEGAL) \
	    $(if $(filter ebreak,$(PLANT)),-DKTEST_PLANT_EBREAK) \
	    $(if $(filter misaligned,$(PLANT)),-DKTEST_PLANT_MISALIGNED) \
	    $(if $(filter stack-overflow,$(PLANT)),-DKTEST_PLANT_STACK_OVERFLOW) \
	    $(if $(filter vec,$(HEAP_BACKING)),-DHEAP_BACKING_VEC) \
	    $(if $(filter segtree,$(ALLOCATOR)),-DFRAME_ALLOCATOR_OPS=segtree_allocator_ops)
KLDFLAGS := -nostdlib -static -no-pie -Wl,--no-warn-rwx-segments

# The kernel's sources: the RISC-V code (chapters 1, 1b and 4a) first, then
# kernel/ sorted by name, the portable code of every chapter and the
# kernel-resident tests together (the tests run in this order).
ARCH_SRCS      := entry.S trap.S arch.c backtrace.c main.c paging.c paging_test.c \
		  sbi.c string.c trap.c trap_planted_test.c
PORTABLE_SRCS  := buddy.c fdt.c frame.c heap.c kspace.c memmap.c pagetable.c panic.c \
		  printf.c spinlock.c stacked_allocator.c test.c vec.c
KTEST_SRCS     := buddy_test.c frame_planted_test.c frame_test.c heap_test.c \
		  memmap_test.c planted_test.c printf_test.c stacked_allocator_test.c
KSRCS := $(addprefix tangled/arch/riscv/,$(ARCH_SRCS)) \
	 $(sort $(addprefix tangled/kernel/,$(PORTABLE_SRCS) $(KTEST_SRCS)))
# A file that names a knob's macro is compiled once for each value of the
# knobs it names, into $(KNOBS)/ (heap.c once per HEAP_BACKING, the planted
# tests once per PLANT); the rest once for all ($(KCOMMON)).  So a planted
# kernel costs a compile of the planted tests, not a rebuild.  A header naming
# one would need all its users in the first group: we refuse that instead.
# The test runner names the grader's nonce: one copy serves every kernel of a
# grading (the grader deletes it before each grading).
KNOB_MACROS  := KTEST_PLANT HEAP_BACKING_VEC FRAME_ALLOCATOR_OPS KTEST_NONCE
KNOB_TAG_KTEST_PLANT         := plant-$(or $(PLANT),none)
KNOB_TAG_HEAP_BACKING_VEC    := heap-$(HEAP_BACKING)
KNOB_TAG_FRAME_ALLOCATOR_OPS := alloc-$(ALLOCATOR)
KNOB_TAG_KTEST_NONCE         := nonce
# FILE:MACRO for every macro a file names.  Make reads the files itself:
# every make run parses this, and the grader runs make many times.
knob_uses_in = $(foreach m,$(KNOB_MACROS),$(if $(findstring $(m),$(file <$(1))),$(1):$(m)))
KNOB_USES    := $(sort $(foreach f,$(KSRCS),$(call knob_uses_in,$(f))))
KCONFIG_SRCS := $(sort $(foreach u,$(KNOB_USES),$(firstword $(subst :, ,$(u)))))
$(foreach h,$(wildcard tangled/kernel/*.h tangled/arch/riscv/*.h),$(if $(strip $(call knob_uses_in,$(h))), \
  $(error $(h) names a knob's macro; name it only in .c files)))
KNOBS   := $(BUILD)/kernel/knob
KCOMMON := $(BUILD)/kernel/common
space   := $() $()
knob_dir = $(KNOBS)/$(subst $(space),-,$(foreach u,$(filter $(1):%,$(KNOB_USES)),$(KNOB_TAG_$(lastword $(subst :, ,$(u))))))
# The student's files that become part of the kernel.  They see no knob, so
# one object of each serves every configuration.
EXERCISE_KSRCS := 1-vec-heap/lock_debug.c \
		  $(if $(filter segtree,$(ALLOCATOR)),3-segment-tree/segtree_allocator.c)
KEXERCISES     := $(BUILD)/kernel/exercise/$(EXERCISE_TAG)
KOBJS := $(foreach f,$(KSRCS),$(if $(filter $(f),$(KCONFIG_SRCS)),$(call knob_dir,$(f)),$(KCOMMON))/$(f:tangled/%=%).o) \
	 $(patsubst %,$(KEXERCISES)/%.o,$(EXERCISE_KSRCS))

# Only the test runner sees the grader's nonce; the student's files never do.
$(call knob_dir,tangled/kernel/test.c)/kernel/test.c.o: \
	KDEFS += $(if $(KTEST_NONCE),-DKTEST_NONCE='"$(KTEST_NONCE)"')

# GCC turns a byte loop into a call to memset; inside memset that recurses.
$(KCOMMON)/arch/riscv/string.c.o: KCFLAGS += -fno-tree-loop-distribute-patterns

define knob_rules
$(1)/%.c.o: tangled/%.c Makefile | need-kernel
	$$(call compile,CC,$$(KCC) $$(KCFLAGS) $$(KDEFS))

$(1)/%.S.o: tangled/%.S Makefile | need-kernel
	$$(call compile,AS,$$(KCC) $$(KCFLAGS) $$(KDEFS))
endef
$(foreach d,$(sort $(foreach f,$(KCONFIG_SRCS),$(call knob_dir,$(f)))),$(eval $(call knob_rules,$(d))))

$(KCOMMON)/%.c.o: tangled/%.c Makefile | need-kernel
	$(call compile,CC,$(KCC) $(KCFLAGS))

$(KCOMMON)/%.S.o: tangled/%.S Makefile | need-kernel
	$(call compile,AS,$(KCC) $(KCFLAGS))

$(KEXERCISES)/%.c.o: $(EXERCISES)/%.c Makefile | need-kernel
	$(call compile,CC,$(KCC) $(KCFLAGS))


# Two links: the first with empty symbol tables, the second with the tables
# tools/ksyms made from the first (chapter "陷阱").  The tables sit after all
# code, so the functions' addresses must come out the same; we check that.
KLINK = $(KCC) $(KCFLAGS) $(KLDFLAGS) -T tangled/arch/riscv/kernel.ld
# Whether two ELFs have the same function symbols ("address size name"), in
# the symbol table's order (the two links get the same objects in the same
# order): one readelf reads both, one awk compares.
KFUNCS_SAME = $(CROSS)readelf -sW $(1) $(2) | \
	awk '/^File: / { f++ } $$4 == "FUNC" { s[f] = s[f] $$2 " " $$3 " " $$8 "\n" } \
	     END { exit f != 2 || s[1] != s[2] }'

# The empty tables are the same in every configuration: made once.
KSYMS_EMPTY := $(KCOMMON)/ksyms-empty.o

$(KCOMMON)/ksyms-empty.S: tools/ksyms
	$(Q)$(in_dir) tools/ksyms - $@

$(KBUILD)/ksyms.S: $(KBUILD)/kernel-pre.elf tools/ksyms
	$(Q)$(call msg,KSYMS,$@) CROSS=$(CROSS) tools/ksyms $< $@

$(KBUILD)/ksyms.o $(KSYMS_EMPTY): %.o: %.S
	$(Q)$(KCC) $(KCFLAGS) -c $< -o $@

$(KBUILD)/kernel-pre.elf: $(KOBJS) $(KSYMS_EMPTY) tangled/arch/riscv/kernel.ld
	$(Q)$(call msg,LD,$@) $(in_dir) $(KLINK) $(KOBJS) $(KSYMS_EMPTY) -lgcc -o $@

$(KERNEL): $(KBUILD)/kernel-pre.elf $(KBUILD)/ksyms.o
	$(Q)$(call msg,LD,$@) $(KLINK) $(KOBJS) $(KBUILD)/ksyms.o -lgcc -o $@.tmp; \
	  $(call KFUNCS_SAME,$<,$@.tmp) || \
	    { echo "kernel: the symbol tables moved code; the backtraces would lie" >&2; exit 1; }; \
	  mv $@.tmp $@

-include $(KOBJS:.o=.d)

.PHONY: kernel qemu qemu-gdb qemu-cmd
kernel: $(KERNEL) ## build the kernel (ALLOCATOR, HEAP_BACKING, PLANT)

QEMU      := qemu-system-riscv64
QEMU_OPTS  = -machine virt -nographic -bios default -smp 1 -m $(QEMU_MEM) \
	     -kernel $(KERNEL) $(QEMU_EXTRA)
GDB_PORT  ?= $(shell echo $$(( 25000 + $$(id -u) % 5000 )))

# The kernel powers off by itself; QEMU_TIMEOUT seconds without that mean it hung.
qemu: $(KERNEL) ## boot the kernel under QEMU; leave with Ctrl-A, then X
	$(Q)$(call msg,QEMU,$(KERNEL)) [[ '$(QEMU_TIMEOUT)' =~ ^[1-9][0-9]*$$ ]] || \
	  { echo "qemu: QEMU_TIMEOUT='$(QEMU_TIMEOUT)' is not a whole number of seconds" >&2; exit 2; }
	@echo "*** to leave QEMU early, press Ctrl-A, then X (time limit: QEMU_TIMEOUT=$(QEMU_TIMEOUT) s)"
	$(Q)status=0; timeout --foreground $(QEMU_TIMEOUT) $(QEMU) $(QEMU_OPTS) || status=$$?; \
	  if [ $$status -eq 124 ]; then \
	    echo "qemu: the kernel hung: no power-off within $(QEMU_TIMEOUT) s (QEMU_TIMEOUT=...)" >&2; \
	  fi; exit $$status

# The command line `make qemu` runs, for scripts that want QEMU's own status.
qemu-cmd: $(KERNEL) ## (for scripts) print the QEMU command line of make qemu
	@echo $(QEMU) $(QEMU_OPTS)

qemu-gdb: $(KERNEL) ## boot and wait for gdb-multiarch -x $(BUILD)/gdbinit
	$(Q)$(NEED) debug
	$(Q)printf '%s\n' 'set confirm off' 'set architecture riscv:rv64' \
	  "file \"$$LITOS_ROOT/$(KERNEL)\"" 'target remote localhost:$(GDB_PORT)' \
	  "directory $$LITOS_ROOT" >$(BUILD)/gdbinit
	@echo "*** QEMU waits for gdb on port $(GDB_PORT); in another terminal run:"
	@echo "***     gdb-multiarch -x $(BUILD)/gdbinit"
	$(Q)$(QEMU) $(QEMU_OPTS) -S -gdb tcp::$(GDB_PORT)

# ---------------------------------------------------------------- host
# The portable code (tangled/kernel/) compiled for the host, with the shim
# in tangled/host/ in place of tangled/arch/, under ASan and UBSan.
HBUILD   := $(BUILD)/host
HCC      := cc
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_HEAP_SIZE := '(128 * 1024 * 1024)'
HCFLAGS  := -std=gnu11 -O1 -g $(WARNINGS) $(SANITIZE) -fno-omit-frame-pointer -fno-toplevel-reorder \
	    -Itangled -MMD -MP -DHEAP_SIZE=$(HOST_HEAP_SIZE)

HOST_TEST_SRCS := allocator_model.c allocator_model_test.c buddy_random_test.c fdt_test.c \
		  frame_host_test.c heap_panic_test.c pagetable_host_test.c \
		  pagetable_model.c pagetable_model_test.c physmem.c printf_vs_libc_test.c
HLIB_SRCS  := $(addprefix tangled/kernel/,$(PORTABLE_SRCS)) \
	      tangled/starter/1-vec-heap/lock_debug.c
HTEST_SRCS := $(addprefix tangled/kernel/,$(KTEST_SRCS)) tangled/host/main.c tangled/host/shim.c \
	      $(addprefix tangled/tests/host/,$(HOST_TEST_SRCS))
BUILT_DIRS := tangled/arch/riscv tangled/kernel tangled/host tangled/tests/host
HLIB       := $(HBUILD)/libkernel.a
HTESTS     := $(HBUILD)/run-tests

$(HBUILD)/%.c.o: tangled/%.c Makefile | need-host
	$(call compile,HOSTCC,$(HCC) $(HCFLAGS))

$(HLIB): $(patsubst tangled/%,$(HBUILD)/%.o,$(HLIB_SRCS))
	$(Q)$(call msg,AR,$@) rm -f $@ && ar rcs $@ $^

$(HTESTS): $(patsubst tangled/%,$(HBUILD)/%.o,$(HTEST_SRCS)) $(HLIB)
	$(Q)$(call msg,HOSTLD,$@) $(HCC) $(HCFLAGS) $^ -o $@

-include $(patsubst tangled/%,$(HBUILD)/%.d,$(HLIB_SRCS) $(HTEST_SRCS))

# Files that must not compile: the chapters' claims about C's type checks.
COMPILE_FAIL := $(wildcard tangled/tests/compile-fail/*.c)

check-compile-fail: | need-host ## the examples the compiler must reject are rejected
	$(Q)for f in $(COMPILE_FAIL); do \
	  tools/expect-compile-error $$f $(HCC) -std=gnu11 $(WARNINGS) -Itangled -c -o /dev/null || exit 1; \
	done

.PHONY: host-lib host-test check-compile-fail
host-lib: $(HLIB) ## build/host/libkernel.a: the portable code for the host

# Device trees of QEMU's virt machine, for the device-tree reader's tests.
DTBS := $(BUILD)/dtb/virt-128M.dtb $(BUILD)/dtb/virt-256M.dtb

$(BUILD)/dtb/virt-%.dtb: | need-kernel
	$(Q)$(call msg,DUMPDTB,$@) $(in_dir) $(QEMU) -machine virt,dumpdtb=$@ -m $* -nographic -bios default >/dev/null

host-test: $(HTESTS) $(DTBS) ## the portable code's tests under ASan+UBSan (T=filter)
	$(Q)$(call msg,RUN,$(HTESTS)) DTB_DIR=$(BUILD)/dtb $(HTESTS) $(T)

# ---------------------------------------------------------------- plain host build
# The same portable code optimized and without sanitizers: for the benchmark
# and for counting the instructions of a student's code under callgrind.
BBUILD    := $(BUILD)/bench-bin
BCFLAGS   := -std=gnu11 -O2 -g $(WARNINGS) -Itangled -DHEAP_SIZE=$(HOST_HEAP_SIZE) \
	     -fno-builtin-malloc -fno-builtin-free
# The programs that run under callgrind are linked statically: glibc's malloc
# is then called directly, as the buddy is, and valgrind reads no shared C
# library's debugging information as it starts (Debian's valgrind brings
# libc6-dbg; reading it costs 0.25 s a start, and make bench starts dozens).
BLDFLAGS  := -static

$(BBUILD)/%.c.o: tangled/%.c Makefile | need-host
	$(call compile,HOSTCC,$(HCC) $(BCFLAGS))

$(BBUILD)/libkernel.a: $(patsubst tangled/%,$(BBUILD)/%.o,$(HLIB_SRCS))
	$(Q)$(call msg,AR,$@) rm -f $@ && ar rcs $@ $^

# ---------------------------------------------------------------- grading
# The grader's servers (appendix "评分程序"): the student's files linked with
# tests/grade/, run by tools/grade inside a sandbox.  ex1 checks the lock
# hooks, ex2 the workload and the merging allocator, ex3 the segment tree;
# ex3-counted-server is the same server without sanitizers, for callgrind.  The
# student's files are also compiled alone (grade-check) for the interface
# check.  The grader passes EXERCISES and BUILD; `make grade` runs the grader.
GBUILD      := $(BUILD)/grade-bin
GRADE_LIB   := $(HBUILD)/host/shim.c.o $(HLIB)
GRADE_SERVER := $(HBUILD)/tests/grade/server.c.o
GRADE_C_FILES := 1-vec-heap/lock_debug.c 2-complexity/workload.c \
		 2-complexity/merging_stacked.c 3-segment-tree/segtree_allocator.c
KTEST_NONCE ?=

$(GBUILD)/asan/%.c.o: $(EXERCISES)/%.c Makefile
	$(call compile,HOSTCC,$(HCC) $(HCFLAGS))

$(GBUILD)/plain/%.c.o: $(EXERCISES)/%.c Makefile
	$(call compile,HOSTCC,$(HCC) $(BCFLAGS))

$(GBUILD)/plain/%.c.i: $(EXERCISES)/%.c Makefile
	$(call compile,CPP,$(HCC) $(BCFLAGS) -E)

$(GBUILD)/ex2/alloc_commands.o: tangled/tests/grade/alloc_commands.c Makefile
	$(call compile,HOSTCC,$(HCC) $(HCFLAGS) -DGRADE_OPS=merging_stacked_allocator_ops,merging)

$(GBUILD)/ex3/alloc_commands.o: tangled/tests/grade/alloc_commands.c Makefile
	$(call compile,HOSTCC,$(HCC) $(HCFLAGS) -DGRADE_OPS=segtree_allocator_ops,segtree)

$(GBUILD)/ex3-counted/%.o: tangled/tests/grade/%.c Makefile
	$(call compile,HOSTCC,$(HCC) $(BCFLAGS) -DGRADE_OPS=segtree_allocator_ops,counted)

$(GBUILD)/ex1-server: $(GRADE_SERVER) $(HBUILD)/tests/grade/lock_commands.c.o \
	       $(GBUILD)/asan/1-vec-heap/lock_debug.c.o $(GRADE_LIB)
$(GBUILD)/ex2-server: $(GRADE_SERVER) $(GBUILD)/ex2/alloc_commands.o \
	       $(HBUILD)/tests/grade/ranges_command.c.o $(HBUILD)/tests/grade/workload_commands.c.o \
	       $(GBUILD)/asan/2-complexity/workload.c.o $(GBUILD)/asan/2-complexity/merging_stacked.c.o \
	       $(GRADE_LIB)
$(GBUILD)/ex3-server: $(GRADE_SERVER) $(GBUILD)/ex3/alloc_commands.o \
	       $(GBUILD)/asan/3-segment-tree/segtree_allocator.c.o $(GRADE_LIB)
$(GBUILD)/ex1-server $(GBUILD)/ex2-server $(GBUILD)/ex3-server:
	$(Q)$(call msg,HOSTLD,$@) $(HCC) $(HCFLAGS) $^ -o $@

$(GBUILD)/ex3-counted-server: $(GBUILD)/ex3-counted/server.o $(GBUILD)/ex3-counted/alloc_commands.o \
		       $(GBUILD)/plain/3-segment-tree/segtree_allocator.c.o \
		       $(BBUILD)/host/shim.c.o $(BBUILD)/libkernel.a
	$(Q)$(call msg,HOSTLD,$@) $(HCC) $(BCFLAGS) $(BLDFLAGS) $^ -o $@

.PHONY: grade-ex1 grade-ex2 grade-ex3 grade-ex3-counted grade-check grade handin
grade-ex1 grade-ex2 grade-ex3 grade-ex3-counted: grade-%: $(GBUILD)/%-server ## (for tools/grade) build one exercise's grading server
GRADE_CHECK_FILES := $(patsubst %,$(GBUILD)/plain/%.o,$(GRADE_C_FILES)) \
		     $(patsubst %,$(GBUILD)/plain/%.i,$(GRADE_C_FILES)) $(BBUILD)/libkernel.a
grade-check: $(GRADE_CHECK_FILES) ## (for tools/grade) compile the student's files alone

SUBMISSION ?= $(EXERCISES)## grade: the exercises to grade (GRADE_SEED=N repeats a run)
grade: ## grade your exercises (T=test filter, SUBMISSION=dir)
	$(Q)$(NEED) grade host
	$(Q)tools/grade --submission "$(SUBMISSION)" $(if $(T),--filter "$(T)")

handin: ## pack your committed exercises for hand-in
	$(Q)tools/handin

# teacher{
# The class template: no solutions, no teacher-only text (README, "学生包").
.PHONY: student-kit
student-kit: ## the class's repository, without solutions: build/student-kit/
	$(Q)$(NEED) tangle
	$(Q)tools/student-kit $(BUILD)/student-kit
# teacher}

# teacher{
.PHONY: autograder
autograder: ## a Gradescope autograder: build/autograder.zip
	$(Q)tools/autograder $(BUILD)/autograder.zip
# teacher}

# teacher{
# Pairs of hand-ins in CLASS (as for tools/grade-all) whose code is alike.
CLASS ?=## similarity: a folder of hand-ins
.PHONY: similarity
similarity: ## pairs of hand-ins in CLASS=DIR whose code is alike
	$(Q)test -n "$(CLASS)" || { echo "usage: make similarity CLASS=DIR [THRESHOLD=50]" >&2; exit 2; }
	$(Q)tools/similarity --submissions "$(CLASS)" --starter tangled/starter \
	  --out $(BUILD)/similarity $(if $(THRESHOLD),--threshold $(THRESHOLD))
# teacher}

# ---------------------------------------------------------------- measurement
# The benchmark (optimized, no sanitizers), the shape tests (step counts) and
# the libFuzzer harnesses of the appendix "测量与模糊测试".
BENCH_BIN := $(BBUILD)/bench
BENCH_SRCS := $(HLIB_SRCS) tangled/host/shim.c tangled/tests/bench/bench.c tangled/tests/host/physmem.c \
	      tangled/solutions/3-segment-tree/segtree_allocator.c
FUZZ_TIME ?= 60## fuzz: seconds per fuzzer
FUZZ_RUNS ?=## fuzz: inputs per fuzzer instead (a quick run: FUZZ_RUNS=2000)

# The benchmark asks callgrind to simulate only the measured calls.
$(BBUILD)/tests/bench/bench.c.o: | need-bench

$(BENCH_BIN): $(patsubst tangled/%,$(BBUILD)/%.o,$(BENCH_SRCS))
	$(Q)$(call msg,HOSTLD,$@) $(HCC) $(BCFLAGS) $(BLDFLAGS) $^ -o $@

SBUILD     := $(BUILD)/shape
SHAPE_BIN  := $(SBUILD)/run-shape
SHAPE_COUNTED := kernel/buddy.c kernel/stacked_allocator.c \
		 solutions/3-segment-tree/segtree_allocator.c

$(SBUILD)/counted/%.c.o: tangled/%.c Makefile
	$(call compile,HOSTCC,$(HCC) $(HCFLAGS) -fsanitize-coverage=trace-pc)

$(SHAPE_BIN): $(patsubst %,$(SBUILD)/counted/%.o,$(SHAPE_COUNTED)) \
	      $(HBUILD)/tests/shape/shape_test.c.o $(HBUILD)/tests/shape/steps.c.o \
	      $(HBUILD)/host/main.c.o $(HBUILD)/host/shim.c.o $(HLIB)
	$(Q)$(call msg,HOSTLD,$@) $(HCC) $(HCFLAGS) $^ -o $@

FBUILD    := $(BUILD)/fuzz
FCC       := clang
# The fuzzers keep the kernel's own heap size (8 MiB, kernel/heap.h), not the
# host tests' 128 MiB: the fuzzed code needs little heap, and LeakSanitizer
# reads every page of the heap's array when a fuzzer exits, which with 128 MiB
# was most of a short run's cost.
FCFLAGS   := -std=gnu11 -O1 -g $(WARNINGS) -Itangled \
	     -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LIB  := $(patsubst tangled/%,$(FBUILD)/obj/%.o,$(HLIB_SRCS) tangled/host/shim.c \
	     tangled/tests/host/allocator_model.c tangled/tests/host/physmem.c \
	     tangled/tests/host/pagetable_model.c \
	     tangled/solutions/3-segment-tree/segtree_allocator.c)
FUZZERS   := $(addprefix $(FBUILD)/fuzz-,buddy stacked segtree fdt pagetable)

$(FBUILD)/obj/%.c.o: tangled/%.c Makefile | need-fuzz
	$(call compile,CLANG,$(FCC) $(FCFLAGS))

$(FBUILD)/obj/fuzz-%.o: tangled/tests/fuzz/fuzz_allocator.c Makefile | need-fuzz
	$(call compile,CLANG,$(FCC) $(FCFLAGS) -DFUZZ_OPS=$*_allocator_ops,$*)

$(FBUILD)/fuzz-buddy: $(FBUILD)/obj/tests/fuzz/fuzz_buddy.c.o $(FUZZ_LIB)
$(FBUILD)/fuzz-fdt: $(FBUILD)/obj/tests/fuzz/fuzz_fdt.c.o $(FUZZ_LIB)
$(FBUILD)/fuzz-pagetable: $(FBUILD)/obj/tests/fuzz/fuzz_pagetable.c.o $(FUZZ_LIB)
$(FBUILD)/fuzz-stacked: $(FBUILD)/obj/fuzz-stacked.o $(FUZZ_LIB)
$(FBUILD)/fuzz-segtree: $(FBUILD)/obj/fuzz-segtree.o $(FUZZ_LIB)
$(FUZZERS):
	$(Q)$(call msg,CLANGLD,$@) $(FCC) $(FCFLAGS) -fsanitize=fuzzer $^ -o $@

.PHONY: bench bench-quick bench-record shape-test fuzz
bench: $(BENCH_BIN) ## measure the allocators (instructions, seconds) into build/bench/
	$(Q)$(NEED) bench book
	$(Q)tools/bench --binary $(BENCH_BIN) --out $(BUILD)/bench

bench-quick: $(BENCH_BIN) ## the same, fewer repetitions
	$(Q)$(NEED) bench book
	$(Q)tools/bench --binary $(BENCH_BIN) --out $(BUILD)/bench-quick --quick

bench-record: ## copy build/bench/ into figures/data/ (the book's numbers)
	$(Q)test -f $(BUILD)/bench/frames.csv || { echo "run make bench first" >&2; exit 1; }
	$(Q)mkdir -p figures/data
	$(Q)cp $(BUILD)/bench/buddy.csv $(BUILD)/bench/scaling.csv $(BUILD)/bench/frames.csv \
	  $(BUILD)/bench/pagetable.csv $(BUILD)/bench/values.tex figures/data/
	@echo "bench-record: copied the measurements of $(BUILD)/bench to figures/data/"

shape-test: $(SHAPE_BIN) ## the step counts grow as the book claims
	$(Q)$(call msg,RUN,$(SHAPE_BIN)) $(SHAPE_BIN)

# The memory-map tests write the device trees they build (variant-*.dtb)
# next to QEMU's: seeds for the fdt fuzzer.
fuzz: $(FUZZERS) $(DTBS) $(HTESTS) ## run each libFuzzer harness FUZZ_TIME seconds (or FUZZ_RUNS inputs)
	$(Q)DTB_DIR=$(BUILD)/dtb $(HTESTS) memmap_ >/dev/null
	$(Q)tools/fuzz $(if $(FUZZ_RUNS),--runs $(FUZZ_RUNS),--time $(FUZZ_TIME)) --dir $(FBUILD) \
	  --seeds tangled/tests/fuzz/seeds.txt \
	  --dtbs $(BUILD)/dtb

# ---------------------------------------------------------------- figures
# The figures that draw real data: the memory map of a real boot, and the
# allocators' states through the notes' example (appendix "插图是怎样画出来的").
FIGBUILD := $(BUILD)/figures
# The segment tree's figure draws the reference solution: only where it exists.
SOLUTIONS := $(wildcard tangled/solutions/3-segment-tree/segtree_allocator.c)
FIG_DATA := $(FIGBUILD)/memmap-data.tex $(FIGBUILD)/pagetable-data.tex \
	    $(FIGBUILD)/stacked-data.tex $(if $(SOLUTIONS),$(FIGBUILD)/segtree-data.tex)

$(FIGBUILD)/boot.log: $(KERNEL)
	$(Q)$(call msg,BOOT,$@) $(in_dir) timeout 120 $(QEMU) $(QEMU_OPTS) </dev/null >$@.tmp 2>&1
	$(Q)mv $@.tmp $@

$(FIGBUILD)/memmap-data.tex: $(FIGBUILD)/boot.log tools/figure-memmap
	$(Q)$(call msg,FIGDATA,$@) tools/figure-memmap $< $@

$(FIGBUILD)/pagetable-data.tex: $(FIGBUILD)/boot.log tools/figure-pagetable
	$(Q)$(call msg,FIGDATA,$@) tools/figure-pagetable $< $@

$(FIGBUILD)/figdata $(FIGBUILD)/segtree_figdata: $(FIGBUILD)/%: $(HBUILD)/tests/figures/%.c.o \
		$(HBUILD)/host/shim.c.o $(HLIB)
	$(Q)$(call msg,HOSTLD,$@) $(in_dir) $(HCC) $(HCFLAGS) $^ -o $@

$(FIGBUILD)/stacked-data.tex: $(FIGBUILD)/figdata
	$(Q)$(call msg,FIGDATA,$@) $< $@

$(FIGBUILD)/segtree-data.tex: $(FIGBUILD)/segtree_figdata
	$(Q)$(call msg,FIGDATA,$@) $< $@

.PHONY: figure-data
figure-data: $(FIG_DATA) ## the data the figures draw, from real runs

# ---------------------------------------------------------------- book
BOOK_DIR      := $(BUILD)/book-$(EDITION)
BOOK_PDF      := $(BUILD)/$(if $(filter teacher,$(EDITION)),book-teacher,book).pdf
BOOK_SOURCES  := $(if $(filter teacher,$(EDITION)),$(CHAPTERS),$(filter-out %-solutions.nw,$(CHAPTERS)))
# Each edition weaves its own copy of the chapters: tools/edition keeps or
# drops the text between %%teacher{ and %%teacher} (and %%student{ ... }).
# The PDF and the HTML edition may make these copies at the same time: each
# writes a temporary file of its own.
BOOK_CHAPTERS := $(patsubst chapters/%,$(BUILD)/edition-$(EDITION)/%,$(BOOK_SOURCES))

$(BUILD)/edition-$(EDITION)/%.nw: chapters/%.nw tools/edition
	$(Q)$(in_dir) tools/edition $(EDITION) $< >$@.$$$$.tmp; mv $@.$$$$.tmp $@

$(BOOK_DIR)/body.tex: $(BOOK_CHAPTERS) tools/nw-escape
	$(Q)$(call msg,WEAVE,$@) $(NEED) book
	$(Q)$(in_dir) noweave -n -t4 -filter tools/nw-escape -index \
	  $(BOOK_CHAPTERS) >$@.tmp && mv $@.tmp $@

$(BOOK_DIR)/edition.tex: Makefile
	$(Q)mkdir -p $(@D)
	$(Q){ echo '\teacher$(if $(filter teacher,$(EDITION)),true,false)'; \
	  echo '\renewcommand{\benchdata}{benchdata}'; \
	  echo '\input{benchdata/values.tex}'; } >$@

$(BOOK_PDF): $(BOOK_DIR)/body.tex $(BOOK_DIR)/edition.tex $(FIG_DATA) \
	     $(wildcard book/* figures/*.tex figures/data/*)
	$(Q)$(call msg,XELATEX,$@) cp book/book.tex $(BOOK_DIR)/book.tex
	$(Q)rm -rf $(BOOK_DIR)/benchdata && cp -r figures/data $(BOOK_DIR)/benchdata
	$(Q)cd $(BOOK_DIR) && TEXINPUTS="$$LITOS_ROOT/book:$$LITOS_ROOT/figures:$$LITOS_ROOT/$(FIGBUILD):" latexmk -xelatex -e '$$max_repeat=9' -interaction=nonstopmode \
	  -halt-on-error -file-line-error book.tex >latexmk.log 2>&1 || \
	  { grep -A3 -E '^(.*:[0-9]+:|!)' book.log | head -n 30 >&2; \
	    echo "XeLaTeX failed; full log: $(BOOK_DIR)/book.log" >&2; exit 1; }
	$(Q)cp $(BOOK_DIR)/book.pdf $@

# The text of an edition, for the checks that search it.
$(BOOK_PDF:.pdf=.txt): $(BOOK_PDF)
	$(Q)pdftotext $< $@.tmp && mv $@.tmp $@

.PHONY: pdf
pdf: $(BOOK_PDF) ## the book (EDITION=teacher adds the solutions)

# ---------------------------------------------------------------- html
# The HTML edition: one page per chapter from the same chapters, figures as SVG.
HTML_DIR     := $(BUILD)/html$(if $(filter teacher,$(EDITION)),-teacher)
FIGURE_NAMES := $(filter-out segtree,$(basename $(notdir $(wildcard figures/*.tex))))
SVG_NAMES    := $(FIGURE_NAMES) $(if $(SOLUTIONS),segtree-allocated segtree-freed)
HTML_FIGS    := $(patsubst %,$(HTML_DIR)/figures/%.svg,$(SVG_NAMES))

# The figures are the same in both editions: drawn once, all in one XeLaTeX
# run (loading the Chinese fonts costs more than a figure), copied into each.
SVG_DIR := $(BUILD)/svg
SVGS    := $(patsubst %,$(SVG_DIR)/%.svg,$(SVG_NAMES))

$(SVGS) &: $(wildcard figures/*.tex) $(FIG_DATA) $(wildcard figures/data/*) tools/figure-svg
	$(Q)$(call msg,SVG,$(SVG_DIR)) $(NEED) book
	$(Q)mkdir -p $(SVG_DIR) && FIGURE_DATA="$$LITOS_ROOT/$(FIGBUILD)" tools/figure-svg $(SVG_DIR) $(SVG_NAMES)

$(HTML_DIR)/figures/%.svg: $(SVG_DIR)/%.svg
	$(Q)$(in_dir) cp $< $@
.PRECIOUS: $(SVGS)

$(HTML_DIR)/index.html: $(BOOK_CHAPTERS) tools/nw2html book/html.css $(wildcard figures/data/*)
	$(Q)$(call msg,HTML,$(HTML_DIR)) $(NEED) html
	$(Q)tools/nw2html --out $(HTML_DIR) --values figures/data/values.tex $(BOOK_CHAPTERS) >/dev/null
	$(Q)cp book/html.css $(HTML_DIR)/style.css

.PHONY: html check-html
html: $(HTML_DIR)/index.html $(HTML_FIGS) ## the HTML edition, one page per chapter

check-html: html ## open the HTML edition in a headless browser
	$(Q)$(NEED) browser
	$(Q)tools/check-html $(HTML_DIR)

# ---------------------------------------------------------------- checks
.PHONY: all test test-build deps clean help
all: kernel pdf ## (default) tangle, build the kernel, weave the PDF

test: ## every check, in parallel (CHECKS, TEST_JOBS); ends with "N passed, N failed"
	$(Q)tools/test

test-build: kernel host-lib $(HTESTS) $(DTBS) figure-data ## (for tools/test) what several checks share

deps: ## install every Debian package the project needs
	$(Q)$(NEED) --all

clean: ## remove $(BUILD)/
	rm -rf $(BUILD)

help: ## this list
	@echo "usage: make [TARGET] [KNOB=value ...]"
	@echo "targets:"
	@awk '/^[a-z][-a-z0-9 %]*:.*## / { i = index($$0, " ## "); \
	  printf "  %-20s %s\n", substr($$0, 1, index($$0, ":") - 1), substr($$0, i + 4) }' \
	  $(MAKEFILE_LIST) | sed 's/\$$(BUILD)/$(BUILD)/'
	@echo "knobs:"
	@awk '/^[A-Z_]+ +\?=.*##/ { i = index($$0, "##"); split(substr($$0, 1, i - 1), kv, "?="); \
	  gsub(/ /, "", kv[1]); gsub(/ /, "", kv[2]); d = substr($$0, i + 2); sub(/^ +/, "", d); \
	  printf "  %-20s %s\n", kv[1] "=" kv[2], d }' Makefile | sed 's|\$$(EXERCISES)|$(EXERCISES)|'
	@echo "  PLANT values:        $(PLANTS)"
