"""Counts stated in the prose of section 一 checked against the tables (``rules/narrative_claims.csv``).

>>> vals = {"review_litigation": {("review", "total"): 11}}
>>> [f.code for f in narrative_to_findings("受理政府信息公开的行政复议申请 5件", vals, 48)]
['narrative_mismatch']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .catalog import table
from .findings import Finding, make
from .first_chars import searcher
from .memo import parser_memo
from .text import CHINESE_NUMERALS, NOT_TEXT_MARK, OTHER_SCRIPT_DIGIT, chinese_number, fold_lines
from .values import PROSE_UNITS, too_many_digits

# a count written in Chinese numerals before its counting word: 共收到申请二十三件, 行政复议两件
_CHINESE_COUNT = re.compile(f"(?<![第{CHINESE_NUMERALS}])[{CHINESE_NUMERALS}]{{1,8}}"
                            + r"(?=\s*(?:" + "|".join(PROSE_UNITS) + "))")


def counts_in_digits(text: str) -> str:
    """``text`` with the counts written in Chinese numerals in digits (二十三件 → 23件), so that the claims'
    patterns read them; a numeral that is no number is left as it is.

    >>> counts_in_digits("共收到申请二十三件，上年结转两件，一是加强培训")
    '共收到申请23件，上年结转2件，一是加强培训'
    """
    def digits(match: re.Match) -> str:
        value = chinese_number(match.group())
        return match.group() if value is None else str(value)

    return _CHINESE_COUNT.sub(digits, text)


@parser_memo(1 << 2)  # the overview, read by table 二 (``stated_counts``) and by ``narrative_to_findings``: once
def _folded_counts(text: str) -> str:
    """``counts_in_digits(fold_lines(text))``, another script's digit marked as no text (``text.OTHER_SCRIPT_DIGIT``:
    共收到申请৯件 states no count; before, it was read as 9): the text the claims' patterns read."""
    return OTHER_SCRIPT_DIGIT.sub(NOT_TEXT_MARK, counts_in_digits(fold_lines(text)))


@cache
def _claims() -> tuple[tuple[dict, re.Pattern, Callable[[str], re.Match | None]], ...]:
    """Each claim of ``rules/narrative_claims.csv``, its pattern compiled and its search (``first_chars.searcher``:
    a claim of none opens on six look-behinds, which the engine tried at every character of section 一)."""
    return tuple((claim, pattern, searcher(pattern))
                 for claim in table("narrative_claims") for pattern in [re.compile(claim["pattern"])])


def _table_values(values: dict, compare_to: str, table_name: str) -> list[int]:
    """The table's value of each alternative of ``compare_to`` (``a|b+c``) whose cells are all read."""
    found = (_table_value(values, term, table_name) for term in compare_to.split("|"))
    return [v for v in found if v is not None]


def _table_value(values: dict, compare_to: str, table_name: str) -> int | None:
    total = 0
    for term in compare_to.split("+"):
        row, column = term.split(".")
        value = values.get(table_name, {}).get((row, column))
        if not isinstance(value, int):
            return None
        total += value
    return total


def stated_counts(text: str, table_name: str) -> dict[tuple[str, str], int]:
    """``{(row, column): count}`` the prose states for single cells of ``table_name`` (first claim wins).

    >>> said = stated_counts("规范性文件方面，本年制发12件，废止3件，现行有效340件。", "active")
    >>> said[("normative_documents", "issued")], said[("normative_documents", "in_force")]
    (12, 340)
    """
    folded = _folded_counts(text)
    out: dict[tuple[str, str], int] = {}
    for claim, pattern, search in _claims():
        if claim["table"] != table_name or "+" in claim["compare_to"] or "|" in claim["compare_to"] \
                or not pattern.groups:  # (a claim of none: no count to lend a cell)
            continue
        key = tuple(claim["compare_to"].split("."))
        match = search(folded) if key not in out else None
        if match and not too_many_digits(match.group(1)):  # a number no table holds (``values.MAX_DIGITS``)
            out[key] = int(match.group(1))
    return out


def stated_none(text: str, claim: str) -> str | None:
    """The words of ``text`` making the claim of none ``claim`` of ``rules/narrative_claims.csv``, or None.

    >>> stated_none("本年度未收到政府信息公开申请，无上年结转。", "applications_none")
    '未收到政府信息公开申请'
    """
    search = next(search for row, _, search in _claims() if row["claim"] == claim)
    match = search(_folded_counts(text))
    return match.group(0) if match else None


_SENTENCE_END = re.compile(r"[。！？!?]")


def _said_of(folded: str, at: int, context: str) -> bool:
    """Whether the sentence holding position ``at`` (from the last 。！？ before it, across line breaks: a PDF's
    lines wrap sentences) names ``context`` (every claim when empty). Table 四 counts only the reviews and suits
    of disclosure decisions: 全年依法办理各类行政复议案件35件 is no count of them, 受理政府信息公开的行政复议申请5件 is.

    >>> _said_of("渠道进行信息公开。全年办理各类行政复议案件35件", 20, "信息公开")
    False
    >>> _said_of("受理政府信息公开的\\n行政复议申请 5件", 12, "信息公开")
    True
    """
    if not context:
        return True
    starts = [m.end() for m in _SENTENCE_END.finditer(folded, 0, at)]
    end = _SENTENCE_END.search(folded, at)
    return context in folded[starts[-1] if starts else 0:end.start() if end else len(folded)]


def narrative_to_findings(text: str, values: dict[str, dict], first_line: int | None) -> list[Finding]:
    """One finding per claim whose first stated count differs from the table (from every reading of it the
    claim allows: ``new.total|new.total+carried_over.total``, received this year or with last year's).

    >>> vals = {"applications": {("new", "total"): 31, ("carried_over", "total"): 3}}
    >>> narrative_to_findings("共收到政府信息公开申请34件（含上年结转3件）。", vals, 1)
    []
    >>> [f.expected for f in narrative_to_findings("共收到政府信息公开申请30件。", vals, 1)]
    ['31']
    >>> [f.message for f in narrative_to_findings("本年度未收到政府信息公开申请。", vals, 1)]
    ['正文称“未收到政府信息公开申请”0件，表格为31件']
    """
    folded = _folded_counts(text)
    findings = []
    for claim, _, search in _claims():
        match = search(folded)
        if not match or not _said_of(folded, match.start(1 if match.re.groups else 0), claim.get("context") or ""):
            continue
        none = not match.re.groups  # a claim of none (未收到政府信息公开申请): no number printed, a count of 0
        digits = "0" if none else match.group(1)  # (more digits than any table holds: differs, as printed)
        stated = digits if too_many_digits(digits) else int(digits)
        actual = _table_values(values, claim["compare_to"], claim["table"])
        if actual and stated not in actual:
            at = match.start() if none else match.start(1)
            line = (first_line or 1) + folded[:at].count("\n")  # the number's line, not the claim's first
            said = match.group(0).strip() if none else match.group(0).rsplit(match.group(1), 1)[0].strip()
            findings.append(make("narrative_mismatch", detail=f"“{said}”", actual=stated, expected=actual[0], line=line,
                                 table={"active": "2", "applications": "3", "review_litigation": "4"}[claim["table"]]))
    return findings
