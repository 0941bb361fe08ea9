"""The two structures of a compact font program (CFF, Adobe Technical Note 5176) that the PDF readers look into: an
INDEX (a count, an offset size, count + 1 offsets, the items' bytes) and a DICT (operands, then their operator).

``pdf_shown`` reads a program's Top DICT for its kind (a standard encoding, a CID-keyed font's ROS) and
``pdf_outlines`` its charstrings, charset and font dictionaries; both through these. Why not the PDF library's own
reader: pdfminer.six's ``getdict`` reads an escaped operator's second byte (``12 30``, ROS; ``12 36``, FDArray — what a
CID-keyed font is read by) as an operand, and its ``CFFFont`` reads no CID-keyed font; fontTools, which reads CFF
whole, is not a dependency, and these readers look at a program's head only (``pdf_shown._head``). Every function here
reads bytes it is given, never past their end, and raises ``IndexError`` or ``ValueError`` on a structure that does not
fit them: a caller treats that as a font it cannot read.

>>> data = bytes([0, 2, 1, 1, 3, 6]) + b"ab" + b"cde"  # (two items; one-byte offsets, counted from 1)
>>> index_items(data, 0), index_end(data, 0) == len(data), index_slice(data, 0) == data
([b'ab', b'cde'], True, True)
>>> read_dict(bytes([139, 17, 250, 124, 12, 30, 28, 1, 0, 12, 36]))  # (0 charstrings; ROS 1000, 256 FDArray)
{17: [0], (12, 30): [1000], (12, 36): [256]}
"""

from __future__ import annotations


def index_end(data: bytes, at: int) -> int:
    """Where the INDEX at ``at`` ends: the offset of what follows it."""
    count = int.from_bytes(data[at:at + 2], "big")
    if not count:
        return at + 2
    size = data[at + 2]
    last = int.from_bytes(data[at + 3 + size * count:at + 3 + size * (count + 1)], "big")
    return at + 3 + size * (count + 1) + last - 1


def index_items(data: bytes, at: int) -> list[bytes]:
    """The items of the INDEX at ``at``."""
    count = int.from_bytes(data[at:at + 2], "big")
    if not count:
        return []
    size = data[at + 2]
    offsets = [int.from_bytes(data[at + 3 + size * k:at + 3 + size * (k + 1)], "big") for k in range(count + 1)]
    start = at + 3 + size * (count + 1) - 1
    return [data[start + offsets[k]:start + offsets[k + 1]] for k in range(count)]


def index_slice(data: bytes, at: int) -> bytes:
    """The bytes of the INDEX at ``at``, whole (what a glyph's drawing depends on, as one value)."""
    return data[at:index_end(data, at)]


def top_dict_index(data: bytes) -> int:
    """Where a program's Top DICT INDEX starts: after its header (whose third byte is the header's size) and its
    Name INDEX."""
    return index_end(data, data[2])


def read_dict(data: bytes) -> dict:
    """A DICT: ``{operator: operands}``, an escaped operator as ``(12, n)``; a real's value is not needed by any
    reader here and is given as 0.0."""
    found, operands, at = {}, [], 0
    while at < len(data):
        byte = data[at]
        if byte <= 21:
            key = (12, data[at + 1]) if byte == 12 else byte
            at += 2 if byte == 12 else 1
            found[key], operands = operands, []
        elif byte == 28 or byte == 29:
            size = 2 if byte == 28 else 4
            operands.append(int.from_bytes(data[at + 1:at + 1 + size], "big", signed=True))
            at += 1 + size
        elif byte == 30:  # a real: nibbles to the one that ends it
            at += 1
            while at < len(data) and 0xF not in (data[at] >> 4, data[at] & 0xF):
                at += 1
            at += 1
            operands.append(0.0)
        elif 32 <= byte <= 246:
            operands.append(byte - 139)
            at += 1
        elif 247 <= byte <= 254:
            sign = 1 if byte <= 250 else -1
            operands.append(sign * ((byte - (247 if sign > 0 else 251)) * 256 + data[at + 1] + 108))
            at += 2
        else:
            raise ValueError(f"CFF DICT byte {byte}")
    return found
