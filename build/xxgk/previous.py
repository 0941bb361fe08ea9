"""The output being replaced — the site, or the data package's ``sources/`` texts — as a source of the files a
rebuild leaves unchanged.

A build writes the new site (or package) beside the old one and swaps it in (``folders.swap_in``). Most of its
files are the same bytes as before: after 1 % of the reports changed, 99 % of the report, agency and source pages.
Creating a file costs this machine's kernel far more than linking one (≈ 0.2–0.6 ms against ≈ 0.02 ms, and the old
file's removal after the swap is cheaper too when its data lives on), so :meth:`Previous.put` publishes a file as a
hard link to the old site's file at the same path when that file holds exactly the new bytes, and writes it
otherwise. The bytes of the new site are the same either way: the old file is read and compared in full first.

Nothing in the old folder is trusted beyond its bytes (it is xxgk's output, but anyone could have written there):
- only a regular file is linked, opened without following a symbolic link, reached through folders that are
  real folders of the old site (no symbolic link on the way: the resolved path must be the one named);
- only a file with one link, so the new site never shares a file with anything outside the old site;
- the file linked is the file that was read (same device and inode), else the new bytes are written;
- any error (another file system, a permission, a file removed meanwhile) falls back to writing.
Files are only ever created in the new site; nothing in the old one is written or removed here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path


class Previous:
    """The old site at ``root`` (None, or a folder that is not a real one: no reuse, every file written).
    ``sole=False`` lifts the one-link rule, for a folder of the tool's own whose files are linked into sites
    (the full-text cache, ``fulltext_reuse``), where a file's bytes are checked against its recorded hash."""

    def __init__(self, root: Path | str | None, sole: bool = True):
        self.sole = sole
        self.root = None
        if root is not None and Path(root).is_dir() and not Path(root).is_symlink():
            self.root = os.path.realpath(root)
        self._folders: dict[str, bool] = {}  # old-site folder → it is a real folder of the old site
        self.linked = 0

    def put(self, target: Path, rel: str, data: bytes) -> None:
        """``data`` at ``target`` (a new file, its folder made), which is ``rel`` (a checked relative path, "/"
        separated) in the new site: a hard link to the old site's ``rel`` if it holds exactly ``data``."""
        if not self.link(target, rel, len(data), lambda old: old == data):
            with open(target, "wb") as handle:
                handle.write(data)

    def link(self, target: Path, rel: str, size: int, accept: Callable[[bytes], bool]) -> bool:
        """Link the old site's ``rel`` at ``target`` (a new path, its folder made) if it is a file of ``size``
        bytes that ``accept`` accepts (the module docstring's checks); whether it did."""
        if self.root is None:
            return False
        old = os.path.join(self.root, *rel.split("/"))
        if not self._real_folder(os.path.dirname(old)):
            return False
        try:
            fd = os.open(old, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return False
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode) or (self.sole and before.st_nlink != 1) or before.st_size != size:
                return False
            with os.fdopen(os.dup(fd), "rb") as handle:
                if not accept(handle.read(size + 1)):
                    return False
            os.link(old, target, follow_symlinks=False)
        except OSError:
            return False
        finally:
            os.close(fd)
        try:
            after = os.lstat(target)
        except OSError:
            return False
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):  # replaced between the read and the link
            os.unlink(target)
            return False
        self.linked += 1
        return True

    def _real_folder(self, folder: str) -> bool:
        """``folder`` (inside the old site's root) exists and its resolved path is itself: no symbolic link on
        the way. Asked once a folder."""
        known = self._folders.get(folder)
        if known is None:
            known = self._folders[folder] = os.path.isdir(folder) and os.path.realpath(folder) == folder
        return known
