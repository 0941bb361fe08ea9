"""Session 48's hostile round (helper H): the file type of a file whose worker died, tasks the process pool loses,
the page charset labels a browser knows, what a parse cache entry may carry, and what a hostile publisher may send."""

from __future__ import annotations

import io
import zipfile

import pytest

from xxgk.findings import make
from xxgk.package import collect
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
