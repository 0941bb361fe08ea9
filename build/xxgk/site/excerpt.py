"""A narrative section's excerpt for its report page: the section's first characters, its lines rejoined as a
reader of Chinese reads them.

Contract: ``excerpt(text, limit)`` is HTML (escaped as ``render.esc`` escapes) holding the first ``limit``
characters of the text's words (line breaks not counted), ``…`` after them when the text runs on. A line break
the report's text holds is either

- a paragraph break, kept as ``<br>``: the line before it ends a sentence (。！？；：… or a closing quote after one),
  the line after it opens a numbered part (（一） (二) 1. 2、), or the line before it is such a part's heading
  (opens one and holds no sentence mark: (一)主动公开政府信息情况); or
- the wrap of a line printed in a narrow column (PDF text, Word's line ends), joined with nothing between Chinese
  characters and a space only between two Latin letters or digits.

Before, the excerpt was the raw text, its line breaks shown as spaces by the browser: a word cut in two by a wrap
("以习近平新时代中国特\\n\\n色社会主义思想为指导" read 中国特 色社会主义) and headings run into the next paragraph
("(一)主动公开政府信息情况\\n利用电子屏" read …情况 利用电子屏, the paragraph break lost).

>>> excerpt("中国特\\n\\n色社会主义。\\n(二)依申请公开情况\\n2025年受理0件。", 100)
'中国特色社会主义。<br>(二)依申请公开情况<br>2025年受理0件。'
>>> excerpt("Open\\nData 2025\\n年", 100)
'Open Data 2025年'
>>> excerpt("一二三\\n四五<六>", 4), excerpt("一二<三>\\n\\n四五", 5)
('一二三四…', '一二&lt;三&gt;…')
"""

from __future__ import annotations

import re

from .render import esc

# a line that ends a sentence: its last character, past any closing quotes or brackets, is one of these
_SENTENCE_ENDS = frozenset("。！？；：!?;:…")
_CLOSERS = "”’」』）)"
# a line that opens a numbered part: （一） (二) 一、 1. 2、 (1) ①
_PART_OPENS = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}[、.．]"
                         r"|\d{1,2}\s*[、.．](?!\d)|[①-⑳])")
# a heading line: a numbered part's opening and no sentence in it ((一)主动公开政府信息情况, not a wrapped
# （一）主动公开方面。根据法定主动公开内容，聚焦重大政)
_SENTENCE_MARK = re.compile(r"[，,。；;！？!?]")
_LATIN = re.compile(r"[A-Za-z0-9]")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: its non-blank lines, stripped, a wrapped line joined to the one it runs on from.
    Time linear in the text: a paragraph is kept as its lines, joined once, and whether it ends a sentence is
    known from its last line (a paragraph of many wrapped lines, copied and searched from its start at each line,
    took time growing with its square: 1,990,000 characters in 48,500 lines, 45 s)."""
    out: list[list[str]] = []
    heading = False  # the last line was a heading: what follows it is a paragraph of its own
    ends = False  # the paragraph so far ends a sentence
    for line in (x.strip() for x in text.splitlines()):
        if not line:
            continue
        if not out or heading or ends or _PART_OPENS.match(line):
            out.append([line])
        else:
            gap = " " if _LATIN.match(out[-1][-1][-1]) and _LATIN.match(line[0]) else ""
            out[-1].append(gap + line)
        # (a line of closing marks alone: the paragraph ended a sentence before them only if it did before it,
        # and then this line opened a paragraph of its own, which ends none)
        bare = line.rstrip(_CLOSERS)
        ends = bool(bare) and bare[-1] in _SENTENCE_ENDS
        heading = bool(_PART_OPENS.match(line)) and not _SENTENCE_MARK.search(line)
    return ["".join(part) for part in out]


def excerpt(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``'s paragraphs as escaped HTML, one ``<br>`` between paragraphs,
    ``…`` when more of the text follows."""
    shown: list[str] = []
    left = limit
    parts = paragraphs(text)
    for part in parts:
        if left <= 0:
            break
        shown.append(esc(part[:left]))
        left -= len(part)
    more = left < 0 or len(shown) < len(parts)
    return "<br>".join(shown) + ("…" if more else "")
