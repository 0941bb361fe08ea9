"""The glossary page (词语解释): what the words of tables 二, 三 and 四, the site's measures and its own words mean,
for a reader who meets 行政强制, 予以公开, 予以公开比例 or 勾稽关系, each with the article of the 条例
(《中华人民共和国政府信息公开条例》, 2019) it rests on, from ``rules/glossary.csv``: one row a word, with its
section, its anchor, the codes of the package it explains (table 二's items, table 三's rows, table 四's proceedings
and outcomes, a measure's code), its meaning and its basis. The report pages link it under tables 二, 三 and 四
(``report_page.UNIT_NOTE``), the compare page under its menus (``metric_meanings``).

>>> import html
>>> page = html.unescape(glossary_markdown())  # (esc writes _ as &#95;, which the page's HTML reads as _)
>>> '<dt id="rejected_duplicate"><dfn>重复申请</dfn></dt>' in page, "条例第三十六条第六项" in page
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..catalog import table
from .render import esc
from .titles import front_matter

GLOSSARY_PAGE = "glossary"  # glossary.md, the page's address glossary/ (a word's: glossary/#<anchor>)
INTRO = ("<p>报告表格和本站用到的词语是什么意思。依据是《中华人民共和国政府信息公开条例》（2019年修订）的条文；"
         "同一件申请只计入一种办理结果。</p>")


def glossary_words() -> tuple[dict, ...]:
    """The rows of ``rules/glossary.csv``, in the file's order (the page's)."""
    return table("glossary")


@lru_cache(maxsize=1)
def term_anchors() -> dict[str, str]:
    """``{term: anchor}`` of the glossary's words, the first of each term: a report page's table 三 links a row
    group's word (（三）不予公开) to its meaning here (``#denied``), which lists the group's reasons after it.

    >>> term_anchors()["不予公开"], term_anchors()["无法提供"], term_anchors()["其他处理"]
    ('denied', 'unavailable', 'other')
    """
    out: dict[str, str] = {}
    for word in glossary_words():
        out.setdefault(word["term"], word["anchor"])
    return out


# a measure's formula's cells, table:key1:key2 (rules/metrics.yaml): the key1 (a table 三 row, a table 四
# proceeding, a table 二 item) names what a count measure counts
_CELL = re.compile(r"[a-z_0-9]+:([a-z_0-9]+):[a-z_0-9]+")


def metric_meanings(metrics: list[dict]) -> dict[str, dict]:
    """``{measure code: its glossary row}`` of the package's measures (``metrics``): the row naming the measure's
    code (a share: 予以公开比例 is 予以公开的件数 ÷ 办理结果总计, said in words), else the one row naming every
    row, proceeding or item its formula reads (本年新收申请: table 三's 本年新收; 行政诉讼: both kinds of suit). A
    measure with neither is left out (``tests/test_h48site`` fails on it: a journalist choosing 予以公开比例 read
    no word of what it is a share of).

    >>> m = metric_meanings([{"code": "granted_share", "formula": "100 * a:granted:total / a:total_processed:total"},
    ...                      {"code": "received", "formula": "applications:new:total"}])
    >>> m["granted_share"]["term"], m["received"]["anchor"]
    ('予以公开比例', 'new')
    """
    by_code: dict[str, dict] = {}
    for word in glossary_words():
        for code in word["codes"].split():
            by_code.setdefault(code, word)
    out = {}
    for m in metrics:
        if m["code"] in by_code:
            out[m["code"]] = by_code[m["code"]]
            continue
        keys = set(_CELL.findall(m["formula"]))
        words = {by_code[k]["anchor"]: by_code[k] for k in keys if k in by_code}
        if keys and len(words) == 1 and keys <= set(by_code):
            out[m["code"]] = next(iter(words.values()))
    return out


def glossary_markdown() -> str:
    """The page: a heading a section, a definition list of its words, each word's term linkable by its anchor."""
    sections: dict[str, list[dict]] = {}
    for word in glossary_words():
        sections.setdefault(word["section"], []).append(word)
    parts = [front_matter("词语解释"), "# 词语解释\n", INTRO]
    for name, words in sections.items():
        items = "".join(f'<dt id="{esc(w["anchor"])}"><dfn>{esc(w["term"])}</dfn></dt>'
                        f'<dd>{esc(w["meaning"])}' + (f"<small>（{esc(w['basis'])}）</small>" if w["basis"] else "")
                        + "</dd>" for w in words)
        parts += [f"\n## {esc(name)}\n", f'<dl class="xxgk-glossary">{items}</dl>']
    return "\n".join(parts) + "\n"
