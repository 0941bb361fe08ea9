"""Parquet files taken from the replaced package when their CSV did not change.

A resource's Parquet file (``parquet.write_parquet_file``) depends only on its CSV's bytes, its Table Schema, its
description and the writer (pyarrow's version, the settings in ``parquet``: the parse cache's context covers this
package's code). After 1 % of the reports were re-published with a corrected sentence, most resources' CSVs are
the bytes they were (the tables of numbers, the code lists), and so are their Parquet files.

The memo (``zip_reuse.Memo``, the parse cache's file) records, for each Parquet file this xxgk wrote, the SHA-256
and size of the file under a key hashing ``FORMAT``, pyarrow's version, a probe (``writer_probe``: a fixed table
written by this process's pyarrow, hashed), the resource's name, schema and description, and the CSV's SHA-256. A
rebuild whose CSV has the same key links the replaced package's file (``previous.Previous``: a regular file of one
link, read whole and hashed first) if it hashes to the recorded SHA-256; any doubt and the file is written. So the
file is the same bytes either way (``tests/test_h41speed.py``).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from .schema import resource_schema
from .zip_reuse import Memo

FORMAT = "xxgk-parquet-memo-2"  # 2: row groups bounded by their text bytes too (session 44)


@cache
def writer_probe() -> str:
    """The SHA-256 of a fixed two-column table as this process's pyarrow writes it with the package's settings."""
    from .parquet import parquet_bytes

    schema = {"fields": [{"name": "report_id", "type": "string"}, {"name": "year", "type": "integer"}]}
    data = "report_id,year\n" + "".join(f"r{i},{2019 + i % 7}\n" for i in range(500))
    return hashlib.sha256(parquet_bytes(data.encode("utf-8"), schema)).hexdigest()


def _writer() -> str:
    from importlib import metadata

    return f"{FORMAT}\0pyarrow=={metadata.version('pyarrow')}\0{writer_probe()}"


def key(name: str, csv_sha256: str, description: str | None) -> str:
    schema = json.dumps(resource_schema(name), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256("\0".join([_writer(), name, schema, json.dumps(description, ensure_ascii=False),
                                     csv_sha256]).encode("utf-8")).hexdigest()


def csv_hashes(csvs: dict[str, Path]) -> dict[str, str]:
    """``{resource: its CSV's SHA-256}``."""
    out = {}
    for name, path in csvs.items():
        with open(path, "rb") as handle:
            out[name] = hashlib.file_digest(handle, "sha256").hexdigest()
    return out


def _descriptions(package: dict) -> dict[str, str | None]:
    return {r["name"]: r.get("description") for r in package["resources"]}


def expected(memo: Memo, hashes: dict[str, str], package: dict) -> dict[str, tuple[str, int]]:
    """``{resource: (SHA-256, size)}`` of the Parquet files the memo says this writer made of these CSVs."""
    descriptions = _descriptions(package)
    out = {}
    for name, digest in hashes.items():
        found = memo.found(key(name, digest, descriptions.get(name)))
        if found is not None:
            out[name] = found
    return out


def link(previous: Path | None, target: Path, name: str, found: tuple[str, int]) -> bool:
    """Link the replaced package ``previous``'s Parquet file of resource ``name`` at ``target`` if it is ``found``'s
    size and SHA-256 (``previous.Previous``'s checks); whether it did."""
    from ..previous import Previous
    from .parquet import FOLDER

    digest, size = found
    return Previous(previous).link(target, f"{FOLDER}/{name}.parquet", size,
                                   lambda data: hashlib.sha256(data).hexdigest() == digest)


def record(memo: Memo, hashes: dict[str, str], package: dict, entries: list[dict]) -> None:
    """The Parquet files of ``entries`` (``query_files.query_file_entries``: path, size, SHA-256) recorded."""
    descriptions = _descriptions(package)
    for entry in entries:
        name = entry.get("resource")
        if name in hashes and entry["hash"].startswith("sha256:"):
            memo.put(key(name, hashes[name], descriptions.get(name)), entry["hash"].removeprefix("sha256:"),
                     entry["bytes"])
