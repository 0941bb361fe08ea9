"""What a browser never shows of a page, cut from its markup before lxml reads it: a ``<template>``'s content and a
closed ``<dialog>``, each to its own end tag, as a browser's HTML parser takes them.

libxml2 knows neither element: it closes them with the paragraph they open in (``<p><template>三、…</p><table>…``
reads the table as the page's own), where a browser keeps the table inside them, unseen — a template's content runs
to its ``</template>`` whatever it holds, and a ``<dialog>`` closes an open paragraph before it begins (tested in
Chromium, session 59). The reader drops the elements it gets (``readers._HTML_DROP``); this cuts what libxml2 would
have left outside them. Comments and the text of raw-text elements (``<script>``, ``<style>``, ``<textarea>`` …) are
passed over as a browser's tokenizer passes over them: a ``<template>`` written in a script opens nothing. A
``<dialog open>`` is shown and stays; an end tag missing runs the cut to the page's end (a browser's content runs on).
One pass over the markup: a tag's attributes end at the next ``<`` (no search runs past it), so a page of
``<script<script…`` is read in linear time."""

from __future__ import annotations

import re

_RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext"
_TOKENS = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (to its end, or the page's)
    rf"|<(?P<raw>{_RAW_TEXT})(?=[\s/>])[^<>]*>.*?(?:</(?P=raw)\s*>|\Z)"  # a raw-text element: its text opens no tag
    r"|<(?P<end>/?)(?P<name>template|dialog)(?=[\s/>])(?P<attributes>[^<>]*)>",
    re.IGNORECASE | re.DOTALL)
_OPEN = re.compile(r"(?:^|\s)open(?:\s|=|/|$)", re.IGNORECASE)


def unshown_cut(markup: str) -> str:
    """``markup`` without its templates' content and its closed dialogs, each from its start tag to its matching end
    tag (nested ones counted), or to the end.

    >>> unshown_cut("<p>a<template>三</p><table><tr><td>5</td></tr></table></template>b")
    '<p>ab'
    >>> unshown_cut("<dialog open>shown</dialog><dialog>not<dialog>x</dialog>this</dialog>.")
    '<dialog open>shown</dialog>.'
    >>> unshown_cut("<script>var t = '<template>';</script>kept")
    "<script>var t = '<template>';</script>kept"
    """
    if "<" not in markup:
        return markup
    kept: list[str] = []
    at = 0  # (the markup before this is settled)
    name, depth, cut = "", 0, False  # the hidden element being cut (its name, its nesting); whether any was
    for token in _TOKENS.finditer(markup):
        if not token.group("name"):
            continue  # (a comment or a raw-text element: nothing in it opens or closes)
        tag, closing = token.group("name").lower(), bool(token.group("end"))
        if depth:
            if tag == name:
                depth += -1 if closing else 1
                if not depth:
                    at = token.end()
            continue
        if closing or (tag == "dialog" and _OPEN.search(token.group("attributes"))):
            continue
        kept.append(markup[at:token.start()])
        name, depth, cut = tag, 1, True
    if depth:
        at = len(markup)
    kept.append(markup[at:])
    return "".join(kept) if cut else markup
