"""Zip members taken compressed from the replaced package when their bytes did not change.

Deflating is most of what a zip costs (``write.zip_into``: the package's CSVs in ``xxgk-datapackage.zip``, the
workbook's sheets in ``xxgk.xlsx``), and after a rebuild most members hold the bytes they held: 1 % of the
reports re-published with a corrected sentence changes ``reports.csv`` and ``sections.csv``, not the tables of
numbers nor the wide tables. A member's compressed stream depends only on its bytes and on the deflater (zlib-ng's
version, ``ZIP_LEVEL``, the blocks of ``ZIP_BLOCK`` bytes it is given), so a member whose bytes this deflater
compressed before can take that stream again.

**What is trusted.** A *memo* in the parse cache's file (table ``deflated``, beside the render cache) records what
this xxgk's own deflater made: the key hashes ``FORMAT``, zlib-ng's version, the level, the block size, a probe
(``deflater_probe``: the SHA-256 of a fixed text as this process's deflater compresses it, so a deflater that
compresses otherwise — another build of the library, another CPU's code path — never finds the last one's entries)
and the SHA-256 of the member's bytes; the value is the SHA-256 and length of the compressed stream, recorded as the
stream was written, with a digest over key and value (a damaged entry is not used). The old zip is *not* trusted
(anyone may have written ``datapackage/``): its member is used only if its stream, read from the old file, hashes
to the recorded SHA-256 — the stream this deflater makes from these bytes. The CRC-32 and sizes are computed from
the member's bytes as they are written, as for any member. So the zip is the same bytes as one deflated afresh
(``tests/test_h41speed.py``); any doubt (no memo, no old zip, a member missing, moved or changed, a damaged entry, a
stream longer than ``MAX_STREAM``) and the member is deflated, and its stream recorded. The memo keeps only the
entries one build used or made (``Memo.close``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
import struct
import zipfile
from pathlib import Path

FORMAT = "xxgk-deflated-1"
TABLE = "deflated"
MAX_STREAM = 64 * 2**20  # a member's compressed stream read whole from the old zip at most (memory), else deflated
_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # a zip member's local header (APPNOTE 4.3.7), 30 bytes
_LOCAL_SIGNATURE = b"PK\x03\x04"


def deflater_probe() -> str:
    """The SHA-256 of a fixed text of 300 KB (numbers and CSV-like lines, repeats far and near) as ``zip_into``'s
    deflater compresses it, given ``ZIP_BLOCK`` bytes at a time: part of every memo key."""
    from zlib_ng import zlib_ng

    from .write import ZIP_BLOCK, ZIP_LEVEL

    text = "".join(f"r{i % 997},{i * 7919 % 10007},表{i % 3},{'是' if i % 5 else '否'},{i // 13}\n"
                   for i in range(20_000)).encode("utf-8")
    deflate = zlib_ng.compressobj(ZIP_LEVEL, zlib_ng.DEFLATED, -15)
    digest = hashlib.sha256()
    for start in range(0, len(text), ZIP_BLOCK):
        digest.update(deflate.compress(text[start:start + ZIP_BLOCK]))
    digest.update(deflate.flush())
    return digest.hexdigest()


def _deflater() -> str:
    from importlib import metadata

    from .write import ZIP_BLOCK, ZIP_LEVEL

    try:
        version = metadata.version("zlib-ng")
    except metadata.PackageNotFoundError:
        version = "absent"
    return f"{FORMAT}\0zlib-ng=={version}\0level {ZIP_LEVEL}\0block {ZIP_BLOCK}\0{deflater_probe()}"


class Memo:
    """The ``deflated`` table of the parse cache's file ``path`` (None, or a file that cannot take it: no memo;
    every lookup misses and nothing is recorded): ``key → (SHA-256, size)`` of what this xxgk made — a zip member's
    compressed stream (``stream``, ``record``), or a Parquet file (``parquet_reuse``: ``found``, ``put``)."""

    def __init__(self, path: Path | None):
        self.conn, self.kept, self.taken, self.deflated = None, set(), 0, 0
        self.deflater = ""
        if path is None or not Path(path).is_file():
            return
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60)
            self.conn.execute("PRAGMA synchronous = OFF")  # a cache, as the parse cache's own connection: no fsyncs
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, stream TEXT NOT NULL, "
                              "size INTEGER NOT NULL, digest TEXT NOT NULL)")
            self.deflater = _deflater()
        except (sqlite3.Error, OSError):
            self.close()

    def key(self, content_sha256: str) -> str:
        return hashlib.sha256(f"{self.deflater}\0{content_sha256}".encode()).hexdigest()

    def stream(self, content_sha256: str) -> tuple[str, int] | None:
        """``(SHA-256, length)`` of the stream this deflater made of bytes with ``content_sha256``, or None."""
        return self.found(self.key(content_sha256)) if self.conn is not None else None

    def record(self, content_sha256: str, stream_sha256: str, size: int) -> None:
        if self.conn is not None:
            self.put(self.key(content_sha256), stream_sha256, size)

    def found(self, key: str) -> tuple[str, int] | None:
        """``(SHA-256, size)`` recorded under ``key`` (a file this xxgk made), or None (none, or a damaged entry)."""
        if self.conn is None:
            return None
        try:
            found = self.conn.execute(f"SELECT stream, size, digest FROM {TABLE} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if found is None or type(found[0]) is not str or type(found[1]) is not int or \
                found[2] != _entry_digest(key, found[0], found[1]):
            return None
        self.kept.add(key)
        return found[0], found[1]

    def put(self, key: str, sha256: str, size: int) -> None:
        """Record that what ``key`` names was made as ``size`` bytes hashing to ``sha256``."""
        if self.conn is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?)",
                              (key, sha256, size, _entry_digest(key, sha256, size)))
            self.kept.add(key)

    def close(self) -> None:
        """Drop every entry this build neither used nor made, and close."""
        if self.conn is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("BEGIN")
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self.conn.executemany("INSERT OR IGNORE INTO keep VALUES (?)", [(k,) for k in self.kept])
            self.conn.execute(f"DELETE FROM {TABLE} WHERE key NOT IN (SELECT key FROM keep)")
            self.conn.execute("COMMIT")
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self.conn = None


def _entry_digest(key: str, stream: str, size: int) -> str:
    return hashlib.sha256(f"{FORMAT}\0{key}\0{stream}\0{size}".encode()).hexdigest()


class OldZip:
    """The zip a build replaces (``path``: the old package's zip or workbook; None or anything but a regular file:
    none), read only for a member's compressed stream that hashes to what the memo recorded."""

    def __init__(self, path: Path | None):
        self.handle, self.members = None, {}
        self.path_name = None if path is None else Path(path).name
        if path is None:
            return
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                return
            self.handle = os.fdopen(fd, "rb")
            with zipfile.ZipFile(self.handle) as archive:
                self.members = {info.filename: info.header_offset for info in archive.infolist()}
        except Exception:  # noqa: BLE001 - not a zip, a damaged one: no member taken from it
            self.close()

    def stream(self, name: str, sha256: str, size: int) -> bytes | None:
        """Member ``name``'s compressed stream if it is ``size`` bytes that hash to ``sha256``, else None."""
        offset = self.members.get(name)
        if self.handle is None or offset is None or size > MAX_STREAM:
            return None
        try:
            self.handle.seek(offset)
            local = self.handle.read(_LOCAL.size)
            if len(local) != _LOCAL.size:
                return None
            signature, *_, name_length, extra_length = _LOCAL.unpack(local)
            if signature != _LOCAL_SIGNATURE:
                return None
            self.handle.seek(name_length + extra_length, 1)
            data = self.handle.read(size)
        except (OSError, ValueError, struct.error):
            return None
        return data if len(data) == size and hashlib.sha256(data).hexdigest() == sha256 else None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.handle, self.members = None, {}


class Reuse:
    """What ``zip_into`` takes members from: a ``Memo`` (shared by a build's zips) and the zip being replaced."""

    def __init__(self, memo: Memo, old: Path | None):
        self.memo, self.old = memo, OldZip(old)

    @classmethod
    def of(cls, memo: Memo, previous: Path | None, name: str) -> Reuse | None:
        """The reuse of the replaced package ``previous``'s zip ``name`` (None: no memo, nothing to hash)."""
        if memo.conn is None:
            return None
        return cls(memo, None if previous is None else Path(previous) / name)

    def stream(self, name: str, content_sha256: str) -> bytes | None:
        """The compressed stream to write for member ``name`` whose bytes hash to ``content_sha256``, or None
        (deflate it)."""
        found = self.memo.stream(content_sha256)
        if found is None:
            return None
        data = self.old.stream(name, *found)
        if data is not None:
            self.memo.taken += 1
        return data

    def close(self) -> None:
        self.old.close()


class Replay:
    """A compressor for ``zipfile`` that ignores what it is given and ends with ``stream``: the member's bytes go
    through ``zipfile`` as usual (CRC-32 and size counted from them), its compressed bytes are ``stream``."""

    def __init__(self, stream: bytes):
        self.data = stream

    def compress(self, _data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        data, self.data = self.data, b""
        return data


class Hashing:
    """A compressor wrapped so that the SHA-256 and length of what it gives out are known when it is done."""

    def __init__(self, inner):
        self.inner, self.digest, self.size = inner, hashlib.sha256(), 0

    def compress(self, data: bytes) -> bytes:
        out = self.inner.compress(data)
        self.digest.update(out)
        self.size += len(out)
        return out

    def flush(self, *mode) -> bytes:
        out = self.inner.flush(*mode)
        self.digest.update(out)
        self.size += len(out)
        return out
