"""What the seventh hostile-input audit found (session 32): two files whose names differ by a character no reader sees
(a zero-width space, Unicode normalisation) named alike on the site …"""

from __future__ import annotations

import csv
import html
import re

import pytest

ZERO_WIDTH = "年\u200b报.txt"  # the same name with a zero-width space between its two characters
NFC, NFD = "caf\u00e9.txt", "cafe\u0301.txt"  # é precomposed; e and a combining acute, as a Mac writes a name


def _visible(markup: str) -> str:
    """What a reader sees of a page's markup: the text, tags dropped (a link's text runs on in its sentence),
    entities read."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def site_of(work, names: dict[str, str]):
    """``work`` with a site built (mkdocs --strict) from reports named by ``names``' keys, each a tab report of the
    agency its value names: ``work/datapackage``, ``work/site``."""
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, render_site, write_site_src

    from .conftest import ROOT
    from .factory import tab_report

    reports = work / "reports"
    reports.mkdir()
    for name, agency in names.items():
        (reports / name).write_text(tab_report(agency=agency), encoding="utf-8")
    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)
    assert code == 0
    return work


@pytest.fixture(scope="module")
def twin_names_site(tmp_path_factory):
    """Two pairs of byte-identical reports whose names differ only by a zero-width space or by Unicode normalisation,
    built into a site (mkdocs --strict)."""
    from xxgk.safe import cell_text

    work = site_of(tmp_path_factory.mktemp("twins"), {
        "年报.txt": "格尔木市民政局", ZERO_WIDTH: "格尔木市民政局", NFC: "格尔木市教育局", NFD: "格尔木市教育局",
        "=x.txt": "格尔木市财政局", "\t=x.txt": "格尔木市财政局"})
    with (work / "datapackage" / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        ids = {cell_text(row["source_file"]): row for row in csv.DictReader(handle)}  # (=x.txt is written '=x.txt)
    return work, ids


@pytest.mark.parametrize(("one", "other", "shown"), [("年报.txt", ZERO_WIDTH, "年\\u200b报.txt"),
                                                     (NFC, NFD, "cafe\\u0301.txt"),
                                                     ("=x.txt", "\t=x.txt", "\\x09=x.txt")])
def test_two_files_whose_names_differ_by_a_character_no_one_sees_are_named_apart_on_their_pages(
        twin_names_site, one, other, shown):
    """年报.txt and 年\\u200b报.txt (a zero-width space: a name copied from a web page), café.txt and café.txt (NFC and
    NFD: one saved on a Mac), =x.txt and a tab before it (a page shows a tab at a cell's start as nothing): two
    files, two report pages, nothing overwritten — but each page's 源文件 and its note
    "本机构2025年度还有另一份报告：年报.txt" showed the two names alike, so a reader was sent from a page to the same
    name. The name holding the character no one sees shows it by its code on every page that names it; the other is
    shown as it is; reports.csv keeps each name exactly (it opens the file)."""
    work, rows = twin_names_site
    assert {one, other} <= set(rows)
    pages = {_meta(page, "源文件"): _visible(page.read_text(encoding="utf-8"))
             for name in (one, other) for page in (work / "site" / "a" / rows[name]["agency_id"]).glob("2024*.html")}
    assert set(pages) == {one, shown}
    assert f"还有另一份报告：{shown}" in pages[one]
    assert f"还有另一份报告：{one}" in pages[shown]
    with (work / "datapackage" / "data" / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        said = {row["message"] for row in csv.DictReader(handle) if row["code"] == "duplicate_report"}
    assert any(shown in message for message in said) and not any(other in message for message in said)


def _meta(page, key: str) -> str:
    """The value of the report page's fact ``key`` (源文件) as a reader sees it."""
    found = re.search(rf"<th>{key}<td>(.*?)<", page.read_text(encoding="utf-8"))
    return html.unescape(found.group(1)) if found else ""


def _page_drawing(drawn: bytes) -> bytes:
    """A one-page PDF saying Hello, whose content stream (Flate) then draws ``drawn``."""
    import zlib

    from .test_h29hostile_audit import one_page, plain_pdf

    objects = one_page()
    packed = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET " + drawn, 9)
    objects[4] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)
    return plain_pdf(objects)


INLINE_IMAGE = b"q 1 0 0 1 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q "


@pytest.mark.parametrize(("drawn", "said"), [
    (INLINE_IMAGE * 200_000, "超出处理上限：PDF 第1页绘制的图像或表单超过上限 10000 个"),
    (b"0 0 1 1 re f " * 300_000, "超出处理上限：PDF 第1页绘制的图形超过上限 40000 个")])
def test_a_page_drawing_200000_images_or_300000_rectangles_is_refused_as_it_draws_them(drawn, said):
    """A 32 KB PDF whose page draws 200,000 inline images of one pixel (``BI /W 1 /H 1 … EI``): the PDF library laid
    each out as a figure and an image — 23 CPU s and 586 MB — and the text was read as if they were not there, no
    finding; 300,000 rectangles were laid out whole (575 MB) before the page's count of drawing objects refused them.
    Each is over budget now as the library draws it, after 10,000 images or 40,000 paths (a second or two); the
    message names the page."""
    from xxgk.readers import read_bytes

    from .test_splitting_bound import no_hang

    data = _page_drawing(drawn)
    assert len(data) < 40_000
    with no_hang(60):
        source = read_bytes(data, ".pdf")
    assert [(f.code, f.message) for f in source.findings] == [("over_budget", said)]


def test_a_page_drawing_a_few_hundred_images_and_a_table_is_read_as_before():
    """The bound counts per page and stops only the hostile: 300 inline images (tiles of a scan) and 5,000 paths on a
    page, then again on the next file, read the text as before."""
    from xxgk.readers import read_bytes

    data = _page_drawing(INLINE_IMAGE * 300 + b"0 0 m 10 10 l S " * 5_000)
    for _ in range(2):
        source = read_bytes(data, ".pdf")
        assert source.text == "Hello" and not source.findings


def test_a_report_of_a_million_short_table_rows_is_over_budget_at_once():
    """A report whose table 三 is followed by 1,000,000 rows ``1⇥2`` (4 MB of text, within the 10 million characters a
    file may hold): the parser keeps about 1 KB a line, 20 s and 1 GB here, 2,500,000 rows 55 s and 2.5 GB — a text
    file of a few MB, a .docx or PDF smaller; two such files filled the machine. A file's text may have 200,000 lines
    (a report has hundreds); more is over budget before it is parsed, saying how many."""
    from xxgk.readers import read_bytes

    from .factory import tab_report
    from .test_splitting_bound import no_hang

    text = tab_report(agency="格尔木市民政局")
    text = text.replace("四、", "1\t2\n" * 1_000_000 + "四、", 1)
    with no_hang(60):
        source = read_bytes(text.encode(), ".txt")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", f"超出处理上限：文字有 {text.count(chr(10)) + 1} 行，超过上限 200000 行")]
    assert read_bytes(tab_report().encode(), ".txt").findings == []


@pytest.mark.parametrize("separator", [" ", "\n", " / "])
def test_a_page_whose_tag_has_a_million_attributes_is_over_budget_not_five_minutes(separator):
    """A 9.9 MB page of one ``<p a0=x a1=x … a999999=x>`` before the report: libxml2 compares each attribute's name
    with every one before it in its tag, and the page was parsed for more than five minutes (80,000 attributes:
    14.5 s) — the worker's whole budget, for one file. A tag may have 500 attributes; a page with one of more is
    over budget at once, saying why; a page whose tag has 100 is read as before."""
    from xxgk.readers import read_bytes

    from .factory import tab_report
    from .test_splitting_bound import no_hang

    def page(attributes: int) -> bytes:
        tag = "<p " + separator.join(f"a{k}=x" for k in range(attributes)) + ">"
        return f"<html><body>{tag}</p><pre>{tab_report()}</pre></body></html>".encode()

    with no_hang(60):
        source = read_bytes(page(1_000_000), ".html")
    assert [(f.code, f.message) for f in source.findings] == [
        ("over_budget", "超出处理上限：网页中有标签的属性超过 500 个（解析器逐一比较属性名，时间随属性数的平方增长）")]
    honest = read_bytes(page(100), ".html")
    assert honest.text.startswith("样例县数据局2024年") and not honest.findings
