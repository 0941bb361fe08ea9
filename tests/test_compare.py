"""The compare page and its data: the published ``metrics`` resource is the one definition (every formula
names real codes), the browser's per-measure files carry the values a reader reads off the reports (checked
against the corpus gold), missing stays missing, nothing is summed across years, and the page's controls are
labelled. The drawn view and its URL are checked in Chromium (test_agencies_browser.py)."""

from __future__ import annotations

import csv
import json
import re

from .conftest import needs_shared
from .test_agency_pages import PINGTAN, _gold, _rows


def test_every_metric_formula_names_cells_that_exist(seed_package):
    from xxgk.package.metrics import TABLE_KEYS, formula_for

    out, _, errors = seed_package
    assert errors == []
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert "metrics" in [r["name"] for r in descriptor["resources"]]
    lists = {"applications": ("application_rows", "applicants"), "review_litigation": ("proceedings", "outcomes"),
             "active_disclosure": ("items", "measures")}
    known = {name: {r["code"] for r in _rows(out, name)} for pair in lists.values() for name in pair}
    metrics = _rows(out, "metrics")
    assert {"code", "label_zh", "unit", "formula", "editions"} <= set(metrics[0])
    for m in metrics:
        for edition in m["editions"].split():
            for table, a, b in re.findall(r"([a-z_]+):([a-z0-9_]+):([a-z0-9_]+)", formula_for(m, edition)):
                assert table in TABLE_KEYS and a in known[lists[table][0]] and b in known[lists[table][1]], m["code"]


@needs_shared
def test_the_measure_files_carry_the_gold_values_and_leave_missing_missing(corpus_build):
    pkg, site_src = corpus_build
    received = json.loads((site_src / "json" / "m" / "received.json").read_text(encoding="utf-8"))
    assert received["v"]["fujian-pingtanzongheshiyanqu"] == {
        str(year): _gold(name)["applications"]["new"][6] for name, year in PINGTAN.items()}
    granted = json.loads((site_src / "json" / "m" / "granted_share.json").read_text(encoding="utf-8"))
    for name, year in PINGTAN.items():
        gold = _gold(name)["applications"]
        expected = round(100 * gold["granted"][6] / gold["total_processed"][6], 1)
        assert granted["v"]["fujian-pingtanzongheshiyanqu"][str(year)] == expected
    carried = json.loads((site_src / "json" / "m" / "carried_over.json").read_text(encoding="utf-8"))
    assert carried["v"]["fujian-pingtanzongheshiyanqu"]["2019"] == _gold("h004.txt")["applications"]["carried_over"][6]
    issued = json.loads((site_src / "json" / "m" / "normative_issued.json").read_text(encoding="utf-8"))
    assert all("2019" not in v for v in issued["v"].values())  # not in the 2019 template: missing, never 0


@needs_shared
def test_peer_medians_are_over_one_year_and_one_peer_group(corpus_build):
    pkg, site_src = corpus_build
    reports = _rows(pkg, "reports")
    received = json.loads((site_src / "json" / "m" / "received.json").read_text(encoding="utf-8"))
    # each agency's group a year, by number (session 33: a measure's file gave the median for each agency and year)
    groups = json.loads((site_src / "json" / "peer-groups.json").read_text(encoding="utf-8"))["a"]
    for r in reports:
        if r["peer_group"] and any(str(n) in received["peer"] for n in groups.get(r["agency_id"], {}).values()):
            assert r["peer_group"].startswith(r["year"] + "|")
            members = [x for x in reports if x["peer_group"] == r["peer_group"]]
            values = sorted(received["v"][x["agency_id"]][x["year"]] for x in members
                            if x["year"] in received["v"].get(x["agency_id"], {}))
            median, n = received["peer"][str(groups[r["agency_id"]][r["year"]])]
            assert n == len(values) and values[(n - 1) // 2] <= median <= values[n // 2]


@needs_shared
def test_home_and_compare_never_add_up_different_years(corpus_build):
    pkg, site_src = corpus_build
    home = (site_src / "index.md").read_text(encoding="utf-8")
    received = json.loads((site_src / "json" / "m" / "received.json").read_text(encoding="utf-8"))
    latest = max(int(y) for v in received["v"].values() for y in v)
    # one total per kind (audit 27: a government's summary report was added to its departments' reports)
    with open(pkg / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        kinds = {r["agency_id"]: r["kind"] or "unknown" for r in csv.DictReader(handle) if r["year"] == str(latest)}
    totals = 0
    for kind, said in (("government", "人民政府汇总报告"), ("department", "政府部门报告"),
                       ("unknown", "类别未知的报告")):
        values = [v[str(latest)] for agency, v in received["v"].items() if str(latest) in v and kinds[agency] == kind]
        totals += len(values)
        assert (f"<b>{sum(values)}</b>件新收申请（{latest}年度{len(values)}份{said}合计）" in home) == bool(values)
    assert totals == sum(1 for v in received["v"].values() if str(latest) in v) > 0
    compare = (site_src / "compare.md").read_text(encoding="utf-8")
    assert "按省份汇总" not in compare  # the old chart that added 2019–2025 up is gone


def test_every_compare_control_has_a_label(seed_package, tmp_path):
    from xxgk.site.build import write_site_src

    out, _, _ = seed_package
    write_site_src(out, tmp_path / "site_src")
    page = (tmp_path / "site_src" / "compare.md").read_text(encoding="utf-8")
    controls = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', page)
    assert {"xxgk-compare-add", "xxgk-compare-metric", "xxgk-compare-from", "xxgk-compare-to",
            "xxgk-league-province", "xxgk-league-tier", "xxgk-league-kind"} <= set(controls)
    for control in controls:
        assert f'<label for="{control}">' in page, control
