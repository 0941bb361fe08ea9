"""Recognising row labels with the alias tables (``rules/row_labels.csv``, ``item_labels.csv``).

Labels are matched in their compact form (no spaces, half-width punctuation), so a label
wrapped over lines or split into cells still matches. A text may hold several labels when the
extraction detached labels from their numbers; ``label_matches`` returns them all, in order.

>>> label_matches("(三)不予公开1.属于国家秘密", "row_labels")
('denied_state_secret',)
>>> label_matches("(六)其他处理1.申请人无正当理由逾期不补正", "row_labels")
('other', 'other_no_correction')
"""

from __future__ import annotations

from .catalog import patterns
from .memo import parser_memo


@parser_memo(1 << 14)  # the same labels recur in every report
def label_matches(label: str, rule_table: str, outside_notes: bool = False) -> tuple[str, ...]:
    """Codes whose alias occurs in ``label``, ordered by position (each code once). ``outside_notes``: an alias inside
    brackets (a note after the row's own name) names nothing — a 2020 template's row 其他对外管理服务事项（指行政许可
    以外的政务服务事项，含行政确认、…行政处罚、行政强制…）is no 行政强制's, nor 其他主动公开文件（…除规范性文件以外的
    主动公开文件…）a 规范性文件's (on a real page each was read as the item its note named last, the real row of
    that item voided as printed twice: row_conflict).

    >>> label_matches("其他对外管理服务事项(含行政确认、行政处罚、行政强制)", "item_labels", outside_notes=True)
    ('other_management_services',)
    >>> label_matches("其他主动公开文件(除规范性文件以外)", "item_labels", outside_notes=True)
    ()
    """
    found: list[tuple[int, str]] = []
    for code, pattern in patterns(rule_table):
        match = pattern.search(label)
        if match and outside_notes and _in_brackets(label, match.start()):
            match = next((m for m in pattern.finditer(label) if not _in_brackets(label, m.start())), None)
        if match:
            found.append((match.start(), code))
    found.sort()
    return tuple(code for _, code in found)


def _in_brackets(label: str, at: int) -> bool:
    """Whether ``at`` stands inside brackets in ``label`` (its compact form: （） folded to ()) that close after it: a
    bracket left open (第二十条第(五项…行政许可, a damaged copy's; 上一年项目数量(指2019年 cut at a page's end) is no
    note.

    >>> _in_brackets("其他(含行政处罚)", 4), _in_brackets("第二十条第(五项行政许可", 8), _in_brackets("(一)行政许可", 3)
    (True, False, False)
    """
    return label.count("(", 0, at) > label.count(")", 0, at) and ")" in label[at:]


def name_end(label: str, rule_table: str, code: str) -> int:
    """Where the name ``code`` is recognised by (its first occurrence, as ``label_matches`` finds it) ends in
    ``label``; 0 when it is not there.

    >>> name_end("(三)不予公开1.属于国家秘密abc", "row_labels", "denied_state_secret")
    15
    """
    for name, pattern in patterns(rule_table):
        if name == code and (match := pattern.search(label)):
            return match.end()
    return 0
