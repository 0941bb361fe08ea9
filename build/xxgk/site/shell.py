"""The theme rendered once per page *shape*, then filled in: the bulk pages' ``main.html`` without Jinja per page.

Rendering Material's ``main.html`` costs ≈ 1.1 ms a page, yet two report pages of one shape differ in a few
values only: the title, the first heading's anchor and text, the content, the front matter's description (a
search engine's snippet: whose report, where, which year), and the parts of the page's path that name the agency
or the year. :class:`Shells` renders the template once per shape with *sentinel*
values in their place, cuts the output at the sentinels into literal pieces and slots, and fills later pages
of that shape by joining the pieces with their own values — the template's output, without running it.

Why the filled page is the page the template renders (``tests/test_shell.py``, ``tests/test_bulk_pages.py``):

* **Everything else is in the shape.** The key (:meth:`Shells.shape`) holds every other input the theme
  reads from the page: its template and front matter (all but the title), its table of contents (all but
  the first entry's text and anchor), whether its content holds an ``<h1`` (Material tests that), the literal
  part of its path, the form of the rest (how many segments, their extensions), whether the first heading
  gave a title. Pages whose path parts begin like a file of the site (``get_relative_url`` then shortens
  links) keep those parts literal: relative links depend only on the key.
* **Each value is used as it is, or the shape is refused.** The shape's first page is met with two stand-in
  pages carrying two different sets of sentinels (different lengths, letter case, words); the template's two
  outputs must cut into the same pieces and slots. A template that measured, cut, re-cased or re-encoded a
  value would give different pieces (and a value that must not show — the page's Markdown, which is
  varied too — would leave a piece that differs). The shape is also used only if its first page filled from
  the shell equals that page rendered by the template, byte for byte; else every page of the shape is
  rendered in full (no message: the result is the same).
* **Values are fixed points of what the template may do to them.** Material inserts the title as it is,
  ``| striptags``, ``| e`` or ``| d(...)``; the values filled in are only those those filters leave as they
  are (:data:`TEXT`: no ``<>&"'\\``, no whitespace but single inner spaces, at most :data:`MAX_TEXT`
  characters, shorter than the long sentinel, so a ``truncate`` or ``wordwrap`` would have cut the sentinel);
  anchors and path parts are ``[A-Za-z0-9_-]``. A page with any other value (report text is hostile: a title
  with ``<script>``, ``&amp;``, quotes, a newline, a very long one) is rendered by the template in full.
  The content is inserted raw by the template (``{{ page.content }}``) and is filled in as it is.

Pure: the same page gives the same HTML whichever page of its shape came first and whether the shell was
used; the minifier runs on the whole filled page afterwards, as on a rendered one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_TEXT = 160  # the longest title filled in (longer ones: rendered in full); the long sentinel is longer
TEXT = re.compile(r"[^\s<>&\"'\\\x00-\x1f\x7f]+(?: [^\s<>&\"'\\\x00-\x1f\x7f]+)*")
TOKEN = re.compile(r"[A-Za-z0-9_-]+")
TRIED_FREELY = 32  # shapes tried before they must pay (see :func:`worth_trying`)
SPECIAL_STEMS = ("index", "README")  # MkDocs writes these as their folder's index: never replaced

# Two sets of sentinels: (title, rendered title, first toc entry's text, its anchor, stem prefix, content,
# Markdown, the front matter's description). They differ in length, case and wording; none holds a character a
# template filter would change.
_SHORT = ("xXgK0 tIt1", "xXgK0 rEn1", "xXgK0 hEd1", "xXgK0aNc1", "xXgK0sTm", "xXgK0cOnTeNt1", "xXgK0mD1", "xXgK0 dEs1")
_LONG = tuple(
    " ".join([f"qQzW9{w}{n}" for n in range(24)]) if i in (0, 1, 2, 7) else f"QqZw9{w}{'Z' * 20}"
    for i, w in enumerate(("TtL", "RnD", "HdG", "AnC", "StM", "CnT", "MkD", "DsC")))


@dataclass(frozen=True)
class _Sentinels:
    title: str
    rendered: str
    heading: str
    anchor: str
    stem: str
    content: str
    markdown: str
    description: str

    def stems(self, count: int) -> list[str]:
        return [f"{self.stem}{i}x" for i in range(count)]


SHORT, LONG = _Sentinels(*_SHORT), _Sentinels(*_LONG)
assert all(len(v) > MAX_TEXT for v in (*_LONG[:3], LONG.description))


@dataclass(frozen=True)
class Shell:
    """A shape's template output as literal ``pieces`` between named ``slots`` (``len(pieces) == len(slots) + 1``),
    and the same for the stand-in's path strings (``src_uri``, ``url``, ``dest_uri``)."""

    pieces: tuple[str, ...]
    slots: tuple[str, ...]
    paths: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]

    def fill(self, values: dict[str, str]) -> str:
        return _join(self.pieces, self.slots, values)


REFUSED = object()  # a shape whose shell did not prove out: its pages are rendered in full


def _join(pieces, slots, values) -> str:
    out = [pieces[0]]
    for slot, piece in zip(slots, pieces[1:], strict=True):
        out.append(values[slot])
        out.append(piece)
    return "".join(out)


def _cut(text: str, names: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``text`` cut at every occurrence of a sentinel (``names``: sentinel → slot name), longest first."""
    pattern = re.compile("|".join(re.escape(s) for s in sorted(names, key=len, reverse=True)))
    pieces, slots, at = [], [], 0
    for match in pattern.finditer(text):
        pieces.append(text[at:match.start()])
        slots.append(names[match.group(0)])
        at = match.end()
    pieces.append(text[at:])
    return tuple(pieces), tuple(slots)


def _toc_signature(items) -> tuple:
    return tuple((item.title, item.id, item.level, getattr(item, "active", None), _toc_signature(item.children))
                 for item in items)


class Shells:
    """The shells of one renderer (one per worker process). ``targets``: every path of the site a template may
    link to (the renderer's files, extra CSS and scripts), as segment tuples; ``make_file(src, markdown)``: the
    ``File`` the renderer makes for a spooled page (the stand-ins are made the same way)."""

    def __init__(self, config, targets: set[tuple[str, ...]], make_file: Callable[[str, str], object]):
        self.config = config
        self.prefixes = {t[:i] for t in targets for i in range(1, len(t) + 1)}
        self.make_file = make_file
        self.known: dict[tuple, object] = {}  # shape → Shell or REFUSED
        self.filled = 0  # pages filled from a shell (for benchmarks and tests)

    # -- what a page's shape and values are ----------------------------------------------------------

    def _first(self, page) -> int:
        """The index of the first segment of the page's URL that does not begin any target's path: links from the
        page depend on the segments before it (literal in the shape), then only on how many there are."""
        url = page.url.split("/")
        first = 0
        while first < len(url) and tuple(url[:first + 1]) in self.prefixes:
            first += 1
        return first

    def _variable(self, page) -> tuple[list[str], list[int]] | None:
        """The page's source path segments and the indices of those replaced by sentinels (their stems), or
        None when the path cannot be (a segment not plain)."""
        segments = page.file.src_uri.split("/")
        variable = []
        for i in range(self._first(page), len(segments)):
            stem = segments[i] if i < len(segments) - 1 else segments[i].rsplit(".", 1)[0]
            if i == len(segments) - 1 and stem in SPECIAL_STEMS:
                continue
            if not TOKEN.fullmatch(stem):
                return None
            variable.append(i)
        return segments, variable

    def values(self, page) -> tuple[tuple, dict[str, str]] | None:
        """``(shape, values)`` of a rendered page (Markdown done, blocks injected), or None when a value may not
        be filled in (the page is then rendered in full)."""
        meta = page.meta
        title, rendered = meta.get("title"), page._title_from_render
        if not isinstance(title, str) or not _text(title) or page.is_homepage:
            return None
        if "description" in meta and not _text(meta["description"]):
            return None
        if rendered is not None and not _text(rendered):
            return None
        toc = list(page.toc)
        if toc and not (_text(toc[0].title) and TOKEN.fullmatch(toc[0].id)):
            return None
        found = self._variable(page)
        if found is None:
            return None
        segments, variable = found
        values = {"title": title, "content": page.content}
        if "description" in meta:
            values["description"] = meta["description"]
        if rendered is not None:
            values["rendered"] = rendered
        if toc:
            values["heading"], values["anchor"] = toc[0].title, toc[0].id
        stems = [segments[i] if i < len(segments) - 1 else segments[i].rsplit(".", 1)[0] for i in variable]
        values.update({f"stem{n}": stem for n, stem in enumerate(stems)})
        literal = tuple(_literal(s, i == len(segments) - 1) if i in variable else s for i, s in enumerate(segments))
        first = self._first(page)
        shape = (meta.get("template", "main.html"),
                 repr({k: v for k, v in meta.items() if k not in ("title", "description")}), "description" in meta,
                 literal, first, tuple(page.url.split("/")[:first]), rendered is None, "<h1" in page.content,
                 (toc[0].level, getattr(toc[0], "active", None), _toc_signature(toc[0].children)) if toc else None,
                 _toc_signature(toc[1:]), page.edit_url, page.update_date)
        return shape, values

    # -- the shell ------------------------------------------------------------------------------------

    def html(self, page, render: Callable[[object], str]) -> str:
        """``main.html`` for ``page`` as ``render(page)`` (the template) gives it: filled from its shape's shell
        when the shape has one that proved out, else rendered (the first page of a shape: both ways)."""
        found = self.values(page)
        if found is None:
            return render(page)
        shape, values = found
        shell = self.known.get(shape)
        if shell is REFUSED or (shell is None and not worth_trying(len(self.known), self.filled)):
            return render(page)
        if shell is None:
            full = render(page)
            shell = self._make(page, values, render)
            if shell is None or not self._paths_match(shell, page, values) or shell.fill(values) != full:
                shell = REFUSED
            self.known[shape] = shell
            return full
        if not self._paths_match(shell, page, values):
            return render(page)
        self.filled += 1
        return shell.fill(values)

    def _paths_match(self, shell: Shell, page, values: dict[str, str]) -> bool:
        """The page's own paths are its shape's stand-in paths with its stems in place of the sentinels (so the
        renderer made its file the way it made the stand-in's)."""
        file = page.file
        return all(_join(pieces, slots, values) == actual for (pieces, slots), actual
                   in zip(shell.paths, (file.src_uri, page.url, file.dest_uri), strict=True))

    def _stand_in(self, page, values: dict[str, str], sentinels: _Sentinels):
        """A copy of ``page`` whose values are ``sentinels``, at a path whose variable stems are sentinels."""
        from mkdocs.structure.pages import Page
        from mkdocs.structure.toc import AnchorLink, TableOfContents

        segments, variable = self._variable(page)
        stems = sentinels.stems(len(variable))
        path = list(segments)
        for n, i in enumerate(variable):
            path[i] = stems[n] if i < len(path) - 1 else stems[n] + path[i][len(path[i].rsplit(".", 1)[0]):]
        file = self.make_file("/".join(path), sentinels.markdown)
        stand = Page(None, file, self.config)
        stand.markdown = sentinels.markdown
        stand.meta = {**page.meta, "title": sentinels.title}
        if "description" in page.meta:
            stand.meta["description"] = sentinels.description
        stand._title_from_render = sentinels.rendered if "rendered" in values else None
        stand.content = ("<h1>" if "<h1" in page.content else "<p>") + sentinels.content
        toc = list(page.toc)
        if toc:
            first = AnchorLink(sentinels.heading, sentinels.anchor, toc[0].level)
            first.children = toc[0].children
            if hasattr(toc[0], "active"):
                first.active = toc[0].active
            toc[0] = first
        stand.toc = TableOfContents(toc)
        stand.update_date = page.update_date
        stand.present_anchor_ids = page.present_anchor_ids
        names = {sentinels.title: "title", sentinels.rendered: "rendered", sentinels.heading: "heading",
                 sentinels.anchor: "anchor", stand.content: "content"}
        if "description" in page.meta:
            names[sentinels.description] = "description"
        names.update({stem: f"stem{n}" for n, stem in enumerate(stems)})
        return stand, names

    def _make(self, page, values: dict[str, str], render: Callable[[object], str]) -> Shell | None:
        """The shape's shell from two stand-ins, or None when their outputs do not cut the same way."""
        cuts = []
        for sentinels in (SHORT, LONG):
            stand, names = self._stand_in(page, values, sentinels)
            previous = getattr(self.config, "_current_page", None)
            self.config._current_page = stand
            try:
                html = render(stand)
            except Exception:  # a template that cannot take a sentinel: no shell (the page renders as always)
                return None
            finally:
                self.config._current_page = previous
            file = stand.file
            cuts.append((_cut(html, names), tuple(_cut(p, names) for p in (file.src_uri, stand.url, file.dest_uri))))
        (short, short_paths), (long, long_paths) = cuts
        if short != long or short_paths != long_paths:
            return None
        first = self._first(page)
        if stand.url.split("/")[:first] != page.url.split("/")[:first]:  # the literal head of the path moved
            return None
        if any(slot not in values for slot in short[1]) or any(s not in values for _, slots in short_paths
                                                                 for s in slots):
            return None
        return Shell(short[0], short[1], short_paths)


def worth_trying(tried: int, used: int) -> bool:
    """Whether to try one more shape (or kept conversion): each costs two or three extra renders, so once more
    than :data:`TRIED_FREELY` were tried and they served fewer pages than that, pages whose shape is new are
    simply rendered (same output; bounds the cost when shapes do not repeat)."""
    return tried < TRIED_FREELY or used >= tried


def _literal(segment: str, last: bool) -> str | None:
    """What of a replaced path segment stays in the shape: a file name's extension."""
    return "." + segment.rsplit(".", 1)[1] if last and "." in segment else None


def _text(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT and TEXT.fullmatch(value) is not None
