"""Round 3 of the site's leftovers, in Chromium: on a phone the downloads, the checks and an agency's findings year
by year read without sideways scrolling and stay tables for screen readers; a compare address without a year opens
at the chosen agencies' latest year; a report-card address without its province leads to that group's provinces."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from .conftest import SHOTS, needs_chromium, serving, site_of
from .conftest import wait_for as _wait
from .test_accessibility import _viewport

pytestmark = [pytest.mark.browser, needs_chromium]

AGENCY = "qinghai-haixi-geermu-shujuju"  # the seeds' 格尔木市数据局 (2025)
GOVERNMENT = "qinghai-haixi-geermu-renminzhengfu"  # the seeds' 格尔木市 (2024 only; the site's latest year is 2025)
# (page, XPath of the table) — the three tables that scrolled sideways at 390 px
STACKED = [("/data/", "//article//table[caption='下载文件']"),
           ("/checks/", "(//article//table)[1]"),
           (f"/a/{AGENCY}/", "//h2[starts-with(normalize-space(.), '历年发现的问题')]/following::table[1]")]
# the overflow of the table and of every box around it inside the article (a scroller of its own included)
OVERFLOW = """var e = arguments[0], worst = 0;
for (; e && e.tagName !== 'ARTICLE'; e = e.parentElement) worst = Math.max(worst, e.scrollWidth - e.clientWidth);
return worst;"""


@pytest.mark.parametrize("page,xpath", STACKED)
def test_a_table_of_text_reads_on_a_phone_without_scrolling_sideways(server, chromium, page, xpath):
    _viewport(chromium, "phone")
    try:
        chromium.get(server + page)
        table = _wait(lambda: chromium.find_elements("xpath", xpath))[0]
        chromium.execute_script("arguments[0].scrollIntoView()", table)
        chromium.save_screenshot(str(SHOTS / f"site10-stacked{page.replace('/', '-')}390.png"))
        # before: 176 px (downloads), 439 px (checks), 299 px (findings) to scroll sideways in the table's box
        assert chromium.execute_script(OVERFLOW, table) <= 1, page
        assert table.tag_name == "table"
        # still a table to a screen reader, whatever the phone layout does with its rows
        assert {c.aria_role for c in table.find_elements("css selector", "thead th")} == {"columnheader"}
        assert {c.aria_role for c in table.find_elements("css selector", "tbody td")} == {"cell"}
        assert {r.aria_role for r in table.find_elements("css selector", "tr")} == {"row"}
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("page,xpath", STACKED)
def test_on_a_desktop_the_same_table_keeps_one_line_per_row(server, chromium, page, xpath):
    chromium.set_window_size(1366, 900)
    chromium.get(server + page)
    table = _wait(lambda: chromium.find_elements("xpath", xpath))[0]
    for row in table.find_elements("css selector", "tbody tr")[:3]:
        tops = {round(c.rect["y"]) for c in row.find_elements("css selector", "td, th")}
        assert len(tops) == 1, (page, row.text)  # every cell of a row side by side, as before
    assert table.find_elements("css selector", "thead th")[0].value_of_css_property(
        "cursor") != "pointer"  # not Material's sortable-table look (it marks th[role=columnheader] so)


def _compare_view(chromium) -> tuple[str, str, list[str]]:
    return (chromium.find_element("id", "xxgk-compare-from").get_attribute("value"),
            chromium.find_element("id", "xxgk-compare-to").get_attribute("value"),
            [tr.text for tr in chromium.find_elements("css selector", "#xxgk-compare-table tbody tr")])


def _at_the_governments_latest_year(chromium, address: str) -> tuple[str, tuple]:
    """``(status, view)`` of the comparison at ``address`` of the seeds' 格尔木市 alone, asserted to show its only
    year, 2024, with its number — not the site's latest year, 2025, in which it has no report (无数据)."""
    chromium.set_window_size(1366, 900)
    chromium.get(address)
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))
    status = _wait(lambda: chromium.find_element("id", "xxgk-compare-status").text)
    view = _compare_view(chromium)
    assert view[:2] == ("2024", "2024"), view
    assert "无数据" not in " ".join(view[2]) and "2024" in " ".join(view[2]), view
    return status, view


def test_a_compare_address_without_a_year_opens_at_the_chosen_agencies_latest_year(server, chromium):
    address = server + f"/compare/?agencies={GOVERNMENT}&metric=received"
    status, view = _at_the_governments_latest_year(chromium, address)
    assert "网址没有指定年度" in status and "2024年" in status, status
    chromium.refresh()  # the address round-trips: a reload gives the same view
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))
    assert _compare_view(chromium) == view
    assert "year=" not in chromium.current_url


@pytest.mark.parametrize("year", ["1999", "2024-1999"])
def test_a_compare_address_with_a_year_not_in_the_data_opens_at_the_agency_s_latest_year(server, chromium, year):
    """year=1999 (a typo, an old link): the chosen agency's latest year with a report, as an address without a year
    gives, and said (session 60: the site's latest, 2025, in which it has no report — an empty 无报告 view)."""
    address = server + f"/compare/?agencies={GOVERNMENT}&metric=received&year={year}"
    status, _ = _at_the_governments_latest_year(chromium, address)
    assert f"网址中的年度“{year}”没有数据，改为显示2024年" in status, status


def test_a_compare_address_without_a_year_prefers_a_year_every_chosen_agency_has(server, chromium):
    chromium.get(server + f"/compare/?agencies={AGENCY},{GOVERNMENT}&metric=received")
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-table tbody tr"))
    status = _wait(lambda: chromium.find_element("id", "xxgk-compare-status").text)
    # 格尔木市数据局 reports for 2025, 格尔木市 for 2024 only: no year both have, so the latest one of them has
    assert _compare_view(chromium)[:2] == ("2025", "2025")
    assert "至少一个" in status, status


@pytest.fixture(scope="module")
def split_site(seed_package, tmp_path_factory):
    from .test_page_split import shared_hostile_split_site

    site = shared_hostile_split_site(seed_package, tmp_path_factory)
    with serving(site) as url:
        yield site, url


def _title(chromium) -> str:
    return chromium.find_element("tag name", "h1").text


def test_every_prefix_of_a_report_card_address_opens_a_page(split_site, chromium):
    site, url = split_site
    chromium.set_window_size(1366, 900)
    pages = sorted(p.parent.relative_to(site).as_posix() for p in (site / "report-card").glob("*/*/index.html"))
    groups = sorted({p.split("/")[1] for p in pages})
    assert pages and groups
    for group in groups:  # the group's own page (pages.py), listing its provinces' pages
        chromium.get(f"{url}/report-card/{group}/")
        # before: 404 (GitHub Pages), a folder listing (xxgk serve)
        _wait(lambda g=group: chromium.find_elements("id", f"xxgk-ranking-{g}-provinces"))
        assert not _title(chromium).startswith("404")
        listed = chromium.find_element("id", f"xxgk-ranking-{group}-provinces")
        links = [a.get_attribute("href") for a in listed.find_elements("css selector", "a")]
        assert links and all(f"/report-card/{group}/" in h for h in links), links
    chromium.save_screenshot(str(SHOTS / "site10-report-card-group-1366.png"))
    for page in pages:  # every longer prefix is a page of its own
        chromium.get(f"{url}/{page}/")
        assert not _title(chromium).startswith("404"), page


def test_an_unknown_report_card_group_says_so_and_links_the_report_card(split_site, chromium):
    _, url = split_site
    chromium.get(f"{url}/report-card/1999-county/")
    status = _wait(lambda: "1999-county" in (t := chromium.find_element("id", "xxgk-404-status").text) and t)
    assert "没有" in status
    assert chromium.find_element("id", "xxgk-404-status").find_element("tag name", "a").get_attribute(
        "href").endswith("/report-card/")
    assert _title(chromium).startswith("404")


def test_the_preview_server_lists_no_folder(split_site):
    site, url = split_site
    for path in ("/a/", "/json/"):  # (a report card group's folder is a page: pages.py)
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(url + path)  # noqa: S310 (our own server)
        # before: 200 and "Directory listing for …" (GitHub Pages answers 404)
        assert error.value.code == 404
        assert "找不到这个页面" in error.value.read().decode("utf-8")


def test_a_printed_report_page_keeps_table_3_whole_and_drops_the_navigation(server, chromium, served_site):
    from .conftest import report_page_files

    page = next(p for p in report_page_files(served_site) if "huangzhong" in p.parent.name)  # seed 003, table 3
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/" + page.relative_to(served_site).as_posix())
    _wait(lambda: chromium.find_elements("tag name", "article"))
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # an A4 page's printable width at 96 dpi
                             {"width": 720, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    try:
        table = chromium.find_element("xpath", "//h2[starts-with(normalize-space(.), '三、')]/following::table[1]")
        total = table.find_elements("xpath", ".//thead//th[normalize-space(.)='总计']")[0]
        article = chromium.find_element("tag name", "article")
        # before: the box that scrolls the table on screen cut it at the paper's edge: 其他 and 总计 not printed
        assert chromium.execute_script(OVERFLOW, table) <= 1
        assert total.rect["x"] + total.rect["width"] <= article.rect["x"] + article.rect["width"] + 1
        assert not chromium.find_element("css selector", ".md-sidebar--primary").is_displayed()
        assert not [b for b in chromium.find_elements("css selector", "article button") if b.is_displayed()
                    and "xxgk-sort" not in (b.get_attribute("class") or "")]  # no control that does nothing on paper
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_source_line_opened_by_its_address_shows_the_lines_above_it(server, chromium, served_site):
    sources = sorted(served_site.glob("src/*.html"), key=lambda p: -p.read_text(encoding="utf-8").count('id="L'))
    lines = sources[0].read_text(encoding="utf-8").count('id="L')
    assert lines > 60
    n = lines // 2
    chromium.set_window_size(1366, 900)
    chromium.get(f"{server}/src/{sources[0].name}#L{n}")
    target = _wait(lambda: chromium.find_element("id", f"L{n}"))
    above = chromium.find_element("id", f"L{n - 2}")
    top = chromium.execute_script("return arguments[0].getBoundingClientRect().top", above)
    # before: the line at the window's top edge, its row label (a line or two higher) scrolled out of view
    assert top >= 0 and target.is_displayed(), top


def test_on_a_phone_the_keyboard_meets_no_hidden_link_and_opens_the_menu(server, chromium):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    _viewport(chromium, "phone")
    try:
        chromium.get(server + "/")
        _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
        hidden = []
        for _ in range(12):
            ActionChains(chromium).send_keys(Keys.TAB).perform()
            focused = chromium.switch_to.active_element
            off = focused.rect["x"] + focused.rect["width"] <= 0 or focused.rect["x"] >= 390  # off screen
            if focused.tag_name == "a" and (off or focused.value_of_css_property("visibility") == "hidden"):
                hidden.append(focused.get_attribute("href"))
        # before: the closed drawer's ten links took the focus off screen (x = −242 px) before the page's own
        assert not hidden, hidden
        menu = chromium.find_element("css selector", ".md-header [role=button][aria-label='导航菜单']")
        menu.send_keys(Keys.ENTER)  # before: the menu's switch was a label, which no keyboard reaches
        link = _wait(lambda: (f := chromium.switch_to.active_element).tag_name == "a" and f.rect["x"] >= 0 and f)
        assert link.is_displayed() and menu.get_attribute("aria-expanded") == "true"
        nav = chromium.find_element("css selector", ".md-sidebar--primary")
        assert "机构索引" in nav.text
        ActionChains(chromium).send_keys(Keys.ESCAPE).perform()
        _wait(lambda: menu.get_attribute("aria-expanded") == "false")
        assert chromium.switch_to.active_element == menu
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _finder(chromium, server, query: str) -> list[str]:
    chromium.get(server + "/agencies/")
    box = _wait(lambda: chromium.find_element("id", "xxgk-agency-finder"))
    box.send_keys(query)
    _wait(lambda: chromium.find_element("id", "xxgk-agency-finder-status").text)
    return [li.text.split("\n")[0].split("\u3000")[0]
            for li in chromium.find_elements("css selector", "#xxgk-agency-finder-results li")]


@pytest.mark.parametrize("query,expected", [
    ("青海 数据局", ["格尔木市数据局"]),  # a region and a kind of office, as typed: before, nothing
    ("海西 格尔木", ["格尔木市数据局", "格尔木市人民政府"]),
    ("qinghai", ["格尔木市数据局", "格尔木市人民政府", "湟中区人民政府"]),  # a province in pinyin, as 青海 lists them
])
def test_the_agency_finder_takes_a_region_and_a_name_and_region_pinyin(server, chromium, query, expected):
    _viewport(chromium, "phone")
    try:
        found = _finder(chromium, server, query)
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert sorted(found) == sorted(expected), (query, found)


@pytest.mark.parametrize("folder,page", [("/a/", "/agencies/"), ("/src/", "/agencies/"), ("/r/", "/agencies/"),
                                         ("/downloads/", "/data/")])
def test_a_folder_of_pages_leads_to_its_index(server, chromium, folder, page):
    chromium.set_window_size(1366, 900)
    chromium.get(server + folder)
    # before: 404 (GitHub Pages), a folder listing (xxgk serve): an agency's address cut short led nowhere
    _wait(lambda: chromium.current_url == server + page)
    _wait(lambda: not _title(chromium).startswith("404"))


@pytest.fixture(scope="module")
def twin_series_site(tmp_path_factory):
    """Two county 数据局 of 青海 with the same numbers in 2023 and 2024 (a compare chart's two lines on each other)."""

    from .factory import tab_report

    work = tmp_path_factory.mktemp("twins")
    reports = work / "reports"
    reports.mkdir()
    for agency in ("格尔木市数据局", "德令哈市数据局"):
        for year in (2023, 2024):
            (reports / f"{agency}{year}.txt").write_text(tab_report(agency=agency, year=year), encoding="utf-8")
    site_of(reports, work)
    with serving(work / "site") as url:
        yield url


def test_two_agencies_value_labels_over_years_do_not_print_over_each_other(twin_series_site, chromium):
    url = twin_series_site
    chromium.set_window_size(1366, 900)
    chromium.get(f"{url}/compare/?agencies=qinghai-haixi-geermu-shujuju,qinghai-haixi-delingha-shujuju"
                 "&metric=received&year=2023-2024")
    _wait(lambda: len(chromium.find_elements("css selector", "#xxgk-compare-chart .textpoint text")) == 4)
    boxes = chromium.execute_script("""return Array.from(document.querySelectorAll('#xxgk-compare-chart .trace'))
      .map(function (t) { return Array.from(t.querySelectorAll('.textpoint text')).map(function (e) {
        var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }); })
      .filter(function (b) { return b.length; });""")
    assert len(boxes) == 2
    for a in boxes[0]:
        for b in boxes[1]:
            overlap = min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
            # before: both labels above their points: the same value printed twice on one spot, unreadable
            assert not overlap, (a, b)
    chromium.save_screenshot(str(SHOTS / "site10-compare-labels-1366.png"))


def test_a_report_page_says_how_to_cite_it_with_its_stable_address_and_todays_date(server, chromium, served_site):
    import datetime

    from .conftest import report_page_files

    page = report_page_files(served_site)[0]
    address = server + "/" + page.relative_to(served_site).as_posix()
    chromium.get(address + "#L3")
    cite = _wait(lambda: chromium.find_element("css selector", "p.xxgk-cite").text)
    heading = chromium.find_element("css selector", "article h1").text.strip()
    # before: only the footer's link to the dataset's citation
    assert cite.startswith("引用本报告（GB/T 7714）：") and "[EB/OL]" in cite and heading in cite
    assert f"{address}. [{datetime.date.today().isoformat()}]" in cite  # the page's own address, without #L3
