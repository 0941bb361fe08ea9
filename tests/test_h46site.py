"""Session 46 (reader journeys round 9): what a reader of the built site hit, walked in headless Chromium over the
seeds and the corpus — a journalist's comparison saved under a name that said none of what it held, a screen reader
hearing a report's numbers without the row they belong to, …"""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import needs_chromium, read_page, report_page_files, wait_for
from .test_site12_hostile import hostile  # noqa: F401  (its site of hostile agency names, a fixture)

THREE = ("qinghai-haixi-geermu-shujuju", "qinghai-xining-huangzhong-renminzhengfu", "liaoning-anshan-haicheng-shujuju")
FIVE = THREE + ("qinghai-haixi-geermu-renminzhengfu", "xinjiang-changji-changji-xingzhengshenpiju")  # five of the seeds

# the text and name of the file a link downloads, as the browser holds them (compare.js's CSV link: a blob address)
FETCHED = """var link = arguments[0], done = arguments[arguments.length - 1];
fetch(link.href).then(function (r) { return r.text(); }).then(function (t) { done([link.download, t]); });"""


def _package_table(site, name: str) -> list[dict]:
    """A table of the data package the site was built from (``site_of`` writes it beside the site)."""
    with (site.parent / "datapackage" / "data" / f"{name}.csv").open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def _compared(chromium, server, view: str) -> tuple[str, list[dict]]:
    """The compare page at ``view``, drawn: the name its CSV link saves under and the CSV's rows."""
    chromium.get(server + "/compare/?" + view)
    link = wait_for(lambda: [a for a in chromium.find_elements("id", "xxgk-compare-csv") if a.is_displayed()])[0]
    name, text = chromium.execute_async_script(FETCHED, link)
    return name, list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.browser
@needs_chromium
def test_a_saved_comparison_is_named_by_its_measure_years_and_agencies(built_site, server, chromium):
    # a journalist comparing three agencies saved xxgk-received-2024-2025-<first agency's id>-and-2.csv: a code, an
    # id, two agencies unnamed; a downloads folder of comparisons could not be told apart without opening each
    names = {a["agency_id"]: a["name"] for a in _package_table(built_site, "agencies")}
    label = next(m["label_zh"] for m in _package_table(built_site, "metrics") if m["code"] == "received")
    name, rows = _compared(chromium, server, f"agencies={','.join(THREE)}&metric=received&year=2024-2025")
    assert name == f"{label}-2024-2025年-{'、'.join(names[i] for i in THREE)}.csv", name
    assert {r["机构"] for r in rows} == {names[i] for i in THREE}  # the file holds what its name says
    # five agencies: the first three named, and how many in all
    name, rows = _compared(chromium, server, f"agencies={','.join(FIVE)}&metric=received&year=2025")
    assert name == f"{label}-2025年-{'、'.join(names[i] for i in FIVE[:3])}等5个机构.csv", name
    assert len({r["agency_id"] for r in rows}) == 5
    # no agency chosen: the default view of the year's largest says so
    name, rows = _compared(chromium, server, "metric=received&year=2025")
    assert name == f"{label}-2025年-最大的{len(rows)}个机构.csv", name


@pytest.mark.browser
@needs_chromium
def test_a_file_name_made_from_outside_text_cannot_pass_as_another_kind_of_file(server, chromium):
    # an agency's name comes from a report: a right-to-left override in it (U+202E) shows 某局\u202Evsc.exe as
    # 某局exe.csv in a downloads folder; a slash, a colon or a newline is refused by a file system or cuts the name
    chromium.get(server + "/compare/")
    named = chromium.execute_script(
        "return window.xxgkFileText(arguments[0], 60);", "..某局\u202egpj.exe\u200b/统计:\n表\u2066?\ufeff")
    assert named == "某局gpj.exe统计表", named


@pytest.mark.browser
@needs_chromium
def test_the_report_csv_still_names_each_row_by_its_group_and_label(built_site, server, chromium):
    # (the row labels became th scope=row: the browser-built CSV took any th for a group's row and left every row out)
    page = next(p for p in report_page_files(built_site) if "（三）" in read_page(p))
    chromium.get(server + "/" + page.relative_to(built_site).as_posix())
    button = wait_for(lambda: [b for b in chromium.find_elements("css selector", "button[data-xxgk-csv]")
                               if b.is_displayed()])[0]
    chromium.execute_script("""window.__saved = null; var click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () { HTMLAnchorElement.prototype.click = click;
        var a = this; fetch(a.href).then(function (r) { return r.text(); }).then(function (t) { window.__saved = t; });
      };""")
    button.click()
    text = wait_for(lambda: chromium.execute_script("return window.__saved"))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    labels = {r[2] for r in rows[1:]}
    assert any(label.startswith("（三）不予公开 1.") for label in labels), sorted(labels)[:20]
    assert "（一）予以公开" in labels and len(rows) > 100, len(rows)  # every value of tables 二–四, one a line


def _row_starts(paths) -> dict[str, set]:
    """Each table's heading (its first column's) on the pages at ``paths`` → the tags (with scope) its body rows
    start with."""
    import lxml.html

    starts: dict[str, set] = {}
    for path in paths:
        page = lxml.html.document_fromstring(read_page(path))
        for table in page.xpath("//article//table[thead]"):
            head = table.xpath("./thead//th")[0].text_content().strip()
            for row in table.xpath("./tbody/tr"):
                first = row.xpath("./th|./td")[0]
                starts.setdefault(head, set()).add(f"{first.tag}:{first.get('scope')}")
    return starts


def test_a_report_pages_numbers_are_read_with_their_rows_label(built_site):
    # a screen reader moving through table 三 heard "11 自然人" without 一、本年新收政府信息公开申请数量: the rows'
    # labels were <td>, not row headers, so no value was announced with its row
    starts = _row_starts(report_page_files(built_site))
    assert {"信息内容", "检查类别", "指标", "章节", "类别"} <= set(starts), starts  # tables 二, 四, the card, …
    for head, tags in starts.items():
        assert tags <= {"th:row", "th:rowgroup"} and "th:row" in tags, (head, tags)


def test_an_agency_pages_yearly_numbers_are_read_with_their_series(built_site):
    # the agency page's charts' data tables (a series a row, a year a column: how requests and outcomes changed) and
    # its peer medians year by year named no row for a screen reader either: 27.2 without 予以公开比例
    starts = _row_starts(sorted(built_site.glob("a/*/index.html")))
    assert {"系列", "指标"} <= set(starts), starts
    for head in ("系列", "指标"):
        assert starts[head] <= {"th:row", "th:rowgroup"} and "th:row" in starts[head], (head, starts[head])


@pytest.mark.browser
@needs_chromium
def test_the_quality_pages_stable_codes_are_as_large_as_the_words_around_them(server, chromium):
    # a transparency office copying identity_broken from the quality page's table read it at 8.8 px (Material's code
    # is .85em, here of the small words it sits in, 10.4 px)
    chromium.get(server + "/quality/")
    sizes = wait_for(lambda: chromium.execute_script(
        "return Array.from(document.querySelectorAll('article table small code')).map(function (c) {"
        " return [parseFloat(getComputedStyle(c).fontSize), parseFloat(getComputedStyle(c.parentNode).fontSize)];"
        " });"))
    assert sizes and all(code >= around >= 10 for code, around in sizes), sizes


def _captions(page: str) -> dict[str, str]:
    """Each chart of a page by its name (``图表：…``) → its caption's words."""
    import lxml.html

    doc = lxml.html.document_fromstring(page)
    return {figure.xpath(".//div[@role='img']")[0].get("aria-label"): figure.xpath("./figcaption")[0].text_content()
            for figure in doc.xpath("//figure[.//div[@role='img']]")}


def test_a_chart_of_nothing_but_zeros_says_so_under_its_empty_box(built_site):
    # a citizen on a phone reading why an agency that denied nothing denied requests saw a 540 px box with no bar
    # (its stack of zeros draws nothing) and 数据见下方数据表 under it, as under any other chart
    captions = _captions(read_page(built_site / "a" / THREE[1] / "index.html"))  # the seeds' 11 requests, none denied
    assert "各项数值都是0" in captions["图表：不予公开的理由（件）"], captions
    assert "都是0" not in captions["图表：申请数量（件）"], captions  # (11 new requests drawn)


@pytest.mark.browser
@needs_chromium
def test_a_comparison_of_long_and_hostile_names_is_still_a_file_a_disk_takes(hostile, chromium):  # noqa: F811
    # (test_site12_hostile's agencies: a 97-character name, markup, a formula, bidi and zero-width characters) three
    # names of 40 characters made a name of ≈ 400 bytes, over the 255 a file system takes: Chromium saved no PNG
    from .conftest import serving
    from .test_site12_hostile import INVISIBLE, _agencies

    ids = [a["id"] for a in _agencies(hostile) if a["id"]]
    with serving(hostile) as url:
        name, rows = _compared(chromium, url, f"agencies={','.join(ids)}&metric=received&year=2024")
    assert len({r["agency_id"] for r in rows}) == len(ids) > 3
    assert len(name.encode("utf-8")) <= 204 and name.endswith(f"等{len(ids)}个机构.csv"), name
    assert not any(c in name for c in '<>:"/\\|?*' + "".join(INVISIBLE)), name
