"""Run a parser that a hostile file can make explode in a child process with a time and memory limit.

A bad DOCX, XLSX or PDF can make python-docx, openpyxl or pypdf take minutes and gigabytes. In
the web app's own process that freezes every request (the event loop, or the GIL of the thread
pool) and may get the whole app killed. `run_limited(fn, *args, limits=…)` forks a child, caps
its address space (RLIMIT_AS: what it has at the fork plus `memory_mb`) and CPU time, runs
`fn(*args)` there and brings back its return value or its exception; past `time_s` of wall
clock the child is killed. The caller waits on a pipe, so run it from a worker thread
(`run_in_threadpool`) or a job, never on the event loop.

Why fork and not spawn: the child needs the parser modules the parent already imported; a
spawned interpreter would import them again on every file (about a second). The child runs
one pure function and leaves with os._exit, so it never touches the parent's event loop,
database connections or open files.

External tools (Tesseract, pdftoppm, LibreOffice) run through `run_tool(args, limits)`: the same
limits set on the tool's own process before it starts (RLIMIT_AS of `memory_mb`, RLIMIT_CPU),
with the wall clock as its timeout; a tool that reports it ran out of memory, or dies of a signal
under those limits, raises LimitExceeded like a parser in the child.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import subprocess
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Literal, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    time_s: float = 120.0
    memory_mb: int = 1024


class LimitExceeded(RuntimeError):
    """The child ran out of time or memory, or died; `reason` says which (English, for logs)."""

    def __init__(self, reason: Literal["timeout", "memory", "crashed"], detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def _address_space() -> int:
    """This process's virtual size in bytes (VmSize): the base the memory budget adds to."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(conn: Connection, fn: Callable[..., object], args: tuple[object, ...], limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    budget = _address_space() + limits.memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (budget if hard == resource.RLIM_INFINITY else min(budget, hard), hard))
    cpu = int(limits.time_s) + 5  # a backstop: the parent's wall clock normally ends it first
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    try:
        message: tuple[str, object] = ("ok", fn(*args))
    except MemoryError:
        message = ("memory", "")
    except BaseException as exc:  # sent back and raised again in the parent
        message = ("error", exc)
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("memory", ""))
    except Exception as exc:  # the exception (or the value) does not pickle: send its text
        failed = message[1] if isinstance(message[1], BaseException) else exc
        conn.send(("error", RuntimeError("".join(traceback.format_exception_only(failed)).strip())))
    finally:
        conn.close()


def run_limited(fn: Callable[..., T], *args: object, limits: Limits) -> T:
    """`fn(*args)` in a child under `limits`; its exceptions are raised here, LimitExceeded for the
    limits. The result and exceptions travel back by pickle (plain values)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    proc = context.Process(target=_child, args=(sender, fn, args, limits), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(limits.time_s):
            raise LimitExceeded("timeout", f"{limits.time_s:g} s")
        try:
            kind, value = receiver.recv()
        except (EOFError, OSError) as exc:  # killed (the kernel's OOM killer, RLIMIT_CPU) before answering
            proc.join(5)
            raise LimitExceeded("crashed", f"exit code {proc.exitcode}") from exc
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        proc.close()
    if kind == "memory":
        raise LimitExceeded("memory", f"{limits.memory_mb} MB")
    if kind == "error":
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[no-any-return, unused-ignore]


# What the tools print when an allocation fails under RLIMIT_AS (poppler: "Out of memory" or "Bogus
# memory allocation size"; Leptonica: "pixdata_malloc fail"; libpng: "Out of memory"; C++:
# std::bad_alloc). Several of them still exit 0 with an empty page, so stderr decides, not the code.
_OUT_OF_MEMORY = ("out of memory", "malloc fail", "bad_alloc", "cannot allocate memory", "memory allocation")


def _tool_limiter(limits: Limits) -> Callable[[], None]:
    def apply() -> None:  # runs in the forked child before exec: only setrlimit calls, nothing that locks
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        budget = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (budget if hard == resource.RLIM_INFINITY else min(budget, hard), hard))
        cpu = int(limits.time_s) + 5
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    return apply


def run_tool(args: list[str], limits: Limits) -> subprocess.CompletedProcess[bytes]:
    """An external tool under `limits`: its address space capped at `memory_mb` (a fresh process,
    so the cap is absolute), CPU time and wall clock at `time_s`. LimitExceeded when a limit is
    hit; otherwise the finished process (stdout, stderr as bytes; the caller judges the exit code)."""
    # One OpenMP thread and two malloc arenas: each thread reserves a stack and an arena of
    # address space, so without these the same page would pass or fail with the core count.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "MALLOC_ARENA_MAX": "2"}
    try:
        done = subprocess.run(args, capture_output=True, timeout=limits.time_s, env=env,
                              preexec_fn=_tool_limiter(limits))
    except subprocess.TimeoutExpired:
        raise LimitExceeded("timeout", f"{Path(args[0]).name}: {limits.time_s:g} s") from None
    stderr = done.stderr.decode(errors="replace")
    if done.returncode == -signal.SIGXCPU:
        raise LimitExceeded("timeout", f"{Path(args[0]).name}: CPU {limits.time_s:g} s")
    if any(marker in stderr.lower() for marker in _OUT_OF_MEMORY):
        raise LimitExceeded("memory", f"{Path(args[0]).name}: {limits.memory_mb} MB")
    if done.returncode < 0:  # killed: SIGSEGV/SIGABRT from a failed allocation, or the OOM killer
        raise LimitExceeded("crashed", f"{Path(args[0]).name}: signal {-done.returncode}")
    return done
