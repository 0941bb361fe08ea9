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
def label_matches(label: str, rule_table: str) -> tuple[str, ...]:
    """Codes whose alias occurs in ``label``, ordered by position (each code once)."""
    found: list[tuple[int, str]] = []
    for code, pattern in patterns(rule_table):
        match = pattern.search(label)
        if match:
            found.append((match.start(), code))
    found.sort()
    return tuple(code for _, code in found)


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
