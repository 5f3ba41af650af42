"""The grader's models.  AllocatorModel is the contract of the allocator
interface (chapter "页帧" of the book); StackedModel is the chapter's stacked
allocator, line for line, used to answer the requests of exercise 2's
workload and to count its list."""


class Mismatch(Exception):
    pass


class AllocatorModel:
    def __init__(self, capacity):
        self.capacity = capacity
        self.used = bytearray(capacity)
        self.in_use = 0

    def has_run(self, count):
        return 0 < count <= self.capacity and self.used.find(bytes(count)) >= 0

    def run_is(self, first, count, value):
        if first >= self.capacity or count == 0 or count > self.capacity - first:
            return False
        return self.used.count(value, first, first + count) == count

    def mark(self, first, count, value):
        self.used[first:first + count] = bytes([value]) * count
        self.in_use += count if value else -count

    def check(self, request, answer):
        """Apply one request and its answer from the server; raise Mismatch
        when the answer breaks the contract."""
        verb, args = request[0], [int(a) for a in request[1:].split()]
        kind, value = answer
        if kind == "x":
            raise Mismatch("the allocator table has no such operation (a NULL pointer)")
        if kind not in "+-":
            raise Mismatch(f"unexpected answer {value!r}")
        ok = kind == "+"
        if verb == "a":
            self.expect(ok, self.in_use < self.capacity, "alloc()")
            if ok:
                self.expect_free_run(value, 1, "alloc()")
        elif verb == "d":
            i = args[0]
            self.expect(ok, self.run_is(i, 1, 1), f"dealloc({i})")
            if ok:
                self.mark(i, 1, 0)
        elif verb == "A":
            k = args[0]
            self.expect(ok, self.has_run(k), f"alloc_contiguous({k})")
            if ok:
                self.expect_free_run(value, k, f"alloc_contiguous({k})")
        elif verb == "D":
            f, k = args
            self.expect(ok, self.run_is(f, k, 1), f"dealloc_contiguous({f}, {k})")
            if ok:
                self.mark(f, k, 0)
        return ok, value

    def expect(self, ok, should, what):
        if ok != should:
            state = f"{self.in_use} of {self.capacity} in use"
            if should:
                raise Mismatch(f"{what} was refused, but it must succeed ({state})")
            raise Mismatch(f"{what} succeeded, but it must be refused ({state})")

    def expect_free_run(self, first, count, what):
        if first is None or not self.run_is(first, count, 0):
            where = "no index" if first is None else f"{first}"
            raise Mismatch(f"{what} gave {where}, which is not a free run of {count} "
                           f"in a capacity of {self.capacity}")
        self.mark(first, count, 1)


class StackedModel:
    """Chapter 4's stacked allocator: pop the top range, take its first index,
    push the rest back; a free pushes a range of one index; double and
    out-of-range frees are refused."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.ranges = [(0, capacity)] if capacity else []
        self.allocated = bytearray(capacity)
        self.peak = len(self.ranges)
        self.calls = 0
        self.calls_to_peak = 0

    def alloc(self):
        self.calls += 1
        if not self.ranges:
            return None
        start, end = self.ranges.pop()
        if end - start > 1:
            self.ranges.append((start + 1, end))
        self.allocated[start] = 1
        return start

    def dealloc(self, index):
        self.calls += 1
        if index >= self.capacity or not self.allocated[index]:
            return False
        self.allocated[index] = 0
        self.ranges.append((index, index + 1))
        if len(self.ranges) > self.peak:
            self.peak, self.calls_to_peak = len(self.ranges), self.calls
        return True
