"""Session 46 (reader journeys round 9): what a reader of the built site hit, walked in headless Chromium over the
seeds and the corpus — a journalist's comparison saved under a name that said none of what it held, a screen reader
hearing a report's numbers without the row they belong to, …"""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import needs_chromium, wait_for

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
