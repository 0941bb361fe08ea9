"""What a parser audit of new layouts found read wrong (session 23): a PDF text layer that prints some ideographs
as the CJK radicals that look the same (⻘ for 青, ⺠ for 民, ⼀ for 一: Chromium's print-to-PDF with Noto CJK, WPS)
published a cut agency name (海省教育厅), lost the year and lost table 二 with sections 一 and 二."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes

RADICALS = str.maketrans({"青": "⻘", "长": "⻓", "民": "⺠", "一": "⼀", "二": "⼆", "人": "⼈"})


def test_a_text_layer_of_radicals_is_read_as_the_ideographs_it_shows():
    printed = tab_report(agency="青海省长春县人民政府", year=2023).translate(RADICALS)
    assert "⻘海省⻓春县⼈⺠政府" in printed and "⼀、总体情况" in printed  # (the fixture prints what a PDF layer has)
    source = read_bytes(printed.encode(), ".txt")
    record = parse(source.parse_text)
    assert record.agency == "青海省长春县人民政府" and record.year == 2023  # before: 海省…, or no year
    assert record.values("active")[("licensing", "decisions")] == 1  # before: table 二 lost (section 二 not found)
    assert record.values("applications")[("new", "natural_person")] == 5
    assert source.text == printed  # the text shown and published stays as printed, line for line
    notes = [f for f in source.findings if f.code == "text_radicals_read"]
    assert len(notes) == 1 and "⻘→青" in notes[0].message and notes[0].severity == "info"


def test_a_text_without_radicals_is_not_touched_and_says_nothing():
    source = read_bytes(tab_report(agency="青海省人民政府").encode(), ".txt")
    assert source.parse_text == source.text
    assert "text_radicals_read" not in {f.code for f in source.findings}
