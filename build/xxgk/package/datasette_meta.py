"""``metadata.json`` for Datasette: ``datasette datapackage/xxgk.db -m datapackage/metadata.json``.

Titles, descriptions, licence and source come from ``rules/schema.yaml``; facets, units, the
full-text table and view titles from ``rules/datasette.yaml``. A resource added to the schema gets
its title, column descriptions and facets (its foreign keys other than ``report_id``, and its enum
fields) without a change here. Pure.

>>> meta = metadata(descriptor("0.1.0"), ["表3_依申请公开"])
>>> meta["license"], meta["databases"]["xxgk"]["tables"]["sections"]["fts_table"]
('CC-BY-4.0', 'sections_fts')
"""

from __future__ import annotations

from functools import cache

from ..catalog import rule_yaml
from .database_file import DB_NAME, FULL_TEXT_SCRIPT
from .schema import descriptor  # noqa: F401  (doctest)

DATABASE = DB_NAME.removesuffix(".db")
SEARCH_QUERY = """SELECT r.agency AS 机构, r.year AS 年度, s.report_id AS 报告编号, s.section AS 章节,
  snippet(sections_fts, 0, '【', '】', '…', 24) AS 摘录
FROM sections_fts JOIN sections s ON s.rowid = sections_fts.rowid JOIN reports r ON r.report_id = s.report_id
WHERE sections_fts MATCH '"' || replace(:q, '"', '""') || '"'
ORDER BY rank LIMIT 200"""


@cache
def settings() -> dict:
    return rule_yaml("datasette.yaml")


def facets(name: str, schema: dict) -> list[str]:
    """Suggested facets: foreign keys other than a report's id (``report_id``, and ``reports.duplicate_of``: a
    facet of report ids, one value a report, says nothing), enum fields, then the extras of the rules.

    >>> facets("x", {"fields": [], "foreignKeys": [{"fields": "duplicate_of", "reference": {"resource": "reports",
    ...                                                 "fields": "report_id"}}, {"fields": "agency_id"}]})
    ['agency_id']
    """
    out = [fk["fields"] for fk in schema.get("foreignKeys", []) if isinstance(fk["fields"], str)
           and fk.get("reference", {}).get("fields") != "report_id"]
    out += [f["name"] for f in schema["fields"] if "enum" in f.get("constraints", {})]
    out += settings().get("facets", {}).get(name, [])
    return list(dict.fromkeys(f for f in out if f != "report_id"))


def _column(name: str, field: dict) -> str:
    unit = settings().get("units", {}).get(f"{name}.{field['name']}")
    text = " — ".join(t for t in (field.get("title"), field.get("description")) if t)
    return f"{text}（单位：{unit}）" if unit else text


def table_metadata(resource: dict) -> dict:
    name, schema = resource["name"], resource["schema"]
    fields = [f["name"] for f in schema["fields"]]
    out = {"title": name, "description": resource.get("description", ""),
           "columns": {f["name"]: _column(name, f) for f in schema["fields"]}}
    if found := facets(name, schema):
        out["facets"] = found
    if settings()["label_column"] in fields:
        out["label_column"] = settings()["label_column"]
    if name in settings().get("full_text", {}):
        out["fts_table"], out["fts_pk"] = f"{name}_fts", "rowid"
    return out


def metadata(package: dict, views: list[str]) -> dict:
    """The Datasette metadata of ``xxgk.db`` for the package descriptor ``package`` and the database's ``views``."""
    tables = {r["name"]: table_metadata(r) for r in package["resources"]}
    tables |= {view: {"title": view, "description": settings()["views"].get(view, "")} for view in views}
    database = {"title": package["title"], "description": package["description"], "tables": tables}
    if "sections" in tables:
        database["queries"] = {"search_sections": {
            "title": "全文检索：报告叙述部分 (full-text search of the narrative sections)",
            "description": ("Any 3 or more consecutive characters, e.g. 依申请公开; fewer find nothing "
                            "(trigram index). "
                            f"The site's copy of {DB_NAME} comes without the index: run {FULL_TEXT_SCRIPT} on it "
                            f"once first (sqlite3 {DB_NAME} < {FULL_TEXT_SCRIPT})."),
            "sql": SEARCH_QUERY}}
    licence = package["licenses"][0]
    return {"title": package["title"], "description": package["description"],
            "license": licence["name"], "license_url": licence["path"],
            "source": package["sources"][0]["title"], "source_url": package["homepage"],
            "about": "xxgk", "about_url": package["homepage"],
            "databases": {DATABASE: database}}
