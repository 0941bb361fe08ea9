"""The data package descriptor and code lists, generated from ``rules/schema.yaml`` and ``codes.yaml``.

>>> [f["name"] for f in resource_schema("applications")["fields"]][:3]
['report_id', 'row', 'applicant']
>>> code_list_rows("outcomes")[0]
{'code': 'upheld', 'label_zh': '结果维持', 'description_en': 'Agency upheld'}
"""

from __future__ import annotations

import copy
from functools import cache

import yaml

from .. import __version__
from ..catalog import RULES, codes, table
from ..identities import identities

CODE_LIST_FIELDS = [
    {"name": "code", "type": "string", "title": "代码",
     "description": "数据表中使用的代码。The code used in the data tables",
     "constraints": {"required": True, "unique": True}},
    {"name": "label_zh", "type": "string", "title": "中文名称",
     "description": "模板中印的中文名称。Label as printed in the template"},
    {"name": "description_en", "type": "string", "title": "英文说明",
     "description": "英文说明。English description"},
]


@cache
def schema_spec() -> dict:
    return yaml.safe_load((RULES / "schema.yaml").read_text(encoding="utf-8"))


def data_resources() -> list[str]:
    return list(schema_spec()["resources"])


def code_lists() -> dict[str, str]:
    return dict(schema_spec()["code_lists"])


def resource_schema(name: str) -> dict:
    """The Table Schema of one resource (data resource or code list)."""
    spec = schema_spec()
    if name in spec["resources"]:
        res = copy.deepcopy(spec["resources"][name])
        out = {"fields": res["fields"], "missingValues": [""]}
        if "primaryKey" in res:
            out["primaryKey"] = res["primaryKey"]
        if "foreignKeys" in res:
            out["foreignKeys"] = res["foreignKeys"]
        return out
    fields = copy.deepcopy(CODE_LIST_FIELDS)
    out = {"fields": fields, "primaryKey": ["code"], "missingValues": [""]}
    if name == "finding_codes":
        fields += [
            {"name": "severity", "type": "string", "title": "严重程度",
             "description": "严重程度：error 错误、warning 警告或 info 提示。error, warning or info"},
            {"name": "category", "type": "string", "title": "检查类别",
             "description": "报告评估的检查类别。Report-card category"},
            {"name": "explanation_zh", "type": "string", "title": "说明",
             "description": "检查的含义。What the check means"},
            {"name": "example_zh", "type": "string", "title": "示例",
             "description": "例子。An example"},
            {"name": "responsibility", "type": "string", "title": "责任",
             "description": "责任：agency 为本机关自身的问题，计入报告评估得分（错误扣10分、警告扣3分、提示不扣分）；"
                            "reading 为本站读取的局限，不计分。agency: the agency's own problem, counted in the report "
                            "card's score (10 points an error, 3 a warning, none for info); reading: a limit of our "
                            "reading, never counted",
             "constraints": {"required": True, "enum": ["agency", "reading"]}},
        ]
        out["foreignKeys"] = [{"fields": "category", "reference": {"resource": "check_categories", "fields": "code"}}]
    return out


def code_list_rows(name: str) -> list[dict]:
    source = code_lists()[name]
    if source == "findings":
        return [{"code": r["code"], "label_zh": r["title_zh"], "description_en": r["description_en"],
                 "severity": r["severity"], "category": r["category"], "explanation_zh": r["explanation_zh"],
                 "example_zh": r["example_zh"], "responsibility": r["responsibility"]} for r in table("findings")]
    if source == "identities":  # what metrics.holds names: the sums a share's cells must satisfy
        return [{"code": r["id"], "label_zh": r["zh"], "description_en": r["en"]} for r in identities()]
    return [{"code": e["code"], "label_zh": e["zh"], "description_en": e["en"]} for e in codes()[source]]


def descriptor(data_version: str) -> dict:
    """The whole ``datapackage.json`` (resource paths ``data/<name>.csv``)."""
    spec = schema_spec()["package"]
    resources = []
    for name in data_resources() + list(code_lists()):
        kind = "data" if name in data_resources() else "code list"
        description = schema_spec()["resources"][name]["description"] if kind == "data" else \
            f"代码表（代码与中文名称对照）。Code list: {name}"
        resources.append({
            "name": name, "path": f"data/{name}.csv", "type": "table", "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig",  # CSVs carry a BOM (Excel)
            "description": description,
            "schema": resource_schema(name),
        })
    return {"name": spec["name"], "title": spec["title"], "description": spec["description"],
            "version": data_version, "licenses": spec["licenses"], "homepage": spec["homepage"],
            "sources": [{"title": "政府信息公开工作年度报告 (agencies' own publications)"}],
            "x_xxgk_software_version": __version__, "x_xxgk_division_codes": division_codes_source(),
            "resources": resources}


def division_codes_source() -> dict:
    """Name, version and data date of the GB/T 2260 division codes the agencies were resolved with."""
    from ..agency.divisions import source

    spec = source()
    return {"package": spec["package"], "version": spec["installed_version"], "data_as_of": spec["data_as_of"],
            "licence": spec["licence"], "standard": "GB/T 2260"}
