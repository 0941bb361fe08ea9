"""Findings: bad or doubtful data as typed records, never prints or exceptions.

A finding has a stable ``code`` from ``rules/findings.csv`` (which also fixes its severity and
message template), a location (table, row, column, line) and expected/actual values.

>>> f = make("row_lost_cells", table="3", row="重复申请", expected=7, actual=6, line=200)
>>> f.severity, f.message
('error', '表3“重复申请”行有6个数，应为7个：无法确定缺的是哪一格，整行记为缺失')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, fields
from functools import cache

from .catalog import findings_catalogue
from .catalog import table as rule_table
from .safe import shown_controls

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: str | None = None
    actual: str | None = None
    line: int | None = None

    def to_dict(self) -> dict:
        """``dataclasses.asdict`` of a finding, whose fields are text, a number or None (a copy of each would be the
        value itself): read field by field, ≈ 12 times faster — a package writes a dict of every finding.

        >>> make("value_blank", table="3", row="重复申请", line=9).to_dict() == asdict(make("value_blank", table="3",
        ...                                                                               row="重复申请", line=9))
        True
        """
        if not _SCALAR_TYPES.issuperset(map(type, self.__dict__.values())):
            return asdict(self)  # (a value of another kind: copied as asdict copies it)
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(f.name for f in fields(Finding))
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})


@cache
def _case_messages() -> dict[tuple[str, str, str], str]:
    """``{(code, table, case): message}``: a finding's message where one table's case, or a named case, differs
    from the catalogue's (``rules/finding_messages.csv``; e.g. table 二 has no identities to hold; a title whose
    agency name was refused is no title without a name).

    >>> make("rows_realigned", table="2", row="规章、行政规范性文件").message.endswith("与其事项的栏数相符")
    True
    >>> "勾稽关系成立" in make("rows_realigned", table="3", row="本年新收…").message
    True
    >>> make("agency_not_found").message, make("agency_not_found", case="title_refused").message
    ('标题中找不到机构名称', '标题中的机构名称无法读取（见“机构名称无法读取”），未采用')
    """
    return {(row["code"], row["table"], row["case"]): row["message"] for row in rule_table("finding_messages")}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


# a value a finding quotes whole; a longer one by its start and its length. A report's cell of 200,000 digits was
# quoted whole, twice (actual and message): a findings.csv cell Python's csv module refuses by default (131,072),
# more than an Excel cell holds (32,767). (Above the 2,000 characters a refused manifest value is already cut to, and
# the 5,000 digits ``tests/test_hostile15.py`` sees quoted as printed.)
QUOTED_CHARS = 10_000


def quoted(value: str, longest: int = QUOTED_CHARS) -> str:
    """``value`` whole, or its first ``longest`` characters, an ellipsis and its length.

    >>> quoted("局"), quoted("9" * 200_000)[-15:], len(quoted("x" * 5000, 2000))
    ('局', '9…（共 200000 个字）', 2012)
    """
    return value if len(value) <= longest else f"{value[:longest]}…（共 {len(value)} 个字）"


def make(code: str, *, table=None, row=None, column=None, expected=None, actual=None, line=None,
         detail: str = "", case: str = "") -> Finding:
    """Build a finding of catalogue type ``code``; an unknown code is a broken rule table (KeyError). ``case``
    names a message of ``rules/finding_messages.csv`` for a case the catalogue's message does not fit. A value
    longer than ``QUOTED_CHARS`` is quoted by its start and length (``quoted``), in its field and the message; a
    control or bidirectional control in a quoted text by its code (``safe.shown_controls``: a label ``\\u202e…``
    quoted as printed turned the message around in Excel)."""
    entry = findings_catalogue()[code]
    cases = _case_messages()  # a table's own message for the case, else the case's for every table
    template = cases.get((code, "" if table is None else str(table), case)) or cases.get((code, "", case)) \
        or entry["message"]
    fields = {"table": table, "row": row, "column": column, "expected": expected, "actual": actual}
    text = {k: "" if v is None else shown_controls(quoted(str(v))) for k, v in fields.items()}
    message = template.format_map(_Blank(text, detail=shown_controls(quoted(detail))))
    as_text = {k: None if v is None else text[k] for k, v in fields.items()}
    return Finding(code=code, severity=entry["severity"], message=message, line=line, **as_text)


FINDINGS_PER_CODE = 1000  # findings of one code a report lists; more than any report's cells (a few hundred)


def capped(findings: list[Finding]) -> list[Finding]:
    """``findings`` with at most ``FINDINGS_PER_CODE`` of each code, in order, then one ``findings_not_listed`` per
    code that had more, counting the rest. A 3.3 MB text whose table 三 held 100,000 rows of unknown labels gave
    100,000 ``label_unrecognised`` findings: 25 MB of findings.csv, 33 MB of xxgk.db for one file. (A report's score
    is 0 long before: 1,000 warnings of its own take 3,000 points off 100.)

    >>> many = [make("label_unrecognised", table="3", actual=f"杂项{n}") for n in range(FINDINGS_PER_CODE + 5)]
    >>> listed = capped(many + [make("row_absent", table="2")])
    >>> len(listed), listed[-1].code, listed[-1].message
    (1002, 'findings_not_listed', '另有 5 条“label_unrecognised”问题未逐条列出（每份报告每种问题最多列出 1000 条）')
    >>> capped(many[:3]) == many[:3]
    True
    """
    counts = Counter(finding.code for finding in findings)
    if max(counts.values(), default=0) <= FINDINGS_PER_CODE:
        return findings
    listed, seen = [], Counter()
    for finding in findings:
        seen[finding.code] += 1
        if seen[finding.code] <= FINDINGS_PER_CODE:
            listed.append(finding)
    return listed + [make("findings_not_listed", actual=count - FINDINGS_PER_CODE, detail=code)
                     for code, count in counts.items() if count > FINDINGS_PER_CODE]


def prose_numbers_unused(table: str, lines: list[int]) -> list[Finding]:
    """One ``prose_numbers_unused`` finding for the numbers of running text in table ``table``'s section, which
    name none of its rows (``cells.running_text``): ``lines`` are the lines they stand on (one per number, so
    repeated); the finding counts the lines and gives them as ranges (up to two lines without a number between
    two with one are in the range, as a paragraph has them). None for no line.

    >>> prose_numbers_unused("2", [31, 31, 32, 34, 71])[0].message
    '表2所在部分的正文中有4行带有数字（第31–34、71行），这些句子不是表格的行，其数字未采用'
    >>> prose_numbers_unused("4", [5])[0].message, prose_numbers_unused("3", [])
    ('表4所在部分的正文中有1行带有数字（第5行），这些句子不是表格的行，其数字未采用', [])
    """
    if not lines:
        return []
    distinct = sorted(set(lines))
    ranges = [[distinct[0], distinct[0]]]
    for line in distinct[1:]:
        if line - ranges[-1][1] <= 3:
            ranges[-1][1] = line
        else:
            ranges.append([line, line])
    span = "、".join(f"{a}" if a == b else f"{a}–{b}" for a, b in ranges)
    return [make("prose_numbers_unused", table=table, actual=len(distinct), line=distinct[0], detail=f"第{span}行")]
