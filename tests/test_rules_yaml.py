"""The rule files in YAML read as written: YAML 1.1 (PyYAML) turns an unquoted ``no``, ``yes``, ``on`` or ``off``
into a boolean, so ``{code: overview, no: 一}`` had a key ``False`` where ``"no"`` was meant."""

from __future__ import annotations

from pathlib import Path

import yaml

RULES = Path(__file__).resolve().parents[1] / "build" / "xxgk" / "rules"


def _keys(node, where: str):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, where
            yield from _keys(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _keys(value, f"{where}[{i}]")


def test_every_key_of_every_rule_file_is_text():
    files = sorted(RULES.glob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        odd = [(key, where) for key, where in _keys(tree, path.name) if not isinstance(key, str)]
        assert not odd, odd[:5]
