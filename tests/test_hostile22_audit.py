"""What a hostile-input audit found (session 22): a run of blanks between the first headings tried every way the
table-of-contents check could split it; a text file with a section over ten million characters stopped the whole
package (csv's field limit); a changelog saved by a Windows editor (GBK, UTF-16) stopped the build, a huge one kept
MkDocs busy for minutes; Kingsoft WPS and OFD files were read as text or called a zip; a folder named like a killed
build's store lost its ``*.sqlite`` files; ``xxgk serve`` dropped the connection on ``%00``."""

from __future__ import annotations

import csv
import io
import threading
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from xxgk.readers import BUDGET, MAX_BYTES, allow_long_csv_cells, read_bytes
from xxgk.sections import CONTENTS_GAP, Document, contents_end, text_to_sections


def _codes(source) -> set[str]:
    return {f.code for f in source.findings}


def test_headings_far_apart_are_no_table_of_contents():
    gap = " " * (CONTENTS_GAP + 100)  # a blank page's padding between the headings, not a contents page's leaders
    text = f"一、总体情况{gap}二、主动公开政府信息情况{gap}三、收到和处理政府信息公开申请情况\n" \
           "一、总体情况\n好\n二、主动公开政府信息情况\n规章 0 0 0\n三、收到和处理政府信息公开申请情况\n无\n"
    doc = Document.from_text(text)
    assert [s.heading_line for s in text_to_sections(doc)][0] == 1  # before: read as a contents list, skipped
    leaders = "一、总体情况……1\n二、主动公开政府信息情况……2\n三、收到和处理政府信息公开申请情况……3\n"
    body = "一、总体情况\n好\n二、主动公开政府信息情况\n规章\n三、收到和处理政府信息公开申请情况\n无\n"
    from xxgk.sections import _heading_patterns, _pick

    chosen = _pick(leaders + body, {c: list(p.finditer(leaders + body)) for c, p in _heading_patterns()}, 0)
    assert 0 < contents_end(leaders + body, chosen) < len(leaders)  # a real contents list still is one


def test_a_text_file_over_the_character_budget_is_over_budget_alone(monkeypatch):
    import dataclasses

    from xxgk import readers

    monkeypatch.setattr(readers, "BUDGET", dataclasses.replace(BUDGET, chars=1000))
    source = read_bytes(("一、总体情况\n" + "1 " * 1000).encode("utf-8"), ".txt")
    assert _codes(source) == {"over_budget"}  # before: read whole, then its section stopped the package's CSV
    allow_long_csv_cells()
    assert csv.field_size_limit() >= MAX_BYTES  # whatever a text of at most MAX_BYTES puts in one cell


def test_old_office_wps_files_are_unsupported_and_ofd_files_not_read_as_text():
    wps = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + "政府信息公开工作年度报告".encode("utf-16-le") * 40
    ofd = io.BytesIO()
    with zipfile.ZipFile(ofd, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
    source = read_bytes(wps, ".wps")
    assert _codes(source) == {"format_unsupported"} and "WPS" in source.findings[0].message, source.findings
    # (session 46: an OFD file is read, ofd_text.py — this one, an OFD.xml with no document, is said unreadable as
    # OFD, still never read as text)
    source = read_bytes(ofd.getvalue(), ".ofd")
    assert _codes(source) == {"file_unreadable"} and "OFD" in source.findings[0].message, source.findings


def _changelog_site(tmp_path: Path, changelog: bytes) -> str:
    import shutil

    from tests.conftest import ROOT, site_of

    reports = tmp_path / "reports"
    reports.mkdir(parents=True)
    shutil.copy(next((ROOT / "reports").glob("003_*")), reports)
    (reports / "CHANGELOG.md").write_bytes(changelog)
    site = site_of(reports, tmp_path / "work")
    return (site / "data" / "index.html").read_text(encoding="utf-8")


def test_a_changelog_saved_in_gbk_or_utf16_is_read(tmp_path):
    text = "# 数据更新记录\n\n## 1.0.0（2025-03-01）\n\n- 新增报告。\n"
    for encoding in ("gbk", "utf-16"):
        page = _changelog_site(tmp_path / encoding, text.encode(encoding))  # before: UnicodeDecodeError, no site
        assert "新增报告。" in page and "2025-03-01" in page


def test_a_huge_changelog_is_shown_in_part(tmp_path):
    from xxgk.site.meta import CHANGELOG_SHOWN

    text = "# 数据更新记录\n\n## 1.0.0\n\n" + "".join(f"- 第{i}条更新。\n" for i in range(CHANGELOG_SHOWN))
    page = _changelog_site(tmp_path, text.encode("utf-8"))
    assert "第1条更新。" in page and f"第{CHANGELOG_SHOWN - 1}条更新。" not in page
    assert "全文见数据包中的 CHANGELOG.md" in page


def test_a_folder_named_like_a_stores_but_not_made_by_xxgk_is_never_swept(tmp_path):
    import subprocess
    import sys

    from xxgk.folders import mark_cache_folder
    from xxgk.package.store import sweep

    dead = [subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                           text=True).stdout.strip() for _ in range(2)]  # pids of processes that have ended
    theirs, ours = tmp_path / f".pkg.store-{dead[0]}", tmp_path / f".pkg.store-{dead[1]}"
    for folder in (theirs, ours):
        folder.mkdir()
        (folder / "local.sqlite").write_text("data", encoding="utf-8")
    mark_cache_folder(ours)
    sweep(tmp_path, ".pkg.store-")
    assert (theirs / "local.sqlite").read_text(encoding="utf-8") == "data"  # before: deleted
    assert not ours.exists()  # a killed build's store: removed, marker and folder


def test_a_store_leaves_no_folder_behind(tmp_path):
    from tests.conftest import ROOT
    from xxgk.package.build import build_package

    build_package(ROOT / "reports", tmp_path / "pkg", workers=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]  # the marked store removed whole


def test_serve_answers_a_nul_in_a_path_with_404(tmp_path):
    from xxgk.site.serve import server

    (tmp_path / "404.html").write_text("<p>找不到页面</p>", encoding="utf-8")
    httpd = server(tmp_path, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/a/%00"
        try:
            urllib.request.urlopen(url, timeout=10)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 404  # before: the connection dropped (ValueError: embedded null byte)
    finally:
        httpd.shutdown()
        httpd.server_close()
