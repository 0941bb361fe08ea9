"""Session 35's hostile inputs in headless Chromium: agencies a reader can only tell apart by their region."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium, site_of, wait_for
from .factory import tab_report

pytestmark = [pytest.mark.browser, needs_chromium]

# two departments whose reports (and the manifest) name them 民政局 alone, one of 广东省, one of 青海省: two agencies
# (two pages, two ids), one name
MANIFEST = ("file,agency,year,province,level\n"
            "gd.txt,民政局,2024,广东省,department\ngd23.txt,民政局,2023,广东省,department\n"
            "qh.txt,民政局,2024,青海省,department\nqh23.txt,民政局,2023,青海省,department\n")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("namesakes")
    reports = work / "reports"
    reports.mkdir()
    for name, year, carried in (("gd", 2024, 0), ("gd23", 2023, 2), ("qh", 2024, 1), ("qh23", 2023, 3)):
        (reports / f"{name}.txt").write_text(tab_report(agency="无名局", year=year, carried_over=carried),
                                             encoding="utf-8")
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return site_of(reports, work)


CHART = "var c = document.getElementById('xxgk-compare-chart'); return c && c.data && c.data.length ? c.data : null"


def _compared(server, chromium, year: str):
    chromium.get(f"{server}/compare/?agencies=guangdong-minzhengju,qinghai-minzhengju&metric=carried_over&year={year}")
    return wait_for(lambda: chromium.execute_script(CHART))


def test_two_compared_agencies_of_one_name_are_two_bars_named_by_their_region(server, chromium):
    """Two agencies of one name compared in a year: the chart drew them in one category of its axis, 民政局 — one
    bar over the other (the 0 of 广东省's hidden under 青海省's 1, their value labels on top of each other), the
    chosen two listed as 民政局 移除 · 民政局 移除. Each is named with its region where the name alone is shared."""
    (bars,) = _compared(server, chromium, "2024")
    assert sorted(zip(bars["y"], bars["x"], strict=True)) == [("民政局（广东省）", 0), ("民政局（青海省）", 1)]
    chosen = [a.text for a in chromium.find_elements("css selector", "#xxgk-compare li > a")]
    assert sorted(chosen) == ["民政局（广东省）", "民政局（青海省）"]


def test_two_compared_agencies_of_one_name_are_two_lines_named_by_their_region(server, chromium):
    lines = _compared(server, chromium, "2023-2024")
    assert sorted((t["name"], tuple(t["y"])) for t in lines) == [("民政局（广东省）", (2, 0)),
                                                                 ("民政局（青海省）", (3, 1))]
