"""The package as the site's downloads (``site/downloads/``): every file of the package but its ``sources/``,
Markdown renamed ``.txt`` (offered as a download, never rendered as a page), and a large file that
compresses well published gzip-compressed only.

A CSV, JSON or SQLite file larger than ``GZIP_ABOVE`` is published as ``<name>.gz`` and not as itself: at
100,000 reports the plain package was ≈ 4.5 GB of the site (GitHub Pages refuses files over 100 MB, and
``applications.csv`` alone passes that). pandas (``read_csv("x.csv.gz")``) and R (``readr::read_csv``) read
``.csv.gz`` directly; ``gunzip`` or 7-Zip unpack any of them. The gzip stream is deterministic: zlib-ng
(``zlib-ng`` on PyPI, its version pinned) at level 5, no file name, modification time 0, so the same package
gives the same bytes with the same library (zlib-ng does not promise the same bytes across its versions or
CPU architectures; any of them unpacks to the same file). The zip, the workbook and the
Parquet files are compressed already and stay as they are. :func:`published` is the one place that says
under which name a package file is published (the data page and the quality page link through it). The
descriptor ``datapackage.json`` is never compressed: when a file it names is published as ``.gz``, the
site's copy names the ``.gz`` (Frictionless reads a ``.csv.gz`` resource as gzip-compressed CSV, so
``frictionless validate downloads/datapackage.json`` works at any scale); the package itself is unchanged.

>>> published("data/applications.csv", 5 * 2**20), published("data/items.csv", 300), published("x.zip", 2**30)
('data/applications.csv.gz', 'data/items.csv', 'x.zip')
>>> published("CHANGELOG.md", 10)
'CHANGELOG.md.txt'
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path, PurePosixPath

from zlib_ng import gzip_ng

DESCRIPTOR = "datapackage.json"
GZIP_ABOVE = 2**20  # bytes: larger CSV/JSON/SQLite files are published as .gz only (the seeds' files are smaller)
COMPRESSIBLE = (".csv", ".json", ".db")
# zlib-ng's level 5: ≈ 2.5 × less CPU than zlib's level 6, and ≈ 1.5 % smaller in all (measured on the package
# of 2,000 synthetic reports: xxgk.db and applications.csv smaller, the smaller CSVs up to 3 % larger)
LEVEL = 5


def published(path: str, size: int) -> str:
    """The path under ``downloads/`` of the package file ``path`` (relative to the package) of ``size`` bytes."""
    rel = PurePosixPath(path)
    if rel.suffix == ".md":
        return str(rel.with_name(rel.name + ".txt"))
    if rel.suffix in COMPRESSIBLE and size > GZIP_ABOVE and str(rel) != DESCRIPTOR:
        return str(rel.with_name(rel.name + ".gz"))
    return str(rel)


def gzip_file(source: Path, target: Path) -> None:
    """``source`` gzip-compressed into ``target``, deterministically (no name, mtime 0), a block at a time."""
    with source.open("rb") as src, target.open("wb") as raw, \
            gzip_ng.GzipFile(filename="", mode="wb", compresslevel=LEVEL, fileobj=raw, mtime=0) as out:
        shutil.copyfileobj(src, out, 1 << 20)


def copy_downloads(package_dir: Path, downloads: Path) -> None:
    """Every file of ``package_dir`` (not ``sources/``, no dot files) into ``downloads``, named by :func:`published`."""
    for path in sorted(Path(package_dir).rglob("*")):
        rel = path.relative_to(package_dir)
        if not path.is_file() or rel.parts[0] == "sources" or rel.name.startswith("."):
            continue
        target = Path(downloads) / published(rel.as_posix(), path.stat().st_size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.name == path.name + ".gz":
            gzip_file(path, target)
        elif rel.as_posix() == DESCRIPTOR and (text := published_descriptor(package_dir)) is not None:
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, target)


def published_descriptor(package_dir: Path) -> str | None:
    """The site's ``datapackage.json``: the package's, with the path of every resource and query file that is
    published as ``.gz`` renamed so (a query file's ``bytes`` and ``hash`` stay those of the unpacked file,
    said by ``compression: gz``); None when no file it names is compressed (the copy is then the file itself).
    Written as the package writer writes it (sorted keys, two-space indent, UTF-8)."""
    package = json.loads((Path(package_dir) / DESCRIPTOR).read_text(encoding="utf-8"))
    changed = False
    entries = [(r, False) for r in package.get("resources", [])]
    entries += [(q, True) for q in package.get("x_xxgk_query_files", [])]
    for entry, query_file in entries:
        path = entry.get("path")
        if not isinstance(path, str) or ".." in PurePosixPath(path).parts or not (Path(package_dir) / path).is_file():
            continue
        name = published(path, (Path(package_dir) / path).stat().st_size)
        if name != path:
            entry["path"], changed = name, True
            if query_file:  # Frictionless infers a resource's compression from its path; say it for the others
                entry["compression"] = "gz"
    if not changed:
        return None
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
