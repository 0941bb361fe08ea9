"""Table 二 digit runs with several valid cuts (a web page flattened to text runs the cells together):
cut by the report's own narrative or by the same agency's previous-year report, only when exactly one
cut agrees; otherwise still missing with ``cells_ambiguous``. Samples written here by hand."""

from __future__ import annotations

import pytest

from xxgk.package.collect import parse_one
from xxgk.package.table2_history import settle_with_previous_year
from xxgk.parser import parse


def flattened(year: int, narrative: str, normative: str) -> str:
    """A report as a flattened web page prints it: the table's cells run together on one line."""
    title = f"某某县{year}年政府信息公开工作年度报告"
    return (f"{title}\n一、总体情况 {narrative}"
            "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
            f"行政规范性文件{normative}第二十条第（五）项信息内容本年处理决定数量行政许可2293"
            "第二十条第（六）项信息内容本年处理决定数量行政处罚15行政强制0"
            "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
            "三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 "
            "五、存在的主要问题及改进情况 无。\n")


def _normative(record):
    got = record.values("active")
    return tuple(got[("normative_documents", m)] for m in ("issued", "repealed", "in_force"))


def test_without_help_several_cuts_stay_missing():
    record = parse(flattened(2024, "本年度工作有序开展。", "123340"))
    assert _normative(record) == (None, None, None)
    assert any(f.code == "cells_ambiguous" and f.actual == "123340" for f in record.findings)


def test_the_narrative_numbers_pick_the_only_agreeing_cut():
    text = flattened(2024, "规范性文件方面，本年制发12件，废止3件，现行有效340件。", "123340")
    record = parse(text)
    assert _normative(record) == (12, 3, 340)
    assert {f.placed_by for f in record.facts if f.keys[0] == "normative_documents"} == {"narrative"}
    assert any(f.code == "cells_cut_by_narrative" for f in record.findings)
    assert not any(f.code == "narrative_mismatch" for f in record.findings)


@pytest.mark.parametrize("narrative", [
    "本年度制发规范性文件12件。",  # 12/3/340, 12/33/40 and 12/334/0 all agree: still ambiguous
    "现行有效行政规范性文件393件。",  # the prose disagrees with every cut
])
def test_narrative_numbers_that_do_not_single_out_one_cut_leave_it_missing(narrative):
    record = parse(flattened(2024, narrative, "123340"))
    assert _normative(record) == (None, None, None)
    assert any(f.code == "cells_ambiguous" for f in record.findings)


def _reports(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [parse_one(str(tmp_path), name) for name in sorted(files)]


def test_the_previous_year_in_force_count_picks_the_only_agreeing_cut(tmp_path):
    reports = _reports(tmp_path, {
        "a2023.txt": flattened(2023, "规范性文件方面，本年制发10件，废止2件，现行有效331件。", "102331"),
        "a2024.txt": flattened(2024, "本年度工作有序开展。", "123340"),  # 331 + 12 − 3 = 340
    })
    assert _normative(reports[0].record) == (10, 2, 331)
    assert _normative(reports[1].record) == (None, None, None)
    settle_with_previous_year(reports)
    assert _normative(reports[1].record) == (12, 3, 340)
    assert {f.placed_by for f in reports[1].record.facts if f.keys[0] == "normative_documents"} == {"previous_year"}
    assert any(f.code == "cells_cut_by_previous_year" for f in reports[1].record.findings)
    assert not any(f.code == "cells_ambiguous" for f in reports[1].record.findings)


def test_a_previous_year_that_agrees_with_several_cuts_or_is_missing_decides_nothing(tmp_path):
    reports = _reports(tmp_path, {
        "a2022.txt": flattened(2022, "本年度工作有序开展。", "102331"),  # itself ambiguous: no count to use
        "a2023.txt": flattened(2023, "本年度工作有序开展。", "123340"),
        "b2023.txt": flattened(2023, "本年度工作有序开展。", "000").replace("某某县", "另一县"),
        "b2024.txt": flattened(2024, "本年度工作有序开展。", "1010").replace("某某县", "另一县"),
    })
    settle_with_previous_year(reports)
    assert _normative(reports[1].record) == (None, None, None)
    # 另一县: 0 in force last year; "1010" cuts into 1/0/10 or 10/1/0, and neither continues it
    # (0 + 1 − 0 ≠ 10, 0 + 10 − 1 ≠ 0): nothing is published
    assert _normative(reports[3].record) == (None, None, None)
