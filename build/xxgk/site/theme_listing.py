"""The installed theme's files listed once a process, not once a build.

MkDocs lists every file of the theme's folders on each build to find its static files
(``Files.add_files_from_theme``: Jinja's ``FileSystemLoader.list_templates``, an ``os.walk``). Material's folder holds
14,509 files (14,348 of them icons): ≈ 0.16 s a listing, made by each build's MkDocs process, the bulk renderer and
each bulk worker. A folder inside an installed package (``sysconfig``'s purelib or platlib, where pip puts it) does
not change while a process runs, so its listing is kept; any other folder (the project's ``site_overrides``) is
walked every time. The same names, in the same order, either way."""

from __future__ import annotations

import functools
import sysconfig
from pathlib import Path

import jinja2


class ListedOnce(jinja2.FileSystemLoader):
    """A ``FileSystemLoader`` whose installed folders are walked once a process (see the module docstring)."""

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.searchpath:
            if _installed(folder):
                found.update(_listing(folder, self.followlinks))
            else:
                found.update(jinja2.FileSystemLoader(folder, followlinks=self.followlinks).list_templates())
        return sorted(found)


@functools.cache
def _listing(folder: str, followlinks: bool) -> frozenset[str]:
    return frozenset(jinja2.FileSystemLoader(folder, followlinks=followlinks).list_templates())


@functools.cache
def _installed_roots() -> tuple[Path, ...]:
    return tuple(sorted({Path(sysconfig.get_paths()[name]).resolve() for name in ("purelib", "platlib")}))


def _installed(folder: str) -> bool:
    """Whether ``folder`` is inside the folders installed packages are in."""
    resolved = Path(folder).resolve()
    return any(resolved.is_relative_to(root) for root in _installed_roots())


def list_once(environment: jinja2.Environment) -> None:
    """Give ``environment`` (a theme's, its loader a plain ``FileSystemLoader``) a loader that lists its installed
    folders once a process; any other loader is left as it is."""
    loader = environment.loader
    if type(loader) is jinja2.FileSystemLoader:
        environment.loader = ListedOnce(loader.searchpath, loader.encoding, loader.followlinks)
