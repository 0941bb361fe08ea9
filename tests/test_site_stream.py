"""The site reads the package a report at a time: the stream gives every row of every report, in order, and
refuses a package whose rows are out of order; what one pass keeps equals what the whole package gives."""

from __future__ import annotations

import csv
import shutil
from collections import Counter

import pytest


@pytest.fixture(params=["seeds", "corpus"])
def package_dir(request, seed_package):
    if request.param == "seeds":
        return seed_package[0]
    return request.getfixturevalue("corpus_build")[0]  # skips without ../shared


def test_the_stream_gives_every_row_of_every_report_as_loading_does(package_dir):
    from xxgk.site.data import STREAMED, Package

    whole = Package.load(package_dir)
    opened = Package.open(package_dir)
    assert [r["report_id"] for r in opened.tables["reports"]] == [r["report_id"] for r in whole.tables["reports"]]
    assert opened.tables["reports"] == whole.tables["reports"] and opened.tables["agencies"] == whole.tables["agencies"]
    assert not set(STREAMED) & set(opened.tables)  # never held whole
    seen = {name: [] for name in STREAMED}
    for report, rows in opened.stream():
        for name in STREAMED:
            assert all(row["report_id"] == report["report_id"] for row in rows[name])
            seen[name] += rows[name]
    for name in STREAMED:
        assert seen[name] == whole.tables[name], name  # every row, in the package's order, cells as loaded
    assert sum(len(v) for v in seen.values()) > 100


def test_one_pass_keeps_what_the_whole_package_gives(package_dir):
    from xxgk.package.metrics import report_values
    from xxgk.site.data import Package
    from xxgk.site.summaries import summarise

    whole = Package.load(package_dir)
    summary = summarise(Package.open(package_dir), keep_per_code=2)
    expected = report_values(whole.tables, whole.tables["metrics"])
    assert {rid: dict(v) for rid, v in summary.values.items()} == expected
    counts = Counter(f["code"] for f in whole.tables["findings"])
    assert {code: n for code, (n, _) in summary.by_code.items()} == dict(counts)
    for code, (_, first) in summary.by_code.items():
        assert [f for _, f in first] == [f for f in whole.tables["findings"] if f["code"] == code][:2]
    assert {rid: [(f["code"], f["severity"]) for f in v] for rid, v in summary.findings.items()} == {
        rid: [(f["code"], f["severity"]) for f in v] for rid, v in whole.by_report("findings").items()}


def test_rows_out_of_report_order_are_an_error_never_dropped(seed_package, tmp_path):
    from xxgk.site.data import Package

    package = tmp_path / "pkg"
    shutil.copytree(seed_package[0], package)
    path = package / "data" / "applications.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    first = body[0][header.index("report_id")]
    moved = [r for r in body if r[header.index("report_id")] == first]
    body = [r for r in body if r[header.index("report_id")] != first] + moved  # the first report's rows last
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *body])
    with pytest.raises(ValueError, match="applications"):
        for _ in Package.open(package).stream():
            pass


def test_ranks_count_the_better_scores_of_the_same_year_and_tier():
    """Ranks (1, 1, 3 for equal scores) within one year and tier, in n log n: checked against the definition."""
    import random

    from xxgk.site.card import ranks

    rng = random.Random(16)
    reports = [{"report_id": f"r{i}", "year": rng.choice(["2023", "2024", None]),
                "tier": rng.choice(["county", "city"])} for i in range(400)]
    scores = {r["report_id"]: rng.choice([100, 97, 90, 70, 0]) for r in reports}
    got = ranks(reports, scores)
    for r in reports:
        if not r["year"]:
            assert r["report_id"] not in got
            continue
        group = [x for x in reports if (x["year"], x["tier"]) == (r["year"], r["tier"])]
        better = sum(scores[x["report_id"]] > scores[r["report_id"]] for x in group)
        assert got[r["report_id"]] == (1 + better, len(group))
    assert ranks([{"report_id": "a", "year": "2024"}, {"report_id": "b", "year": "2024"},
                  {"report_id": "c", "year": "2024"}], {"a": 90, "b": 90, "c": 80}) == {
        "a": (1, 3), "b": (1, 3), "c": (3, 3)}


def test_a_reports_digest_changes_with_its_rows_and_no_other(seed_package, tmp_path):
    """``stream(digests=…)``: the digest a report page states as its rows (``site/spool_reuse.py``) is the same for
    the same rows in another copy of the package, and changes for the report whose cell changed, only."""
    from xxgk.site.data import Package

    def digests(folder):
        out, digest = {}, []
        for report, _ in Package.open(folder).stream(digests=digest):
            out[report["report_id"]] = digest[0]
        return out

    copy = tmp_path / "copy"
    shutil.copytree(seed_package[0], copy)
    before = digests(seed_package[0])
    assert digests(copy) == before and len(set(before.values())) == len(before)
    path = copy / "data" / "applications.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("value")
    changed = next(r for r in rows[1:] if r[column] not in ("", "0"))
    changed[column] = str(int(changed[column]) + 1)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    after = digests(copy)
    assert {rid for rid in before if before[rid] != after[rid]} == {changed[rows[0].index("report_id")]}
