"""The compare page on a phone: its intro's rules folded under one line, so the menus and the chart come sooner.

Session 48's phone audit: the whole intro and the agency picker's hint took the first screen, and the chart began
816 px down a 701 px screen. The rules (what no agency or one agency shows, sharing, ordering, years never summed)
are one paragraph under a summary on a phone, shown as a paragraph on a desktop; the rule a reader must not miss
(a missing value is 无数据, not 0) stays in the first sentence.
"""

from __future__ import annotations

import pytest

from .conftest import needs_chromium, wait_for

pytestmark = [pytest.mark.browser, needs_chromium]

RULES = "article h1 ~ details.xxgk-facts"
# (a closed <details>' content keeps its boxes, skipped by content-visibility: checkVisibility tells)
SHOWN = ("return document.querySelector(arguments[0]).checkVisibility("
         "{contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true});")


def test_the_compare_intro_folds_its_rules_on_a_phone_and_shows_them_on_a_desktop(server, chromium):
    try:
        chromium.set_window_size(390, 844)
        chromium.get(server + "/compare/")
        wait_for(lambda: chromium.find_element("css selector", "#xxgk-compare-chart svg"))
        first = chromium.find_element("css selector", "article h1 ~ p").text
        assert "不是0" in first and "无数据" in first, first
        assert chromium.execute_script(SHOWN, RULES + " > summary")
        assert not chromium.execute_script(SHOWN, RULES + " > p")  # folded
        # (session 51: the controls fold under a line naming the view, which opens them: the measure is named on the
        # first screen, and its menu, one tap away, is on it too; the probe was the menu's place alone, which a closed
        # <details> still gives)
        steer = chromium.find_element("css selector", "#xxgk-compare-steer > summary")
        assert "本年新收申请" in steer.text
        assert chromium.execute_script("return arguments[0].getBoundingClientRect().bottom <= innerHeight", steer)
        steer.click()
        wait_for(lambda: chromium.execute_script(SHOWN, "#xxgk-compare-metric"))
        # the picker's fieldset holds the picker alone: its hint is one of the folded rules
        assert "添加机构" in chromium.find_element("css selector", "#xxgk-compare fieldset").text
        assert "不选机构时" not in chromium.find_element("css selector", "#xxgk-compare fieldset").text
        below = chromium.execute_script("return document.querySelector('#xxgk-compare-metric')"
                                        ".getBoundingClientRect().bottom <= innerHeight")
        assert below, "the measure's menu is on the first screen of a phone"
        chromium.find_element("css selector", RULES + " > summary").click()
        wait_for(lambda: chromium.execute_script(SHOWN, RULES + " > p"))
        assert "不选机构时显示所选年度该指标最大的机构" in chromium.find_element("css selector", RULES + " > p").text

        chromium.set_window_size(1366, 900)
        chromium.get(server + "/compare/")
        wait_for(lambda: chromium.execute_script(SHOWN, RULES + " > p"))
        assert not chromium.execute_script(SHOWN, RULES + " > summary")  # a paragraph, no fold, on a desktop
    finally:
        chromium.set_window_size(1366, 900)


def test_a_findings_list_of_splits_keeps_each_split_on_one_line():
    # (audit Q, session 48: on a phone 可拆为多种（39 60 181；3 960 181） wrapped inside a split, 39 60 / 181, which
    # then read as two splits)
    from xxgk.findings import make
    from xxgk.site.report_page import ReportPages

    finding = make("cells_ambiguous", table="2", row="行政规范性文件", actual="3960181",
                   expected="39 60 181；3 960 181")
    shown = ReportPages._finding_said(None, {"message": finding.message, "line": None}, "", None)
    assert '<span class="xxgk-nowrap">39 60 181</span>；<span class="xxgk-nowrap">3 960 181</span>' in shown, shown
