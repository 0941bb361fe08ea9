"""A bulk page's Markdown turned into HTML as ``mkdocs.structure.pages.Page.render`` does, at a fraction of the cost.

Two savings, each giving the fields ``Page.render`` sets (``content``, ``toc``, the title from the first heading,
the anchors present, the links to anchors) byte for byte (``tests/test_page_markdown.py``, and the whole site
against MkDocs' own build in ``tests/test_bulk_pages.py``):

* **One ``markdown.Markdown`` a worker.** MkDocs builds one per page (≈ 0.4 ms), with the config's extensions,
  and registers four per-page processors. Here it is built once and ``reset()`` per page (Python-Markdown's way
  to reuse one: the stash, the references and every extension's state, the toc's included), and fresh
  instances of MkDocs' four processors are registered in place of the last page's (same names, same
  priorities).
* **Pages that differ only in their title heading are converted once.** A bulk page's Markdown is its front
  matter, a first line ``# <title>``, and a body of headings and block placeholders (``blocks.py``) that is the
  same for every report page with the same sections. When the title uses none of Markdown's inline syntax
  (:data:`PLAIN`: no ``*_`[]!#\\<>&~|{}^=+:`` nor quotes, whitespace only single inner spaces), its heading
  converts to ``<h1 id="{slug}">{title}</h1>``, a toc entry and a page title that are the title itself, and
  nothing else in the page depends on it but through the heading's anchor (the toc's ``unique`` ids of later
  headings): so the conversion is keyed on (what precedes the heading, the rest of the Markdown, the
  anchor's slug as the toc extension computes it) and kept. A key is kept only if its first page's
  conversion has exactly that form *and* converting it again with another title of the same slug
  (``龘`` prepended: a character the slug drops) changes nothing but the title in those three places; the
  rest must hold no link (the only lines allowed are headings with such text, placeholders and blank lines),
  so MkDocs' relative-link processor, which depends on the page's path, has nothing to do.
"""

from __future__ import annotations

import logging
import re

from .shell import worth_trying

PLAIN_CHARS = r"[^\s<>&\"'\\*_`\[\]!#~|{}^=+:\x00-\x1f\x7f]"
PLAIN = re.compile(f"{PLAIN_CHARS}+(?: {PLAIN_CHARS}+)*")
_REST_LINE = re.compile(f"(?:#{{1,6}} {PLAIN_CHARS}+(?: {PLAIN_CHARS}+)*|<!--xxgk:[0-9]+-->|)")
MAX_TITLE = 500
_VARIANT = "龘"  # prepended to a title for the check: NFKD keeps it non-ASCII, so the slug drops it


class Markdown:
    """``Page.render`` for many pages with one ``markdown.Markdown`` (see the module docstring)."""

    def __init__(self, config):
        import markdown

        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.config = config
        self.known: dict[tuple, tuple | None] = {}  # key → (anchor, content after the heading, toc tokens, anchors)
        self.reused = 0  # pages whose conversion was taken from a key (benchmarks, tests)

    def render(self, page, files) -> None:
        """Set ``page.content``, ``toc``, ``_title_from_render``, ``present_anchor_ids`` (and ``links_to_anchors``
        unless debugging) from ``page.markdown``, as ``page.render(config, files)`` would."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        found = self._split(page.markdown)
        if found is None:
            self._apply(page, *self._convert(page, files, page.markdown))
            return
        head, title, rest = found
        key = (head, rest, self._slug(title))
        kept = self.known.get(key, False)
        if kept is False and not worth_trying(len(self.known), self.reused):
            kept = None  # keys do not repeat here: converted as MkDocs does, without a second conversion
        if kept is False:
            converted = self._convert(page, files, page.markdown)
            self.known[key] = self._keep(page, files, head, title, rest, converted)
            self._apply(page, *converted)
            return
        if kept is None:  # the key did not prove out (or is not tried): the page is converted
            self._apply(page, *self._convert(page, files, page.markdown))
            return
        anchor, after, tokens, anchors = kept
        first = {**tokens[0], "name": title, "html": title}
        self._apply(page, f'<h1 id="{anchor}">{title}</h1>{after}', [first, *tokens[1:]], title, set(anchors), {})
        self.reused += 1

    @staticmethod
    def _split(markdown: str) -> tuple[str, str, str] | None:
        """``(blank lines before, title, the rest)`` of a Markdown whose first line is a plain ``# title`` and whose
        other lines are plain headings, placeholders or blank; else None."""
        head = markdown[:len(markdown) - len(markdown.lstrip("\n"))]
        line, newline, rest = markdown[len(head):].partition("\n")
        if not line.startswith("# ") or len(line) > MAX_TITLE + 2:
            return None
        title = line[2:]
        if not PLAIN.fullmatch(title) or not all(_REST_LINE.fullmatch(r) for r in rest.split("\n")):
            return None
        return head, title, newline + rest

    def _slug(self, title: str) -> str:
        toc = self.md.treeprocessors["toc"]
        return toc.slugify(title, toc.sep)

    def _convert(self, page, files, markdown: str) -> tuple:
        """What ``Page.render`` computes: ``(content, toc tokens, title, anchors present, links to anchors)``."""
        from mkdocs.structure import pages

        md, config = self.md, self.config
        md.reset()
        raw_html_ext = pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        content = md.convert(markdown)
        return (content, getattr(md, "toc_tokens", []), extract_title_ext.title,
                extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids,
                relative_path_ext.links_to_anchors)

    @staticmethod
    def _apply(page, content, tokens, title, anchors, links) -> None:
        from mkdocs.structure import pages
        from mkdocs.structure.toc import get_toc

        page.content = content
        page.toc = get_toc(tokens)
        page._title_from_render = title
        page.present_anchor_ids = anchors
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = links

    def _keep(self, page, files, head: str, title: str, rest: str, converted: tuple) -> tuple | None:
        """What a key keeps, if its first page's conversion has the form the module docstring says and a title
        of the same slug changes nothing else; else None."""
        shape = _shape(title, converted)
        if shape is None:
            return None
        variant = _VARIANT + title
        if len(variant) > MAX_TITLE or self._slug(variant) != self._slug(title):
            return None
        if _shape(variant, self._convert(page, files, f"{head}# {variant}{rest}")) != shape:
            return None
        return shape


def _shape(title: str, converted: tuple) -> tuple | None:
    """``(anchor, content after the heading, toc tokens, anchors present)`` of a conversion whose heading, first
    toc entry and page title are ``title`` as it is, with no link to an anchor; else None."""
    content, tokens, rendered, anchors, links = converted
    if links or not tokens or rendered != title:
        return None
    first = tokens[0]
    anchor = first.get("id")
    if not isinstance(anchor, str) or first.get("name") != title or first.get("html") != title:
        return None
    heading = f'<h1 id="{anchor}">{title}</h1>'
    if first.get("level") != 1 or not content.startswith(heading):
        return None
    rest = {k: v for k, v in first.items() if k not in ("name", "html")}
    return anchor, content[len(heading):], (rest, *tokens[1:]), frozenset(anchors)
