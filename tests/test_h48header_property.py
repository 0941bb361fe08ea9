"""Table 三's header in any order, the five organisation columns named whole, short, wrapped in a narrow cell or
with their unit: no number is ever published under another column's name, and where the header tells the order for
certain (cells; or a PDF's text whose names are not wrapped) every number is read. The generator is written here from
the template's names and ``rules/table3_column_names.csv``'s short ones; values are identity-consistent with
neighbours told apart by ``benchmarks.synthetic.random_values``. Session 48 found by such fuzzing that a PDF text
printing 法律服务 first, and any layout wrapping a name with its unit (法律服务机 over 构（件）), published numbers
under their neighbours' names (``tests/test_h48words.py``)."""

from __future__ import annotations

import random

import pytest
from benchmarks import header_orders
from benchmarks.synthetic import random_values, render_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

ROWS = row_codes("2021")
APPLICANTS = applicant_codes()
ORGS = APPLICANTS[1:6]
NAMES = labels()["applicants"]
SHORT = {
    "commercial": ["企业"],
    "research": ["科研", "科研单位"],
    "social_welfare": ["公益组织"],
    "legal_services": ["法律服务", "律师事务所"],
    "other_org": ["其他组织"],
}
HEADING = "三、收到和处理政府信息公开申请情况\n"


@st.composite
def headers(draw):
    """``(order, forms, layout)``: the seven columns' printed order (总计 first or last), each organisation's name
    as ``(upper line, lower line)`` (the lower empty unless wrapped), and the layout."""
    orgs = draw(st.permutations(ORGS))
    order = ["total", "natural_person", *orgs] if draw(st.booleans()) else ["natural_person", *orgs, "total"]
    forms = {}
    for code in ORGS:
        name = draw(st.sampled_from([NAMES[code], *SHORT[code]]))
        name += draw(st.sampled_from(["", "", "", "（件）"]))
        cut = draw(st.integers(0, len(name) - 1)) if draw(st.booleans()) else 0
        forms[code] = (name[:cut], name[cut:]) if cut else (name, "")
    wrapped = any(lower for _, lower in forms.values())
    layout = draw(st.sampled_from(["tabs", "pipes", "html"] if wrapped else ["tabs", "pipes", "html", "pdf_text"]))
    return order, forms, layout


def header_rows(order: list[str], forms: dict) -> list[list[str]]:
    """The template's header: 申请人情况; 自然人 | 法人或其他组织 (over the first organisation) | 总计; the five."""
    first = next(code for code in order if code in ORGS)
    group = [NAMES[c] if c not in ORGS else "法人或其他组织" if c == first else "" for c in order]
    upper = [forms[c][0] if c in ORGS else "" for c in order]
    lower = [forms[c][1] if c in ORGS else "" for c in order]
    rows = [["", "申请人情况", *[""] * (len(order) - 1)], ["", "", *group], ["", "", *upper]]
    return rows + ([["", "", *lower]] if any(lower) else [])


def line(cells: list[str], layout: str) -> str:
    return {
        "tabs": "\t".join,
        "pipes": lambda c: "| " + " | ".join(c) + " |",
        "html": lambda c: "<tr>" + "".join(f"<td>{x}</td>" for x in c) + "</tr>",
        "pdf_text": lambda c: " ".join(x for x in c if x),
    }[layout](cells)


def report(values: dict, table4: list[int], order: list[str], forms: dict, layout: str) -> str:
    """A whole report (the synthetic report's frame) with table 三 printed under this header."""
    frame = render_report(values, table4, "tabs", title="测试局2024年政府信息公开工作年度报告")
    start, end = frame.index(HEADING) + len(HEADING), frame.index("\n四、政府信息公开行政复议")
    body = [["", labels()["rows"][code], *(str(values[code][APPLICANTS.index(a)]) for a in order)] for code in ROWS]
    table = [line(cells, layout) for cells in header_rows(order, forms) + body]
    if layout != "html":
        return frame[:start] + "\n".join(table) + frame[end:]
    paragraphs = ["".join(f"<p>{x}</p>" for x in part.split("\n") if x) for part in (frame[:start], frame[end:])]
    page = f"<html><body>{paragraphs[0]}<table>{''.join(table)}</table>{paragraphs[1]}</body></html>"
    return read_bytes(page.encode("utf-8"), ".html").text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=headers(), seed=st.integers(0, 2**16))
def test_no_number_under_another_columns_name_and_none_lost_where_the_header_tells(header, seed):
    order, forms, layout = header
    values, table4 = random_values(random.Random(seed))
    got = parse(report(values, table4, order, forms, layout)).values("applications")
    published = {(code, a): got.get((code, a)) for code in ROWS for a in APPLICANTS}
    truth = {(code, a): values[code][i] for code in ROWS for i, a in enumerate(APPLICANTS)}
    assert not {k: (v, truth[k]) for k, v in published.items() if v is not None and v != truth[k]}
    assert published == truth  # (cells, or a PDF's text without wrapped names: the order is certain)


MEASURE_NAMES = {
    "issued": ["本年制发件数", "制发件数", "本年制发", "本年新制发件数"],
    "repealed": ["本年废止件数", "废止件数", "本年废止"],
    "in_force": ["现行有效件数", "现行有效"],
}
TABLE2_ROWS = (("rules", "规章"), ("normative_documents", "行政规范性文件"))


@st.composite
def table2_headers(draw):
    """``(order, forms, layout)`` for table 二's first group: its three measures' printed order, each name as
    ``(upper line, lower line)``, and the layout (PDF text's names may wrap too: never wrong, but may be missing)."""
    order = draw(st.permutations(list(MEASURE_NAMES)))
    forms = {}
    for measure in order:
        name = draw(st.sampled_from(MEASURE_NAMES[measure])) + draw(st.sampled_from(["", "", "", "（件）"]))
        cut = draw(st.integers(0, len(name) - 1)) if draw(st.booleans()) else 0
        forms[measure] = (name[:cut], name[cut:]) if cut else (name, "")
    return order, forms, draw(st.sampled_from(["tabs", "pipes", "html", "pdf_text"]))


def table2_report(values: dict, order: list[str], forms: dict, layout: str) -> str:
    """A whole report with table 二's first group printed under this header (the groups after it left out)."""
    upper, lower = [forms[m][0] for m in order], [forms[m][1] for m in order]
    header = [["信息内容", *upper], *([["", *lower]] if any(lower) else [])]
    rows = [[label, *(str(values[(item, m)]) for m in order)] for item, label in TABLE2_ROWS]
    table = [line(cells, layout) for cells in [["第二十条第（一）项"], *header, *rows]]
    random_table3, table4 = random_values(random.Random(0))
    frame = render_report(random_table3, table4, "tabs", title="测试局2024年政府信息公开工作年度报告")
    at = frame.index(HEADING)
    if layout != "html":
        return frame[:at] + "二、主动公开政府信息情况\n" + "\n".join(table) + "\n" + frame[at:]
    paragraphs = ["".join(f"<p>{x}</p>" for x in part.split("\n") if x) for part in (frame[:at], frame[at:])]
    page = (
        f"<html><body>{paragraphs[0]}<p>二、主动公开政府信息情况</p><table>{''.join(table)}</table>"
        f"{paragraphs[1]}</body></html>"
    )
    return read_bytes(page.encode("utf-8"), ".html").text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=table2_headers(), numbers=st.lists(st.integers(0, 400), min_size=6, max_size=6, unique=True))
def test_table_2_no_number_under_another_measures_name_and_none_lost_in_cells(header, numbers):
    """Table 二's first group in any order, its names whole, short, wrapped or with a unit: no number under another
    measure's name; in cells (tabs, pipes, a web page) every number read."""
    order, forms, layout = header
    truth = dict(zip([(item, m) for item, _ in TABLE2_ROWS for m in MEASURE_NAMES], numbers, strict=True))
    got = parse(table2_report(truth, order, forms, layout)).values("active")
    published = {key: got.get(key) for key in truth}
    assert not {k: (v, truth[k]) for k, v in published.items() if v is not None and v != truth[k]}
    if layout != "pdf_text":
        assert published == truth


@pytest.mark.parametrize("kind", sorted(header_orders.KINDS))
def test_the_header_orders_benchmark_reads_every_kind_whole_where_the_cells_are_known(kind):
    """``benchmarks.header_orders`` (the figures of every table's headers in other orders): in tab cells and on a web
    page with spans and ``<br>``-broken names, every number of a few reports of each kind is read under its name."""
    for layout in ("tabs", "page"):
        assert header_orders.tally(kind, layout, 3)[:2] == (0, 0), (kind, layout)
