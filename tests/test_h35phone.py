"""Session 35, the site on a phone (360, 390 and 414 px), walked in headless Chromium on the seeds and the corpus:

1. Table 三 (nine columns under a grouped header) scrolls sideways in its box on a phone: a row's 总计, the number a
   citizen looks for (how many requests, how many answered), was off screen to the right, and nothing said the box
   scrolled. The totals' column is held at the box's right edge as the row labels are at its left.
2. Two tables of a report page (the peer medians 指标 | 本报告 | 同类组中位数 | 同类组报告数, and an agency's years
   年度 | 本年新收申请（件） | …) were 6–24 px wider than a phone's screen: each scrolled sideways by a sliver.
3. The agency search: a region without 市 and a department's short name (上海发改委) matched only as a typo (dropped
   when another agency matched as typed), and 上海科技委员会 found nothing (科技委 expanded inside 科技委员会 gave
   科学技术委员会员会).

Expected names are written by hand from the agencies' official names, not produced by the code under test."""

from __future__ import annotations

import pytest

from xxgk.agency import name_to_agency

from .conftest import SHOTS, click_still, needs_chromium
from .conftest import wait_for as _wait
from .test_search import NODE, _search, agency_search_site

WIDTHS = [360, 390, 414]
PINGTAN = "/a/fujian-pingtanzongheshiyanqu/"  # the corpus: four years (2019–2025), 154 requests in 2025


@pytest.fixture(scope="module")
def corpus_site(seeds_corpus_site):
    return seeds_corpus_site


@pytest.fixture(scope="module")
def served_site(corpus_site):
    return corpus_site  # conftest's ``server`` serves it


def _phone(chromium, width: int | None) -> None:
    """``chromium`` as a phone ``width`` px wide (touch, 2× pixels), or back to a 1366 px desktop window (None)."""
    if width is None:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        chromium.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        chromium.set_window_size(1366, 900)
        return
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": width, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    chromium.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})


@pytest.fixture
def phone(chromium):
    yield lambda width: _phone(chromium, width)
    _phone(chromium, None)


TABLE3 = "table[data-csv^='applications|']"
# each row of table 三 with numbers: its label, its 总计 cell, and whether each lies within the box's visible width
# and is what the reader sees at its centre (not covered by another cell)
ROW_TOTALS = """
var table = document.querySelector(arguments[0]), box = table.closest('.md-typeset__scrollwrap');
var edge = box.getBoundingClientRect(), out = [];
function seen(cell) {
  var r = cell.getBoundingClientRect();
  if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5) return false;
  var y = (r.top + r.bottom) / 2, top = Math.max(60, table.tHead.getBoundingClientRect().bottom);
  // (a row above the box's held header, below its bottom or out of the window: its place across is what counts)
  if (cell.parentNode.parentNode === table.tBodies[0] && (y < top || y > Math.min(innerHeight, edge.bottom) - 1))
    return true;
  var hit = document.elementFromPoint((r.left + r.right) / 2, y);
  return !!hit && (hit === cell || cell.contains(hit));
}
Array.from(table.tBodies[0].rows).forEach(function (row) {
  var cells = row.cells;
  if (cells.length < 3) return;  // (a group's heading row: no numbers)
  out.push([cells[0].textContent.trim(), cells[cells.length - 1].textContent.trim(), seen(cells[0]),
            seen(cells[cells.length - 1])]);
});
var head = Array.from(table.tHead.querySelectorAll('th')).filter(function (th) {
  return th.textContent.trim() === '总计'; })[0];
return {rows: out, head: !!head && seen(head), scrolls: box.scrollWidth > box.clientWidth};
"""


# -- 1. table 三's totals in view on a phone ------------------------------------------------------------------------

@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", [*WIDTHS, 768])  # (768: a small tablet, or a phone held sideways)
def test_table_3s_row_totals_are_in_view_on_a_phone_as_its_box_scrolls(server, chromium, phone, width):
    phone(width)
    chromium.get(server + PINGTAN + "2025.html")
    table = _wait(lambda: chromium.find_element("css selector", TABLE3))
    chromium.execute_script("arguments[0].scrollIntoView({block: 'start'}); scrollBy(0, -60)", table)
    box = chromium.execute_script("return arguments[0].closest('.md-typeset__scrollwrap')", table)
    scrolled = {}
    for where in ("start", "middle", "end"):
        chromium.execute_script("var b = arguments[0], far = b.scrollWidth - b.clientWidth;"
                                "b.scrollLeft = {start: 0, middle: far / 2, end: far}[arguments[1]]", box, where)
        scrolled[where] = chromium.execute_script(ROW_TOTALS, TABLE3)
        if where == "start":
            chromium.save_screenshot(str(SHOTS / f"h35-table3-{width}.png"))
    # (the nine columns still scroll sideways on a phone; at 768 px, their width narrowed, they fit whole)
    assert scrolled["start"]["scrolls"] == (width <= 600), scrolled["start"]["scrolls"]
    rows = scrolled["start"]["rows"]
    assert [r[:2] for r in rows[:2]] == [["一、本年新收政府信息公开申请数量", "154"],
                                         ["二、上年结转政府信息公开申请数量", "0"]]
    for where, seen in scrolled.items():
        assert seen["head"], (where, "the 总计 header is out of view")
        hidden = [r for r in seen["rows"] if not (r[2] and r[3])]
        assert not hidden, (width, where, hidden)  # (before: every total at x ≈ 800 px, off a 360–414 px screen)


@needs_chromium
@pytest.mark.browser
def test_table_3_says_on_a_phone_that_it_scrolls_sideways_and_not_on_a_desktop(server, chromium, phone):
    phone(360)
    chromium.get(server + PINGTAN + "2025.html")
    hint = _wait(lambda: chromium.find_element("css selector", ".xxgk-swipe"))
    table = chromium.find_element("css selector", TABLE3)
    assert hint.is_displayed() and "左右滑动" in hint.text, hint.text
    above = chromium.execute_script("return arguments[0].getBoundingClientRect().bottom"
                                    " <= arguments[1].getBoundingClientRect().top", hint, table)
    assert above  # read before the table, not after its 27 rows
    phone(None)
    chromium.get(server + PINGTAN + "2025.html")
    _wait(lambda: chromium.find_element("css selector", TABLE3))
    assert not chromium.find_element("css selector", ".xxgk-swipe").is_displayed()  # the table fits: nothing to say


# -- 2. no other table of a report page scrolls sideways on a phone ---------------------------------------------------

# every sideways scroll box of the article but table 三's, with what it holds and how far it scrolls
WIDE_BOXES = """
document.querySelectorAll('details').forEach(function (d) { d.open = true; });  // (the facts, folded on a phone)
var out = [];
document.querySelectorAll('article .md-typeset__scrollwrap, article figure, article table').forEach(function (e) {
  if (e.querySelector('table[data-csv^="applications|"]') || e.matches('table[data-csv^="applications|"]')) return;
  if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
    out.push([e.tagName, e.scrollWidth - e.clientWidth, e.textContent.trim().slice(0, 20)]);
});
return {boxes: out, page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
"""


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_of_a_report_page_but_table_3_scrolls_sideways_on_a_phone(server, corpus_site, chromium, phone,
                                                                           width):
    from .conftest import report_page_files

    pages = ["/" + p.relative_to(corpus_site).as_posix() for p in report_page_files(corpus_site)]
    assert PINGTAN + "2025.html" in pages and len(pages) >= 10
    phone(width)
    wide = {}
    for page in pages:
        chromium.get(server + page)
        _wait(lambda: chromium.find_element("css selector", "article h1"))
        found = chromium.execute_script(WIDE_BOXES)
        assert found["page"] <= 0, (page, found)
        if found["boxes"]:
            wide[page] = found["boxes"]
    # (before: the peer medians' table 6–51 px too wide at 360 px, 8–21 at 390; the years' table 22 px at 360)
    assert not wide, (width, wide)


# -- 3. the agency search: a region and a department's full or short name ---------------------------------------------

SHANGHAI = [
    {"name": "上海市发展和改革委员会", "province": "上海市", "city": "", "county": "", "aliases": ""},
    {"name": "上海市科学技术委员会", "province": "上海市", "city": "", "county": "", "aliases": ""},
    {"name": "上海市人民政府办公厅", "province": "上海市", "city": "", "county": "", "aliases": ""},
    # a district's 发改委: matched as typed by 上海 (its province) and 发改委 (its name's short form)
    {"name": "浦东新区发展和改革委员会", "province": "上海市", "city": "", "county": "浦东新区", "aliases": ""},
]


@pytest.mark.skipif(not NODE, reason="node is not installed")
@pytest.mark.parametrize(("query", "agency"), [
    ("上海发改委", "上海市发展和改革委员会"),
    ("上海发展和改革委员会", "上海市发展和改革委员会"),
    ("上海发展改革委员会", "上海市发展和改革委员会"),
    ("上海科技委员会", "上海市科学技术委员会"),
    ("上海市科技委员会", "上海市科学技术委员会"),
    ("上海科学技术委员会", "上海市科学技术委员会"),
    ("上海科委", "上海市科学技术委员会"),
    ("上海市发改委", "上海市发展和改革委员会"),
])
def test_a_region_and_a_departments_full_or_short_name_find_the_agency(tmp_path, query, agency):
    # (before: 上海发改委 matched 上海市发展和改革委员会 only as a typo, one 市 short, and a typo is dropped when any
    # agency matches as typed: the list held 浦东新区发展和改革委员会 alone; 上海科技委员会 listed nothing)
    hits = _search(agency_search_site(tmp_path, SHANGHAI), [query])[query]
    assert hits and hits[0] == agency, (query, hits)


@pytest.mark.parametrize(("printed", "full"), [("上海市科技委员会", "上海市科学技术委员会"),
                                               ("广州市发展改革委员会", "广州市发展和改革委员会")])
def test_a_short_name_with_its_full_ending_is_the_agency_of_its_full_name(printed, full):
    short, whole = name_to_agency(printed, "", {}), name_to_agency(full, "", {})
    assert short.name == full
    assert short.agency_id == whole.agency_id  # one agency, one page (before: shanghai-kejiweiyuanhui, its own)


# -- 4. a citizen's way to their county's report: tap targets a finger hits -------------------------------------------

TAP = 44  # px: a finger's tap target (WCAG 2.5.5, Apple's and Android's guidance)


def _box(chromium, element) -> dict:
    return chromium.execute_script("var r = arguments[0].getBoundingClientRect();"
                                   "return {w: Math.round(r.width), h: Math.round(r.height)}", element)


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_a_citizen_taps_the_agency_found_and_its_latest_report_on_a_phone(server, chromium, phone, width):
    # (session 35's walk: 湟中政府 typed in the home page's box; the agency found was a link 17 px high, its page's
    # 2025年度报告 (the card of its latest year) 17 px high: a thumb aimed at either hit the line above or below)
    phone(width)
    chromium.get(server + "/agencies/?find=湟中政府")
    found = _wait(lambda: chromium.find_elements("css selector", "#xxgk-agency-finder-results a"))
    assert [a.text for a in found] == ["湟中区人民政府"]
    assert _box(chromium, found[0])["h"] >= TAP, _box(chromium, found[0])
    click_still(chromium, found[0])
    _wait(lambda: chromium.execute_script("return location.pathname").endswith("/huangzhong-renminzhengfu/")
          or "huangzhong" in chromium.execute_script("return location.pathname"))
    latest = _wait(lambda: [a for a in chromium.find_elements("css selector", "table[data-cards] a")
                            if a.text == "2025年度报告"])
    chromium.execute_script("arguments[0].scrollIntoView({block: 'center'})", latest[0])
    chromium.save_screenshot(str(SHOTS / f"h35-agency-latest-{width}.png"))
    assert _box(chromium, latest[0])["h"] >= TAP, _box(chromium, latest[0])
    click_still(chromium, latest[0])  # (clicked once still: the page may still be drawing a chart)
    _wait(lambda: chromium.execute_script("return location.pathname").endswith("/2025.html"))


# -- 5. a journalist's shared comparison on a phone: no more bytes than the view needs -------------------------------

COMPARED = ("/compare/?agencies=fujian-pingtanzongheshiyanqu,shanghai-kexuejishuweiyuanhui"
            "&metric=received&year=2019-2025")
ASKED = "return performance.getEntriesByType('resource').map(function (e) { return new URL(e.name).pathname; })"


@needs_chromium
@pytest.mark.browser
def test_a_shared_comparison_opens_without_the_searchs_data_until_the_reader_searches(server, chromium, phone):
    # (session 35: a comparison of two agencies over 2019–2025 opened on a phone loaded json/search.json, the
    # characters' readings for the 添加机构 box, ≈ 63 KB (≈ 24 KB gzipped): more than the view's own data)
    phone(390)
    chromium.get(server + COMPARED)
    rows = _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody th"))
    assert [r.text for r in rows] == ["平潭综合实验区", "上海市科学技术委员会"]
    chromium.save_screenshot(str(SHOTS / "h35-compare-390.png"))
    asked = chromium.execute_script(ASKED)
    assert "/json/agencies.json" in asked and "/json/m/received.json" in asked
    assert "/json/search.json" not in asked, asked
    chromium.find_element("css selector", "#xxgk-compare-steer > summary").click()  # (session 51: the controls
    # fold under a line saying the view on a phone; opening them asks for nothing)
    assert "/json/search.json" not in chromium.execute_script(ASKED)
    box = chromium.find_element("css selector", "#xxgk-compare-add")
    box.send_keys("格尔木")  # the reader adds a third: the search's data comes now, and finds it
    hits = _wait(lambda: [li.text for li in chromium.find_elements("css selector", "#xxgk-compare-suggest li")
                          if li.text])
    assert any(h.startswith("格尔木市") for h in hits), hits
    assert "/json/search.json" in chromium.execute_script(ASKED)


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_pages_ways_on_are_whole_tap_targets_on_a_phone(server, chromium, phone, width):
    # (session 35: 下载数据 → broke over two lines at 360 px, 下载数 / 据 →; each of the four links was 17 px high)
    phone(width)
    chromium.get(server + "/")
    ways = {}
    for text in ("全部机构 →", "比较 →", "检索原文 →", "下载数据 →"):
        link = _wait(lambda t=text: chromium.find_element("link text", t))
        lines = chromium.execute_script("return arguments[0].getClientRects().length", link)
        ways[text] = (lines, _box(chromium, link)["h"])
    assert all(lines == 1 and high >= TAP for lines, high in ways.values()), ways
    chromium.find_element("link text", "下载数据 →").click()
    _wait(lambda: chromium.execute_script("return location.pathname") == "/data/")
