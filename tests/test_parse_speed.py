"""Issue 16, parse-stage speed: what makes it fast is checked as behaviour (no timings here; those are in
``benchmarks/parse_throughput.py``): a cache hit costs no decoding, encoding or worker; a warm rebuild starts
no pool; the memoised tokenising reads lines as before."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from xxgk.package import collect as collect_module
from xxgk.package import parse_cache, pool, store
from xxgk.package.build import build_package
from xxgk.package.collect import plan

from .conftest import SEEDS


def _rows(folder) -> dict[str, tuple[bytes, bytes]]:
    """``{source file: (body, text)}`` of every shard in a store folder."""
    out = {}
    for shard in sorted(folder.glob("*.sqlite")):
        with sqlite3.connect(shard) as conn:
            out.update((name, (body, text)) for name, body, text in conn.execute("SELECT * FROM reports"))
    return out


def test_a_warm_parse_copies_the_rows_without_decoding_encoding_or_a_worker(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cold = store.Store(tmp_path / "cold")
    heads, _ = pool.parse_in_pool(plan(SEEDS), cold, 2, cache_dir=cache)
    parsed_rows = _rows(cold.folder)

    def refuse(*args, **kwargs):
        raise AssertionError("a cache hit must not decode, encode, parse or start a worker")

    for module, name in ((store, "decode"), (store, "encode"), (parse_cache, "encode"), (collect_module, "parse_one")):
        monkeypatch.setattr(module, name, refuse)
    # the pool is handed the misses as the parent looks files up: here there must be none
    monkeypatch.setattr(pool, "_parse_in_pool", lambda work, jobs, *a, **k: refuse() if list(jobs) else iter(()))
    warm = store.Store(tmp_path / "warm")
    again, _ = pool.parse_in_pool(plan(SEEDS), warm, 2, cache_dir=cache)
    assert [(h.source_file, h.report_id, h.status, h.identity) for h in again] == \
        [(h.source_file, h.report_id, h.status, h.identity) for h in heads]
    hits = _rows(warm.folder)
    assert {h.shard for h in again if h.source_file.endswith(".txt")} == {pool.HITS}
    assert {name: hits[name] for name in hits if name.endswith(".txt")} == \
        {name: parsed_rows[name] for name in parsed_rows if name.endswith(".txt")}  # the same bytes


def test_a_warm_build_with_nothing_changed_starts_no_pool(tmp_path, monkeypatch):
    from pebble import ProcessPool

    started = []
    real = ProcessPool.__init__

    def counting(self, *args, **kwargs):
        started.append(1)
        real(self, *args, **kwargs)

    build_package(SEEDS, tmp_path / "cold", workers=2, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(ProcessPool, "__init__", counting)
    build_package(SEEDS, tmp_path / "warm", workers=2, cache_dir=tmp_path / "cache")
    assert started == []
    assert all((tmp_path / "warm" / p.relative_to(tmp_path / "cold")).read_bytes() == p.read_bytes()
               for p in (tmp_path / "cold").rglob("*") if p.is_file())


@pytest.mark.parametrize("markup, expected", [
    # (a block's edges are line ends since session 30: readers._cell_line puts a cell's lines on one, and two numbers
    # on two lines of one cell are no number — test_h30pdf_audit; before, a space each, and 10<br>200 read 10200)
    ("<td>3</td>", "\n3\n"), ("<td></td>", "\n\n"), ("<th> 12 </th>", "\n 12 \n"),
    ("<td>3<sup>1</sup></td>", "\n3¹\n"), ("<td><p>3</p><p>1</p></td>", "\n\n3\n\n1\n\n"),
])
def test_a_cell_is_read_the_same_with_or_without_children(markup, expected):
    """A cell of text only takes a short path; its text is what the walk gives (block spaces included)."""
    import lxml.html

    from xxgk.readers import _cell_text

    cell = lxml.html.fromstring(f"<table><tr>{markup}</tr></table>").xpath("//td|//th")[0]
    assert _cell_text(cell) == expected


def test_memoised_line_tokens_keep_each_lines_number():
    """The same line text on two lines: the pieces are shared, each token keeps its own line number."""
    from xxgk.cells import line_tokens

    first, _ = line_tokens(3, "（一）行政机关公开 12 0 3")
    again, _ = line_tokens(40, "（一）行政机关公开 12 0 3")
    assert [t[:2] for t in first] == [t[:2] for t in again] and {t[2] for t in first} == {3}
    assert {t[2] for t in again} == {40}
    cells, structured = line_tokens(7, "自然人\t5\t—\t")
    assert structured and [(kind, text) for kind, text, _ in cells] == [("text", "自然人"), ("cell", "5"),
                                                                          ("cell", "-"), ("cell", "")]  # folded


def test_the_reports_folder_is_only_read(tmp_path):
    """The parent hashes every file to look it up: it reads, never writes, in reports/."""
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in reports.rglob("*")}
    build_package(reports, tmp_path / "out", workers=2, cache_dir=tmp_path / "cache")
    build_package(reports, tmp_path / "out2", workers=2, cache_dir=tmp_path / "cache")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in reports.rglob("*")} == before
