"""Issue 16: the package written from the record store, file by file, equals the in-memory package byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xxgk.folders import MARKER
from xxgk.package.build import build_package, changelog, data_version
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card
from xxgk.package.table2_history import settle_with_previous_year
from xxgk.package.write import package_files
from xxgk.site.data import read_csv

from .conftest import SEEDS, SHARED, needs_shared
from .factory import tab_report
from .test_layouts_table2 import flattened

LONG = "本机关认真落实政府信息公开条例，持续完善主动公开目录，规范依申请公开办理流程，" * 3


def in_memory(folder: Path) -> dict[str, bytes]:
    """The package as the in-memory writer gives it (every report held, ``write.package_files``)."""
    reports = collect(folder, workers=1)
    settle_with_previous_year(reports)
    add_report_card(reports)
    return package_files(reports, data_version(folder), changelog(folder))


def streamed(folder: Path, out: Path, **options) -> dict[str, bytes]:
    heads, errors = build_package(folder, out, **options)
    assert errors == []
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != MARKER}


def assert_same(expected: dict[str, bytes], got: dict[str, bytes]) -> None:
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if expected[name] != got[name]] == []


def cross_year(folder: Path) -> Path:
    """Reports whose findings need other reports: two series over years (a chain broken, a narrative copied,
    a table-二 row cut by last year's count), a byte-identical duplicate, a failed file, and a manifest with
    an override and a row for a file that is not there."""
    folder.mkdir()
    files = {
        "a2023.txt": flattened(2023, "规范性文件方面，本年制发10件，废止2件，现行有效331件。", "102331"),
        "a2024.txt": flattened(2024, "本年度工作有序开展。", "123340"),
        "b2022.txt": tab_report(agency="格尔木市数据局", year=2022, carried_forward=4, in_force=10, narrative=LONG),
        "b2023.txt": tab_report(agency="格尔木市数据局", year=2023, carried_over=1, carried_forward=6, in_force=26,
                                narrative=LONG),
        "b2024.txt": tab_report(agency="格尔木市数据局", year=2024, carried_over=0, in_force=40, issued=8,
                                repealed=5, published="2025年3月20日"),
        "sub/c.txt": tab_report(agency="玉树市教育局", year=2024, fee="3"),
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copyfile(folder / "b2024.txt", folder / "b2024-copy.txt")
    (folder / "junk.pdf").write_bytes(b"\x00\x01garbage" * 100)
    (folder / "sources.csv").write_text("file,agency,year,url\nsub/c.txt,玉树市教育局,2023,https://example.org/c\n"
                                        "missing.txt,某局,2024,\n", encoding="utf-8")
    return folder


def test_the_seeds_stream_to_the_same_bytes(tmp_path):
    assert_same(in_memory(SEEDS), streamed(SEEDS, tmp_path / "out", workers=1))


def test_cross_year_findings_stream_to_the_same_bytes(tmp_path):
    folder = cross_year(tmp_path / "reports")
    expected = in_memory(folder)
    got = streamed(folder, tmp_path / "out", workers=1)
    assert_same(expected, got)
    codes = {(f["report_id"], f["code"]) for f in read_csv(tmp_path / "out" / "data" / "findings.csv")}
    ids = {r["source_file"]: r["report_id"] for r in read_csv(tmp_path / "out" / "data" / "reports.csv")}
    for name, code in (("a2024.txt", "cells_cut_by_previous_year"), ("b2024-copy.txt", "chain_in_force"),
                       ("b2023.txt", "chain_carried_over"), ("b2023.txt", "copied_text"),
                       ("b2024.txt", "duplicate_report"), ("b2024-copy.txt", "duplicate_report"),
                       ("junk.pdf", "file_unreadable"), ("sub/c.txt", "manifest_override"),
                       ("sources.csv", "manifest_row_unusable")):
        assert (ids[name], code) in codes, (name, code)


def test_the_streamed_build_leaves_no_store_behind_and_holds_heads_not_records(tmp_path):
    folder = cross_year(tmp_path / "reports")
    heads, _ = build_package(folder, tmp_path / "out", workers=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports"]
    assert [h.source_file for h in heads] == sorted(h.source_file for h in heads)
    assert not any(hasattr(h, "text") or hasattr(h.record, "facts") or hasattr(h.record, "sections") for h in heads)


def test_a_process_pool_streams_the_same_bytes(tmp_path):
    folder = cross_year(tmp_path / "reports")
    assert_same(streamed(folder, tmp_path / "one", workers=1), streamed(folder, tmp_path / "pool", workers=2))


@needs_shared
def test_the_shared_corpus_streams_to_the_same_bytes(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    for path in sorted((SHARED / "corpus" / "reports").iterdir()):
        shutil.copyfile(path, folder / path.name)
    assert_same(in_memory(folder), streamed(folder, tmp_path / "out", workers=1))


@pytest.mark.parametrize("state", ["cold", "warm", "corrupt"])
def test_the_parse_cache_streams_the_same_bytes(tmp_path, state):
    folder = cross_year(tmp_path / "reports")
    cache = tmp_path / "cache"
    if state != "cold":
        streamed(folder, tmp_path / "first", workers=1, cache_dir=cache)
    if state == "corrupt":
        for entry in sorted(cache.rglob("*.json.gz"))[:3]:
            entry.write_bytes(b"not gzip")
    assert_same(in_memory(folder), streamed(folder, tmp_path / "out", workers=1, cache_dir=cache))
