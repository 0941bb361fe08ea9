"""Session 35's hostile inputs: what a red team found past the earlier sessions' tests."""

from __future__ import annotations

import io
import json
import random
import re
import zipfile

from xxgk.readers import read_bytes
from xxgk.site.excerpt import excerpt

from .factory import as_docx, tab_report
from .test_splitting_bound import no_hang


def _wrapped_prose(lines: int, width: int = 40) -> str:
    """``lines`` lines of ``width`` Han characters and no sentence mark: a narrow column's wraps, never a
    paragraph's end."""
    draw = random.Random(35)
    return "\n".join("".join(chr(0x4E00 + draw.randrange(500)) for _ in range(width)) for _ in range(lines))


def test_a_section_of_two_million_characters_in_wrapped_lines_gets_its_excerpt_at_once():
    """A report's section of 1,990,000 characters in 48,500 lines that end no sentence (within the 3,000,000
    characters a file may have): its report page's excerpt joined each line to the paragraph before it, copying
    the paragraph and searching it for a sentence end from its start each time — time growing with the square of
    the section (600,000 characters: 4 s a section; 1,990,000: about 45 s, six sections a report: the build took
    2 min 45 s for it and one seed, 24 s for the same characters on one line). The excerpt is the same."""
    text = _wrapped_prose(48_500)
    with no_hang(20):
        shown = excerpt(text, 300)
    assert shown == text.replace("\n", "")[:300] + "…"



def _zip_of(members: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "")
        for k in range(members):
            archive.writestr(f"{k}", b"")
    return out.getvalue()


def _listings_read(monkeypatch) -> list[int]:
    """Counts the zips whose listing ``zipfile`` reads member by member."""
    calls: list[int] = []
    real = zipfile.ZipFile._RealGetContents
    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", lambda self: calls.append(1) or real(self))
    return calls


def test_a_manifest_that_is_a_zip_of_more_members_than_any_office_file_is_refused_without_listing_them(
        tmp_path, monkeypatch):
    """``sources.csv`` is read in the build's own process, outside a worker's budgets: a zip of 200,000 empty
    members saved as it (17 MB, within the 20 MB a file may weigh) had its listing read member by member to learn
    which Office file it is — 4.8 CPU s (10.6 s under load) each build, for a file refused anyway. A listing that
    says it holds more members than a .docx may have (``Budget.zip_members``) is an archive, refused unread."""
    from xxgk.package.collect import read_manifest

    (tmp_path / "sources.csv").write_bytes(_zip_of(12_000))
    listed = _listings_read(monkeypatch)
    entries, said = read_manifest(tmp_path)
    assert entries == {} and not listed
    assert [f.code for f in said.kept] == ["manifest_row_unusable"] and "压缩包" in said.kept[0].message


def test_a_docx_of_more_members_than_its_budget_is_over_budget_from_its_listings_end(monkeypatch):
    """A .docx whose zip holds more members than the budget is refused from the count its listing's end states
    (or the listing's length), before any member is listed; one within it is still read."""
    listed = _listings_read(monkeypatch)
    source = read_bytes(_zip_of(12_000), ".docx")
    assert [f.code for f in source.findings] == ["over_budget"] and "成员" in source.findings[0].message
    assert not listed
    assert read_bytes(as_docx(tab_report(agency="长县数据局")), ".docx").findings == []


def test_an_agency_of_reports_a_century_apart_charts_the_years_it_has_and_one_gap_between(tmp_path):
    """Three reports of one agency, their years (as a manifest or a title's typo may give them) 1990, 2024 and 2100,
    each within the years a report may have: its page's charts had a category for every year of the span — 111,
    108 of them labelled 无报告 on top of each other along the axis, the three bars hairlines — and the note above
    named the 108 years one by one. A run of years without a report longer than a few is now one category, its span
    (1991–2023年), still labelled 无报告, and the note names the spans; a gap of a year or two is drawn as before."""
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    from .conftest import chart_frames, expand_spec
    from .test_agency_pages import _page, _rows

    reports = tmp_path / "reports"
    reports.mkdir()
    years = (1990, 2021, 2023, 2024, 2100)
    for year in years:
        (reports / f"y{year}.txt").write_text(tab_report(agency="格尔木市民政局", year=year), encoding="utf-8")
    (reports / "sources.csv").write_text("file,agency,year\n" + "".join(
        f"y{year}.txt,格尔木市民政局,{year}\n" for year in years), encoding="utf-8")
    build_package(reports, tmp_path / "pkg", workers=1)
    write_site_src(tmp_path / "pkg", tmp_path / "site_src")
    (agency,) = _rows(tmp_path / "pkg", "agencies")
    page = _page(tmp_path / "site_src", f"a/{agency['agency_id']}/index.md")
    blocks = re.findall(r'<script type="application/json" class="xxgk-spec">(.*?)</script>', page)
    spec = next(s for s in (expand_spec(json.loads(b), chart_frames(tmp_path / "site_src")) for b in blocks)
                if s["layout"]["title"]["text"] == "申请数量（件）")
    received = next(t for t in spec["data"] if t["name"] == "本年新收申请")
    assert received["x"] == ["1990年", "1991–2020年", "2021年", "2022年", "2023年", "2024年", "2025–2099年", "2100年"]
    assert received["y"] == [5, None, 5, None, 5, 5, None, 5]
    assert [a["text"] for a in spec["layout"]["annotations"]] == ["无报告"] * 3
    assert "1991–2020年、2022年、2025–2099年没有本机构的报告" in page


def test_a_folder_of_thousands_of_empty_files_lists_a_bounded_number_on_the_quality_page(tmp_path, monkeypatch):
    """The quality page's list by report is cut to the ``QUALITY_REPORT_ROWS`` with the most errors once the site
    is large — but "large" counted the reports that have pages: a folder of 50,000 empty files (each a finding, none
    a page) beside one report listed all 50,000, a quality page of 11.5 MB (the build: 3 min 31 s, 770 MB). The list
    is cut by the reports it would list, and says the rest are in findings.csv (here the bound, 500, is lowered to
    10 so that 30 files cross it)."""
    import shutil

    from xxgk.package.build import build_package
    from xxgk.site import pages
    from xxgk.site.build import write_site_src

    from .conftest import SEEDS

    monkeypatch.setattr(pages, "INDEX_SHARD_ABOVE", 10)
    monkeypatch.setattr(pages, "QUALITY_REPORT_ROWS", 5)
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEEDS / "000_4cb0808ff48d5523.txt", reports)
    for k in range(30):
        (reports / f"empty{k}.txt").write_bytes(b"")
    build_package(reports, tmp_path / "pkg", workers=1)
    write_site_src(tmp_path / "pkg", tmp_path / "site_src")
    page = (tmp_path / "site_src" / "quality.md").read_text(encoding="utf-8")
    by_report = page[page.index("## 按报告"):]
    table, after = by_report.split("</table>", 1)
    assert table.count("<tr>") - 1 == 5  # (its header row)
    assert "另有 26 份报告有问题，见下面按问题分列的清单（每类前 200 条），全部见下载的" in after
