"""Site audit 27, a reader's journeys walked in headless Chromium (fifth round), on one small site: a city's
transparency office (政务公开办) working through its city's reports. 青海省 has reports of two cities (西宁市: two
agencies, one whose table 三 does not add up; 海西州 格尔木市: one that does not add up either) and 福建省 one more; the
西宁市 report that does not add up is a flattened web page (its tables on one long line)."""

from __future__ import annotations

import csv
import io
import time

import pytest
from selenium.webdriver.support.ui import Select

from .conftest import _Quiet, click_still, needs_chromium, new_chromium, serving, site_of
from .conftest import wait_for as _wait
from .factory import tab_report
from .test_accessibility import AXE, _axe, _blocking

pytestmark = [pytest.mark.browser, needs_chromium]

MANIFEST = ("file,agency,year,url,retrieved_at,notes,province,city,county\n"
            "a.txt,西宁市数据局,2024,,,,青海省,西宁市,\n"
            "b.txt,西宁市教育局,2024,,,,青海省,西宁市,\n"
            "c.txt,格尔木市数据局,2024,,,,青海省,海西蒙古族藏族自治州,\n"
            "d.txt,福州市数据局,2024,,,,福建省,福州市,\n")


def _flattened(text: str) -> str:
    """``text`` as a flattened web page prints it: the title, then everything else on one line."""
    title, *rest = text.split("\n")
    return title + "\n" + " ".join(line.replace("\t", " ") for line in rest) + "\n"


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("site27")
    reports = work / "reports"
    reports.mkdir()
    # 一、本年新收 printed 6 of a 自然人 column whose other rows say 5: table 三 does not add up
    (reports / "a.txt").write_text(_flattened(tab_report(cell="6", agency="西宁市数据局")), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="西宁市教育局"), encoding="utf-8")
    (reports / "c.txt").write_text(tab_report(cell="6", agency="格尔木市数据局"), encoding="utf-8")
    (reports / "d.txt").write_text(tab_report(cell="6", agency="福州市数据局"), encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


def _shown(chromium, heading: str = "") -> list[str]:
    """The report names the page shows: in the list under the heading of id ``heading`` (the list of a finding
    code), or anywhere in the article."""
    rows = (chromium.find_elements("xpath", f"//h2[@id='{heading}']/following::table[1]//tbody//a") if heading
            else chromium.find_elements("css selector", "article tbody a"))
    return [a.text for a in rows if a.is_displayed() and "年度" in a.text]


def test_a_city_office_narrows_the_quality_page_to_its_city(server, chromium):
    # (audit 27: the quality page offered a province menu and a text filter only, so 西宁市's office choosing 青海省
    # was shown 海西州's reports too, and typing 西宁 in no box narrowed the lists by city)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/")
    city = _wait(lambda: [s for s in chromium.find_elements("id", "xxgk-city") if s.is_displayed()])[0]
    broken = "identity_broken"
    everyone = ["格尔木市数据局 2024年度", "福州市数据局 2024年度", "西宁市数据局 2024年度"]
    assert sorted(_shown(chromium, broken)) == everyone
    Select(city).select_by_visible_text("西宁市")
    assert _wait(lambda: _shown(chromium, broken) == ["西宁市数据局 2024年度"])
    status = chromium.find_element("css selector", ".xxgk-province-status").text
    assert status.startswith("只显示西宁市的 2 份报告"), status  # 西宁市教育局's notes are listed too
    assert {name.split()[0] for name in _shown(chromium)} == {"西宁市数据局", "西宁市教育局"}
    assert "city=" in chromium.current_url
    chromium.get(chromium.current_url)  # the address the office shares reopens the same list
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    assert _shown(chromium, broken) == ["西宁市数据局 2024年度"]


def test_the_city_menu_offers_the_chosen_provinces_cities(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?city=西宁市")
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    Select(chromium.find_element("id", "xxgk-province")).select_by_visible_text("福建省")
    city = Select(chromium.find_element("id", "xxgk-city"))
    offered = [o.text for o in city.options if o.is_enabled() and o.get_attribute("hidden") is None]
    assert offered == ["全部城市", "福州市"], offered
    assert city.first_selected_option.text == "全部城市"  # 西宁市 is not 福建省's: let go, not an empty page
    assert _shown(chromium, "identity_broken") == ["福州市数据局 2024年度"]


def test_the_ranking_narrows_to_a_city_too(server, chromium):
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/report-card/?city=海西蒙古族藏族自治州")
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    assert _wait(lambda: _shown(chromium)) == ["格尔木市数据局 2024年度"]


def _target(chromium) -> str:
    """The text of the element the address's fragment names (what the browser scrolled to and marks)."""
    return _wait(lambda: chromium.execute_script(
        "var t = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
        " return t && t.textContent.trim();"))


def test_a_finding_on_the_quality_page_leads_to_its_row_as_on_the_report_page(server, chromium):
    # (audit 27: on a flattened page, a whole report on line 2, the quality page linked 第2行 to the line's top —
    # the report's 一、总体情况 — while the report page linked the same finding to its row's place in the line)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/?city=西宁市")
    row = _wait(lambda: chromium.find_element("xpath", "//h2[@id='identity_broken']/following::table[1]//tbody/tr"))
    report = row.find_element("tag name", "a").get_attribute("href")
    total = "//a[contains(preceding-sibling::text()[1], '总计应等于各类申请人之和')]"
    note = row.find_element("xpath", "." + total)
    href = note.get_attribute("href")
    assert note.text == "第2行"
    click_still(chromium, note)
    assert _target(chromium).startswith("一、本年新收政府信息公开申请数量 6 0 0 0 0 0 5"), _target(chromium)
    chromium.get(report)  # the report page's link of the same finding goes to the same place
    assert _wait(lambda: chromium.find_element("xpath", "//article" + total)).get_attribute("href") == href


# a file a button downloads (xxgk.js makes a blob link and clicks it): its name and text
DOWNLOADED = """var button = arguments[0], done = arguments[1], click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  HTMLAnchorElement.prototype.click = click;
  var name = this.download;
  fetch(this.href).then(function (r) { return r.text(); }).then(function (text) { done([name, text]); });
};
button.click();"""


def test_a_city_office_downloads_the_list_it_narrowed(server, chromium):
    # (audit 27: the only export was findings.csv, the whole country's findings without a city: an office had to
    # join it with reports.csv to find its own; now the lists as the menus leave them, a line a report and problem)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/?city=西宁市")
    button = _wait(lambda: [b for b in chromium.find_elements("css selector", "button[data-xxgk-list-csv]")
                            if b.is_displayed()])[0]
    name, text = chromium.execute_async_script(DOWNLOADED, button)
    assert name.endswith("问题清单-西宁市.csv"), name
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {r["城市"] for r in rows} == {"西宁市"} and {r["省份"] for r in rows} == {"青海省"}, rows
    broken = [r for r in rows if r["问题代码"] == "identity_broken"]
    assert [(r["问题"], r["严重程度"], r["报告"], r["年度"], r["原文行"]) for r in broken] == [
        ("勾稽关系不成立", "错误", "西宁市数据局 2024年度", "2024", "2")], broken
    assert "总计应等于各类申请人之和，但前者为5，后者为6" in broken[0]["说明"]
    assert broken[0]["报告页"].startswith(server + "/a/") and broken[0]["报告页"].endswith("/2024.html")
    # (its two findings are both in the row 一、本年新收 of line 2, which the list links once after them; until
    # session 47 one of them named the column 自然人 as its row, was linked to the line and the other to the row, and
    # the list gave line 2 twice)
    sources = broken[0]["原文"].split()
    assert len(sources) == 1 and all(s.startswith(server + "/src/") for s in sources)
    assert "格尔木市数据局 2024年度" not in text  # 海西州's report, in 青海省 but not 西宁市
    # a message every listed report shares, which the page says once above its list, is on each of its lines
    fees = [r for r in rows if r["问题代码"] == "processing_fee_unstated"]
    assert sorted(r["报告"] for r in fees) == ["西宁市教育局 2024年度", "西宁市数据局 2024年度"]
    assert {r["说明"] for r in fees} == {"“其他需要报告的事项”未说明本年度是否收取信息处理费"}, fees


def _place(chromium) -> str:
    return _wait(lambda: chromium.find_element("id", "xxgk-work-list").text)


def test_a_report_opened_from_a_list_links_the_next_one_in_it(server, chromium):
    # (audit 27: an office working through its city's list had, on each report's page, no way to the next report of
    # the list but back to the list and finding its place again)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/quality/?city=西宁市")
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    listed = [a for a in chromium.find_elements("css selector", "#xxgk-by-agency tbody a") if a.is_displayed()]
    names = [a.text for a in listed]
    assert sorted(names) == ["西宁市教育局 2024年度", "西宁市数据局 2024年度"], names
    listed[0].click()
    place = _place(chromium)
    assert "（只显示西宁市）：第 1/2 份" in place and "上一份" not in place, place
    following = chromium.find_element("css selector", "#xxgk-work-list a[rel=next]")
    assert following.text == names[1]
    following.click()
    assert _wait(lambda: chromium.find_element("css selector", "article h1").text) == names[1]
    place = _place(chromium)
    assert "第 2/2 份" in place and "下一份" not in place, place
    assert chromium.find_element("css selector", "#xxgk-work-list a[rel=prev]").text == names[0]
    chromium.find_element("link text", "返回列表").click()
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    assert Select(chromium.find_element("id", "xxgk-city")).first_selected_option.text == "西宁市"


class _SlowLists(_Quiet):
    """``assets/lists.js`` answered three seconds late (a slow link, a loaded phone): the quality page is shown and its
    menus work before lists.js has run."""

    def do_GET(self):
        if self.path.split("?")[0].endswith("/assets/lists.js"):
            time.sleep(3)
        super().do_GET()


def test_a_report_tapped_before_the_lists_script_arrived_still_opens_with_its_list(served_site):
    # (session 36: the quality page's click handler that keeps the list (第 1/2 份, 下一份) was attached by lists.js,
    # loaded after the page: a tap before it arrived opened the report with no list kept, the office's place lost.
    # Selenium waits for a page's load event, which waited for lists.js: a reader does not; here the page is used as
    # soon as its HTML is parsed)
    driver = new_chromium(page_load="eager")
    try:
        driver.set_window_size(390, 844)
        with serving(served_site, _SlowLists) as server:
            driver.get(server + "/quality/?city=西宁市")
            _wait(lambda: driver.find_element("id", "xxgk-city").is_displayed())
            listed = [a for a in driver.find_elements("css selector", "#xxgk-by-agency tbody a") if a.is_displayed()]
            names = [a.text for a in listed]
            assert sorted(names) == ["西宁市教育局 2024年度", "西宁市数据局 2024年度"], names
            assert driver.execute_script("return !window.xxgkLists")  # the tap comes before lists.js
            listed[0].click()
            place = _place(driver)
            assert "（只显示西宁市）：第 1/2 份" in place, place
            assert driver.find_element("css selector", "#xxgk-work-list a[rel=next]").text == names[1]
    finally:
        driver.quit()


def test_a_report_not_in_the_kept_list_names_no_list(server, chromium):
    # a list kept from the quality page (西宁市's) says nothing on the page of a report it does not hold
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?city=西宁市")
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    [a for a in chromium.find_elements("css selector", "#xxgk-by-agency tbody a") if a.is_displayed()][0].click()
    _place(chromium)
    chromium.get(server + "/quality/")
    chromium.get(_wait(lambda: [a.get_attribute("href") for a in chromium.find_elements("css selector", "article a")
                                if a.text == "福州市数据局 2024年度"])[0])  # opened by its address, not from a list
    assert _wait(lambda: chromium.find_element("css selector", "article h1").text) == "福州市数据局 2024年度"
    assert not chromium.find_elements("id", "xxgk-work-list")


@pytest.mark.skipif(not AXE.exists(), reason="npm axe-core is not installed (make install)")
def test_the_city_menu_and_the_work_list_pass_axe(server, chromium):
    chromium.set_window_size(390, 844)
    problems = {}
    for path in ("/quality/?city=西宁市", "/report-card/?city=西宁市"):
        chromium.get(server + path)
        _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
        problems[path] = _blocking(_axe(chromium))
    [a for a in chromium.find_elements("css selector", "article tbody a") if a.is_displayed()][0].click()
    _place(chromium)
    problems["report"] = _blocking(_axe(chromium))
    assert problems == {p: [] for p in problems}, problems


def _link(chromium, text: str):
    return _wait(lambda: [a for a in chromium.find_elements("css selector", "article a") if a.text == text])[0]


def test_a_citizen_on_a_phone_finds_what_table_3s_words_mean(server, chromium):
    # (audit 27: a report page's table 三 printed 部分公开, 不予处理, 无法提供 and the site nowhere said what they
    # mean, nor that a partly granted request counts there only)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/agencies/")
    _link(chromium, "西宁市教育局").click()
    _wait(lambda: "西宁市教育局" in chromium.find_element("css selector", "article h1").text)  # the agency's page
    click_still(chromium, _link(chromium, "2024"))
    _wait(lambda: "2024" in chromium.find_element("css selector", "article h1").text)  # its 2024 report's page
    words = _wait(lambda: chromium.find_element(
        "xpath", "//h2[starts-with(., '三、')]/following::a[.='词语解释'][1]"))
    click_still(chromium, words)  # (on a phone a chart's caption grows by its buttons when drawn)
    assert _wait(lambda: chromium.find_element("css selector", "article h1").text) == "词语解释"
    meaning = chromium.find_element("xpath", "//dt[.='部分公开']/following-sibling::dd[1]").text
    assert "只计入本项" in meaning and "条例第三十七条" in meaning, meaning
    width = chromium.execute_script("var e = document.documentElement; return [e.scrollWidth, e.clientWidth]")
    assert width[0] <= width[1], width  # nothing wider than a phone's screen
    chromium.back()
    review = _wait(lambda: chromium.find_element("xpath", "//h2[starts-with(., '四、')]/following::a[.='词语解释'][1]"))
    click_still(chromium, review)
    assert _target(chromium) == "行政复议"


def test_an_address_naming_a_city_of_another_province_says_it_was_left_out(server, chromium):
    # (a shared address ?province=福建省&city=西宁市 showed 福建省's reports and said nothing of 西宁市)
    chromium.set_window_size(1366, 900)
    chromium.get(server + "/quality/?province=福建省&city=西宁市")
    _wait(lambda: chromium.find_element("id", "xxgk-city").is_displayed())
    status = chromium.find_element("css selector", ".xxgk-province-status").text
    assert "网址中的城市“西宁市”不在福建省，已略去。" in status and "只显示福建省的" in status, status
    assert _shown(chromium, "identity_broken") == ["福州市数据局 2024年度"]


def test_the_compare_pages_league_narrows_to_a_city(server, chromium):
    # (audit 27: the league table's menus were province, tier and kind: 西宁市's office ranked every agency of 青海省)
    chromium.set_window_size(390, 844)
    chromium.get(server + "/compare/?lmetric=received&lyear=2024&lprovince=青海省")

    def league() -> list[str]:
        return [a.text for a in chromium.find_elements("css selector", "#xxgk-league-table tbody a")]

    assert sorted(_wait(league)) == ["格尔木市数据局", "西宁市教育局", "西宁市数据局"]
    city = Select(chromium.find_element("id", "xxgk-league-city"))
    offered = [o.text for o in city.options if o.get_attribute("hidden") is None]
    assert offered == ["全部", "海西蒙古族藏族自治州", "西宁市"], offered  # 青海省's cities, not 福州市
    city.select_by_visible_text("西宁市")
    assert _wait(lambda: sorted(league()) == ["西宁市教育局", "西宁市数据局"])
    assert "lcity=" in chromium.current_url
    chromium.get(chromium.current_url)  # the shared address reopens the same league
    assert _wait(lambda: sorted(league()) == ["西宁市教育局", "西宁市数据局"])
