"""Session 29: the package as researchers query it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _query(sql: str) -> list[tuple]:
    with sqlite3.connect(f"file:{ROOT / 'datapackage' / 'xxgk.db'}?mode=ro", uri=True) as db:
        return db.execute(sql).fetchall()


def test_a_count_in_the_metrics_is_a_whole_number_in_sqlite():
    """metric_values.value holds counts and shares in one number column: 格尔木's 1,075 licensing decisions read
    1075.0 in SQLite and in Datasette (REAL), as if a count could be a fraction; a share keeps its decimal."""
    assert _query("SELECT value, typeof(value) FROM metric_values WHERE metric = 'licensing' AND value = 1075") \
        == [(1075, "integer")]
    shares = _query("SELECT DISTINCT typeof(value) FROM metric_values WHERE metric = 'granted_share' "
                    "AND value <> CAST(value AS INTEGER)")
    assert shares == [("real",)]
    # every whole value is stored whole, every number column alike (table 二's 万元 amounts too)
    assert _query("SELECT count(*) FROM metric_values WHERE typeof(value) = 'real' "
                  "AND value = CAST(value AS INTEGER)") == [(0,)]
    assert _query("SELECT count(*) FROM active_disclosure WHERE typeof(amount) = 'real' "
                  "AND amount = CAST(amount AS INTEGER)") == [(0,)]
