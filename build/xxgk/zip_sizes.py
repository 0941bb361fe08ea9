"""A zip's members hold no more than their entries say, checked before anything inflates one whole.

``zipfile`` reads a member whole (``ZipFile.read``, which python-docx and the .docx checks call) by inflating all its
packed data in one call of up to 1 GB, then keeping the first ``file_size`` bytes its entry declares: a .docx whose
``word/document.xml`` said 1 KB (its local header and its directory entry alike) and held 1 GB of spaces, a 1 MB file,
took a worker 2.1 GB before ``zipfile`` found the checksum wrong (session 41, ``benchmarks/hostile_memory.py``) — the
unzipped budget, counted from the declared sizes, never saw it. A bzip2 or LZMA member is worse: ``zipfile`` gives
those decompressors no bound at all, and bzip2 packs 100 MB of one byte into about 100 bytes (an OpenDocument's
``mimetype`` of 2 GB in a 1 KB zip ran a worker out of memory while the file's kind was looked up).

``check`` inflates each Flate member in steps of ``STEP`` bytes and stops as soon as it holds more than its entry
declares; a member packed another way than Flate or not at all is refused unread (the Open Packaging Conventions,
ECMA-376 part 2, allow only those two, and Word opens no other). ``packed_plainly`` says whether a member may be read
at all (``readers.zip_kind`` reads 100 bytes of an OpenDocument's ``mimetype``).

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as made:
...     made.writestr("word/document.xml", " " * 5000)
>>> data = bytearray(buffer.getvalue())
>>> check(zipfile.ZipFile(io.BytesIO(bytes(data))), bytes(data)) is None
True
>>> size_at = data.rindex(b"PK\\x01\\x02") + 24  # (the directory entry's size: 100 bytes)
>>> data[size_at:size_at + 4] = (100).to_bytes(4, "little")
>>> check(zipfile.ZipFile(io.BytesIO(bytes(data))), bytes(data))
'部件 word/document.xml 解压后超过其声明的 100 字节'
"""

from __future__ import annotations

import struct
import zipfile
import zlib

STEP = 2**20  # bytes inflated at a time (and packed bytes fed at a time)
PLAIN = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # the methods the Open Packaging Conventions allow
_LOCAL_HEADER = b"PK\x03\x04"
_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA"}


def packed_plainly(member: zipfile.ZipInfo) -> bool:
    """Whether ``member`` is stored or packed by Flate (what ``zipfile`` inflates within a bound)."""
    return member.compress_type in PLAIN


def check(archive: zipfile.ZipFile, data: bytes) -> str | None:
    """Why ``archive`` (read from ``data``) cannot be read within its declared sizes, in Chinese; None when every
    member is stored or Flate and none inflates past its declared size. A member whose packed data cannot be found
    or inflated is left to ``zipfile``, which refuses it when it is read."""
    for member in archive.infolist():
        name = member.filename[:100]
        if not packed_plainly(member):
            method = _METHOD_NAMES.get(member.compress_type, f"第 {member.compress_type} 种方法")
            return f"部件 {name} 用 {method} 压缩（Open XML 只允许 Deflate 或不压缩，Word 也不打开这样的文件）"
        if member.compress_type == zipfile.ZIP_DEFLATED and not member.flag_bits & 1:  # (1: encrypted)
            packed = _packed(member, data)
            if packed is not None and _inflates_past(packed, member.file_size):
                return f"部件 {name} 解压后超过其声明的 {member.file_size} 字节"
    return None


def _packed(member: zipfile.ZipInfo, data: bytes) -> memoryview | None:
    """The packed bytes of ``member`` (after its local header), or None where no local header stands."""
    at = member.header_offset
    if at < 0 or at + 30 > len(data) or data[at:at + 4] != _LOCAL_HEADER:
        return None
    names, extra = struct.unpack_from("<HH", data, at + 26)
    start = at + 30 + names + extra
    return memoryview(data)[start:start + member.compress_size]


def _inflates_past(packed: memoryview, declared: int) -> bool:
    """Whether raw Flate ``packed`` inflates to more than ``declared`` bytes, holding at most ``STEP`` at a time.

    >>> _inflates_past(memoryview(zlib.compress(b"a" * 10)[2:-4]), 10), _inflates_past(
    ...     memoryview(zlib.compress(b"a" * 11)[2:-4]), 10)
    (False, True)
    """
    inflater, count = zlib.decompressobj(-15), 0
    try:
        for at in range(0, len(packed), STEP):
            pending = packed[at:at + STEP]
            while pending and not inflater.eof:
                count += len(inflater.decompress(pending, STEP))
                if count > declared:
                    return True
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:  # (damaged data: zipfile says so when the member is read)
        return False
    return False
