"""Property tests on the five seed layouts (and the shared corpus when present): drop characters from
labels, garble a heading, split a table with a page footer or a repeated markdown header — every cell
is still read as printed or published missing with a finding, never as another number."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.parser import parse
from xxgk.readers import read_path

from .conftest import SEEDS, SHARED

# the five seeds, and the real reports of ../shared/corpus when it is there (a clone elsewhere has none)
PATHS = sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "corpus" / "reports").glob("*.txt"))
TEXTS = {p.name: read_path(p).parse_text for p in PATHS}
CLEAN = {name: parse(text) for name, text in TEXTS.items()}
CJK = re.compile(r"[\u4e00-\u9fff]")
HEADINGS = ("主动公开政府信息情况", "收到和处理政府信息公开申请", "行政复议", "存在的主要问题")
TABLES = {"active": "2", "applications": "3", "review_litigation": "4"}


def _table_lines(text: str) -> list[int]:
    """Indexes of the lines from the heading of table 二 to the heading of section 五."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if "主动公开政府信息情况" in line and "、" in line), 0)
    end = next((i for i, line in enumerate(lines) if i > start and "存在的主要问题" in line), len(lines))
    return list(range(start + 1, end)) or list(range(len(lines)))  # a flattened page: one long line


def _assert_never_wrong(name: str, mutated: str) -> None:
    clean, record = CLEAN[name], parse(mutated)
    for table, number in TABLES.items():
        truth = clean.values(table)
        got = record.values(table)
        for keys, value in got.items():
            if value is not None and keys in truth:
                assert value == truth[keys], (name, table, keys, value, truth[keys])
        lost = [k for k, v in truth.items() if v is not None and got.get(k) is None]
        if lost:  # a cell that is no longer read is published missing with a finding about its table
            assert any(f.table == number or f.code in ("section_absent", "table_absent")
                       for f in record.findings if f.severity in ("error", "warning")), (name, table, lost[:3])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(TEXTS)), data=st.data())
def test_dropping_characters_from_labels_never_yields_a_wrong_value(name, data):
    lines = TEXTS[name].split("\n")
    candidates = [i for i in _table_lines(TEXTS[name]) if CJK.search(lines[i])]
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.sampled_from(candidates))
        positions = [m.start() for m in CJK.finditer(lines[index])]
        if not positions:
            continue
        drops = sorted(set(data.draw(st.lists(st.sampled_from(positions), min_size=1, max_size=2))), reverse=True)
        for at in drops:
            lines[index] = lines[index][:at] + lines[index][at + 1:]
    _assert_never_wrong(name, "\n".join(lines))


@settings(max_examples=80, deadline=None)
@given(name=st.sampled_from(sorted(TEXTS)), heading=st.sampled_from(HEADINGS), data=st.data(),
       edit=st.sampled_from(["drop", "replace", "insert"]), char=st.sampled_from("的了情况信公开申一"))
def test_a_garbled_heading_never_yields_a_wrong_value(name, heading, data, edit, char):
    text = TEXTS[name]
    at = text.find(heading)
    if at < 0:
        return
    offset = at + data.draw(st.integers(0, len(heading) - 1))
    if edit == "drop":
        text = text[:offset] + text[offset + 1:]
    elif edit == "replace":
        text = text[:offset] + char + text[offset + 1:]
    else:
        text = text[:offset] + char + text[offset:]
    _assert_never_wrong(name, text)


@settings(max_examples=120, deadline=None)
@given(name=st.sampled_from(sorted(TEXTS)), data=st.data(),
       insert=st.sampled_from(["\n— {n} —\n", "\n\n- {n} -\n\n", "\n第 {n} 页\n",
                               "\n— {n} —\n样例局2024年政府信息公开工作年度报告\n",  # (a footer, the next page's head)
                               "\n\n| 项目 | 数据1 | 数据2 | 数据3 |\n|---|---|---|---|\n"]))
def test_page_footers_and_split_tables_never_yield_a_wrong_value(name, data, insert):
    lines = TEXTS[name].split("\n")
    where = sorted(set(data.draw(st.lists(st.sampled_from(_table_lines(TEXTS[name])), min_size=1, max_size=4))),
                   reverse=True)
    for index in where:
        lines.insert(index, insert.format(n=data.draw(st.integers(1, 40))))
    mutated = "\n".join(lines)
    _assert_never_wrong(name, mutated)
    if "|" not in insert:  # a page footer alone hides no cell
        record = parse(mutated)
        for table in TABLES:
            assert record.values(table) == CLEAN[name].values(table), (name, table)
