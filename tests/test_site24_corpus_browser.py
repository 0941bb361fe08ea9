"""Site audit 24 on the seeds and the corpus (平潭's reports of both template editions, 2019–2025), walked in headless
Chromium: a measure the two editions count differently in the compare page's table and CSV, and how many reports
hold the words a full-text search asked for."""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import needs_chromium, needs_shared
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium, needs_shared]

PINGTAN = "fujian-pingtanzongheshiyanqu"  # the corpus: 2019 (2019 template), 2021, 2023, 2025 (2021 template)


@pytest.fixture(scope="module")
def served_site(indexed_seeds_corpus_site):
    """The seeds and the corpus reports, with the full-text index: one site for the whole module."""
    return indexed_seeds_corpus_site


def _table(chromium) -> list[list[str]]:
    return _wait(lambda: [[c.text for c in tr.find_elements("css selector", "th, td")]
                          for tr in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")])


def _shown_csv(chromium) -> list[dict]:
    """The compare page's CSV of the view, as its link holds it (a blob: URL, read in the page)."""
    link = chromium.find_element("id", "xxgk-compare-csv")
    text = chromium.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0].href).then(function (r) { return r.text(); }).then(done);", link)
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_measure_the_two_templates_count_differently_is_two_rows_in_the_table_and_named_in_the_csv(server,
                                                                                                     chromium):
    # (audit 24 D: the chart drew two series, 2019年版格式 and 2021年版格式, the table one row, 0 | 无报告 | 1.4 …, and
    # the CSV one series with nothing saying which template a value came from)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/compare/?agencies={PINGTAN}&metric=other_share&year=2019-2025")
    rows = {r[0]: r[1:] for r in _table(chromium)}
    assert set(rows) == {"平潭综合实验区（2021年版格式）", "平潭综合实验区（2019年版格式）"}, rows
    #                                         2019      2020      2021     2022      2023     2024      2025
    assert rows["平潭综合实验区（2019年版格式）"] == ["0", "无报告", "不适用", "无报告", "不适用", "无报告", "不适用"]
    assert rows["平潭综合实验区（2021年版格式）"] == ["不适用", "无报告", "1.4", "无报告", "2.5", "无报告", "7.4"]
    notes = {r["年度"]: r["说明"] for r in _shown_csv(chromium)}
    assert notes["2019"].startswith("2019年版模板") and notes["2021"].startswith("2021年版模板"), notes
    assert notes["2020"] == "本站没有该机构该年度的报告", notes
    chromium.get(server + f"/compare/?agencies={PINGTAN}&metric=received&year=2019-2025")  # a comparable measure
    assert [r[0] for r in _table(chromium)] == ["平潭综合实验区"]


FULLTEXT_META = ".xxgk-fulltext-hits .md-search-result__meta"  # the header's count of full-text results


def test_a_full_text_count_says_how_many_reports_hold_the_words_and_how_many_match_a_part(server, chromium):
    # (audit 24 E: 10 份报告与“平潭”相关, of which 4 hold 平潭 and 6 only 平台; 没有“…” was said only if none held them)
    from selenium.webdriver.common.by import By

    chromium.set_window_size(1366, 900)
    chromium.get(server + "/fulltext/?text=平潭")
    _wait(lambda: chromium.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done")
    status = chromium.find_element(By.ID, "xxgk-fulltext-status").text
    listed = chromium.find_elements(By.CSS_SELECTOR, "#xxgk-fulltext-results > li")
    # the four 平潭 reports (their passages hold it: literalFirst); since session 37 each of the others says under its
    # name that its text lacks the words (只部分匹配：原文不含“平潭”), so 平潭 is in every item's text: a report holds
    # the words where it has no such line and its passages show them
    partial = [li for li in listed if li.find_elements(By.CSS_SELECTOR, ".xxgk-fulltext-partial")]
    held = sum("平潭" in li.text for li in listed if li not in partial)
    assert held == 4 and len(listed) == held + len(partial) and partial, (held, len(partial), len(listed))
    assert all("原文不含“平潭”" in li.text for li in partial), [li.text for li in partial]
    assert status.startswith(f"4 份报告的原文含“平潭”，另 {len(listed) - 4} 份只部分匹配"), status
    chromium.get(server + "/agencies/")
    chromium.find_element(By.CSS_SELECTOR, ".md-search__input").click()
    chromium.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys("平潭")
    meta = _wait(lambda: [e.text for e in chromium.find_elements(By.CSS_SELECTOR, FULLTEXT_META)], 20)
    # the header looks at the first 10 results' texts (search.js): with more, it says of how many its count is
    said = (f"报告原文：4 份报告含“平潭”，另 {len(listed) - 4} 份部分匹配" if len(listed) <= 10
            else f"报告原文：前 10 份中 4 份报告含“平潭”，共 {len(listed)} 份报告相关")
    assert meta[0].startswith(said), meta
