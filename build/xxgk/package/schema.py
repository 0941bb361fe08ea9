"""The data package descriptor and code lists, generated from ``rules/schema.yaml`` and ``codes.yaml``.

>>> [f["name"] for f in resource_schema("applications")["fields"]][:3]
['report_id', 'row', 'applicant']
>>> code_list_rows("outcomes")[0]
{'code': 'upheld', 'label_zh': '结果维持', 'description_en': 'Agency upheld'}
"""

from __future__ import annotations

import copy
from functools import cache

from .. import __version__
from ..catalog import codes, rule_yaml, table
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
    return rule_yaml("schema.yaml")


def data_resources() -> list[str]:
    return list(schema_spec()["resources"])


# the code lists whose Chinese names no template prints (the checks, their categories, the identities): their
# label_zh was described "模板中印的中文名称 / Label as printed in the template" like table 三's rows
OWN_LABELS = ("findings", "check_categories", "identities", "missing_reasons")
OWN_LABEL_DESCRIPTION = "中文名称（本数据集所定，不是模板所印）。Chinese name (this dataset's; no template prints it)"


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
    if code_lists()[name] in OWN_LABELS:
        fields[1]["description"] = OWN_LABEL_DESCRIPTION
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
    if code_lists()[name] == "missing_reasons":  # what a page shows in an empty value's place, and its sentence
        fields += [
            {"name": "short_zh", "type": "string", "title": "简称", "constraints": {"required": True},
             "description": "网站在空白数值处显示的简短说明。The short words the site shows in an empty value's place"},
            {"name": "explanation_zh", "type": "string", "title": "说明", "constraints": {"required": True},
             "description": "原因的完整说明（网站在表格下的注释中给出）。"
                            "The reason in full (the site's note under a table)"},
        ]
    if code_lists()[name] in EDITIONED:
        fields.append(EDITIONS_FIELD)
    return out


# the code lists whose codes belong to a template edition (codes.yaml's formats, item_measures): a time series over
# the 2019 and 2021 templates needs to know that 2019's （六）其他处理 (other) is 2021's three other_* rows, that
# other_management_services and procurement are 2019's alone, and 2021's issued/repealed/in_force are not 2019's
# made/published/total_public (the code lists did not say which edition a code is of; metrics.editions did)
EDITIONED = ("items", "measures", "rows")
EDITIONS_FIELD = {"name": "editions", "type": "string", "title": "适用格式", "constraints": {"required": True},
                  "description": "该代码出现在哪些模板版本（2019、2021），以空格分隔；只属于一个版本的代码，"
                                 "另一版本的报告没有它的数值，跨年度比较时不要当作缺失或0。"
                                 "Template editions the code exists in (2019, 2021), "
                                 "space-separated: a code of one edition has no value in the other's reports — "
                                 "neither missing nor 0 there"}


def code_editions(source: str) -> dict[str, str]:
    """``{code: "2019 2021"}`` for a code list of ``EDITIONED``: the editions whose template prints the code (a
    measure: whose template gives it to some item)."""
    spec = codes()
    if source == "measures":
        found: dict[str, set] = {}
        for edition, items in spec["item_measures"].items():
            for measures in items.values():
                for measure in measures:
                    found.setdefault(measure, set()).add(edition)
    else:
        found = {e["code"]: set(e["formats"]) for e in spec[source]}
    return {code: " ".join(sorted(editions)) for code, editions in found.items()}


def code_list_rows(name: str) -> list[dict]:
    source = code_lists()[name]
    if source == "findings":
        return [{"code": r["code"], "label_zh": r["title_zh"], "description_en": r["description_en"],
                 "severity": r["severity"], "category": r["category"], "explanation_zh": r["explanation_zh"],
                 "example_zh": r["example_zh"], "responsibility": r["responsibility"]} for r in table("findings")]
    if source == "identities":  # what metrics.holds names: the sums a share's cells must satisfy
        return [{"code": r["id"], "label_zh": r["zh"], "description_en": r["en"]} for r in identities()]
    if source == "missing_reasons":
        return [{"code": e["code"], "label_zh": e["zh"], "description_en": e["en"], "short_zh": e["short"],
                 "explanation_zh": e["explanation"]} for e in codes()[source]]
    rows = [{"code": e["code"], "label_zh": e["zh"], "description_en": e["en"]} for e in codes()[source]]
    if source in EDITIONED:
        editions = code_editions(source)
        rows = [row | {"editions": editions[row["code"]]} for row in rows]
    return rows


# the resources xxgk.xlsx holds: reports and findings as sheets of their own, the three tidy tables as the wide
# sheets 表2/表3/表4; the others (agencies, metrics, metric_values, sections, the code lists) are CSVs only
WORKBOOK_RESOURCES = ("reports", "active_disclosure", "applications", "review_litigation", "findings")

WIDE_HEAD = (("报告编号", "string", "报告编号（reports.report_id）。The report (reports.report_id)"),
             ("机构", "string", "机构名称，同 reports.agency。The agency as in reports.agency"),
             ("机构全称", "string", "发布机构全称，同 reports.agency_name。Full name as in reports.agency_name"),
             ("年度", "integer", "报告所属年度，同 reports.year。Year, as in reports.year"))
_WIDE_VALUE = "；空白表示缺失，绝不是0。Empty = missing, never 0"


def wide_tables() -> list[dict]:
    """The three wide tables (``wide/*.csv``, the workbook's sheets 表2/表3/表4, the SQLite views of those names):
    path, description and every column with its type and meaning, from the code lists their columns are made of
    (``tables.wide_*`` write them), so that the descriptor and the codebook explain every column they hold."""
    from ..catalog import applicant_codes, labels, outcome_codes, proceeding_codes

    names = labels()

    def table(title, description, fields):
        return {"name": title, "path": f"wide/{title}.csv", "description": description,
                "fields": [{"name": n, "type": t, "description": d} for n, t, d in WIDE_HEAD + tuple(fields)]}

    active = [("格式", "string", "表2的模板版本：含2019年模板特有的指标时为 2019，否则 2021（可与表3的版本 "
                                 "reports.format 不同）。Table 2's template edition: 2019 when it holds a measure only "
                                 "the 2019 template has, else 2021 (may differ from reports.format: table 3's)"),
              ("信息内容", "string", "信息内容（items.label_zh）。The item (items.label_zh)")]
    for i in (1, 2, 3):
        active += [(f"指标{i}", "string", f"该行第{i}个指标（measures.label_zh）；该项指标不足{i}个时为空。"
                                          f"The row's measure {i} (measures.label_zh); empty where the item has fewer"),
                   (f"数值{i}", "number", f"指标{i}的数值，金额单位为万元{_WIDE_VALUE}. Value of measure {i}, "
                                          "amounts in 10,000 yuan")]
    applications = [("行", "string", "表3的行（application_rows.label_zh）。Table 3's row (application_rows.label_zh)")]
    applications += [(names["applicants"][a], "integer", f"申请人列 {a} 的件数{_WIDE_VALUE} (applicants: {a})")
                     for a in applicant_codes()]
    review = [(f"{names['proceedings'][p]}·{names['outcomes'][o]}", "integer",
               f"review_litigation 中 {p} × {o} 的件数{_WIDE_VALUE} ({p} × {o})")
              for p in proceeding_codes() for o in outcome_codes()]
    return [table("表2_主动公开", "表2按模板的样子：每份报告每个信息内容一行。"
                                "Table 2 as printed: a row per report and item", active),
            table("表3_依申请公开", "表3按模板的样子：每份报告每行一行。"
                                  "Table 3 as printed: a row per report and template row", applications),
            table("表4_复议诉讼", "表4按模板的样子：每份报告一行。Table 4 as printed: a row per report", review)]


def wide_header(path: str) -> list[str]:
    """The columns of the wide table at ``path`` (``wide/表2_主动公开.csv`` …), as ``wide_tables`` describes them: the
    header of a wide CSV without rows (before: ``报告编号`` alone, where the descriptor and the codebook promised 12).

    >>> wide_header("wide/表4_复议诉讼.csv")[:5]
    ['报告编号', '机构', '机构全称', '年度', '行政复议·结果维持']
    """
    return [f["name"] for f in next(w for w in wide_tables() if w["path"] == path)["fields"]]


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
            "x_xxgk_wide_tables": wide_tables(), "resources": resources}


def division_codes_source() -> dict:
    """Name, version and data date of the GB/T 2260 division codes the agencies were resolved with."""
    from ..agency.divisions import source

    spec = source()
    return {"package": spec["package"], "version": spec["installed_version"], "data_as_of": spec["data_as_of"],
            "licence": spec["licence"], "standard": "GB/T 2260"}
