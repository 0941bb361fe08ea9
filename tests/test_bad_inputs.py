"""Issue 6: forty kinds of bad input fed to one build. For each: the build completes, the file is in
``reports`` with a status, the problem is a finding with a clear message, no traceback, and nothing is
written outside the package folder."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc

import pytest

from xxgk.readers import MAX_BYTES, read_path
from xxgk.site.data import read_csv

from .conftest import SEEDS
from .factory import tab_report

SEED2 = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
SEED3 = (SEEDS / "003_3c47b46a8581de8b.txt").read_text(encoding="utf-8")


def _sections_swapped() -> str:
    head, rest = SEED2.split("三、收到和处理政府信息公开申请情况", 1)
    table3, tail = rest.split(" 四、政府信息公开行政复议、行政诉讼情况", 1)
    table4, end = tail.split("五、存在的主要问题及改进措施", 1)
    return head + "四、政府信息公开行政复议、行政诉讼情况" + table4 + "三、收到和处理政府信息公开申请情况" + table3 + \
        "五、存在的主要问题及改进措施" + end


# name -> (bytes, expected status, finding codes that must be present)
CASES: dict[str, tuple[bytes, str, set[str]]] = {
    "empty.txt": (b"", "failed", {"file_unreadable"}),
    "whitespace.txt": (b"  \n\n\t \n", "failed", {"file_unreadable"}),
    "binary.bin": (bytes(range(256)) * 40, "failed", {"file_unreadable"}),
    "junk.docx": (b"PK\x03\x04 not really a zip" * 10, "failed", {"file_unreadable"}),
    "junk.pdf": (b"%PDF-1.4 broken" * 10, "failed", {"file_unreadable"}),
    # no report text (no section heading, a few characters): failed, said once (before: partial, sections absent)
    "latin1.txt": ("Jahresbericht über Informationsfreiheit".encode("latin-1") * 10, "failed", {"report_text_absent"}),
    "cut_mid_table.txt": ("\n".join(SEED2.split("\n")[:180]).encode(), "partial", {"row_absent", "table_absent"}),
    "sections_out_of_order.txt": (_sections_swapped().encode(), "partial", {"row_lost_cells"}),
    # (parsed: every value read as printed; seed 003's own sums do not hold, which is a finding, not a cell missing)
    "sections_repeated.txt": ((SEED3 + "\n" + SEED3).encode(), "parsed", {"identity_broken", "report_repeated"}),
    "same_agency_a.txt": (tab_report(agency="重复局").encode(), "parsed", {"duplicate_report"}),
    "same_agency_b.txt": (tab_report(agency="重复局").encode(), "parsed", {"duplicate_report"}),
    "manifest_conflict.txt": (tab_report(agency="正文局").encode(), "parsed", {"manifest_override"}),
    # (read as printed, 63292: the report's sums then do not hold — a finding, no cell missing: parsed)
    "thousands.txt": (tab_report("63,292").encode(), "parsed", {"identity_broken"}),
    "fullwidth.txt": (tab_report("６３２９２").encode(), "parsed", {"identity_broken"}),
    "spaced_digits.txt": (tab_report("1 075").encode(), "parsed", {"identity_broken"}),
    "dash.txt": (tab_report("—").encode(), "parsed", {"value_blank"}),
    "slash.txt": (tab_report("/").encode(), "parsed", {"value_blank"}),
    "wu.txt": (tab_report("无").encode(), "parsed", {"value_blank"}),
    "negative.txt": (tab_report("-3").encode(), "partial", {"value_invalid"}),
    "fraction.txt": (tab_report("1.5").encode(), "partial", {"value_invalid"}),
    "jian4.txt": (tab_report("减4").encode(), "partial", {"value_unreadable"}),
    # text in the first value cell is no part of the label (which names the row before it): that cell is
    # unreadable, the other six are read in place, never shifted (before: the row was lost)
    "words_in_first_cell.txt": (tab_report("五件").encode(), "partial", {"value_unreadable"}),
    "words_in_later_cell.txt": (tab_report("零件", column=2).encode(), "partial", {"value_unreadable"}),
    "extra_cell.txt": (tab_report(extra="9").encode(), "partial", {"row_extra_cells"}),
    "traditional.txt": (tab_report(agency="樣例縣數據局").encode(), "parsed", set()),
    "file name with spaces.txt": (tab_report(agency="空格局").encode(), "parsed", set()),
    "script_agency.txt": (tab_report(agency="<script>alert(1)</script>局").encode(), "parsed", set()),
    "img_narrative.txt": (tab_report(agency="图片局", narrative="<img src=x onerror=alert(1)>").encode(), "parsed",
                          set()),
    "md_link.txt": (tab_report(agency="链接局", narrative="[x](javascript:alert(1))").encode(), "parsed", set()),
    "jinja.txt": (tab_report(agency="模板局", narrative="{{ config }} {% raw %}").encode(), "parsed", set()),
    "pipes_backticks.txt": (tab_report(agency="管道局", narrative="| a | `b` ``` c").encode(), "parsed", set()),
    "utf8_bom.txt": (b"\xef\xbb\xbf" + tab_report(agency="标记局").encode(), "parsed", set()),
    "utf16.txt": (tab_report(agency="双字节局").encode("utf-16"), "parsed", set()),
    "gbk.txt": (tab_report(agency="国标局").encode("gb18030"), "parsed", set()),
    "crlf.txt": (tab_report(agency="回车局").replace("\n", "\r\n").encode(), "parsed", set()),
    "cr_only.txt": (tab_report(agency="旧苹果局").replace("\n", "\r").encode(), "parsed", set()),
    "one_long_line.txt": (("报告" * 300_000).encode(), "partial", {"table_absent", "agency_not_found"}),
    "title_only.txt": ("某局2024年政府信息公开工作年度报告\n".encode(), "failed", {"report_text_absent"}),
    "nul_inside.txt": (tab_report(agency="空字符局").encode().replace(b"\n", b"\x00\n", 3), "parsed",
                       {"text_repaired"}),
    "html_no_report.html": (b"<html><body><nav>menu</nav><p>404 Not Found</p></body></html>", "failed",
                            {"report_text_absent"}),
    "nested/deeper/report.txt": (tab_report(agency="子目录局").encode(), "parsed", set()),
    # a row of table 三 not found (its zeros left out, so no identity breaks): its values are missing, so the report
    # is partial, 部分数值缺失 (before: parsed, 已完整读取, with a row's seven cells missing)
    "row_missing.txt": ("\n".join(line for line in tab_report(agency="缺行局").split("\n")
                                  if not line.startswith("2.重复申请")).encode(), "partial", {"row_absent"}),
}
MANIFEST = ("file,agency,year,url,retrieved_at,notes\nmanifest_conflict.txt,清单局,2024,,,\n"
            "../outside.txt,越界局,2024,,,\n")


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    reports = root / "reports"
    for name, (data, _, _) in CASES.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(data)
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    (root / "outside.txt").write_text("must never be read", encoding="utf-8")
    big = reports / "fifty_mb.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 2**20)
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                             "--out", str(root / "datapackage")], capture_output=True, text=True, cwd=root)
    after = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if not  # the package, the parse cache
                   p.relative_to(root).as_posix().startswith(("datapackage", ".xxgk-cache")))
    rows = {r["source_file"]: r for r in read_csv(root / "datapackage" / "data" / "reports.csv")}
    findings: dict[str, set] = {}
    for f in read_csv(root / "datapackage" / "data" / "findings.csv"):
        findings.setdefault(f["report_id"], set()).add(f["code"])
    return result, before, after, rows, findings


def test_the_build_completes_without_a_traceback_and_writes_only_its_package(bad_build):
    result, before, after, _, _ = bad_build
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert after == before


def test_every_file_is_listed_including_the_huge_one(bad_build):
    _, _, _, rows, findings = bad_build
    assert set(rows) == set(CASES) | {"fifty_mb.txt", "sources.csv"}  # the manifest: its unusable row
    assert rows["fifty_mb.txt"]["status"] == "failed"
    assert "file_unreadable" in findings[rows["fifty_mb.txt"]["report_id"]]
    assert "越界局" not in {r["agency"] for r in rows.values()}
    assert findings[rows["sources.csv"]["report_id"]] == {"manifest_row_unusable"}  # ../outside.txt


@pytest.mark.parametrize("name", list(CASES))
def test_each_bad_input_has_a_status_and_its_finding(bad_build, name):
    _, _, _, rows, findings = bad_build
    _, status, codes = CASES[name]
    row = rows[name]
    assert row["status"] == status, (name, findings.get(row["report_id"]))
    assert codes <= findings.get(row["report_id"], set()), (name, findings.get(row["report_id"]))


def test_numbers_in_odd_notations_are_read_or_kept_missing(bad_build, tmp_path):
    from xxgk.parser import parse

    expected = {"thousands.txt": 63292, "fullwidth.txt": 63292, "spaced_digits.txt": 1075, "dash.txt": None,
                "slash.txt": None, "wu.txt": None, "negative.txt": None, "fraction.txt": None, "jian4.txt": None}
    for name, value in expected.items():
        record = parse(CASES[name][0].decode())
        assert record.values("applications")[("new", "natural_person")] == value, name
    extra = parse(CASES["extra_cell.txt"][0].decode()).values("applications")
    assert extra[("new", "total")] is None


def test_traditional_report_keeps_its_original_agency_text_for_display(bad_build):
    _, _, _, rows, _ = bad_build
    assert rows["traditional.txt"]["agency"] == "样例县数据局"


def test_memory_stays_bounded_on_a_huge_file(tmp_path):
    """The bound: files over MAX_BYTES (20 MB) are refused from their size, without being read."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES * 3)
    tracemalloc.start()
    source = read_path(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not source.ok and source.findings[0].code == "file_unreadable"
    assert peak < 2 * 2**20, peak
    assert os.path.getsize(big) == MAX_BYTES * 3
