"""The site's copy of ``xxgk.db``: the package's database without its full-text indexes, and the script that
adds them back (``xxgk-fulltext.sql``).

An FTS5 trigram index is larger than the text it indexes: in the seeds' package the index of the narrative
sections is 3.3 times their text, and gzipped it was more than half of ``xxgk.db.gz`` (≈ 11.7 KB of ≈ 21.9 KB a
report). On the site that cost is paid for every report, by a download most readers never make and by the
host, while the index is made again from the text in seconds. So the package's ``xxgk.db`` keeps its index (as
issue 17 asks), and the site publishes the database without it beside a script of the package database's own
statements — each full-text table's ``CREATE VIRTUAL TABLE`` as ``sqlite_master`` holds it, then FTS5's
``rebuild`` (fill it from its content table) and ``optimize`` — run once by the reader:
``sqlite3 xxgk.db < xxgk-fulltext.sql``. Every other table, index and view is the package's.

Deterministic: the copy is SQLite's ``VACUUM INTO`` of a copy of the package's file whose full-text tables were
dropped, its header settled as the package's is (``database_file.settle_header``); the same package gives the same
bytes with the same SQLite library.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from ..package.database_file import FULL_TEXT_SCRIPT, settle_header

SCRIPT_NAME = FULL_TEXT_SCRIPT  # published beside the site's copy of the database
SCRIPT_HEAD = """\
-- xxgk：为 xxgk.db 建立叙述章节的全文检索索引（FTS5，trigram 分词）。
-- 网站上的 xxgk.db 不含这个索引（它比所索引的文字还大）；数据包（datapackage/xxgk.db）中的数据库含有它。
-- 解压后运行一次（需要 SQLite 3.34 或更新版本）：
--   sqlite3 xxgk.db < xxgk-fulltext.sql
-- 或用 Python：
--   import sqlite3
--   sqlite3.connect("xxgk.db").executescript(open("xxgk-fulltext.sql", encoding="utf-8").read())
-- 之后 datasette xxgk.db -m metadata.json 的“全文检索”查询即可使用。
--
-- xxgk: the full-text index of xxgk.db's narrative sections (FTS5, trigram tokenizer). The site's xxgk.db is
-- published without it (it is larger than the text it indexes); the data package's database has it. Run once on
-- the unpacked database (SQLite 3.34 or later): sqlite3 xxgk.db < xxgk-fulltext.sql
"""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def full_text_tables(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(name, CREATE statement)`` of the database's FTS5 tables, by name."""
    return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND rootpage = 0 "
                        "AND sql LIKE 'CREATE VIRTUAL TABLE%USING FTS5%' ORDER BY name").fetchall()


def full_text_script(tables: list[tuple[str, str]]) -> str:
    """The script that makes ``tables`` (``full_text_tables``) again in a database holding their content tables.

    >>> print(full_text_script([("t_fts", "CREATE VIRTUAL TABLE t_fts USING FTS5(x, content=t)")]).split("\\n\\n")[-1])
    CREATE VIRTUAL TABLE t_fts USING FTS5(x, content=t);
    INSERT INTO "t_fts"("t_fts") VALUES('rebuild');
    INSERT INTO "t_fts"("t_fts") VALUES('optimize');
    <BLANKLINE>
    """
    body = "".join(f"{sql};\nINSERT INTO {_quoted(name)}({_quoted(name)}) VALUES('rebuild');\n"
                   f"INSERT INTO {_quoted(name)}({_quoted(name)}) VALUES('optimize');\n" for name, sql in tables)
    return SCRIPT_HEAD + "\n" + body


def without_full_text(source: Path, target: Path) -> str | None:
    """Write ``target``: the database ``source`` without its FTS5 tables. Returns the script that adds them back,
    or None when ``source`` has none (``target`` is then not written: publish ``source`` as it is). ``source`` is
    never modified (a copy beside ``target`` is changed and removed)."""
    with sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True) as conn:
        tables = full_text_tables(conn)
    conn.close()
    if not tables:
        return None
    work = target.with_name(target.name + ".dropping")
    try:
        shutil.copyfile(source, work)
        conn = sqlite3.connect(work, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            for name, _ in tables:
                conn.execute(f"DROP TABLE {_quoted(name)}")
            target.unlink(missing_ok=True)
            conn.execute("VACUUM INTO ?", (str(target),))
        finally:
            conn.close()
    finally:
        work.unlink(missing_ok=True)
    settle_header(target)
    return full_text_script(tables)
