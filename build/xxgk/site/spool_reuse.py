"""Report, agency and source pages taken whole from the last build's spool when their inputs did not change.

A rebuild after 1 % of the reports changed used to write every report and agency page's Markdown again (the
pages stage: ≈ 12 s of one core at 10,000 reports), only for the page cache (``page_cache.py``) to find
afterwards that 99 % of the spool lines were the ones it had. Now each of these pages states its *inputs*
first — everything from the package its Markdown is made of (``ReportPages.report_inputs``,
``AgencyPages.agency_inputs``: the report's rows as the CSVs hold them, its text, and what other reports lend
it: ranks, peer medians, the agency's other years) — and a page whose inputs digest is the one the last build
recorded for the same path is copied from the last build's spool, byte for byte, with the chart frames it named
(``chart_frames``), instead of being written again (``pages.Site.bulk_page``). A report's *source page*
(``src/<id>.html``: its text with line anchors and row spans) is a line of the spool's files (``bulk.FILES``), taken
the same way (``pages.Site.bulk_file``): its text was otherwise read and searched for row spans again on every build
(≈ 8 s of one core at 10,000 reports, nothing changed).

Kept in the cache folder (``<cache>/spool/<context>/``): ``pages.jsonl`` and ``files.jsonl``, hard links to the
last build's spools (copies across file systems), and ``index.json`` — for each page or file its path, inputs
digest, line offset, length and SHA-256 and the frames it named; each frame's text once. The context hashes
Python's version and every file of ``xxgk`` (modules, rules, the site's assets): changed code starts empty. The
same rules as the other caches: optional (a build without it writes the same bytes: tested), data only (JSON and
the spool's own lines, never code); a line whose SHA-256 is not the one recorded, a frame whose name is not its
text's hash, an unreadable index: the page is written again and stderr says so once. With ``XXGK_CHECK_REUSE=1``
(the test suite sets it) every page that could be copied is written again as well and the build fails if the two
differ: an input a page reads but does not state would show there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..folders import mark_cache_folder
from ..package.parse_cache import remove_other_contexts
from ..safe import terminal_text
from . import chart_frames

FORMAT = "xxgk-spool-reuse-2"
CHECK = "XXGK_CHECK_REUSE"  # environment: write every reusable page again and compare (tests)
SPOOLS = {"pages": "pages.jsonl", "files": "files.jsonl"}  # kind of line → the spool kept for it
INDEX = "index.json"
PACKAGE = Path(__file__).resolve().parents[1]  # build/xxgk
MAX_LINE_BYTES = 64 * 2**20  # a recorded line longer than this is not one this module kept


def inputs_digest(parts) -> str:
    """SHA-256 (hex) of a page's inputs: JSON (sorted keys) of plain data — mappings, lists, tuples, strings,
    numbers, None. Anything else raises ``TypeError`` (never an object's ``repr``, which may hold its address).

    >>> inputs_digest([{"b": 1, "a": None}]) == inputs_digest([{"a": None, "b": 1}])
    True
    """
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value) -> dict:
    if isinstance(value, Mapping):  # (``summaries.MetricRow``)
        return dict(value)
    raise TypeError(f"a page input must be plain data, not {type(value).__name__}")


def context_hash() -> str:
    """SHA-256 of what a page's Markdown depends on besides its inputs: Python's version and every file of
    ``xxgk`` — its modules (the site's, and the package's the pages call: report card, metrics), its rules and
    the site's assets. The Markdown reads neither the MkDocs config nor the theme (they are the page cache's)."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version_info.major}.{sys.version_info.minor}\0".encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def checking() -> bool:
    return os.environ.get(CHECK, "") not in ("", "0")


class SpoolReuse:
    """The last build's spool lines of one cache folder and context, and this build's, recorded for the next."""

    def __init__(self, folder: Path):
        self.folder = folder
        # kind ("pages", "files") → {src: [inputs digest, offset, length, sha256, frame names]}
        self.previous: dict[str, dict[str, list]] = {kind: {} for kind in SPOOLS}
        self.frames: dict[str, str] = {}  # the previous build's frames: name → text
        self.recorded: dict[str, dict[str, list]] = {kind: {} for kind in SPOOLS}  # this build's, as ``previous``
        self.hits = 0
        self._spools: dict = {}  # kind → the previous spool, open while lines are taken from it
        self._warned = False

    @classmethod
    def open(cls, cache_dir: str | Path | None) -> SpoolReuse | None:
        """The reusable lines in ``cache_dir`` for the current context (other contexts removed); None without
        a cache, or when ``spool/`` or the context's folder is a link (a restored cache pointing elsewhere)."""
        if cache_dir is None:
            return None
        root = Path(cache_dir) / "spool"
        context = context_hash()
        folder = root / context
        if root.is_symlink() or folder.is_symlink():
            print(terminal_text(f"xxgk: spool cache {root} is not a folder of its own; not used"), file=sys.stderr)
            return None
        remove_other_contexts(root, context)
        reuse = cls(folder)
        reuse._load()
        return reuse

    def _load(self) -> None:
        index, spools = self.folder / INDEX, {kind: self.folder / name for kind, name in SPOOLS.items()}
        if not index.exists() and not any(spool.exists() for spool in spools.values()):
            return
        try:
            if index.is_symlink() or not index.is_file() or any(
                    spool.is_symlink() or not spool.is_file() for spool in spools.values()):
                raise ValueError("not regular files")
            data = json.loads(index.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not an index this build wrote")
            frames = data.get("frames")
            if not isinstance(frames, dict) or not all(isinstance(data.get(kind), dict) for kind in SPOOLS):
                raise ValueError("malformed")
            self.previous = {kind: {src: entry for src, entry in data[kind].items() if _entry(entry)}
                             for kind in SPOOLS}
            self.frames = {name: text for name, text in frames.items()
                           if isinstance(text, str) and _frame_name(text) == name}
            for kind, spool in spools.items():
                self._spools[kind] = spool.open("rb")
        except (OSError, ValueError, UnicodeDecodeError) as error:
            self.close()
            self.previous, self.frames = {kind: {} for kind in SPOOLS}, {}
            self._warn(f"xxgk: spool cache {self.folder.name[:16]} unreadable ({error}); pages written again")

    def _warn(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            print(terminal_text(message), file=sys.stderr)

    def take(self, src: str, digest: str, kind: str = "pages") -> tuple[bytes, list[str]] | None:
        """``(line, frame names)`` the last build wrote for the page (or, ``kind`` "files", the file) ``src`` if
        its inputs digest was ``digest`` (the line checked against its SHA-256, every frame present), else None."""
        entry = self.previous[kind].get(src)
        spool = self._spools.get(kind)
        if entry is None or entry[0] != digest or spool is None:
            return None
        _, offset, length, sha, names = entry
        try:
            spool.seek(offset)
            line = spool.read(length)
        except OSError:
            line = b""
        if hashlib.sha256(line).hexdigest() != sha or any(name not in self.frames for name in names):
            self._warn(f"xxgk: spool cache line of {src} damaged; pages written again")
            return None
        self.hits += 1
        return line, names

    def frame(self, name: str) -> str:
        return self.frames[name]

    def note(self, src: str, digest: str, offset: int, line: bytes, names: list[str], kind: str = "pages") -> None:
        """This build wrote ``line`` for page (or ``kind`` "files": file) ``src`` at ``offset`` of its spool,
        naming frames ``names``."""
        self.recorded[kind][src] = [digest, offset, len(line), hashlib.sha256(line).hexdigest(), names]

    def keep(self, spools: dict[str, Path], frames: dict[str, str]) -> None:
        """Record this build's spools (``{kind: spool}``, closed and complete) and ``frames`` (every frame this
        build's pages named) for the next build: each spool linked (copied across file systems), the index
        written beside them, all by atomic renames. A cache that cannot be written (a file where its folder should be, a
        full disk) is said on stderr; the build goes on."""
        self.close()
        try:
            self._keep(spools, frames)
        except OSError as error:
            print(terminal_text(f"xxgk: spool cache not kept ({error}); the next build writes every page"),
                  file=sys.stderr)

    def _keep(self, spools: dict[str, Path], frames: dict[str, str]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        mark_cache_folder(self.folder)
        named = {name for entry in self.recorded["pages"].values() for name in entry[4]}
        index = {"format": FORMAT, **self.recorded,
                 "frames": {name: frames[name] for name in sorted(named) if name in frames}}
        (self.folder / INDEX).unlink(missing_ok=True)  # no index for spools it does not describe
        for kind, name in SPOOLS.items():
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".spool-")
            os.close(handle)
            os.unlink(temporary)
            try:
                os.link(spools[kind], temporary)
            except OSError:  # another file system: a copy
                shutil.copyfile(spools[kind], temporary)
            os.replace(temporary, self.folder / name)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".index-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(index, out, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        os.replace(temporary, self.folder / INDEX)

    def close(self) -> None:
        for spool in self._spools.values():
            spool.close()
        self._spools = {}


def _entry(entry) -> bool:
    """Whether an index entry has the shape :meth:`SpoolReuse.note` gives it."""
    return (isinstance(entry, list) and len(entry) == 5 and isinstance(entry[0], str)
            and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in entry[1:3])
            and entry[2] <= MAX_LINE_BYTES and isinstance(entry[3], str) and isinstance(entry[4], list)
            and all(isinstance(name, str) for name in entry[4]))


def _frame_name(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:chart_frames.NAME_DIGITS]
