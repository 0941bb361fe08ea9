"""Inline frames whose page is written in the page itself (``<iframe srcdoc="…">``), read where they stand.

A CMS that pastes a report's tables as a separate page may embed it in the article as ``<iframe srcdoc="<table>…">``:
the frame's whole page is the attribute's text (escaped), nothing is fetched, and a browser shows it in the frame's
place. Frames were dropped with the page's other embedded content, and the table in one was lost
(``table_absent``: 未找到表3的数据) though every reader of the page saw it. ``frames_inlined`` puts each such frame's
body in its place, as a ``<div>`` carrying the frame's ``style`` and ``hidden`` (a hidden frame stays hidden), its
page's ``<style>`` sheets too. A frame with no ``srcdoc`` (``src`` only: another page, on another host perhaps)
is never fetched and stays dropped, as before; so does one nested more than ``MAX_FRAME_DEPTH`` frames deep.
Each frame's page is parsed by the caller's ``parse`` (the same budget checks as a page's), once.
"""

from __future__ import annotations

from collections.abc import Callable

MAX_FRAME_DEPTH = 3  # frames inside frames read (a report's table in a frame of an article: one)
_KEPT = ("style", "hidden")  # a frame's attributes its content keeps: whether and how it shows


def frames_inlined(root, parse: Callable[[str], object]) -> None:
    """Replace each ``<iframe srcdoc>`` under ``root`` (lxml's) by its page's body, as a ``<div>``; ``parse(text)``
    gives a page's root element, or None when it has none.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div><p>甲</p><iframe srcdoc="&lt;p&gt;乙&lt;/p&gt;" src="x.html"></iframe>'
    ...                             '丙</div>')
    >>> frames_inlined(page, lambda text: lxml.html.document_fromstring(text))
    >>> lxml.html.tostring(page, encoding="unicode")
    '<div><p>甲</p><div><p>乙</p></div>丙</div>'
    """
    for _ in range(MAX_FRAME_DEPTH):
        frames = root.xpath("//iframe[@srcdoc]")
        if not frames:
            return
        for frame in frames:
            parent = frame.getparent()
            if parent is None:
                continue
            box = frame.makeelement("div", {key: frame.get(key) for key in _KEPT if frame.get(key) is not None})
            page = parse(frame.get("srcdoc") or "")
            body = page.find("body") if page is not None else None
            if page is not None:
                box.extend(page.xpath("//head/style"))
            if body is not None:
                box.text = body.text
                box.extend(list(body))
            box.tail = frame.tail
            parent.replace(frame, box)
