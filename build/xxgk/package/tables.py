"""Reports to the rows of each resource: tidy tables, and the wide tables shaped like the template.

Pure: lists of dicts in a fixed order (report, then the template's row/column order).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from ..agency.registry import agencies_rows, agency_ids, identity_of, peer_group
from ..catalog import (
    amount_measures,
    applicant_codes,
    cell_value,
    item_measures,
    labels,
    measure_label,
    outcome_codes,
    proceeding_codes,
    row_codes,
)
from ..safe import prose_text
from .collect import Report
from .metrics import table2_edition
from .schema import code_list_rows, code_lists, resource_schema

_TABLE_KEYS = {"active": ("item", "measure"), "applications": ("row", "applicant"),
               "review_litigation": ("proceeding", "outcome")}
_RESOURCE = {"active": "active_disclosure", "applications": "applications",
             "review_litigation": "review_litigation"}


def report_row(report: Report, ids: dict[tuple, str] | None = None) -> dict:
    """The ``reports`` row: level from the manifest, else from the resolved publisher; the region is the resolved
    publisher's, into which the manifest's province / city / county were resolved (``agency.resolve``), so it is
    spelled as the division is, whatever the manifest wrote: 青海 / 海西州 is published 青海省 / 海西蒙古族藏族自治州,
    the spelling of every other report of that region (a province written two ways was two provinces on the site).
    A manifest region that is no single division (``manifest_value_invalid``) is left missing, as its finding says:
    never published. Its keys are in the schema's field order, as ``reports.csv`` and the workbook's codebook list
    them: the workbook's ``reports`` sheet takes its columns from these keys (it had ``agency_id`` … ``peer_group``
    after ``level``, where the codebook describes ``published_date``)."""
    r, m, who = report.record, report.manifest, identity_of(report)
    invalid = {f.column for f in who.findings if f.code == "manifest_value_invalid"}
    m = {k: v for k, v in m.items() if k not in invalid}
    agency_id = (ids or {}).get(who.key) if who.agency_id else None
    row = {
        "report_id": report.report_id, "agency": r.agency or who.name, "year": r.year,
        "format": r.formats.get("applications") or r.formats.get("active"),
        "province": who.province or None, "city": who.city or None, "county": who.county or None,
        "level": m.get("level") or who.kind or None,
        "agency_id": agency_id, "agency_name": who.name if agency_id else None, "tier": who.tier, "kind": who.kind,
        "peer_group": peer_group(r.year, who),
        "published_date": r.published_date, "period_start": r.period_start, "period_end": r.period_end,
        "source_file": report.source_file, "source_url": m.get("url") or r.source_url,
        "retrieved_at": m.get("retrieved_at") or None, "notes": m.get("notes") or None, "sha256": report.sha256 or None,
        "encoding": report.encoding, "file_type": report.kind if report.kind in _file_types() else None,
        "status": report.status, "finding_count": len(report.findings),
        "duplicate_of": getattr(report, "duplicate_of", None),  # (report_card.mark_counted)
    }
    return {name: row[name] for name in _report_fields()}


@cache
def _report_fields() -> tuple[str, ...]:
    """The ``reports`` schema's field names, once a process (the schema is copied whole each time it is asked for:
    5 ms, for each report)."""
    return tuple(f["name"] for f in resource_schema("reports")["fields"])


@cache
def _file_types() -> frozenset[str]:
    """The values ``reports.file_type`` may take (its schema's enum): a reader's ``Source.kind`` outside them
    (``unsupported``, a refused input's) is published as missing."""
    field = next(f for f in resource_schema("reports")["fields"] if f["name"] == "file_type")
    return frozenset(field["constraints"]["enum"])


def plain(value):
    """A value as written to CSV: Decimal in plain notation, None as missing."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else value


def reports_to_tables(reports: list[Report]) -> dict[str, list[dict]]:
    """``{resource name: rows}`` for every resource of the package."""
    out: dict[str, list[dict]] = {name: [] for name in PER_REPORT}
    ids = agency_ids(reports)
    out["agencies"] = agencies_rows(reports, ids)
    for report in reports:
        for name, rows in report_rows(report, ids).items():
            out[name] += rows
    for name in code_lists():
        out[name] = code_list_rows(name)
    return out


PER_REPORT = ("reports", "active_disclosure", "applications", "review_litigation", "findings", "sections")


def report_rows(report: Report, ids: dict[tuple, str]) -> dict[str, list[dict]]:
    """``{resource: rows}`` of one report, for the resources ``PER_REPORT`` (the package's rows of a report
    are these, in the package's order, whatever else the package holds)."""
    out: dict[str, list[dict]] = {name: [] for name in PER_REPORT}
    out["reports"].append(report_row(report, ids))
    for fact in report.record.facts:
        a, b = _TABLE_KEYS[fact.table]
        row = {"report_id": report.report_id, a: fact.keys[0], b: fact.keys[1], "value": plain(fact.value)}
        if fact.table == "active":  # a count is an integer (value), only an amount in 万元 a number (amount)
            amount = fact.keys[1] in amount_measures()
            row |= {"value": None if amount else row["value"], "amount": row["value"] if amount else None}
        out[_RESOURCE[fact.table]].append(row | {"line": fact.line, "placed_by": fact.placed_by})
    for finding in report.findings:
        out["findings"].append({"report_id": report.report_id, **finding.to_dict()})
    for code, text in report.record.sections.items():
        out["sections"].append({"report_id": report.report_id, "section": code,
                                "line": report.record.section_lines.get(code), "text": prose_text(text)})
    return out


def _cells_by_report(rows: list[dict], a: str, b: str) -> dict[str, dict[tuple[str, str], object]]:
    """``{report_id: {(key a, key b): value}}`` of one tidy table (table 二's amounts from ``amount``)."""
    out: dict[str, dict] = {}
    for r in rows:
        out.setdefault(r["report_id"], {})[(r[a], r[b])] = cell_value(r)
    return out


def _head(rid: str, report: dict) -> dict:
    return {"报告编号": rid, "机构": report["agency"], "机构全称": report.get("agency_name"), "年度": report["year"]}


def wide_applications(tables: dict, reports_by_id: dict) -> list[dict]:
    """Table 3 as printed: one row per report and template row, applicant columns in Chinese."""
    cells = _cells_by_report(tables["applications"], "row", "applicant")
    rows = []
    for rid, rep in reports_by_id.items():
        for code in row_codes(rep["format"] or "2021") if rid in cells else []:
            rows.append(_head(rid, rep) | {"行": labels()["rows"][code]} | {
                labels()["applicants"][a]: cells[rid].get((code, a)) for a in applicant_codes()})
    return rows


def wide_active(tables: dict, reports_by_id: dict) -> list[dict]:
    """Table 2 as printed: one row per report and item, up to three (measure, value) pairs."""
    cells = _cells_by_report(tables["active_disclosure"], "item", "measure")
    rows = []
    for rid, rep in reports_by_id.items():
        if rid not in cells:
            continue
        fmt = table2_edition({m for _, m in cells[rid]}) or "2021"  # (the edition metrics of table 2 take too)
        for item, measures in item_measures(fmt).items():
            row = _head(rid, rep) | {"格式": fmt, "信息内容": labels()["items"][item]}
            for i in range(3):
                m = measures[i] if i < len(measures) else None
                row[f"指标{i + 1}"] = measure_label(item, m) if m else None  # (采购总金额, not 本年收费金额)
                row[f"数值{i + 1}"] = cells[rid].get((item, m)) if m else None
            rows.append(row)
    return rows


def wide_review_litigation(tables: dict, reports_by_id: dict) -> list[dict]:
    """Table 4 as printed: one row per report, the fifteen numbers in template order."""
    cells = _cells_by_report(tables["review_litigation"], "proceeding", "outcome")
    return [_head(rid, rep) | {f"{labels()['proceedings'][p]}·{labels()['outcomes'][o]}": cells[rid].get((p, o))
                               for p in proceeding_codes() for o in outcome_codes()}
            for rid, rep in reports_by_id.items() if rid in cells]
