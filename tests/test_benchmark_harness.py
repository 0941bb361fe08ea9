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
