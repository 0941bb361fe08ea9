"""A source page as Pagefind is given it (``indexed_form``): what Pagefind reads of it, and nothing else.

The source page (``report_page.source_page``) shows every line of a report; Pagefind indexes the prose. Two
things on the page reach no reader through the search, and are left out of the copy Pagefind indexes (the page
readers see is unchanged):

* **the lines' targets' ids** (``<span id="L12" data-n="12">``): Pagefind keeps every element with an id as an
  *anchor* in the page's fragment (one a line), which the search never shows (``assets/search.js`` uses the page's
  address, title and excerpt). Without them the words, their places and so every query's results are the same (the
  index chunks are byte-identical), the fragments ≈ 40 % smaller and Pagefind ≈ 23 % less CPU (2,000 pages).
* **what the page tells Pagefind to ignore** (``data-pagefind-ignore``) and that holds no filter, metadata or sort
  attribute: tables 二–四 (their labels are the template's, the same in every report, ``table_lines.py``), the
  citation paragraph, the notes on lines cut short. Pagefind drops an ignored element's text, so its output is the
  same bytes (tested); what changes is the shard cache's key (``fulltext_reuse.py``), now the SHA-256 of this
  form: a report whose tables alone changed (a corrected number), a citation that gained its publication date or
  address, a new wording of the notes or the citation on every page — none of them re-indexes a shard, where the
  page's bytes re-indexed every shard holding one. An ignored element that names a filter or metadata (the title,
  the year and province filters, the report's address) is kept whole: Pagefind reads those on ignored elements.

Report text is escaped on the page (``render.esc``), so the patterns meet only the page's own markup.
"""

from __future__ import annotations

import re

# a source line's target (``report_page.source_page``): ``<span id="L12" data-n="12">``, ``<span id="L12c340">``
LINE_TARGET = re.compile(rb'<span id="L[0-9]+(?:c[0-9]+)?"(?: data-n="[0-9]+")?>')
# the opening tag of an element Pagefind ignores, and any tag of that element's name (to find its end)
IGNORED = re.compile(rb'<(span|p|div)(?=[\s>])[^>]*\sdata-pagefind-ignore(?=[\s=>])[^>]*>')
READ_ON_IGNORED = re.compile(rb"data-pagefind-(?:filter|meta|sort|default-meta)")  # what Pagefind reads there
_TAGS = {tag: re.compile(rb"<(/?)" + tag + rb"(?=[\s>])[^>]*>") for tag in (b"span", b"p", b"div")}


def _end(page: bytes, tag: bytes, start: int) -> int | None:
    """Where the element whose opening tag begins at ``start`` ends (after its closing tag), counting the tags
    of its name nested in it; None when it is not closed."""
    depth = 0
    for match in _TAGS[tag].finditer(page, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def without_ignored(page: bytes) -> bytes:
    """``page`` without the elements marked ``data-pagefind-ignore`` that hold no attribute Pagefind reads on
    an ignored element (``READ_ON_IGNORED``); an element not closed is kept.

    >>> without_ignored(b'<p>a<span data-pagefind-ignore>b<span>c</span></span>d</p>')
    b'<p>ad</p>'
    >>> without_ignored(b'<h1 data-pagefind-ignore data-pagefind-meta="title">t</h1><p data-pagefind-ignore>x')
    b'<h1 data-pagefind-ignore data-pagefind-meta="title">t</h1><p data-pagefind-ignore>x'
    """
    out, at = [], 0
    for match in IGNORED.finditer(page):
        if match.start() < at:
            continue  # inside an element already left out
        end = _end(page, match.group(1), match.start())
        if end is None or READ_ON_IGNORED.search(page, match.start(), end):
            continue
        out.append(page[at:match.start()])
        at = end
    out.append(page[at:])
    return b"".join(out)


def indexed_form(page: bytes) -> bytes:
    """A source page as Pagefind is given it: without what it ignores (``without_ignored``) and with its lines'
    targets without their ids.

    >>> indexed_form(b'<span id="L3" data-n="3">a<span id="L3c5">b</span></span>')
    b'<span>a<span>b</span></span>'
    >>> indexed_form(b'<span id="L3" data-n="3">a<span data-pagefind-ignore><span id="L3c5">b</span></span></span>')
    b'<span>a</span>'
    """
    return LINE_TARGET.sub(b"<span>", without_ignored(page))
