"""The site publishes ``xxgk.db`` without its full-text index and the script that adds it back: the copy holds
every table, index and view of the package's database with the same rows, and once the script has run a reader's
full-text query finds what it finds in the package's database."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3

import pytest

SEARCH = ("SELECT s.report_id, s.section, snippet(sections_fts, 0, '[', ']', '…', 12) FROM sections_fts "
          "JOIN sections s ON s.rowid = sections_fts.rowid WHERE sections_fts MATCH ? ORDER BY rank, s.report_id")


@pytest.fixture(scope="module")
def published(seed_package, tmp_path_factory):
    """The seeds' package and its downloads as the site publishes them."""
    from xxgk.site.downloads import copy_downloads

    package, _, _ = seed_package
    before = hashlib.sha256((package / "xxgk.db").read_bytes()).hexdigest()
    downloads = tmp_path_factory.mktemp("downloads")
    copy_downloads(package, downloads)
    assert hashlib.sha256((package / "xxgk.db").read_bytes()).hexdigest() == before  # the package's is untouched
    return package, downloads


def _objects(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                             "AND name NOT LIKE 'sections_fts%'"))


def test_the_site_database_has_every_table_index_and_view_with_the_same_rows_but_no_full_text(published):
    package, downloads = published
    site = sqlite3.connect(downloads / "xxgk.db")
    full = sqlite3.connect(package / "xxgk.db")
    assert not site.execute("SELECT name FROM sqlite_master WHERE name LIKE '%fts%'").fetchall()
    assert full.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sections_fts'").fetchone() == (1,)
    objects = _objects(site)
    assert objects == _objects(full)
    assert any(sql and "VIEW" in sql for sql in objects.values()) and "applications" in objects
    for name, sql in objects.items():
        if sql and sql.startswith(("CREATE TABLE", "CREATE VIEW")):
            query = f'SELECT * FROM "{name}" ORDER BY 1, 2'
            assert site.execute(query).fetchall() == full.execute(query).fetchall(), name
    assert (downloads / "xxgk.db").stat().st_size < 0.85 * (package / "xxgk.db").stat().st_size


def test_the_script_adds_the_index_and_a_phrase_finds_what_it_finds_in_the_package(published, tmp_path):
    package, downloads = published
    copy = tmp_path / "xxgk.db"
    shutil.copyfile(downloads / "xxgk.db", copy)
    site = sqlite3.connect(copy)
    site.executescript((downloads / "xxgk-fulltext.sql").read_text(encoding="utf-8"))
    full = sqlite3.connect(package / "xxgk.db")
    texts = [t for (t,) in full.execute("SELECT text FROM sections WHERE length(text) > 60 ORDER BY report_id")]
    phrases = ["依申请公开", "政府信息公开"] + [t[20:26] for t in texts[:: max(1, len(texts) // 6)]]
    for phrase in phrases:
        query = ['"' + phrase.replace('"', '""') + '"']
        found = site.execute(SEARCH, query).fetchall()
        assert found, phrase
        assert found == full.execute(SEARCH, query).fetchall(), phrase


def test_the_published_descriptor_describes_the_copy_and_lists_the_script(published):
    _, downloads = published
    query = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))["x_xxgk_query_files"]
    entries = {q["path"]: q for q in query}
    for name in ("xxgk.db", "xxgk-fulltext.sql"):
        data = (downloads / name).read_bytes()
        assert entries[name]["bytes"] == len(data)
        assert entries[name]["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert "xxgk-fulltext.sql" in entries["xxgk.db"]["description"]
    assert entries["xxgk-fulltext.sql"]["format"] == "sql"


def test_a_large_database_is_published_gzipped_and_the_descriptor_gives_the_unpacked_copy(seed_package, tmp_path,
                                                                                        monkeypatch):
    from xxgk.site import downloads

    package, _, _ = seed_package
    monkeypatch.setattr(downloads, "GZIP_ABOVE", 20_000)
    downloads.copy_downloads(package, tmp_path / "one")
    downloads.copy_downloads(package, tmp_path / "two")
    db = gzip.decompress((tmp_path / "one" / "xxgk.db.gz").read_bytes())
    assert not (tmp_path / "one" / "xxgk.db").exists()
    assert (tmp_path / "one" / "xxgk.db.gz").read_bytes() == (tmp_path / "two" / "xxgk.db.gz").read_bytes()
    script = "xxgk-fulltext.sql"
    assert (tmp_path / "one" / script).read_bytes() == (tmp_path / "two" / script).read_bytes()
    entry = next(q for q in json.loads((tmp_path / "one" / "datapackage.json").read_text(encoding="utf-8"))
                 ["x_xxgk_query_files"] if q["path"] == "xxgk.db.gz")
    assert entry["bytes"] == len(db) and entry["hash"] == "sha256:" + hashlib.sha256(db).hexdigest()
    assert entry["compression"] == "gz"
    assert not list((tmp_path / "one").glob("*.dropping"))  # the work copy is gone
    meta = gzip.decompress((tmp_path / "one" / "metadata.json.gz").read_bytes())  # 26 KB: over the test's cutoff
    assert b"fts_table" not in meta and not (tmp_path / "one" / "metadata.json").exists()
    entry = next(q for q in json.loads((tmp_path / "one" / "datapackage.json").read_text(encoding="utf-8"))
                 ["x_xxgk_query_files"] if q["path"] == "metadata.json.gz")
    assert entry["bytes"] == len(meta) and entry["hash"] == "sha256:" + hashlib.sha256(meta).hexdigest()


def _package_without_full_text(seed_package, tmp_path):
    """A copy of the seeds' package whose database has no full-text index (as with ``full_text`` emptied in the
    rules)."""
    package = tmp_path / "datapackage"
    shutil.copytree(seed_package[0], package)
    conn = sqlite3.connect(package / "xxgk.db")
    conn.execute("DROP TABLE sections_fts")
    conn.commit()
    conn.close()
    return package


def test_a_database_without_a_full_text_index_is_published_as_it_is(seed_package, tmp_path):
    from xxgk.site.downloads import copy_downloads

    package = _package_without_full_text(seed_package, tmp_path)
    copy_downloads(package, tmp_path / "site")
    assert (tmp_path / "site" / "xxgk.db").read_bytes() == (package / "xxgk.db").read_bytes()
    assert not (tmp_path / "site" / "xxgk-fulltext.sql").exists()


def test_the_data_page_offers_the_script_after_the_database_and_says_how_to_run_it(built_site):
    data = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert data.index("href=../downloads/xxgk.db>") < data.index("href=../downloads/xxgk-fulltext.sql>")  # minified
    assert "sqlite3 xxgk.db &lt; xxgk-fulltext.sql" in data
    script = (built_site / "downloads" / "xxgk-fulltext.sql").read_bytes()
    assert f"{len(script) / 1024:.1f} KB" in data


def test_without_a_full_text_index_the_data_page_offers_no_script(seed_package, tmp_path):
    from xxgk.site.build import write_site_src

    package = _package_without_full_text(seed_package, tmp_path)
    write_site_src(package, tmp_path / "site_src")
    data = (tmp_path / "site_src" / "data.md").read_text(encoding="utf-8")
    assert "xxgk-fulltext.sql" not in data and "含全文检索" in data


def test_datasette_shows_no_failing_search_box_and_finds_the_index_once_the_script_has_run(published, tmp_path):
    import asyncio

    from datasette.app import Datasette

    package, downloads = published
    meta = json.loads((downloads / "metadata.json").read_text(encoding="utf-8"))
    assert "fts_table" not in meta["databases"]["xxgk"]["tables"]["sections"]
    assert "fts_table" in json.loads((package / "metadata.json").read_text(encoding="utf-8"))[
        "databases"]["xxgk"]["tables"]["sections"]  # the package's names it
    entry = next(q for q in json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
                 ["x_xxgk_query_files"] if q["path"] == "metadata.json")
    assert entry["hash"] == "sha256:" + hashlib.sha256((downloads / "metadata.json").read_bytes()).hexdigest()
    copy = tmp_path / "xxgk.db"
    shutil.copyfile(downloads / "xxgk.db", copy)

    async def sections_page(query: str = "") -> tuple[int, str]:
        response = await Datasette([str(copy)], metadata=meta).client.get(f"/xxgk/sections{query}")
        return response.status_code, response.text

    status, page = asyncio.run(sections_page())
    assert status == 200 and 'name="_search"' not in page
    sqlite3.connect(copy).executescript((downloads / "xxgk-fulltext.sql").read_text(encoding="utf-8"))
    status, page = asyncio.run(sections_page())
    assert status == 200 and 'name="_search"' in page
    status, rows = asyncio.run(sections_page(".json?_search=依申请公开&_shape=array&_size=max"))
    full = sqlite3.connect(package / "xxgk.db")
    expected = full.execute("SELECT count(*) FROM sections_fts WHERE sections_fts MATCH '\"依申请公开\"'").fetchone()[0]
    assert status == 200 and len(json.loads(rows)) == expected > 0
