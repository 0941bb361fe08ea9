"""Full-text shards kept in the cache and taken again when their source pages did not change.

Pagefind cannot update an index, and a run costs ≈ 1.4 ms of CPU a source page (12–17 s at 10,000 reports). A shard
whose source pages, as Pagefind is given them, are byte for byte those of a shard indexed before gives the same
index (Pagefind's output is deterministic: tested), so it is taken from the cache instead of indexed again. A
rebuild after a change that leaves the report texts alone (a template, a rule, a metric, an emptied page cache, the
workflow run again with its cache restored) then skips Pagefind. Since session 32 the shards are cut where the
pages' names say (``fulltext.boundary``), so a report added or changed re-indexes its own shard only; a change to
the texts spread over every shard still re-indexes every shard.

After Pagefind indexed shard ``k``, its files are hard-linked (copied where links are impossible) into
``<cache_dir>/fulltext/<key>/``, with ``files.json`` listing every file's path, size and SHA-256. ``key`` is the
SHA-256 of this format, Pagefind's version, and the names and SHA-256 of the shard's pages as Pagefind is given them
(``fulltext_form.indexed_form``: without what it ignores, so a page whose tables 二–四 or citation alone changed keeps
its shard's key; the same bundle, since Pagefind's output is a function of that form) — not ``k``:
Pagefind's output does not depend on the folder it is written to (tested), and since the shards are cut by the
pages' names (``fulltext.boundary``) a shard keeps its pages when a shard is inserted before it and its number
moves. A shard is
taken only if every file the list names is in the folder with those bytes. The files are checked by hash and
linked into the site with ``previous.Previous``'s checks: a regular file, no symbolic link on the way, the
file read is the file linked (the checked bytes are copied where a link is impossible, as across file systems).
On any doubt, Pagefind runs. Like the other caches, this one is optional and holds
data (JSON and Pagefind's files, never code this build runs — but Pagefind's ``pagefind.js`` and WebAssembly are
among them, served to readers: the cache is trusted build state, see the README's "Parse cache"); a damaged
entry means the shard is indexed again. The entries of shards not in the build are removed after it. Linked, the
entries cost no disk beside the site they came from.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from ..folders import cache_folder_made_here, mark_cache_folder
from ..package.parse_cache import library_version
from ..previous import Previous
from .fulltext_form import indexed_form

FORMAT = "xxgk-fulltext-shard-6"  # -2: pages indexed in fulltext.indexed_form; -3: no UI files (fulltext.UNUSED_UI);
# -4: filters in one order (fulltext_order.py); -5: the key without the shard's number (cuts by the pages' names: a
# shard keeps its pages when one is inserted before it, and its number moves); -6: the key from the pages' indexed
# form, not their bytes (what Pagefind ignores changes no key), and no pagefind-worker.js
FOLDER = "fulltext"  # under the cache folder: <key>/ a shard
LIST = "files.json"  # in an entry: {"format", "key", "files": [[path, size, sha256], ...]}
MAX_LIST_BYTES = 64 * 2**20
MAX_FILES = 1_000_000
_KEY = re.compile(r"[0-9a-f]{64}")
_REL = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}){0,7}")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ShardReuse:
    """The full-text shards kept under ``cache_dir`` (None, or a cache folder or ``fulltext/`` that is a symbolic
    link: nothing taken, nothing kept, nothing made through the link)."""

    def __init__(self, cache_dir: Path | str | None):
        self.folder = None if cache_dir is None else Path(cache_dir) / FOLDER
        if self.folder is not None and (self.folder.parent.is_symlink() or self.folder.is_symlink()):
            self.folder = None
        self.used: set[str] = set()
        self.reused = 0

    def key(self, shard: str, pages: list[Path], forms: list[bytes] | None = None) -> str:
        """The key of a shard made of ``pages``: their names and the SHA-256 of each one's ``indexed_form`` (what
        Pagefind is given: ``forms`` when the caller made them already). ``shard``, its folder name ``k``, is not part
        of it: the same pages give the same bundle under any number."""
        digest = hashlib.sha256()
        for part in (FORMAT, f"pagefind=={library_version('pagefind')}",
                     f"pagefind-bin-extended=={library_version('pagefind_bin_extended')}"):
            digest.update(part.encode("utf-8") + b"\0")
        for page, staged in zip(pages, forms or (indexed_form(p.read_bytes()) for p in pages), strict=True):
            digest.update(page.name.encode("utf-8") + b"\0" + _sha256(staged).encode("ascii") + b"\0")
        key = digest.hexdigest()
        self.used.add(key)
        return key

    def restore(self, key: str, output: Path) -> bool:
        """The kept shard of ``key`` linked into ``output`` (which must not exist), if its every file is there
        with the bytes its list names; whether it was (``output`` is left absent if not)."""
        if self.folder is None:
            return False
        entry = self.folder / key
        files = _listed(entry, key)
        if files is None:
            return False
        source = Previous(entry, sole=False)
        try:
            for rel, size, digest in files:
                target = output.joinpath(*rel.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                checked: list[bytes] = []  # the file's bytes once they matched the list
                if source.link(target, rel, size, _matching(digest, checked)):
                    continue
                if not checked:
                    raise FileNotFoundError(rel)
                target.write_bytes(checked[0])  # checked but not linkable (another file system): copied
        except OSError:
            shutil.rmtree(output, ignore_errors=True)
            return False
        self.reused += 1
        return True

    def keep(self, key: str, output: Path) -> None:
        """Keep the shard Pagefind wrote into ``output`` under ``key`` (made beside, then renamed into place;
        a failure keeps nothing)."""
        if self.folder is None or self.folder.is_symlink():  # (made a link since: left alone)
            return
        work = self.folder / f".{key}.new-{os.getpid()}"
        try:
            shutil.rmtree(work, ignore_errors=True)
            files = []
            for path in sorted(p for p in output.rglob("*") if p.is_file() and not p.is_symlink()):
                rel = path.relative_to(output).as_posix()
                data = path.read_bytes()
                files.append([rel, len(data), _sha256(data)])
                target = work.joinpath(*rel.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, target)
                except OSError:
                    target.write_bytes(data)
            (work / LIST).write_text(json.dumps({"format": FORMAT, "key": key, "files": files},
                                                separators=(",", ":")), encoding="utf-8")
            mark_cache_folder(work)
            _remove(self.folder / key)
            os.replace(work, self.folder / key)
        except OSError:
            pass
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def prune(self) -> None:
        """Remove the kept shards not in this build (only real folders named as this module names them that carry
        the cache's marker, ``folders.CACHE_MARKER``), and unfinished ones (``.<key>.new-<pid>``, this module's);
        never a link or anything else."""
        if self.folder is None or not self.folder.is_dir() or self.folder.is_symlink():
            return
        for path in self.folder.iterdir():
            name = path.name
            unfinished = name.startswith(".") and ".new-" in name and _KEY.fullmatch(name[1:65] or "")
            if (_KEY.fullmatch(name) and name not in self.used and cache_folder_made_here(path)) or unfinished:
                _remove(path)


def _matching(digest: str, checked: list[bytes]) -> Callable[[bytes], bool]:
    """Whether a file's bytes have the SHA-256 ``digest``; the bytes that do are put in ``checked``."""
    def accept(data: bytes) -> bool:
        if _sha256(data) != digest:
            return False
        checked.append(data)
        return True
    return accept


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)


def _listed(entry: Path, key: str) -> list[tuple[str, int, str]] | None:
    """The files a kept shard's list names, or None (absent, unreadable, or not a list this module wrote)."""
    path = entry / LIST
    try:
        if entry.is_symlink() or not entry.is_dir() or path.is_symlink() or not path.is_file() \
                or path.stat().st_size > MAX_LIST_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"] if data.get("format") == FORMAT and data.get("key") == key else None
        if not isinstance(files, list) or not 0 < len(files) <= MAX_FILES:
            return None
        out = [(rel, size, digest) for rel, size, digest in files]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    for rel, size, digest in out:
        if not (isinstance(rel, str) and _REL.fullmatch(rel) and ".." not in rel.split("/") and rel != LIST
                and type(size) is int and size >= 0 and isinstance(digest, str) and _KEY.fullmatch(digest)):
            return None
    return out
