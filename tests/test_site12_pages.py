"""Round 5 of the site, without a browser: pages built from packages the earlier rounds did not try."""

from __future__ import annotations

import json

from .factory import tab_report


def test_byte_identical_reports_the_manifest_names_as_agencies_of_their_own_still_make_a_site(tmp_path):
    """Two byte-identical files, the manifest naming them apart (a 公安局 and a 教育局): the copy is ranked once and
    left out of its peer group's median, so its group has no median; before, the site's browser data looked that
    median up and the whole build stopped (KeyError)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("a.txt", "b.txt"):
        (reports / name).write_text(tab_report(agency="格尔木市数据局"), encoding="utf-8")
    (reports / "sources.csv").write_text("file,agency,year\na.txt,格尔木市公安局,2024\nb.txt,格尔木市教育局,2024\n",
                                         encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    write_site_src(tmp_path / "datapackage", tmp_path / "site_src")
    agencies = json.loads((tmp_path / "site_src" / "json" / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    assert {a["n"] for a in agencies} >= {"格尔木市公安局", "格尔木市教育局"}
