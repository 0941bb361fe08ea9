"""House checks: lint clean, rule tables well-formed, every finding code the code uses is catalogued."""

from __future__ import annotations

import re
import subprocess
import sys

from xxgk.catalog import RULES, findings_catalogue, patterns, table

from .conftest import ROOT


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "build", "tests", "benchmarks", "fuzz"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_alias_pattern_compiles_and_every_rule_table_has_its_columns():
    for name in ("row_labels", "item_labels", "section_headings", "proceeding_labels", "outcome_labels"):
        assert patterns(name), name
    for row in table("narrative_claims"):
        # one group, the count stated; none for a claim of none (未收到政府信息公开申请: a count of 0)
        groups = re.compile(row["pattern"]).groups
        assert groups == 1 or (groups == 0 and row["claim"].endswith("_none")), row["claim"]
    assert {r["table"] for r in table("format_headers")} == {"active"}


def test_every_finding_code_used_in_the_code_is_catalogued():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "build" / "xxgk").rglob("*.py"))
    used = set(re.findall(r'make\(\s*"([a-z_]+)"', source))
    used |= {f"value_{p}" for p in ("invalid", "unreadable")}
    assert used and used <= set(findings_catalogue()), used - set(findings_catalogue())
    assert all(row["severity"] in ("error", "warning", "info") for row in findings_catalogue().values())
    assert (RULES / "findings.csv").exists()
