"""Session 48's hostile round (helper H): the file type of a file whose worker died, tasks the process pool loses,
the page charset labels a browser knows, what a parse cache entry may carry, and what a hostile publisher may send."""

from __future__ import annotations

import io
import subprocess
import zipfile
from concurrent.futures import Future
from concurrent.futures import TimeoutError as Timeout
from pathlib import Path

import pytest

from xxgk.findings import Finding, make
from xxgk.package import collect, pool_tasks
from xxgk.readers import read_bytes

from .factory import as_html, tab_report


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><document/>')
    return out.getvalue()


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
