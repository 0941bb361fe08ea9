"""The query formats beside the CSVs: ``xxgk.db``, its Datasette ``metadata.json`` and ``parquet/*.parquet``.

``query_files`` is the one hook ``write.package_files`` calls; ``query_file_entries`` lists the
files (path, format, size, SHA-256) for ``datapackage.json``'s ``x_xxgk_query_files``. They are not
Data Package ``resources``: the resources are the CSVs, and these are the same tables in other
formats. Pure: bytes in, bytes out.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import parquet_reuse
from .database_file import METADATA_NAME
from .datasette_meta import metadata, settings
from .parquet import FOLDER, parquet_bytes, write_parquet_file
from .schema import resource_schema
from .sqlite_db import DB_NAME, close_file, database, serialize

FORMATS = {".db": ("sqlite", "application/vnd.sqlite3"), ".parquet": ("parquet", "application/vnd.apache.parquet"),
           ".json": ("json", "application/json")}


def query_files(csvs: dict[str, bytes], package: dict) -> dict[str, bytes]:
    """``{relative path: bytes}`` of the database, its Datasette metadata and one Parquet file per
    resource. ``csvs`` is ``{resource: CSV bytes}`` as published; ``package`` the descriptor."""
    descriptions = {r["name"]: r.get("description") for r in package["resources"]}
    db = database(csvs, resource_schema, settings().get("full_text", {}))
    views = db.view_names()
    files = {DB_NAME: serialize(db),
             METADATA_NAME: (json.dumps(metadata(package, views), ensure_ascii=False, indent=2, sort_keys=True)
                             + "\n").encode("utf-8")}
    for name, data in csvs.items():
        files[f"{FOLDER}/{name}.parquet"] = parquet_bytes(data, resource_schema(name), descriptions.get(name))
    return files


def write_query_files(folder: Path, csvs: dict[str, Path], package: dict) -> dict[str, Path]:
    """``query_files`` written into ``folder`` from the CSV files ``csvs`` (``{resource: path}``) row by row:
    the database built in its file, Parquet a row group at a time. Returns ``{relative path: file}``."""
    return write_database(folder, csvs, package) | write_parquet_files(folder, csvs, package)


def write_database(folder: Path, csvs: dict[str, Path], package: dict) -> dict[str, Path]:
    """The database and its Datasette metadata of ``write_query_files`` (independent of the Parquet files)."""
    db = database(csvs, resource_schema, settings().get("full_text", {}), path=folder / DB_NAME)
    views = db.view_names()
    close_file(db, folder / DB_NAME)
    files = {DB_NAME: folder / DB_NAME, METADATA_NAME: folder / METADATA_NAME}
    files[METADATA_NAME].write_bytes((json.dumps(metadata(package, views), ensure_ascii=False, indent=2,
                                                 sort_keys=True) + "\n").encode("utf-8"))
    return files


def write_parquet_files(folder: Path, csvs: dict[str, Path], package: dict,
                        claims: Path | None = None, kept: dict | None = None,
                        previous: Path | None = None) -> dict[str, Path]:
    """The Parquet files of ``write_query_files``, one per resource (independent of the database), in ``csvs``'
    order. With ``claims`` (a folder two processes share), only the resources this process claims first (a
    folder ``claims/<resource>`` made, which only one process can): two processes taking the list from both
    ends share it without other coordination. ``kept`` (``parquet_reuse.expected``: ``{resource: (SHA-256,
    size)}`` of the file this writer made of the same CSV before) and ``previous`` (the package replaced): such a
    file is linked from there when it holds those bytes (``parquet_reuse.link``), written otherwise. Returns the
    files written (or linked) here."""
    descriptions = {r["name"]: r.get("description") for r in package["resources"]}
    (folder / FOLDER).mkdir(exist_ok=True)
    files = {}
    for name, path in csvs.items():
        if claims is not None:
            try:
                (claims / name).mkdir()
            except FileExistsError:
                continue
        files[f"{FOLDER}/{name}.parquet"] = target = folder / FOLDER / f"{name}.parquet"
        if kept and name in kept and parquet_reuse.link(previous, target, name, kept[name]):
            continue
        write_parquet_file(path, resource_schema(name), target, descriptions.get(name))
    return files


def _size_and_hash(data: bytes | Path) -> tuple[int, str]:
    if isinstance(data, bytes):
        return len(data), hashlib.sha256(data).hexdigest()
    with open(data, "rb") as handle:
        return Path(data).stat().st_size, hashlib.file_digest(handle, "sha256").hexdigest()


def stamp_sizes_and_hashes(package: dict, files: dict[str, bytes | Path]) -> None:
    """Give every resource and wide table of the descriptor ``package`` the ``bytes`` and ``hash`` (sha256) of its
    file in ``files`` ({package path: bytes or file}), as the query files have them: ``frictionless validate`` then
    checks that a downloaded or unzipped CSV is whole, and a user can check the zip against its descriptor."""
    for entry in (*package.get("resources", []), *package.get("x_xxgk_wide_tables", [])):
        if (data := files.get(entry["path"])) is not None:
            size, digest = _size_and_hash(data)
            entry["bytes"], entry["hash"] = size, "sha256:" + digest


def query_file_entries(files: dict[str, bytes | Path]) -> list[dict]:
    """The ``datapackage.json`` entries of the files ``query_files`` (bytes) or ``write_query_files`` (files) made."""
    out = []
    for path, data in sorted(files.items(), key=lambda item: (item[0] != DB_NAME, item[0] != METADATA_NAME, item[0])):
        fmt, mediatype = FORMATS[path[path.rindex("."):]]
        size, digest = _size_and_hash(data)
        entry = {"path": path, "format": fmt, "mediatype": mediatype, "bytes": size, "hash": "sha256:" + digest}
        if path.startswith(f"{FOLDER}/"):
            name = path.removeprefix(f"{FOLDER}/").removesuffix(".parquet")
            entry["resource"] = name
            entry["description"] = f"资源 {name} 的 Parquet 文件，按模式中的类型。The {name} resource as Parquet, typed"
        elif path == DB_NAME:
            entry["description"] = ("数据库（SQLite）：每个资源一张表（主键、外键、索引），"
                                    "表2/表3/表4 视图，叙述章节全文检索。"
                                    "Every resource as a table (keys, indexes), 表2/表3/表4 views, full-text search")
        else:
            entry["description"] = ("供 Datasette 使用的元数据（标题、说明、单位、许可）。"
                                    f"Datasette metadata: datasette {DB_NAME} -m {METADATA_NAME}")
        out.append(entry)
    return out
