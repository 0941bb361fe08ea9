"""Benchmark companion: how tables 二, 三 and 四 are read when their headers print the columns in another order than the
template's, with names whole, short, wrapped in a narrow cell (over two lines, or broken by ``<br>`` in a web page's
cell) or carrying a unit. For each kind of table and each layout it writes N reports (``benchmarks.synthetic``'s
frame, identity-consistent values drawn from a fixed seed), parses them and prints how many published **a number
under another column's name** (the worst the parser can do: the identities cannot catch a swap), how many left some
cells missing (with a finding) and how many were read whole.

Run: .venv/bin/python -m benchmarks.header_orders [N] [--kinds table3,table2,...] [--layouts tabs,pdf_text,...]
[--start S] (report i is drawn from the seed S + i; S is 0 unless given)

Session 48 wrote it from the fuzzing that found eight such readings (``tests/test_h48words.py``,
``test_h48table2.py``, ``test_h48table4.py``); ``tests/test_h48header_property.py`` draws from the same generators.
Where a layout cannot tell a wrapped name's halves apart (a PDF's text: words apart by spaces, no cells), missing
cells with ``columns_order_unsure`` are the right answer; a wrong number never is.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable

from xxgk.catalog import applicant_codes, labels, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .synthetic import random_values, render_report

LAYOUTS = ("tabs", "pipes", "html", "pdf_text", "page")  # page: a web page's table with spans and <br> in cells
TITLE = "测试局2024年政府信息公开工作年度报告"
T3_HEADING, T4_HEADING = "三、收到和处理政府信息公开申请情况\n", "四、政府信息公开行政复议、行政诉讼情况\n"
ORGS = applicant_codes()[1:6]
ORG_SHORT = {"commercial": ["企业"], "research": ["科研", "科研单位"], "social_welfare": ["公益组织"],
             "legal_services": ["法律服务", "律师事务所"], "other_org": ["其他组织"]}
OUTCOME_NAMES = {"upheld": ["结果维持", "维持"], "corrected": ["结果纠正", "纠正"], "other": ["其他结果", "其他"],
                 "pending": ["尚未审结", "未审结", "审理中"], "total": ["总计", "合计"]}
LAWSUIT_NAMES = {"litigation_direct": ["未经复议直接起诉", "直接起诉"],
                 "litigation_after_review": ["复议后起诉", "经复议起诉"]}
MEASURE_NAMES = {"issued": ["本年制发件数", "制发件数", "本年制发", "本年新制发件数"],
                 "repealed": ["本年废止件数", "废止件数", "本年废止"], "in_force": ["现行有效件数", "现行有效"],
                 "made": ["本年新制作数量", "新制作数量"], "published": ["本年新公开数量", "新公开数量"],
                 "total_public": ["对外公开总数量", "公开总数量"], "previous_year": ["上一年项目数量", "上一年项目"],
                 "change": ["本年增/减", "增/减"], "decisions": ["处理决定数量", "本年处理决定数量"]}
TABLE2_GROUPS = {  # format → (group heading, measures, (item, label) …), in the template's order
    "2021": [("第二十条第（一）项", ["issued", "repealed", "in_force"],
              [("rules", "规章"), ("normative_documents", "行政规范性文件")])],
    "2019": [("第二十条第（一）项", ["made", "published", "total_public"],
              [("rules", "规章"), ("normative_documents", "规范性文件")]),
             ("第二十条第（五）项", ["previous_year", "change", "decisions"],
              [("licensing", "行政许可"), ("other_management_services", "其他对外管理服务事项")]),
             ("第二十条第（六）项", ["previous_year", "change", "decisions"],
              [("penalty", "行政处罚"), ("coercion", "行政强制")])],
}


def name_form(rng: random.Random, names: list[str], layout: str, unit: bool = True) -> tuple[str, str]:
    """A column's name as a header prints it: ``(upper line, lower line)``, the lower empty unless the name wraps
    (on a web page a wrapped name is one cell broken by ``<br>``); whole or short, sometimes with its unit."""
    name = rng.choice(names) + ("（件）" if unit and rng.random() < 0.15 and "/" not in names[0] else "")
    if rng.random() < 0.3 and len(name) >= 3:
        cut = rng.randint(1, len(name) - 1)
        return (name[:cut] + "<br>" + name[cut:], "") if layout == "page" else (name[:cut], name[cut:])
    return name, ""


def line(cells: list[str], layout: str) -> str:
    """A table row in ``layout``; a PDF's text drops empty cells."""
    if layout in ("html", "page"):
        return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"
    return {"tabs": "\t".join, "pipes": lambda c: "| " + " | ".join(c) + " |",
            "pdf_text": lambda c: " ".join(x for x in c if x)}[layout](cells)


def td(text: object, rows: int = 1, cols: int = 1) -> str:
    spans = (f' rowspan="{rows}"' if rows > 1 else "") + (f' colspan="{cols}"' if cols > 1 else "")
    return f"<td{spans}>{text}</td>"


def spliced(frame: str, start: int, end: int, rows: list[list[str]], layout: str, heading: str = "") -> str:
    """``frame`` with ``rows`` (after ``heading``) in place of ``frame[start:end]``, read as the build reads a text
    or a web page."""
    table = [line(row, layout) for row in rows]
    if layout not in ("html", "page"):
        return frame[:start] + heading + "\n".join(table) + "\n" + frame[end:]
    before, after = frame[:start] + heading, frame[end:]
    paragraphs = ["".join(f"<p>{x}</p>" for x in part.split("\n") if x) for part in (before, after)]
    page = f"<html><body>{paragraphs[0]}<table>{''.join(table)}</table>{paragraphs[1]}</body></html>"
    return read_bytes(page.encode("utf-8"), ".html").text


def frame_of(values: dict, table4: list[int]) -> str:
    return render_report(values, table4, "tabs", title=TITLE)


def table3(rng: random.Random, layout: str) -> tuple[str, dict, str]:
    """Table 三 with its five organisation columns in another order (总计 first or last)."""
    values, table4 = random_values(rng)
    orgs = rng.sample(ORGS, len(ORGS))
    order = ["total", "natural_person", *orgs] if rng.random() < 0.3 else ["natural_person", *orgs, "total"]
    names = labels()["applicants"]
    forms = {c: name_form(rng, [names[c], names[c], *ORG_SHORT[c]], layout) for c in ORGS}
    codes = applicant_codes()
    if layout == "page":
        group = "".join(td("自然人", 2) if c == "natural_person" else td("总计", 2) if c == "total" else
                        td("法人或其他组织", 1, 5) if c == orgs[0] else "" for c in order)
        rows = [[td("申请人情况", 1, 8)], [td("", 2), group], [*(forms[c][0] for c in orgs)]]
    else:
        group = [names[c] if c not in ORGS else "法人或其他组织" if c == orgs[0] else "" for c in order]
        upper, lower = ([forms[c][i] if c in ORGS else "" for c in order] for i in (0, 1))
        rows = [["", "申请人情况", *[""] * 6], ["", "", *group], ["", "", *upper]] + ([["", "", *lower]] * any(lower))
    rows += [["", labels()["rows"][r], *(str(values[r][codes.index(a)]) for a in order)] for r in row_codes("2021")]
    frame = frame_of(values, table4)
    start = frame.index(T3_HEADING) + len(T3_HEADING)
    text = spliced(frame, start, frame.index("\n四、政府信息公开行政复议", start), rows, layout)
    truth = {("applications", r, a): values[r][i] for r in row_codes("2021") for i, a in enumerate(codes)}
    return text, truth, f"{order} {forms}"


def table2(rng: random.Random, layout: str, fmt: str) -> tuple[str, dict, str]:
    """Table 二 of ``fmt`` with one group's measures in another order (the others as the template prints them)."""
    values, table4 = random_values(rng)
    groups = TABLE2_GROUPS[fmt]
    moved = rng.randrange(len(groups))
    numbers = iter(rng.sample(range(1, 999), 40))
    rows, truth, said = [], {}, ""
    for at, (heading, measures, items) in enumerate(groups):
        order = rng.sample(measures, len(measures)) if at == moved else measures
        forms = {m: name_form(rng, MEASURE_NAMES[m], layout) if at == moved else (MEASURE_NAMES[m][0], "")
                 for m in order}
        said = f"{order} {forms}" if at == moved else said
        rows += [[heading], ["信息内容", *(forms[m][0] for m in order)]]
        rows += [["", *(forms[m][1] for m in order)]] * any(forms[m][1] for m in order)
        for item, label in items:
            drawn = {m: next(numbers) for m in measures}
            truth |= {("active", item, m): v for m, v in drawn.items()}
            rows.append([label, *(str(drawn[m]) for m in order)])
    frame = frame_of(values, table4)
    at = frame.index(T3_HEADING)
    text = spliced(frame, at, at, rows, layout, heading="二、主动公开政府信息情况\n")
    return (text.replace("2024年", "2019年") if fmt == "2019" else text), truth, said


def table4(rng: random.Random, layout: str, as_rows: bool = False) -> tuple[str, dict, str]:
    """Table 四 with its outcomes, lawsuits and proceedings in other orders; ``as_rows``: printed three rows of five
    (a row a proceeding, its label first)."""
    values, t4 = random_values(rng)
    outcomes, procs = list(outcome_codes()), list(proceeding_codes())
    drawn = rng.random()
    outcomes = ["total", *outcomes[:4]] if drawn < 0.3 else rng.sample(outcomes, 5) if drawn < 0.5 else outcomes
    names = {o: name_form(rng, OUTCOME_NAMES[o], layout) for o in outcome_codes()}
    at = {(p, o): i for i, (p, o) in enumerate((p, o) for p in proceeding_codes() for o in outcome_codes())}
    if as_rows:
        procs = rng.sample(procs, 3)
        upper, lower = ([names[o][i] for o in outcomes] for i in (0, 1))
        rows = [["项目", *upper]] + [["", *lower]] * any(lower)
        rows += [[labels()["proceedings"][p].replace("·", "（") + ("）" if "·" in labels()["proceedings"][p] else ""),
                  *(str(t4[at[(p, o)]]) for o in outcomes)] for p in procs]
    else:
        laws = procs[1:] if rng.random() < 0.5 else procs[:0:-1]
        suits = {s: name_form(rng, LAWSUIT_NAMES[s], layout, unit=False) for s in laws}
        procs = ["review", *laws] if rng.random() < 0.7 else [*laws, "review"]
        rows = _table4_header(procs, outcomes, names, suits, layout)
        rows.append([str(t4[at[(p, o)]]) for p in procs for o in outcomes])
    frame = frame_of(values, t4)
    start = frame.index(T4_HEADING) + len(T4_HEADING)
    text = spliced(frame, start, frame.index("\n", start), rows, layout)
    truth = {("review_litigation", p, o): t4[at[(p, o)]] for p in proceeding_codes() for o in outcome_codes()}
    return text, truth, f"{procs} {outcomes} {names}"


def _table4_header(procs: list[str], outcomes: list[str], names: dict, suits: dict, layout: str) -> list[list[str]]:
    """Table 四's header rows: 行政复议 | 行政诉讼, then the review's outcomes beside the two lawsuits, then theirs."""
    if layout == "page":
        first_suit = next(p for p in procs if p != "review")
        top = "".join(td("行政复议", 1, 5) if p == "review" else td("行政诉讼", 1, 10) if p == first_suit else ""
                      for p in procs)
        middle = "".join("".join(td(names[o][0], 2) for o in outcomes) if p == "review" else td(suits[p][0], 1, 5)
                         for p in procs)
        return [[top], [middle], ["".join(td(names[o][0]) for p in procs if p != "review" for o in outcomes)]]
    first_suit = next(p for p in procs if p != "review")
    rows: list[list[str]] = [[], [], [], [], []]
    for p in procs:
        for i, o in enumerate(outcomes):
            review = p == "review"
            rows[0].append(("行政复议" if review else "行政诉讼" if p == first_suit else "") if i == 0 else "")
            rows[1].append(names[o][0] if review else suits[p][0] if i == 0 else "")
            rows[2].append(names[o][1] if review else suits[p][1] if i == 0 else "")
            rows[3].append("" if review else names[o][0])
            rows[4].append("" if review else names[o][1])
    return [row for row in rows if any(row)]


KINDS: dict[str, Callable[[random.Random, str], tuple[str, dict, str]]] = {
    "table3": table3,
    "table2-2021": lambda rng, layout: table2(rng, layout, "2021"),
    "table2-2019": lambda rng, layout: table2(rng, layout, "2019"),
    "table4": table4,
    "table4-rows": lambda rng, layout: table4(rng, layout, as_rows=True),
}


def published(text: str, truth: dict) -> dict:
    """``{key: the value the parser published}`` for every key of ``truth`` (``(table, row, column)``)."""
    record = parse(text)
    tables = {table: record.values(table) for table, *_ in truth}
    return {key: tables[key[0]].get(key[1:]) for key in truth}


def tally(kind: str, layout: str, count: int, start: int = 0) -> tuple[int, int, int, str]:
    """``(wrong, missing, whole, the first wrong case)`` over ``count`` reports of ``kind`` in ``layout``, drawn from
    the seeds ``start`` to ``start + count - 1``."""
    wrong = missing = whole = 0
    first = ""
    for seed in range(start, start + count):
        text, truth, said = KINDS[kind](random.Random(seed), layout)
        got = published(text, truth)
        bad = {k: (v, truth[k]) for k, v in got.items() if v is not None and v != truth[k]}
        if bad:
            wrong += 1
            first = first or f"seed {seed}: {said} → {list(bad.items())[:2]}"
        elif any(v is None for v in got.values()):
            missing += 1
        else:
            whole += 1
    return wrong, missing, whole, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=200)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--start", type=int, default=0, help="the first report's seed (the others follow it)")
    args = parser.parse_args()
    print(f"{'kind':<12} {'layout':<9} {'wrong':>6} {'missing':>8} {'whole':>6}   (of {args.count} reports each)")
    for kind in args.kinds.split(","):
        for layout in args.layouts.split(","):
            wrong, missing, whole, first = tally(kind, layout, args.count, args.start)
            example = f"   e.g. {first[:160]}" if first else ""
            print(f"{kind:<12} {layout:<9} {wrong:>6} {missing:>8} {whole:>6}{example}")


if __name__ == "__main__":
    main()
