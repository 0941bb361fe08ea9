"""The names of the package's database files (and of its zip) and the one thing done to a database file's bytes,
without the database writer (``sqlite_db`` imports sqlite-utils): the site imports these, and stays light to start.
"""

from __future__ import annotations

from pathlib import Path

DB_NAME = "xxgk.db"
METADATA_NAME = "metadata.json"  # Datasette's metadata of the database, beside it
# the SQL that adds the full-text index to the site's copy of the database, which is published without it
# (``site/database_copy.py``); named here so the Datasette metadata can say so
FULL_TEXT_SCRIPT = "xxgk-fulltext.sql"
# the zip of the package's CSVs (``write.zip_into``), whose members the site's ``.gz`` downloads are made from
# (``site/zip_members.py``)
ZIP_NAME = "xxgk-datapackage.zip"


def settle_header(path: str | Path) -> None:
    """The header of the closed database file ``path`` with the values an in-memory database serializes to (see
    ``sqlite_db.close_file``): its file change counter, version-valid-for number and last writer's SQLite version
    zeroed."""
    with open(path, "r+b") as handle:
        for offset, size in ((24, 4), (92, 8)):
            handle.seek(offset)
            handle.write(bytes(size))
