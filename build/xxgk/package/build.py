"""``build_package(reports_dir, out)``: collect, write, validate, swap in. The ``xxgk package`` verb."""

from __future__ import annotations

import os
import re
import secrets
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import make
from ..folders import Refused, check_output, check_reports, mark_cache_folder
from ..gcpause import gc_paused
from ..readers import MAX_BYTES, HardLinked, NotRegular, OverBudget, decode, read_small
from . import collect
from .cluster import parse_on_cluster
from .collect import CHANGELOG, VERSION, Plan, finish, parsed, plan
from .pool import parse_in_pool
from .store import Head, Store, sweep
from .stream import write_package
from .write import validate, write_streamed

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_VERSION = "0.1.0"
# (the file is never read, so nothing of it, not even its first bytes, reaches a public CI log)
LINKED = "has other names (a hard link, perhaps to a file outside the reports folder); refused, not read"
# (ASCII digits only: １.２.３, typed with a Chinese input method, was published as the version, which no tool reads)
_SEMVER = re.compile(r"\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?", re.ASCII)


def data_version(reports_dir: Path) -> str:
    """The data package's semantic version: ``reports/VERSION`` (any encoding a report may have)
    if present, else 0.1.0. A VERSION that is not a version is refused with a one-line message."""
    path = Path(reports_dir) / VERSION
    try:
        data = read_small(reports_dir, VERSION, 1000)  # never through a link, never a huge file whole
    except OverBudget:
        raise Refused(f"{path}: not a version number like 1.2.0 (larger than 1000 bytes)") from None
    except HardLinked:
        raise Refused(f"{path}: {LINKED}") from None
    except NotRegular as error:
        raise Refused(f"{path}: {error}") from None
    if data is None:
        return DEFAULT_VERSION
    text, _ = decode(data)
    version = (text or "").replace("\x00", "").strip().lstrip("\ufeff")
    if not _SEMVER.fullmatch(version):
        raise Refused(f"{path}: not a version number like 1.2.0 ({version[:40]!r})")
    return version


def changelog(reports_dir: Path) -> bytes | None:
    """``reports/CHANGELOG.md`` as published (a regular file, never through a link, at most MAX_BYTES)."""
    try:
        return read_small(reports_dir, CHANGELOG, MAX_BYTES)
    except OverBudget:
        raise Refused(f"{Path(reports_dir) / CHANGELOG}: larger than {MAX_BYTES // 2**20} MB") from None
    except HardLinked:
        raise Refused(f"{Path(reports_dir) / CHANGELOG}: {LINKED}") from None
    except NotRegular as error:
        raise Refused(f"{Path(reports_dir) / CHANGELOG}: {error}") from None


def build_package(reports_dir: str | Path, out: str | Path, executor: Executor | Client | None = None,
                  workers: int | None = None, progress: bool = False, budgeted: bool = False,
                  cache_dir: str | Path | None = None,
                  store_dir: str | Path | None = None, on_stage=None,
                  alongside=None) -> tuple[list[Head], list[str]]:
    """Parse every file of ``reports_dir`` and write the package to ``out``; returns the reports' heads
    (``store.Head``: source file, id, status, …) and validation errors (with errors, ``out`` keeps its
    previous package). ``workers=1`` parses in this process unless ``budgeted`` (the command line:
    always the budgeted process pool); otherwise a budgeted process pool is used. Raises ``Refused``
    for a missing reports folder or an output folder it must not replace (``folders``). ``cache_dir``:
    the parse cache (None: no cache); the output is the same with or without it.

    Parsed reports go to the record store (``store``) as they arrive, and the package is written from it
    file by file (``stream``): memory holds a head per report, never every record. With a Dask
    ``distributed.Client`` as ``executor``, each task parses a chunk of files into a shard of its own under
    ``store_dir`` (storage the workers share; default beside ``out``) and returns only heads (``cluster``).
    ``on_stage(name)``, if given, is called when parsing ("parse") and writing ("write", before validation)
    are done (benchmarks). ``alongside(staging, verdict)``, if given, runs while the written package is validated
    (``write.write_streamed``: ``xxgk build`` builds the site from it meanwhile)."""
    reports_dir, out = Path(reports_dir), Path(out)
    on_cluster = _dask_client(executor)  # (before anything is made)
    check_reports(reports_dir)
    check_output(out, reports_dir, "--out")
    version = data_version(reports_dir)
    folder_plan = plan(reports_dir)
    if cache_dir is not None:
        _check_scratch(Path(cache_dir), "--cache-dir", reports_dir, out)
    if store_dir is not None:  # a folder of its own inside: no name there can be a user's file or another build's
        _check_store(Path(store_dir), reports_dir, out)
        folder = Path(store_dir).absolute() / f"xxgk-store-{os.getpid()}-{secrets.token_hex(4)}"  # workers: any cwd
        folder.mkdir()  # made here, never one already there (default permissions: workers may run as others)
    else:
        sweep(out.parent, f".{out.name}.store-")  # what a killed build left beside the output
        folder = out.parent / f".{out.name}.store-{os.getpid()}"
    again = _parse_again(folder_plan, cache_dir)
    store = Store(folder, again=again)
    if store_dir is None:
        mark_cache_folder(folder)  # (what ``sweep`` removes after a killed build: only a folder marked so)
    try:
        if on_cluster:  # a Dask cluster: its workers write shards
            heads, _ = parse_on_cluster(folder_plan, executor, store, progress, cache_dir)
        elif executor is None and (budgeted or workers != 1):  # the budgeted pool: workers write shards
            heads, _ = parse_in_pool(folder_plan, store, workers, progress, cache_dir)
        else:
            heads, _ = _parse_to_store(folder_plan, store, executor, progress, workers, budgeted, cache_dir)
        if on_stage:
            on_stage("parse")

        def fill(staging: Path) -> None:
            write_package(store, heads, staging, version, changelog(reports_dir), workers=1 if workers == 1 else 2,
                          cache_dir=cache_dir, previous=out)
            if on_stage:
                on_stage("write")

        with gc_paused():
            errors = write_streamed(fill, out, check=validate, alongside=alongside)
    finally:  # the folder is this build's alone: every shard in it is one it made (a failed build's too)
        store.remove(store.shard_names())
        again.close()  # the parse cache a recovery opened: committed, its connection (and -wal file) closed
    return heads, errors


def _check_store(store_dir: Path, reports_dir: Path, out: Path) -> None:
    """``--store`` must be a folder (made if missing), not inside the reports folder (only reports are read there,
    and nothing written) nor inside the output folder (replaced by each build). The build works in a fresh
    ``xxgk-store-*`` folder inside it, removed at the end: nothing else there is read, changed or removed."""
    _check_scratch(store_dir, "--store", reports_dir, out)
    store_dir.mkdir(parents=True, exist_ok=True)


def _check_scratch(folder: Path, option: str, reports_dir: Path, out: Path) -> None:
    """A folder the build writes its own files in (``--store``, ``--cache-dir``): refused when it is not a folder,
    or inside the reports folder (whatever is written there would be read as reports by the next build) or the
    output folder (replaced by each build)."""
    if folder.exists() and not folder.is_dir():
        raise Refused(f"{option} {folder}: not a folder")
    where = folder.resolve()
    for other, name in ((reports_dir, "--reports"), (out, "--out")):
        if where == other.resolve() or other.resolve() in where.parents:
            raise Refused(f"{option} {folder}: inside the {name} folder; give a folder of its own"
                          + (" (or --no-cache)" if option == "--cache-dir" else ""))


def _parse_again(folder_plan: Plan, cache_dir):
    """``again(head)`` for the store: the report of a file a worker parsed (or the parse cache gave), parsed again
    here and finished as the worker did (same function: the same report). The cache is not read (its entry may be
    what failed), only written again. Only worker and cache-hit shards are recovered, so only files parsed to the
    end come here: never one that timed out or killed its worker. ``again.close()`` closes the cache it opened."""
    from .parse_cache import Finished, fingerprint, open_cache

    inputs: dict = {}  # name → Input, made on the first recovery only (no memory otherwise)
    caches: list = []  # the parse cache, opened on the first recovery

    def again(head: Head):
        if not inputs:
            inputs.update((i.name, i) for i in folder_plan.inputs)
            caches.append(open_cache(cache_dir))
        item, cache = inputs[head.source_file], caches[0]
        job = (item.path, item.name, *folder_plan.job(item.name))
        try:
            report, _, kept = Finished(collect.parse_one, keep=cache is not None).made(
                str(folder_plan.folder), job, fingerprint(folder_plan.folder, item.path))
            if cache is not None:
                cache.keep(kept)  # the damaged entry replaced
                cache.commit()
        except Exception as error:  # noqa: BLE001 - as a Dask task lists a file whose parse raised (cluster.py)
            failed = collect._failed(folder_plan.folder, item, make("worker_died", detail=type(error).__name__[:200]))
            report = finish(failed, *folder_plan.job(item.name))
        return report

    def close() -> None:
        for cache in caches:
            if cache is not None:
                cache.close()

    again.close = close  # called once the build is done with the store (build_package's finally)
    return again


def _dask_client(executor) -> bool:
    """Whether ``executor`` is a Dask ``distributed.Client`` (its workers then write the store). A Dask
    ``ClientExecutor`` (``client.get_executor()``) is refused: its client is private, pass the client itself."""
    module = type(executor).__module__
    if module.startswith("distributed") and type(executor).__name__ == "ClientExecutor":
        raise TypeError("pass the Dask Client itself (executor=client), not client.get_executor()")
    return module.startswith("distributed")


def _parse_to_store(folder_plan, store: Store, executor, progress, workers, budgeted, cache_dir):
    """Parse here (or in an executor whose results come back to this process), one report at a time into
    the ``local`` shard (rows the parse cache gave here: the ``hits`` shard); the heads sorted by source file."""
    from .parse_cache import Finished, open_cache, put_row
    from .pool import HITS

    shard, hits = store.shard("local"), store.shard(HITS)
    try:
        if executor is None:  # this process: rows, as the pool's workers make them
            cache = open_cache(cache_dir)
            work, folder = Finished(collect.parse_one, keep=cache is not None), str(folder_plan.folder)
            heads = []
            try:
                for item in folder_plan.todo:
                    job = (item.path, item.name, *folder_plan.job(item.name))
                    sha256, row = cache.lookup(folder, job) if cache is not None else (None, None)
                    if row is not None:
                        heads.append(put_row(hits, row))
                        continue
                    _, row, kept = work.made(folder, job, sha256)
                    heads.append(put_row(shard, row))
                    if cache is not None:
                        cache.keep(kept)
            finally:
                if cache is not None:
                    cache.close()
            heads += [shard.put(report) for report in folder_plan.unparsed()]
        else:
            heads = [shard.put(report) for report in parsed(folder_plan, executor, progress, workers, budgeted,
                                                            cache_dir)]
    finally:
        shard.close()
        hits.close()
    return sorted(heads, key=lambda h: h.source_file), ["local", HITS]
