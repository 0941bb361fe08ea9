"""Tables printed after the report's last section: an attachment. Pure.

Some reports print sections 二 to 四 as prose only (我局主动公开信息1200条，详见附表。) and their tables after section
六, as an attachment (附表1 …, 附件：…, or the headings of 二 to 四 printed again over them). Each table section was
read from its own heading to the next, found no table there, and the whole attachment was section 六's text: tables
二 to 四 were ``table_absent``, every number lost. Now a table section whose text holds no first line of its table
(``rules/table_starts.csv``) is read from its table's first line after the last section's heading, when the
attachment holds it; the attachments' tables are looked for in the template's order, each region ending where the
next one found begins, and section 六 ends where the first begins (a number is never read into another table than
the one it is printed in). Not when the attachment holds a heading of section 一 again (a second report follows,
``repeated_headings``: its tables are not this report's).
"""

from __future__ import annotations

from dataclasses import replace

from .sections import Document, Section, _heading_patterns, table_starts

TABLES = ("active", "applications", "review_litigation")  # in the template's order


def appended_tables(doc: Document, sections: list[Section]) -> list[Section]:
    r"""``sections`` with each table section whose own text prints no table set on its table in the attachment after
    the last section (its heading line kept), the last section cut where the attachment's first table begins;
    ``sections`` unchanged when no such table is found.

    >>> text = ("一、总体情况\n好。\n二、主动公开政府信息情况\n见附表。\n三、收到和处理政府信息公开申请情况\n见附表。\n"
    ...         "六、其他需要报告的事项\n无。\n附表\n第二十条第（一）项\n规章 1 0 2\n"
    ...         "申请人情况\n一、本年新收政府信息公开申请数量 3")
    >>> doc = Document.from_text(text)
    >>> from xxgk.sections import text_to_sections
    >>> [(s.code, s.text(doc)) for s in appended_tables(doc, text_to_sections(doc))][1:]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('active', '第二十条第（一）项\n规章 1 0 2'), ('applications', '申请人情况\n一、本年新收政府信息公开申请数量 3'),
     ('other_matters', '无。\n附表')]
    """
    if not sections:
        return sections
    last = max(sections, key=lambda s: s.start)
    if last.code in TABLES or _heading_again(doc.text, "overview", last.start):
        return sections
    starts, own = table_starts(), {s.code: s for s in sections if s.code in TABLES}
    found, lower = {}, last.start
    for code in TABLES:
        section = own.get(code)
        if section is None or starts[code].search(doc.text, section.start, section.end):
            continue  # (absent sections stay absent; a table printed under its heading is read there)
        if match := starts[code].search(doc.text, lower):
            found[code] = match.start()
            lower = match.end()
    if not found:
        return sections
    order = sorted(found.values())
    ends = {code: next((at for at in order if at > begin), len(doc.text)) for code, begin in found.items()}
    out = []
    for s in sections:
        if s.code in found:
            s = replace(s, start=found[s.code], end=ends[s.code])
        elif s is last:
            s = replace(s, end=order[0])
        out.append(s)
    return out


def _heading_again(text: str, code: str, start: int) -> bool:
    """Whether the heading of section ``code`` is printed at or after ``start``."""
    pattern = dict(_heading_patterns())[code]
    return pattern.search(text, start) is not None
