"""A school's report on a school year (学年), under the 高等学校信息公开办法, not the 条例's annual report.

Colleges and universities publish each autumn a 信息公开工作年度报告 on the school year before (2023-2024学年,
its period 9月1日 to 8月31日), under the Ministry of Education's rules for schools: its sections (概述,
主动公开情况, 依申请公开和不予公开情况, 对信息公开的评议情况 …) and its 清单 are none of the template's
(``REPORT_FORMAT.md``).
Read as a template report, such a file had its three tables absent and its sections absent counted
against the school, ``late_publication`` for its October date, and one, a letter to the provincial
education department, was published as that department. The parser asks ``school_year_title`` for
the head of a text holding none of the template's own words (``rules/old_form_words.csv``, kind
``template``): a school's template report, whatever its title says, is read as before.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import table
from .text import fold, fold_lines

_TITLE_LINES = 12  # the title stands among a page's first lines (after its site's name, a field or two)


@cache
def _school_year() -> re.Pattern:
    """One of ``rules/school_year_words.csv``'s words (学年, 学年度)."""
    return re.compile("|".join(re.escape(fold(row["word"])) for row in table("school_year_words")))


def school_year_title(head: str) -> tuple[int, str] | None:
    """``(line number, line)`` of the first of ``head``'s first non-empty lines that names a school year and a
    report on disclosure (信息公开), else ``None``; the line as printed, cut to 60 characters. The caller asks only
    of a text holding none of the template's words.

    >>> school_year_title("首页 > 通知公告\\n某职业学院2023-2024学年信息公开工作年度报告\\n一、概述")
    (2, '某职业学院2023-2024学年信息公开工作年度报告')
    >>> school_year_title("某大学关于2022-2023学年度\\n信息公开工作的报告")  # (the title broken across two lines)
    (1, '某大学关于2022-2023学年度')
    >>> school_year_title("某县教育局2024年政府信息公开工作年度报告\\n本学年，我局…") is None
    True
    """
    lines = [(number, line.strip()) for number, line in enumerate(head.split("\n"), 1) if line.strip()]
    lines = lines[:_TITLE_LINES]
    for index, (number, line) in enumerate(lines):
        folded = fold_lines(line)  # (a line of the report's text, folded once already: a look-up)
        if not _school_year().search(folded):
            continue
        after = fold_lines(lines[index + 1][1]) if index + 1 < len(lines) else ""
        if "信息公开" in folded or "信息公开" in after and not _school_year().search(after):
            return number, line[:60]
    return None


# a school's name before the school year on its title's line (某职业学院2023-2024学年…, 某大学关于2022-2023学年度…)
_SCHOOL = re.compile(r"^\s*([\u4e00-\u9fff（）()]{2,30}?(?:大学|学院|学校))\s*(?:关于)?\s*(?:19|20)\d{2}")


def school_name(line: str) -> str | None:
    """The school a school-year title names before its years, else ``None``.

    >>> school_name("某职业学院2023-2024学年信息公开工作年度报告"), school_name("样例大学关于2022-2023学年度")
    ('某职业学院', '样例大学')
    >>> school_name("2023-2024学年信息公开工作年度报告") is None
    True
    """
    match = _SCHOOL.match(line)
    return match.group(1) if match else None
