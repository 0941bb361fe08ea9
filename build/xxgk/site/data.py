"""Loading the written data package for the site: the only input the pages have."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..readers import allow_long_csv_cells

allow_long_csv_cells()


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # the package's CSVs carry a BOM (Excel)
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]


@dataclass
class Package:
    root: Path
    descriptor: dict
    tables: dict[str, list[dict]]
    _by_report: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Package:
        """The package at ``root``, every cell as the report printed it: the apostrophe the CSVs put
        before a formula-looking text (``safe.sheet_cell``) is removed (``safe.cell_text``); pages
        still escape every value for their sink."""
        from ..safe import cell_text

        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        tables = {r["name"]: read_csv(root / r["path"]) for r in descriptor["resources"]}
        for rows in tables.values():
            for row in rows:
                for key, value in row.items():
                    if value and value[0] == "'":  # (the only cells sheet_cell changed; the rest stay as read)
                        row[key] = cell_text(value)
        names = {a["agency_id"]: a["name"] for a in tables.get("agencies", [])}
        for report in tables.get("reports", []):  # pages name a report by its agency's canonical name
            report["agency_name"] = names.get(report.get("agency_id") or "")
        return cls(root, descriptor, tables)

    def labels(self, code_list: str) -> dict[str, str]:
        return {r["code"]: r["label_zh"] for r in self.tables[code_list]}

    def by_report(self, name: str) -> dict[str, list[dict]]:
        """``{report_id: rows}`` of one resource, built once (pages ask for it per report)."""
        if name not in self._by_report:
            out: dict[str, list[dict]] = {}
            for row in self.tables[name]:
                out.setdefault(row["report_id"], []).append(row)
            self._by_report[name] = out
        return self._by_report[name]

    def source_text(self, report_id: str) -> str:
        path = self.root / "sources" / f"{report_id}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else ""


def number(value: str | None) -> float | None:
    return None if value is None else float(value)
