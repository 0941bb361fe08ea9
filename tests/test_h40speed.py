"""Session 40: byte-identical cuts where the full build spends (issue 16, ``benchmarks/SCALE.md``). Counted, never
timed: the work is done less often, and what it gives is the same.

1. A report page's key figures say why a figure is missing (session 39): 新收申请, 办理, 行政复议 and 行政诉讼 are
   published metrics whose reasons ``metric_values.missing`` holds; only the six outcome groups, which are not
   published, are evaluated — and only on a report that lacks one (every report page evaluated all ten)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import lxml.html
import pytest

from xxgk.site import report_page as report_page_module
from xxgk.site.report_page import ReportPages

from .test_h38reasons import NEW, _year, reports_folder
from .test_parse16 import report

GRANTED = "（一）予以公开\t4\t0\t0\t0\t0\t0\t4"
NOT_HELD = "（四）无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1"


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """Session 38's six reports of one agency, each missing a value for one reason (``test_h38reasons``), and two
    more years: 2018 prints 予以公开's 总计 as ``/`` (an outcome not printed), 2019 loses a cell of 无法提供's first
    row (an outcome not read: row_lost_cells)."""
    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("h40keys")
    names = reports_folder(work / "reports")
    base = report()
    assert GRANTED in base and NOT_HELD in base and NEW in base
    extra = {2018: base.replace(GRANTED, GRANTED[:-1] + "/"), 2019: base.replace(NOT_HELD, NOT_HELD.rsplit("\t", 1)[0])}
    manifest = (work / "reports" / "sources.csv").read_text(encoding="utf-8").splitlines()
    last = manifest[-1]  # (2025's line)
    for year, text in extra.items():
        (work / "reports" / f"{year}.txt").write_text(_year(year, text), encoding="utf-8")
        manifest.append(last.replace(names[2025], f"{year}.txt").replace("2025", str(year)))
    (work / "reports" / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    _, errors = build_package(work / "reports", work / "datapackage", workers=1)
    assert errors == []
    return work / "datapackage"


def _pages(package: Path, site_src: Path, monkeypatch) -> tuple[dict[int, str], list[str]]:
    """The pages stage of ``package``: ``({year: the text of its report page's key figures},
    [report ids whose key figures called the evaluator])``."""
    from xxgk.site.build import write_site_src

    years = {r["report_id"]: int(r["year"]) for r in _csv(package / "data" / "reports.csv")}
    lines: dict[int, str] = {}
    evaluated: list[str] = []
    key_figures, evaluate = ReportPages._key_figures, report_page_module.report_results

    def recorded(self, r):
        out = key_figures(self, r)
        lines[years[r["report_id"]]] = lxml.html.fragment_fromstring(out).text_content() if out else ""
        return out

    def counted(tables, metrics):
        evaluated.extend(r["report_id"] for r in tables["reports"])
        return evaluate(tables, metrics)

    monkeypatch.setattr(ReportPages, "_key_figures", recorded)
    monkeypatch.setattr(report_page_module, "report_results", counted)
    write_site_src(package, site_src)
    monkeypatch.undo()
    return lines, [str(years[rid]) for rid in evaluated]


def test_a_report_page_evaluates_the_outcomes_only_where_one_is_missing(package, tmp_path, monkeypatch):
    """Before, every report page evaluated its ten key figures' reasons (``metrics.report_results`` on its own rows:
    +7 % on the pages stage at 2,000 reports, session 39) though four are published with their reasons and most
    reports print every outcome."""
    lines, evaluated = _pages(package, tmp_path / "site_src", monkeypatch)
    assert sorted(lines) == list(range(2018, 2026))
    assert sorted(evaluated) == ["2018", "2019"], evaluated  # the two reports lacking an outcome, once each


def test_the_key_figures_say_the_same_reasons(package, tmp_path, monkeypatch):
    """Each reason in the key figures, written here from the reports' layout (not by the code under test): the
    published four's from ``metric_values.missing``, the outcomes' evaluated."""
    lines, _ = _pages(package, tmp_path / "site_src", monkeypatch)
    assert lines[2020] == ""  # an empty file: not read, no line
    assert lines[2018].startswith("新收申请 5 件，办理 5 件（予以公开 无数据（报告未印此数），部分公开 0，"), \
        lines[2018]
    assert "无法提供 无数据（此数未能读出），不予处理 0，其他处理 0）" in lines[2019], lines[2019]
    assert lines[2021].startswith("新收申请 无数据（报告未印此数），办理 5 件（予以公开 4，"), lines[2021]
    assert lines[2025].startswith("新收申请 无数据（此数未能读出），办理 5 件（予以公开 4，"), lines[2025]
    assert lines[2022] == ("新收申请 0 件，办理 0 件（予以公开 0，部分公开 0，不予公开 0，无法提供 0，不予处理 0，"
                           "其他处理 0）；行政复议 0 件，行政诉讼 0 件。"), lines[2022]
    for year in (2023, 2024):
        assert "无数据" not in lines[year] and "行政复议 0 件，行政诉讼 0 件。" in lines[year], lines[year]
