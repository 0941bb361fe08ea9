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


@pytest.fixture(scope="module")
def twin_names_site(tmp_path_factory):
    """Two pairs of byte-identical reports whose names differ only by a zero-width space or by Unicode normalisation,
    built into a site (mkdocs --strict)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, render_site, write_site_src

    from .conftest import ROOT
    from .factory import tab_report

    work = tmp_path_factory.mktemp("twins")
    reports = work / "reports"
    reports.mkdir()
    for name, agency in (("年报.txt", "格尔木市民政局"), (ZERO_WIDTH, "格尔木市民政局"), (NFC, "格尔木市教育局"),
                         (NFD, "格尔木市教育局")):
        (reports / name).write_text(tab_report(agency=agency), encoding="utf-8")
    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)
    assert code == 0
    with (work / "datapackage" / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        ids = {row["source_file"]: row for row in csv.DictReader(handle)}
    return work, ids


@pytest.mark.parametrize(("one", "other", "shown"), [("年报.txt", ZERO_WIDTH, "年\\u200b报.txt"),
                                                     (NFC, NFD, "cafe\\u0301.txt")])
def test_two_files_whose_names_differ_by_a_character_no_one_sees_are_named_apart_on_their_pages(
        twin_names_site, one, other, shown):
    """年报.txt and 年\\u200b报.txt (a zero-width space: a name copied from a web page), café.txt and café.txt (NFC and
    NFD: one saved on a Mac): two files, two report pages, nothing overwritten — but each page's 源文件 and its note
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
