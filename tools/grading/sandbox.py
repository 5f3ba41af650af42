"""Run a command of a submission inside a sandbox, with limits.

Three strengths, the strongest that works here: "bwrap" (bubblewrap: own user,
mount, PID, network and IPC namespaces, read-only system, the grading sources
read-only, one writable build directory, private /tmp and $HOME); "uid" (no
bubblewrap but root: an unprivileged uid, its own session); "none" (neither:
only the limits and the process group).  Every mode applies the same
resource limits and kills the whole process tree on a timeout.
GRADE_SANDBOX=uid or none forces a weaker mode, to test the fallback.
"""
import ctypes
import os
import shutil
import signal
import subprocess
import threading
import time

SRC, BUILD = "/g/src", "/g/build"
SYSTEM_DIRS = ("/usr",)
SYSTEM_FILES = ("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
                "/etc/ld.so.conf.d", "/etc/passwd", "/etc/group")
MERGED_USR_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
OUTPUT_LIMIT = 1024 * 1024
MiB = 1024 * 1024
# The whole environment of a sandboxed command (set by the grader's own
# process start, so no `env` process is started for it).  The wrappers are
# found on the grader's PATH, before the environment changes.
ENVIRONMENT = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TMPDIR": "/tmp"}
BWRAP = shutil.which("bwrap")
SETPRIV = shutil.which("setpriv") or "setpriv"
PRLIMIT = shutil.which("prlimit")
PR_SET_CHILD_SUBREAPER = 36
REAP_SECONDS = 5
# The commands started with Sandbox.popen that may still run (servers):
# reap_orphans leaves them alone.
RUNNING = []


class Limits:
    def __init__(self, seconds, memory_mb=None, processes=64, file_mb=256, output=OUTPUT_LIMIT):
        self.seconds, self.memory_mb, self.processes = seconds, memory_mb, processes
        self.file_mb, self.output = file_mb, output


class Sandbox:
    def __init__(self, src, build, uid=65534):
        if not PRLIMIT:
            raise RuntimeError("the sandbox needs prlimit (Debian's util-linux) to set its limits")
        self.src, self.build, self.uid = os.path.abspath(src), os.path.abspath(build), uid
        self.root = os.geteuid() == 0
        os.makedirs(self.build, exist_ok=True)
        if self.root:
            os.chown(self.build, uid, uid)
        self.subreaper = become_subreaper()
        self.mode = self._probe()

    # ------------------------------------------------------------ setup
    def _probe(self):
        forced = os.environ.get("GRADE_SANDBOX")
        if forced in ("uid", "none"):
            return forced if forced == "none" or self.root else "none"
        if BWRAP:
            try:
                done = subprocess.run(self._limits(Limits(30)) + self._wrap(["true"], "bwrap"),
                                      stdin=subprocess.DEVNULL, env=ENVIRONMENT,
                                      capture_output=True, timeout=30)
                if done.returncode == 0:
                    return "bwrap"
            except (OSError, subprocess.SubprocessError):
                pass
        return "uid" if self.root else "none"

    def describe(self):
        note = "" if self.subreaper else (
            " (the grader could not become a child subreaper: what a step leaves behind may "
            "count against the next step's process limit)")
        return {
            "bwrap": "sandbox: bubblewrap (own namespaces, read-only system, no network)",
            "uid": "sandbox: bubblewrap could not start here; the strongest isolation available "
                   f"is used instead: uid {self.uid}, own session, resource limits",
            "none": "sandbox: bubblewrap could not start and the grader is not root; "
                    "submitted code runs as this user with resource limits only",
        }[self.mode] + note

    def path(self, which):
        """A path as the sandboxed command sees it."""
        if self.mode == "bwrap":
            return SRC if which == "src" else BUILD
        return self.src if which == "src" else self.build

    def _wrap(self, argv, mode):
        drop = []
        if self.root:
            drop = [SETPRIV, f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                    "--inh-caps=-all", "--"]
        if mode != "bwrap":
            return drop + argv
        cmd = [BWRAP, "--unshare-all", "--die-with-parent", "--new-session",
               "--cap-drop", "ALL", "--hostname", "sandbox"]
        for d in SYSTEM_DIRS:
            cmd += ["--ro-bind", d, d]
        for name in MERGED_USR_LINKS:
            if os.path.islink("/" + name):
                cmd += ["--symlink", os.readlink("/" + name), "/" + name]
        for f in SYSTEM_FILES:
            if os.path.exists(f):
                cmd += ["--ro-bind", f, f]
        cmd += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--ro-bind", self.src, SRC, "--bind", self.build, BUILD, "--chdir", BUILD]
        return drop + cmd + ["--"] + argv

    def _limits(self, limits):
        """The command that sets the limits and then starts the sandbox, so
        that every process in it inherits them.  (Setting them in Python's
        preexec_fn would do the same, but it makes Python fork the whole
        grader instead of using vfork: starting the process took 15 ms
        instead of 3 on the book's machine.)"""
        cpu = int(limits.seconds) + 1
        nproc = limits.processes
        if not self.root:
            nproc += len([p for p in os.listdir("/proc") if p.isdigit()])
        fsize = limits.file_mb * MiB
        cmd = [PRLIMIT, f"--cpu={cpu}:{cpu + 5}", "--core=0:0", f"--fsize={fsize}:{fsize}",
               "--nofile=256:256", f"--nproc={nproc}:{nproc}"]
        if limits.memory_mb:
            size = limits.memory_mb * MiB
            cmd.append(f"--as={size}:{size}")
        return cmd + ["--"]

    def cleanup(self):
        """Kill whatever still runs as the sandbox's user (only possible, and
        only needed, when the sandbox has no PID namespace of its own)."""
        self.reap_orphans()
        if not self.root or self.uid == 0:
            return
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if os.stat(f"/proc/{pid}").st_uid == self.uid:
                    os.kill(int(pid), signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass

    # ------------------------------------------------------------ running
    def cwd(self):
        """Where commands start: the build directory in the sandbox, the
        sources outside it (where make's relative ../build resolves)."""
        return None if self.mode == "bwrap" else self.src

    def _start(self, argv, limits, **streams):
        """Start argv in the sandbox, in a session of its own, under limits;
        first reap what the steps before left behind."""
        self.reap_orphans()
        return subprocess.Popen(self._limits(limits) + self._wrap(argv, self.mode), env=ENVIRONMENT,
                                cwd=self.cwd(), start_new_session=True, **streams)

    def popen(self, argv, limits, stdin=subprocess.PIPE):
        proc = self._start(argv, limits, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        RUNNING.append(proc)
        return proc

    def reap_orphans(self):
        """Kill and reap the processes this process adopted: what a finished
        sandbox left behind.  bubblewrap's outer process may exit before the
        first process of the sandbox does, and a zombie counts against the
        sandbox user's process limit until somebody reaps it.  As a child
        subreaper the grader does that itself, at once, instead of leaving it
        to the machine's first process (which may take seconds, or never)."""
        RUNNING[:] = [p for p in RUNNING if p.poll() is None]
        skip = {p.pid for p in RUNNING}
        deadline = time.monotonic() + REAP_SECONDS
        while time.monotonic() < deadline:
            orphans = [pid for pid in children_of(os.getpid()) if pid not in skip]
            if not orphans:
                return
            for pid in orphans:
                try:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                except (ProcessLookupError, ChildProcessError, PermissionError):
                    skip.add(pid)

    def run(self, argv, limits, idle=None, stuck=None, pass_fds=()):
        """Run argv to its end; return (status, output, why).  output is
        stdout and stderr together, at most limits.output bytes; why is None,
        "timeout", "idle" (no output for idle seconds), "output" or "stuck"
        (stuck(), asked a few times a second, said so).  pass_fds are
        inherited by the command.  When it returns, nothing that the command
        started is left."""
        proc = self._start(argv, limits, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, pass_fds=pass_fds)
        reader = CappedReader(proc.stdout, limits.output)
        deadline = time.monotonic() + limits.seconds
        why = None
        try:
            while reader.is_alive():
                reader.join(0.2)
                now = time.monotonic()
                if now >= deadline:
                    why = "timeout"
                elif idle and now - reader.last_data >= idle:
                    why = "idle"
                elif reader.overflow:
                    why = "output"
                elif stuck and stuck():
                    why = "stuck"
                if why:
                    break
        finally:
            if why or reader.is_alive():
                kill(proc)
        reader.join()
        status = proc.wait()
        self.reap_orphans()
        return status, reader.text(), why


class CappedReader(threading.Thread):
    """Read a stream to its end in the background, keeping at most cap bytes;
    call on_overflow once when the stream passes the cap."""

    def __init__(self, stream, cap, on_overflow=None):
        super().__init__(daemon=True)
        self.stream, self.cap, self.on_overflow = stream, cap, on_overflow
        self.chunks, self.size, self.overflow = [], 0, False
        self.last_data = time.monotonic()
        self.start()

    def run(self):
        while True:
            data = self.stream.read1(65536) if hasattr(self.stream, "read1") else self.stream.read(65536)
            if not data:
                break
            self.last_data = time.monotonic()
            if self.size < self.cap:
                self.chunks.append(data[:self.cap - self.size])
            self.size += len(data)
            if self.size > self.cap and not self.overflow:
                self.overflow = True
                if self.on_overflow:
                    self.on_overflow()

    def text(self):
        return b"".join(self.chunks).decode(errors="replace").replace("\r", "")


def become_subreaper():
    """Orphans of this process's descendants become its children, not the
    machine's first process's (Linux only).  Whether that worked."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def children_of(parent):
    """The pids whose parent is parent (a scan of /proc)."""
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1 and int(fields[1]) == parent:
            pids.append(int(name))
    return pids


def kill(proc):
    """Kill the sandbox and everything in it.  Under bubblewrap the PID
    namespace dies with its first process; otherwise the session is killed."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.kill()
    except ProcessLookupError:
        pass
