"""What a hostile-input audit found (session 23): many files of one agency and year made the package and the site
grow with the square of their number (each duplicate_report finding named every other file, each report page
linked every other report: 1,000 tiny files gave 64 MB of findings.csv and 342 MB of site); one text of millions
of short lines, inside every parse budget, made a 223 MB source page and took 2 GB to build."""

from __future__ import annotations

import lxml.html
import pytest

from xxgk.package.collect import DUPLICATES_NAMED, collect
from xxgk.site.report_page import SOURCE_LINES_SHOWN, TWINS_SHOWN, YEARS_SHOWN

from .conftest import report_page_files, site_of
from .factory import tab_report

COPIES = YEARS_SHOWN + 2  # of one agency's report of one year, each its own narrative (no byte-identical pair)
AGENCY = "格尔木市交通运输局"


def _copies() -> dict[str, str]:
    return {f"copy{n:02}.txt": tab_report(agency=AGENCY, narrative=f"第{n}份。") for n in range(COPIES)}


def test_a_duplicate_finding_names_a_few_files_and_counts_them_all(tmp_path):
    for name, text in {**_copies(), "same1.txt": tab_report(agency="局"), "same2.txt": tab_report(agency="局")}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path)}
    said = [f.message for f in reports["copy05.txt"].findings if f.code == "duplicate_report"]
    assert len(said) == 1 and said[0].endswith(f"等，共{COPIES - 1}份")
    named = [name for name in reports if name in said[0]]
    assert len(named) == DUPLICATES_NAMED and "copy05.txt" not in named  # before: all 31 others, each of 32 times
    assert named == sorted(name for name in reports if name.startswith("copy") and name != "copy05.txt")[:10]
    pair = [f.message for f in reports["same1.txt"].findings if f.code == "duplicate_report"]
    assert pair == ["另有报告与本报告重复：same2.txt（文件字节相同）"]  # a pair is said as before, no count


def test_a_duplicate_in_two_groups_is_counted_once_and_its_identical_copy_named_first(tmp_path):
    # twelve reports of one agency and year, and z.txt the same bytes as copy00 (both groups hold both)
    files = {**{name: text for name, text in _copies().items() if name < "copy12"}, "z.txt": _copies()["copy00.txt"]}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path)}
    said = [f.message for f in reports["copy00.txt"].findings if f.code == "duplicate_report"][0]
    # before the review: z.txt sorted after ten names and was left out, and 文件字节相同 with it
    first = "另有报告与本报告重复：z.txt（同一机构同一年度，文件字节相同）；copy01.txt（同一机构同一年度）"
    assert said.startswith(first)
    assert said.endswith("等，共12份")  # 11 other copies and z.txt, z.txt once though in both groups
    assert [f.message for f in reports["copy05.txt"].findings if f.code == "duplicate_report"][0].endswith("等，共12份")


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("crowded")
    reports = work / "reports"
    reports.mkdir()
    for name, text in _copies().items():
        (reports / name).write_text(text, encoding="utf-8")
    dense = tab_report(agency="格尔木市教育局") + "1\n" * (SOURCE_LINES_SHOWN + 5000)
    (reports / "dense.txt").write_text(dense, encoding="utf-8")
    return site_of(reports, work)


def _doc(path):
    return lxml.html.document_fromstring(path.read_text(encoding="utf-8"))


def test_a_report_page_links_a_few_of_its_many_twins_and_counts_them(crowded_site):
    site = crowded_site
    pages = [p for p in report_page_files(site) if AGENCY in p.read_text(encoding="utf-8")]
    assert len(pages) == COPIES
    note = [p for p in _doc(pages[3]).xpath("//article//p") if "年度还有另外" in p.text_content()]
    assert len(note) == 1 and f"另外{COPIES - 1}份报告" in note[0].text_content()
    links = note[0].xpath(".//a")
    assert len(links) == TWINS_SHOWN + 1  # ten twins and the agency page, which lists them all
    assert links[-1].text_content() == "机构页"
    history = [t for t in _doc(pages[3]).xpath("//article//table") if "本年新收申请（件）" in t.text_content()
               and t.xpath(".//th")[0].text_content() == "年度"]
    assert len(history[0].xpath(".//tbody/tr")) == YEARS_SHOWN  # before: every one of the agency's reports
    assert f"本机构共有 {COPIES} 份报告" in _doc(pages[3]).text_content()


def test_a_source_page_of_very_many_lines_shows_the_first_and_says_so(crowded_site):
    page = max((crowded_site / "src").glob("*.html"), key=lambda p: p.stat().st_size)
    doc = _doc(page)
    assert "格尔木市教育局" in doc.xpath("//h1")[0].text_content()
    # (descendant::, not //span[@data-n]: libxml2 takes that in time square in the page's 20,000 lines, 40 s)
    lines = doc.xpath("//div[@class='xxgk-source']/descendant::span[@data-n]")
    assert len(lines) == SOURCE_LINES_SHOWN  # before: 25,0xx
    note = doc.xpath("//p[@class='xxgk-note']")[0].text_content()
    assert "网页只显示前 20000 行" in note and "sources/" in note and ".txt" in note
