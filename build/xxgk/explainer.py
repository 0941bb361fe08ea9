"""A page that explains a report rather than being it: 文字解读、图解、一图读懂 of an annual report.

Agencies publish beside their report a page about it — its background, its basis, its contents in a few lines, or
an infographic's words — titled as the report with a word before or after (``rules/explainer_words.csv``). Read as
a report, such a page named the agency and year of the report and held none of the template's sections: six
``section_absent`` and three ``table_absent`` findings counted against an agency whose report is elsewhere. The
parser asks ``explainer_title`` only when no section of the template was found, so a report whose page links or
names its own 解读 is read as before.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import table
from .text import fold

# the report's own words on the title's line: 年度报告 or 年报 (with 报 in either script)
_REPORT_WORDS = re.compile(r"年度[报報]告|年[报報]")
_TITLE_LINES = 12  # the title stands among a page's first lines (after its site's name, a field or two)
_SPACES = re.compile(r"\s+")  # a title printed letter-spaced (图 解 ： … 年 度 报 告) is read as one word a line


@cache
def _explainer() -> re.Pattern:
    """One of ``rules/explainer_words.csv``'s words."""
    return re.compile("|".join(re.escape(fold(row["word"])) for row in table("explainer_words")))


def explainer_title(head: str) -> tuple[int, str] | None:
    """``(line number, line)`` of the first of ``head``'s first non-empty lines that names an annual report and an
    explainer's word (``文字解读：某局2023年政府信息公开工作年度报告``, ``《某局2024年政府信息公开年报》图解``),
    else ``None``. The line is returned as printed, cut to 60 characters.

    >>> explainer_title("文字解读：某局2023年政府信息公开工作年度报告\\n一、编制背景")
    (1, '文字解读：某局2023年政府信息公开工作年度报告')
    >>> explainer_title("政策解读\\n某局2023年政府信息公开工作年度报告") is None  # (a menu's word on its own line)
    True
    >>> explainer_title("图　解：某局2023年 度 报 告")  # (letter-spaced)
    (1, '图\u3000解：某局2023年 度 报 告')
    """
    seen = 0
    for number, line in enumerate(head.split("\n"), 1):
        if not line.strip():
            continue
        folded = _SPACES.sub("", fold(line))
        if _REPORT_WORDS.search(folded) and _explainer().search(folded):
            return number, line.strip()[:60]
        seen += 1
        if seen == _TITLE_LINES:
            return None
    return None
