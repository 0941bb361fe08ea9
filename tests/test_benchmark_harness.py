"""The scale benchmark's harness reports a dead stage instead of waiting for it forever."""

from __future__ import annotations

import os

import pytest


def _dies() -> None:
    os._exit(3)  # as the OOM killer or a crash would end it: no exception, no report


def _answers() -> int:
    return 42


def test_a_stage_that_answers_gives_its_value_and_figures():
    from benchmarks.scale import in_process

    value, seconds, cpu, peak = in_process(_answers)
    assert value == 42 and seconds >= 0 and cpu >= 0 and peak > 0


def test_a_stage_that_dies_before_reporting_raises():
    from benchmarks.scale import in_process

    with pytest.raises(RuntimeError, match="died before reporting"):
        in_process(_dies)


def _doubles(value: int) -> int:
    return 2 * value


def test_stages_run_together_give_each_its_value_and_the_wall_until_the_last():
    from benchmarks.scale import in_processes_together

    (first, second), seconds = in_processes_together((_answers,), (_doubles, 21))
    assert first[0] == 42 and second[0] == 42
    assert seconds >= max(first[1], second[1]) and first[3] > 0 and second[3] > 0


def test_a_stage_run_together_that_dies_raises():
    from benchmarks.scale import in_processes_together

    with pytest.raises(RuntimeError, match="_dies died before reporting"):
        in_processes_together((_answers,), (_dies,))


def test_reports_added_to_a_folder_are_those_a_larger_collection_would_have(tmp_path):
    """The benchmark's '1 % added' rebuild: new files only, the others untouched, the manifest naming all."""
    from benchmarks.scale import add_one_percent
    from benchmarks.synthetic import write_reports

    write_reports(8, tmp_path / "grown")
    kept = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (tmp_path / "grown").iterdir()
            if p.name != "sources.csv"}
    (tmp_path / "grown" / "r000003.txt").write_text("changed since", encoding="utf-8")  # an erratum stays
    added = add_one_percent(tmp_path / "grown", 8)
    assert [p.name for p in added] == ["r000008.txt"]
    write_reports(9, tmp_path / "whole")
    for path in (tmp_path / "whole").iterdir():
        grown = tmp_path / "grown" / path.name
        if path.name == "r000003.txt":
            assert grown.read_text(encoding="utf-8") == "changed since"
        else:
            assert grown.read_bytes() == path.read_bytes(), path.name
        if path.name in kept and path.name != "r000003.txt":
            assert grown.stat().st_mtime_ns == kept[path.name][1]  # not rewritten
