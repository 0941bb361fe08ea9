"""An amount of table 二 no publisher of its tier could have is published missing with ``value_implausible``.

A township's procurement of 1,500 万元 printed in 元 under 2019's 采购总金额 (a header with no unit) read 1,500 亿元
and was published as such: nothing in the text says the unit, and the identities do not cover table 二. The package
stage knows who published the report (its tier and kind) and voids what no such publisher could have
(``rules/amount_bounds.csv``), keeping the printed number in the finding.
"""

from __future__ import annotations

import csv
from pathlib import Path

from xxgk.package.build import build_package
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card

from .factory import tab_report
from .test_content26_audit import T2_2019

TOWNSHIP = "样例乡人民政府"


def _township_2019(amount: str) -> str:
    """A 2019-template report of a township whose 采购总金额 prints no unit (the 2019 header's own form)."""
    text = tab_report(agency=TOWNSHIP, year=2019)
    return text[:text.index("二、主动公开")] + T2_2019.format(unit="", amount=amount) + text[text.index("三、收到"):]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_townships_procurement_printed_in_yuan_is_published_missing_with_the_printed_number(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "yuan.txt").write_text(_township_2019("15000000"), encoding="utf-8")
    (reports / "wanyuan.txt").write_text(_township_2019("1500.25").replace("样例乡", "测试乡"), encoding="utf-8")
    build_package(reports, tmp_path / "out", workers=1)
    data = tmp_path / "out" / "data"
    ids = {r["source_file"]: r for r in _rows(data / "reports.csv")}
    yuan, wanyuan = ids["yuan.txt"]["report_id"], ids["wanyuan.txt"]["report_id"]
    amounts = {(r["report_id"], r["item"], r["measure"]): r for r in _rows(data / "active_disclosure.csv")}
    voided = amounts[(yuan, "procurement", "amount_10k_yuan")]
    assert (voided["value"], voided["amount"]) == ("", "")
    assert amounts[(wanyuan, "procurement", "amount_10k_yuan")]["amount"] == "1500.25"
    assert amounts[(yuan, "procurement", "projects")]["value"] == "135"  # the row's count is read as printed
    (finding,) = [f for f in _rows(data / "findings.csv") if f["code"] == "value_implausible"]
    assert finding["report_id"] == yuan and finding["severity"] == "warning"
    assert (finding["actual"], finding["row"], finding["column"]) == ("15000000", "政府集中采购", "采购总金额（万元）")
    assert finding["line"] == voided["line"] != ""
    assert "15000000万元" in finding["message"] and "乡镇" in finding["message"] and "记为缺失" in finding["message"]
    assert ids["yuan.txt"]["status"] == "partial" and ids["wanyuan.txt"]["status"] == "parsed"


def test_a_fee_is_voided_by_its_publishers_tier_and_kept_at_the_bound(tmp_path):
    """A township's fees above 5 亿元 (50,000 万元) are voided, 50,000 itself kept; the same 15,000,000 of a
    publisher whose tier is unknown is within the widest bound (the whole country's) and kept."""
    (tmp_path / "a.txt").write_text(tab_report(agency=TOWNSHIP, fee="15000000"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(tab_report(agency="测试乡人民政府", fee="50000"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(tab_report(agency="样例局", fee="15000000"), encoding="utf-8")
    reports = collect(tmp_path, workers=1)
    add_report_card(reports)
    fees = {r.source_file: r.record.values("active")[("fees", "amount_10k_yuan")] for r in reports}
    assert fees["a.txt"] is None and str(fees["b.txt"]) == "50000" and str(fees["c.txt"]) == "15000000"
    found = {r.source_file: [f.expected for f in r.findings if f.code == "value_implausible"] for r in reports}
    assert found == {"a.txt": ["50000"], "b.txt": [], "c.txt": []}


def test_an_amount_left_unconverted_under_another_unit_makes_the_report_partial(tmp_path):
    """A fee under 本年收费金额（单位：元） is not converted (``value_unit``: the header may have lost its 万): the
    cell is missing, as a voided amount's is, so the report is read in part, not in full (it said parsed)."""
    text = tab_report(fee="388330").replace("本年收费金额(单位:万元)", "本年收费金额（单位：元）")
    (tmp_path / "yuan.txt").write_text(text, encoding="utf-8")
    (tmp_path / "wan.txt").write_text(tab_report(fee="38.83"), encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path, workers=1)}
    assert "value_unit" in {f.code for f in reports["yuan.txt"].findings}
    assert reports["yuan.txt"].record.values("active")[("fees", "amount_10k_yuan")] is None
    assert (reports["yuan.txt"].status, reports["wan.txt"].status) == ("partial", "parsed")
