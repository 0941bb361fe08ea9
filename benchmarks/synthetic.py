"""Synthetic reports for benchmarks and round-trip tests: identity-consistent values rendered in the
layouts real reports come in (tabs, pipes, one cell per line, PDF-like text, HTML tables).

    .venv/bin/python -m benchmarks.synthetic 1000 /tmp/reports   # writes 1,000 files + sources.csv
"""

from __future__ import annotations

import csv
import random
import sys
from functools import cache
from pathlib import Path

from xxgk.catalog import labels, outcome_row_codes, proceeding_codes, row_codes

LAYOUTS = ("tabs", "pipes", "cell_per_line", "pdf_text", "html")
ROWS = row_codes("2021")
# departments of real counties (names unique in GB/T 2260), so that the agency resolver places every one
DEPARTMENTS = ("数据局", "教育局", "公安局", "财政局", "卫生健康委员会", "生态环境局", "市场监督管理局",
               "交通运输局", "自然资源局", "人力资源和社会保障局",
               # appended, so the first 10 × 2,804 agencies (112,160 reports) are as before; with these,
               # 30 × 2,804 agencies of four years each: 336,480 reports of distinct agency-years
               "发展和改革局", "民政局", "司法局", "住房和城乡建设局", "水利局", "农业农村局", "商务局",
               "文化广电和旅游局", "应急管理局", "审计局", "统计局", "医疗保障局", "退役军人事务局", "林业局",
               "科学技术局", "工业和信息化局", "城市管理局", "信访局", "档案局", "乡村振兴局")
YEARS = 4  # reports per agency, 2021–2024
# provinces, for benchmarks that invent agencies of their own (browser_data_size)
PROVINCES = ("青海省", "辽宁省", "福建省", "上海市", "新疆维吾尔自治区", "广东省", "四川省", "湖北省")


@cache
def counties() -> tuple:
    """County-level divisions whose name no other division has, in code order."""
    from xxgk.agency.divisions import by_name, divisions, parent

    out = []
    for d in sorted(divisions().values(), key=lambda d: d.code):
        if d.level == "county" and len(by_name(d.name)) == 1:
            province = d
            while parent(province) is not None:
                province = parent(province)
            out.append((d.name, province.name))
    return tuple(out)


def capacity() -> int:
    """How many reports ``write_reports`` can write with every agency-year distinct."""
    return len(counties()) * len(DEPARTMENTS) * YEARS


def agency(number: int) -> tuple[str, str]:
    """The ``number``-th synthetic agency: ``(name, province)``, e.g. ``("格尔木市数据局", "青海省")``; distinct
    for ``number`` below ``capacity() // YEARS``."""
    county, province = counties()[number % len(counties())]
    return county + DEPARTMENTS[number // len(counties()) % len(DEPARTMENTS)], province


def table3_from_outcomes(outcomes: dict[str, list[int]], forward: list[int], carried: list[int]) -> dict:
    """Every table-3 row (with totals) from the outcome rows and carry-overs of the six columns."""
    values = {code: list(row) for code, row in outcomes.items()}
    processed = [sum(values[c][i] for c in outcome_row_codes("2021")) for i in range(6)]
    carried = [min(c, p + f) for c, p, f in zip(carried, processed, forward, strict=True)]
    values["total_processed"], values["carried_forward"], values["carried_over"] = processed, forward, carried
    values["new"] = [p + f - c for p, f, c in zip(processed, forward, carried, strict=True)]
    return {code: row + [sum(row)] for code, row in values.items()}


def random_values(rng: random.Random) -> tuple[dict, list[int]]:
    outcomes = {c: [rng.choice((0, 0, 0, rng.randint(0, 40))) for _ in range(6)] for c in outcome_row_codes("2021")}
    table3 = table3_from_outcomes(outcomes, [rng.randint(0, 5) for _ in range(6)],
                                  [rng.randint(0, 5) for _ in range(6)])
    table4 = []
    for _ in proceeding_codes():
        parts = [rng.randint(0, 6) for _ in range(4)]
        table4 += parts + [sum(parts)]
    return table3, table4


def render_report(values: dict, table4: list[int], layout: str, blank: tuple[str, int] | None = None,
                  title: str = "测试局2024年政府信息公开工作年度报告") -> str:
    """The report as text (HTML markup for the html layout); ``blank`` empties one table-3 cell."""
    label = {code: labels()["rows"][code] for code in ROWS}

    def cells(code):
        return ["" if blank == (code, i) else str(v) for i, v in enumerate(values[code])]

    head = f"{title}\n一、总体情况\n概述。\n三、收到和处理政府信息公开申请情况\n"
    tail = "\n四、政府信息公开行政复议、行政诉讼情况\n"
    if layout == "html":
        rows = "".join("<tr><td>" + "</td><td>".join([label[c]] + cells(c)) + "</td></tr>" for c in ROWS)
        t4row = "<tr><td>" + "</td><td>".join(map(str, table4)) + "</td></tr>"
        head_html = "".join(f"<p>{line}</p>" for line in head.strip().split("\n"))
        return (f"<html><body>{head_html}<table>{rows}</table><p>{tail.strip()}</p><table>{t4row}</table>"
                "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    if layout == "tabs":
        body = "\n".join("\t".join([label[c]] + cells(c)) for c in ROWS)
        t4 = "\t".join(map(str, table4))
    elif layout == "pipes":
        body = "\n".join("| " + " | ".join([label[c]] + cells(c)) + " |" for c in ROWS)
        t4 = "| " + " | ".join(map(str, table4)) + " |"
    elif layout == "cell_per_line":
        body = "\n".join("|\n" + "\n".join(f"{x} |" for x in [label[c]] + cells(c)) + "\n||" for c in ROWS)
        t4 = "\n".join(f"{x} |" for x in table4)
    elif layout == "pdf_text":  # wrapped labels, space-separated numbers
        body = "\n\n".join(label[c][:4] + "\n" + label[c][4:] + " " + " ".join(cells(c)) for c in ROWS)
        t4 = " ".join(map(str, table4))
    else:
        raise ValueError(layout)
    return head + body + tail + t4 + "\n五、存在的主要问题及改进情况\n无。\n"


def write_reports(count: int, folder: Path, seed: int = 7, start: int = 0) -> list[Path]:
    """``count`` report files over all layouts, agencies with several years, and a manifest. Streams: time
    and memory are linear in ``count`` (100,000 reports in ≈ 20 s, ≈ 80 MiB); beyond ``capacity()`` an
    agency would repeat its years, so that raises. With ``start``, only the reports from number ``start`` on are
    written (the others are left as they are: the same ``seed`` gives the same first reports), and the manifest
    names all ``count``: reports added to a folder written before."""
    if count > capacity():
        raise ValueError(f"{count} reports: the synthetic agencies give at most {capacity()} distinct agency-years")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths, manifest = [], []
    for i in range(count):
        agency_no, year = divmod(i, YEARS)
        name, province = agency(agency_no)
        layout = LAYOUTS[i % len(LAYOUTS)]
        table3, table4 = random_values(rng)
        title = f"{name}{2021 + year}年政府信息公开工作年度报告"
        path = folder / f"r{i:06d}.{'html' if layout == 'html' else 'txt'}"
        if i >= start:
            path.write_text(render_report(table3, table4, layout, title=title), encoding="utf-8")
            paths.append(path)
        manifest.append({"file": path.name, "province": province})
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "province"])
        writer.writeheader()
        writer.writerows(manifest)
    return paths


if __name__ == "__main__":
    write_reports(int(sys.argv[1]), Path(sys.argv[2]))
