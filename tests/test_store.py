"""Issue 16: the record store keeps every report whole, and lives only where it may."""

from __future__ import annotations

import subprocess
import sys

import pytest

from xxgk.agency.registry import identity_of
from xxgk.folders import mark_cache_folder
from xxgk.package.collect import collect, parse_one
from xxgk.package.store import Store, decode, encode

from .conftest import SEEDS
from .test_stream import cross_year

REAL_PARSE_ONE = parse_one


def test_a_stored_report_comes_back_equal(tmp_path):
    reports = collect(cross_year(tmp_path / "reports"), workers=1)
    store = Store(tmp_path / "store")
    shard = store.shard("local")
    heads = [shard.put(report) for report in reports]
    shard.close()
    for report, head in zip(reports, heads, strict=True):
        assert decode(*encode(report)) == report
        assert store.get(head) == report
        assert (head.source_file, head.report_id, head.status, head.identity) == \
            (report.source_file, report.report_id, report.status, identity_of(report))
    store.remove(["local"])
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("name", ["../escape", "a/b", "", "x" * 65])
def test_a_shard_name_never_leaves_the_store(tmp_path, name):
    with pytest.raises(ValueError):
        Store(tmp_path / "store").shard(name)


def _package(*args, cwd):
    return subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--no-cache", *args],
                          capture_output=True, text=True, cwd=cwd)


def test_the_store_is_refused_inside_the_reports_or_the_output(tmp_path):
    reports = cross_year(tmp_path / "reports")
    before = sorted(p.relative_to(reports) for p in reports.rglob("*"))
    for store in (reports / "store", tmp_path / "out" / "store"):
        result = _package("--reports", str(reports), "--out", str(tmp_path / "out"), "--store", str(store),
                          cwd=tmp_path)
        assert result.returncode == 2 and "--store" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(reports) for p in reports.rglob("*")) == before


def test_a_store_folder_given_gets_the_same_package_and_no_leftovers(seed_package, tmp_path):
    # (``seed_package``: the seeds' package built with no store folder given, once a run)
    result = _package("--reports", str(SEEDS), "--out", str(tmp_path / "b"), "--store", str(tmp_path / "s"),
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "s").iterdir()) == []
    files = sorted(p.relative_to(seed_package[0]) for p in seed_package[0].rglob("*") if p.is_file())
    assert files and all((seed_package[0] / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file()) == files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "s"]


def dying_parse(folder: str, path: str, name: str | None = None):
    """``parse_one``, but the worker process dies on one file (as the OOM killer would end it)."""
    import os

    if path == "b2023.txt":
        os._exit(3)
    return REAL_PARSE_ONE(folder, path, name)


def test_a_pool_worker_killed_mid_build_fails_its_file_only(tmp_path, monkeypatch):
    from xxgk.package import collect as collect_module
    from xxgk.package.build import build_package
    from xxgk.site.data import read_csv

    monkeypatch.setattr(collect_module, "parse_one", dying_parse)
    heads, errors = build_package(cross_year(tmp_path / "reports"), tmp_path / "out", workers=2)
    assert errors == []
    rows = {r["source_file"]: r for r in read_csv(tmp_path / "out" / "data" / "reports.csv")}
    died = {f["report_id"] for f in read_csv(tmp_path / "out" / "data" / "findings.csv") if f["code"] == "worker_died"}
    assert rows["b2023.txt"]["status"] == "failed" and died == {rows["b2023.txt"]["report_id"]}
    assert rows["b2024.txt"]["status"] == "parsed" and len(rows) == len(heads) == 9
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports"]


def test_a_store_a_killed_build_left_is_swept_and_nothing_else(tmp_path):
    from xxgk.package.build import build_package

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".out.store-{dead.stdout.strip()}"
    stale.mkdir()
    mark_cache_folder(stale)  # as a build marks its store (a folder of that name without it is someone else's)
    (stale / "local.sqlite").write_bytes(b"")
    (stale / "local.sqlite-journal").write_bytes(b"")
    keep = tmp_path / ".out.store-notes"
    keep.mkdir()
    build_package(SEEDS, tmp_path / "out", workers=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.store-notes", "out"]


def test_a_users_shard_named_files_in_the_store_folder_are_never_touched(tmp_path):
    from xxgk.package.build import build_package

    store = tmp_path / "store"
    store.mkdir()
    mine = {"local.sqlite": b"my own notes", "final.sqlite": b"not a database", "local.sqlite-journal": b"mine"}
    for name, data in mine.items():
        (store / name).write_bytes(data)
    heads, errors = build_package(cross_year(tmp_path / "reports"), tmp_path / "out", workers=1, store_dir=store)
    assert errors == [] and len(heads) == 9
    assert {p.name: p.read_bytes() for p in store.iterdir()} == mine


def test_a_store_that_is_a_file_is_refused(tmp_path):
    reports = cross_year(tmp_path / "reports")
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    result = _package("--reports", str(reports), "--out", str(tmp_path / "out"), "--store", str(tmp_path / "afile"),
                      cwd=tmp_path)
    assert result.returncode == 2 and "--store" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine" and not (tmp_path / "out").exists()


def failing_parse(folder: str, path: str, name: str | None = None):
    """``parse_one``, but the build stops on one file (an interrupt, a bug): the store must not be left behind."""
    if path == "b2023.txt":
        raise KeyboardInterrupt
    return REAL_PARSE_ONE(folder, path, name)


@pytest.mark.parametrize("given", [False, True])
def test_a_build_stopped_while_parsing_leaves_no_store(tmp_path, monkeypatch, given):
    from xxgk.package import collect as collect_module
    from xxgk.package.build import build_package

    monkeypatch.setattr(collect_module, "parse_one", failing_parse)
    reports = cross_year(tmp_path / "reports")
    store = tmp_path / "store" if given else None
    with pytest.raises(KeyboardInterrupt):
        build_package(reports, tmp_path / "out", workers=1, store_dir=store)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports", *(["store"] if given else [])]
    assert not given or list(store.iterdir()) == []


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("damage", ["garbage", "gone"])
def test_a_worker_shard_unreadable_after_parsing_gets_its_reports_parsed_again(tmp_path, monkeypatch, capfd, damage):
    from xxgk.package import build as build_module
    from xxgk.package.build import build_package

    real = build_module.parse_in_pool

    def then_damaged(folder_plan, store, *args, **kwargs):
        heads, shards = real(folder_plan, store, *args, **kwargs)
        for path in sorted(store.folder.glob("pool-*.sqlite"))[:1]:  # a worker's shard: a disk fault, a lost mount
            if damage == "garbage":
                path.write_bytes(b"not a database" * 100)
            else:
                path.unlink()
        return heads, shards

    reports = cross_year(tmp_path / "reports")
    build_package(reports, tmp_path / "good", workers=2)
    monkeypatch.setattr(build_module, "parse_in_pool", then_damaged)
    capfd.readouterr()
    heads, errors = build_package(reports, tmp_path / "damaged", workers=2)
    err = capfd.readouterr().err
    assert errors == [] and len(heads) == 9 and "parsed again" in err and "Traceback" not in err
    assert _files(tmp_path / "damaged") == _files(tmp_path / "good")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged", "good", "reports"]


def test_a_folder_where_a_dead_builds_journal_was_does_not_stop_the_next_build(tmp_path):
    from xxgk.package.build import build_package

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".out.store-{dead.stdout.strip()}"
    stale.mkdir()
    mark_cache_folder(stale)  # as a build marks its store
    (stale / "local.sqlite").write_bytes(b"")
    (stale / "local.sqlite-journal").mkdir()  # not a file the store makes: left alone
    heads, errors = build_package(SEEDS, tmp_path / "out", workers=1)
    assert errors == [] and heads
    assert sorted(p.relative_to(tmp_path).as_posix() for p in stale.iterdir()) == \
        [f"{stale.name}/.xxgk-cache", f"{stale.name}/local.sqlite-journal"]
