"""Where a Word 97-2003 document's text boxes are anchored and where their text is, as [MS-DOC] lays them out, for
``word97`` to read each box's lines before its anchor's paragraph, as the .docx reader reads a ``w:txbxContent``
(a cover's title in a text box gives the report its agency and year; before, the .doc reader dropped it).

A shape drawn on the main document is anchored at a character (0x08) whose CP PlcSpaMom gives, with the shape's
identifier (the SPA's ``lid``); the text boxes' text is a story of its own after the main text, the footnotes, the
headers, the comments and the endnotes (``ccpTxbx`` characters), which PlcftxbxTxt cuts into one range a box, each
naming the shape it is in (the FTXBXS's ``lid``; a reusable entry, ``fReusable``, is a free slot, no box's). So
a shape's box is found by its identifier, with no walk of the drawing (OfficeArt). A box is read once, at its
first anchor. The headers' shapes and boxes are laid out alike (PlcSpaHdr, its CPs the header stories'; the
headers' textbox story after the main one's, PlcfHdrtxbxTxt, ccpHdrTxbx). Every loop is bounded by the table
stream's size; a PLC that does not fit its size reads as no box.
"""

from __future__ import annotations

import struct

SPA, FTXBXS = 26, 22  # the sizes of a PlcSpaMom's and a PlcftxbxTxt's data


def box_ranges(table: bytes, spa: tuple[int, int], txbx: tuple[int, int], ccp_txbx: int) -> list[tuple[int, int, int]]:
    """``(anchor's CP in the main document, the box's first CP in the textbox story, its end)`` for each shape of
    PlcSpaMom (``spa``: its fc and lcb in ``table``) holding a text box of PlcftxbxTxt (``txbx``), in the order of
    the anchors; a box's range within the story's ``ccp_txbx`` characters, not empty."""
    shapes, boxes = _plc(table, *spa, SPA), _plc(table, *txbx, FTXBXS)
    if not shapes or not boxes:
        return []
    (anchors, shape_data), (starts, box_data) = shapes, boxes
    ranges: dict[int, tuple[int, int]] = {}
    for k, data in enumerate(box_data):
        reusable, = struct.unpack_from("<h", data, 8)
        lid, = struct.unpack_from("<i", data, 14)
        if not reusable and 0 <= starts[k] < starts[k + 1] <= ccp_txbx:
            ranges.setdefault(lid, (starts[k], starts[k + 1]))
    found = []
    for k, data in enumerate(shape_data):
        lid, = struct.unpack_from("<i", data)
        if lid in ranges:
            found.append((anchors[k], *ranges.pop(lid)))
    return found


def _plc(table: bytes, fc: int, lcb: int, size: int) -> tuple[list[int], list[bytes]] | None:
    """A PLC of ``table``: its n + 1 CPs and its n data of ``size`` bytes; None when ``lcb`` is no such size, runs
    past the stream, or its CPs do not ascend."""
    if lcb < 4 + 4 + size or (lcb - 4) % (4 + size) or fc + lcb > len(table):
        return None
    count = (lcb - 4) // (4 + size)
    cps = list(struct.unpack_from(f"<{count + 1}i", table, fc))
    if cps != sorted(cps):
        return None  # (a PLC's CPs ascend: boxes of CPs going back would overlap, one text read many times)
    at = fc + 4 * (count + 1)
    return cps, [table[at + size * k:at + size * (k + 1)] for k in range(count)]
