"""Section headings' ids, stable and meaningful: a Markdown extension (``mkdocs.yml``) whose tree processor gives
every ``h2``…``h6`` without an id the id ``slugify`` makes of its text, before the ``toc`` extension names the rest
(unique among the page's ids as ``toc`` makes them). The page's title heading (``h1``) keeps the id ``toc`` gives
it: nothing links to it but the page's skip link (the page's own address is its permalink), and the bulk pages'
conversions are shared between titles of the same ``toc`` slug (``page_markdown``).

Contract: ``slugify(text, separator)`` is the id of a heading whose text is ``text``, made of ASCII letters,
digits, ``_`` and ``separator`` only (an address a reader pastes anywhere, and the page shell's fast path,
``shell.TOKEN``). A heading with a Latin letter in it keeps the id Python-Markdown's own slugify gives it (its
ASCII words: 行缺少单元格（row_lost_cells） is ``row_lost_cells``, the id the site's links to a finding code name).
A heading without one is spelt in pinyin, each run of Chinese characters one word, digits kept, an aside in
brackets left out (a count changes with the data: 全部机构（8 个）is ``quanbujigou``, whatever the count).

Before, the default slugify dropped every Chinese character: 历年报告 and 申请数量 had no id of their own but the
toc's unique suffix (``_2``, ``_3``: their place on the page, shifting with every heading added before them) and
2024年度 · 地市级 was ``2024_3``, so an address copied from the page's table of contents (报告评估排名's
查找一个城市或机构的名次 was ``#_2``) named nothing a reader could read, and pointed elsewhere once the site grew.

>>> slugify("历年报告", "-"), slugify("2024年度 · 地市级", "-"), slugify("全部机构（8 个）", "-")
('linianbaogao', '2024-niandu-dishiji', 'quanbujigou')
>>> slugify("行缺少单元格（row_lost_cells）", "-"), slugify("表2 主动公开（active_disclosure）", "-")
('row_lost_cells', '2-active_disclosure')
>>> slugify("2024年度 · 县级 · 人民政府（汇总报告）", "-"), slugify("“三审”制度", "-"), slugify("（8）", "-")
('2024-niandu-xianji-renminzhengfu', 'sanshen-zhidu', '8')
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_LATIN = re.compile(r"[A-Za-z]")
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")  # a bracketed aside: （8 个） （汇总报告）
_WORDS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9]+")  # runs of Chinese characters, runs of digits


@lru_cache(maxsize=4096)  # (the same headings on every agency's page)
def slugify(text: str, separator: str) -> str:
    """The id of a heading whose text is ``text`` (see the module's contract)."""
    from markdown.extensions.toc import slugify as ascii_slugify

    if _LATIN.search(text):
        return ascii_slugify(text, separator)
    from pypinyin import lazy_pinyin

    words = _WORDS.findall(_ASIDE.sub("", text)) or _WORDS.findall(text)
    return separator.join(w if w.isdigit() else re.sub(r"[^a-z]", "", "".join(lazy_pinyin(w)).lower())
                          for w in words)


class _SectionIds(Treeprocessor):
    """Sets the id of each ``h2``…``h6`` that has none (as ``toc`` would, with ``slugify``), and keeps the id the
    heading had before (``legacy_ids``) on an empty ``span`` just before it."""

    def run(self, root) -> None:
        from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags, unique

        used = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        named = []
        for el in root.iter():
            if el.tag in _SECTION_TAGS and "id" not in el.attrib:
                name = html.unescape(strip_tags(render_inner_html(remove_fnrefs(el), self.md)))
                el.attrib["id"] = unique(slugify(name, "-"), used, counters)
                named.append(el)
        parents = {child: parent for parent in root.iter() for child in parent}
        for el, old in legacy_ids(root, named, self.md).items():
            if old != el.attrib["id"] and old not in used:
                used.add(old)
                parent = parents[el]
                parent.insert(list(parent).index(el), el.makeelement("span", {"id": old}))


def legacy_ids(root, named: list, md) -> dict:
    """``{heading: the id toc's own slugify gave it}`` for the headings of ``named``: the ids every heading had
    before the pinyin ones (``_2``, ``_3``, ``2024_3``: their place among the headings without a Latin letter).
    Links to them were shared (a journalist's copied contents link, a bookmark): the old id stays on an empty
    ``span`` just before its heading (not inside: the heading's text and name stay the heading's alone), so such a
    link still lands on its heading, without script. An old id another
    element of the page now holds is left to it. Reckoned as ``toc`` reckoned it: every heading in order, the
    title (``h1``) too, among the ids the page had."""
    from markdown.extensions.toc import remove_fnrefs, render_inner_html, slugify, strip_tags, unique

    wanted = set(map(id, named))
    old_used = {el.attrib["id"] for el in root.iter() if "id" in el.attrib and id(el) not in wanted}
    out = {}
    for el in root.iter():
        if el.tag in _HEADING_TAGS and (id(el) in wanted or "id" not in el.attrib):
            name = html.unescape(strip_tags(render_inner_html(remove_fnrefs(el), md)))
            old = unique(slugify(name, "-"), old_used)
            if id(el) in wanted:
                out[el] = old
    return out


_SECTION_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_HEADING_TAGS = _SECTION_TAGS | {"h1"}


class SectionIds(Extension):
    """The extension ``mkdocs.yml`` names (``xxgk.site.anchors``)."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_SectionIds(md), "xxgk_section_ids", 6)  # (toc is 5: it runs after)


def makeExtension(**kwargs) -> SectionIds:  # noqa: N802 (the name Python-Markdown imports)
    return SectionIds(**kwargs)
