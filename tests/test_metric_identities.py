"""A share of 办理总计 is published only when table 三's outcome rows add up to it: 湟中区 2025 prints every outcome
as 0 and 总计 as 11, and its 予以公开比例 was published, ranked and charted as 0 %, a figure the report never
states. It is now missing (the identity_broken finding says why), and the report page says so instead of drawing
six bars of 0."""

from __future__ import annotations

import csv

from tests.conftest import read_page, report_page_url
from xxgk.catalog import outcome_row_codes
from xxgk.package.metrics import metric_rows, report_values

HUANGZHONG_2025 = "003-3c47b46a8581de8b-0988c9"  # the seed whose outcomes (all 0) do not add up to 总计 (11)


def _tables(outcomes: dict[str, int], processed: int, natural_person_processed: int | None = None) -> dict:
    rows = [{"report_id": "r", "row": row, "applicant": "total", "value": str(outcomes.get(row, 0))}
            for row in outcome_row_codes("2021")]
    rows.append({"report_id": "r", "row": "total_processed", "applicant": "total", "value": str(processed)})
    if natural_person_processed is not None:  # a column the shares do not read, its identity broken
        rows.append({"report_id": "r", "row": "total_processed", "applicant": "natural_person",
                     "value": str(natural_person_processed)})
    return {"reports": [{"report_id": "r", "format": "2021"}], "applications": rows}


def test_a_share_is_missing_when_the_outcomes_do_not_add_up_to_the_total():
    values = report_values(_tables({}, 11), metric_rows())["r"]
    assert values["granted_share"] is None and values["denied_share"] is None
    assert values["processed"] == 11  # the count itself is as printed


def test_a_share_is_computed_when_the_outcomes_add_up():
    values = report_values(_tables({"granted": 3, "partially_granted": 1}, 4), metric_rows())["r"]
    assert (values["granted_share"], values["partial_share"]) == (75.0, 25.0)


def test_a_broken_column_the_share_does_not_read_leaves_it_computed():
    values = report_values(_tables({"granted": 3, "partially_granted": 1}, 4, natural_person_processed=9),
                           metric_rows())["r"]
    assert values["granted_share"] == 75.0


def test_the_package_and_the_report_page_of_the_seed_that_does_not_add_up(seed_package, built_site):
    folder, _, _ = seed_package
    with (folder / "data" / "metric_values.csv").open(encoding="utf-8-sig") as handle:
        mine = {r["metric"]: r["value"] for r in csv.DictReader(handle) if r["report_id"] == HUANGZHONG_2025}
    assert mine["processed"] == "11" and mine["granted_share"] == ""  # before: 0.0
    page = read_page(built_site / report_page_url(built_site, HUANGZHONG_2025).lstrip("/"))
    assert "勾稽关系不成立" in page and f"{HUANGZHONG_2025}-outcomes" not in page  # a note, not six bars of 0
