"""Watch a kernel under QEMU through QEMU's own monitor (QMP), on one end of
a socket pair whose other end QEMU inherits: nothing in the sandbox can
reach it, and QEMU is trusted.

The kernel runs on one hart with interrupts off while it holds a spinlock,
so a hart that spins in spin_lock waits for a lock that nothing can release.
SpinWatch samples the hart's pc; seen in spin_lock SAMPLES times in a row,
the kernel has deadlocked, and the grader need not wait for the idle limit.
"""
import json
import os
import re
import socket
import time

SAMPLES = 5  # the pc in spin_lock this many times in a row: a deadlock
PERIOD = 0.2  # seconds between two samples
ANSWER_SECONDS = 1  # for QEMU to answer one sample
MAX_ANSWER = 64 * 1024  # bytes of one answer; `info registers` is about 2 KiB
PC = re.compile(r"^\s*pc\s+([0-9a-f]+)\s*$", re.M)


class SpinWatch:
    def __init__(self, span):
        """span: spin_lock's addresses [start, end), or None to watch nothing."""
        self.span = span
        self.sock, theirs = socket.socketpair()
        self.qemu_fd = theirs.detach()
        self.qemu_args = ["-chardev", f"socket,id=qmp,fd={self.qemu_fd}",
                          "-mon", "chardev=qmp,mode=control"]
        self.ready, self.pending, self.spinning, self.next_sample = False, b"", 0, 0.0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __call__(self):
        """True once the hart has been seen spinning SAMPLES times in a row.
        Called first when QEMU has started: its end of the pair is QEMU's now."""
        self.hand_over()
        now = time.monotonic()
        if not self.span or not self.sock or now < self.next_sample:
            return False
        self.next_sample = now + PERIOD
        pc = self.pc()
        inside = pc is not None and self.span[0] <= pc < self.span[1]
        self.spinning = self.spinning + 1 if inside else 0
        return self.spinning >= SAMPLES

    def hand_over(self):
        if self.qemu_fd is not None:
            os.close(self.qemu_fd)
            self.qemu_fd = None

    def pc(self):
        deadline = time.monotonic() + ANSWER_SECONDS
        try:
            if not self.ready:
                self.reply(deadline)
                self.command("qmp_capabilities", {}, deadline)
                self.ready = True
            registers = self.command("human-monitor-command",
                                     {"command-line": "info registers"}, deadline)
            m = PC.search(registers) if isinstance(registers, str) else None
            return int(m.group(1), 16) if m else None
        except (OSError, ValueError, TypeError, KeyError):
            self.close()
            return None

    def command(self, name, arguments, deadline):
        self.sock.sendall(json.dumps({"execute": name, "arguments": arguments}).encode() + b"\n")
        return self.reply(deadline)["return"]

    def reply(self, deadline):
        """The next message that is not an event."""
        while True:
            while b"\n" not in self.pending:
                left = deadline - time.monotonic()
                if left <= 0 or len(self.pending) > MAX_ANSWER:
                    raise OSError("QEMU's monitor did not answer")
                self.sock.settimeout(left)
                data = self.sock.recv(65536)
                if not data:
                    raise OSError("QEMU closed its monitor")
                self.pending += data
            line, self.pending = self.pending.split(b"\n", 1)
            message = json.loads(line)
            if "event" not in message:
                return message

    def close(self):
        self.hand_over()
        if self.sock:
            self.sock.close()
        self.sock = None
