"""A package file's ``.gz`` download made from its copy in the package's zip instead of compressing it again.

The site publishes every large CSV of the package as ``<name>.gz`` (``downloads.gzip_file``: zlib-ng, level 5, raw
deflate with a 15-bit window, memory level 8, the default strategy, no name, modification time 0), and the package's
own zip (``xxgk-datapackage.zip``, ``package/write.zip_into``) deflates the same files with the same library and the
same settings. A gzip file (RFC 1952) is a 10-byte header that here never changes, the raw deflate stream, then the
data's CRC-32 and size; a zip member holds that same stream. So the ``.gz`` is the fixed header, the member's
compressed bytes and its CRC-32 and size: the same bytes ``gzip_file`` writes (tested on the seeds, the shared
corpus and synthetic packages), without deflating ≈ 45 MB at 2,000 reports again on every build (the pages
stage's largest single cost in a rebuild after 1 % of the reports changed).

Nothing in the zip is trusted: the member is used only if it is deflated, unencrypted, of the file's size, and its
stream inflates to exactly the file's bytes (read block by block beside it) and ends there; anything else — no zip,
a member missing, stored or damaged, a zip that is a symbolic link — and the file is compressed as before. A zip
whose member was deflated by other means (another library or level: not one this xxgk wrote) still gives a valid
``.gz`` of the file, the same for the same package, but not ``gzip_file``'s bytes.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

BLOCK = 1 << 20  # bytes read at a time, from the zip and from the file
_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # a zip member's local header (APPNOTE 4.3.7), 30 bytes
_LOCAL_SIGNATURE = b"PK\x03\x04"


def deflated_members(archive: Path) -> dict[str, zipfile.ZipInfo]:
    """``{member name: its ZipInfo}`` of the deflated, unencrypted members of the zip ``archive``; empty when it is
    not a regular file (a symbolic link is never followed) or not a zip."""
    archive = Path(archive)
    if archive.is_symlink() or not archive.is_file():
        return {}
    try:
        with zipfile.ZipFile(archive) as opened:
            infos = opened.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return {}
    return {info.filename: info for info in infos
            if info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x1}


def gzip_header(level: int) -> bytes:
    """The 10 bytes ``gzip_ng`` begins a gzip file with at ``level`` (no name, modification time 0): taken from
    the library itself, so this module never guesses a byte of it."""
    import io

    from zlib_ng import gzip_ng

    raw = io.BytesIO()
    with gzip_ng.GzipFile(filename="", mode="wb", compresslevel=level, fileobj=raw, mtime=0):
        pass
    return raw.getvalue()[:10]


def gzip_from_member(archive: Path, info: zipfile.ZipInfo, source: Path, target: Path, header: bytes) -> bool:
    """Write ``target`` as ``header``, the compressed bytes of ``info`` (a member of ``archive``) and the gzip
    trailer, if that stream inflates to exactly the bytes of ``source``; whether it was written (if not, ``target``
    — a file this build makes — is left absent)."""
    try:
        if info.file_size != source.stat().st_size:
            return False
        with open(archive, "rb") as zipped, open(source, "rb") as plain, open(target, "wb") as out:
            zipped.seek(info.header_offset)
            local = zipped.read(_LOCAL.size)
            if len(local) != _LOCAL.size:
                raise ValueError("truncated")
            signature, _, flags, method, *_, name_length, extra_length = _LOCAL.unpack(local)
            if signature != _LOCAL_SIGNATURE or method != zipfile.ZIP_DEFLATED or flags & 0x1:
                raise ValueError("not a deflated member")
            zipped.seek(name_length + extra_length, 1)
            if not _copy_checked(zipped, info, plain, out, header):
                raise ValueError("the member is not the file")
            out.write(struct.pack("<II", info.CRC & 0xFFFFFFFF, info.file_size & 0xFFFFFFFF))
        return True
    except (OSError, ValueError, zlib.error, struct.error):
        target.unlink(missing_ok=True)
        return False


def _copy_checked(zipped, info: zipfile.ZipInfo, plain, out, header: bytes) -> bool:
    """Copy the member's compressed bytes from ``zipped`` (at their start) to ``out`` after ``header``, inflating
    them beside the file ``plain`` (never more than ``BLOCK`` bytes at a time, whatever the stream claims): whether
    they inflate to exactly its bytes, with the member's CRC-32, and the stream ends with them."""
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    out.write(header)
    crc, left = 0, info.compress_size
    while left:
        block = zipped.read(min(BLOCK, left))
        if not block:
            return False
        left -= len(block)
        out.write(block)
        pending = block
        while True:  # (output held back at the limit comes with the next call, even with no input left)
            data = inflate.decompress(pending, BLOCK)
            pending = inflate.unconsumed_tail
            if plain.read(len(data)) != data:
                return False
            crc = zlib.crc32(data, crc)
            if not pending and len(data) < BLOCK:
                break
    return (inflate.eof and not inflate.unused_data and not inflate.flush() and plain.read(1) == b""
            and crc == info.CRC)
