"""The package written file by file from the record store, in memory that does not grow with the reports.

``settle`` runs the cross-report steps on the heads and the store: ``mark_duplicates`` on the heads alone,
then, one agency series at a time (``registry.series_key``: the reports of one agency across years), the
table-二 history (``settle_with_previous_year``) and the report card (``add_report_card``) on that series'
reports loaded from the store. Both functions take one series exactly as they take the whole list (they look
only within a series), so the findings are the in-memory build's. The findings they add go to the store's
``final`` shard (a few per report, not in memory); a report whose record changed (a table-二 row cut) is
written there again whole. A report alone in its series gets its report card as it is written.

``write_package`` then takes the reports in ``source_file`` order, one at a time, and appends their rows to
each resource's CSV (the order ``write.package_files`` gives), their wide rows, ``metric_values``, the
workbook's rows (``write.Workbook``) and their ``sources/*.txt``; the agencies, code lists and metrics
follow; ``xxgk.db`` and Parquet are made from the written CSVs row by row (``query_files.write_query_files``)
and the zip from the written files block by block. ``tests/test_stream.py`` proves every file equal to
``write.package_files``'s.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..agency.registry import agencies_rows, agency_ids, series_key
from ..safe import sheet_cell
from .collect import mark_duplicates
from .metrics import metric_rows, metric_value_rows
from .query_files import query_file_entries, write_query_files
from .report_card import add_report_card
from .schema import code_list_rows, code_lists, descriptor, resource_schema
from .store import FINAL, Head, Store
from .table2_history import settle_with_previous_year
from .tables import PER_REPORT, report_rows, wide_active, wide_applications, wide_review_litigation
from .write import XLSX_NAME, ZIP_NAME, Workbook, codebook_rows, zip_into

WIDE = {"wide/表2_主动公开.csv": wide_active, "wide/表3_依申请公开.csv": wide_applications,
        "wide/表4_复议诉讼.csv": wide_review_litigation}
SHEETS = ("codebook", "reports", "表2_主动公开", "表3_依申请公开", "表4_复议诉讼", "findings")


def resources() -> list[str]:
    """Every resource in the package's order (``write.package_files``'s tables)."""
    return [*PER_REPORT, "agencies", *code_lists(), "metrics", "metric_values"]


def settle(store: Store, heads: list[Head]) -> None:
    """The cross-report findings (see the module docstring); ``heads`` sorted by ``source_file``."""
    mark_duplicates(heads)  # heads are enough: the agency as resolved, the year, the SHA-256, the status
    series: dict[str, list[Head]] = defaultdict(list)
    for head in heads:
        if series_key(head) is not None and head.record.year is not None:
            series[series_key(head)].append(head)
    final = store.shard(FINAL)
    try:
        for members in series.values():
            if len(members) < 2:
                continue
            reports = [store.get(head) for head in members]
            stored = [len(report.file_findings) for report in reports]
            before = [(report.record.facts, list(report.record.findings)) for report in reports]
            for report, head in zip(reports, members, strict=True):
                _with_extras(report, head)
            settle_with_previous_year(reports)
            add_report_card(reports)
            for report, head, count, (facts, findings) in zip(reports, members, stored, before, strict=True):
                if report.record.facts is not facts or report.record.findings != findings:
                    final.put(report)  # table 二 settled: the record itself changed (rare)
                    head.final = True
                else:  # only findings added: those are stored, not a second copy of the record
                    final.put_findings(head.source_file, report.file_findings[count:])
                    head.file_findings, head.carded = [], True
    finally:
        final.close()


def _with_extras(report, head: Head):
    report.file_findings += head.file_findings
    return report


def final_reports(store: Store, heads: list[Head]) -> Iterator:
    """The reports of ``heads`` in their order, every cross-report finding in (``settle`` first)."""
    for head in heads:
        report = store.get(head)
        if head.carded:
            report.file_findings += store.extras(head)
        elif not head.final:
            _with_extras(report, head)
            add_report_card([report])  # alone in its series: only the findings of the report itself
        yield report


class CsvFile:
    """One CSV of the package written row by row as ``write.csv_bytes`` writes it whole (BOM, ``\\n``,
    ``sheet_cell``); ``fields`` None takes the first row's keys (the wide tables), ``["报告编号"]`` if none."""

    def __init__(self, path: Path, fields: list[str] | None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.fields = path, fields
        self.handle = open(path, "w", encoding="utf-8", newline="")
        self.handle.write("\ufeff")
        self.writer = csv.writer(self.handle, lineterminator="\n")
        if fields is not None:
            self.writer.writerow(fields)

    def add(self, row: dict) -> None:
        if self.fields is None:
            self.fields = list(row)
            self.writer.writerow(self.fields)
        self.writer.writerow(["" if (v := row.get(k)) is None else sheet_cell(v) for k in self.fields])

    def close(self) -> None:
        if self.fields is None:
            self.writer.writerow(["报告编号"])
        self.handle.close()


def write_package(store: Store, heads: list[Head], folder: Path, version: str,
                  changelog: bytes | None = None) -> None:
    """Write the whole package into ``folder`` (the staging folder) from the settled store (``settle``)."""
    folder = Path(folder)
    names = resources()
    csvs = {name: CsvFile(folder / "data" / f"{name}.csv", [f["name"] for f in resource_schema(name)["fields"]])
            for name in names}
    wide = {path: CsvFile(folder / path, None) for path in WIDE}
    work = Path(tempfile.mkdtemp(prefix=".xlsx-work-", dir=folder))  # XlsxWriter's row files; removed below
    book = Workbook(list(SHEETS), work)
    for row in codebook_rows(names):
        book.add("codebook", row)
    ids = agency_ids(heads)
    (folder / "sources").mkdir()
    for report in final_reports(store, heads):
        rows = report_rows(report, ids)
        for name, table in rows.items():
            for row in table:
                csvs[name].add(row)
        for row in metric_value_rows(rows):
            csvs["metric_values"].add(row)
        by_id = {row["report_id"]: row for row in rows["reports"]}
        for (path, make), title in zip(WIDE.items(), SHEETS[2:5], strict=True):
            for row in make(rows, by_id):
                wide[path].add(row)
                book.add(title, row)
        for row in rows["reports"]:
            book.add("reports", row)
        for row in rows["findings"]:
            book.add("findings", row)
        (folder / "sources" / f"{report.report_id}.txt").write_bytes(report.text.encode("utf-8"))
    for row in agencies_rows(heads, ids):
        csvs["agencies"].add(row)
    for name in code_lists():
        for row in code_list_rows(name):
            csvs[name].add(row)
    for row in metric_rows():
        csvs["metrics"].add(row)
    for sink in (*csvs.values(), *wide.values()):
        sink.close()
    book.close(folder / XLSX_NAME)
    shutil.rmtree(work)
    if changelog:
        (folder / "CHANGELOG.md").write_bytes(changelog)
    package = descriptor(version)
    query = write_query_files(folder, {name: sink.path for name, sink in csvs.items()}, package)
    package["x_xxgk_query_files"] = query_file_entries(query)
    (folder / "datapackage.json").write_bytes((json.dumps(package, ensure_ascii=False, indent=2,
                                                          sort_keys=True) + "\n").encode("utf-8"))
    zipped = [f"data/{name}.csv" for name in names] + list(WIDE) + ["datapackage.json"] + \
        (["CHANGELOG.md"] if changelog else [])
    zip_into(folder / ZIP_NAME, [(rel, folder / rel) for rel in sorted(zipped)])
