"""Slow code found timing the slowest tests (session 49): work the product repeated or did for nothing, counted here
in calls and objects, never in seconds."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from .factory import tab_report


def test_a_build_starts_a_worker_a_file_at_most_and_loads_the_tables_once_before_they_fork(tmp_path, monkeypatch):
    """Each worker the pool started forked, loaded the tables every parse uses (the resolver's pypinyin
    dictionaries, the invisible characters of all Unicode, the characters OpenCC converts: 0.5–0.9 CPU s) and then
    waited for a file: a build of two reports on four cores started four workers, each loading them, two for no
    file (every ``xxgk package`` of a test's few reports paid it). The pool now starts no more workers than files,
    and the parent loads the tables once before it forks them: the workers share them. The reports are parsed as
    before."""
    from xxgk import safe
    from xxgk.package import pool_tasks
    from xxgk.package.collect import plan
    from xxgk.package.pool import parse_in_pool
    from xxgk.package.store import Store

    sizes: list[int] = []
    started = pool_tasks.Tasks.__init__

    def counted(self, size, *args, **kwargs):
        sizes.append(size)
        started(self, size, *args, **kwargs)

    table = safe._invisible.__wrapped__
    computed = tmp_path / "computed"  # a line for each process that computes the table (the workers' pids too)

    def invisible() -> dict[int, None]:
        with open(computed, "a", encoding="utf-8") as said:
            said.write(f"{os.getpid()}\n")
        return table()

    monkeypatch.setattr(pool_tasks.Tasks, "__init__", counted)
    monkeypatch.setattr(safe, "_invisible", functools.lru_cache(maxsize=1)(invisible))
    monkeypatch.setattr(safe, "_any_invisible", functools.lru_cache(maxsize=1)(safe._any_invisible.__wrapped__))
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("样例县2024.txt", "某市2024.txt"):
        (reports / name).write_text(tab_report(), encoding="utf-8")
    (tmp_path / "store").mkdir()
    heads, _ = parse_in_pool(plan(reports), Store(tmp_path / "store"), workers=4)
    assert sizes == [2]  # workers: one a file
    assert computed.read_text(encoding="utf-8").split() == [str(os.getpid())]  # here, before the fork; by no worker
    assert sorted(Path(h.source_file).name for h in heads) == ["某市2024.txt", "样例县2024.txt"]
    assert {h.status for h in heads} == {"parsed"}


def test_the_invisible_characters_are_looked_for_where_unicode_puts_format_characters(monkeypatch):
    """Every process that read a text looked up the category of all 1,114,112 code points (0.15–0.2 CPU s: every
    ``xxgk`` command, every worker). Format characters stand in three planes of the seventeen: the table is looked
    for there, and is every format character of the whole of Unicode but the bidirectional controls."""
    import unicodedata

    from xxgk import safe

    looked_up: list[str] = []

    class Counted:
        """``unicodedata`` for ``safe``, counting the categories looked up."""

        def __getattr__(self, name):
            return getattr(unicodedata, name)

        @staticmethod
        def category(char: str) -> str:
            looked_up.append(char)
            return unicodedata.category(char)

    monkeypatch.setattr(safe, "unicodedata", Counted())
    table = safe._invisible.__wrapped__()
    assert len(looked_up) <= 200_000  # three planes of 65,536 (before: 1,114,112)
    every = [c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf" and chr(c) not in safe.BIDI_CONTROLS]
    assert list(table) == every and "\u200b" in safe.drop_invisible("a\u200bb") + "\u200b"
    assert safe.drop_invisible("某\U000e0041县\u00ad某局\u2060") == "某县某局"


def test_the_rule_tables_are_read_by_libyaml_into_what_the_python_loader_makes(monkeypatch):
    """The seven YAML rule tables were read by PyYAML's pure-Python loader in every process (0.17 CPU s); libyaml's
    safe loader reads each into the same objects, of the same types. Read here through the functions that load them,
    their caches emptied (the tables are read again, as a new process reads them)."""
    import yaml

    from xxgk import catalog, identities
    from xxgk.agency import divisions
    from xxgk.package import datasette_meta, metrics, schema
    from xxgk.site import render

    def typed(value):
        """``value`` with the type of every object in it."""
        if isinstance(value, dict):
            return {typed(k): typed(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [typed(v) for v in value]
        return type(value).__name__, value

    made: list[str] = []
    python_loader = yaml.SafeLoader.__init__

    def counted(self, stream):
        made.append(type(self).__name__)
        python_loader(self, stream)

    names = sorted(p.name for p in catalog.RULES.iterdir() if p.name.endswith(".yaml"))
    assert len(names) == 7
    loaders = (catalog.codes, identities.identities, metrics.metric_rows, schema.schema_spec, datasette_meta.settings,
               render.palette, divisions.source)
    expected = {name: typed(yaml.safe_load((catalog.RULES / name).read_text(encoding="utf-8"))) for name in names}
    monkeypatch.setattr(yaml.SafeLoader, "__init__", counted)
    for loader in loaders:
        loader.cache_clear()
    assert [typed(loader()) for loader in loaders[:2]] == [expected["codes.yaml"], expected["identities.yaml"]]
    assert [typed(loader()) for loader in loaders[3:6]] == [
        expected["schema.yaml"], expected["datasette.yaml"], expected["palette.yaml"]]
    metrics.metric_rows()
    assert typed(divisions.source())[typed("package")] == expected["division_source.yaml"][typed("package")]
    assert made == [] or not yaml.__with_libyaml__  # no pure-Python loader made where libyaml is (before: 7)
    assert {name: typed(catalog.rule_yaml(name)) for name in names} == expected
