"""Second review of audit 25's changes (``b12d899..6255bdf``): what a reader or a build met after them.

* a report whose table 二 uses the 2021 template and table 三 the 2019 one (REPORT_FORMAT.md: the format is
  detected per table) publishes its 行政规范性文件 numbers, and no page calls them 不适用;
* a file the system or git puts into an output folder (Finder's ``.DS_Store``, a ``.gitkeep``) does not stop the
  next build, while anything else a user put there still does;
* a wide CSV without rows has the columns the descriptor describes;
* a Windows checkout of the committed package (and reports) has the bytes its descriptor's hashes are of."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess

import pytest

from tests.test_not_applicable import NORMATIVE, _pages, _report, _table_rows
from xxgk.folders import Refused, check_output, seal
from xxgk.package.build import build_package
from xxgk.package.write import package_files

from .conftest import ROOT, SEEDS

SEED = SEEDS / "002_b58105edacdfa4c5.txt"  # 格尔木市 2024: 行政规范性文件 8 5 26 in a 2021 table 二


def _table3_on_the_2019_template() -> str:
    """Seed 002 with its three （六）其他处理 rows printed as the 2019 template's one (1 + 0 + 16 = 17)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = lines.index("（六）其")
    end = next(i for i, line in enumerate(lines) if line.startswith("3.其他 16"))
    return "\n".join(lines[:start] + ["（六）其他处理 17 0 0 0 0 0 17", ""] + lines[end + 1:])


@pytest.fixture(scope="module")
def mixed_package(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    (root / "reports").mkdir()
    (root / "reports" / "002_mixed.txt").write_text(_table3_on_the_2019_template(), encoding="utf-8")
    _, errors = build_package(root / "reports", root / "out", workers=1)
    assert errors == []
    return root / "out"


def _rows(out, name: str) -> list[dict]:
    with open(out / "data" / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_2021_table_2_under_a_2019_table_3_publishes_its_normative_document_numbers(mixed_package):
    (report,) = _rows(mixed_package, "reports")
    assert report["format"] == "2019"  # table 三's edition
    values = {r["metric"]: r["value"] for r in _rows(mixed_package, "metric_values")}
    # as printed in its table 二 (本年制发 8, 本年废止 5, 现行有效 26): before, all three were published empty
    assert (values["normative_issued"], values["normative_repealed"], values["normative_in_force"]) == ("8", "5", "26")
    assert values["other_share"] == "58.6"  # a table 三 measure still in table 三's edition: 17 of 29


def test_a_year_whose_2021_only_measure_has_a_value_is_never_called_not_applicable():
    # a 2019-format year (table 三's template) that gives the numbers: tabled as numbers, not 不适用
    pages = _pages({"a": dict(zip(NORMATIVE, (8, 5, 26), strict=True)), "b": {}})
    markup = "".join(pages._agency_charts({2023: _report("b", 2023, "2019"), 2024: _report("a", 2024, "2019")}))
    rows = _table_rows(markup, "规范性文件（件）")
    assert rows[1] == ["本年制发行政规范性文件", "不适用", "8"]
    assert rows[3] == ["现行有效行政规范性文件", "不适用", "26"]


def test_a_2021_table_2_whose_cells_were_lost_under_a_2019_table_3_is_missing_not_not_applicable():
    pages = _pages({"a": {}})
    pages.table2_editions = {"a": "2021"}  # its 行政规范性文件 row printed, its cells unreadable
    markup = "".join(pages._agency_charts({2024: _report("a", 2024, "2019")}))
    note = next(n.split("</p>")[0] for n in markup.split("没有图表：")[1:] if "规范性文件" in n.split("</p>")[0])
    assert "表格缺失或无法读取" in note and "不适用" not in note  # (before: 都使用2019年版模板…不适用)


def test_a_2019_table_2_under_a_2021_table_3_does_not_apply_rather_than_missing():
    pages = _pages({"a": {}, "b": dict(zip(NORMATIVE, (3, 1, 10), strict=True))})
    pages.table2_editions = {"a": "2019", "b": "2021"}
    markup = "".join(pages._agency_charts({2023: _report("a", 2023, "2021"), 2024: _report("b", 2024, "2021")}))
    rows = _table_rows(markup, "规范性文件（件）")
    assert rows[1] == ["本年制发行政规范性文件", "不适用", "3"]  # (before: 无数据, a number the report lacked)


@pytest.mark.parametrize("name", [".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"])
def test_a_file_the_system_or_git_puts_in_an_output_does_not_stop_the_next_build(tmp_path, name):
    out = tmp_path / "site"
    (out / "assets").mkdir(parents=True)
    seal(out)
    (out / name).write_text("", encoding="utf-8")  # opening the folder in Finder / Explorer; git's empty folder
    check_output(out, None, "--site")  # (before: refused, "holds '.DS_Store', which xxgk did not write there")


def test_a_users_own_file_in_a_marked_output_still_stops_the_build(tmp_path):
    out = tmp_path / "site"
    (out / "assets").mkdir(parents=True)
    seal(out)
    (out / ".DS_Store").write_text("", encoding="utf-8")
    (out / "CNAME").write_text("data.example.org\n", encoding="utf-8")
    with pytest.raises(Refused, match="CNAME"):
        check_output(out, None, "--site")


def _header(data: bytes) -> list[str]:
    return next(csv.reader(data.decode("utf-8-sig").splitlines()))


def test_a_wide_table_without_rows_has_the_columns_its_descriptor_describes(tmp_path):
    (tmp_path / "reports").mkdir()
    _, errors = build_package(tmp_path / "reports", tmp_path / "out", workers=1)  # (no report: every wide CSV empty)
    assert errors == []
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    wides = descriptor["x_xxgk_wide_tables"]
    streamed = {w["path"]: _header((tmp_path / "out" / w["path"]).read_bytes()) for w in wides}
    whole = package_files([], "0")  # the package written whole
    for wide in wides:
        described = [f["name"] for f in wide["fields"]]
        # (before: 报告编号 alone, while the descriptor and the codebook described 12, 12 and 19 columns)
        assert streamed[wide["path"]] == _header(whole[wide["path"]]) == described
    assert streamed["wide/表2_主动公开.csv"][4:8] == ["格式", "信息内容", "指标1", "数值1"]


def _checked_out_with_crlf(path: str) -> bytes:
    """The committed file ``path`` as Git for Windows checks it out (``core.autocrlf=true``, its default)."""
    done = subprocess.run(["git", "-c", "core.autocrlf=true", "checkout-index", "--temp", "--", path],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    temp = ROOT / done.stdout.split("\t")[0]
    try:
        return temp.read_bytes()
    finally:
        temp.unlink()


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs the git checkout")
def test_a_windows_checkout_of_the_committed_package_matches_its_descriptor():
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"] + descriptor["x_xxgk_wide_tables"]:
        data = _checked_out_with_crlf(f"datapackage/{resource['path']}")
        # (before: every CSV came out with CRLF line ends, and frictionless validate said hash-count, byte-count)
        assert (len(data), "sha256:" + hashlib.sha256(data).hexdigest()) == (resource["bytes"], resource["hash"])
    report = sorted(SEEDS.glob("*.txt"))[0]
    assert _checked_out_with_crlf(f"reports/{report.name}") == report.read_bytes()  # its published sha256


def test_an_older_xxgk_site_opened_in_finder_is_still_taken_as_xxgks(tmp_path):
    site = tmp_path / "site"  # a site an xxgk before the marker wrote (no .xxgk-output), then shown in Finder
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "xxgk.js").write_text("", encoding="utf-8")
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    (site / ".DS_Store").write_text("", encoding="utf-8")
    check_output(site, None, "--site")  # (before: refused, "it holds '.DS_Store', which xxgk never writes")
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(Refused, match="notes.txt"):
        check_output(site, None, "--site")
