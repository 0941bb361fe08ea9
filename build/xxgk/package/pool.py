"""Parsing in the local budgeted process pool, each worker writing the reports it parses to a shard of its own.

The parent looks every file up in the parse cache first (``parse_cache``: it hashes the file and reads the entry)
and copies a hit's row as it is into its ``hits`` shard — no decoding, no encoding, no task for a worker; only
the misses go to the pool, scheduled as they are found, so the workers parse while the parent looks further.
For those the parent receives a :class:`store.Head` per file and the new cache entry (compressed bytes it keeps
without decoding), not the record: it neither unpickles records nor encodes them. A worker's shard is
``pool-<parent pid>-<worker pid>``, committed after every report, so a worker killed for its time or memory
loses nothing already returned; its file is listed as failed (``collect._parse_in_pool``) and stored by the
parent in its ``local`` shard. A transaction the kill cut short is rolled back by the first reader (``store``).
The ``hits`` shard is not the parent's own in the store's sense: a row that fails to decode there is parsed
again (``store.Store.again``), like a worker's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import collect
from .collect import Plan, _failed, _limit_memory, _parse_in_pool, finish
from .parse_cache import Entry, Finished, open_cache, put_row
from .store import Head, Shard, Store

HITS = "hits"  # the parent's shard of rows copied from the parse cache
_OPEN: dict[str, Shard] = {}  # in a worker: its shard, opened on its first report


@dataclass(frozen=True)
class ToShard:
    """``work(folder, path, name, report_id, entry, note, sha256)`` (a ``parse_cache.Finished``) stored in this
    worker's shard: ``(its head, the cache entry to keep or None)``; picklable."""

    work: Finished
    store_folder: str
    run: str  # the parent's pid: names this build's shards

    def __call__(self, folder: str, path: str, name: str, report_id: str, entry: dict, note: str | None,
                 sha256: str | None) -> tuple[Head, Entry | None]:
        key = f"{self.store_folder}\0{self.run}"
        if key not in _OPEN:
            _OPEN[key] = Store(Path(self.store_folder)).shard(f"pool-{self.run}-{os.getpid()}", batch=1)
        row, kept = self.work(folder, path, name, report_id, entry, note, sha256)
        return put_row(_OPEN[key], row), kept


def _load_tables() -> None:
    """The tables every report's parse loads on first use, loaded in the parent before the pool forks its workers,
    which share them (``finish`` runs in the workers, not in the parent): the publisher resolver's (pypinyin's
    dictionaries, 0.3–0.5 CPU s) and the readers' Unicode tables (invisible characters, characters OpenCC converts:
    0.2–0.4 CPU s). Before, each worker loaded them again, and a worker started for no file too. Each is cached once
    a process: calling this again costs nothing."""
    from ..agency.resolve import name_to_agency
    from ..readers import holds_converted
    from ..safe import drop_invisible

    name_to_agency("格尔木市数据局", "", {})
    drop_invisible("\u200b")
    holds_converted("")


def _start_worker() -> None:
    """A worker's start, before its first file's time runs: the memory cap, and the tables each parse loads
    (``_load_tables``: loaded by the parent before it forked, unless this worker was started otherwise); then every
    object it holds so far — its modules, those tables and what it was forked with — set aside from the cyclic
    garbage collector (``gc.freeze``: they live as long as the worker), whose full passes over them cost ≈ 3 % of a
    worker's time."""
    import gc

    _limit_memory()
    _load_tables()
    gc.freeze()


def parse_in_pool(folder_plan: Plan, store: Store, workers: int | None, progress: bool = False,
                  cache_dir: str | Path | None = None) -> tuple[list[Head], list[str]]:
    """``(heads sorted by source file, the shards written)`` of every report of the plan: cache hits copied by
    this process, the other files parsed in the pool."""
    run = str(os.getpid())
    cache = open_cache(cache_dir)
    work = ToShard(Finished(collect.parse_one, keep=cache is not None), str(store.folder), run)
    folder = str(folder_plan.folder)
    bar = _progress(len(folder_plan.todo)) if progress else None
    local, hits = store.shard("local"), store.shard(HITS)
    heads: list[Head] = []

    def misses():
        """The files the cache does not hold, as pool jobs; the hits go to the ``hits`` shard on the way."""
        for item in folder_plan.todo:
            job = (item.path, item.name, *folder_plan.job(item.name))
            sha256, row = cache.lookup(folder, job) if cache is not None else (None, None)
            if row is None:
                yield item, (folder, *job, sha256)
            else:
                heads.append(put_row(hits, row))
                if bar is not None:
                    bar.update()

    try:
        for item, outcome in _parse_in_pool(work, misses(), workers, initializer=_start_worker,
                                            most=len(folder_plan.todo), shared=_load_tables):
            if isinstance(outcome, tuple):
                head, kept = outcome
                heads.append(head)
                if cache is not None:
                    cache.keep(kept)
            else:
                failed = _failed(folder_plan.folder, item, outcome)
                heads.append(local.put(finish(failed, *folder_plan.job(item.name))))
            if bar is not None:
                bar.update()
        heads += [local.put(report) for report in folder_plan.unparsed()]
    finally:
        local.close()
        hits.close()
        if cache is not None:
            cache.close()
        if bar is not None:
            bar.close()
    shards = sorted(p.stem for p in store.folder.glob(f"pool-{run}-*.sqlite"))  # a killed worker's too
    return sorted(heads, key=lambda h: h.source_file), [*shards, HITS, "local"]


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, desc="parse", unit="report")
