"""The package as the site's downloads (``site/downloads/``): every file of the package but its ``sources/``,
Markdown renamed ``.txt`` (offered as a download, never rendered as a page), a large file that compresses
well published gzip-compressed only, and ``xxgk.db`` without its full-text index, beside the script that adds
it (``database_copy.py``: the index is larger than the text it indexes), with its Datasette ``metadata.json``
naming no full-text table.

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

import hashlib
import json
import shutil
from pathlib import Path, PurePosixPath

from zlib_ng import gzip_ng

from ..package.database_file import DB_NAME, METADATA_NAME, ZIP_NAME
from .database_copy import SCRIPT_NAME, without_full_text
from .zip_members import deflated_members, gzip_from_member, gzip_header

DESCRIPTOR = "datapackage.json"
GZIP_ABOVE = 2**20  # bytes: larger CSV/JSON/SQLite files are published as .gz only (the seeds' files are smaller)
COMPRESSIBLE = (".csv", ".json", ".db")
# zlib-ng's level 5: ≈ 2.5 × less CPU than zlib's level 6, and ≈ 1.5 % smaller in all (measured on the package
# of 2,000 synthetic reports: xxgk.db and applications.csv smaller, the smaller CSVs up to 3 % larger)
LEVEL = 5  # the package's zip deflates with the same library and level (``write.ZIP_LEVEL``): its members are
# the deflate streams of these files' .gz (``zip_members.py``)
GZIP_BLOCK = 1 << 20  # bytes given to the deflater at a time, as the zip's (``write.ZIP_BLOCK``)
# what the site's descriptor adds to the description of its copy of xxgk.db, and says of the script beside it
COPY_NOTE = (f"网站上的副本不含全文检索索引：解压后运行一次 {SCRIPT_NAME} 建立。"
             f"The site's copy has no full-text index: run {SCRIPT_NAME} once on it to add it.")
META_NOTE = (f"网站上的副本不指定全文检索表：运行 {SCRIPT_NAME} 之后 Datasette 自动找到它。"
             f"The site's copy names no full-text table: Datasette finds the index once {SCRIPT_NAME} has made it.")
SCRIPT_NOTE = (f"为 {DB_NAME} 建立叙述章节全文检索索引的 SQL：sqlite3 {DB_NAME} < {SCRIPT_NAME}。"
               f"SQL that adds the full-text index of the narrative sections to {DB_NAME}.")


def published(path: str, size: int) -> str:
    """The path under ``downloads/`` of the package file ``path`` (relative to the package) of ``size`` bytes."""
    rel = PurePosixPath(path)
    if rel.suffix == ".md":
        return str(rel.with_name(rel.name + ".txt"))
    if rel.suffix in COMPRESSIBLE and size > GZIP_ABOVE and str(rel) != DESCRIPTOR:
        return str(rel.with_name(rel.name + ".gz"))
    return str(rel)


def gzip_file(source: Path, target: Path) -> None:
    """``source`` gzip-compressed into ``target``, deterministically (no name, mtime 0), ``GZIP_BLOCK`` bytes at a
    time (zlib-ng's output depends on how its input is cut: the package's zip cuts its members alike)."""
    with source.open("rb") as src, target.open("wb") as raw, \
            gzip_ng.GzipFile(filename="", mode="wb", compresslevel=LEVEL, fileobj=raw, mtime=0) as out:
        shutil.copyfileobj(src, out, GZIP_BLOCK)


def copy_downloads(package_dir: Path, downloads: Path) -> None:
    """Every file of ``package_dir`` (not ``sources/``, no dot files) into ``downloads``, named by :func:`published`;
    ``xxgk.db`` as the site's copy without its full-text index and the script that adds it (``database_copy``);
    the descriptor last, describing the files as published."""
    copies: dict[str, dict] = {}  # package path -> what the descriptor says of the site's copy
    descriptor = metadata = None
    zipped = _Zipped(Path(package_dir) / ZIP_NAME)
    for path in sorted(Path(package_dir).rglob("*")):
        rel = path.relative_to(package_dir)
        if not path.is_file() or rel.parts[0] == "sources" or rel.name.startswith("."):
            continue
        target = Path(downloads) / published(rel.as_posix(), path.stat().st_size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.as_posix() == DESCRIPTOR:
            descriptor = (path, target)
        elif rel.as_posix() == METADATA_NAME:  # after the database: it names the full-text table the copy lacks
            metadata = (path, target)
        elif rel.as_posix() == DB_NAME and (copy := _database_copy(path, target)) is not None:
            copies[DB_NAME] = copy
        else:
            _copy_as_published(path, target, zipped, rel.as_posix())
    if metadata is not None:
        path, target = metadata
        if DB_NAME in copies and (copy := _metadata_copy(path, target)) is not None:
            copies[METADATA_NAME] = copy
        else:
            _copy_as_published(path, target)
    if descriptor is not None:
        path, target = descriptor
        if (text := published_descriptor(package_dir, copies, downloads)) is not None:
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, target)


class _Zipped:
    """The deflated members of the package's zip, read once when a ``.gz`` is first asked for (a package whose
    files are all small never opens its zip)."""

    def __init__(self, archive: Path):
        self.archive, self.members, self.header = archive, None, b""

    def member(self, rel: str):
        """``(zip, member, gzip header)`` for the package file ``rel``, or None when the zip holds no deflated
        copy of it."""
        if self.members is None:
            self.members = deflated_members(self.archive)
            self.header = gzip_header(LEVEL) if self.members else b""
        info = self.members.get(rel)
        return None if info is None else (self.archive, info, self.header)


def _copy_as_published(source: Path, target: Path, zipped: _Zipped | None = None, rel: str = "") -> None:
    """The package file ``source`` (``rel`` in the package) at ``target``: gzipped when :func:`published` named it
    ``.gz`` — from its copy in the package's zip (``zipped``) when that inflates to its bytes, the same bytes
    without deflating it again (``zip_members.py``) — else as it is."""
    if target.name == source.name + ".gz":
        member = zipped.member(rel) if zipped is not None else None
        if member is None or not gzip_from_member(*member[:2], source, target, member[2]):
            gzip_file(source, target)
    else:
        shutil.copyfile(source, target)


def _database_copy(source: Path, target: Path) -> dict | None:
    """The site's copy of the database ``source`` at ``target`` (gzipped when ``target`` is ``.gz``) and the
    full-text script beside it; what the descriptor says of the copy, or None when ``source`` has no full-text
    index (then nothing is written here)."""
    plain = target.with_suffix("") if target.suffix == ".gz" else target
    script = without_full_text(source, plain)
    if script is None:
        return None
    size, digest = plain.stat().st_size, _sha256(plain)
    if plain != target:
        gzip_file(plain, target)
        plain.unlink()
    sql = target.parent / SCRIPT_NAME
    sql.write_text(script, encoding="utf-8")
    return {"bytes": size, "hash": f"sha256:{digest}", "description_more": COPY_NOTE,
            "script": {"path": SCRIPT_NAME, "format": "sql", "mediatype": "application/sql",
                       "bytes": sql.stat().st_size, "hash": f"sha256:{_sha256(sql)}", "description": SCRIPT_NOTE}}


def _metadata_copy(source: Path, target: Path) -> dict | None:
    """The site's Datasette metadata at ``target`` (gzipped when ``target`` is ``.gz``): the package's without the
    ``fts_table``/``fts_pk`` of its tables, which the site's database lacks — so Datasette shows no search box that
    fails, and finds the index itself once ``xxgk-fulltext.sql`` has made it (an external-content FTS5 table
    declaring ``content="<table>"``). What the descriptor says of the copy, or None when no table names one."""
    meta = json.loads(source.read_text(encoding="utf-8"))
    tables = [t for database in meta.get("databases", {}).values() for t in database.get("tables", {}).values()]
    if not any("fts_table" in t for t in tables):
        return None
    for table in tables:
        table.pop("fts_table", None)
        table.pop("fts_pk", None)
    data = (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    plain = target.with_suffix("") if target.suffix == ".gz" else target
    plain.write_bytes(data)
    if plain != target:
        gzip_file(plain, target)
        plain.unlink()
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "description_more": META_NOTE}


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def published_descriptor(package_dir: Path, copies: dict[str, dict] | None = None,
                         downloads: Path | None = None) -> str | None:
    """The site's ``datapackage.json``: the package's, with the path of every resource, query file and wide table
    that is published as ``.gz`` renamed so (a query file's and a wide table's ``bytes`` and ``hash`` stay those of
    the unpacked file, said by ``compression: gz``; a resource's are those of the ``.gz`` in ``downloads``, which
    Frictionless checks before it unpacks — without ``downloads`` they are left out, never wrong), and the query
    files the site publishes as a copy of their own (``copies``: ``{package path: _database_copy's entry}``) with
    that copy's size and hash and the script beside it; None when nothing differs (the copy is then the file
    itself). Written as the package writer writes it (sorted keys, two-space indent, UTF-8)."""
    copies = copies or {}
    package = json.loads((Path(package_dir) / DESCRIPTOR).read_text(encoding="utf-8"))
    changed = False
    entries = [(r, False) for r in package.get("resources", [])]
    entries += [(q, True) for q in package.get("x_xxgk_query_files", []) + package.get("x_xxgk_wide_tables", [])]
    for entry, query_file in entries:
        path = entry.get("path")
        if not isinstance(path, str) or ".." in PurePosixPath(path).parts or not (Path(package_dir) / path).is_file():
            continue
        if query_file and (copy := copies.get(path)) is not None:
            entry["bytes"], entry["hash"], changed = copy["bytes"], copy["hash"], True
            entry["description"] = ". ".join(filter(None, (entry.get("description"), copy["description_more"])))
        name = published(path, (Path(package_dir) / path).stat().st_size)
        if name != path:
            entry["path"], changed = name, True
            if query_file:  # Frictionless infers a resource's compression from its path; say it for the others
                entry["compression"] = "gz"
            elif downloads is not None and (Path(downloads) / name).is_file():
                entry["bytes"], entry["hash"] = (Path(downloads) / name).stat().st_size, \
                    f"sha256:{_sha256(Path(downloads) / name)}"
            else:
                entry.pop("bytes", None), entry.pop("hash", None)
    if scripts := [c["script"] for c in copies.values() if "script" in c]:
        package.setdefault("x_xxgk_query_files", []).extend(scripts)
    if not changed:
        return None
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
