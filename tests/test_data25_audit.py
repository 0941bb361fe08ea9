"""Audit 25 (data): the package as researchers use it — recompute, trace, look up what a column means."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import SimpleNamespace

import pytest

from xxgk.package.build import build_package
from xxgk.site.browser_data import peer_medians
from xxgk.site.data import read_csv

from .conftest import SEEDS
from .test_workbook_limits import sheets

SEED = SEEDS / "001_5a6ed33a11e10be0.txt"  # 海城市数据局 2025: table 三 all zeros


def _with_applications(new: int, granted: int, partial: int) -> str:
    """Seed 001 with ``new`` applications, all processed: ``granted`` 予以公开 and ``partial`` 部分公开."""
    rows = {"| 一、本年新收": ("| 一、本年新收政府信息公开申请数量", new),
            "| 三、本年度办理结果 | (一)予以公开": ("| 三、本年度办理结果 | (一)予以公开", granted),
            "| (二)部分公开": ("| (二)部分公开(区分处理的,只计这一情形,不计其他情形)", partial),
            "| (七)总计": ("| (七)总计", new)}
    out = []
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        for start, (label, n) in rows.items():
            if line.startswith(start):
                line = f"{label} | {n} | 0 | 0 | 0 | 0 | 0 | {n} | ||"
        out.append(line)
    return "\n".join(out)


@pytest.fixture(scope="module")
def tie_package(tmp_path_factory):
    """A package of two reports whose shares fall on a half: 1 of 16 (6.25 %) and 23 of 2,000 (1.15 %)."""
    root = tmp_path_factory.mktemp("data25")
    reports = root / "reports"
    reports.mkdir()
    (reports / "sixteen.txt").write_text(_with_applications(16, 1, 15), encoding="utf-8")
    (reports / "two-thousand.txt").write_text(_with_applications(2000, 23, 1977), encoding="utf-8")
    _, errors = build_package(reports, root / "out", workers=1)
    assert errors == []
    return root / "out"


def _excel_round(value: Fraction, places: int) -> float:
    """What Excel's ROUND (and 四舍五入) gives for the exact value."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def test_published_shares_are_the_formula_rounded_half_up(tie_package):
    """A user recomputes 予以公开比例 and 部分公开比例 from applications.csv with metrics.csv's formula in Excel: the
    package says 6.3 and 1.2 as she does (it said 6.2 and 1.1: Python's half-to-even on the binary double)."""
    cells = {(r["report_id"], r["row"]): int(r["value"]) for r in read_csv(tie_package / "data" / "applications.csv")
             if r["applicant"] == "total" and r["value"] is not None}
    rows = read_csv(tie_package / "data" / "metric_values.csv")
    published = {(r["report_id"], r["metric"]): r["value"] for r in rows}
    checked = {}
    for (rid, metric), value in published.items():
        row = {"granted_share": "granted", "partial_share": "partially_granted"}.get(metric)
        if row:
            expected = _excel_round(Fraction(100 * cells[rid, row], cells[rid, "total_processed"]), 1)
            assert float(value) == expected, (rid, metric, value, expected)
            checked[rid.split("-")[0], metric] = float(value)
    assert checked[("sixteen", "granted_share")] == 6.3
    assert checked[("sixteen", "partial_share")] == 93.8
    assert checked[("two", "granted_share")] == 1.2


def test_peer_median_of_two_shares_is_rounded_half_up():
    """The median of 6.2 % and 6.3 % is 6.25 %: the site's 同类组中位数 says 6.3, as MEDIAN then ROUND does."""
    reports = [{"report_id": rid, "peer_group": "2025|county|辽宁省|department|数据", "source_file": f"{rid}.txt",
                "sha256": rid, "status": "parsed"} for rid in ("a", "b")]
    pkg = SimpleNamespace(tables={"reports": reports, "metrics": [{"code": "granted_share"}]})
    medians = peer_medians(pkg, {"a": {"granted_share": 6.2}, "b": {"granted_share": 6.3}})
    assert medians["2025|county|辽宁省|department|数据"]["granted_share"] == (6.3, 2)


def _descriptor(out):
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def test_every_line_column_says_which_text_its_line_is_of(tie_package):
    """A user follows ``line``'s description from datapackage.json to the file it names and finds the number on that
    line (it said "Line of the source file": for h011.html, 4 lines long, its values cite line 45 of a text the
    descriptor never named)."""
    descriptor = _descriptor(tie_package)
    lines = {r["name"]: f["description"] for r in descriptor["resources"] for f in r["schema"]["fields"]
             if f["name"] == "line"}
    assert set(lines) == {"active_disclosure", "applications", "review_litigation", "findings", "sections"}
    for resource, description in lines.items():
        assert "sources/<report_id>.txt" in description, resource
        assert "src/<report_id>.html#L" in description, resource
    assert "sources/<report_id>.txt" in descriptor["description"]
    checked = 0
    for resource in ("active_disclosure", "applications", "review_litigation"):
        for row in read_csv(tie_package / "data" / f"{resource}.csv"):
            if row["value"] is None or row["line"] is None:
                continue
            text = (tie_package / "sources/<report_id>.txt".replace("<report_id>", row["report_id"])).read_text(
                encoding="utf-8").split("\n")[int(row["line"]) - 1]
            assert row["value"] in text, (resource, row)
            checked += 1
    assert checked > 300


def test_the_identity_a_share_must_satisfy_is_explained_in_the_package(tie_package):
    """metrics.holds names an identity (applications_processed_sum): a user looks it up in the package and finds
    what must add up (it was defined only in the code's rules/identities.yaml)."""
    descriptor = _descriptor(tie_package)
    metrics = next(r for r in descriptor["resources"] if r["name"] == "metrics")
    assert {"fields": "holds", "reference": {"resource": "identities", "fields": "code"}} in \
        metrics["schema"]["foreignKeys"]
    identities = {r["code"]: r for r in read_csv(tie_package / "data" / "identities.csv")}
    named = {m["holds"] for m in read_csv(tie_package / "data" / "metrics.csv") if m["holds"]}
    assert named and named <= set(identities)
    assert identities["applications_processed_sum"]["label_zh"] == "（七）总计应等于各项办理结果之和"
    assert all(r["description_en"] for r in identities.values())


def test_every_column_of_every_sheet_and_wide_table_is_explained(tie_package):
    """A user opens xxgk.xlsx and looks up each column of each sheet in its codebook, and each column of wide/*.csv
    (in the zip) in datapackage.json: all are there (表2/表3/表4 — 报告编号, 格式, 指标1, 自然人, 行政复议·结果维持 … —
    were explained nowhere)."""
    book = sheets((tie_package / "xxgk.xlsx").read_bytes())
    explained = {(row[0], row[1]) for row in book["codebook"][1:] if len(row) > 1}
    for name, rows in book.items():
        if name != "codebook":
            assert [c for c in rows[0] if (name, c) not in explained] == [], name
    assert {"表2_主动公开", "表3_依申请公开", "表4_复议诉讼"} <= set(book)
    wide = {w["path"]: w for w in _descriptor(tie_package)["x_xxgk_wide_tables"]}
    assert sorted(wide) == sorted(p.relative_to(tie_package).as_posix() for p in (tie_package / "wide").glob("*.csv"))
    for path, table in wide.items():
        header = (tie_package / path).read_text(encoding="utf-8-sig").split("\n")[0].split(",")
        assert header == [f["name"] for f in table["fields"]], path
        assert all(f["description"] and f["type"] in ("string", "integer", "number") for f in table["fields"])


def test_the_zip_holds_its_files_with_the_sizes_and_hashes_its_descriptor_gives(tie_package, tmp_path):
    """A user checks the zip against its datapackage.json, and Frictionless finds a download cut short (before, no
    CSV had a size or hash: a findings.csv missing its last row validated as VALID)."""
    with zipfile.ZipFile(tie_package / "xxgk-datapackage.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
        held = {name: archive.read(name) for name in archive.namelist()}
    descriptor = json.loads(held["datapackage.json"])
    listed = [*descriptor["resources"], *descriptor["x_xxgk_wide_tables"]]
    assert sorted(e["path"] for e in listed) == sorted(n for n in held if n.endswith(".csv"))
    for entry in listed:
        data = held[entry["path"]]
        assert (entry["bytes"], entry["hash"]) == (len(data), "sha256:" + hashlib.sha256(data).hexdigest())
    findings = tmp_path / "unzipped" / "data" / "findings.csv"
    findings.write_bytes(findings.read_bytes().rsplit(b"\n", 2)[0] + b"\n")  # the last row lost
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json",
                             str(tmp_path / "unzipped" / "datapackage.json")], capture_output=True, text=True)
    report = json.loads(result.stdout)
    broken = {task["name"]: {e["type"] for e in task["errors"]} for task in report["tasks"] if not task["valid"]}
    assert broken == {"findings": {"hash-count", "byte-count"}}
