"""Pagefind's filter indexes in one order, so that a shard is the same bytes for the same pages (the site is
byte-identical from build to build, rule 5).

Pagefind (1.5.2) writes each filter's values in its hash map's order, which changes from run to run (its
maintainers made the fragments stable in 1.3 and say the filter and metadata indexes may still change:
Pagefind issue #638). The values, the pages each names and every other file are the same. So after each run the
filter files are rewritten with their values sorted, each named by a hash of its bytes, and the metadata file that
lists them and the entry file that names the metadata are rewritten to match. Pagefind's browser code finds each file
by the name it is given and checks no hash, so the search reads the same filters (tested in the browser).

The files are CBOR after a 12-byte signature, gzipped (read with ``cbor2``, the well-kept CBOR library):
``filter/<lang>_<hash>.pf_filter`` holds ``[name, [[value, [page, …]], …]]``; ``pagefind.<lang>_<hash>.pf_meta``
holds ``[version, pages, chunks, [[filter name, filter hash], …], sorts, meta fields]``; ``pagefind-entry.json`` names
the metadata by ``languages.<lang>.hash``. A shard whose files are not laid out so is left as Pagefind wrote it
(``normalise_filters`` says so), never half rewritten.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTERS_AT = 3  # the filters' place in the metadata list


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, suffix: str, digits: int, value) -> str:
    """Write ``value`` as ``<prefix><hash><suffix>`` in ``folder`` (gzip without a time, so the same bytes every
    time); the hash (``digits`` hex of SHA-256 of the file's bytes) is returned."""
    data = gzip.compress(SIGNATURE + cbor2.dumps(value), mtime=0)
    digest = hashlib.sha256(data).hexdigest()[:digits]
    (folder / f"{prefix}{digest}{suffix}").write_bytes(data)
    return digest


def _plan(bundle: Path, language: str, about) -> tuple[list, list[tuple[str, Path, list]]] | None:
    """(metadata, [(filter name, its file, [name, sorted values])]) of one language of ``bundle``, all read before
    anything is written; None when it has no filters or its files are not as described above."""
    old = about.get("hash") if isinstance(about, dict) else None
    if not isinstance(old, str) or not (bundle / f"pagefind.{old}.pf_meta").is_file():
        return None
    try:
        meta = _read(bundle / f"pagefind.{old}.pf_meta")
        if not (isinstance(meta, list) and len(meta) > FILTERS_AT and meta[FILTERS_AT]):
            return None
        filters = []
        for name, digest in meta[FILTERS_AT]:
            path = bundle / "filter" / f"{digest}.pf_filter"
            kept_name, values = _read(path)
            ordered = sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])
            filters.append((name, path, [kept_name, ordered]))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return meta, filters


def normalise_filters(bundle: Path) -> bool:
    """Rewrite the filter files of the Pagefind bundle ``bundle`` (one shard's output) with their values sorted,
    and its metadata and entry files to name them; False (nothing changed) when the bundle has no filters or its
    files are not as described above."""
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plans = {language: _plan(bundle, language, about) for language, about in sorted(entry["languages"].items())}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    plans = {language: plan for language, plan in plans.items() if plan is not None}
    for language, (meta, filters) in plans.items():
        named = []
        for name, path, value in filters:
            path.unlink()  # (Pagefind's output, written by this build)
            named.append([name, f"{language}_" + _write(bundle / "filter", f"{language}_", ".pf_filter", 7, value)])
        meta[FILTERS_AT] = sorted(named)
        about = entry["languages"][language]
        (bundle / f"pagefind.{about['hash']}.pf_meta").unlink()
        about["hash"] = f"{language}_" + _write(bundle, f"pagefind.{language}_", ".pf_meta", 13, meta)
    if plans:
        entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return bool(plans)
