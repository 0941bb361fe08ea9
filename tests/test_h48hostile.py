"""Session 48's hostile round (helper H): the file type of a file whose worker died, tasks the process pool loses,
the page charset labels a browser knows, what a parse cache entry may carry, and what a hostile publisher may send."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import Future
from concurrent.futures import TimeoutError as Timeout
from pathlib import Path

import pytest

from xxgk.findings import Finding, make
from xxgk.package import collect, pool_tasks
from xxgk.readers import read_bytes

from .factory import as_html, tab_report
from .test_hostile24_audit import _docx

# -- 1. a file the pool killed or timed out has the type its reader would have sniffed ---------------------------------


def test_a_pdf_a_page_and_a_docx_whose_workers_died_keep_their_file_type(tmp_path, monkeypatch):
    files = {"甲.pdf": b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", "乙.html": as_html(tab_report()).encode("utf-8"),
             "丙.docx": _docx(), "丁.pdf": b"<!DOCTYPE html><html><body>\xe6\x8a\xa5\xe5\x91\x8a</body></html>",
             "戊.txt": b"   "}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)

    def killed(work, jobs, workers, initializer=None):
        for item, _args in jobs:  # every worker killed on its file (SIGKILL: out of memory, a crash in C)
            yield item, make("worker_died", detail="退出码 -9")

    monkeypatch.setattr(collect, "_parse_in_pool", killed)
    reports = {r.source_file: r for r in collect.collect(tmp_path, workers=2)}
    assert {name: r.kind for name, r in reports.items()} == {
        "甲.pdf": "pdf", "乙.html": "html", "丙.docx": "docx", "丁.pdf": "html", "戊.txt": ""}
    assert all([f.code for f in r.findings] == ["worker_died"] and r.status == "failed" for r in reports.values())
    assert all(len(r.sha256) == 64 for r in reports.values())


# -- 2. a task the pool loses is found and tried again ----------------------------------------------------------------


def _dead_pid() -> int:
    """The pid of a process that has ended and been reaped."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


class _Pool:
    """A stand-in for pebble's ProcessPool that plays, for each file, the tries ``PLAN`` gives it: ``ok`` (run here),
    ``lost`` (its worker noted it ran, then died; no result ever), ``declined`` (its worker noted it declined, then
    died; no result), ``unstarted`` (its wall time ran out, no worker ever noted it), ``slow`` (its wall time ran out
    while it ran), ``breaks`` (the pool breaks: the task never ends). Every pool made is in ``MADE``."""

    PLAN: dict[str, list[str]] = {}
    MADE: list[_Pool] = []
    DEAD = 0

    def __init__(self, max_workers, initializer=None):
        self.active, self.tries = True, []
        _Pool.MADE.append(self)

    def schedule(self, function, args=(), timeout=None):
        note, work, name = args
        plan = _Pool.PLAN[name]
        step = plan.pop(0) if len(plan) > 1 else plan[0]
        self.tries.append((name, step))
        future = Future()
        if step == "ok":
            future.set_result(work(name))
        elif step in ("lost", "declined"):
            Path(note).write_text(f"{_Pool.DEAD} {'runs' if step == 'lost' else 'declines'}", encoding="ascii")
            future.set_running_or_notify_cancel()
        elif step == "unstarted":
            future.set_exception(Timeout())
        elif step == "slow":
            Path(note).write_text(f"{_Pool.DEAD} runs", encoding="ascii")
            future.set_exception(Timeout())
        elif step == "breaks":
            self.active = False
        return future

    def close(self):
        pass

    def join(self):
        pass

    def stop(self):
        pass


@pytest.fixture
def fake_pool(monkeypatch):
    import pebble

    monkeypatch.setattr(pebble, "ProcessPool", _Pool)
    monkeypatch.setattr(pool_tasks, "TICK", 0.01)
    monkeypatch.setattr(pool_tasks, "GRACE", 0.0)
    _Pool.MADE.clear()
    _Pool.DEAD = _dead_pid()
    return _Pool


def _outcomes(plan: dict[str, list[str]], workers: int = 2) -> dict[str, str]:
    _Pool.PLAN = {name: list(steps) for name, steps in plan.items()}
    out = collect._parse_in_pool(lambda name: f"read {name}", [(name, (name,)) for name in plan], workers)
    return {name: o.message if isinstance(o, Finding) else o for name, o in out}


def test_a_file_whose_task_the_pool_lost_is_read_on_its_second_try(fake_pool):
    outcomes = _outcomes({"a": ["lost", "ok"], "b": ["declined", "ok"], "c": ["unstarted", "ok"], "d": ["ok"]})
    assert outcomes == {"a": "read a", "b": "read b", "c": "read c", "d": "read d"}
    assert [step for _, step in fake_pool.MADE[0].tries].count("ok") == 4


def test_a_file_lost_twice_fails_and_says_it_was_tried_again(fake_pool):
    outcomes = _outcomes({"a": ["lost", "lost"], "b": ["slow"], "c": ["ok"]})
    assert outcomes["a"].startswith("解析进程意外终止：") and outcomes["a"].endswith(collect.RETRIED), outcomes
    # its own wall time ran out while it ran: not tried again
    assert outcomes["b"] == f"超出处理上限：处理超过 {collect.BUDGET.wall_seconds:g} 秒墙钟时间"
    assert outcomes["c"] == "read c"
    assert [name for name, _ in fake_pool.MADE[0].tries].count("b") == 1


def test_the_files_of_a_pool_that_broke_are_read_on_a_new_pool(fake_pool):
    outcomes = _outcomes({"a": ["ok"], "b": ["breaks", "ok"], "c": ["ok"]}, workers=1)
    assert outcomes == {"a": "read a", "b": "read b", "c": "read c"}
    assert len(fake_pool.MADE) == 2


# -- 3. a page's charset label counts only when a browser knows it ----------------------------------------------------


def _page(label: str, encoding: str) -> bytes:
    return f'<html><head><meta charset="{label}"></head><body>{as_html(tab_report())}</body></html>'.encode(encoding)


@pytest.mark.parametrize("label", ["utf-7", "unicode_escape", "rot13"])
def test_a_label_no_browser_knows_is_no_declaration(label):
    source = read_bytes(_page(label, "utf-8"), ".html")
    assert source.kind == "html" and "样例县数据局" in source.text
    assert "text_encoding_declared" not in [f.code for f in source.findings]


@pytest.mark.parametrize("label", ["unicode11utf8", "ucs-2", "x-gbk"])
def test_a_label_browsers_know_and_python_does_not_is_a_declaration(label):
    """A GBK page declaring UTF-8 (by a label Python's codecs lack), UTF-16 (read as UTF-8 in a page) or GBK: the
    first two show mojibake in a browser, the third does not."""
    source = read_bytes(_page(label, "gbk"), ".html")
    said = [f.code for f in source.findings]
    assert "样例县数据局" in source.text
    assert said.count("text_encoding_declared") == (label != "x-gbk"), said


# -- 4. a parse cache entry carries no more than a report could -------------------------------------------------------


@pytest.fixture(scope="module")
def _parsed_once(tmp_path_factory) -> tuple[Path, Path, dict]:
    """Two small reports, parsed once into a parse cache: ``(reports folder, cache folder, {name: honest report})``."""
    folder = tmp_path_factory.mktemp("cached")
    reports, cache = folder / "reports", folder / "cache"
    reports.mkdir()
    for name in ("甲.txt", "乙.txt"):
        (reports / name).write_text(tab_report(agency="样例县数据局" if name == "甲.txt" else "某市民政局"),
                                    encoding="utf-8")
    honest = {r.source_file: r for r in collect.collect(reports, cache_dir=cache)}
    return reports, cache, honest


@pytest.fixture
def cached(_parsed_once, tmp_path) -> tuple[Path, Path, dict]:
    """``_parsed_once`` with a cache of this test's own (a copy) to forge."""
    import shutil

    reports, cache, honest = _parsed_once
    shutil.copytree(cache, tmp_path / "cache")
    return reports, tmp_path / "cache", honest


def _forge(cache: Path, name: str, change) -> None:
    """Rewrite the entry of report ``name`` as someone who can write the cache could: ``change(head, body, text)``
    edits its head, its fields and its text (JSON and str), and the entry's digest is made to match."""
    import json
    import sqlite3
    import zlib

    from xxgk.package import parse_cache

    (file,) = cache.glob("parse/*/entries.sqlite")
    with sqlite3.connect(file) as conn:
        for key, meta, body, packed in conn.execute("SELECT key, meta, body, text FROM entries").fetchall():
            data = json.loads(meta)
            if data["name"] != name:
                continue
            fields_ = json.loads(zlib.decompress(body))
            text = zlib.decompress(packed).decode("utf-8")
            text = change(data["head"], fields_, text) or text
            body = zlib.compress(json.dumps(fields_, ensure_ascii=False).encode("utf-8"))
            data["digest"] = parse_cache._digest(data["head"], body, text.encode("utf-8"))
            conn.execute("UPDATE entries SET meta = ?, body = ?, text = ? WHERE key = ?",
                         (json.dumps(data, ensure_ascii=False).encode("utf-8"), body,
                          zlib.compress(text.encode("utf-8")), key))


def _year_as_text(head, body, text):
    head["record"]["year"] = body["record"]["year"] = "2024"


def _amount_not_a_number(head, body, text):
    body["record"]["facts"][0]["value"] = "abc"  # (Decimal("abc"): InvalidOperation, which stopped the build)


def _amount_infinite(head, body, text):
    body["record"]["facts"][0]["value"] = "Infinity"


def _agency_id_outside(head, body, text):
    head["identity"]["agency_id"] = body["identity"]["agency_id"] = "../../../../tmp/h48-outside"


def _huge_text(head, body, text):
    return "正文\n" * 1_600_000  # 4.8 M characters: more than any reader gives (BUDGET.text_chars)


def _huge_head(head, body, text):  # (a head stays in the build's process for every report: some hundred bytes)
    head["identity"]["printed"] = body["identity"]["printed"] = ["样例县数据局" * 100] * 2000


def _finding_made_up(head, body, text):
    body["record"]["findings"].append({"code": "all_clear", "severity": "info", "message": "<b>无误</b>",
                                       "table": None, "row": None, "column": None, "expected": None,
                                       "actual": None, "line": None})


def _error_made_a_warning(head, body, text):
    body["file_findings"].append({"code": "over_budget", "severity": "warning", "message": "x", "table": None,
                                  "row": None, "column": None, "expected": None, "actual": None, "line": None})


def _head_not_its_rows(head, body, text):
    head["status"] = "parsed" if head["status"] != "parsed" else "partial"


@pytest.mark.parametrize("change", [_year_as_text, _amount_not_a_number, _amount_infinite, _agency_id_outside,
                                    _huge_text, _huge_head, _finding_made_up, _error_made_a_warning,
                                    _head_not_its_rows])
def test_a_forged_entry_of_another_shape_is_parsed_again(cached, capsys, change):
    reports, cache, honest = cached
    _forge(cache, "甲.txt", change)
    capsys.readouterr()
    again = {r.source_file: r for r in collect.collect(reports, cache_dir=cache)}
    said = capsys.readouterr().err
    assert "parse cache entry for 甲.txt unreadable" in said and "re-parsed" in said, said
    assert {n: (r.record, r.identity, r.text, r.findings) for n, r in again.items()} == \
        {n: (r.record, r.identity, r.text, r.findings) for n, r in honest.items()}


def test_a_forged_entry_of_a_reports_shape_carries_what_a_report_could(cached, capsys):
    """Hostile strings where a report may print anything (its narrative, its agency's printed name): taken, as the
    report's own text would give them — and escaped by every sink as a report's are (the CSV cell below)."""
    from xxgk.package.stream import render

    hostile = '=HYPERLINK("http://e.example/x","点此")<script>alert(1)</script>'
    reports, cache, _ = cached

    def narrative(head, body, text):
        body["record"]["sections"]["overview"] = hostile

    _forge(cache, "甲.txt", narrative)
    capsys.readouterr()
    forged = {r.source_file: r for r in collect.collect(reports, cache_dir=cache)}["甲.txt"]
    assert "re-parsed" not in capsys.readouterr().err
    assert forged.record.sections["overview"] == hostile
    texts, _, _ = render(forged, {})  # the package's rows of the report: its sections.csv cell formula-escaped
    assert hostile not in texts["sections"] and "'=HYPERLINK" in texts["sections"], texts["sections"][:300]


def test_the_store_parses_again_a_cache_row_of_another_shape(_parsed_once, tmp_path):
    """The build's path: a hit is copied into the store's ``hits`` shard undecoded, and checked when read."""
    import json
    import zlib

    from xxgk.package.store import Store, encode, head_of

    _, _, honest = _parsed_once
    store = Store(tmp_path / "store", again=lambda head: f"{head.source_file} parsed again")
    shard = store.shard("hits")
    heads = {}
    for name, report in honest.items():
        body, text = encode(report)
        if name == "甲.txt":
            fields_ = json.loads(zlib.decompress(body))
            fields_["record"]["year"] = "2024"
            body = zlib.compress(json.dumps(fields_, ensure_ascii=False).encode("utf-8"))
        shard.conn.execute("INSERT INTO reports VALUES (?, ?, ?)", (name, body, text))
        heads[name] = head_of(report, "hits")
    shard.close()
    assert store.get(heads["甲.txt"]) == "甲.txt parsed again"
    assert store.get(heads["乙.txt"]).record == honest["乙.txt"].record
    store.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_put_in_the_place_of_a_file_whose_worker_died_is_not_read(tmp_path):
    """Listed as a file, then swapped for a named pipe while its worker ran: no checksum of what the pipe gives."""
    os.mkfifo(tmp_path / "甲.pdf")
    report = collect._failed(tmp_path, collect.Input("甲.pdf", "甲.pdf"), make("worker_died", detail="退出码 -9"))
    assert (report.sha256, report.kind) == ("", "")


def _mht(html: bytes, charset: str) -> bytes:
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: text/html; charset=" + charset.encode() + b"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + html + b"\r\n--b--\r\n")


@pytest.mark.parametrize("charset", ["unicode_escape", "raw_unicode_escape", "utf-7"])
def test_a_single_file_page_in_a_charset_no_browser_knows_is_read_as_its_bytes_show(charset):
    """``\\u6837…`` (or UTF-7's ``+bjdPi1Ow-``) is what a browser shows such a page to hold, not 样例县."""
    escaped = b"+bjdPi1Ow-" if charset == "utf-7" else rb"\u6837\u4f8b\u53bf"
    source = read_bytes(_mht(b"<html><body><p>" + escaped + b"</p></body></html>", charset), ".mht")
    assert "样例县" not in source.text and escaped.decode("ascii") in source.text, source.text


def test_a_single_file_page_labelled_gb2312_holding_gbk_characters_is_read_whole():
    """A browser reads a GB2312 label as GBK: 喆 and 堃 (GBK, not GB2312) are read, not lost to a fallback."""
    text = "样例县喆堃局"
    source = read_bytes(_mht(f"<html><body><p>{text}</p></body></html>".encode("gbk"), "gb2312"), ".mht")
    assert text in source.text, source.text


def test_the_pool_runs_where_no_temporary_folder_can_be_made(fake_pool, monkeypatch):
    """The notes' folder is the pool's only new need: without one (a full or read-only /tmp) files are still read."""

    def refused(*args, **kwargs):
        raise PermissionError(13, "read-only")

    monkeypatch.setattr(pool_tasks.tempfile, "mkdtemp", refused)
    assert _outcomes({"a": ["ok"], "b": ["unstarted", "ok"]}) == {"a": "read a", "b": "read b"}


def _render_entry(tmp_path: Path, blocks: list) -> Path:
    """A render cache file holding ``blocks`` under key ``k``, its hash matching (as a forger would make it)."""
    import hashlib
    import sqlite3

    from xxgk.package import render_cache

    path = tmp_path / "entries.sqlite"
    data = render_cache.to_data(blocks)
    with sqlite3.connect(path) as conn:
        conn.execute(f"CREATE TABLE {render_cache.TABLE} (key TEXT PRIMARY KEY, digest TEXT, data BLOB)")
        conn.execute(f"INSERT INTO {render_cache.TABLE} VALUES ('k', ?, ?)", (hashlib.sha256(data).hexdigest(), data))
    return path


def _other_reports_row(texts, rid):
    texts["reports"] += texts["reports"].replace(rid, "other-000000", 1)


def _formula_cell(texts, rid):
    texts["sections"] += f'{rid},overview,9,"=HYPERLINK(""http://e.example/x"",""点此"")"\n'


def _inner_formula(texts, rid):
    texts["sections"] += f'{rid},overview,9,"概述;=cmd|x"\n'


def _another_table(texts, rid):
    texts["agencies"] = f"{rid},某局\n"


@pytest.mark.parametrize("change", [None, _other_reports_row, _formula_cell, _inner_formula, _another_table,
                                    "wide", "sheet"])
def test_a_render_cache_entry_holds_only_its_reports_rows_as_the_package_writes_them(_parsed_once, tmp_path, capsys,
                                                                                    change):
    """The render cache is a table of the parse cache's file: a forged entry (its hash matching) put rows of other
    reports, or cells a spreadsheet runs, into the package as they were, or stopped the build (another table)."""
    from xxgk.package import render_cache
    from xxgk.package.stream import render

    report = _parsed_once[2]["甲.txt"]
    texts, wide, sheet = render(report, {})
    if change == "wide":  # the first wide table's columns another's: the writer stopped the build on them
        wide = ((("报告编号", "另一列"), wide[0][1]), *wide[1:])
    elif change == "sheet":  # a workbook sheet the package has not, or its header another's
        sheet = [("codebook", ("报告编号",), (report.report_id,)), *sheet]
    elif change is not None:
        change(texts, report.report_id)
    reader = render_cache.Reader(_render_entry(tmp_path, [(texts, wide, sheet)]))
    got = reader.get("k", "甲.txt", [report.report_id])
    reader.close()
    assert (got is not None) == (change is None)
    assert ("rendered again" in capsys.readouterr().err) == (change is not None)


def _retired_here() -> tuple[bool, int]:
    """A job: whether this pool worker could arrange to retire once its result is sent (``pool_tasks.retire``)."""
    return pool_tasks.retire(), os.getpid()


def test_a_spent_worker_retires_cleanly_under_the_installed_pebble():
    """``retire`` finds the installed pebble's worker channel (a pebble whose internals moved would leave spent
    workers to the racy decline by exiting), and the next file is read by a new worker."""
    outcomes = [o for _, o in collect._parse_in_pool(_retired_here, [(None, ()), (None, ())], 1)]
    assert [retired for retired, _ in outcomes] == [True, True]
    assert outcomes[0][1] != outcomes[1][1]
