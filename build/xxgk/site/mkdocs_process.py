"""``mkdocs build`` in a process of its own, forked from a server that has already imported MkDocs, the theme,
the search plugin's Chinese word list and the headings' pinyin (``multiprocessing``'s ``forkserver`` with
``mkdocs_warm`` preloaded).

A fresh ``python -m mkdocs`` spent about 3 of its 4 seconds on a small site loading these (jieba's dictionary
alone 1.3 s, pypinyin's 1 s) before it read a page. The server loads them once a process (the ``xxgk build``
process, a test worker); each build forks from it, so a process that builds many sites (the tests, ``xxgk
serve``) pays them once. The server is started clean (it is no fork of the caller, which may hold threads or
locks), and each build is a fresh fork of it: nothing one build changes is seen by the next.

The child is given the caller's environment and working folder of the moment (the server's are those of its
start), its stderr and stdout go where the caller says, and it exits with MkDocs' own code. Where the platform
has no ``forkserver`` (Windows), ``python -m mkdocs`` is started as before (:func:`start`)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from multiprocessing import reduction

WARM = "xxgk.site.mkdocs_warm"  # what the server imports once (mkdocs_warm.py)


def warm() -> None:
    """Start the server now, if it is not running, and return at once: it loads what every build needs while the
    caller works (``xxgk build`` parses and writes the package meanwhile), so the first ``start`` waits for none
    of it (a small site's build waited 2 of its 6 seconds). Nothing where the platform has no ``forkserver``."""
    context = _server_context()
    if context is not None:
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _server_context():
    """The ``forkserver`` context with ``WARM`` to preload, or None where the platform has none."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    # (read when the server first starts; "__main__" kept from multiprocessing's default list)
    context.set_forkserver_preload(["__main__", WARM])
    return context


def start(args: list[str], stderr, stdout=None):
    """``mkdocs <args>`` started: an object with ``Popen``'s ``poll``, ``wait``, ``kill`` and ``returncode``.
    ``stderr`` (and ``stdout``, default the caller's): open files the child writes to."""
    context = _server_context()
    if context is None:
        return subprocess.Popen([sys.executable, "-m", "mkdocs", *args], stderr=stderr, stdout=stdout)
    out = stdout.fileno() if stdout is not None else sys.__stdout__.fileno()
    from .template_cache import CACHE

    process = context.Process(target=_run, args=(args, _Fd(stderr.fileno()), _Fd(out), dict(os.environ),
                                                 os.getcwd(), CACHE.snapshot()), daemon=False, name="mkdocs")
    process.start()
    return Forked(process)


class Forked:
    """A forked ``mkdocs``, with what ``site/build.py`` uses of ``subprocess.Popen``."""

    def __init__(self, process: multiprocessing.Process):
        self.process = process

    @property
    def returncode(self) -> int | None:
        return self.process.exitcode

    def poll(self) -> int | None:
        return self.process.exitcode

    def wait(self) -> int:
        self.process.join()
        return self.process.exitcode

    def kill(self) -> None:
        self.process.kill()


class _Fd:
    """A file descriptor handed to the child (``reduction.DupFd``: sent over the server's socket as it forks)."""

    def __init__(self, fd: int):
        self.fd = fd

    def __reduce__(self):
        return _detached, (reduction.DupFd(self.fd),)


def _detached(dup) -> int:
    return dup.detach()


Running = subprocess.Popen | Forked  # what ``start`` returns


def _run(args: list[str], stderr: int, stdout: int, environ: dict[str, str], cwd: str, templates: bytes) -> None:
    """In the child: the caller's environment, folder and streams, and the templates it has compiled
    (``template_cache``), then MkDocs' command line (its ``sys.exit`` is the process's exit code)."""
    from .template_cache import CACHE

    CACHE.restore(templates)
    os.environ.clear()
    os.environ.update(environ)
    os.chdir(cwd)
    for fd, target in ((stderr, 2), (stdout, 1)):
        os.dup2(fd, target)
        os.close(fd)
    from mkdocs.__main__ import cli

    try:
        cli.main(args=args, prog_name="mkdocs")
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
