"""A share whose denominator is 0 (an agency that handled no request has no 予以公开比例) is no missing number:
the agency, report and compare pages say 无从计算, not 无数据 (报告中没有这个数) (audit 24: 昌吉市行政审批局 and
海城市数据局, 0 requests each, read 无数据, and their agency pages said their tables were missing or unreadable)."""

from __future__ import annotations

import json

from xxgk.package.metrics import metric_rows, share_bases, share_of_nothing

from .conftest import read_page

CHANGJI = "xinjiang-changji-changji-xingzhengshenpiju"  # the seeds: 2025, 0 requests, 0 reviews and suits
GEERMU_DATA = "qinghai-haixi-geermu-shujuju"  # the seeds: 2025, its table 三 absent (a missing number)


def test_a_share_is_of_nothing_when_its_denominators_measures_are_there_and_add_up_to_0():
    bases = share_bases(metric_rows())
    assert bases["other_share"] == ("processed",)  # every edition's formula divides by 办理总计
    assert share_of_nothing({"granted_share": None, "processed": 0}, "granted_share", bases)
    assert not share_of_nothing({"granted_share": None, "processed": None}, "granted_share", bases)  # missing
    assert not share_of_nothing({"granted_share": None, "processed": 11}, "granted_share", bases)  # 数据不一致
    assert not share_of_nothing({"received": None}, "received", bases)  # a count is never a share
    zero = {"corrected_share": None, "review_total": 0, "litigation_total": 0}
    assert share_of_nothing(zero, "corrected_share", bases)
    assert not share_of_nothing(zero | {"litigation_total": None}, "corrected_share", bases)


def test_the_pages_say_a_share_of_nothing_apart_from_a_missing_number(built_site):
    page = read_page(built_site / "a" / CHANGJI / "index.html")
    years = page.split("历年报告", 2)[2].split("</table>")[0]
    assert ">无从计算</td>" in years and ">无数据</td>" not in years  # 予以公开比例 of 0 requests
    assert "“无从计算”：比例的分母为0" in page
    assert "表格缺失或无法读取" not in page  # before: 没有图表 … 表格缺失或无法读取, of tables read whole, all 0
    assert "没有图表：办理结果构成（%）、纠正机关的比例（%）——本机构各年度这些比例的分母为0" in page
    report = read_page(built_site / "a" / CHANGJI / "2025.html")
    assert "予以公开比例（%）</td><td class=\"xxgk-num xxgk-missing\" title=\"比例的分母为0\">无从计算" in report
    missing = read_page(built_site / "a" / GEERMU_DATA / "index.html")  # a missing number stays 无数据
    years = missing.split("历年报告", 2)[2].split("</table>")[0]
    assert ">无数据</td>" in years and "无从计算" not in years
    absent = "没有图表：申请数量（件）、办理结果构成（%）、不予公开的理由（件）——本机构各年度的报告中没有这些数值"
    assert absent in missing
    assert "没有图表：纠正机关的比例（%）——本机构各年度这些比例的分母为0" in missing  # its table 四: all 0
    share = json.loads((built_site / "json" / "m" / "granted_share.json").read_text(encoding="utf-8"))
    assert CHANGJI in share["z"] and GEERMU_DATA not in share["z"]  # for the compare page
