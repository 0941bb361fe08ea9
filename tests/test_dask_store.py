"""Issue 16, item 5: Dask workers parse chunks of files into shards of the record store; the package is the same."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from xxgk.package import cluster
from xxgk.package import store as store_module
from xxgk.package.build import build_package

from .test_stream import assert_same, cross_year, streamed

distributed = pytest.importorskip("distributed", reason="the optional [dask] extra is not installed")


@pytest.fixture(scope="module")
def client():
    cluster_ = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster_, distributed.Client(cluster_) as dask_client:
        yield dask_client


@pytest.mark.parametrize("chunk", [1, cluster.MAX_CHUNK])
def test_workers_writing_shards_give_the_local_package_whatever_the_chunks(tmp_path, client, monkeypatch, chunk):
    monkeypatch.setattr(cluster, "MAX_CHUNK", chunk)  # one file per task: tasks finish in any order
    monkeypatch.setattr(store_module, "MAX_OPEN", 2)  # more shards than open connections
    folder = cross_year(tmp_path / "reports")
    store = tmp_path / "shared-store"
    got = streamed(folder, tmp_path / "dask", executor=client, store_dir=store)
    assert_same(streamed(folder, tmp_path / "local", workers=1), got)
    assert store.is_dir() and list(store.iterdir()) == []  # the shards it made are gone; the folder given stays


def test_a_store_folder_shared_with_other_files_keeps_them(tmp_path, client):
    folder = cross_year(tmp_path / "reports")
    store = tmp_path / "store"
    store.mkdir()
    (store / "notes.txt").write_text("not ours", encoding="utf-8")
    heads, errors = build_package(folder, tmp_path / "out", executor=client, store_dir=store)
    assert errors == [] and len(heads) == 9
    assert [p.name for p in store.iterdir()] == ["notes.txt"]


def test_a_relative_store_reaches_the_workers_as_an_absolute_folder(tmp_path, client, monkeypatch):
    """A worker's current folder is its own (``dask-worker`` started elsewhere): a relative ``--store`` given to
    it would be a different folder on every machine."""
    real, log = cluster.parse_chunk, tmp_path / "seen.txt"  # a file: Dask may send the task a copy of a list

    def recording(folder, jobs, store_folder, shard_name, work=None):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(store_folder + "\n")
        return real(folder, jobs, store_folder, shard_name, work)

    monkeypatch.setattr(cluster, "parse_chunk", recording)
    folder = cross_year(tmp_path / "reports")
    monkeypatch.chdir(tmp_path)
    heads, errors = build_package(folder, tmp_path / "out", executor=client, store_dir="store")
    seen = log.read_text(encoding="utf-8").splitlines()
    assert errors == [] and len(heads) == 9 and seen
    assert all(Path(s).is_absolute() and Path(s).parent == tmp_path / "store" for s in seen)


def test_a_chunk_whose_worker_dies_fails_only_the_file_that_killed_it(tmp_path, client, monkeypatch):
    """Hostile audit 22: a PDF that filled its Dask worker's memory failed every file of its chunk (up to
    ``MAX_CHUNK``), each ``worker_died``, none saying which was to blame. A failed chunk is tried again a file a
    task; only the file whose own task fails is listed as failed."""
    real = cluster.parse_chunk

    def dying(folder, jobs, store_folder, shard_name, work=None):  # the task dies whenever it holds b2023.txt
        if any(name == "b2023.txt" for _, name, *_ in jobs):
            worker = types.SimpleNamespace(address="tcp://127.0.0.1:1")  # (what the scheduler names)
            raise distributed.KilledWorker(shard_name, worker, 3)  # as the scheduler says a worker died under it
        return real(folder, jobs, store_folder, shard_name, work)

    monkeypatch.setattr(cluster, "parse_chunk", dying)
    monkeypatch.setattr(cluster, "CHUNKS_PER_THREAD", 1)  # chunks of several files (here four)
    folder = cross_year(tmp_path / "reports")
    heads, errors = build_package(folder, tmp_path / "out", executor=client, store_dir=tmp_path / "store")
    assert errors == []
    import csv

    with (tmp_path / "out" / "data" / "findings.csv").open(encoding="utf-8-sig") as handle:
        died = {f["report_id"] for f in csv.DictReader(handle) if f["code"] == "worker_died"}
    assert sorted(h.source_file for h in heads if h.report_id in died) == ["b2023.txt"]  # before: its whole chunk
    assert len(heads) == 9
