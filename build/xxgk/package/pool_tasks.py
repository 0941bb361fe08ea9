"""The budgeted pool's tasks, each of which ends: a worker retires without a race, and a task the process pool
(pebble) loses is found and tried again.

pebble (5.2.3, as installed here) learns which worker took a task from the worker's acknowledgement and which worker
died from polling, in two threads of the parent. When a worker dies just after it took a task and the death is seen
first, no task is found for the dead worker: the task is then marked running on it and never ends but by its wall
time (``readers.BUDGET.wall_seconds``, 8 minutes: the file then failed ``over_budget``); and when no other task was
running the pool declares itself broken (``All workers expired``): the tasks it had ended with ``BrokenProcessPool``
(the file failed ``worker_died``), every later ``schedule`` raised (the build stopped), and a task still in its queue
never ended. A worker that ends just after sending a result the parent has not read yet is taken to have died on
that task. Our workers died just after taking a task by design: a spent worker declined its next file by exiting
(``collect._in_worker``); a worker stopped for another file's wall time may have taken its next one
(noxdafox/pebble#153); a file that crashes its worker at once ends it before its acknowledgement is read. The
two-worker test of ``tests/test_spent_worker.py`` once stalled so, at a load above 12; ``benchmarks/pool_lost_tasks``
makes the race certain by delaying the parent's handling of acknowledgements.

So a spent worker now retires as pebble's own ``max_tasks`` retires one (``retire``: it takes no other task and exits
with code 0, which pebble never takes for a death); and each task writes a *note* when it starts in a worker
(``note_start``: the worker's pid, and whether it runs its file or declines it), in a folder of the parent's, and the
parent never waits on a task without looking (``Tasks.result``, every ``TICK`` seconds): a task whose note names a
worker that is gone, and that the pool has not ended ``GRACE`` seconds later, is lost; a pool that broke is replaced
and its unfinished tasks scheduled on the new one (at most ``MAX_POOLS`` pools a run). A task lost before its file ran
(no note: never started) is scheduled again; one its worker declined is scheduled again as a declined one always was
(at most ``size`` + 1 times); one lost while its file ran is tried once more, and ``Task.retried`` says so to the
finding if that try fails too. An honest file never fails because of the pool.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import CancelledError, Future, wait
from concurrent.futures import TimeoutError as Timeout
from dataclasses import dataclass
from itertools import count
from pathlib import Path

TICK = 0.5  # seconds between two looks at a task that has not ended
GRACE = 2.0  # seconds the pool has to end a task whose worker is gone before the task is taken as lost
MAX_POOLS = 8  # pools one run may start (a pool that breaks again and again: its tasks fail, the run ends)
RUNS, DECLINES = "runs", "declines"  # what a note says the worker did with the task


class Lost(Exception):
    """The task's worker died and the pool never ended the task (it was tried again once: ``Task.retried``)."""


class PoolBroken(Exception):
    """The pool broke more than ``MAX_POOLS`` times: the task was never run to its end."""


def note_start(note: str | None, declines: bool) -> None:
    """In a worker, as a task starts: ``note`` (a file of the parent's folder) says this worker's pid and whether it
    runs the task or declines it. Never raises (a note that cannot be written only makes a lost task slower to find)."""
    if note is None:
        return
    try:
        with open(note, "w", encoding="ascii") as handle:
            handle.write(f"{os.getpid()} {DECLINES if declines else RUNS}")
    except OSError:
        pass


def retire() -> bool:
    """In a pebble pool worker, during a task: take no other task, and end cleanly (exit code 0, which pebble reads as
    a worker retired, as after ``max_tasks``) once this task's result is sent — so no death is ever seen while a task
    taken is not yet known to the parent (the race above). The worker's end of the channel it reads tasks from is
    replaced by a pipe with no writer: its next look for a task reads the end of the channel (``EOFError``, on which
    pebble's worker returns) without taking one. The channel is pebble's ``WorkerChannel``, found among the callers'
    locals; False (nothing done) where none is found (another pool, another pebble): the worker then declines its
    next task by exiting (``collect._in_worker``), as before."""
    import sys

    frame = sys._getframe(1)
    while frame is not None:
        channel = frame.f_locals.get("channel")
        if type(channel).__name__ == "WorkerChannel" and callable(getattr(getattr(channel, "reader", None),
                                                                          "fileno", None)):
            try:
                read, write = os.pipe()
                os.close(write)
                os.dup2(read, channel.reader.fileno())
                os.close(read)
            except OSError:
                return False
            return True
        frame = frame.f_back
    return False


def read_note(path: Path | None) -> tuple[int, str] | None:
    """``(pid, RUNS or DECLINES)`` a note says, or None when there is none (yet) or it is cut short."""
    if path is None:
        return None
    try:
        pid, state = path.read_text(encoding="ascii").split()
        return int(pid), state
    except (OSError, ValueError, UnicodeError):
        return None


def gone(pid: int) -> bool:
    """Whether process ``pid`` has ended: absent, or a zombie its parent (the pool) has not reaped yet."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
    except FileNotFoundError:
        return True
    except (OSError, IndexError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(eq=False)
class Task:
    """One job's arguments and its current try (``future``, on ``pool``, noting to ``note``)."""

    args: tuple
    future: object = None
    pool: object = None
    note: Path | None = None
    serial: int = 0  # its try's number in the run (the order tries were scheduled in)
    declines: int = 0  # times a worker declined it
    retried: bool = False  # lost while it ran, and scheduled once more
    gone_at: float | None = None  # when its noted worker was first seen gone


class Tasks:
    """``function(note, *args)`` of each job in a pebble ``ProcessPool`` of ``size`` workers (``initializer`` run
    in each), each try within ``timeout`` seconds of wall time; ``declined`` is the exit code of a worker that
    declines a task (scheduled again, at most ``size`` + 1 times, as before). Used as a context manager: the pool is
    ended and the notes folder removed on exit."""

    def __init__(self, size: int, initializer, function, timeout: float, declined: int):
        from pebble import ProcessPool

        self.size, self.initializer, self.function = size, initializer, function
        self.timeout, self.declined, self.make_pool = timeout, declined, ProcessPool
        try:  # (no temporary folder to write in: no notes — a lost task is then found by its wall time alone)
            self.notes: Path | None = Path(tempfile.mkdtemp(prefix="xxgk-pool-"))
        except OSError:
            self.notes = None
        self.tokens = count()
        self.pools = 1
        self.pool = ProcessPool(max_workers=size, initializer=initializer)
        self.unfinished: set[Task] = set()

    def __enter__(self) -> Tasks:
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.pool.close()
            self.pool.join()
        finally:
            if self.notes is not None:
                shutil.rmtree(self.notes, ignore_errors=True)

    def start(self, args: tuple) -> Task:
        """A task for ``args``, scheduled."""
        task = Task(args)
        self._schedule(task)
        return task

    def _schedule(self, task: Task) -> None:
        """The task's next try, on the current pool (replaced first when it broke)."""
        while True:
            if not self.pool.active:
                self._replace_pool()
            task.serial, task.gone_at, task.pool = next(self.tokens), None, self.pool
            task.note = None if self.notes is None else self.notes / str(task.serial)
            note = None if task.note is None else str(task.note)
            try:
                task.future = self.pool.schedule(self.function, args=(note, *task.args), timeout=self.timeout)
            except RuntimeError:  # (the pool broke since: "Unexpected error within the Pool")
                continue
            self.unfinished.add(task)
            return

    def result(self, task: Task) -> object:
        """What the task's function returned; raises what ended its last try (``pebble.ProcessExpired``, the wall
        time's ``TimeoutError``, ``Lost``, ``PoolBroken``, or the function's own exception)."""
        from concurrent.futures.process import BrokenProcessPool

        from pebble import ProcessExpired

        while True:
            if task.pool is self.pool and not task.future.done() and not self.pool.active:
                self._replace_pool()  # (raises PoolBroken past MAX_POOLS)
                continue
            done, _ = wait([task.future], timeout=TICK)
            if not done:
                if self._lost(task):
                    task.future.cancel()
                    self._again(task, Lost())
                continue
            try:
                value = task.future.result()
            except BrokenProcessPool:
                if task.pool is self.pool:
                    self._replace_pool()  # (this task scheduled again with the others)
                else:
                    self._again(task, Lost())
                continue
            except ProcessExpired as error:
                if error.exitcode != self.declined:
                    self.unfinished.discard(task)
                    raise
                self._again(task, error)
                continue
            except (Timeout, CancelledError) as error:
                if (read_note(task.note) or (0, ""))[1] == RUNS:
                    self.unfinished.discard(task)
                    raise
                self._again(task, error)  # (lost before its file ran: declined, or never started)
                continue
            except BaseException:
                self.unfinished.discard(task)
                raise
            self.unfinished.discard(task)
            return value

    def _lost(self, task: Task) -> bool:
        """Whether the task's noted worker has been gone for ``GRACE`` seconds while the pool did not end it."""
        noted = read_note(task.note)
        if noted is None or not gone(noted[0]):
            return False
        now = time.monotonic()
        task.gone_at = task.gone_at if task.gone_at is not None else now
        return now - task.gone_at >= GRACE

    def _again(self, task: Task, error: BaseException) -> None:
        """Schedule the task once more after ``error`` ended its try: when it never started; when its worker declined
        it (at most ``size`` + 1 times); once when its file ran. Else raise ``error``."""
        noted = read_note(task.note)
        if noted is not None and noted[1] == DECLINES:
            task.declines += 1
            if task.declines > self.size + 1:
                self.unfinished.discard(task)
                raise error
        elif noted is not None:
            if task.retried:
                self.unfinished.discard(task)
                raise error
            task.retried = True
        self._schedule(task)

    def _replace_pool(self) -> None:
        """A new pool for a broken one, and every task the broken one did not end (or ended as broken) scheduled on
        it (``_again``: those whose file ran are tried once more); ``PoolBroken`` past ``MAX_POOLS`` pools."""
        from concurrent.futures.process import BrokenProcessPool

        broken = self.pool
        waiting = [t for t in self.unfinished if t.pool is broken and (
            not t.future.done() or t.future.cancelled() or isinstance(t.future.exception(), BrokenProcessPool))]
        if self.pools >= MAX_POOLS:
            for task in waiting:
                self.unfinished.discard(task)
            raise PoolBroken(f"the process pool broke {self.pools} times")
        broken.stop()
        broken.join()
        self.pools += 1
        self.pool = self.make_pool(max_workers=self.size, initializer=self.initializer)
        for task in sorted(waiting, key=lambda t: t.serial):
            try:
                self._again(task, Lost())
            except Lost as error:  # (tried once more already: its next result() raises it)
                task.future = Future()
                task.future.set_exception(error)
