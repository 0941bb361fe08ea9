"""What the eighteenth hostile-input audit found (session 42, round 10): the site's scripts as a sink for the address a
reader is sent to and for the text they show, file and agency names as identities, the regular expressions added
since session 38, and the font cases round 9 left."""

from __future__ import annotations

import csv

from tests.factory import tab_report


def _package(tmp_path, files: dict[str, str], manifest: str) -> dict[str, dict]:
    """The package of ``files`` (name → text) beside ``manifest`` (``sources.csv``): ``{file: its reports.csv row}``."""
    from xxgk.package.build import build_package

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    (reports / "sources.csv").write_text(manifest, encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    with open(tmp_path / "datapackage" / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        return {row["source_file"]: row for row in csv.DictReader(handle)}


def test_a_manifest_name_written_with_compatibility_characters_is_the_agency_its_title_names(tmp_path):
    """A manifest's agency whose 林 is U+F9F4 (a CJK compatibility ideograph: it looks the same) or whose 1 is
    full-width was another agency than the one the titles name, with its own id and pages — two pages of one name
    for one agency, or, for a name some character of which has no reading, a page taking the other's id. The titles'
    names are folded (NFKC); the manifest's were not. Now the manifest's are folded as a title's: one agency each."""
    files = {"a.txt": tab_report(agency="样例县林业局", carried_over=1),
             "b.txt": tab_report(agency="样例县林业局", year=2023, carried_over=2),
             "c.txt": tab_report(agency="样例县第1中学", carried_over=3),
             "d.txt": tab_report(agency="样例县第1中学", year=2023, carried_over=4)}
    rows = _package(tmp_path, files, "file,agency\nb.txt,样例县\uf9f4业局\nd.txt,样例县第\uff11中学\n")
    assert rows["b.txt"]["agency_id"] == rows["a.txt"]["agency_id"]
    assert rows["d.txt"]["agency_id"] == rows["c.txt"]["agency_id"]
    assert [rows[f + ".txt"]["agency"] for f in "abcd"] == [rows["a.txt"]["agency"]] * 2 + [rows["c.txt"]["agency"]] * 2
    assert "\uf9f4" not in rows["b.txt"]["agency"] and rows["d.txt"]["agency"].endswith("第1中学")
