"""What a reader meets on the built site (the seeds' site), found by walking it as a journalist, a transparency
office and a citizen on a phone would: pages without JavaScript, a 390 px phone, the source pages and the
download page. Each test is one defect that was seen, checked the way a reader would notice it."""

from __future__ import annotations

import pytest

from .conftest import SHOTS, draw_charts, needs_chromium, new_chromium, own_tab, read_page
from .conftest import wait_for as _wait

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
REPORT = "/a/qinghai-haixi-geermu-renminzhengfu/2024.html"  # a seed report with table 4 (its charts), no 原文链接


# -- without a browser -------------------------------------------------------------------------------------------

def test_every_resource_has_a_chinese_name_on_the_download_page(seed_package):
    """The download page and the data dictionary name each CSV in Chinese (``meta.RESOURCE_ZH``): a resource of
    the package without one showed its bare code (``metric_values（metric_values.csv）``)."""
    import json

    from xxgk.site.meta import download_files

    descriptor = json.loads((seed_package[0] / "datapackage.json").read_text(encoding="utf-8"))
    bare = [label for path, label, _ in download_files(descriptor) if path.startswith("data/")
            and label.startswith(path.rsplit("/", 1)[1][:-4] + "（")]
    assert len(descriptor["resources"]) > 10 and not bare, bare


def test_the_download_page_promises_line_numbers_only_where_a_table_has_them(seed_package):
    """Every tidy-table CSV on the download page was described as "每个数值一行，带行号可追溯", reports.csv,
    agencies.csv, metrics.csv and metric_values.csv too, which hold no line numbers at all."""
    import json

    from xxgk.site.meta import download_files

    descriptor = json.loads((seed_package[0] / "datapackage.json").read_text(encoding="utf-8"))
    has_line = {r["path"]: any(f["name"] == "line" for f in r["schema"]["fields"]) for r in descriptor["resources"]}
    said = {path: "行号" in whom for path, _, whom in download_files(descriptor) if path in has_line}
    assert said == has_line


def test_the_download_page_says_what_a_row_of_each_wide_table_is(seed_package):
    """The download page said "每份报告一行" of the wide tables 2 and 3, which hold a row per report and item
    (信息内容) or row (办理项) of the template (the 5 seed reports: 30 rows in 表2)."""
    import json

    from xxgk.site.meta import download_files

    out = seed_package[0]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    reports = len((out / "data" / "reports.csv").read_text(encoding="utf-8-sig").splitlines()) - 1
    for path, _, whom in download_files(descriptor):
        if path.startswith("wide/"):
            rows = len((out / path).read_text(encoding="utf-8-sig").splitlines()) - 1
            assert ("每份报告一行" in whom) == (rows == reports), (path, rows, reports, whom)


def test_every_page_names_its_icon(built_site):
    """A page without ``<link rel=icon>`` makes the browser ask for ``/favicon.ico`` at the host's root: a 404 and
    a console error on every source page (``src/<report_id>.html``), which is plain HTML outside the theme."""
    pages = sorted(built_site.rglob("*.html"))
    assert any(p.parent.name == "src" for p in pages)
    bare = [p.relative_to(built_site).as_posix() for p in pages if 'rel="icon"' not in read_page(p)]
    assert not bare, bare[:5]


def test_the_citation_reads_whole_without_javascript(built_site):
    """The data page's English citation left its URL and access date empty until JavaScript filled them: without
    it, "Data package. , accessed ." (the Chinese one says （本页网址） and 引用日期)."""
    import lxml.html

    page = lxml.html.document_fromstring((built_site / "data" / "index.html").read_text(encoding="utf-8"))
    blanks = [e.get("lang") or e.getparent().get("lang") for e in page.xpath(
        "//*[@data-xxgk-cite-url or @data-xxgk-cite-date]") if not e.text_content().strip()]
    assert len(page.xpath("//*[@data-xxgk-cite-url]")) == 2 and not blanks, blanks


def test_the_compare_csv_link_is_no_link_until_it_holds_the_view(built_site):
    """Without JavaScript (or before the view is drawn) the compare page's CSV link was ``href="#"`` with
    ``download``: clicking it saved the page's own HTML as ``xxgk-compare.csv``."""
    import lxml.html

    page = lxml.html.document_fromstring((built_site / "compare" / "index.html").read_text(encoding="utf-8"))
    link = page.get_element_by_id("xxgk-compare-csv")
    assert link.get("href") in (None, "") and link.get("download") is None and link.get("hidden") is not None


# -- in Chromium --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served_site(indexed_site):
    """The seeds' site with its full-text index (the session's ``built_site`` is rendered without one)."""
    return indexed_site


@pytest.fixture
def no_script(chromium):
    """A headless Chromium that runs no script (a reader with JavaScript off, or a blocker): a tab of its own of the
    process's one Chromium (``own_tab``; a Chromium started for it: ≈ 2–3 s)."""
    with own_tab(chromium) as driver:
        driver.set_window_size(1366, 900)
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        yield driver


@pytest.fixture(scope="module")
def phone():
    """A headless Chromium the size of a phone (390 × 844, touch)."""
    driver = new_chromium()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    yield driver
    driver.quit()


def _shown(driver, selector: str) -> list[str]:
    """The elements matching ``selector`` that take room on the page (their ids or tags)."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length)"
        ".map(e => e.id || e.tagName)", selector)


@pytest.mark.browser
@needs_chromium
def test_without_javascript_no_control_is_shown_that_does_nothing(server, no_script):
    """Without JavaScript the compare page showed its whole form, the league filters and a CSV link (all dead),
    with the note that they need JavaScript last; the agency index showed a finder and a filter box that did
    nothing; every chart left an empty box 340 px high. Now: the note first, no dead control, no empty box."""
    no_script.get(server + "/compare/")
    _wait(lambda: no_script.find_elements("css selector", "h1"))
    assert no_script.execute_script("return document.documentElement.className") == "no-js"
    assert not _shown(no_script, "#xxgk-compare input, #xxgk-compare select, #xxgk-league select, #xxgk-compare-csv")
    main = no_script.find_element("css selector", "article").text
    assert main.index("需要启用 JavaScript") < main.index("\n排行榜\n")  # the note before the sections it explains
    no_script.save_screenshot(str(SHOTS / "compare-no-js.png"))

    no_script.get(server + "/agencies/")
    _wait(lambda: no_script.find_elements("id", "xxgk-agencies"))
    assert not _shown(no_script, "#xxgk-agency-finder, input.xxgk-filter")
    assert _shown(no_script, "#xxgk-agencies")  # the index itself works without script

    no_script.get(server + "/a/qinghai-haixi-geermu-renminzhengfu/")
    _wait(lambda: no_script.find_elements("css selector", "figure.xxgk-figure"))
    heights = no_script.execute_script(
        "return [...document.querySelectorAll('div.xxgk-chart')].map(e => e.getBoundingClientRect().height)")
    assert heights and not any(heights), heights
    assert _shown(no_script, "figure.xxgk-figure details")  # the chart's numbers, as a table


@pytest.mark.browser
@needs_chromium
def test_with_javascript_the_controls_and_the_compare_csv_are_there(server, chromium):
    """The other side of the test above: with JavaScript every control shows, and the CSV link once drawn."""
    chromium.get(server + "/compare/")
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-chart[data-drawn] .main-svg"))
    assert set(_shown(chromium, "#xxgk-compare-add, #xxgk-compare-metric, #xxgk-league-metric, #xxgk-compare-csv")) \
        == {"xxgk-compare-add", "xxgk-compare-metric", "xxgk-league-metric", "xxgk-compare-csv"}
    assert chromium.find_element("id", "xxgk-compare-csv").get_attribute("href").startswith("blob:")
    chromium.get(server + "/agencies/")
    _wait(lambda: _shown(chromium, "#xxgk-agency-finder"))


@pytest.mark.browser
@needs_chromium
def test_a_reports_facts_fit_a_phone(server, phone):
    """At 390 px the report's facts table (机构 … SHA-256, 官方原文) scrolled sideways: the hash kept a 12rem
    minimum and the official link (Material breaks links only between words) did not break at all."""
    from xxgk.site.render import link

    phone.get(server + REPORT)
    table = _wait(lambda: phone.find_elements("css selector", "td.xxgk-hash"))[0]
    if not phone.find_elements("css selector", "td.xxgk-url a"):  # the seeds print no 原文链接: the row as
        url = "https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"  # report_page writes it
        phone.execute_script("arguments[0].closest('tbody').insertAdjacentHTML('beforeend', arguments[1])", table,
                             f'<tr><th>官方原文</th><td class="xxgk-url">{link(url)}</td></tr>')
    box = phone.execute_script(
        "const t = arguments[0].closest('table'), w = t.closest('.md-typeset__scrollwrap') || t.parentElement;"
        "return [t.getBoundingClientRect().width, w.clientWidth, w.scrollWidth]", table)
    phone.save_screenshot(str(SHOTS / "report-facts-phone.png"))
    assert box[2] <= box[1] + 1, box  # nothing to scroll: every fact reads on the screen


@pytest.mark.browser
@needs_chromium
def test_the_ranking_headers_read_as_words_on_a_phone(server, phone):
    """At 390 px the report card's twelve columns were squeezed until each header stood one character a line
    (基/本/信/息); a header now keeps four characters a line and the table scrolls in its box."""
    phone.get(server + "/report-card/")
    _wait(lambda: phone.find_elements("css selector", "table[data-style=compact] th button"))
    lines = phone.execute_script(
        "const th = [...document.querySelectorAll('table[data-style=compact] th')]"
        "  .find(t => t.textContent.trim().startsWith('基本信息'));"
        "const r = document.createRange(), text = th.querySelector('button').firstChild;"
        "r.setStart(text, 0); r.setEnd(text, 4);"
        "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size")
    phone.save_screenshot(str(SHOTS / "report-card-phone.png"))
    assert lines == 1, lines
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390


@pytest.mark.browser
@needs_chromium
def test_chart_labels_on_a_phone_are_not_under_the_legend(server, phone):
    """At 390 px the review chart's long categories (行政诉讼·未经复议直接起诉) turned sideways and ran under the
    legend, which plotly placed at a fixed share of the plot's height: the legend now sits at the figure's foot."""
    phone.get(server + REPORT)
    _wait(lambda: phone.find_elements("css selector", "div.xxgk-chart"))
    charts = draw_charts(phone)
    clashes = phone.execute_script("""
      const out = [];
      for (const c of document.querySelectorAll('div.xxgk-chart')) {
        const legend = c.querySelector('.legend .bg');
        if (!legend) continue;
        const l = legend.getBoundingClientRect();
        for (const t of c.querySelectorAll('.xtick text, .ytick text')) {
          const r = t.getBoundingClientRect();
          if (r.width && r.bottom > l.top + 1 && r.top < l.bottom - 1 && r.right > l.left + 1 && r.left < l.right - 1)
            out.push(t.textContent);
        }
      }
      return out;""")
    chart = next(c for c in charts if "复议" in c.get_attribute("aria-label") or "")
    phone.execute_script("arguments[0].scrollIntoView()", chart)
    phone.save_screenshot(str(SHOTS / "review-chart-phone.png"))
    assert not clashes, clashes


@pytest.mark.browser
@needs_chromium
def test_the_header_search_never_says_a_report_contains_what_it_does_not(server, chromium):
    """Pagefind matches words and their beginnings: a typo such as 平谭 finds the reports with 平台. The header
    said "N 份报告含有“平谭”" of reports that hold no 平谭 at all, then that they are related (相关); since audit 23
    it says no report holds 平谭 and the reports listed match in part."""
    chromium.get(server + "/a/qinghai-haixi-geermu-renminzhengfu/")
    box = _wait(lambda: chromium.find_elements("css selector", "input.md-search__input"))[0]
    box.click()
    box.send_keys("平谭")
    metas = ".xxgk-fulltext-hits .md-search-result__meta"
    meta = _wait(lambda: [m.get_attribute("textContent") for m in chromium.find_elements("css selector", metas)
                          if m.get_attribute("textContent")], 30)[0]
    assert "份报告" in meta and "含有" not in meta and "没有“平谭”" in meta and "部分匹配" in meta, meta


@pytest.mark.browser
@needs_chromium
def test_number_columns_align_right(server, chromium):
    """Cells marked as numbers (``td.xxgk-num``: an agency's years, the ranking, compare and league tables) were
    meant to align right, but Material's ``table:not([class]) td:not([align])`` outweighed the rule: all read
    left-aligned, so 9 and 154 did not line up by their units."""
    for path, selector in [("/a/qinghai-haixi-geermu-renminzhengfu/", "td.xxgk-num"),
                           ("/report-card/", "td.xxgk-num"), ("/compare/", "#xxgk-compare-table td.xxgk-num")]:
        chromium.get(server + path)
        cells = _wait(lambda: chromium.find_elements("css selector", selector))  # noqa: B023 (read at once)
        aligned = {c.value_of_css_property("text-align") for c in cells}
        assert aligned == {"right"}, (path, aligned)


@pytest.mark.browser
@needs_chromium
def test_removing_an_agency_by_keyboard_keeps_the_focus_in_the_list(server, chromium):
    """Compare: 移除 pressed with the keyboard took its button away and the focus with it (to the page's body),
    so a keyboard or screen-reader user started again from the top; the focus now moves to the next 移除, and
    to the box that adds an agency when none is left."""
    from selenium.webdriver.common.keys import Keys

    chromium.get(server + "/compare/?agencies=qinghai-haixi-geermu-renminzhengfu,qinghai-haixi-geermu-shujuju"
                   "&metric=received&year=2025")
    for left in (1, 0):
        buttons = _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-chosen button"))
        buttons[0].send_keys(Keys.ENTER)
        _wait(lambda: len(chromium.find_elements("css selector", "#xxgk-compare-chosen button")) == left)  # noqa: B023
        focused = chromium.switch_to.active_element
        expected = "移除" if left else ""
        assert focused.tag_name in ("button", "input") and focused.text == expected, focused.tag_name
        if not left:
            assert focused.get_attribute("id") == "xxgk-compare-add"


@pytest.mark.browser
@needs_chromium
def test_the_header_lists_all_its_agencies_on_the_index_without_opening_search_again(server, chromium):
    """The header's 全部列出 (more than 12 agencies) led to ``agencies/?q=…``, but Material reads ``?q=`` as its
    own search: its dialog opened over the finder's list, holding page results only. The link is
    ``agencies/?find=…`` now (``xxgkAgencies.listURL``): the finder lists them and no dialog covers it."""
    chromium.get(server + "/")
    chromium.execute_script("document.querySelector('input.md-search__input').focus()")  # (search.js loads then)
    _wait(lambda: chromium.execute_script("return window.xxgkAgencies && window.xxgkAgencies.root"))
    url = chromium.execute_script("return new URL(window.xxgkAgencies.listURL(' 青海 '), location.href).href")
    chromium.get(url)
    listed = _wait(lambda: chromium.find_elements("css selector", "#xxgk-agency-finder-results a"))
    assert sorted(a.text for a in listed) == ["格尔木市人民政府", "格尔木市数据局", "湟中区人民政府"]
    assert not chromium.execute_script("return document.getElementById('__search').checked")  # no dialog over it
    assert not _shown(chromium, ".md-search__output .md-search-result__list li")


@pytest.mark.browser
@needs_chromium
def test_the_compare_suggestions_close_when_the_focus_leaves(server, chromium):
    """Compare, by keyboard: typing 格尔 listed two agencies with the first highlighted; Tab to the measure left the
    list open and highlighted (aria-expanded true), as if the agency had been added, which it was not."""
    from selenium.webdriver.common.keys import Keys

    chromium.get(server + "/compare/")
    box = _wait(lambda: chromium.find_elements("id", "xxgk-compare-add"))[0]
    _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-chart[data-drawn] .main-svg"))
    box.send_keys("格尔")
    _wait(lambda: _shown(chromium, "#xxgk-compare-suggest [role=option]"))
    box.send_keys(Keys.TAB)
    assert chromium.switch_to.active_element.get_attribute("id") == "xxgk-compare-metric"
    assert not _shown(chromium, "#xxgk-compare-suggest [role=option]")
    assert box.get_attribute("aria-expanded") == "false"
    box.click()  # back in the box: the same text lists again, and Enter adds the first
    _wait(lambda: _shown(chromium, "#xxgk-compare-suggest [role=option]"))
    box.send_keys(Keys.ENTER)
    _wait(lambda: "agencies=qinghai-haixi-geermu-" in chromium.current_url)


@pytest.mark.browser
@needs_chromium
def test_an_agencys_findings_read_in_lines_not_columns_on_a_phone(server, phone):
    """An agency page's 历年发现的问题 on a phone: three number columns took the width and the most common
    problems were squeezed to five characters a line, each row seven lines high with the text off screen."""
    phone.get(server + "/a/qinghai-haixi-geermu-renminzhengfu/")
    cell = _wait(lambda: phone.execute_script(
        "const h = [...document.querySelectorAll('h2')].find(x => x.textContent.startsWith('历年发现的问题'));"
        "let t = h && h.nextElementSibling; t = t && (t.matches('table') ? t : t.querySelector('table'));"
        "return t && t.querySelector('tbody tr td:last-child')"))
    phone.execute_script("arguments[0].scrollIntoView(); window.scrollBy(0, -120)", cell)
    lines = phone.execute_script(
        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size", cell)
    phone.save_screenshot(str(SHOTS / "agency-findings-phone.png"))
    assert len(cell.text) > 15 and lines <= 3, (lines, cell.text)


@pytest.mark.browser
@needs_chromium
def test_the_text_boxes_show_the_keyboard_focus(server, chromium):
    """Keyboard only: the compare page's 添加机构 box, the agency finder and the index's filter box looked the same
    focused or not (outline none, no border or shadow change): a keyboard user could not see where typing would go."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    style = ("const s = getComputedStyle(document.activeElement);"
             "return [document.activeElement.id || document.activeElement.classList[0], s.outlineStyle, s.outlineWidth,"
             " s.boxShadow, s.borderColor]")
    for path, wanted in [("/compare/", {"xxgk-compare-add"}), ("/agencies/", {"xxgk-agency-finder", "xxgk-filter"})]:
        chromium.get(server + path)
        _wait(lambda: chromium.execute_script("return document.documentElement.classList.contains('js')"))
        seen = {}
        for _ in range(40):  # by Tab, from the top of the page
            ActionChains(chromium).send_keys(Keys.TAB).perform()
            focused = chromium.execute_script(style)
            if focused[0] in wanted:
                seen[focused[0]] = focused
            if set(seen) == wanted:
                break
        assert set(seen) == wanted, (path, seen)
        for name, (_, outline, width, shadow, _border) in seen.items():
            assert (outline != "none" and width != "0px") or shadow != "none", (name, outline, width, shadow)


@pytest.mark.browser
@needs_chromium
def test_full_text_excerpts_are_the_reports_words_not_the_page_around_them(server, chromium):
    """A full-text hit's excerpt began with the source page's own chrome, "页. 原文：格尔木市数据局 2025年度." (the
    back link 返回报告页 and the heading, indexed as text); the index now holds the report's text, and the
    heading only as the hit's title."""
    chromium.get(server + "/")
    box = _wait(lambda: chromium.find_elements("css selector", "input.md-search__input"))[0]
    box.click()
    box.send_keys("格尔木")
    hits = _wait(lambda: chromium.find_elements("css selector", ".xxgk-fulltext-hits a.xxgk-fulltext-hit"), 30)
    texts = [(h.find_element("tag name", "h1").get_attribute("textContent"),
              h.find_element("tag name", "p").get_attribute("textContent")) for h in hits]
    assert texts and all(title.endswith("· 原文") and "原文：" not in title for title, _ in texts), texts
    assert not [p for _, p in texts if "返回报告页" in p or p.startswith(("页.", "原文：", ". 原文"))], texts


@pytest.mark.browser
@needs_chromium
def test_the_checks_explanations_read_in_lines_on_a_phone(server, phone):
    """The checks page on a phone: 说明 and 例子 were squeezed beside three short columns to a few characters a
    line (file_unreadable's 24-character explanation over five lines)."""
    phone.get(server + "/checks/")
    cell = _wait(lambda: phone.execute_script(
        "return document.getElementById('file_unreadable').parentElement.children[3]"))
    lines = phone.execute_script(
        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size", cell)
    assert len(cell.get_attribute("textContent")) > 20 and lines <= 3, (lines, cell.get_attribute("textContent"))


@pytest.mark.browser
@needs_chromium
def test_the_data_dictionary_reads_in_lines_on_a_phone(server, phone):
    """The data page's dictionary on a phone: each field's 说明 was squeezed beside 名称, 字段 and 类型 to about
    five characters a line."""
    phone.get(server + "/data/")
    widths = _wait(lambda: phone.execute_script(
        "const h = [...document.querySelectorAll('h2')].find(x => x.textContent.startsWith('数据字典'));"
        "const cells = [...document.querySelectorAll('table')].filter(t => t.compareDocumentPosition(h) & 2)"
        "  .flatMap(t => [...t.querySelectorAll('tbody tr td:nth-child(4)')]);"
        "return cells.map(c => c.clientWidth / parseFloat(getComputedStyle(c).fontSize))"))
    assert widths and min(widths) >= 10, min(widths)  # ≥ 10 characters a line (less its padding)


@pytest.mark.browser
@needs_chromium
def test_the_text_boxes_and_menus_are_16px_on_a_phone(server, phone):
    """Compare's 添加机构 box and its six menus, the agency finder and the index filter were 13–15px on a phone:
    Safari on iOS zooms the page into any text box or menu under 16px when it takes the focus."""
    sizes = {}
    for path in ("/compare/", "/agencies/"):
        phone.get(server + path)
        _wait(lambda: phone.find_elements("css selector", "input, select"))
        sizes.update(phone.execute_script(
            "return Object.fromEntries([...document.querySelectorAll('article input, article select')]"
            "  .filter(e => e.getClientRects().length)"
            "  .map(e => [e.id || e.classList[0], parseFloat(getComputedStyle(e).fontSize)]))"))
    wanted = {"xxgk-compare-add", "xxgk-compare-metric", "xxgk-league-kind", "xxgk-agency-finder", "xxgk-filter"}
    assert wanted <= set(sizes), sizes
    assert min(sizes.values()) >= 16, sizes
    phone.get(server + "/compare/")  # and at that size no label breaks inside itself (年 / 度：)
    _wait(lambda: phone.find_elements("css selector", ".xxgk-compare label"))
    broken = phone.execute_script(
        "return [...document.querySelectorAll('.xxgk-compare label')].filter(l => {"
        "  const r = document.createRange(); r.selectNodeContents(l.firstChild);"
        "  return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1; }).map(l => l.textContent)")
    assert broken == [], broken
