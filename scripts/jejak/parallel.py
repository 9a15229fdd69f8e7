"""Work spread over forked processes that inherit the parent's state.

A process pool pickles each job's inputs; a site build's inputs are the whole archive
and, for the theme, MkDocs' navigation and Jinja environment. A fork hands every
worker all of it for free (copy-on-write), so the work is split into shares: the
parent does the first, one forked child each of the others, and the children send
back a picklable result and the log records they made. Where fork is unavailable or
unsafe (Windows, macOS) or there is one core, everything runs here, in order.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 8


def worker_count(cap: int = MAX_WORKERS) -> int:
    """Processes to use: $JEJAK_WORKERS when set, else the cores this process may run on."""
    configured = os.environ.get("JEJAK_WORKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return min(int(configured), cap)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, cap))


def workers_for(items: int, threshold: int) -> int:
    """Processes for a job of `items`: one below `threshold` (a fork would cost more than
    it saves), else every core; $JEJAK_WORKERS, when set, holds at any size."""
    if os.environ.get("JEJAK_WORKERS", "").strip().isdigit():
        return worker_count()
    return worker_count() if items >= threshold else 1


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith(("linux", "freebsd", "openbsd",
                                                            "netbsd"))


class WorkerFailed(RuntimeError):
    """A forked worker died without reporting (killed, out of memory)."""


def split(items: Sequence[T], work: Callable[[Sequence[T]], R], workers: int,
          progress: str | None = None) -> list[R]:
    """`work` over `workers` interleaved shares of `items`; results in share order.

    An exception in any share is raised here once every child has been reaped. With
    `progress` (a key of jejak.progress.LABELS) the parent's share is handed to `work` as
    an iterator that moves a bar for every share, so `work` must only iterate it."""
    if workers < 2 or len(items) < 2 or not can_fork():
        return [work(_tracked(items, 1, progress))]
    shares = [items[i::workers] for i in range(workers)]
    children: list[tuple[int, int]] = []
    with _frozen():
        try:
            for share in shares[1:]:
                children.append(_start(share, work))
            mine = work(_tracked(shares[0], workers, progress))
        except BaseException:
            for pid, fd in children:
                _stop(pid, fd)
            raise
        results: list[R] = [mine]
        failure: BaseException | None = None
        for pid, fd in children:
            try:
                results.append(_collect(pid, fd))
            except BaseException as exc:  # noqa: BLE001 - reap every child before raising
                failure = failure or exc
    if failure is not None:
        raise failure
    return results


def _tracked(share: Sequence[T], workers: int, progress: str | None):
    """The parent's share, moving a bar as if all shares went at its pace."""
    if progress is None:
        return share
    from jejak.progress import track

    return track(share, len(share) * workers, progress, step=workers)


class _frozen:
    """The garbage collector leaves the objects that exist at a fork alone until the
    children are done: a collection writes to every object it visits, and each page it
    writes to would be copied (copy-on-write) in parent and children alike."""

    depth = 0

    def __enter__(self) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        if _frozen.depth == 0:
            gc.freeze()
        _frozen.depth += 1

    def __exit__(self, *exc: object) -> None:
        _frozen.depth -= 1
        if _frozen.depth == 0:
            gc.unfreeze()


def map_ordered(items: Sequence[T], fn: Callable[[T], R], workers: int,
                progress: str | None = None) -> list[R]:
    """[fn(item) for item in items], computed over `workers` shares."""
    results = split(items, lambda share: [fn(item) for item in share], workers, progress)
    out: list[Any] = [None] * len(items)
    for k, share_result in enumerate(results):
        out[k::len(results)] = share_result
    return out


class Background:
    """fn() in a forked child while this process goes on; `join()` returns its result or
    raises its exception. Without fork, fn() runs at `join()`."""

    def __init__(self, fn: Callable[[], R], fork: bool = True):
        self.fn = fn
        self.child: tuple[int, int] | None = None
        self.freeze = _frozen()
        if fork and can_fork() and worker_count() > 1:
            self.freeze.__enter__()
            try:
                self.child = _start([None], lambda _: fn())
            except BaseException:
                self.freeze.__exit__()
                raise

    def join(self) -> Any:
        if self.child is None:
            return self.fn()
        child, self.child = self.child, None
        try:
            return _collect(*child)
        finally:
            self.freeze.__exit__()

    def stop(self) -> None:
        """Ends the child without waiting for its result (when the build fails anyway)."""
        if self.child is not None:
            _stop(*self.child)
            self.child = None
            self.freeze.__exit__()


def _start(share: Sequence[T], work: Callable[[Sequence[T]], R]) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    # --- the child: never returns, never runs the parent's clean-up -------------------
    code = 0
    try:
        os.close(read)
        records = _capture_logs()
        try:  # pickled whole before a byte is sent: the parent never reads half a result
            data = pickle.dumps(("ok", work(share), records), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            code = 1
            data = pickle.dumps(("error", _portable(exc), records),
                                protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as out:
            out.write(data)
    except BaseException:  # noqa: BLE001 - the pipe itself failed: the parent sees no result
        code = 2
    finally:
        os._exit(code)


def _collect(pid: int, fd: int) -> Any:
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise WorkerFailed(f"a build worker (process {pid}) stopped without a result "
                           f"(exit status {os.waitstatus_to_exitcode(status)})")
    try:
        state, value, records = pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, ValueError) as exc:
        raise WorkerFailed(f"a build worker (process {pid}) sent a broken result ({exc})") \
            from None
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)
    if state == "error":
        raise value
    return value


def _stop(pid: int, fd: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:
        pass
    os.close(fd)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else its text with the traceback."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any pickling problem
        text = "".join(traceback.format_exception(exc))
        return RuntimeError(f"{type(exc).__name__}: {exc}\n{text}")


class _Capture(logging.Handler):
    def __init__(self, sink: list[tuple[str, int, str]]):
        super().__init__()
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.sink.append((record.name, record.levelno, record.getMessage()))
        except Exception:  # noqa: BLE001 - a broken log call must not kill the worker
            pass


def _capture_logs() -> list[tuple[str, int, str]]:
    """In a child: every handler is replaced by one that keeps the records, which the
    parent logs again, so they are printed once, in the parent's format, and counted by
    MkDocs' strict mode."""
    sink: list[tuple[str, int, str]] = []
    handler = _Capture(sink)
    root = logging.getLogger()
    loggers = [root] + [logger for logger in logging.Logger.manager.loggerDict.values()
                        if isinstance(logger, logging.Logger)]
    for logger in loggers:
        for old in list(logger.handlers):
            logger.removeHandler(old)
        if logger is root or not logger.propagate:  # where a record's journey ends
            logger.addHandler(handler)
    return sink
