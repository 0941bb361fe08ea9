"""Session 42 (reader journeys round 6): the test driver's history steps, then what misled a journalist comparing
two agencies on a phone, a transparency office reading its province's quality pages, a citizen searching the full
text and a keyboard or screen-reader user (walked in headless Chromium over the seeds, the corpus and synthetic
reports)."""

from __future__ import annotations

import pytest

from .conftest import _loaded_step, needs_chromium, wait_for
from .test_h41site import _package_rows


class Document:
    """One document of the stand-in browser: its script variables and how many more reads of its state say
    ``loading``."""

    def __init__(self, url: str, loading_reads: int = 0):
        self.url = url
        self.variables: dict[str, object] = {}
        self.loading_reads = loading_reads


class SteppingDriver:
    """A driver whose ``back`` and ``forward`` return at once, as chromedriver may: the document left stays the
    current one for ``lag`` more script calls, then the entry's document is current and reads ``loading`` for
    ``loading_reads`` more (a page restored from the back-forward cache is the very document once left, its script
    variables kept). Entries of one document (a fragment, ``pushState``) share it; the browser moves nothing."""

    def __init__(self, entries: list[tuple[str, Document]], at: int, lag: int = 3):
        self.entries = entries
        self.at = at
        self.lag = lag
        self.document = entries[at][1]
        self.arriving: Document | None = None
        self.pending = 0
        self.state_reads = 0

    @property
    def current_url(self) -> str:
        return self.entries[self.at][0]

    def _move(self, offset: int) -> None:
        self.at += offset
        target = self.entries[self.at][1]
        if target is not self.document:
            self.arriving, self.pending = target, self.lag

    def back(self) -> None:
        self._move(-1)

    def forward(self) -> None:
        self._move(1)

    def _current(self) -> Document:
        if self.arriving is not None:
            if self.pending:
                self.pending -= 1
            else:
                self.document, self.arriving = self.arriving, None
        return self.document

    def execute_script(self, script: str, *arguments):
        document = self._current()
        if "navigation" in script:  # the Navigation API: where the step leads, as Chromium tells it
            to = self.at + arguments[0]
            if not 0 <= to < len(self.entries) or self.entries[to][0].startswith("data:"):
                return None  # (no entry, or one of another origin: not in the page's list)
            return "same" if self.entries[to][1] is document else "new"
        if script.startswith("window.__xxgkStep = "):
            document.variables["__xxgkStep"] = arguments[0]
            return None
        self.state_reads += 1
        if document.loading_reads:
            document.loading_reads -= 1
            state = "loading"
        else:
            state = "complete"
        ready = state == "complete" if "'complete'" in script else state != "loading"
        return document.variables.get("__xxgkStep") != arguments[0] and ready


def stepping(entries, at, page_load="normal", lag=3) -> SteppingDriver:
    driver = SteppingDriver(entries, at, lag)
    driver.back = _loaded_step(driver, driver.back, -1, page_load)
    driver.forward = _loaded_step(driver, driver.forward, 1, page_load)
    return driver


def test_back_hands_the_page_over_only_once_the_page_before_has_loaded():
    # (the browser tests step back to a report page and read its tables: chromedriver's ``back`` may return with
    # the page left still current, as its ``get`` did — session 41 wrapped ``get`` only)
    report, compare = Document("/a/x/2024.html", loading_reads=2), Document("/compare/")
    driver = stepping([("/a/x/2024.html", report), ("/compare/", compare)], at=1)
    driver.back()
    assert driver.document is report and report.loading_reads == 0
    assert driver.current_url == "/a/x/2024.html"


def test_forward_hands_the_page_over_only_once_the_page_after_has_loaded():
    report, source = Document("/a/x/2024.html"), Document("/src/x.html", loading_reads=4)
    driver = stepping([("/a/x/2024.html", report), ("/src/x.html", source)], at=0)
    driver.forward()
    assert driver.document is source and source.loading_reads == 0


def test_a_page_restored_from_the_back_forward_cache_is_taken_though_get_once_marked_it_left():
    # the page ``get`` left carries ``get``'s mark (``__xxgkLeft``); restored as it was, it is still the page stepped to
    report, compare = Document("/a/x/2024.html"), Document("/compare/")
    report.variables["__xxgkLeft"] = True
    driver = stepping([("/a/x/2024.html", report), ("/compare/", compare)], at=1)
    driver.back()
    assert driver.document is report
    driver.forward()  # each page now restored with the mark of the step that left it
    assert driver.document is compare and compare.variables["__xxgkStep"]
    driver.back()
    assert driver.document is report and report.variables["__xxgkStep"]


def test_a_step_within_the_same_document_waits_for_no_new_one():
    # the compare page's views are ``pushState`` entries of one document, a fragment too: nothing loads
    compare = Document("/compare/")
    driver = stepping([("/compare/?metric=received", compare), ("/compare/?metric=processed", compare),
                       ("/compare/?metric=processed#xxgk-compare-table", compare)], at=2)
    driver.back()
    driver.back()
    driver.forward()
    assert driver.state_reads == 0 and driver.current_url == "/compare/?metric=processed"


def test_history_steps_wait_only_as_the_page_load_strategy_asks():
    left, arriving = Document("/a.html"), Document("/b.html", loading_reads=3)
    none = stepping([("/a.html", left), ("/b.html", arriving)], at=0, page_load="none")  # the ``early`` fixture
    none.forward()
    assert none.state_reads == 0 and arriving.loading_reads == 3
    left, arriving = Document("/a.html"), Document("/b.html", loading_reads=3)
    eager = stepping([("/a.html", left), ("/b.html", arriving)], at=0, page_load="eager")
    eager.forward()
    assert eager.document is arriving and arriving.loading_reads == 0


def test_a_step_to_an_entry_the_page_cannot_see_is_left_to_selenium():
    # (an entry of another origin is not in the Navigation API's list: its document is unknown, nothing is marked)
    page = Document("/a.html")
    driver = stepping([("/a.html", page)], at=0)
    driver.entries.insert(0, ("data:,", Document("data:,")))
    driver.at = 1
    driver.back()
    assert driver.state_reads == 0 and "__xxgkStep" not in page.variables


PAGE = """<!doctype html><html lang="zh-CN"><title>{name}</title><h1>{name}</h1><a id="down" href="#down">下</a>
<button id="push" onclick="history.pushState({{}}, '', '?view=2')">视图</button>
<script>addEventListener('pageshow', function (e) {{ window.restored = e.persisted; }});</script>"""


@pytest.mark.browser
@needs_chromium
def test_back_and_forward_in_chromium_across_pages_views_and_the_back_forward_cache(chromium, tmp_path):
    from .conftest import serving

    for name in ("one", "two"):
        (tmp_path / f"{name}.html").write_text(PAGE.format(name=name), encoding="utf-8")
    with serving(tmp_path) as base:
        chromium.get(base + "/one.html")
        chromium.get(base + "/two.html")
        chromium.find_element("id", "push").click()
        wait_for(lambda: chromium.current_url.endswith("?view=2"))
        chromium.find_element("id", "down").click()
        wait_for(lambda: chromium.current_url.endswith("#down"))
        chromium.back()  # the fragment, then the view: the same document, nothing to wait for
        chromium.back()
        assert chromium.current_url == base + "/two.html"
        chromium.back()  # a page of its own, restored from the back-forward cache as Chromium keeps it
        assert chromium.current_url == base + "/one.html"
        assert chromium.execute_script("return [document.title, document.readyState]") == ["one", "complete"]
        restored = chromium.execute_script("return window.restored")
        chromium.forward()
        assert chromium.execute_script("return [document.title, document.readyState]") == ["two", "complete"]
    assert restored in (True, False)  # (either way handed over; True where the cache kept it)


# Plotly's downloadImage replaced by one that keeps what the image would say (no file is written): its notes' text
CAPTURE = """window.__images = [];
Plotly.downloadImage = function (gd) {
  window.__images.push({notes: (gd.layout.annotations || []).map(function (a) { return a.text; }),
                        height: gd.layout.height, bottom: gd.layout.margin.b});
  return Promise.resolve();
};"""
HAICHENG, GEERMU = "liaoning-anshan-haicheng-shujuju", "qinghai-haixi-geermu-renminzhengfu"  # seeds: 2025, 2024


@pytest.mark.browser
@needs_chromium
def test_a_compare_chart_drawn_after_an_empty_view_keeps_none_of_its_sentence(server, chromium):
    # a journalist picks one agency in a year it has no report of (nothing drawn: the box says why), then widens the
    # years: the chart of the range drew the agency's 2025 point under 无报告：本站没有所选机构2024年的报告, left behind
    from selenium.webdriver.support.ui import Select

    chromium.get(server + f"/compare/?agencies={HAICHENG}&metric=received&year=2024")
    chart = chromium.find_element("id", "xxgk-compare-chart")
    wait_for(lambda: "本站没有所选机构2024年的报告" in chart.text)
    Select(chromium.find_element("id", "xxgk-compare-to")).select_by_value("2025")
    wait_for(lambda: chart.get_attribute("data-drawn") is not None and "year=2024-2025" in chromium.current_url, 30)
    said = chromium.execute_script("return Array.from(arguments[0].childNodes).filter(function (n) {"
                                   "  return n.nodeType === 3; }).map(function (n) { return n.textContent; })", chart)
    assert said == [] and "本站没有所选机构" not in chart.text, said
    assert chart.find_elements("css selector", ".main-svg")  # the range's chart, drawn


@pytest.mark.browser
@needs_chromium
def test_a_range_charts_image_says_each_agencys_years_without_a_point(server, chromium):
    # the image has no table: each year is some agency's, so the chart marks none, and a line that stops read the same
    # whether its agency had no report or no number (session 41's leftover)
    chromium.get(server + f"/compare/?agencies={HAICHENG},{GEERMU}&metric=received&year=2024-2025")
    chart = chromium.find_element("id", "xxgk-compare-chart")
    wait_for(lambda: chart.get_attribute("data-drawn") is not None, 30)
    chromium.execute_script(CAPTURE)
    chromium.execute_script("arguments[0].click()", chromium.find_element("id", "xxgk-compare-png"))
    (image,) = wait_for(lambda: chromium.execute_script("return window.__images"))
    words = " ".join(image["notes"]).replace("<br>", "")
    assert "海城市数据局：2024年无报告" in words and "格尔木市人民政府：2025年无报告" in words, words
    assert words.index("无报告") < words.index("CC BY 4.0")  # above the source, inside the image's foot
    table = chromium.find_element("id", "xxgk-compare-table").text
    assert table.count("无报告") == 2  # the words the page's table shows


@pytest.mark.browser
@needs_chromium
def test_a_range_charts_image_names_no_year_the_chart_marks_itself(server, chromium):
    # a year no chosen agency has is marked on the chart (无报告 under its column): not said again under it
    chromium.get(server + f"/compare/?agencies={HAICHENG}&metric=received&year=2024-2025")
    chart = chromium.find_element("id", "xxgk-compare-chart")
    wait_for(lambda: chart.get_attribute("data-drawn") is not None, 30)
    chromium.execute_script(CAPTURE)
    chromium.execute_script("arguments[0].click()", chromium.find_element("id", "xxgk-compare-png"))
    (image,) = wait_for(lambda: chromium.execute_script("return window.__images"))
    assert "无报告" in image["notes"]  # the chart's own mark of 2024
    assert not any("图中没有点的年度" in note for note in image["notes"]), image["notes"]


@pytest.mark.browser
@needs_chromium
def test_the_full_text_page_lists_the_reports_of_the_agency_a_short_name_names_first(busier_site, chromium):
    # (session 41's leftover: only the header put them first; the 原文检索 page, 全部列出 → of the header, listed other
    # agencies' reports for a two-character short name and said 排在前面的 20 份报告的原文中没有“…” over 400 reports)
    from collections import Counter
    from urllib.parse import quote

    from .conftest import serving

    corpus = [r for r in _package_rows(busier_site, "reports") if r["agency_id"]
              and not r["source_file"].startswith("r0")]  # (not the synthetic reports, r000000.txt …)
    agency_id, count = Counter(r["agency_id"] for r in corpus).most_common(1)[0]
    assert count >= 4
    name = next(r["agency_name"] for r in corpus if r["agency_id"] == agency_id)
    years = sorted(p.stem for p in busier_site.glob(f"a/{agency_id}/*.html") if p.stem.isdigit())
    words = name[:2]
    chromium.set_window_size(1366, 900)
    with serving(busier_site) as url:
        chromium.get(url + "/fulltext/?text=" + quote(words))
        wait_for(lambda: chromium.find_element("id", "xxgk-fulltext").get_attribute("data-state") == "done", 30)
        status = chromium.find_element("id", "xxgk-fulltext-status").text
        names = [e.text for e in chromium.find_elements("css selector", "#xxgk-fulltext-results .xxgk-fulltext-title")]
    assert names[:count] == [f"{name} {year}年度" for year in years], (status, names)
    assert f"原文中没有“{words}”" not in status and f"都不含“{words}”" not in status, status  # (either wording)


@pytest.mark.browser
@needs_chromium
def test_a_long_query_is_said_by_its_first_forty_characters(busier_site, chromium):
    # a citizen pastes 200 characters: every count line wrote them out whole, ten lines of a phone's screen before the
    # first result (the header and the 原文检索 page alike); the box keeps them all, the search searches them all
    from urllib.parse import quote

    from .conftest import serving

    words = "公开" * 100
    said = "“" + words[:40] + "…”"
    chromium.set_window_size(1366, 900)
    with serving(busier_site) as url:
        chromium.get(url + "/fulltext/?text=" + quote(words))
        wait_for(lambda: chromium.find_element("id", "xxgk-fulltext").get_attribute("data-state") == "done", 30)
        status = chromium.find_element("id", "xxgk-fulltext-status").text
        kept = chromium.find_element("id", "xxgk-fulltext-q").get_attribute("value")
        chromium.get(url + "/")
        chromium.find_element("css selector", "label.md-search__icon, .md-search__input").click()
        chromium.find_element("css selector", "input.md-search__input").send_keys(words)
        meta = wait_for(lambda: [e.text for e in chromium.find_elements(
            "css selector", ".xxgk-fulltext-hits .md-search-result__meta") if e.text.startswith("报告原文：")], 30)[0]
    assert kept == words
    assert said in status and words[:41] not in status, status
    assert said in meta and words[:41] not in meta, meta


def _applications(values: dict[str, int], column: str = "natural_person") -> list[dict]:
    return [{"row": row, "applicant": column, "value": str(v)} for row, v in values.items()]


def test_a_broken_balance_says_both_sums_not_a_number_the_cell_does_not_hold():
    # 新收 10 plus 结转 2 against 办理 11 plus 结转下年度 0: the ≠ on the 本年新收 cell (10) read 本格为12, the left
    # side's sum, under the transparency office's eyes beside the 10 printed there
    from xxgk.site.report_page import broken_cells

    rows = _applications({"new": 10, "carried_over": 2, "total_processed": 11, "granted": 11, "carried_forward": 0})
    why = broken_cells("applications", rows, {"format": "2021"}, {"natural_person": "自然人"})
    said = "第一项加第二项之和应等于第三项加第四项之和（自然人）：前者为12，后者为11"
    assert why == {("new", "natural_person"): said}


def test_a_broken_sum_of_one_cell_still_names_the_cell():
    from xxgk.catalog import outcome_row_codes
    from xxgk.site.report_page import broken_cells

    rows = _applications({"new": 11, "carried_over": 0, "total_processed": 11, "carried_forward": 0})
    rows += _applications(dict.fromkeys(outcome_row_codes("2021"), 0))  # every outcome printed 0
    why = broken_cells("applications", rows, {"format": "2021"}, {"natural_person": "自然人"})
    said = "（七）总计应等于各项办理结果之和（自然人）：各项之和为0，本格为11"
    assert why == {("total_processed", "natural_person"): said}
