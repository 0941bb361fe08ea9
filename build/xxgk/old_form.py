"""A report on the 2008 regulations' form: 概述 / 主动公开 / 依申请公开 / 收费及减免 / 行政复议、行政诉讼 / 存在的问题.

Reports on 2018 and before follow the form of the 2008 regulations, not the 2019 or 2021 template
(``REPORT_FORMAT.md``): their sections on 政府信息公开的收费及减免情况, 政府信息依申请公开办理情况 or
不予公开及咨询 are none of the template's, and their figures (in prose, or in the old form's 统计表) are not
the template's tables. Read as a template report, such a file had three tables absent and its sections absent
counted against its agency. The parser asks ``old_form_heading`` with the report's year: a report on 2019 or
later, one whose year is not read, or a text holding one of the template's own words
(``rules/old_form_words.csv``, kind ``template``: its tables' rows and headers, its section 三's title) is read
as before — a template report that says 概述 or mentions 收费及减免 in a sentence too.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import table
from .text import fold, fold_lines

LAST_OLD_FORM_YEAR = 2018  # reports on 2019 follow the revised regulations' template (国办公开办函〔2019〕60号)
_HEADING_CHARS = 40  # a heading's line: its numbering and a section's title, not a paragraph
# a section's numbering at the line's start: 四、, 四．, （四）
_NUMBERED = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}[ \t\u3000]*[、.．]"
                       r"|[（(][一二三四五六七八九十]{1,2}[)）])")


@cache
def _words(kind: str) -> re.Pattern:
    """One of ``rules/old_form_words.csv``'s words of ``kind`` (``old``, ``old_overview`` or ``template``)."""
    return re.compile("|".join(re.escape(fold(row["word"])) for row in table("old_form_words")
                               if row["kind"] == kind))


def old_form_heading(text: str, year: int | None) -> tuple[int, str] | None:
    """``(line number, line)`` of the first heading of ``text`` naming a section of the old form only (a
    numbered line of at most 40 characters holding an ``old`` word), when ``year`` is 2018 or before (a
    report whose year is not read is read as before) and no ``template`` word is anywhere in ``text``; else
    ``None``. The line is returned as printed, stripped. Where no such heading is, the first heading of the old
    form's first section (an ``old_overview`` word: 一、概述, 一、主要工作概述) is: a report printing 概述 / 主动公开
    / 依申请公开 / 存在的主要问题 only has no other heading of its own form (a real city's report on 2017).

    >>> old_form_heading("某局2017年报告\\n一、概述\\n…\\n四、政府信息公开的收费及减免情况\\n未收费。", 2017)
    (4, '四、政府信息公开的收费及减免情况')
    >>> old_form_heading("某局2024年报告\\n四、政府信息公开的收费及减免情况\\n", 2024) is None  # (the template's)
    True
    >>> old_form_heading("四、收费及减免情况\\n一、本年新收政府信息公开申请数量 1", 2018) is None  # (its table)
    True
    >>> old_form_heading("一、概述\\n…\\n二、依申请公开政府信息情况\\n", 2017)
    (1, '一、概述')
    """
    if year is None or year > LAST_OLD_FORM_YEAR or holds_template_words(text):
        return None
    overview = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if len(stripped) > _HEADING_CHARS or not _NUMBERED.match(line):
            continue
        if _words("old").search(fold(stripped)):
            return number, stripped
        if overview is None and _words("old_overview").search(fold(stripped)):
            overview = number, stripped
    return overview


def holds_template_words(text: str) -> bool:
    """Whether ``text`` holds one of the template's own words (``rules/old_form_words.csv``, kind ``template``: its
    tables' rows and headers, its section 三's title) anywhere.

    >>> holds_template_words("一、本年新收政府信息公开申请数量 1"), holds_template_words("一、概述")
    (True, False)
    """
    return bool(_words("template").search(fold_lines(text)))  # (the report's text, folded once already)
