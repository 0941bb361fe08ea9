"""The query formats beside the CSVs: xxgk.db (SQLite, full-text search, Datasette) and parquet/.

What a user checks: the database and the Parquet files say exactly what the CSVs say, with the
schema's types; a Chinese phrase from a report's narrative finds that report; ``datasette`` serves
the database; the files are listed in datapackage.json and the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from xxgk.site.data import read_csv

from .conftest import ROOT, SEEDS

# A phrase printed in the overview of seed 000 (格尔木市数据局), and a 3-character one.
PHRASE, SOURCE = "政务服务提质增效", "000_4cb0808ff48d5523.txt"
SHORT = "数算产"


def _descriptor(out):
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def _typed(text, kind):
    """A CSV cell as the schema types it (written here, not taken from the code under test)."""
    if text is None:
        return None
    if kind == "boolean":  # Table Schema's default true/false values; 0/1 in SQLite
        return {"true": 1, "false": 0}[text]
    return int(text) if kind == "integer" else float(text) if kind == "number" else text


def _connect(out):
    conn = sqlite3.connect(f"file:{out / 'xxgk.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def test_every_resource_is_a_table_equal_to_its_csv_row_for_row(seed_package):
    out, _, _ = seed_package
    conn = _connect(out)
    for resource in _descriptor(out)["resources"]:
        fields = resource["schema"]["fields"]
        expected = [tuple(_typed(row[f["name"]], f["type"]) for f in fields)
                    for row in read_csv(out / resource["path"])]
        cursor = conn.execute(f"SELECT * FROM [{resource['name']}]")
        assert [d[0] for d in cursor.description] == [f["name"] for f in fields], resource["name"]
        got = [tuple(row) for row in cursor]  # tables with a compound key are in key order, not CSV order
        assert sorted(got, key=repr) == sorted(expected, key=repr), resource["name"]
        assert len(got) == len(expected) > 0, resource["name"]


def test_tables_have_the_schemas_keys_and_indexed_foreign_keys(seed_package):
    out, _, _ = seed_package
    conn = _connect(out)
    for resource in _descriptor(out)["resources"]:
        name, schema = resource["name"], resource["schema"]
        pk = [r["name"] for r in sorted(conn.execute(f"PRAGMA table_info([{name}])"), key=lambda r: r["pk"]) if r["pk"]]
        assert pk == schema.get("primaryKey", []), name
        fks = {(r["from"], r["table"], r["to"]) for r in conn.execute(f"PRAGMA foreign_key_list([{name}])")}
        declared = {(fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
                    for fk in schema.get("foreignKeys", [])}
        assert fks == declared, name
        indexed = {r["name"] for i in conn.execute(f"PRAGMA index_list([{name}])")
                   for r in conn.execute(f"PRAGMA index_info([{i['name']}])")}
        assert {column for column, _, _ in declared} <= indexed | set(pk), name
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    types = {r["name"]: r["type"] for r in conn.execute("PRAGMA table_info(applications)")}
    assert types["value"] == "INTEGER" and types["report_id"] == "TEXT"


def test_full_text_search_finds_the_report_by_a_chinese_phrase(seed_package):
    out, _, _ = seed_package
    assert PHRASE in (SEEDS / SOURCE).read_text(encoding="utf-8")
    conn = _connect(out)
    for phrase in (PHRASE, SHORT):
        found = conn.execute(
            "SELECT DISTINCT r.source_file FROM sections_fts JOIN sections s ON s.rowid = sections_fts.rowid "
            "JOIN reports r ON r.report_id = s.report_id WHERE sections_fts MATCH ?", [f'"{phrase}"']).fetchall()
        assert [row[0] for row in found] == [SOURCE], phrase
    assert "trigram" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sections_fts'").fetchone()[0]


def test_views_have_the_official_wide_shapes_of_the_wide_csvs(seed_package):
    out, _, _ = seed_package
    conn = _connect(out)
    for view in ("表2_主动公开", "表3_依申请公开", "表4_复议诉讼"):
        cursor = conn.execute(f"SELECT * FROM [{view}]")
        header = [d[0] for d in cursor.description]
        wide = read_csv_bom(out / "wide" / f"{view}.csv")
        assert header == list(wide[0]), view
        got = [[None if v is None else str(v) for v in row] for row in cursor]
        want = [[None if v is None else v for v in row.values()] for row in wide]
        assert [[_number_text(v) for v in row] for row in got] == [[_number_text(v) for v in row] for row in want]


def read_csv_bom(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]


def _number_text(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def test_outcome_view_keeps_missing_as_missing(seed_package):
    out, _, _ = seed_package
    row = _connect(out).execute("SELECT * FROM 申请办理结果 WHERE 报告编号 LIKE '002-%'").fetchone()
    # 002 lost the cells of row "2.重复申请" (a 不予处理 row): the group is missing, not a smaller sum
    assert row["不予处理"] is None and row["予以公开"] == 10


def test_parquet_read_by_pandas_equals_the_csvs_with_the_schemas_types(seed_package):
    pd = pytest.importorskip("pandas")
    from datetime import date

    out, _, _ = seed_package
    dtypes = {"integer": "Int64", "number": "Float64", "string": "string", "boolean": "boolean"}
    for resource in _descriptor(out)["resources"]:
        frame = pd.read_parquet(out / "parquet" / f"{resource['name']}.parquet", dtype_backend="numpy_nullable")
        fields = resource["schema"]["fields"]
        assert list(frame.columns) == [f["name"] for f in fields]
        rows = read_csv(out / resource["path"])
        assert len(frame) == len(rows)
        for f in fields:
            column = frame[f["name"]]
            if f["type"] == "date":
                assert column.tolist() == [None if r[f["name"]] is None else date.fromisoformat(r[f["name"]])
                                           for r in rows]
                continue
            assert str(column.dtype) == dtypes[f["type"]], (resource["name"], f["name"])
            want = [_typed(r[f["name"]], f["type"]) for r in rows]
            assert [None if pd.isna(v) else v for v in column.tolist()] == want, (resource["name"], f["name"])


def test_query_files_are_listed_in_the_descriptor_with_size_and_hash(seed_package):
    import hashlib

    out, _, _ = seed_package
    listed = {e["path"]: e for e in _descriptor(out)["x_xxgk_query_files"]}
    assert {"xxgk.db", "metadata.json"} <= set(listed)
    assert {p for p in listed if p.startswith("parquet/")} == {
        f"parquet/{r['name']}.parquet" for r in _descriptor(out)["resources"]}
    for path, entry in listed.items():
        data = (out / path).read_bytes()
        assert entry["bytes"] == len(data) and entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_datasette_metadata_describes_every_table_and_view(seed_package):
    out, _, _ = seed_package
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC-BY-4.0" and meta["source"] and meta["license_url"].startswith("https://")
    tables = meta["databases"]["xxgk"]["tables"]
    names = {r[0] for r in _connect(out).execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sections_fts%'")}
    assert names == set(tables)
    assert tables["applications"]["columns"]["value"].endswith("（单位：件）")
    assert {"province", "year", "status"} <= set(tables["reports"]["facets"])
    assert tables["sections"]["fts_table"] == "sections_fts"


def test_same_input_gives_byte_identical_query_files(seed_package, tmp_path):
    """A second build in another process (other hash seed) gives the same bytes."""
    out, _, _ = seed_package
    script = ("import sys; from xxgk.package.build import build_package; "
              "build_package(sys.argv[1], sys.argv[2], workers=1)")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-c", script, str(SEEDS), str(tmp_path / "again")], check=True, cwd=ROOT, env=env)
    paths = ["xxgk.db", "metadata.json", "datapackage.json"] + [
        p.relative_to(out).as_posix() for p in sorted((out / "parquet").glob("*.parquet"))]
    assert len(paths) > 3
    for path in paths:
        assert (tmp_path / "again" / path).read_bytes() == (out / path).read_bytes(), path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def test_datasette_serves_a_table_page_and_a_full_text_search(seed_package):
    pytest.importorskip("datasette")
    out, _, _ = seed_package
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(out / "xxgk.db"), "-m",
                               str(out / "metadata.json"), "-h", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "datasette did not start within 60 s"
                time.sleep(0.3)
        status, page = _get(f"{base}/xxgk/reports")
        assert status == 200 and "格尔木市数据局" in page
        status, body = _get(f"{base}/xxgk/applications.json?_shape=array&row=new&applicant=total")
        assert status == 200 and len(json.loads(body)) == 4  # a WITHOUT ROWID table; 000 has no table 3
        status, body = _get(f"{base}/xxgk/sections.json?_shape=array&_search={urllib.parse.quote(PHRASE)}")
        assert status == 200 and {r["report_id"][:3] for r in json.loads(body)} == {"000"}
        status, body = _get(f"{base}/xxgk/search_sections.json?_shape=array&q={urllib.parse.quote(SHORT)}")
        assert status == 200 and [r["报告编号"][:3] for r in json.loads(body)] == ["000"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stderr.close()


def test_a_new_resource_and_a_metrics_resource_need_no_code_change():
    """Tables come from the schema: an unknown resource becomes a table with its keys; a ``metric_values``
    table gets the wide metric view."""
    from xxgk.package.sql_views import metric_views
    from xxgk.package.sqlite_db import database

    schemas = {
        "reports": {"primaryKey": ["report_id"], "fields": [
            {"name": "report_id", "type": "string"}, {"name": "agency", "type": "string"},
            {"name": "agency_name", "type": "string"}, {"name": "year", "type": "integer"}]},
        "metric_values": {"primaryKey": ["report_id", "metric"],
                    "foreignKeys": [{"fields": "report_id",
                                     "reference": {"resource": "reports", "fields": "report_id"}}],
                    "fields": [{"name": "report_id", "type": "string"}, {"name": "metric", "type": "string"},
                               {"name": "value", "type": "number"}]},
    }
    db = database({"metric_values": b"report_id,metric,value\na,share,12.5\na,received,\n",
                   "reports": "report_id,agency,agency_name,year\na,X局,某县X局,2024\n".encode()}, schemas.__getitem__)
    table = db["metric_values"]
    assert table.pks == ["report_id", "metric"] and table.foreign_keys[0].other_table == "reports"
    sql = metric_views(db)["指标宽表"]
    assert list(db.query(sql)) == [{"报告编号": "a", "机构": "X局", "机构全称": "某县X局", "年度": 2024,
                                    "received": None, "share": 12.5}]


def test_the_metric_values_of_every_report_are_in_the_package_and_the_database(seed_package):
    """The values the site charts are published (metric_values) and pivoted in 指标宽表: 本年新收申请 is the
    total of table 3's row 一 as printed in each seed (missing where that cell is missing)."""
    out, _, _ = seed_package
    number = {None: None, "": None}
    new_totals = {r["report_id"]: number.get(r["value"], r["value"]) for r in read_csv(out / "data/applications.csv")
                  if r["row"] == "new" and r["applicant"] == "total"}
    published = {(r["report_id"], r["metric"]): r["value"] for r in read_csv(out / "data/metric_values.csv")}
    assert {rid: published[(rid, "received")] for rid in new_totals} == new_totals
    assert any(v is not None for v in new_totals.values())
    wide = {row["报告编号"]: dict(row) for row in _connect(out).execute('SELECT * FROM "指标宽表"')}
    assert {rid: wide[rid]["received"] for rid in new_totals} == {
        rid: None if v is None else int(v) for rid, v in new_totals.items()}


def test_cross_report_questions_use_the_small_partial_index(seed_package):
    """``applications``' cross-report index holds only the total column (what the views and the usual question
    read): the question is answered by an index search, the views run, and no index repeats every row's key."""
    out, _, _ = seed_package
    conn = _connect(out)
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT report_id, value FROM applications WHERE row = 'new' AND applicant = 'total'"))
    assert "USING INDEX idx_applications_row_partial" in plan, plan
    total = conn.execute("SELECT SUM(value) FROM applications WHERE row = 'new' AND applicant = 'total'").fetchone()[0]
    with (out / "data" / "applications.csv").open(encoding="utf-8-sig", newline="") as handle:
        expected = sum(int(r["value"]) for r in csv.DictReader(handle)
                       if r["row"] == "new" and r["applicant"] == "total" and r["value"])
    assert total == expected > 0
    for view in ("申请办理结果", "表3_依申请公开"):
        assert conn.execute(f'SELECT COUNT(*) FROM "{view}"').fetchone()[0] > 0, view
    indexes = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                          "'applications' AND sql IS NOT NULL")]
    assert indexes == ["idx_applications_row_partial"], indexes
