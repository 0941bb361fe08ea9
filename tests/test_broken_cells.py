"""A table whose own numbers do not add up says so where the reader looks: 湟中区 2025 prints every outcome of
table 三 as 0 and （七）总计 as 11; its page showed the table like any other (the findings, two screens down, said
so). Now the cells whose identity does not hold carry ≠ with the reason (in words for a screen reader), and the
report's CSV still holds the value as printed, without the mark."""

from __future__ import annotations

import csv
import io
import re

import pytest

from .conftest import needs_chromium, read_page, report_page_url
from .conftest import wait_for as _wait
from .test_site11_browser import downloading  # noqa: F401  (fixture)

HUANGZHONG_2025 = "003-3c47b46a8581de8b-0988c9"
CONSISTENT = "002-b58105edacdfa4c5-8962e0"  # 格尔木市 2024: table 三's identities hold where its cells are read


def _page(site, report_id):
    return read_page(site / report_page_url(site, report_id).lstrip("/"))


def test_the_cells_whose_identity_does_not_hold_are_marked_with_why(built_site):
    page = _page(built_site, HUANGZHONG_2025)
    marks = re.findall(r'<td[^>]*>(?:<a [^>]*>)?(\d+)(?:</a>)?<sup class="xxgk-broken" title="([^"]+)">', page)
    assert len(marks) == 2 and {value for value, _ in marks} == {"11"}  # (七)总计: 自然人 and 总计
    assert all("各项之和为0，本格为11" in why for _, why in marks)
    assert "标有" in page and "勾稽关系不符" in page  # the key under the table
    assert "xxgk-broken" not in _page(built_site, CONSISTENT)


@pytest.mark.browser
@needs_chromium
def test_the_reports_csv_holds_the_printed_value_without_the_mark(built_site, server, downloading):  # noqa: F811
    downloading.get(server + report_page_url(built_site, HUANGZHONG_2025))
    button = _wait(lambda: [b for b in downloading.find_elements("css selector", "button[data-xxgk-csv]")
                            if b.is_displayed()])[0]
    name = "*-" + button.get_attribute("data-xxgk-csv") + ".csv"
    for old in downloading.downloads.glob(name):
        old.unlink()
    button.click()
    path = _wait(lambda: next((p for p in downloading.downloads.glob(name) if p.stat().st_size), None))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    total = [r for r in rows if r[0] == "applications" and "（七）总计" in r[2]]
    assert {r[4] for r in total} >= {"11"} and not any("≠" in cell for r in rows for cell in r)
