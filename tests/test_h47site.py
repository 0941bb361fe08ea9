"""Session 47 (reader journeys round 10): what a reader of the built site hit, walked in headless Chromium over the
seeds and the corpus — rows of the quality page's and an agency page's lists read without their names, a source
line's number too small to tap on a phone, an empty box drawn for a chart of nothing but zeros, …"""

from __future__ import annotations

import lxml.html
import pytest

from .conftest import PHONE, needs_chromium, read_page, wait_for


def _body_row_starts(table) -> set[str]:
    """The tags (with scope) a table's body rows start with."""
    return {f"{row.xpath('./th|./td')[0].tag}:{row.xpath('./th|./td')[0].get('scope')}"
            for row in table.xpath("./tbody/tr")}


def test_the_quality_pages_list_by_report_names_each_row_by_its_report(built_site):
    # a screen reader moving along the quality page's 按报告 list heard "3 2 1 2025 青海省" without the report the
    # counts are of: its rows began with a td, not the row's header
    page = lxml.html.document_fromstring(read_page(built_site / "quality" / "index.html"))
    table = page.xpath("//table[@id='xxgk-by-agency']")[0]
    assert len(table.xpath("./tbody/tr")) >= 3
    assert _body_row_starts(table) == {"th:row"}, _body_row_starts(table)
    assert all(row.xpath("./th[@scope='row']//a[@href]") for row in table.xpath("./tbody/tr"))  # (its link kept)


def test_an_agency_pages_findings_year_by_year_name_each_row_by_its_year(built_site):
    # 历年发现的问题: "0 2 1 完整性×2" without the year they were found in
    tables = [t for page in sorted(built_site.glob("a/*/index.html"))
              for t in lxml.html.document_fromstring(read_page(page)).xpath("//article//table[thead]")
              if "最常见的问题" in t.xpath("./thead")[0].text_content()]
    assert tables
    for table in tables:
        assert _body_row_starts(table) == {"th:row"}, _body_row_starts(table)
        assert all(th.get("role") == "rowheader" for th in table.xpath("./tbody/tr/th"))  # (its phone layout's roles)


# each body row's cells' top rules (a phone lays a row out as a card or a grid: the row draws its rule, its cells none)
RULES = ("var laid = document.querySelector(arguments[0]);"
         "return laid && Array.from(laid.tBodies[0].rows).map(function (row) {"
         " return Array.from(row.cells).map(function (c) { return getComputedStyle(c).borderTopWidth; }); });")


@pytest.mark.browser
@needs_chromium
def test_a_phone_card_of_the_quality_list_keeps_its_report_as_the_rows_header(server, chromium):
    # on a phone each row of the list is a card (xxgk.js cards gives the ARIA roles a card layout drops): its
    # report, now a th, must stay the row's header there too, not a plain cell — and draw no second, shorter rule
    # inside the card (the site gives a row header the row's rule, which the card's border: 0 did not outweigh)
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + "/quality/")
        roles = wait_for(lambda: chromium.execute_script(
            "var t = document.getElementById('xxgk-by-agency');"
            "return t && t.hasAttribute('data-cards') && Array.from(t.tBodies[0].rows).map(function (r) {"
            " return r.cells[0].getAttribute('role'); });"))
        rules = chromium.execute_script(RULES, "#xxgk-by-agency")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert set(roles) == {"rowheader"}, roles
    assert len(rules) >= 3 and all(set(widths) == {"0px"} for widths in rules), rules


@pytest.mark.browser
@needs_chromium
def test_a_source_lines_number_is_a_target_a_finger_can_tap(built_site, server, chromium):
    # on a 390 px phone each line number (a link to its line, source.js) was 44 × 16 px, the next one 16 px below:
    # a tap meant for line 40 took 39 or 41 (WCAG 2.5.8: 24 × 24 px at least)
    source = sorted((built_site / "src").glob("*.html"))[0]
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(f"{server}/src/{source.name}")
        boxes = wait_for(lambda: chromium.execute_script(
            "return Array.from(document.querySelectorAll('.xxgk-source a.xxgk-ln')).slice(0, 60).map(function (a) {"
            " var r = a.getBoundingClientRect(); return [r.top, r.width, r.height]; });"))
        width = chromium.execute_script("return document.documentElement.scrollWidth")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert len(boxes) >= 20
    assert all(w >= 24 and h >= 24 for _, w, h in boxes), boxes[:5]
    tops = [top for top, _, _ in boxes]
    assert all(b - a >= 24 for a, b in zip(tops, tops[1:], strict=False)), tops[:10]  # no two overlap
    assert width <= 390  # (and the listing still fits the phone)


def _zero_figures(page) -> list:
    """The charts of ``page`` whose caption says that every value is 0."""
    return [f for f in page.xpath("//figure[.//div[@role='img']]")
            if "都是0" in f.xpath("./figcaption")[0].text_content()]


def _zero_agency(site) -> str:
    """The address of the first agency page with a chart whose every value is 0 beside charts with a bar (the
    seeds: a county government that received requests and denied none)."""
    for path in sorted(site.glob("a/*/index.html")):
        page = lxml.html.document_fromstring(read_page(path))
        if 0 < len(_zero_figures(page)) < len(page.xpath("//figure[.//div[@role='img']]")):
            return f"/a/{path.parent.name}/"
    raise AssertionError("no agency page with a chart of zeros beside a drawn one")


def test_a_chart_of_nothing_but_zeros_is_its_caption_not_an_empty_box(built_site):
    # session 46 said 各项数值都是0 under the chart's box, still drawn: 540 px of nothing on a phone above the words
    page = lxml.html.document_fromstring(read_page(built_site / _zero_agency(built_site).strip("/") / "index.html"))
    zero = _zero_figures(page)
    for figure in zero:
        box = figure.xpath(".//div[@role='img']")[0]
        name = box.get("aria-label").removeprefix("图表：")
        assert box.get("data-zero") is not None and not box.get("style"), lxml.html.tostring(box)
        assert figure.xpath("./figcaption")[0].text_content().startswith(f"{name}：各项数值都是0")  # it says which
        assert figure.xpath(".//details//table")  # the zeros themselves, in its data table
    drawn = [f for f in page.xpath("//figure[.//div[@role='img']]") if f not in zero]
    assert drawn and not any(f.xpath(".//div[@data-zero]") for f in drawn)


@pytest.mark.browser
@needs_chromium
def test_a_chart_of_zeros_takes_no_room_and_still_downloads_and_prints_its_numbers(built_site, server, chromium):
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + _zero_agency(built_site))
        chromium.execute_script("document.querySelector('div.xxgk-chart[data-zero]').scrollIntoView()")
        seen = wait_for(lambda: chromium.execute_script(
            "var box = document.querySelector('div.xxgk-chart[data-zero]'), f = box.closest('figure');"
            "var buttons = Array.from(f.querySelectorAll('figcaption button'));"
            "return buttons.length && buttons.every(function (b) { return !b.hasAttribute('aria-disabled'); }) &&"
            " [box.getBoundingClientRect().height, buttons.map(function (b) { return b.textContent; })];"))
        # (its findings year by year, a grid a year on a phone: the year, a th, draws no rule inside the row's)
        rules = chromium.execute_script(RULES, "table[data-stack]")
        # printed before the reader scrolled there, a chart not drawn yet is left off paper with its caption (audit
        # 32): a chart of zeros is its caption, and it went too
        chromium.execute_script(  # (each as xxgk.js leaves it until the reader scrolls near it)
            "document.querySelectorAll('div.xxgk-chart[data-zero]').forEach(function (c) {"
            " c.removeAttribute('data-drawn'); });")
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        printed = chromium.execute_script(
            "return Array.from(document.querySelectorAll('div.xxgk-chart[data-zero]')).map(function (c) {"
            " var caption = c.closest('figure').querySelector('figcaption');"
            " return [caption.getClientRects().length > 0, caption.textContent]; });")
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    height, buttons = seen
    assert height < 10, height
    assert buttons == ["下载图表数据（CSV）"], buttons  # (a picture of nothing is not offered)
    assert len(rules) >= 1 and all(set(widths) == {"0px"} for widths in rules), rules
    assert printed and all(shown and "各项数值都是0" in words for shown, words in printed), printed


@pytest.mark.browser
@needs_chromium
def test_a_report_pages_links_to_its_agency_and_source_are_whole_targets_on_a_phone(built_site, server, chromium):
    # under a report's facts on a 390 px phone: 机构页（某区人民政府）：历年数据与比较　查看 / 原文（带行号） — the
    # source's link broke after 查 at the line's end, beside the agency's link: two 17 px targets a few px apart
    from .conftest import report_page_files

    pages = [p for p in report_page_files(built_site) if "机构页（" in read_page(p)][:1]
    assert pages
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        for page in pages:
            chromium.get(f"{server}/{page.relative_to(built_site).as_posix()}")
            links = chromium.execute_script(
                "var a = document.evaluate(\"//article//a[normalize-space()='查看原文（带行号）']\", document, null,"
                " XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;"
                "return Array.from(a.parentNode.querySelectorAll('a')).map(function (x) {"
                " return [x.textContent, x.getClientRects().length, x.getBoundingClientRect().height]; });")
            assert len(links) >= 2 and all(rects == 1 and height >= 24 for _, rects, height in links), (page, links)
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.browser
@needs_chromium
def test_a_saved_comparisons_note_breaks_its_lines_where_chinese_text_may(server, chromium):
    # a comparison's PNG says under the chart each agency's years without a point, cut every 80 characters: a
    # line began with 、 (…2021、2023 / 、2025年无报告) and a year could be cut in two (2021、20 / 23年: two years)
    chromium.get(server + "/about/")  # (xxgk.js, which draws the compare page's PNG, is on every page)
    note = ("图中没有点的年度：某市某某某某某某某某局：2021、2023、2024年无报告，2025年无从计算；"
            "某县人民政府：2021、2023")
    texts = ["某" * pad + note + "、2025年无报告（详见网页上的表格）。" for pad in range(24)]  # (each place the
    # 80th character can fall)
    broken = chromium.execute_script(
        "return arguments[0].map(function (t) { return window.xxgkNoteLines(t, 80); });", texts)
    for text, lines in zip(texts, broken, strict=True):
        assert "".join(lines) == text and all(len(line) <= 80 for line in lines), lines
        assert not any(line[0] in "、，。；：）" for line in lines[1:]), lines
        assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in zip(lines, lines[1:], strict=False)), lines


@pytest.mark.browser
@needs_chromium
def test_the_header_searchs_agency_lines_read_at_a_phones_text_size(built_site, server, chromium):
    # a citizen on a phone typing an agency's name in the header: its line (机构 · 某省 · 县级 · 2024–2025年) and each
    # report's passage were 10 px — the header's size, the results written without Material's md-typeset (12.8 px)
    import csv

    with (built_site.parent / "datapackage" / "data" / "agencies.csv").open(encoding="utf-8-sig") as f:
        name = next(csv.DictReader(f))["name"]
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        chromium.get(server + "/")
        wait_for(lambda: [b for b in chromium.find_elements("css selector", "label[for=__search]")
                          if b.is_displayed()])[0].click()
        chromium.find_element("css selector", "input.md-search__input").send_keys(name[:3])
        sizes = wait_for(lambda: chromium.execute_script(
            "return Array.from(document.querySelectorAll('.xxgk-agency-hits article p')).map(function (p) {"
            " return parseFloat(getComputedStyle(p).fontSize); });"))
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert sizes and min(sizes) >= 12, sizes
