"""A helper process for the package writer: a task runs there while the parent does other work, and a task
whose process died (the OOM killer) or failed is done again in the parent — the build never stops for it.

``Helper(enabled)`` holds one spawned worker (``spawn``: never fork a parent that may hold threads or locks);
``submit(function, *args)`` returns a :class:`Pending` whose ``result(cleanup, here)`` is the task's value. When the
helper is disabled, broken, or the task fails there, ``result`` runs ``cleanup()`` (removing whatever the
failed attempt may have left half-written; the task writes only files it alone owns) and then the task itself
in the parent, saying so in one line on stderr. So a task's output is the same wherever it ran; a failure the
parent meets again (a bug, a full disk) is raised there as it would be without the helper.

>>> helper = Helper(enabled=False)
>>> helper.submit(pow, 2, 10).result(), helper.close()
(1024, None)
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from ..gcpause import gc_paused
from ..safe import terminal_text


def call(function: Callable, args: tuple):
    """What the helper runs: ``function(*args)`` (one indirection, so that a test can stand a dying one in), with
    the cyclic garbage collector paused as the parent pauses it while it writes (``gcpause``)."""
    with gc_paused():
        return function(*args)


class Pending:
    """A task submitted to a :class:`Helper` (``future`` None: it runs in the parent when its result is asked)."""

    def __init__(self, future: Future | None, function: Callable, args: tuple, what: str = "package-writer"):
        self.future, self.function, self.args, self.what = future, function, args, what

    def result(self, cleanup: Callable[[], None] | None = None, here: Callable[[], object] | None = None):
        """The task's value; if it could not be had from the helper, ``cleanup()`` then the task done here
        (``here()``, the parent's own way to do the same task, if given; else the same call)."""
        if self.future is not None:
            try:
                return self.future.result()
            except Exception as error:  # BrokenProcessPool (killed), or the task raised there
                print(terminal_text(f"xxgk: a {self.what} process failed ({type(error).__name__}: {error})"[:400]
                                    + "; doing its work in this process"), file=sys.stderr)
        if cleanup is not None:
            cleanup()
        return here() if here is not None else self.function(*self.args)


class Helper:
    """One spawned worker process for independent parts of the package (see the module docstring)."""

    remote: Callable = staticmethod(call)

    def __init__(self, enabled: bool, what: str = "package-writer"):
        self.what = what  # what the parent says failed, if the helper does (a package-writer or site pages process)
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) if enabled else None

    def submit(self, function: Callable, *args) -> Pending:
        future = None
        if self.pool is not None:
            try:
                future = self.pool.submit(self.remote, function, args)
            except (RuntimeError, OSError):  # BrokenProcessPool (the worker died before), or it cannot start
                future = None
        return Pending(future, function, args, self.what)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
