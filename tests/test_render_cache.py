"""Issue 16: the render cache (``package/render_cache.py``) keeps each agency series' rendered rows, so a rebuild
settles and renders only the series a change touched — and the package is the same bytes with it, without it,
and with a damaged or forged entry in it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib

import pytest

from xxgk.package import stream
from xxgk.package.render_cache import from_data

from .test_stream import assert_same, cross_year, in_memory, read_csv, streamed


@pytest.fixture
def renders(monkeypatch):
    """How many reports were rendered in this process (``stream.render`` counted)."""
    count = [0]
    real = stream.render

    def counted(report, ids):
        count[0] += 1
        return real(report, ids)

    monkeypatch.setattr(stream, "render", counted)
    return count


def entries(cache) -> dict[str, tuple[str, bytes]]:
    (path,) = cache.glob("parse/*/entries.sqlite")
    with sqlite3.connect(path) as conn:
        return {key: (digest, data) for key, digest, data in conn.execute("SELECT key, digest, data FROM rendered")}


def replace_entries(cache, data_of) -> None:
    (path,) = cache.glob("parse/*/entries.sqlite")
    with sqlite3.connect(path) as conn:
        for key, (digest, data) in entries(cache).items():
            new, digest = data_of(data, digest)
            conn.execute("UPDATE rendered SET data = ?, digest = ? WHERE key = ?", (new, digest, key))


def test_a_warm_cache_renders_no_series_again_and_gives_the_in_memory_bytes(tmp_path, renders):
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache"
    expected = in_memory(folder)
    renders[0] = 0
    assert_same(expected, streamed(folder, tmp_path / "cold", workers=1, cache_dir=cache))
    cold = renders[0]
    kept = sum(len(from_data(data)) for _, data in entries(cache).values())
    reports = read_csv(tmp_path / "cold" / "data" / "reports.csv")
    assert kept == cold == len(reports)  # every report: the series over years, one alone, the unreadable file
    renders[0] = 0
    assert_same(expected, streamed(folder, tmp_path / "warm", workers=1, cache_dir=cache))
    assert renders[0] == 0


def test_a_changed_report_renders_its_series_again_and_no_other(tmp_path, renders):
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache"
    streamed(folder, tmp_path / "first", workers=1, cache_dir=cache)
    renders[0] = 0
    streamed(folder, tmp_path / "warm", workers=1, cache_dir=cache)
    warm = renders[0]
    path = folder / "b2024.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n附注：更正。\n", encoding="utf-8")
    expected = in_memory(folder)
    renders[0] = 0
    assert_same(expected, streamed(folder, tmp_path / "changed", workers=1, cache_dir=cache))
    assert renders[0] == warm + 4  # the changed report's series: b2022, b2023, b2024 and its copy b2024-copy


@pytest.mark.parametrize("name", ["sub/c.txt", "junk.pdf"])
def test_a_changed_report_alone_in_its_series_is_the_one_rendered_again(tmp_path, renders, name):
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache"
    streamed(folder, tmp_path / "first", workers=1, cache_dir=cache)
    path = folder / name  # 玉树市教育局's one report; a file that cannot be read (no agency, no year)
    path.write_bytes(path.read_bytes() + "\n附注：更正。\n".encode())
    expected = in_memory(folder)
    renders[0] = 0
    assert_same(expected, streamed(folder, tmp_path / "changed", workers=1, cache_dir=cache))
    assert renders[0] == 1


def _flipped(data: bytes, digest: str) -> tuple[bytes, str]:
    return data[:-1] + bytes([data[-1] ^ 1]), digest  # the hash no longer matches


def _forged(shape):
    def forge(data: bytes, digest: str) -> tuple[bytes, str]:
        new = zlib.compress(json.dumps(shape).encode("utf-8"))
        return new, hashlib.sha256(new).hexdigest()  # the hash matches: the shape must be refused
    return forge


@pytest.mark.parametrize("damage", [
    _flipped,
    _forged([{"x": 1}]),
    _forged([[{"reports": "a,b\n"}, [], [["reports", None, [{"__reduce__": "os.system"}]]]]]),
    _forged([[{"reports": 1}, [], []]]),
    _forged("not a list"),
], ids=["hash", "shape", "object-value", "number-text", "string"])
def test_a_damaged_or_forged_entry_is_rendered_again_with_the_same_bytes(tmp_path, capfd, damage):
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache"
    expected = in_memory(folder)
    streamed(folder, tmp_path / "first", workers=1, cache_dir=cache)
    replace_entries(cache, damage)
    capfd.readouterr()
    assert_same(expected, streamed(folder, tmp_path / "again", workers=1, cache_dir=cache))
    err = capfd.readouterr().err
    assert "render cache entry" in err and "rendered again" in err
    assert_same(expected, streamed(folder, tmp_path / "mended", workers=1, cache_dir=cache))  # replaced


def test_entries_are_json_and_the_cache_holds_this_builds_series_only(tmp_path):
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache"
    streamed(folder, tmp_path / "first", workers=1, cache_dir=cache)
    for digest, data in entries(cache).values():
        assert hashlib.sha256(data).hexdigest() == digest
        assert isinstance(json.loads(zlib.decompress(data)), list)  # data, never pickle
    (folder / "a2023.txt").unlink()  # series a is now one report: its entry is not used any more
    streamed(folder, tmp_path / "second", workers=1, cache_dir=cache)
    fresh = tmp_path / "fresh-cache"
    streamed(folder, tmp_path / "third", workers=1, cache_dir=fresh)
    assert set(entries(cache)) == set(entries(fresh))


def test_the_helper_process_reads_and_fills_the_same_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "PARALLEL_REPORTS", 0)  # the helper settles half the series
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache"
    expected = in_memory(folder)
    assert_same(expected, streamed(folder, tmp_path / "cold", workers=2, cache_dir=cache))
    serial = tmp_path / "serial-cache"
    streamed(folder, tmp_path / "serial", workers=1, cache_dir=serial)
    assert set(entries(cache)) == set(entries(serial))  # what the helper made was merged
    assert_same(expected, streamed(folder, tmp_path / "warm", workers=2, cache_dir=cache))


def test_a_cache_folder_whose_name_holds_uri_characters_is_read(tmp_path, renders):
    """The settling processes open the cache file read-only by a URI: a ``?`` or ``#`` in a folder's name must
    not cut the path short (the cache would be silently unused, or another file opened)."""
    folder, cache = cross_year(tmp_path / "reports"), tmp_path / "cache?mode=rw#x 缓存"
    streamed(folder, tmp_path / "cold", workers=1, cache_dir=cache)
    renders[0] = 0
    streamed(folder, tmp_path / "warm", workers=1, cache_dir=cache)
    warm = renders[0]
    renders[0] = 0
    streamed(folder, tmp_path / "none", workers=1)
    assert warm < renders[0]  # the series came from the cache
