"""Session 36: a citizen's first phone screen of a report page answers "how many requests did it get and how did it
answer them" (the key figures under the heading), and a report's address typed without ``.html`` finds its page."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from .conftest import SHOTS, needs_chromium, wait_for

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025, table 三 of 11 new requests, 11 handled
GEERMU = "qinghai-haixi-geermu-shujuju"  # the seeds: 2025, its table 三 not read (table_absent)


def _article(site, agency: str, year: int):
    page = site / "a" / agency / f"{year}.html"
    return lxml_html.document_fromstring(page.read_text(encoding="utf-8")).xpath("//article")[0]


def _key(article) -> str:
    """The key figures' words. (The page is minified: its ``</p>`` left out before the facts' ``<details>``, which a
    browser's parser closes the paragraph at; lxml's puts the details inside it, so they are cut off here.)"""
    key = article.xpath(".//p[@class='xxgk-key']")[0]
    for inner in key.xpath("./details"):
        key.remove(inner)
    return re.sub(r"\s+", " ", key.text_content()).strip()


def test_a_report_pages_key_figures_come_right_under_its_heading_and_lead_to_their_tables(built_site):
    # (session 36: on a 390 px phone the answer — 11 requests, how they were answered — lay two screens down, under
    # the facts, the links and the report card)
    article = _article(built_site, HUANGZHONG, 2025)
    # (after the heading; session 38: the page's script that says where it is in a list the reader opened it from,
    # report_page.WORK_PLACE, is no content: it writes nothing on a page opened otherwise)
    # (session 39: the line saying where the page sits, 首页 › 机构索引 › … , is between them: navigation, no content)
    first = [e for e in article if e.tag not in ("a", "script", "nav")][1]
    assert article.xpath("./nav[@aria-label='位置']")
    assert first.tag == "p" and first.get("class") == "xxgk-key", lxml_html.tostring(first)
    assert _key(article) == ("新收申请 11 件，办理 11 件（予以公开 0，部分公开 0，不予公开 0，无法提供 0，不予处理 0，"
                             "其他处理 0；各项之和 0 件，与办理总数不符）；行政复议 0 件，行政诉讼 0 件。")
    # (session 40: the report prints 办理 11 over six outcomes of 0 — table 三 marks it ≠ — and the line says so)
    ids = set(article.xpath(".//h2/@id"))
    targets = [a.get("href") for a in article.xpath(".//p[@class='xxgk-key']//a")]
    assert len(targets) == 2 and all(t.startswith("#") and t[1:] in ids for t in targets), (targets, ids)
    headings = {h.get("id"): h.text_content() for h in article.xpath(".//h2")}
    assert [headings[t[1:]][:2] for t in targets] == ["三、", "四、"]


def test_a_figure_the_report_lacks_is_said_missing_in_the_key_figures_never_0(built_site):
    # 格尔木市数据局 2025: table 三 was not read — its requests are no number, not 0 (its table 四 was read: 0 is 0)
    key = _key(_article(built_site, GEERMU, 2025))
    # (session 39: with its reason, one word for the eight figures it lacks alike — was 新收申请 无数据，办理 无数据
    # （予以公开 无数据，…）)
    assert key.startswith("新收申请、办理及办理结果 无数据（此表未能读出）；"), key
    assert "申请 0" not in key and "办理 0" not in key and "公开 0" not in key, key


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 390, 1366])
def test_a_citizen_reads_the_key_figures_on_the_first_screen_of_a_phone(server, chromium, width):
    phone = width < 600
    if phone:
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                 {"width": width, "height": 640, "deviceScaleFactor": 1, "mobile": True})
    else:
        chromium.set_window_size(1366, 900)
    try:
        chromium.get(server + f"/a/{HUANGZHONG}/2025.html")
        key = wait_for(lambda: chromium.find_element("css selector", "article p.xxgk-key"))
        chromium.save_screenshot(str(SHOTS / f"h36-key-figures-{width}.png"))
        box = chromium.execute_script("var r = arguments[0].getBoundingClientRect();"
                                      "return [r.top, r.bottom, r.right, innerHeight, innerWidth,"
                                      " document.documentElement.scrollWidth];", key)
        assert box[1] <= box[3], box  # whole on the first screen (a 360 × 640 phone too)
        assert box[2] <= box[4] and box[5] <= box[4], box  # nothing wider than the screen
        link = key.find_element("partial link text", "新收申请")
        link.click()
        title = chromium.find_element("id", link.get_attribute("hash")[1:])
        assert wait_for(lambda: chromium.execute_script(
            "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", title))
    finally:
        if phone:
            chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# -- a report's address without .html -----------------------------------------------------------------------------

def _path(chromium) -> str:
    return chromium.execute_script("return location.pathname")


@needs_chromium
@pytest.mark.browser
def test_a_reports_address_typed_without_html_opens_the_report(server, chromium):
    # (session 36: /a/<id>/2025, as a reader types or pastes it, got the plain 404: 页面不存在)
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/a/{HUANGZHONG}/2025")
    wait_for(lambda: _path(chromium) == f"/a/{HUANGZHONG}/2025.html")
    assert chromium.find_element("css selector", "article h1").text.startswith("湟中区人民政府")


@needs_chromium
@pytest.mark.browser
def test_a_year_the_agency_has_no_report_of_says_so_and_links_its_page(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/a/{HUANGZHONG}/2019")
    link = wait_for(lambda: chromium.find_elements("id", "xxgk-404-agency"))[0]
    assert "本站没有收录湟中区人民政府2019年的报告。已收录的年度：2025年。" in chromium.find_element(
        "id", "xxgk-404-status").text  # (session 43: 该机构, unnamed, and no year)
    assert link.get_attribute("href") == server + f"/a/{HUANGZHONG}/"
    assert _path(chromium) == f"/a/{HUANGZHONG}/2019"  # (not sent on to a second 404)


@needs_chromium
@pytest.mark.browser
def test_an_agencys_address_without_its_slash_opens_its_page(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + f"/a/{HUANGZHONG}")
    wait_for(lambda: _path(chromium) == f"/a/{HUANGZHONG}/")
    assert chromium.find_element("css selector", "article h1").text == "湟中区人民政府"


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("path", ["//evil.example/a/x/2025", "/a/%3Cimg%20src=x%20onerror=window.__xss=1%3E/2025",
                                  "/a/" + HUANGZHONG + "/2025%22onmouseover=%22window.__xss=2"])
def test_an_address_shaped_like_a_report_leads_nowhere_else_and_runs_nothing(server, chromium, path):
    chromium.set_window_size(1366, 900)
    chromium.get(server + path)
    wait_for(lambda: chromium.find_elements("id", "xxgk-404-status"))
    wait_for(lambda: chromium.execute_script("return document.readyState === 'complete'"))
    assert chromium.execute_script("return location.origin") == server
    assert chromium.execute_script("return window.__xss") is None
