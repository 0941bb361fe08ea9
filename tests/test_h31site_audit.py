"""Site audit 31, a reader's journeys walked in headless Chromium (fifth round of this area), on one small site: a
county department of 新疆 (two years; its 2024 report with a long overview, so that its source page has lines far
down to cite, its official address and publication date in the manifest) and a department of 青海 without either."""

from __future__ import annotations

import pytest

from .conftest import QUIET_FN, needs_chromium, site_of, tracking_busy
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import _axe, _blocking
from .test_h29site_audit import _agency_dir

pytestmark = [pytest.mark.browser, needs_chromium]

URL = "https://www.cj.gov.cn/zwgk/nb/2024.html?a=1&b=2"
MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            f"a.txt,昌吉市行政审批局,2024,{URL},,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n"
            "a23.txt,昌吉市行政审批局,2023,,,,新疆维吾尔自治区,昌吉回族自治州,昌吉市\n"
            "b.txt,西宁市教育局,2024,,,,青海省,西宁市,\n")
# an overview of 120 lines, as a PDF's text prints one (a line a sentence): the tables start at line ≈ 125
OVERVIEW = "\n".join(f"第{n}项工作：本局扎实推进政务公开。" for n in range(1, 121))


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site31")
    reports = work / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="昌吉市行政审批局", narrative=OVERVIEW,
                                              published="2025年1月20日"), encoding="utf-8")
    (reports / "a23.txt").write_text(tab_report(agency="昌吉市行政审批局", year=2023), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="西宁市教育局", narrative="全年办理229大项行政审批事项。"),
                                   encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


def _source_page(site, server, chromium, agency: str, year: str = "2024") -> str:
    """The address of ``agency``'s report's source page, as its report page links it."""
    chromium.get(server + "/" + _agency_dir(site, agency) + f"{year}.html")
    return chromium.find_element("xpath", "//a[normalize-space()='查看原文（带行号）']").get_attribute("href")


# -- 1. a source line's address ----------------------------------------------------------------------------------------

def test_a_reader_who_scrolled_to_a_line_gets_its_address_from_its_number(served_site, server, chromium):
    # (audit 31: a source page's line numbers were drawn by CSS (::before of data-n), not links: a reader who had
    # scrolled to line 100 could not copy its address; only a value's link from a report page led to a line)
    chromium.set_window_size(390, 844)
    page = _source_page(served_site, server, chromium, "昌吉市行政审批局")
    chromium.get(page)
    line = chromium.find_element("id", "L100")
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", line)
    before = chromium.execute_script("return scrollY")
    number = line.find_element("css selector", "a")
    assert number.get_attribute("href") == page + "#L100" and number.get_attribute("aria-label") == "第 100 行"
    assert chromium.execute_script("return getComputedStyle(arguments[0], '::before').content", number) == '"100"'
    number.click()
    assert chromium.current_url == page + "#L100"
    assert chromium.execute_script("return document.querySelector(':target').id") == "L100"  # the line is marked
    assert abs(chromium.execute_script("return scrollY") - before) < 2  # the page did not jump under the reader
    # one number shown a line, as before: the link took the drawn number's place, not added a second
    assert chromium.execute_script("return getComputedStyle(arguments[0], '::before').content", line) == "none"
    # and a copied passage holds the report's words only, never the numbers
    assert number.text == "" and line.text == "第98项工作：本局扎实推进政务公开。", line.text
    # a keyboard reaches a line's number too (a link), and sees where it is
    chromium.execute_script("arguments[0].focus()", chromium.find_element("css selector", "#L101 a"))
    assert chromium.execute_script("return document.activeElement.getAttribute('href')") == "#L101"


def test_without_javascript_a_source_page_still_numbers_its_lines_and_says_how_to_address_one(served_site, server,
                                                                                               chromium):
    chromium.set_window_size(1366, 900)
    page = _source_page(served_site, server, chromium, "昌吉市行政审批局")
    chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        chromium.get(page + "#L100")
        line = chromium.find_element("id", "L100")
        assert chromium.execute_script("return getComputedStyle(arguments[0], '::before').content", line) == '"100"'
        cite = chromium.find_element("css selector", "p.xxgk-src-cite")
        assert "本页网址加 #L 和行号，如第 12 行为本页网址#L12" in cite.text  # true without the script
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# -- 2. citing a source line ------------------------------------------------------------------------------------------

def page_of(url: str) -> str:
    return url.split("#")[0]


def test_a_journalist_follows_a_number_to_its_line_and_copies_its_citation(served_site, server, chromium):
    # (audit 31: a source page said neither whose text it was beyond its title nor under what terms it was published:
    # a journalist quoting line 100 of it had no citation to copy: the report, its agency, its year, where the
    # agency published it, the line's address)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/" + _agency_dir(served_site, "昌吉市行政审批局") + "2024.html")
    value = chromium.find_element("xpath", "//a[normalize-space()='一、本年新收政府信息公开申请数量']")
    target = value.get_attribute("href")
    chromium.execute_script("arguments[0].click()", value)
    _wait(lambda: "/src/" in chromium.current_url)
    line = target.split("#L")[1].split("c")[0]
    bar = _wait(lambda: chromium.find_element("css selector", ".xxgk-line-bar"))
    said = bar.find_element("tag name", "p").text
    cited = "昌吉市行政审批局. 昌吉市行政审批局 2024年度政府信息公开工作年度报告[EB/OL]. (2025-01-20)["
    assert said.startswith(cited), said
    assert URL in said and f"原文第 {line} 行，见 {target}" in said, said
    # the bar leaves the line in sight, above it
    marked = chromium.find_element("css selector", ":target")
    assert marked.rect["y"] + 10 < chromium.execute_script("return scrollY") + bar.rect["y"]
    # the citation above the text: the same report, its official address a link, the licence and the page's terms
    cite = chromium.find_element("css selector", "p.xxgk-src-cite")
    assert "引用（GB/T 7714）：昌吉市行政审批局. 昌吉市行政审批局 2024年度政府信息公开工作年度报告[EB/OL]." in cite.text
    assert cite.find_element("css selector", "a[rel~=nofollow]").get_attribute("href") == URL
    assert "报告原文版权归发布机关" in cite.text and "CC BY 4.0" in cite.text
    assert "引用日期" not in cite.text  # the date of access is today's
    # another line chosen: the bar follows it
    chromium.find_element("css selector", "#L3 a").click()
    assert _wait(lambda: "原文第 3 行" in bar.text), bar.text
    # a keyboard reaches the bar's buttons from the citation, before the lines' numbers
    links = chromium.find_elements("css selector", "main a, main button")
    order = [e.get_attribute("href") or e.text for e in links]
    assert order.index("复制引用") < order.index(page_of(target) + "#L1"), order[:12]
    bar.find_element("xpath", ".//button[normalize-space()='关闭']").click()
    assert not bar.is_displayed()


def test_a_report_without_an_official_address_or_date_is_cited_without_inventing_them(served_site, server,
                                                                                       chromium):
    chromium.set_window_size(1366, 900)
    page = _source_page(served_site, server, chromium, "西宁市教育局")
    chromium.get(page + "#L2")
    cite = chromium.find_element("css selector", "p.xxgk-src-cite")
    assert "西宁市教育局. 西宁市教育局 2024年度政府信息公开工作年度报告[EB/OL]. [" in cite.text, cite.text
    assert "http" not in cite.text.split("\n")[0]  # no address, no (date): none was published
    assert not cite.find_elements("css selector", "a[rel~=nofollow]")


def test_a_source_page_passes_axe_with_a_line_chosen(served_site, server, chromium):
    for width, height in ((1366, 900), (390, 844)):
        chromium.set_window_size(width, height)
        chromium.get(_source_page(served_site, server, chromium, "昌吉市行政审批局") + "#L40")
        _wait(lambda: chromium.find_element("css selector", ".xxgk-line-bar"))
        assert not _blocking(_axe(chromium)), width


# -- 3. an old heading id lands where the new one does ----------------------------------------------------------------

# ``[top of the heading arguments[0] on screen, scrollY]`` when the page is loaded, has scrolled and no chart is being
# drawn (``xxgk.js draw``: ``data-done`` from its start, ``data-drawn`` or failed at its end); else null
_READ = ("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
         "var drawing = document.querySelector("
         "  'div.xxgk-chart[data-done]:not([data-drawn]):not(.xxgk-chart-failed)');"
         "return scrollY > 0 && document.readyState === 'complete' && !drawing && [Math.round(r.top), scrollY]")
# the reading (``_READ``) once it has been the same over three frames, the page quiet (``conftest.QUIET_FN``) before
_STILL_READING = QUIET_FN + """var heading = arguments[0], done = arguments[arguments.length - 1];
function read() { """ + _READ.replace("arguments[0]", "heading") + """; }
__xxgkQuiet(function () {
  var first = JSON.stringify(read()), n = 0;
  (function frame() {
    requestAnimationFrame(function () {
      if (JSON.stringify(read()) !== first) return done(null);
      if (++n < 3) return frame();
      done(JSON.parse(first));
    });
  })();
}, 10000);"""
# with no script: loaded, its fonts and images in (nothing else can move a page that runs no script)
_LOADED_STILL = ("return document.readyState === 'complete' && document.fonts.status === 'loaded'"
                 " && Array.from(document.images).every(function (i) { return i.complete || i.loading === 'lazy'; })")


def _settled(chromium, heading: str, script: bool) -> list:
    """``[top of the heading on screen, scrollY]`` once the page has landed and stopped moving: the charts near the
    heading are drawn as they come into view (and an agency page's above it change its height as they are), so one
    reading could be taken mid-way (the same for both addresses: never the difference looked for). Stopped: loaded,
    no chart being drawn (``xxgk.js draw``: ``data-done`` from its start, ``data-drawn`` or failed at its end) and,
    with its script, the page quiet (``conftest.wait_quiet``: nothing in flight, no timer pending, its document
    unchanged over three frames) and the same reading over three frames; without (``setScriptExecutionDisabled``:
    nothing but its fonts and images can move it, and no frame callback runs), its fonts and images loaded and the
    same reading three times. (Before: the same reading three times over 0.3 s, whatever the page had in flight;
    before that, two equal readings 0.4 s apart, which a chart still fetching its frame passed.)"""
    import time

    end = time.monotonic() + 20
    if script:
        while time.monotonic() < end:
            still = chromium.execute_async_script(_STILL_READING, heading)
            if still:
                return still
        raise AssertionError(f"{heading}: the page kept moving")
    _wait(lambda: chromium.execute_script(_LOADED_STILL), 20)
    same, last = 0, None
    while time.monotonic() < end:
        now = chromium.execute_script(_READ, heading)
        same = same + 1 if now and now == last else 0
        if same == 2:
            return now
        last = now
        time.sleep(0.05)
    raise AssertionError(f"{heading}: the page kept moving ({last})")


@pytest.mark.parametrize("script", [True, False])
def test_a_link_shared_before_the_pinyin_ids_lands_exactly_where_the_headings_own_id_does(served_site, server,
                                                                                         chromium, script):
    # (audit 31: the old id's empty span sat above the heading's top margin: #_3 put 申请数量 28 px lower on the screen
    # than #shenqingshuliang, at both widths, a gap between the fixed header and the heading the new id has not)
    import re

    agency = _agency_dir(served_site, "昌吉市行政审批局")
    page = (served_site / agency / "index.html").read_text(encoding="utf-8")
    # (two headings a page type: each pair is eight page loads, and every heading's span is the same markup)
    pairs = [(agency, old, new)
             for old, new in re.findall(r'<span id="?(_[0-9]+)"?></span><h2 id="?([a-z-]+)', page)][:2]
    report = (served_site / agency / "2024.html").read_text(encoding="utf-8")
    pairs += [(agency + "2024.html", old, new)
              for old, new in re.findall(r'<span id="?(_[0-9]+)"?></span><h2 id="?([a-z-]+)', report)][2:4]
    ranking = (served_site / "report-card" / "index.html").read_text(encoding="utf-8")
    pairs += [("report-card/", old, new)
              for old, new in re.findall(r'<span id="?([0-9_]+)"?></span><h3 id="?([a-z0-9-]+)', ranking)][:1]
    assert len(pairs) >= 5, pairs
    try:
        if not script:
            chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        with tracking_busy(chromium):
            for width, height in ((1366, 900), (390, 844)):
                chromium.set_window_size(width, height)
                for path, old, new in pairs:
                    landed = []
                    for fragment in (old, new):
                        chromium.get("about:blank")
                        chromium.get(f"{server}/{path}#{fragment}")
                        landed.append(_settled(chromium, new, script))
                    assert abs(landed[0][0] - landed[1][0]) <= 1, (width, path, old, new, landed)
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_headings_old_ids_leave_the_page_laid_out_as_before(served_site, server, chromium):
    # each heading's distance from what precedes it is the heading's own top margin, with or without an old id before it
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/" + _agency_dir(served_site, "昌吉市行政审批局"))
    gaps = chromium.execute_script(
        "return Array.from(document.querySelectorAll('article h2')).map(function (h) {"
        "  var before = h.previousElementSibling; if (before && before.matches('span[id]:empty'))"
        "    before = before.previousElementSibling;"
        "  return [h.id, Math.round(h.getBoundingClientRect().top - before.getBoundingClientRect().bottom),"
        "          parseFloat(getComputedStyle(h).fontSize) * 1.6]; });")
    assert len(gaps) >= 3, gaps
    for heading, gap, margin in gaps:
        assert gap >= round(margin) - 1, (heading, gap, margin)


# -- 4. the compare page on paper --------------------------------------------------------------------------------------

def test_a_printed_comparison_does_not_ask_to_click_its_headers(served_site, server, chromium):
    # (audit 31: printed, the league's and the comparison's captions read 2024年 本年新收申请 排行（点击表头排序）, and
    # the agencies under 添加机构（名称、简称、拼音或省份）： and 不选机构时显示……: instructions for a screen, on paper)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/compare/?agencies=" + _agency_dir(served_site, "昌吉市行政审批局").split("/")[1])
    league = _wait(lambda: chromium.find_element("css selector", "#xxgk-league-table caption"))
    compared = _wait(lambda: chromium.find_element("css selector", "#xxgk-compare-table caption"))
    assert league.text.endswith("排行（点击表头排序）") and compared.text.endswith("（点击表头排序）")  # on screen
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for caption in (league, compared):
            assert "点击" not in caption.text and caption.text, caption.text
        assert league.text.endswith("排行"), league.text
        # the agencies compared, under 机构, without the picker's label and hint that name a box left off paper
        picker = chromium.find_element("css selector", "fieldset")
        assert picker.text.split("\n")[0] == "机构" and "昌吉市行政审批局" in picker.text, picker.text
        assert "添加机构" not in picker.text and "不选机构时" not in picker.text, picker.text
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# -- 5. searching the reports' text for a number -----------------------------------------------------------------------

def test_a_number_no_report_holds_in_its_text_is_said_missing_not_related(served_site, tmp_path_factory, chromium):
    # (audit 31: 2293, a value of 平潭's table 二 (tables are left out of the full-text index), listed 平潭's 2019
    # report, whose text holds 229大项, as 1 份报告与“2293”相关: only words of Han characters were checked as typed)
    from selenium.webdriver.common.by import By

    from .conftest import indexed_copy, serving

    site = indexed_copy(served_site, tmp_path_factory.mktemp("site31-indexed"))
    with serving(site) as url:
        chromium.set_window_size(1366, 900)
        chromium.get(url + "/fulltext/?text=2293")
        _wait(lambda: chromium.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done")
        status = chromium.find_element(By.ID, "xxgk-fulltext-status").text
        hits = [e.text for e in chromium.find_elements(By.CSS_SELECTOR, ".xxgk-fulltext-excerpt")]
        assert hits and all("2293" not in h for h in hits), hits  # (Pagefind's own match: 229大项)
        assert status.startswith("原文中没有“2293”；以下是部分匹配的"), status
        chromium.get(url + "/fulltext/?text=229")  # a number the text holds: related, as before
        _wait(lambda: chromium.find_element(By.ID, "xxgk-fulltext").get_attribute("data-state") == "done")
        status = chromium.find_element(By.ID, "xxgk-fulltext-status").text
        assert "没有" not in status and "部分匹配" not in status, status


# -- 6. the compare page on a slow phone -------------------------------------------------------------------------------

def test_the_compare_page_says_its_tools_are_loading_until_they_are(server, chromium):
    # (audit 31: on a slow phone the compare page showed its intro and 排行榜 alone for ten seconds: its controls are
    # hidden until Material's bundle turns html.no-js into html.js, its noscript text is not shown to a browser that
    # runs scripts, and nothing said that anything was coming)
    chromium.set_window_size(390, 844)
    chromium.execute_cdp_cmd("Network.enable", {})
    chromium.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/javascripts/bundle.*"]})  # (still on its way)
    try:
        chromium.get(server + "/compare/")
        wait = chromium.find_element("css selector", ".xxgk-js-wait")
        assert wait.is_displayed() and wait.text.startswith("比较工具和排行榜正在加载"), wait.text
        assert not chromium.find_element("id", "xxgk-compare").is_displayed()  # (the reason)
    finally:
        chromium.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    chromium.get(server + "/compare/")  # loaded: the note is gone, the tools are there
    # (session 51: on a phone folded under a line saying the view, which opens them)
    _wait(lambda: chromium.find_element("css selector", "#xxgk-compare-steer > summary").is_displayed())
    assert not chromium.find_element("css selector", ".xxgk-js-wait").is_displayed()
    chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:  # without JavaScript the page's own words say what to do; nothing says it is loading
        chromium.get(server + "/compare/")
        assert not chromium.find_element("css selector", ".xxgk-js-wait").is_displayed()
    finally:
        chromium.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
