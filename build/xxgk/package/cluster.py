"""Parsing on a Dask cluster whose workers write the record store: the parent receives heads, never records.

``parse_on_cluster`` cuts the files to parse into chunks; each task (``parse_chunk``) reads and parses its
chunk on a worker, finishes each report (``collect.finish``: id, manifest, publisher) and writes it to a
shard of its own in the store (``store.Shard``, a SQLite file under the store folder, which must be storage
every worker and the parent reach: a shared file system, or one machine). The parent gathers the heads,
adds the entries it refused to read and the manifest's own report in its ``local`` shard, and sorts the
heads by source file: the package does not depend on which worker ran which chunk, or in what order.
A chunk whose worker died (``KilledWorker``: a file that needs more memory than the worker has) is tried again one
file a task, so that only a file whose own task fails is listed as failed, like the process pool's (before, a
239 KB PDF that filled its worker's memory failed every file of its chunk, up to ``MAX_CHUNK``). Dask bounds a
worker's memory, not a task's time: a file that parses for hours holds its worker that long (the local pool stops
it at ``BUDGET.seconds`` of CPU time).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from ..findings import make
from .collect import Input, Plan, _failed, finish, parse_one
from .parse_cache import Finished, open_cache, put_row
from .store import Head, Store

CHUNKS_PER_THREAD = 4  # tasks per worker thread: enough to balance, few enough that shards stay large
MAX_CHUNK = 2_000  # files per task at most: a failed task costs at most this many re-listed files


def parse_chunk(folder: str, jobs: list[tuple], store_folder: str, shard_name: str,
                work=None) -> tuple[list[Head], list]:
    """Parse ``jobs`` (``(path, name, report_id, manifest row, name note, fingerprint)`` each) and write the finished
    reports to the shard ``shard_name`` of the store at ``store_folder``; returns their heads and the parse cache
    entries made for them (runs on a worker). ``work`` is a ``parse_cache.Finished`` (default: ``parse_one``, no
    cache entries)."""
    work = work or Finished(parse_one)
    shard = Store(Path(store_folder)).shard(shard_name)
    heads, kept = [], []
    try:
        for path, name, *rest, sha256 in jobs:
            try:
                row, entry = work(folder, path, name, *rest, sha256)
            except Exception as error:  # noqa: BLE001 - one file's failure must not stop the others
                failed = _failed(Path(folder), Input(path, name), make("worker_died", detail=type(error).__name__))
                heads.append(shard.put(finish(failed, *rest)))
            else:
                heads.append(put_row(shard, row))
                if entry is not None:
                    kept.append(entry)
    finally:
        shard.close()
    return heads, kept


def chunks(jobs: list[tuple], threads: int) -> list[list[tuple]]:
    """``jobs`` cut in order into about ``CHUNKS_PER_THREAD`` chunks per thread, each at most ``MAX_CHUNK``.

    >>> [len(c) for c in chunks(list(range(10)), 1)]
    [3, 3, 3, 1]
    """
    if not jobs:
        return []
    size = min(MAX_CHUNK, max(1, math.ceil(len(jobs) / (CHUNKS_PER_THREAD * max(1, threads)))))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def parse_on_cluster(folder_plan: Plan, client, store: Store, progress: bool = False,
                     cache_dir: str | Path | None = None) -> tuple[list[Head], list[str]]:
    """``(heads sorted by source file, the names of the shards written)`` of every report of the plan."""
    from distributed import KilledWorker, as_completed

    from .pool import HITS

    cache = open_cache(cache_dir)
    work = Finished(parse_one, keep=cache is not None)
    folder = str(folder_plan.folder)
    local, hits = store.shard("local"), store.shard(HITS)
    heads: list[Head] = []
    try:
        jobs = []  # the files the cache does not hold (looked up here: the workers never open the cache)
        for item in folder_plan.todo:
            job = (item.path, item.name, *folder_plan.job(item.name))
            sha256, row = cache.lookup(folder, job) if cache is not None else (None, None)
            if row is None:
                jobs.append((*job, sha256))
            else:
                heads.append(put_row(hits, row))
        threads = sum(client.nthreads().values()) or 1
        parts = chunks(jobs, threads)
        names = [f"task-{os.getpid()}-{number:05d}" for number in range(len(parts))]
        futures = {client.submit(parse_chunk, folder, part, str(store.folder), name, work,
                                 pure=False, key=f"xxgk-parse-{name}"): part
                   for part, name in zip(parts, names, strict=True)}
        pending = as_completed(futures)
        done = pending
        if progress:
            from tqdm import tqdm

            done = tqdm(pending, total=len(futures), desc="parse", unit="chunk")
        for future in done:
            try:
                got, kept = future.result()
            except Exception as error:  # noqa: BLE001 - a lost worker fails its chunk's files, not the build
                part = futures[future]
                if len(part) > 1 and isinstance(error, KilledWorker):  # one file may have killed the worker (its
                    # memory): each file again in a task of its own,
                    for number, job in enumerate(part):  # so that only the file that kills its worker fails
                        name = f"{names[0].rsplit('-', 1)[0]}-retry-{len(names):05d}-{number:05d}"
                        again = client.submit(parse_chunk, folder, [job], str(store.folder), name, work,
                                              pure=False, key=f"xxgk-parse-{name}")
                        futures[again] = [job]
                        names.append(name)
                        pending.add(again)
                else:
                    for path, name, rid, entry, note, _ in part:
                        report = _failed(folder_plan.folder, Input(path, name),
                                         make("worker_died", detail=f"Dask: {type(error).__name__}"[:200]))
                        heads.append(local.put(finish(report, rid, entry, note)))
            else:
                heads += got
                for entry in kept if cache is not None else ():
                    cache.keep(entry)
            future.release()
        heads += [local.put(report) for report in folder_plan.unparsed()]
    finally:
        local.close()
        hits.close()
        if cache is not None:
            cache.close()
    return sorted(heads, key=lambda h: h.source_file), [*names, HITS, "local"]
