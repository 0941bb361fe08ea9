"""A page's ``<style>`` sheets, as far as they lay a table out: their box declarations copied onto the elements.

``css_rows`` reads a row of cells laid out by CSS from the elements' ``style`` attributes. Most pages that lay a
table out in boxes do it with classes in a sheet, not inline (``.tr{display:table-row}
.td{display:table-cell}``, ``.row{display:flex}``, ``.row{display:grid;grid-template-columns:repeat(8,1fr)}``):
read without them, each row's cells ran together or stood one a line, and a row with a blank cell was lost whole
(``row_lost_cells``: 一、本年新收… 6 1 _ 0 1 0 8 printed, nothing published). ``sheet_applied`` copies the
declarations of ``LAYOUT`` (how a box is laid out, never whether it shows: ``display:none`` is not copied, what a
sheet hides is read as before) from each rule whose selector's last compound is a tag and/or classes (``td``,
``.td``, ``div.cell``; ``.tbl .td`` is taken as ``.td``) onto the matching elements' ``style``, before their own
(an inline declaration comes later and wins, as it does in a browser). Rules inside at-rules (``@media print``,
``@supports``) are skipped: which of them applies is not known. Selectors with ids, attributes or pseudo-classes
are skipped too. Specificity is not weighed: of two rules for one element the later one wins.

Bounded: sheets are read up to ``MAX_SHEET_CHARS`` characters, in one linear pass, ``MAX_RULES`` rules kept, at most
``MAX_CHECKS`` selectors tried against elements and ``MAX_WRITTEN`` characters of declarations written onto them (past
either, the rest of the page is read as without a sheet, and the reader says so: ``style_sheet_bounded``). Each element
is given every declaration of its rules, so without the last bound a page gave each element the sheet again: a
declaration of 900 KB copied onto 1,000 elements of its class (a 913 KB page) took 33 CPU s and 893 MB, a rule repeated
2,000 times onto 20,000 elements (714 KB) 25 s, and a page of some MB a worker's whole budget.
"""

from __future__ import annotations

import re

MAX_SHEET_CHARS = 1_000_000
MAX_RULES = 2_000
MAX_CHECKS = 2_000_000  # selectors tried against elements, a page: past it the rest is read without the sheet
MAX_WRITTEN = 2_000_000  # characters of declarations written onto a page's elements (a report's table: some KB)
LAYOUT = frozenset({"display", "float", "grid-template-columns", "flex-direction", "flex-wrap"})
_COMPOUND = re.compile(r"(?P<tag>[A-Za-z][A-Za-z0-9]*)?(?P<classes>(?:\.[A-Za-z_][\w-]*)*)")
_HIDING = re.compile(r"\A\s*(?:none|contents)\b", re.IGNORECASE)


def _comments_removed(text: str) -> str:
    parts, at = [], 0
    while (start := text.find("/*", at)) >= 0:
        parts.append(text[at:start])
        end = text.find("*/", start + 2)
        at = len(text) if end < 0 else end + 2
    parts.append(text[at:])
    return "".join(parts)


def rules(sheet: str) -> list[tuple[str | None, frozenset[str], str]]:
    """``(tag or None, classes, declarations)`` of a sheet's rules that lay boxes out, in order.

    >>> rules(".tbl .tr{display:table-row} @media print{.td{display:block}} div.td , #x{ display : table-cell ;"
    ...       " color:red } .hide{display:none} a:hover{display:block}")
    [(None, frozenset({'tr'}), 'display:table-row'), ('div', frozenset({'td'}), 'display:table-cell')]
    """
    text = _comments_removed(sheet[:MAX_SHEET_CHARS])
    out: list[tuple[str | None, frozenset[str], str]] = []
    at = 0
    while at < len(text) and len(out) < MAX_RULES:
        open_ = text.find("{", at)
        if open_ < 0:
            break
        prelude = text[at:open_].strip()
        if prelude.startswith("@") or ";" in prelude:  # an at-rule's block (or @import …; before a rule): skipped
            if ";" in prelude and not prelude.rsplit(";", 1)[-1].strip().startswith("@"):
                prelude = prelude.rsplit(";", 1)[-1].strip()
            else:
                at = _block_end(text, open_)
                continue
        close = text.find("}", open_)
        close = len(text) if close < 0 else close
        declarations = ";".join(
            f"{name.strip().lower()}:{value.strip()}" for name, _, value in
            (item.partition(":") for item in text[open_ + 1:close].split(";"))
            if name.strip().lower() in LAYOUT and value.strip() and not (
                name.strip().lower() == "display" and _HIDING.match(value)))
        at = close + 1
        if not declarations:
            continue
        for selector in prelude.split(","):
            last = re.split(r"[\s>+~]+", selector.strip())[-1]
            match = _COMPOUND.fullmatch(last)
            if last and match is not None and (match["tag"] or match["classes"]):
                classes = frozenset(name for name in match["classes"].split(".") if name)
                out.append(((match["tag"] or "").lower() or None, classes, declarations))
    return out


def _block_end(text: str, open_: int) -> int:
    """The index after the ``}`` closing the block opened at ``open_`` (nested blocks counted), or the text's end."""
    depth = 0
    for index in range(open_, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def sheet_applied(root) -> bool:
    """Copy the layout declarations of the ``<style>`` sheets under ``root`` (lxml's) onto the elements they select;
    False when a bound (``MAX_CHECKS``, ``MAX_WRITTEN``) stopped it part of the way (the rest of the page is read as
    without a sheet: the reader says so, ``style_sheet_bounded``), else True.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div><style>.td{display:table-cell}</style>'
    ...                             '<span class="td" style="color:red">3</span><span class="x td">4</span></div>')
    >>> [cell.get("style") for cell in page.iter("span")]
    ['color:red', None]
    >>> sheet_applied(page)
    True
    >>> [cell.get("style") for cell in page.iter("span")]
    ['display:table-cell;color:red', 'display:table-cell']
    """
    sheet, size = [], 0
    for style in root.iter("style"):
        text = style.text or ""
        sheet.append(text[:MAX_SHEET_CHARS - size])
        size += len(sheet[-1])
        if size >= MAX_SHEET_CHARS:
            break
    found: dict[tuple[str | None, frozenset[str]], str] = {}  # one entry a selector: a page's sheets repeat them
    for tag, classes, declarations in rules("\n".join(sheet)) if sheet else ():
        found[(tag, classes)] = f"{found[(tag, classes)]};{declarations}" if (tag, classes) in found else declarations
    if not found:
        return True
    keys = list(found)
    by_class: dict[str, list[int]] = {}
    by_tag: dict[str, list[int]] = {}
    for index, (tag, classes) in enumerate(keys):
        if classes:
            by_class.setdefault(min(classes), []).append(index)
        else:
            by_tag.setdefault(tag or "", []).append(index)
    checks, written = MAX_CHECKS, MAX_WRITTEN
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        names = frozenset((element.get("class") or "").split())
        candidates = list(by_tag.get(element.tag, ()))
        for name in names:
            candidates += by_class.get(name, ())
        checks -= len(candidates) + len(names)
        if checks < 0:  # (past it the rest of the page is read as before: as without the sheet)
            return False
        chosen = [found[keys[i]] for i in sorted(set(candidates))
                  if keys[i][0] in (None, element.tag) and keys[i][1] <= names]
        if chosen:
            own = element.get("style")
            written -= sum(map(len, chosen)) + len(chosen)
            if written < 0:  # (past it the rest of the page is read as before, as without the sheet)
                return False
            element.set("style", ";".join([*chosen, own] if own else chosen))
    return True
