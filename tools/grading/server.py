"""Talk to a grading server (appendix "评分程序"): send requests in batches,
read one answer per request.  The server runs in the sandbox; its stderr
(the student's kprintf, sanitizer reports) is kept, at most 1 MiB, for the
report.  Any trouble (a crash, a timeout, a protocol error) raises ServerDied
with a readable reason."""
import os
import re
import select
import threading
import time

from .sandbox import CappedReader, kill

REASON_LINES = 25
LINE_WIDTH = 160
WATCH_SECONDS = 0.2
READ_SIZE = 65536


def readable(text):
    """Paths as the student knows them, not as the sandbox names them."""
    return text.replace("/g/src/", "").replace("/g/build/", "build/")


def tail(text, lines=REASON_LINES, width=LINE_WIDTH):
    kept = readable(text).rstrip().splitlines()[-lines:]
    return "\n".join(l if len(l) <= width else l[:width] + " [...]" for l in kept)


def sanitizer_report(output):
    """The start of a sanitizer's report: its first lines say what went wrong
    and where; its last lines are a memory map nobody can act on."""
    for pattern in (r"hard rss limit exhausted", r"ERROR: AddressSanitizer", r"runtime error:"):
        m = re.search(pattern, output)
        if m:
            start = output.rfind("\n", 0, m.start()) + 1
            return readable("\n".join(output[start:].splitlines()[:REASON_LINES]))
    return None


class ServerDied(Exception):
    pass


class Server:
    """answer_seconds, if given, limits each wait for the server's output: a
    server stuck in one request is stopped long before the whole run's limit."""

    def __init__(self, sandbox, argv, limits, what, answer_seconds=None):
        self.what, self.limits, self.answer_seconds = what, limits, answer_seconds
        self.proc = sandbox.popen(argv, limits)
        self.errors = CappedReader(self.proc.stderr, limits.output,
                                   on_overflow=lambda: self._stop("output"))
        self.deadline = time.monotonic() + limits.seconds
        self.waiting_since = None
        self.pending = b""
        self.stopped_because = None
        self.closed = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self):
        while not self.closed.wait(WATCH_SECONDS):
            now, since = time.monotonic(), self.waiting_since
            if now >= self.deadline:
                self._stop("timeout")
            elif self.answer_seconds and since is not None and now - since > self.answer_seconds:
                self._stop("silent")

    def _stop(self, why):
        self.stopped_because = self.stopped_because or why
        kill(self.proc)

    def diagnostics(self):
        text = self.errors.text()
        return sanitizer_report(text) or tail(text)

    def _died(self, why):
        self.close()
        status = self.proc.returncode
        if self.stopped_because == "timeout":
            why = f"{self.what} did not finish within {self.limits.seconds:.0f} s (an endless loop?)"
        elif self.stopped_because == "silent":
            why = (f"{self.what} did not answer one request within {self.answer_seconds:.0f} s "
                   "(an endless loop?)")
        elif self.stopped_because == "output" or self.errors.overflow:
            why = f"{self.what} printed more than 1 MiB"
        elif status == -9:
            why += ("; killed by SIGKILL from outside (the machine ran out of memory, or "
                    "someone stopped it): this is not your code's fault, run make grade again")
        elif status is not None and status < 0:
            why += f"; killed by signal {-status}"
        elif status:
            why += f"; exit status {status}"
        out = self.diagnostics()
        raise ServerDied(why + ("\nits last output:\n" + out if out else ""))

    def send(self, requests):
        """Write requests; return the thread that writes them, or None.  The
        server has read every request before these, so a write that fits in
        the smallest buffer a pipe has cannot wait: it is done here.  A larger
        one is written by a thread while the answers are read (otherwise both
        sides could wait for each other).  A thread for each of the thousands
        of small requests of a grading cost the grader a sixth of its CPU time."""
        data = ("\n".join(requests) + "\n").encode()
        if len(data) <= select.PIPE_BUF:
            self.waiting_since = time.monotonic()
            self._write(data)
            self.waiting_since = None
            return None
        writer = threading.Thread(target=self._write, args=(data,), daemon=True)
        writer.start()
        return writer

    def reply(self, line):
        """Answer a question of the server.  It is waiting for this line and
        not writing, so a short line is written here, without a thread."""
        self._write((line + "\n").encode())

    def _write(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass

    def _fill(self):
        """Append what the server has written so far (at least one byte) to
        the unfinished line in self.pending."""
        if len(self.pending) > READ_SIZE:
            self._died(f"{self.what} sent a line longer than the protocol allows")
        self.waiting_since = time.monotonic()
        chunk = self.proc.stdout.read1(READ_SIZE)
        self.waiting_since = None
        if not chunk:
            self._died(f"{self.what} stopped answering")
        if self.errors.overflow:
            self._died("")
        self.pending += chunk

    def read_line(self):
        while b"\n" not in self.pending:
            self._fill()
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode(errors="replace")

    def batch(self, requests):
        """Send requests and a final '.', return the answers, one per request.
        The answers arrive in large pieces, split here: a line at a time
        would cost more than the server's own work."""
        writer = self.send(list(requests) + ["."])
        answers = []
        while True:
            lines = self.pending.split(b"\n")
            self.pending = lines.pop()
            if b"." in lines:
                end = lines.index(b".")
                answers += decode_lines(lines[:end])
                self.pending = b"\n".join(lines[end + 1:] + [self.pending])
                break
            answers += decode_lines(lines)
            if len(answers) > len(requests):
                self._died(f"{self.what} gave more answers than the {len(requests)} requests")
            self._fill()
        if writer:
            writer.join()
        if len(answers) != len(requests):
            self._died(f"{self.what} gave {len(answers)} answers to {len(requests)} requests")
        return answers

    def call(self, request):
        return self.batch([request])[0]

    def close(self):
        try:
            self.proc.stdin.close()
        except (OSError, ValueError):
            pass
        try:
            self.proc.wait(timeout=max(1.0, self.deadline - time.monotonic()))
        except Exception:
            kill(self.proc)
            self.proc.wait()
        self.closed.set()
        self.errors.join(5)


def decode_lines(lines):
    """Lines of bytes as lines of text, decoded all at once: no byte of a
    UTF-8 sequence is a newline, so a bad byte cannot swallow one."""
    return b"\n".join(lines).decode(errors="replace").split("\n") if lines else []


def parse(answer):
    """'+', '+ N', '-', 'x', '! message' -> (kind, number or text)."""
    if answer == "+":
        return "+", None
    if answer.startswith("+ ") and answer[2:].isdigit():
        return "+", int(answer[2:])
    if answer == "-":
        return "-", None
    if answer == "x":
        return "x", None
    if answer.startswith("!"):
        return "!", answer[1:].strip()
    return "?", answer


def callgrind_costs(path, prefix="grade_counted_"):
    """Instructions executed inside each counting window: the self cost and
    the inclusive cost of the calls of every function whose name starts with
    prefix, as written by callgrind with --compress-strings=no."""
    costs, current = {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("fn="):
                name = line[3:].strip()
                current = name if name.startswith(prefix) else None
            elif current and line[:1].isdigit():
                fields = line.split()
                if len(fields) >= 2 and fields[1].isdigit():
                    costs[current] = costs.get(current, 0) + int(fields[1])
    return costs
