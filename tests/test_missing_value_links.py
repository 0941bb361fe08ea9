"""A value the package publishes as missing but whose line it knows (an approximate 约1629, a garbled cell) links to
that line from the report page, so a reader sees what the report printed there, and the page's CSV (which reads each
cell's link) gives its line, as the package does."""

from __future__ import annotations

import csv
import re

import lxml.html
import pytest

from .conftest import SEEDS, site_of


@pytest.fixture(scope="module")
def approximate_site(tmp_path_factory):
    """湟中's seed with its 行政事业性收费 printed as an approximate amount (约1629): published missing, on line 51."""
    work = tmp_path_factory.mktemp("missing-links")
    (work / "reports").mkdir()
    text = (SEEDS / "003_3c47b46a8581de8b.txt").read_text(encoding="utf-8")
    assert "行政事业性收费\t1629.258" in text
    (work / "reports" / "huangzhong.txt").write_text(text.replace("行政事业性收费\t1629.258", "行政事业性收费\t约1629"),
                                                     encoding="utf-8")
    return site_of(work / "reports", work), work / "datapackage"


def _fees_row(page: str) -> list:
    root = lxml.html.fromstring(page)
    return next(tr for tr in root.iter("tr")
                if tr.xpath("th|td") and "行政事业性收费" in tr.xpath("th|td")[0].text_content())


def test_a_missing_value_with_a_source_line_links_to_it(approximate_site):
    site, package = approximate_site
    rows = list(csv.DictReader((package / "data" / "active_disclosure.csv").open(encoding="utf-8-sig")))
    fees = next(r for r in rows if r["item"] == "fees")
    assert fees["value"] == "" and fees["line"]  # (the package: missing, with its line)
    page = next(p for p in (site / "a").glob("*/*.html") if p.name != "index.html").read_text(encoding="utf-8")
    value = _fees_row(page).xpath("td")[-1]
    assert value.text_content().strip() == "—"  # still missing, never a number
    link = value.find(".//a")
    assert link is not None and re.search(r"#L(\d+)", link.get("href")).group(1) == fees["line"]
    assert fees["line"] in link.get("aria-label")

