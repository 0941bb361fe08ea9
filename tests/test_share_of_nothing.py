"""A share whose denominator is 0 (an agency that handled no request has no 予以公开比例) is no missing number:
the agency, report and compare pages say 无从计算, not 无数据 (报告中没有这个数) (audit 24: 昌吉市行政审批局 and
海城市数据局, 0 requests each, read 无数据, and their agency pages said their tables were missing or unreadable)."""

from __future__ import annotations

import json

from xxgk.package.metrics import metric_rows, report_results

from .conftest import read_page

CHANGJI = "xinjiang-changji-changji-xingzhengshenpiju"  # the seeds: 2025, 0 requests, 0 reviews and suits
GEERMU_DATA = "qinghai-haixi-geermu-shujuju"  # the seeds: 2025, its table 三 absent (a missing number)


def _why(cells: dict[tuple[str, str, str], int | None], code: str) -> str | None:
    """The reason ``metric_values.missing`` gives for ``code`` of a report read in full holding ``cells``
    (``{(table, key1, key2): value}``; session 38: the reason is the data's, computed where the value is; before,
    ``metrics.share_of_nothing`` recomputed it from the published counts)."""
    keys = {"applications": ("row", "applicant"), "review_litigation": ("proceeding", "outcome")}
    tables = {"reports": [{"report_id": "r", "format": "2021", "status": "parsed"}]}
    for (table, a, b), v in cells.items():
        tables.setdefault(table, []).append({"report_id": "r", keys[table][0]: a, keys[table][1]: b, "value": v})
    return report_results(tables, metric_rows())["r"][code][1]


def test_a_share_is_of_nothing_when_its_denominators_measures_are_there_and_add_up_to_0():
    from xxgk.catalog import outcome_row_codes

    zeros = {("applications", r, "total"): 0 for r in [*outcome_row_codes("2021"), "total_processed"]}
    assert _why(zeros, "granted_share") == "zero_denominator"
    assert _why(zeros, "other_share") == "zero_denominator"  # every edition's formula divides by 办理总计
    total = ("applications", "total_processed", "total")
    assert _why(zeros | {total: None}, "granted_share") == "cell_not_printed"  # a missing number
    assert _why(zeros | {total: 11}, "granted_share") == "identity_broken"  # 数据不一致
    assert _why({("applications", "new", "total"): None}, "received") == "cell_not_printed"  # a count is no share
    four = {("review_litigation", p, o): 0 for p in ("review", "litigation_direct", "litigation_after_review")
            for o in ("upheld", "corrected", "other", "pending", "total")}
    assert _why(four, "corrected_share") == "zero_denominator"
    lost = four | {("review_litigation", "litigation_direct", "total"): None}
    assert _why(lost, "corrected_share") == "cell_not_printed"


def test_the_pages_say_a_share_of_nothing_apart_from_a_missing_number(built_site):
    page = read_page(built_site / "a" / CHANGJI / "index.html")
    years = page.split("历年报告", 2)[2].split("</table>")[0]
    assert ">无从计算</td>" in years and ">无数据</td>" not in years  # 予以公开比例 of 0 requests
    assert "“无从计算”：比例的分母为0" in page
    assert "表格缺失或无法读取" not in page  # before: 没有图表 … 表格缺失或无法读取, of tables read whole, all 0
    assert "没有图表：办理结果构成（%）、纠正机关的比例（%）——本机构各年度这些比例的分母为0" in page
    report = read_page(built_site / "a" / CHANGJI / "2025.html")
    # (the measure heads its row: th scope=row, session 46)
    assert "予以公开比例（%）</th><td class=\"xxgk-num xxgk-missing\" title=\"比例的分母为0\">无从计算" in report
    missing = read_page(built_site / "a" / GEERMU_DATA / "index.html")  # a missing number stays 无数据
    years = missing.split("历年报告", 2)[2].split("</table>")[0]
    assert ">无数据（此表未能读出）</td>" in years and "无从计算" not in years  # (session 38: with its reason)
    absent = "没有图表：申请数量（件）、办理结果构成（%）、不予公开的理由（件）——本站没有本机构任何年度的这些数值"
    assert absent in missing
    assert "没有图表：纠正机关的比例（%）——本机构各年度这些比例的分母为0" in missing  # its table 四: all 0
    share = json.loads((built_site / "json" / "m" / "granted_share.json").read_text(encoding="utf-8"))
    # for the compare page (session 38: each missing year's reason, ``w``, as the data says it; before ``z``, the years
    # of a share of nothing only)
    assert set(share["w"][CHANGJI].values()) == {"zero_denominator"}
    assert set(share["w"][GEERMU_DATA].values()) == {"table_not_read"}
