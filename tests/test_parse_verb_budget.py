"""``xxgk parse FILE`` reads an untrusted file within the same per-file budget as a build (wall time, memory):
a file that takes longer stops at the budget with the build's ``over_budget`` finding, and exit code 1."""

from __future__ import annotations

import dataclasses

from xxgk import cli
from xxgk.package import collect


def slow_report(lines: int = 20_000) -> str:
    """A report whose table goes on for tens of thousands of lines: seconds of parsing."""
    rows = "\n".join(f"{i}.第{i}项\t{i}\t{i + 1}\t{i + 2}\t{i + 3}\t{i + 4}\t{i + 5}\t{i + 6}" for i in range(lines))
    return f"某某县公安局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n{rows}\n"


def test_a_file_over_the_time_budget_stops_there(tmp_path, monkeypatch, capsys):
    report = tmp_path / "slow.txt"
    report.write_text(slow_report(), encoding="utf-8")
    monkeypatch.setattr(collect, "BUDGET", dataclasses.replace(collect.BUDGET, seconds=0.5))
    code = cli.main(["parse", str(report)])  # parsing it whole takes seconds: four times the budget at least
    out, err = capsys.readouterr()
    assert code == 1
    assert "over_budget" in err
    assert "机构 agency" not in out  # nothing of a half-parsed file is shown


def test_a_file_within_the_budget_is_shown(tmp_path, capsys):
    report = tmp_path / "ok.txt"
    report.write_text(slow_report(lines=3), encoding="utf-8")
    assert cli.main(["parse", str(report), "--json"]) == 0
    assert '"year": 2023' in capsys.readouterr().out
