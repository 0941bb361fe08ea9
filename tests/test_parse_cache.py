"""Issue 16: the parse cache never changes the output, is invalidated by a rule change, survives damage,
holds only data (JSON and compressed bytes in SQLite, no pickle), and spares the parse of unchanged files."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib
from dataclasses import fields, make_dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from xxgk.cli import main
from xxgk.package import collect as collect_module
from xxgk.package import parse_cache
from xxgk.package.build import build_package
from xxgk.record import Fact, Record, from_plain, plain

from .conftest import SEEDS, SHARED, needs_shared


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _entries(cache: Path) -> list[list]:
    """The cache's rows ``[key, meta, body, text]``, by key (none when it holds no file yet)."""
    files = list(cache.glob("parse/*/entries.sqlite"))
    if not files:
        return []
    with sqlite3.connect(files[0]) as conn:
        return [list(row) for row in conn.execute("SELECT key, meta, body, text FROM entries ORDER BY key")]


def _rewrite(cache: Path, key: str, **columns) -> None:
    """Change columns of one entry in place (damage done to the cache behind the builder's back)."""
    (file,) = cache.glob("parse/*/entries.sqlite")
    with sqlite3.connect(file) as conn:
        for column, value in columns.items():
            conn.execute(f"UPDATE entries SET {column} = ? WHERE key = ?", (value, key))


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The files actually parsed (cache misses), in a one-process build."""
    calls: list[str] = []
    real = collect_module.parse_one

    def counting(folder, path, name=None):
        calls.append(path)
        return real(folder, path, name)

    monkeypatch.setattr(collect_module, "parse_one", counting)
    return calls


def test_with_without_and_with_a_corrupted_cache_the_package_is_byte_identical(tmp_path, capsys):
    cache = tmp_path / "cache"
    build_package(SEEDS, tmp_path / "none", workers=1)
    build_package(SEEDS, tmp_path / "cold", workers=1, cache_dir=cache)
    build_package(SEEDS, tmp_path / "warm", workers=1, cache_dir=cache)
    entries = _entries(cache)
    assert len(entries) == len(list(SEEDS.glob("*.txt"))) == 5
    keys = [entry[0] for entry in entries]
    _rewrite(cache, keys[0], text=b"\x00garbage")  # not zlib
    _rewrite(cache, keys[1], meta=entries[1][1][:40])  # cut short
    _rewrite(cache, keys[2], meta=json.dumps({"format": "xxgk-parse-cache-1", "report": {}}).encode())  # not its
    poisoned = json.loads(entries[3][1])
    poisoned["head"]["record"] = 5  # this file's, but not the shape this code writes
    _rewrite(cache, keys[3], meta=json.dumps(poisoned).encode())
    _rewrite(cache, keys[4], text=zlib.compress(zlib.decompress(entries[4][3]) + "多出的一句。".encode()))  # digest
    capsys.readouterr()
    build_package(SEEDS, tmp_path / "corrupt", workers=1, cache_dir=cache)
    said = capsys.readouterr().err.splitlines()
    assert len([line for line in said if "parse cache" in line and "re-parsed" in line]) == 5, said
    reference = _tree(tmp_path / "none")
    for name in ("cold", "warm", "corrupt"):
        assert _tree(tmp_path / name) == reference, name
    findings = (tmp_path / "corrupt" / "data" / "findings.csv").read_text(encoding="utf-8")
    assert "cache" not in findings  # a damaged cache is not a finding about the data


@pytest.mark.parametrize("workers", [1, 2])
def test_an_entry_forged_whole_is_parsed_again_when_its_row_does_not_decode(tmp_path, capfd, workers):
    """An entry rewritten with a consistent digest passes the lookup's checks; its row is not decoded then (a hit
    costs no decoding), but it lands in a shard the store recovers: parsed again when written, same package."""
    cache = tmp_path / "cache"
    build_package(SEEDS, tmp_path / "none", workers=1)
    build_package(SEEDS, tmp_path / "cold", workers=workers, cache_dir=cache)
    for number, (key, meta, _, text) in enumerate(_entries(cache)[:2]):
        forged = json.loads(meta)
        body = b"not zlib" if number == 0 else zlib.compress(b'{"report_id": 5}')  # undecodable; wrong shape
        forged["digest"] = parse_cache._digest(forged["head"], body, zlib.decompress(text))
        _rewrite(cache, key, meta=json.dumps(forged, ensure_ascii=False).encode("utf-8"), body=body)
    capfd.readouterr()
    heads, errors = build_package(SEEDS, tmp_path / "forged", workers=workers, cache_dir=cache)
    err = capfd.readouterr().err
    assert errors == [] and err.count("parsed again") == 2 and "Traceback" not in err, err
    assert _tree(tmp_path / "forged") == _tree(tmp_path / "none") == _tree(tmp_path / "cold")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "cold", "forged", "none"]  # no store left
    assert not list(cache.rglob("*-wal")), "the cache the recovery opened is left open"  # closed: checkpointed


REAL_PARSE_ONE = collect_module.parse_one


def _parse_and_log(folder, path, name=None):
    """``parse_one`` that notes each file it parses in the file ``$PARSED_LOG`` (pool workers are other processes)."""
    import os

    with open(os.environ["PARSED_LOG"], "a", encoding="utf-8") as handle:
        handle.write(path + "\n")
    return REAL_PARSE_ONE(folder, path, name)


def test_the_pool_parses_only_what_the_cache_lacks_and_the_parent_copies_the_rest(tmp_path, monkeypatch):
    reports, log, cache = tmp_path / "reports", tmp_path / "parsed.log", tmp_path / "cache"
    shutil.copytree(SEEDS, reports)
    monkeypatch.setattr(collect_module, "parse_one", _parse_and_log)
    monkeypatch.setenv("PARSED_LOG", str(log))
    build_package(reports, tmp_path / "cold", workers=2, cache_dir=cache)
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted(p.name for p in reports.glob("*.txt"))
    log.unlink()
    build_package(reports, tmp_path / "warm", workers=2, cache_dir=cache)
    assert not log.exists()  # every file from the cache: no worker parsed anything
    changed = sorted(reports.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附注：本报告已更新。\n", encoding="utf-8")
    build_package(reports, tmp_path / "changed", workers=2, cache_dir=cache)
    assert log.read_text(encoding="utf-8").split() == [changed.name]
    build_package(reports, tmp_path / "none", workers=1)
    assert _tree(tmp_path / "changed") == _tree(tmp_path / "none")
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")


def test_a_manifest_row_moved_is_a_hit_and_a_row_changed_or_a_file_renamed_is_parsed_again(tmp_path, parses):
    """An entry holds the report finished: what ``finish`` reads (name, id, manifest row, but not the row's line)
    is part of its key, so the cache never serves a publisher or an id another manifest would not give."""
    reports, cache = tmp_path / "reports", tmp_path / "cache"
    shutil.copytree(SEEDS, reports)
    manifest = reports / "sources.csv"
    header, *rows = manifest.read_text(encoding="utf-8").splitlines()
    assert len(rows) >= 2 and all(r.split(",")[0].endswith(".txt") for r in rows)
    build_package(reports, tmp_path / "a", workers=1, cache_dir=cache)
    parses.clear()
    manifest.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")  # every row on another line
    build_package(reports, tmp_path / "moved", workers=1, cache_dir=cache)
    assert parses == []
    first = "001_5a6ed33a11e10be0.txt"
    edited = [r.replace(f"{first},,,", f"{first},,2020,") for r in rows]  # the manifest now gives its year
    assert edited != rows
    manifest.write_text("\n".join([header, *edited]) + "\n", encoding="utf-8")
    (reports / "004_2e32b371880ee2ff.txt").rename(reports / "renamed.txt")
    build_package(reports, tmp_path / "changed", workers=1, cache_dir=cache)
    assert sorted(parses) == [first, "renamed.txt"]
    build_package(reports, tmp_path / "none", workers=1)
    assert _tree(tmp_path / "changed") == _tree(tmp_path / "none")


def test_a_warm_cache_parses_nothing_and_a_changed_file_is_parsed_again(tmp_path, parses):
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    cache = tmp_path / "cache"
    build_package(reports, tmp_path / "a", workers=1, cache_dir=cache)
    assert len(parses) == len(list(reports.glob("*.txt")))
    parses.clear()
    build_package(reports, tmp_path / "b", workers=1, cache_dir=cache)
    assert parses == []
    changed = sorted(reports.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附注：本报告已更新。\n", encoding="utf-8")
    build_package(reports, tmp_path / "c", workers=1, cache_dir=cache)
    assert parses == [changed.name]
    build_package(reports, tmp_path / "d", workers=1)
    assert _tree(tmp_path / "c") == _tree(tmp_path / "d")


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the xxgk source folder that the cache's context hash reads instead of the real one."""
    package = tmp_path / "xxgk"
    shutil.copytree(Path(parse_cache.__file__).parents[1], package,
                    ignore=shutil.ignore_patterns("__pycache__", "site"))
    monkeypatch.setattr(parse_cache, "PACKAGE", package)
    parse_cache.context_hash.cache_clear()
    yield package
    parse_cache.context_hash.cache_clear()


def test_a_changed_rule_file_invalidates_the_cache(tmp_path, parses, package_copy):
    """The context hash covers rules/ (and the parser's modules): edit a rule, and every file is parsed again."""
    cache = tmp_path / "cache"
    build_package(SEEDS, tmp_path / "a", workers=1, cache_dir=cache)
    before = parse_cache.context_hash()
    parses.clear()
    rule = package_copy / "rules" / "row_labels.csv"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parse_cache.context_hash.cache_clear()
    build_package(SEEDS, tmp_path / "b", workers=1, cache_dir=cache)
    after_rule = parse_cache.context_hash()
    assert after_rule != before
    assert sorted(parses) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [p.name for p in (cache / "parse").iterdir()] == [after_rule]  # the stale context was removed
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


@pytest.mark.parametrize("module", ["parser.py", "readers.py", "package/collect.py"])
def test_a_changed_reading_or_parsing_module_invalidates_the_cache(package_copy, module):
    before = parse_cache.context_hash()
    path = package_copy / module
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    parse_cache.context_hash.cache_clear()
    assert parse_cache.context_hash() != before


def test_entries_are_json_and_compressed_bytes_never_pickle(tmp_path):
    build_package(SEEDS, tmp_path / "pkg", workers=1, cache_dir=tmp_path / "cache")
    entries = _entries(tmp_path / "cache")
    assert len(entries) == len(list(SEEDS.glob("*.txt")))
    for _key, meta, body, text in entries:
        for data in (meta, body, text):
            assert not data.startswith(b"\x80")  # a pickle stream starts with the PROTO opcode
        document = json.loads(meta)
        assert document["format"] == "xxgk-parse-cache-2"
        assert {"head", "digest", "sha256", "name", "report_id", "manifest"} <= set(document)
        assert {"record", "file_findings", "report_id"} <= set(json.loads(zlib.decompress(body)))  # the store's row
        assert zlib.decompress(text).decode("utf-8").strip()


def test_a_cache_file_that_is_not_a_database_is_started_afresh(tmp_path, capsys):
    cache = tmp_path / "cache"
    build_package(SEEDS, tmp_path / "cold", workers=1, cache_dir=cache)
    (file,) = cache.glob("parse/*/entries.sqlite")
    file.write_bytes(b"not a database" * 1000)
    capsys.readouterr()
    build_package(SEEDS, tmp_path / "damaged", workers=2, cache_dir=cache)
    assert "started afresh" in capsys.readouterr().err
    assert len(_entries(cache)) == len(list(SEEDS.glob("*.txt")))  # filled again
    assert _tree(tmp_path / "damaged") == _tree(tmp_path / "cold")


def test_a_cache_file_damaged_inside_is_started_afresh_not_failed_on_every_build(tmp_path, capsys):
    """A cache file whose table pages are damaged (its header and index still read): the damage is met on the
    first lookup; the file is then started afresh, so the next build reads it cleanly (no line per file on
    every build, for ever)."""
    cache = tmp_path / "cache"
    build_package(SEEDS, tmp_path / "cold", workers=1, cache_dir=cache)
    (file,) = cache.glob("parse/*/entries.sqlite")
    with sqlite3.connect(file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'entries'"
                            ).fetchone()[0]
    conn.close()
    data = bytearray(file.read_bytes())
    data[(root - 1) * size:root * size] = b"\xff" * size  # the table's root page: every lookup meets it
    file.write_bytes(bytes(data))
    capsys.readouterr()
    build_package(SEEDS, tmp_path / "damaged", workers=1, cache_dir=cache)
    first = capsys.readouterr().err
    assert "started afresh" in first and first.count("unreadable") <= 1, first
    build_package(SEEDS, tmp_path / "again", workers=1, cache_dir=cache)
    assert "parse cache" not in capsys.readouterr().err
    assert len(_entries(cache)) == len(list(SEEDS.glob("*.txt")))
    assert _tree(tmp_path / "damaged") == _tree(tmp_path / "cold") == _tree(tmp_path / "again")


def test_a_cache_whose_parse_folder_is_a_link_never_deletes_what_it_points_to(tmp_path, capsys):
    """``<cache>/parse`` a link to a folder elsewhere (a restored cache): the stale-context sweep must not remove
    that folder's entries, even those named like a context; the build is made without the cache."""
    users = tmp_path / "users"
    kept = users / ("ab" * 32)
    kept.mkdir(parents=True)
    (kept / "notes.txt").write_text("mine", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "parse").symlink_to(users)
    build_package(SEEDS, tmp_path / "linked", workers=1, cache_dir=cache)
    build_package(SEEDS, tmp_path / "plain", workers=1)
    assert (kept / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in users.iterdir()) == ["ab" * 32]
    assert _tree(tmp_path / "linked") == _tree(tmp_path / "plain")


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_a_cache_file_that_is_a_link_to_a_users_file_never_writes_to_it(tmp_path, capsys, suffix):
    """A restored cache whose ``entries.sqlite`` (or its ``-wal``) is a symbolic link to a file elsewhere: the
    link is replaced by the cache's own file, the linked file is neither written nor deleted."""
    cache = tmp_path / "cache"
    build_package(SEEDS, tmp_path / "cold", workers=1, cache_dir=cache)
    (file,) = cache.glob("parse/*/entries.sqlite")
    users = tmp_path / "users.db"
    with sqlite3.connect(users) as conn:
        conn.execute("CREATE TABLE mine (x)")
    conn.close()
    before = users.read_bytes()
    if suffix:
        link = Path(f"{file}{suffix}")
    else:
        link = file
        file.unlink()
    link.symlink_to(users)
    build_package(SEEDS, tmp_path / "linked", workers=1, cache_dir=cache)
    assert users.read_bytes() == before and not Path(f"{users}-wal").exists()
    assert not link.is_symlink()
    assert _tree(tmp_path / "linked") == _tree(tmp_path / "cold")


def test_cli_cache_dir_and_no_cache(tmp_path):
    cache = tmp_path / "cache"
    args = ["package", "--reports", str(SEEDS), "--workers", "1", "--quiet"]
    assert main([*args, "--out", str(tmp_path / "a"), "--cache-dir", str(cache)]) == 0
    assert _entries(cache)
    assert main([*args, "--out", str(tmp_path / "b"), "--no-cache", "--cache-dir", str(tmp_path / "unused")]) == 0
    assert not (tmp_path / "unused").exists()
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_record_from_dict_round_trips_the_seeds():
    from xxgk.parser import parse
    from xxgk.readers import read_path

    for path in sorted(SEEDS.glob("*.txt")):
        record = parse(read_path(path).parse_text)
        values = [f.value for f in record.facts]
        assert any(isinstance(v, Decimal) for v in values) and record.section_lines  # the paths under test occur
        assert Record.from_dict(record.to_dict()).to_dict() == record.to_dict()
        assert Record.from_dict(plain(record)) == record  # every field, section_lines included
        assert json.loads(json.dumps(plain(record), ensure_ascii=False)) == plain(record)


def test_from_dict_is_generic_over_fields_a_new_fact_field_round_trips():
    """A later change adds a field to Fact (as ``placed_by`` was added): the generic decoder needs no edit."""
    wider = make_dataclass("WiderFact", [(f.name, f.type) for f in fields(Fact)] + [("span", "str | None")],
                           frozen=True, namespace={"__module__": Fact.__module__})
    fact = wider("active", ("rules", "issued"), Decimal("12.50"), 9, "position", "L9c10-L9c24")
    assert from_plain(wider, json.loads(json.dumps(plain(fact)))) == fact


def test_every_container_and_encoding_comes_back_from_the_cache_unchanged(tmp_path, parses):
    """HTML (GBK), DOCX, GB18030, UTF-16, Traditional Chinese, an empty file, the same bytes under two
    suffixes, and a symlink (refused before any parse or cache): cold, warm and no cache give the same package."""
    from opencc import OpenCC

    from .test_containers import as_docx, as_html

    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    seed = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")
    (reports / "page.html").write_bytes(as_html())
    (reports / "page.txt").write_bytes(as_html())  # same bytes, read as text: another entry
    (reports / "report.docx").write_bytes(as_docx())
    (reports / "gb.txt").write_bytes(seed.replace("格尔木市", "德令哈市").encode("gb18030"))
    (reports / "wide.txt").write_bytes(seed.replace("格尔木市", "茫崖市").encode("utf-16"))
    (reports / "trad.txt").write_text(OpenCC("s2t").convert(seed.replace("格尔木市", "都兰县")), encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    (reports / "link.txt").symlink_to(reports / "gb.txt")
    cache = tmp_path / "cache"
    build_package(reports, tmp_path / "none", workers=1)
    build_package(reports, tmp_path / "cold", workers=1, cache_dir=cache)
    parses.clear()
    build_package(reports, tmp_path / "warm", workers=1, cache_dir=cache)
    assert parses == []  # everything from the cache; the symlink is refused, never read (input_refused)
    reference = _tree(tmp_path / "none")
    assert _tree(tmp_path / "cold") == reference and _tree(tmp_path / "warm") == reference


@needs_shared
def test_the_shared_corpus_builds_the_same_with_a_warm_cache(tmp_path):
    corpus = SHARED / "corpus" / "reports"
    build_package(corpus, tmp_path / "none", workers=1)
    build_package(corpus, tmp_path / "cold", workers=1, cache_dir=tmp_path / "cache")
    build_package(corpus, tmp_path / "warm", workers=1, cache_dir=tmp_path / "cache")
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "none") == _tree(tmp_path / "cold")


def test_every_bad_input_builds_the_same_from_a_warm_cache(tmp_path):
    """The forty kinds of bad input of issue 6 (broken encodings, containers, layouts, a manifest): the
    statuses and findings come back from the cache as the parse made them."""
    from .test_bad_inputs import CASES, MANIFEST

    reports = tmp_path / "reports"
    for name, (data, _, _) in CASES.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(data)
    (reports / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    cache = tmp_path / "cache"
    build_package(reports, tmp_path / "none", workers=1)
    build_package(reports, tmp_path / "cold", workers=1, cache_dir=cache)
    build_package(reports, tmp_path / "warm", workers=1, cache_dir=cache)
    assert len(_entries(cache)) >= len(CASES) // 2
    reference = _tree(tmp_path / "none")
    assert _tree(tmp_path / "cold") == reference and _tree(tmp_path / "warm") == reference


def test_dask_workers_in_other_processes_fill_and_read_the_same_cache(tmp_path):
    """The cached parse travels to a Dask worker process (pickled) and the cache it writes is read back."""
    distributed = pytest.importorskip("distributed", reason="the optional [dask] extra is not installed")
    cache = tmp_path / "cache"
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        build_package(SEEDS, tmp_path / "cold", executor=client, cache_dir=cache)
        assert len(_entries(cache)) == len(list(SEEDS.glob("*.txt")))
        build_package(SEEDS, tmp_path / "warm", executor=client, cache_dir=cache)
    build_package(SEEDS, tmp_path / "none", workers=1)
    assert _tree(tmp_path / "cold") == _tree(tmp_path / "none") == _tree(tmp_path / "warm")


def test_a_parse_cut_short_by_a_budget_is_never_stored(tmp_path, monkeypatch):
    """A worker that ran out of memory once must not leave that failure in the cache for later builds."""
    from xxgk.findings import make

    real = collect_module.parse_one

    def starved(folder, path, name=None):
        report = real(folder, path, name)
        report.file_findings.append(make("over_budget", detail="内存超过上限"))
        return report

    cache = tmp_path / "cache"
    monkeypatch.setattr(collect_module, "parse_one", starved)
    build_package(SEEDS, tmp_path / "a", workers=1, cache_dir=cache)
    assert not _entries(cache)  # nothing kept
    monkeypatch.setattr(collect_module, "parse_one", real)
    build_package(SEEDS, tmp_path / "b", workers=1, cache_dir=cache)
    build_package(SEEDS, tmp_path / "c", workers=1)
    assert _tree(tmp_path / "b") == _tree(tmp_path / "c")


@pytest.mark.parametrize("where", ["reports", "reports/cache", "out", "afile"])
def test_a_cache_inside_the_reports_or_the_output_or_on_a_file_is_refused(tmp_path, where):
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    before = _tree(reports)
    args = ["package", "--reports", str(reports), "--workers", "1", "--quiet", "--out", str(tmp_path / "out")]
    assert main([*args, "--cache-dir", str(tmp_path / where)]) == 2
    assert _tree(reports) == before and (tmp_path / "afile").read_text(encoding="utf-8") == "mine"
