"""Session 41: what the 1 % rebuild's package stage redoes for the reports that did not change (issue 16,
``benchmarks/SCALE.md``). Counted, never timed: the work is done for what changed only, and the package is the bytes
a build without any cache gives.

1. A zip member (``xxgk-datapackage.zip``'s CSVs, ``xxgk.xlsx``'s sheets) whose bytes did not change takes its
   compressed stream from the replaced package's zip (``package/zip_reuse.py``), once that stream hashes to what
   this xxgk's deflater recorded for those bytes; every other member is deflated.
2. A resource's Parquet file whose CSV did not change is linked from the replaced package (``parquet_reuse``), once
   it hashes to what this xxgk's writer recorded for that CSV; every other one is written."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from xxgk.package import query_files, zip_reuse
from xxgk.package.database_file import ZIP_NAME
from xxgk.package.write import XLSX_NAME

ZIPS = (ZIP_NAME, XLSX_NAME)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _package(reports: Path, out: Path, cache: Path | None) -> Path:
    from xxgk.package.build import build_package

    _, errors = build_package(reports, out, workers=1, cache_dir=cache)
    assert errors == []
    return out


def _amend(reports: Path, index: int = 5) -> None:
    """One report given one more sentence (its text, checksum and sections change; its numbers do not)."""
    report = sorted(p for p in reports.iterdir() if p.suffix in (".txt", ".html"))[index]
    text = report.read_text(encoding="utf-8")
    note = "附注：本报告已更正。"
    report.write_text(text.replace("</body>", f"<p>{note}</p></body>") if report.suffix == ".html"
                      else f"{text}\n{note}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> dict:
    """Twelve synthetic reports (three agencies of four years each) packaged once with a cache."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("h41")
    write_reports(12, work / "reports", prose=True)
    _package(work / "reports", work / "datapackage", work / "cache")
    return {"reports": work / "reports", "cache": work / "cache", "package": work / "datapackage"}


@pytest.fixture
def rebuild(first, tmp_path) -> dict:
    """A copy of ``first`` (reports, cache, package) with one report amended, and the package a build without any
    cache makes of the amended reports (``fresh``)."""
    work = {name: Path(shutil.copytree(first[name], tmp_path / name)) for name in ("reports", "cache", "package")}
    _amend(work["reports"])
    work["old"] = Path(shutil.copytree(work["package"], tmp_path / "old"))
    work["fresh"] = _package(work["reports"], tmp_path / "fresh", None)
    return work


def _counting(monkeypatch) -> dict[str, list[str]]:
    """``{"taken": [...], "deflated": [...]}``: the members of the builds that follow whose stream was taken from
    the old zip, and those deflated, by name (a workbook's member prefixed ``xlsx:``)."""
    seen: dict[str, list[str]] = {"taken": [], "deflated": []}
    stream = zip_reuse.Reuse.stream

    def counted(self, name, content):
        data = stream(self, name, content)
        prefix = "xlsx:" if self.old.path_name == XLSX_NAME else ""
        seen["taken" if data is not None else "deflated"].append(prefix + name)
        return data

    monkeypatch.setattr(zip_reuse.Reuse, "stream", counted)
    return seen


def _unchanged(old: Path, new: Path) -> tuple[set[str], set[str]]:
    """``(members of both zips holding the same bytes, members that differ or are new)``, read with ``zipfile``."""
    before, after = _members(old), _members(new)
    same = {name for name, data in after.items() if before.get(name) == data}
    return same, set(after) - same


def test_a_rebuild_deflates_only_the_zip_members_whose_bytes_changed(rebuild, monkeypatch):
    seen = _counting(monkeypatch)
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    package, old = rebuild["package"], rebuild["old"]
    same, changed = _unchanged(old / ZIP_NAME, package / ZIP_NAME)
    xlsx_same, xlsx_changed = _unchanged(old / XLSX_NAME, package / XLSX_NAME)
    # the amended report changes its rows of reports and sections (and the descriptor's hashes), not the numbers
    assert {"data/reports.csv", "data/sections.csv", "datapackage.json"} <= changed
    assert {"data/applications.csv", "wide/表3_依申请公开.csv", "data/agencies.csv"} <= same
    assert sorted(seen["taken"]) == sorted([*same, *(f"xlsx:{name}" for name in xlsx_same)])
    assert sorted(seen["deflated"]) == sorted([*changed, *(f"xlsx:{name}" for name in xlsx_changed)])
    assert xlsx_same and xlsx_changed  # (the reports sheet changed; the wide sheets did not)
    assert _tree(package) == _tree(rebuild["fresh"])


def test_a_full_build_records_every_member_and_takes_none(tmp_path, first, monkeypatch):
    seen = _counting(monkeypatch)
    shutil.copytree(first["reports"], tmp_path / "reports")
    out = _package(tmp_path / "reports", tmp_path / "datapackage", tmp_path / "cache")
    assert seen["taken"] == []
    members = len(_members(out / ZIP_NAME)) + len(_members(out / XLSX_NAME))
    assert len(seen["deflated"]) == members
    assert _tree(out) == _tree(first["package"])


def test_without_a_cache_nothing_is_hashed_or_taken(rebuild, monkeypatch):
    seen = _counting(monkeypatch)
    _package(rebuild["reports"], rebuild["package"], None)
    assert seen == {"taken": [], "deflated": []}
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])


def _rezip(path: Path, level: int) -> None:
    """``path`` written again by the standard library's zlib at ``level``: the same members' bytes, other streams."""
    members = _members(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)


def test_an_old_zip_deflated_by_other_means_gives_nothing(rebuild, monkeypatch):
    for name in ZIPS:
        _rezip(rebuild["package"] / name, 9)
    seen = _counting(monkeypatch)
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    assert seen["taken"] == []
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])


def test_an_old_zip_that_is_a_link_or_garbled_gives_nothing(rebuild, tmp_path, monkeypatch):
    package = rebuild["package"]
    elsewhere = tmp_path / "elsewhere.zip"
    shutil.copy(package / ZIP_NAME, elsewhere)
    (package / ZIP_NAME).unlink()
    (package / ZIP_NAME).symlink_to(elsewhere)
    data = bytearray((package / XLSX_NAME).read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = bytes(64)  # a run of bytes zeroed inside a member's stream
    (package / XLSX_NAME).write_bytes(bytes(data))
    seen = _counting(monkeypatch)
    _package(rebuild["reports"], package, rebuild["cache"])
    assert not any(name.startswith("data/") for name in seen["taken"])  # (the link is never read)
    assert _tree(package) == _tree(rebuild["fresh"])


def test_a_damaged_memo_entry_or_another_deflater_takes_nothing(rebuild, monkeypatch):
    import sqlite3

    (entries,) = rebuild["cache"].glob("parse/*/entries.sqlite")
    with sqlite3.connect(entries) as conn:  # every recorded stream's SHA-256 changed, its digest left as it was
        conn.execute(f"UPDATE {zip_reuse.TABLE} SET stream = substr(stream, 2) || '0'")
    seen = _counting(monkeypatch)
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    assert seen["taken"] == []
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])
    # the memo now holds this build's streams; a deflater that compresses otherwise finds none of them
    monkeypatch.setattr(zip_reuse, "deflater_probe", lambda: "0" * 64)
    seen["taken"].clear()
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    assert seen["taken"] == []
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])


def _written_parquet(monkeypatch) -> list[str]:
    """The resources whose Parquet file the builds that follow write (not link)."""
    written: list[str] = []
    write = query_files.write_parquet_file

    def counted(path, schema, target, description=None):
        written.append(Path(target).stem)
        return write(path, schema, target, description)

    monkeypatch.setattr(query_files, "write_parquet_file", counted)
    return written


def _changed_csvs(old: Path, new: Path) -> set[str]:
    return {p.stem for p in (new / "data").glob("*.csv") if (old / "data" / p.name).read_bytes() != p.read_bytes()}


def test_a_rebuild_writes_only_the_parquet_files_whose_csv_changed(rebuild, monkeypatch):
    written = _written_parquet(monkeypatch)
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    changed = _changed_csvs(rebuild["old"], rebuild["package"])
    assert {"reports", "sections"} <= changed and "applications" not in changed
    assert sorted(written) == sorted(changed)
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])


def test_a_full_build_writes_every_parquet_file(tmp_path, first, monkeypatch):
    written = _written_parquet(monkeypatch)
    shutil.copytree(first["reports"], tmp_path / "reports")
    out = _package(tmp_path / "reports", tmp_path / "datapackage", tmp_path / "cache")
    assert sorted(written) == sorted(p.stem for p in (out / "parquet").glob("*.parquet"))


def test_an_old_parquet_file_changed_linked_or_unrecorded_is_written(rebuild, tmp_path, monkeypatch):
    folder = rebuild["package"] / "parquet"
    data = bytearray((folder / "applications.parquet").read_bytes())
    data[100] ^= 1  # one bit, the size kept
    (folder / "applications.parquet").write_bytes(bytes(data))
    shutil.move(folder / "agencies.parquet", tmp_path / "agencies.parquet")
    (folder / "agencies.parquet").symlink_to(tmp_path / "agencies.parquet")
    os.link(folder / "metrics.parquet", tmp_path / "metrics.parquet")  # a file with a second name elsewhere
    written = _written_parquet(monkeypatch)
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    assert {"applications", "agencies", "metrics"} <= set(written)
    assert "active_disclosure" not in written
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])
    # another writer (another pyarrow build) finds none of this one's files
    from xxgk.package import parquet_reuse

    monkeypatch.setattr(parquet_reuse, "writer_probe", lambda: "0" * 64)
    written.clear()
    _package(rebuild["reports"], rebuild["package"], rebuild["cache"])
    assert sorted(written) == sorted(p.stem for p in folder.glob("*.parquet"))
    assert _tree(rebuild["package"]) == _tree(rebuild["fresh"])


# 3. The writer's helper process (and a writer that parses nothing) imports neither the parser nor pandas: the
#    parser's modules are loaded where a file is parsed (before the parse workers fork), and sqlite-utils is
#    imported without pandas, which it loads only to map a pandas Timestamp (this writer gives it none).

def _run(code: str, *args: str) -> str:
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": f"{ROOT / 'build'}{os.pathsep}{ROOT}"})
    return done.stdout.strip()


def test_the_package_writer_loads_neither_the_parser_nor_pandas():
    loaded = _run("import sys, xxgk.package.stream, xxgk.package.query_files, xxgk.package.side_process; "
                  "print(sorted(m for m in ('xxgk.parser', 'xxgk.metadata', 'xxgk.cells', 'pandas') "
                  "if m in sys.modules))")
    assert loaded == "[]"


def _parser_loaded() -> bool:
    import sys

    return "xxgk.parser" in sys.modules and "xxgk.metadata" in sys.modules


def test_the_parse_workers_fork_with_the_parser_loaded():
    from xxgk.package.collect import _parse_in_pool

    outcomes = list(_parse_in_pool(_parser_loaded, [("a", ()), ("b", ())], 2))
    assert [outcome for _, outcome in outcomes] == [True, True]


def test_the_database_is_the_same_with_pandas_loaded_or_not(tmp_path):
    """``xxgk.db`` of the seeds' package written in a process that loaded pandas first and in one that did not:
    the same bytes, and the package's own."""
    from tests.conftest import ROOT
    from xxgk.package.build import build_package

    package = tmp_path / "package"
    _, errors = build_package(ROOT / "reports", package, workers=1)
    assert errors == []
    code = ("import sys; {first}from pathlib import Path; "
            "from xxgk.package.query_files import write_database; from xxgk.package.schema import descriptor; "
            "from xxgk.package.stream import resources; "
            "folder, out = Path(sys.argv[1]), Path(sys.argv[2]); out.mkdir(); "
            "write_database(out, {{n: folder / 'data' / f'{{n}}.csv' for n in resources()}}, descriptor('v')); "
            "print(sorted(m for m in ('pandas',) if m in sys.modules))")
    said = {name: _run(code.format(first=first), str(package), str(tmp_path / name))
            for name, first in (("with", "import pandas; "), ("without", ""))}
    assert said == {"with": "['pandas']", "without": "[]"}
    assert (tmp_path / "with" / "xxgk.db").read_bytes() == (tmp_path / "without" / "xxgk.db").read_bytes()
    assert (tmp_path / "with" / "xxgk.db").read_bytes() == (package / "xxgk.db").read_bytes()
