"""A Word file saved as "Strict Open XML" read as the ordinary (transitional) .docx it is otherwise.

Word's 另存为 offers "Strict Open XML 文档 (*.docx)": the same parts, the same elements, under other namespace names
(``http://purl.oclc.org/ooxml/wordprocessingml/main`` for ``w:``; the main document's relationship type under
``http://purl.oclc.org/ooxml/officeDocument/relationships``). python-docx knows only the transitional names: it
found no main document and the whole report was ``file_unreadable`` (``KeyError: "no relationship of type …
officeDocument"``) though Word and WPS open it. ``transitional`` renames each strict namespace of
``rules/ooxml_strict.csv`` to its transitional twin in the package's XML parts (and their relationship parts), byte
for byte, before python-docx opens it; nothing else changes. The caller has checked the package's unzipped size
against its budget: the rewritten package is at most a third bigger than that (no transitional name is a third longer
than its strict one) and is built in memory once.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache

from .catalog import table

STRICT_MARK = b"http://purl.oclc.org/ooxml/"


@cache
def _renames() -> tuple[tuple[bytes, bytes], ...]:
    # the longest strict name first: none is a prefix of another today, but a later row must not be cut by one
    rows = sorted(table("ooxml_strict"), key=lambda row: -len(row["strict"]))
    return tuple((row["strict"].encode(), row["transitional"].encode()) for row in rows)


def is_strict(archive: zipfile.ZipFile) -> bool:
    """Whether the package names its main document with a strict relationship type (``_rels/.rels``)."""
    try:
        return STRICT_MARK in archive.read("_rels/.rels")
    except KeyError:
        return False


def transitional(data: bytes) -> bytes:
    """``data`` (a .docx) with its strict namespaces renamed to the transitional ones; ``data`` itself when its
    ``_rels/.rels`` names none (an ordinary .docx: nothing is rewritten).

    >>> import io, zipfile
    >>> made = io.BytesIO()
    >>> with zipfile.ZipFile(made, "w") as z:
    ...     z.writestr("_rels/.rels", '<Relationship Type="http://purl.oclc.org/ooxml/officeDocument/relationships'
    ...                '/officeDocument" Target="word/document.xml"/>')
    ...     z.writestr("word/media/a.png", b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    >>> out = zipfile.ZipFile(io.BytesIO(transitional(made.getvalue())))
    >>> out.read("_rels/.rels").decode().split('"')[1]
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'
    >>> out.read("word/media/a.png")  # (not an XML part: left as it is)
    b'http://purl.oclc.org/ooxml/wordprocessingml/main'
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if not is_strict(archive):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as written:
            for member in archive.infolist():
                body = archive.read(member)
                if member.filename.lower().endswith((".xml", ".rels")) and STRICT_MARK in body:
                    for strict, ordinary in _renames():
                        body = body.replace(strict, ordinary)
                written.writestr(member.filename, body)
    return out.getvalue()
