"""From a folder of report files to one :class:`Report` per file: read, parse, apply the manifest.

Every file under the folder (but ``sources.csv`` and hidden files) gives a Report, failed ones
too. Parsing takes any ``concurrent.futures.Executor`` (a process pool by default, or a Dask
client's executor) and the result is sorted by ``source_file``, so output does not depend on it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, make
from ..metadata import canonical_agency
from ..parser import parse
from ..readers import read_path
from ..record import Record

MANIFEST = "sources.csv"
CHANGELOG = "CHANGELOG.md"
VERSION = "VERSION"
NOT_REPORTS = {MANIFEST, CHANGELOG, VERSION}  # the reports folder's own metadata, not reports
_FIELD_ZH = {"agency": "机构", "year": "年度"}
MANIFEST_FIELDS = ("file", "agency", "year", "url", "retrieved_at", "notes", "province", "city", "county", "level")


@dataclass
class Report:
    report_id: str
    source_file: str
    sha256: str
    encoding: str | None
    kind: str
    text: str
    record: Record
    file_findings: list[Finding] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return self.file_findings + self.record.findings

    @property
    def status(self) -> str:
        if not self.text.strip():
            return "failed"
        tables_present = len({f.table for f in self.record.facts})
        errors = any(f.severity == "error" for f in self.findings)
        return "parsed" if tables_present == 3 and not errors else "partial"


def report_id(source_file: str) -> str:
    """Stable, ASCII, URL-safe id from the file's relative path (pinyin for Chinese names)."""
    from pypinyin import lazy_pinyin

    stem = Path(source_file).with_suffix("").as_posix()
    ascii_stem = "-".join(lazy_pinyin(stem)) if not stem.isascii() else stem
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:40].strip("-") or "report"
    digest = hashlib.sha1(source_file.encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}"


def list_inputs(folder: Path) -> list[str]:
    """Relative POSIX paths of every input file, sorted."""
    out = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in NOT_REPORTS and not any(p.startswith(".") for p in rel.split("/")):
            out.append(rel)
    return sorted(out)


def read_manifest(folder: Path) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["file"]: {k: (row.get(k) or "").strip() for k in MANIFEST_FIELDS}
                for row in csv.DictReader(handle) if row.get("file")}


def parse_one(folder: str, source_file: str) -> Report:
    """Read and parse one file; never raises for bad input."""
    path = Path(folder) / source_file
    source = read_path(path)
    record = parse(source.parse_text) if source.ok else Record()
    return Report(report_id(source_file), source_file, _sha256(path), source.encoding, source.kind,
                  source.text, record, source.findings)


def _sha256(path: Path) -> str:
    """SHA-256 of the file, read in blocks (memory stays bounded on huge files)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def apply_manifest(report: Report, entry: dict) -> None:
    """The manifest overrides agency and year read from the text, with a finding when they differ."""
    report.manifest = entry
    record = report.record
    for name, cast in (("agency", canonical_agency), ("year", int)):
        if not entry.get(name):
            continue
        try:
            wanted = cast(entry[name])
        except ValueError:
            continue
        current = getattr(record, name)
        if current is not None and current != wanted:
            report.file_findings.append(make("manifest_override", column=_FIELD_ZH[name], expected=wanted,
                                             actual=current))
        setattr(record, name, wanted)
    if record.agency is not None:
        record.findings = [f for f in record.findings if f.code != "agency_not_found"]
    if record.year is not None:
        record.findings = [f for f in record.findings if f.code != "year_not_found"]


def mark_duplicates(reports: list[Report]) -> None:
    seen: dict[tuple, list[Report]] = {}
    for report in reports:
        if report.record.agency and report.record.year:
            seen.setdefault((report.record.agency, report.record.year), []).append(report)
    for group in seen.values():
        if len(group) > 1:
            for report in group:
                others = "、".join(r.source_file for r in group if r is not report)
                report.file_findings.append(make("duplicate_report", detail=others))


def collect(folder: str | Path, executor: Executor | None = None, progress: bool = False,
            cache_dir: str | Path | None = None) -> list[Report]:
    """Every file of ``folder`` as a Report, manifest applied, sorted by source file.
    ``cache_dir``: the parse cache's folder (``parse_cache``), None for none; it never changes the result."""
    from .parse_cache import cached

    folder = Path(folder)
    inputs = list_inputs(folder)
    folders = [str(folder)] * len(inputs)
    work = cached(parse_one, cache_dir)
    results: Iterable[Report]
    if executor is None:
        results = map(work, folders, inputs)
    else:
        results = executor.map(work, folders, inputs, chunksize=max(1, len(inputs) // 64))
    if progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(inputs), desc="parse", unit="report")
    reports = sorted(results, key=lambda r: r.source_file)
    manifest = read_manifest(folder)
    for report in reports:
        apply_manifest(report, manifest.get(report.source_file, {}))
    mark_duplicates(reports)
    return reports
