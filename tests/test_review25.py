"""Review of audit 25's changes: layouts that were read whole before them must still be.

An unruled PDF table whose columns are not all one width (a wide 社会公益组织 column) is no table with a blank
column: neither the wide column's own name nor a group's name over it names a column of its own."""

from __future__ import annotations

from tests.test_pdf_cells import line
from xxgk.parser import parse
from xxgk.pdf_cells import mark_blank_cells, words

HEAD = "某某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
WIDE = [200, 240, 280, 320, 400, 440, 480]  # left edges: 社会公益组织's column twice as wide as the others
ROWS = {"new": ("一、本年新收政府信息公开申请数量", ["6", "1", "2", "3", "1", "0", "13"]),
        "carried_over": ("二、上年结转政府信息公开申请数量", ["1", "0", "0", "4", "0", "2", "7"]),
        "granted": ("（一）予以公开", ["3", "1", "0", "5", "0", "0", "9"]),
        "partially_granted": ("（二）部分公开", ["1", "2", "0", "0", "0", "0", "3"])}
HAN = 7.0  # a Chinese character's width in the header


def header(words_at: list[tuple[str, float]]) -> tuple[str, list]:
    """A header line: each word starting at the given x."""
    chars = [{"text": c, "x0": x + HAN * k, "x1": x + HAN * (k + 1)} for text, x in words_at
             for k, c in enumerate(text)]
    return " ".join(text for text, _ in words_at), words(chars)


def read(head: list[tuple[str, list]]) -> tuple[list[str], dict]:
    rows = head + [line(label, numbers, WIDE) for label, numbers in ROWS.values()]
    texts = mark_blank_cells(rows)
    return texts, parse(HEAD + "\n".join(texts) + "\n").values("applications")


def assert_read_whole(texts: list[str], values: dict) -> None:
    for code, (_, numbers) in ROWS.items():
        assert [values.get((code, a)) for a in APPLICANTS] == [int(n) for n in numbers]
    assert all(text.count("\t") in (0, 7) for text in texts)  # seven cells a row: no blank column made up


def test_a_wide_columns_own_name_names_no_column_of_its_own():
    """Names left-aligned like the values: 社会公益组织 ends where a column would stand in the middle of its wide
    column. Before: every row got a blank cell there, eight cells for seven columns, and the whole of table 三 was
    lost with row_extra_cells ("行有7个数，应为7个") — read whole before audit 25's blank-column rule."""
    assert_read_whole(*read([header(list(zip(NAMES, WIDE, strict=True)))]))


def test_a_group_name_alone_on_its_line_over_a_wide_column_names_no_column():
    """法人或其他组织, centred over the five organisation columns, may stand where a column would in a wide gap; on a
    line of its own it names none of the columns the rows print, so it is a group's name, not a column's."""
    group = header([("法人或其他组织", 362.5 - 3.5 * HAN)])
    names = header([(name, x + 2.5 - HAN * len(name) / 2) for name, x in zip(NAMES, WIDE, strict=True)])
    assert_read_whole(*read([group, names]))


def test_a_copy_of_a_report_that_lost_a_cell_hides_no_number_of_the_other(tmp_path):
    """The same report twice (a PDF and its web page), one copy's 总计 printed ``-`` (null): the two never give two
    different values. Before: the agency's series left 本年新收申请 missing (chart, compare page, home page) as if
    the two disagreed, and the agency page said they did; a value they really give differently stays missing."""
    import json

    from xxgk.package.build import build_package
    from xxgk.site.browser_data import agency_years, browser_files
    from xxgk.site.data import Package

    from .factory import tab_report

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a_pdf.txt").write_text(tab_report(agency="格尔木市交通运输局"), encoding="utf-8")
    (reports / "b_web.txt").write_text(tab_report(agency="格尔木市交通运输局", cell="-", column=6,
                                                  carried_forward=2), encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    pkg = Package.load(tmp_path / "datapackage")
    [aid] = {r["agency_id"] for r in pkg.tables["reports"]}
    assert agency_years(pkg)[aid][2024]["source_file"].endswith("a_pdf.txt")  # the series is the whole copy's
    files = browser_files(pkg, {r["report_id"]: f"r/{r['report_id']}.html" for r in pkg.tables["reports"]})
    assert json.loads(files["json/m/received.json"])["v"][aid] == {"2024": 5}  # the other copy gives none
    assert aid not in json.loads(files["json/m/carried_forward.json"])["v"]  # 0 and 2: they disagree


def year_report(title_year: int, opening: str) -> str:
    return (f"海城市教育局{title_year}年政府信息公开工作年度报告\n一、总体情况\n{opening}"
            "海城市教育局认真贯彻落实《中华人民共和国政府信息公开条例》。\n二、主动公开政府信息情况\n行政许可\t1075\n")


def year_conflicts(text: str) -> list:
    return [f for f in parse(text).findings if f.code == "year_conflict"]


def test_an_overview_opening_on_the_publication_year_that_names_the_reports_is_no_year_conflict():
    """2024年度 report whose 总体情况 opens on the year it is published in, then names its own. Before: the warning
    year_conflict ("请核对表中数字是哪一年的"), counted against the agency, though the sentence says 2024年度."""
    publication = "2025年，按照《条例》要求，现公布本局2024年度政府信息公开工作年度报告。"
    assert year_conflicts(year_report(2024, publication)) == []
    assert year_conflicts(year_report(2024, "2023年以来，")) == []  # since 2023: the work goes on into 2024


def test_an_overview_opening_on_another_year_alone_is_still_a_year_conflict():
    for opening in ("2025年以来，", "2025年，", "2025年，我局工作有序推进。2024年度报告如下："):
        assert [f.actual for f in year_conflicts(year_report(2024, opening))] == ["2025"], opening


def test_a_source_address_printed_before_a_full_width_mark_is_still_the_reports_link():
    """A host followed by ．、”！】 (no space between): before, the host rule refused the whole address (no 官方原文
    link, no finding); earlier still, the mark was published inside the host (a dead link)."""
    for mark in "．、”！】：":
        text = year_report(2024, "2024年，") + f"原文链接：http://www.haicheng.gov.cn{mark}其他说明\n"
        assert parse(text).source_url == "http://www.haicheng.gov.cn", mark
    text = year_report(2024, "2024年，") + "网址：https://www.haicheng.gov.cn/公开/年报.html。\n"
    assert parse(text).source_url == "https://www.haicheng.gov.cn/公开/年报.html"
