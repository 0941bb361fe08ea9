"""Issue 13: the national division codes come from the installed package, complete and recent enough."""

from __future__ import annotations

import importlib.metadata
from collections import Counter

from xxgk.agency.divisions import by_name, divisions, source


def test_the_recorded_source_is_the_installed_one():
    spec = source()
    assert spec["version"] == importlib.metadata.version(spec["package"]), \
        "bump rules/division_source.yaml (version, data_as_of) together with the pin in pyproject.toml"
    assert spec["data_as_of"] >= "2024-01-01"


def test_every_level_is_there():
    levels = Counter(d.level for d in divisions().values())
    # 34 provincial-level divisions (with 香港, 澳门, 台湾), 333 prefectures (+ the municipalities' 市辖区
    # entries), about 2,840 counties (+ 香港/澳门 districts)
    assert levels["province"] == 34
    assert 333 <= levels["prefecture"] <= 350
    assert 2840 <= levels["county"] <= 2900


def test_recent_changes_are_in():
    assert [d.code for d in by_name("湟中区")] == ["630106"]  # 2019 撤县设区
    assert by_name("米林市") and not by_name("米林县")  # 2023 撤县设市
    assert not by_name("湟中县")


def test_provider_codes_outside_the_standard_are_dropped():
    assert not by_name("雄安新区") and not by_name("苏州工业园区") and not by_name("海域")
    assert "710000" in divisions() and not [c for c in divisions() if c.startswith("71") and c != "710000"]
