"""Work split over forked processes: results in order, errors and log records carried back."""

from __future__ import annotations

import gc
import logging
import os
import time

import pytest

from jejak import parallel

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs fork (Linux, BSD)")


class Unpicklable(Exception):
    def __init__(self, handle):
        super().__init__("cannot travel")
        self.handle = handle

    def __reduce__(self):
        raise TypeError("no pickling")


class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.seen.append((record.name, record.levelno, record.getMessage()))


@pytest.fixture
def records():
    logger = logging.getLogger("jejak.test-parallel")
    handler = Records()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)


@pytest.mark.parametrize("workers", [1, 2, 3, 5])
def test_map_ordered_gives_the_serial_result(workers):
    items = list(range(23))
    assert parallel.map_ordered(items, lambda n: n * n, workers) == [n * n for n in items]


def test_shares_run_in_other_processes():
    pids = parallel.map_ordered(list(range(8)), lambda _: os.getpid(), 3)
    assert len(set(pids)) == 3
    assert pids[0::3] == [os.getpid()] * 3  # the parent does the first share itself


def test_without_fork_everything_runs_here(monkeypatch):
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert set(parallel.map_ordered(list(range(6)), lambda _: os.getpid(), 3)) == {os.getpid()}


def test_a_childs_exception_is_raised_in_the_parent():
    def work(n):
        if n == 1:  # share 1: a child
            raise KeyError("record 1")
        return n

    with pytest.raises(KeyError, match="record 1"):
        parallel.map_ordered([0, 1, 2, 3], work, 2)


def test_an_exception_that_cannot_be_pickled_arrives_as_text():
    def work(n):
        if n == 1:
            raise Unpicklable(object())
        return n

    with pytest.raises(RuntimeError, match="Unpicklable: cannot travel"):
        parallel.map_ordered([0, 1], work, 2)


def test_a_child_that_dies_is_reported():
    def work(share):
        if 1 in share:
            os._exit(3)
        return list(share)

    with pytest.raises(parallel.WorkerFailed, match="exit status 3"):
        parallel.split([0, 1], work, 2)


def test_a_result_that_cannot_be_pickled_is_an_error_not_half_a_message():
    def work(share):
        return [lambda n=n: n for n in share]  # functions do not pickle

    with pytest.raises(Exception, match="pickle|Pickl") as caught:
        parallel.split([0, 1], work, 2)
    assert not isinstance(caught.value, parallel.WorkerFailed)


def test_a_failing_parent_share_stops_the_children():
    def work(share):
        if 0 in share:
            raise ValueError("parent share")
        time.sleep(30)
        return share

    started = time.monotonic()
    with pytest.raises(ValueError, match="parent share"):
        parallel.split([0, 1], work, 2)
    assert time.monotonic() - started < 20
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


def test_log_records_of_a_child_are_logged_once_in_the_parent(records):
    log = logging.getLogger("jejak.test-parallel")

    def work(n):
        log.warning("record %d has a problem", n)
        return n

    parallel.map_ordered([0, 1], work, 2)
    assert sorted(records.seen) == [
        ("jejak.test-parallel", logging.WARNING, "record 0 has a problem"),
        ("jejak.test-parallel", logging.WARNING, "record 1 has a problem")]


def test_objects_are_frozen_while_children_run():
    seen = parallel.split([0, 1], lambda share: gc.get_freeze_count(), 2)
    assert seen[0] > 0  # the parent's share ran with the collector leaving old objects alone
    assert gc.get_freeze_count() == 0


def test_background_returns_what_the_child_made():
    task = parallel.Background(lambda: ("made by", os.getpid()))
    what, pid = task.join()
    assert what == "made by" and pid != os.getpid()
    assert gc.get_freeze_count() == 0


def test_background_raises_the_childs_error():
    def fail():
        raise OSError("disk full")

    task = parallel.Background(fail)
    with pytest.raises(OSError, match="disk full"):
        task.join()


def test_background_without_fork_runs_at_join(monkeypatch):
    calls = []
    task = parallel.Background(lambda: calls.append(os.getpid()) or "done", fork=False)
    assert calls == []
    assert task.join() == "done" and calls == [os.getpid()]


def test_background_stop_ends_the_child():
    task = parallel.Background(lambda: time.sleep(30))
    started = time.monotonic()
    task.stop()
    assert time.monotonic() - started < 10
    assert gc.get_freeze_count() == 0


def test_worker_count_follows_jejak_workers(monkeypatch):
    monkeypatch.setenv("JEJAK_WORKERS", "3")
    assert parallel.worker_count() == 3
    assert parallel.workers_for(5, threshold=1000) == 3  # set explicitly: holds at any size
    monkeypatch.setenv("JEJAK_WORKERS", "64")
    assert parallel.worker_count() == parallel.MAX_WORKERS
    monkeypatch.delenv("JEJAK_WORKERS")
    assert parallel.workers_for(5, threshold=1000) == 1
    assert parallel.workers_for(1000, threshold=1000) == parallel.worker_count() >= 1


def test_a_forked_worker_opens_its_own_citation_cache(tmp_path, monkeypatch):
    """SQLite connections must not cross a fork: a worker gets a cache of its own."""
    from jejak.generate import citation

    monkeypatch.setenv("JEJAK_CACHE_DIR", str(tmp_path))
    citation._disk_cache.cache_clear()
    parent_cache = citation._disk_cache()
    try:
        same = parallel.split([0, 1], lambda share: citation._disk_cache() is parent_cache, 2)
        assert same == [True, False]
    finally:
        citation._disk_cache.cache_clear()
