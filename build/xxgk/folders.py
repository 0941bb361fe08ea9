"""The folders the tool reads and replaces: what it refuses, the lock, and the atomic swap.

* ``--reports`` must be an existing folder;
* an output folder (package, site, site sources) is replaced only if it is new, empty or was made
  by xxgk (the ``.xxgk-output`` marker, or the files an older xxgk wrote), and is never the reports
  folder, inside it, or a parent of it, nor inside or around another output of the same build: a typo
  cannot wipe a folder of someone's files; a marked folder is refused too when it holds anything its marker does
  not list as written by the build (``seal``, ``added_entry``): a file put into an output is never deleted;
* a lock on the folder that holds it makes a second concurrent build there refuse at once;
* a new folder is written beside the old one (``.NAME.new-PID``) and swapped in with two renames, refused if the
  old one now holds anything xxgk did not write (``swap_in``: a file put there during the build);
  a build killed between them leaves ``.NAME.old-PID``, which the next build restores or removes (only a PID:
  ``.NAME.old-backup`` is a user's).
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".xxgk-output"
MARKER_TEXT = "This folder was written by xxgk and is replaced on every build.\n"
# the marker then lists what the build wrote at the folder's top, a name a line: anything else found there (a .git a
# user made for publishing the site, a CNAME, notes) makes the next build refuse the folder rather than delete it.
# A marker without the list (an older xxgk's, or a build cut short) lists nothing and is taken as before
WRITTEN = "It holds what xxgk wrote, one name a line below; anything else here stops the next build:\n"
_HELD: set[Path] = set()  # locks this process holds (flock is per open file, not per process)


class Refused(Exception):
    """A request the tool will not carry out; the message is one line for the user."""


def check_reports(reports: Path) -> Path:
    """``reports`` resolved, if it is an existing folder."""
    if not reports.exists():
        raise Refused(f"--reports {reports}: no such folder")
    if not reports.is_dir():
        raise Refused(f"--reports {reports}: not a folder")
    return reports.resolve()


# every name an xxgk package or site holds at its top (besides the marker): a folder without the marker counts as an
# older xxgk's output only if it holds nothing else. Before, a data repository that merely held a datapackage.json
# named xxgk (beside its .git/ and notes) counted, and --out there deleted all of it
OUTPUT_NAMES = frozenset({
    ".gitkeep", "CHANGELOG.md", "data", "datapackage.json", "metadata.json", "parquet", "sources", "wide",
    "xxgk-datapackage.zip", "xxgk.db", "xxgk.xlsx",  # the package
    "404.html", "a", "about", "agencies", "assets", "checks", "compare", "downloads", "fulltext", "index.html",
    "index.md", "json", "pagefind", "quality", "r", "report-card", "robots.txt", "search", "src",  # the site
})
# what a file manager or git puts into any folder it shows or keeps: no one's content, replaced with the folder as
# before. The marker's list refused them (review 25b): opening site/ in Finder (.DS_Store) stopped the next build
LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"})
# an office suite's lock of a file it has open (LibreOffice's .~lock.xxgk.xlsx#, Excel's ~$xxgk.xlsx): the editor's,
# not content; the editor keeps its copy. Before, xxgk.xlsx open in LibreOffice while a build ran refused the swap at
# the very end, the new package thrown away (swap_in)
_EDITOR_LOCK = re.compile(r"\.~lock\..+#|~\$.+")


def litter(name: str) -> bool:
    """Whether an entry of an output is no one's content (``LITTER``, an editor's lock file), replaced with the folder.

    >>> litter(".DS_Store"), litter(".~lock.xxgk.xlsx#"), litter("~$xxgk.xlsx"), litter("notes.txt")
    (True, True, True, False)
    """
    return name in LITTER or _EDITOR_LOCK.fullmatch(name) is not None


_SITEMAP_NAME = re.compile(r"sitemap(?:-\d+)?\.xml(?:\.gz)?")


def foreign_entry(folder: Path) -> str | None:
    """The first name (sorted) in ``folder`` that no xxgk output holds (``OUTPUT_NAMES``; ``litter`` is no one's),
    else None.

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); (folder / "data").mkdir(); foreign_entry(folder)
    >>> (folder / ".git").mkdir(); foreign_entry(folder)
    '.git'
    """
    return next((name for name in sorted(p.name for p in folder.iterdir())
                 if name not in OUTPUT_NAMES and not litter(name) and not _SITEMAP_NAME.fullmatch(name)), None)


def made_by_xxgk(folder: Path) -> bool:
    """The folder carries the marker, or holds what an older xxgk wrote there and nothing else
    (``foreign_entry``)."""
    if (folder / MARKER).is_file():
        return True
    if foreign_entry(folder) is not None:
        return False
    try:
        return json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("name") == "xxgk"
    except (OSError, ValueError, AttributeError):
        pass
    return (folder / "assets" / "xxgk.js").is_file() and any((folder / n).is_file() for n in ("index.html", "index.md"))


def check_output(out: Path, reports: Path | None, option: str, others: dict[str, Path] | None = None) -> None:
    """Refuse to replace ``out`` unless it is safe to (see the module docstring), or when it cannot be written
    (``_check_writable``)."""
    if out.is_symlink():
        raise Refused(f"{option} {out}: is a symbolic link; give a real folder")
    _check_writable(out, option)
    target = out.resolve()
    for name, other in (({"--reports": reports} if reports else {}) | (others or {})).items():
        other = other.resolve()
        if target == other or target in other.parents:
            raise Refused(f"{option} {out}: is {name} or a folder containing it; it would be deleted")
        if name == "--reports" and other in target.parents:
            raise Refused(f"{option} {out}: is inside --reports; it would be read as reports")
        if other in target.parents:  # one output inside another: replacing the outer one deletes it
            raise Refused(f"{option} {out}: is inside {name}; it would be deleted when {name} is replaced")
    if target == Path.cwd().resolve() or target in Path.cwd().resolve().parents:
        raise Refused(f"{option} {out}: is the working folder or a parent of it; it would be deleted")
    if out.exists():
        if not out.is_dir():
            raise Refused(f"{option} {out}: is a file, not a folder")
        if any(p.name != ".gitkeep" for p in out.iterdir()) and not made_by_xxgk(out):
            foreign = foreign_entry(out)
            raise Refused(f"{option} {out}: is not empty and was not made by xxgk (no {MARKER}"
                          + (f"; it holds {foreign!r}, which xxgk never writes" if foreign else "")
                          + "); give a new or empty folder")
        added = added_entry(out)
        if added is not None:
            raise Refused(f"{option} {out}: holds {added!r}, which xxgk did not write there, and xxgk replaces the "
                          "folder whole; move it out first")


def _check_writable(out: Path, option: str) -> None:
    """Refuse, before any work, an output whose folder cannot be written in (a read-only file system, no permission):
    the new output is made beside it and renamed into place. A read-only ``--site`` parent failed only once every
    report was parsed and the package written (at a national scale, hours later)."""
    parent = Path(os.path.abspath(out)).parent
    while not parent.exists() and parent != parent.parent:  # (folders still to be made: where they would be made)
        parent = parent.parent
    if not os.access(parent, os.W_OK | os.X_OK):
        raise Refused(f"{option} {out}: cannot write in {parent} (read-only or not permitted); the output is "
                      "written beside the folder it replaces")


def check_apart(folder: Path, option: str, outputs: dict[str, Path]) -> None:
    """Refuse a folder the build keeps its own files in (``--cache-dir``) that is one of ``outputs`` or inside one:
    each output is emptied or replaced by the build, so the cache was deleted on every build, and a cache in
    ``site_src/`` was published in the site (MkDocs copies what it finds there: ``site/spool/…``)."""
    where = folder.resolve()
    for name, output in outputs.items():
        if where == output.resolve() or output.resolve() in where.parents:
            raise Refused(f"{option} {folder}: is {name} or inside it, which each build replaces; "
                          "give a folder of its own (or --no-cache)")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold a lock on the folder that contains ``out`` for the block (``flock`` on the folder itself,
    so no lock file is left behind); refuse at once if another process holds it."""
    import fcntl

    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent.resolve()
    if path in _HELD:
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Refused(f"another xxgk is writing in {path}; wait for it to finish") from None
        _HELD.add(path)
        try:
            yield
        finally:
            _HELD.discard(path)
    finally:
        os.close(fd)


def recover(out: Path) -> None:
    """Under the lock: restore ``out`` from a swap that was cut short, remove stale new/old folders.
    Only real folders that carry the marker count as xxgk's: anything else of those names (a user's folder,
    a symbolic link) is neither restored nor deleted."""
    parent = out.parent
    if not parent.is_dir():
        return
    for stale in _left_by_a_build(out, "new"):
        if _ours(stale) or _empty(stale):
            remove_made(stale)
    olds = sorted((p for p in _left_by_a_build(out, "old") if _ours(p)), key=lambda p: p.stat().st_mtime)
    if olds and not out.exists():
        os.replace(olds.pop(), out)
    for stale in olds + [p for p in _left_by_a_build(out, "old") if _empty(p)]:
        remove_made(stale)


def remove_made(folder: Path) -> None:
    """Remove a folder xxgk made (a staging folder, an old output moved aside), its marker last: a build interrupted
    while removing it leaves a folder still marked, or an empty one (``_empty``), which the next build removes.
    ``shutil.rmtree`` took the marker at a random moment: Ctrl-C there left the rest unmarked, never removed (an old
    site of any size), and in the way of a later build of the same pid (a container's)."""
    try:
        children = sorted(p for p in folder.iterdir() if p.name != MARKER)
    except OSError:
        return
    for child in children:
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)


def _empty(folder: Path) -> bool:
    """A real folder holding nothing: removing it loses nothing, whoever made it."""
    return folder.is_dir() and not folder.is_symlink() and next(folder.iterdir(), None) is None


def _left_by_a_build(out: Path, kind: str) -> list[Path]:
    """The ``.NAME.<kind>-<pid>`` folders beside ``out`` (``kind``: ``new`` or ``old``), sorted: only a pid after the
    dash is a build's name (``staging_for``, ``swap_in``). Before, any ``.NAME.old-*`` carrying the marker was taken
    for a swap cut short, so a user's copy of the package kept as ``.out.old-backup-20261201`` was deleted.

    >>> import tempfile; parent = Path(tempfile.mkdtemp())
    >>> for name in (".out.old-123", ".out.old-backup", ".out.old-", ".out.new-9"): (parent / name).mkdir()
    >>> [p.name for p in _left_by_a_build(parent / "out", "old")]
    ['.out.old-123']
    """
    prefix = f".{out.name}.{kind}-"
    return sorted(p for p in out.parent.glob(f"{glob.escape(prefix)}*") if p.name[len(prefix):].isascii()
                  and p.name[len(prefix):].isdigit())


# in each folder a cache makes for a context or an entry (parse/<context>/, pages/<context>/, spool/<context>/,
# fulltext/<key>/): only a folder carrying it is ever removed as stale. Before, any real folder named with 64 hex
# digits under a cache's parse/, pages/, fulltext/ or spool/ was — a user's content-addressed store under a
# --cache-dir pointed at it was deleted
CACHE_MARKER = ".xxgk-cache"
CACHE_MARKER_TEXT = "This folder was made by xxgk's cache; xxgk removes it when it is stale.\n"


def mark_cache_folder(folder: Path) -> None:
    """Mark a cache folder xxgk made (``CACHE_MARKER``), if it is a real folder and not marked yet."""
    marker = folder / CACHE_MARKER
    if folder.is_dir() and not folder.is_symlink() and not marker.is_file() and not marker.is_symlink():
        try:
            marker.write_text(CACHE_MARKER_TEXT, encoding="utf-8")
        except OSError:
            pass  # (unmarked, it is never removed: the safe side)


def cache_folder_made_here(folder: Path) -> bool:
    """Whether ``folder`` is a real folder carrying xxgk's cache marker (a regular file, not a link)."""
    return _marked(folder, CACHE_MARKER) and not (folder / CACHE_MARKER).is_symlink()


def _ours(folder: Path) -> bool:
    """A folder (not a link) with xxgk's marker: what ``staging_for`` made, or an output moved aside."""
    return _marked(folder, MARKER)


def _marked(folder: Path, marker: str) -> bool:
    """A real folder (not a link) holding the file ``marker``."""
    return folder.is_dir() and not folder.is_symlink() and (folder / marker).is_file()


def clear(folder: Path) -> None:
    """Empty a folder the tool owns (checked by ``check_output``) in place, keeping its marker to the
    end: a build killed half-way through leaves a folder the next build still recognises as its own
    (``shutil.rmtree`` removed the marker at a random moment, and the next build refused the folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    for child in sorted(folder.iterdir()):
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def seal(folder: Path) -> None:
    """Write ``folder``'s marker listing what is at its top now (sorted; the marker itself left out): called once
    a build has written the folder, before it is swapped in."""
    names = sorted(p.name for p in folder.iterdir() if p.name != MARKER)
    (folder / MARKER).write_text(MARKER_TEXT + WRITTEN + "".join(f"{name}\n" for name in names), encoding="utf-8")


def added_entry(folder: Path) -> str | None:
    """The first name (sorted) at the top of a marked ``folder`` that its marker does not list (``seal``): a file
    someone put into an xxgk output, which replacing the folder would delete (``litter`` is no one's: not counted).
    None when the folder has no marker, or one without the list.

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); (folder / "data").mkdir(); seal(folder)
    >>> added_entry(folder), (folder / ".git").mkdir(), added_entry(folder)
    (None, None, '.git')
    """
    marker = folder / MARKER
    if not marker.is_file() or marker.is_symlink():
        return None
    try:
        text = marker.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if WRITTEN not in text:
        return None
    written = set(text.split(WRITTEN, 1)[1].splitlines())
    return next((name for name in sorted(p.name for p in folder.iterdir())
                 if name != MARKER and name not in written and not litter(name)), None)


def staging_for(out: Path) -> Path:
    """A new empty folder beside ``out`` (same file system, so the swap is a rename), with the marker. A file or
    folder already at its name is removed only if it is xxgk's (``_ours``); anything else is refused."""
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    if staging.exists() or staging.is_symlink():  # a cut build's (same pid: a container's), or someone's
        if not (_ours(staging) or _empty(staging)):  # (a folder of that name was deleted unchecked: in a container
            raise Refused(f"{staging}: is in the way of the build's staging folder and was not made by xxgk; "
                          "move it")  # the pid repeats)
        remove_made(staging)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return staging


def swap_in(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out`` (two renames; ``recover`` mends a cut between them). Raises ``Refused``, with
    ``out`` as it was, when ``out`` now holds something xxgk did not write (``added_since``): the check when the build
    started is minutes or hours old by now, and a file put into the output meanwhile (notes, a ``.git``) was deleted
    with the old output. The check is made once ``out`` is renamed aside, so nothing written into it after the
    check can be lost."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
        added = added_since(old)
        if added is not None:
            os.replace(old, out)
            raise Refused(f"{out}: {added!r} was put there during the build, and xxgk replaces the folder whole; "
                          "the new output was not swapped in (move it out and build again)")
    os.replace(staging, out)
    remove_made(old)


def added_since(folder: Path) -> str | None:
    """The first entry of an output ``folder`` that xxgk did not write, as ``check_output`` tells it: one its marker
    does not list (``added_entry``; a marker without the list, an older xxgk's, lists nothing), or, in a folder
    without the marker (an older xxgk's output), one no xxgk output holds (``foreign_entry``); else None."""
    if (folder / MARKER).is_file():
        return added_entry(folder)
    return foreign_entry(folder)
