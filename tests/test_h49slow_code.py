"""Slow code found timing the slowest tests (session 49): work the product repeated or did for nothing, counted here
in calls and objects, never in seconds."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from .factory import tab_report


def test_a_build_starts_a_worker_a_file_at_most_and_loads_the_tables_once_before_they_fork(tmp_path, monkeypatch):
    """Each worker the pool started forked, loaded the tables every parse uses (the resolver's pypinyin
    dictionaries, the invisible characters of all Unicode, the characters OpenCC converts: 0.5–0.9 CPU s) and then
    waited for a file: a build of two reports on four cores started four workers, each loading them, two for no
    file (every ``xxgk package`` of a test's few reports paid it). The pool now starts no more workers than files,
    and the parent loads the tables once before it forks them: the workers share them. The reports are parsed as
    before."""
    from xxgk import safe
    from xxgk.package import pool_tasks
    from xxgk.package.collect import plan
    from xxgk.package.pool import parse_in_pool
    from xxgk.package.store import Store

    sizes: list[int] = []
    started = pool_tasks.Tasks.__init__

    def counted(self, size, *args, **kwargs):
        sizes.append(size)
        started(self, size, *args, **kwargs)

    table = safe._invisible.__wrapped__
    computed = tmp_path / "computed"  # a line for each process that computes the table (the workers' pids too)

    def invisible() -> dict[int, None]:
        with open(computed, "a", encoding="utf-8") as said:
            said.write(f"{os.getpid()}\n")
        return table()

    monkeypatch.setattr(pool_tasks.Tasks, "__init__", counted)
    monkeypatch.setattr(safe, "_invisible", functools.lru_cache(maxsize=1)(invisible))
    monkeypatch.setattr(safe, "_any_invisible", functools.lru_cache(maxsize=1)(safe._any_invisible.__wrapped__))
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("样例县2024.txt", "某市2024.txt"):
        (reports / name).write_text(tab_report(), encoding="utf-8")
    (tmp_path / "store").mkdir()
    heads, _ = parse_in_pool(plan(reports), Store(tmp_path / "store"), workers=4)
    assert sizes == [2]  # workers: one a file
    assert computed.read_text(encoding="utf-8").split() == [str(os.getpid())]  # here, before the fork; by no worker
    assert sorted(Path(h.source_file).name for h in heads) == ["某市2024.txt", "样例县2024.txt"]
    assert {h.status for h in heads} == {"parsed"}
