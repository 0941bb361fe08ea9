"""The per-report CSV download: all of one report's values, tidy, codes with their Chinese labels beside them."""

from __future__ import annotations

import csv
import io

from ..safe import sheet_cell

REPORT_CSV_TABLES = {"active_disclosure": ("item", "measure", "items", "measures", "表2 主动公开"),
                     "applications": ("row", "applicant", "application_rows", "applicants", "表3 依申请公开"),
                     "review_litigation": ("proceeding", "outcome", "proceedings", "outcomes", "表4 复议诉讼")}
REPORT_CSV_LABELS = sorted({lists for spec in REPORT_CSV_TABLES.values() for lists in spec[2:4]})


class SheetCells(dict):
    """``safe.sheet_cell`` of each distinct cell text, computed once (codes, labels and small numbers repeat
    in every report: this is the hot loop of the per-report CSVs). Emptied when it holds ``limit`` texts,
    so it stays bounded however many reports share it."""

    def __init__(self, limit: int = 100_000):
        super().__init__()
        self.limit = limit

    def __missing__(self, value):
        if len(self) >= self.limit:
            self.clear()
        self[value] = cell = sheet_cell(value)
        return cell


def report_csv(rows: dict[str, list[dict]], labels: dict[str, dict[str, str]],
               cells: SheetCells | None = None) -> str:
    """The CSV of one report from its rows (``{resource: rows}``) and the code lists' labels
    (``{code list: {code: label}}``). Starts with a BOM, so that Excel on Chinese Windows opens it right;
    every cell through ``safe.sheet_cell`` (``cells``: a :class:`SheetCells` memo shared between reports)."""
    safe = SheetCells() if cells is None else cells
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "table_zh", "key1", "key1_zh", "key2", "key2_zh", "value", "line"])
    for name, (a, b, la, lb, zh) in REPORT_CSV_TABLES.items():
        for row in rows.get(name, []):
            writer.writerow([safe[v] for v in (name, zh, row[a], labels[la].get(row[a], ""), row[b],
                                                labels[lb].get(row[b], ""), row["value"] or "", row["line"] or "")])
    return "\ufeff" + buffer.getvalue()
