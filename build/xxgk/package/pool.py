"""Parsing in the local budgeted process pool, each worker writing the reports it parses to a shard of its own.

The parent then receives a :class:`store.Head` per file, not the record: it neither unpickles records nor
encodes them for the store (with a warm parse cache, a worker loads the entry and stores it; the parent
sees its head). A worker's shard is ``pool-<parent pid>-<worker pid>``, committed after every report, so a
worker killed for its wall time or memory loses nothing already returned; its file is listed as failed
(``collect._parse_in_pool``) and stored by the parent in its ``local`` shard. A transaction the kill cut
short is rolled back by the first reader (``store``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import collect
from .collect import Plan, _limit_memory, _parse_in_pool, finish
from .store import Head, Shard, Store

_OPEN: dict[str, Shard] = {}  # in a worker: its shard, opened on its first report


@dataclass(frozen=True)
class ToShard:
    """``work(folder, path, name)`` finished (``collect.finish``) and stored in this worker's shard; picklable."""

    work: Callable
    store_folder: str
    run: str  # the parent's pid: names this build's shards

    def __call__(self, folder: str, path: str, name: str, report_id: str, entry: dict, note: str | None) -> Head:
        key = f"{self.store_folder}\0{self.run}"
        if key not in _OPEN:
            _OPEN[key] = Store(Path(self.store_folder)).shard(f"pool-{self.run}-{os.getpid()}", batch=1)
        return _OPEN[key].put(finish(self.work(folder, path, name), report_id, entry, note))


def _start_worker() -> None:
    """A worker's start, before its first file's wall time runs: the memory cap, and the publisher resolver's
    tables loaded (``finish`` runs here now, no longer in the parent)."""
    from ..agency.resolve import name_to_agency

    _limit_memory()
    name_to_agency("格尔木市数据局", "", {})


def parse_in_pool(folder_plan: Plan, store: Store, workers: int | None, progress: bool = False,
                  cache_dir: str | Path | None = None) -> tuple[list[Head], list[str]]:
    """``(heads sorted by source file, the shards written)`` of every report of the plan, parsed in the pool."""
    from .parse_cache import cached

    run = str(os.getpid())
    work = ToShard(cached(collect.parse_one, cache_dir), str(store.folder), run)
    folder = folder_plan.folder
    local = store.shard("local")
    heads: list[Head] = []
    try:
        for result in _parse_in_pool(work, folder, folder_plan.todo, workers, progress,
                                     lambda i: (str(folder), i.path, i.name, *folder_plan.job(i.name)),
                                     initializer=_start_worker):
            heads.append(result if isinstance(result, Head) else
                         local.put(finish(result, *folder_plan.job(result.source_file))))
        heads += [local.put(report) for report in folder_plan.unparsed()]
    finally:
        local.close()
    shards = sorted(p.stem for p in store.folder.glob(f"pool-{run}-*.sqlite"))  # a killed worker's too
    return sorted(heads, key=lambda h: h.source_file), [*shards, "local"]
