"""Full-text shards carried over from the site being replaced when their source pages did not change.

Pagefind cannot update an index, and a run costs ≈ 1.4 ms of CPU a source page (12–17 s at 10,000 reports). A
shard whose source pages are, byte for byte, those of a shard indexed before gives the same index (Pagefind's
output is deterministic: tested), so it is taken from the old site instead of indexed again. A rebuild after a
change that leaves the report texts alone (a template, a rule, a metric, an emptied page cache, the workflow run
again) then skips Pagefind; a change to the texts spread over every shard still re-indexes every shard.

After Pagefind indexed shard ``k``, ``<cache_dir>/fulltext/<key>.json`` records its output: every file's path,
size and SHA-256. ``key`` is the SHA-256 of this format, Pagefind's version, ``k``, and the names and SHA-256 of
the shard's pages. A shard is reused only if its record exists and every file it names is in the old site's
``pagefind/<k>/`` with those bytes: checked by hash and linked with ``previous.Previous``'s checks. On any doubt,
Pagefind runs. Like the other caches, records are optional, they are data (JSON, never code), and a damaged one
means the shard is indexed again. The records of shards not in the build are removed after it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from ..package.parse_cache import library_version
from .previous import Previous

FORMAT = "xxgk-fulltext-shard-1"
FOLDER = "fulltext"  # under the cache folder
OUTPUT = "pagefind"  # fulltext.OUTPUT: the old site's shards are pagefind/<k>/
MAX_RECORD_BYTES = 64 * 2**20
MAX_FILES = 1_000_000
_KEY = re.compile(r"[0-9a-f]{64}")
_REL = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}){0,7}")
_DIGEST = re.compile(r"[0-9a-f]{64}")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ShardReuse:
    """Reusing the shards of the site at ``previous`` recorded in ``cache_dir`` (either None: nothing reused,
    nothing recorded)."""

    def __init__(self, previous: Path | None, cache_dir: Path | str | None):
        self.previous = Previous(previous)
        self.folder = None if cache_dir is None else Path(cache_dir) / FOLDER
        self.used: set[str] = set()
        self.reused = 0

    def key(self, shard: str, pages: list[Path]) -> str:
        """The key of shard ``shard`` (its folder name, ``k``) made of ``pages``."""
        digest = hashlib.sha256()
        for part in (FORMAT, f"pagefind=={library_version('pagefind')}",
                     f"pagefind-bin-extended=={library_version('pagefind_bin_extended')}", shard):
            digest.update(part.encode("utf-8") + b"\0")
        for page in pages:
            digest.update(page.name.encode("utf-8") + b"\0" + _sha256(page.read_bytes()).encode("ascii") + b"\0")
        key = digest.hexdigest()
        self.used.add(key)
        return key

    def restore(self, key: str, output: Path) -> bool:
        """Link the old site's ``pagefind/<output.name>/`` into ``output`` (which must not exist) if the record
        of ``key`` vouches for every file of it; whether it did (``output`` is left absent if not)."""
        if self.folder is None or self.previous.root is None:
            return False
        files = self._record(key)
        if files is None:
            return False
        try:
            for rel, size, digest in files:
                target = output.joinpath(*rel.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                if not self.previous.link(target, f"{OUTPUT}/{output.name}/{rel}", size,
                                          lambda data, digest=digest: _sha256(data) == digest):
                    raise FileNotFoundError(rel)
        except OSError:
            shutil.rmtree(output, ignore_errors=True)
            return False
        self.reused += 1
        return True

    def _record(self, key: str) -> list[tuple[str, int, str]] | None:
        """The files the record of ``key`` lists, or None (absent, unreadable or not one this module wrote)."""
        path = self.folder / f"{key}.json"
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_RECORD_BYTES:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
            files = data["files"] if data.get("format") == FORMAT and data.get("key") == key else None
            if not isinstance(files, list) or not 0 < len(files) <= MAX_FILES:
                return None
            out = [(rel, size, digest) for rel, size, digest in files]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        for rel, size, digest in out:
            if not (isinstance(rel, str) and _REL.fullmatch(rel) and ".." not in rel.split("/")
                    and type(size) is int and 0 <= size and isinstance(digest, str) and _DIGEST.fullmatch(digest)):
                return None
        return out

    def record(self, key: str, output: Path) -> None:
        """Record the shard Pagefind wrote into ``output`` under ``key`` (atomically; a failure records nothing)."""
        if self.folder is None:
            return
        files = []
        for path in sorted(p for p in output.rglob("*") if p.is_file()):
            data = path.read_bytes()
            files.append([path.relative_to(output).as_posix(), len(data), _sha256(data)])
        text = json.dumps({"format": FORMAT, "key": key, "files": files}, separators=(",", ":"))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".record-")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the records of shards not in this build (only files named like a record; never a link)."""
        if self.folder is None or not self.folder.is_dir() or self.folder.is_symlink():
            return
        for path in self.folder.iterdir():
            name = path.name
            stale = name.endswith(".json") and _KEY.fullmatch(name[:-5]) and name[:-5] not in self.used
            if (stale or name.startswith(".record-")) and path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
