"""Session 48's hostile round (helper H): the file type of a file whose worker died, tasks the process pool loses,
the page charset labels a browser knows, what a parse cache entry may carry, and what a hostile publisher may send."""

from __future__ import annotations

import io
import zipfile

from xxgk.findings import make
from xxgk.package import collect

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
