"""Site audit 26 (a reader's journeys, fourth round), the parts that need no browser: agency ids that stay when
a homophone agency arrives."""

from __future__ import annotations

from xxgk.agency.registry import agency_ids, identity_of
from xxgk.package.collect import collect

from .factory import tab_report


def _ids(folder, reports: dict[str, tuple[str, int]]) -> dict[str, str]:
    """``{agency name: agency_id}`` of the reports ``{file: (agency, year)}`` collected together from ``folder``."""
    folder.mkdir()
    for name, (agency, year) in reports.items():
        (folder / name).write_text(tab_report(agency=agency, year=year), encoding="utf-8")
    parsed = collect(folder)
    ids = agency_ids(parsed)
    return {identity_of(r).name: ids[identity_of(r).key] for r in parsed}


def test_an_agency_keeps_its_id_when_a_homophone_agency_arrives_later(tmp_path):
    # (audit 26: 格尔木市数据局 and 格尔木市数聚局 are both geermushujuju; adding the second renamed the first's id to
    # qinghai-haixi-geermu-shujuju-xxxx, moving its pages and breaking every link to them)
    first = {"a.txt": ("格尔木市数据局", 2023)}
    alone = _ids(tmp_path / "alone", first)
    both = _ids(tmp_path / "both", first | {"b.txt": ("格尔木市数聚局", 2024)})
    assert alone == {"格尔木市数据局": "qinghai-haixi-geermu-shujuju"}
    assert both["格尔木市数据局"] == "qinghai-haixi-geermu-shujuju", both
    assert both["格尔木市数聚局"].startswith("qinghai-haixi-geermu-shujuju-"), both
    # the newcomer's id is its own (a digest of its key), whatever else is there: it stays too
    later = {"b.txt": ("格尔木市数聚局", 2024), "c.txt": ("格尔木市数聚局", 2025)}
    assert _ids(tmp_path / "again", first | later) == both
