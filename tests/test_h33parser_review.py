"""Review 33 (parser): session 32's second-round parser changes attacked at their edges — each may read what it was
made to read, never publish a number the report does not print in that cell, nor lose one the code before read."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse


def _section_2(body: str) -> str:
    """A clean 2024 report (``tests.factory.tab_report``) whose section 二 prints ``body`` instead of its table."""
    text = tab_report()
    start = text.index("二、主动公开政府信息情况\n") + len("二、主动公开政府信息情况\n")
    return text[:start] + body + "\n" + text[text.index("三、收到和处理"):]


def test_the_reports_own_year_after_an_item_reads_only_a_rows_label_not_a_sentence_or_a_part_of_the_year():
    """The report's own year after an item's name (session 32: ``行政许可（一）2024年度 819`` is the year's count) —
    where the year opens a sentence's clause counting something else (``行政许可：2024年受理申请300件``: 300
    applications received; ``公开行政许可2024年度目录事项120项``: 120 items listed) or names a part of the year
    (``行政许可2024年12月 819``, ``2024年第四季度 81``). Before session 32 none was read (any year there made the
    number no count); after it each was published as the year's licensing decisions. The row's label naming the
    year alone (``行政许可（一）2024年度``, ``行政许可（2024年度）``) is still read; a sentence whose count the year
    made a conflict (``…2024年版清单共45项，全年办理行政许可3件``) reads 3 again, as before session 32."""
    misread = {
        "行政许可：2024年受理申请300件，作出许可决定290件。行政处罚0件，行政强制0件。": 300,
        "公开行政许可2024年度目录事项120项。": 120,
        "信息内容 本年处理决定数量\n行政许可2024年12月 819\n行政处罚 0\n行政强制 0": 819,
        "信息内容 本年处理决定数量\n行政许可2024年第四季度 81\n行政处罚 0\n行政强制 0": 81,
    }
    for body in misread:
        record = parse(_section_2(body))
        assert record.year == 2024
        assert record.values("active").get(("licensing", "decisions")) is None, body
    conflict = parse(_section_2("本年度主动公开政府信息。行政许可事项2024年版清单共45项，全年办理行政许可3件。"))
    assert conflict.values("active")[("licensing", "decisions")] == 3
    assert "row_conflict" not in {f.code for f in conflict.findings}
    for label in ("行政许可（一）2024年度", "行政许可（2024年度）", "行政许可2024年"):
        row = f"信息内容 本年处理决定数量\n{label} 819\n行政处罚 0\n行政强制 0"
        assert parse(_section_2(row)).values("active")[("licensing", "decisions")] == 819, label
