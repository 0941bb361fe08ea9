"""Synthetic reports for benchmarks and round-trip tests: identity-consistent values rendered in the
layouts real reports come in (tabs, pipes, one cell per line, PDF-like text, HTML tables).

With ``narrative=True`` each report also gets prose as long as real reports' (sections 一, 五 and 六: ≈ 2,300
characters on average, 900–4,200; the shared corpus and the seeds measure a mean of 2,000–2,300 and at most
4,640), written from the sentence bank ``NARRATIVE`` below with the agency, the year and numbers varied.
Without it a report's prose is one word: the site's full-text index, the narrative CSV and ``xxgk.db``'s
full-text table are then five times smaller than real reports make them.

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


# Sentences of the prose sections, by (section, sub-heading); {a} the agency, {y} the year, {p} the year before,
# {n} {m} {k} numbers, {r} the applications received (table 三's total: the parser checks the prose against it).
# Written for these benchmarks in the register of the reports, not taken from any report.
NARRATIVE = {
    ("overview", ""): (
        "{y}年，{a}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，"
        "围绕中心工作，不断加大政府信息公开力度，政务公开质量和实效稳步提升。",
        "现将本单位{y}年度政府信息公开工作情况报告如下。",),
    ("overview", "（一）主动公开"): (
        "全年通过门户网站主动公开政府信息{n}条，其中机构职能类信息{m}条，政策文件类信息{k}条。",
        "发布政策解读{n}篇，采用图文、音视频等形式解读{m}篇，回应社会关切{k}次。",
        "及时公开财政预决算、重大建设项目、公共资源配置等重点领域信息{n}条，做到应公开尽公开。",
        "组织开展政府开放日活动{n}次，邀请群众代表{m}人次走进机关、参与座谈。",
        "围绕优化营商环境、乡村振兴、民生保障等群众关注事项，集中发布信息{n}条。",),
    ("overview", "（二）依申请公开"): (
        "全年共收到政府信息公开申请{r}件，均在法定期限内予以答复。",
        "进一步规范依申请公开办理流程，完善登记、审核、办理、答复、归档等环节，做到件件有回音。",
        "对申请内容不明确的，及时与申请人沟通，一次性告知需要补正的事项。",
        "落实依申请公开与主动公开转化机制，将申请较为集中的{m}类信息转为主动公开。",),
    ("overview", "（三）政府信息管理"): (
        "严格落实信息发布审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。",
        "开展规范性文件清理工作，对{n}件规范性文件进行评估，废止{m}件，修改{k}件，清理结果向社会公布。",
        "动态调整主动公开基本目录，更新政府信息{n}条，修订公开指南{m}次。",),
    ("overview", "（四）平台建设"): (
        "持续优化政府网站栏目设置，新增专题专栏{n}个，网站全年访问量{m}万人次。",
        "用好政务新媒体，微信公众号全年推送信息{n}条，关注人数达{m}人。",
        "加强政务服务热线与网站互动，办理网民留言{n}件，办结率{k}%。",
        "推进政务公开专区建设，在办事大厅设置查阅点{n}个，为群众提供查询、咨询服务{m}人次。",),
    ("overview", "（五）监督保障"): (
        "将政务公开工作纳入年度绩效考核，组织业务培训{n}次，培训人员{m}人次。",
        "聘请社会监督员{n}名，开展自查{m}次，发现并整改问题{k}个。",
        "主要负责同志{n}次听取政务公开工作汇报，研究解决工作中的困难和问题。",),
    ("problems", ""): (
        "{y}年，我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容的深度和广度还需拓展；"
        "二是政策解读形式较为单一；三是工作人员业务水平有待提高。",
        "针对{p}年度报告中指出的问题，已逐项制定整改措施，{n}项已整改到位。",
        "下一步，我们将重点做好以下工作：一是加强重点领域信息公开；二是丰富政策解读形式，提高解读质量；"
        "三是加强业务培训，提升工作人员能力。",),
    ("other", ""): (
        "本年度未收取信息处理费。",
        "全年办理人大代表建议{n}件、政协委员提案{m}件，均已按时办结，答复内容依法公开。",
        "落实政务公开工作要点，{n}项任务全部完成。",),
}
HEADINGS = {"overview": "一、总体情况", "problems": "五、存在的主要问题及改进情况", "other": "六、其他需要报告的事项"}


def narrative(rng: random.Random, agency_name: str, year: int, received: int = 0) -> dict[str, list[str]]:
    """Prose for one report: ``{section: lines}`` for the sections of ``HEADINGS``, ≈ 900–4,200 characters in
    all (sub-headings as lines of their own), sentences drawn from ``NARRATIVE`` with numbers varied;
    ``received`` the applications received, as table 三 says."""
    budget = rng.randint(900, 4200)
    share = {"overview": 0.75, "problems": 0.17, "other": 0.08}
    out: dict[str, list[str]] = {}
    for section in HEADINGS:
        parts = [key for key in NARRATIVE if key[0] == section]
        lines: list[str] = []
        for key in parts:
            if key[1]:
                lines.append(key[1])
            goal, text, bank = budget * share[section] / len(parts), "", []
            while len(text) < goal:
                bank = bank or rng.sample(NARRATIVE[key], len(NARRATIVE[key]))  # each sentence once, then again
                text += bank.pop().format(a=agency_name, y=year, p=year - 1, r=received, n=rng.randint(1, 3000),
                                                          m=rng.randint(1, 900), k=rng.randint(1, 99))
            lines.append(text)
        out[section] = lines
    return out


def render_report(values: dict, table4: list[int], layout: str, blank: tuple[str, int] | None = None,
                  title: str = "测试局2024年政府信息公开工作年度报告", prose: dict | None = None) -> str:
    """The report as text (HTML markup for the html layout); ``blank`` empties one table-3 cell; ``prose``
    (``narrative``) the prose sections, else one word each."""
    label = {code: labels()["rows"][code] for code in ROWS}
    prose = prose or {"overview": ["概述。"], "problems": ["无。"]}

    def cells(code):
        return ["" if blank == (code, i) else str(v) for i, v in enumerate(values[code])]

    def section(name):
        return "\n".join([HEADINGS[name], *prose[name]]) if name in prose else ""

    head = f"{title}\n{section('overview')}\n三、收到和处理政府信息公开申请情况\n"
    tail = "\n四、政府信息公开行政复议、行政诉讼情况\n"
    after = "\n".join(filter(None, (section("problems"), section("other"))))
    if layout == "html":
        rows = "".join("<tr><td>" + "</td><td>".join([label[c]] + cells(c)) + "</td></tr>" for c in ROWS)
        t4row = "<tr><td>" + "</td><td>".join(map(str, table4)) + "</td></tr>"
        head_html = "".join(f"<p>{line}</p>" for line in head.strip().split("\n"))
        after_html = "".join(f"<p>{line}</p>" for line in after.split("\n"))
        return (f"<html><body>{head_html}<table>{rows}</table><p>{tail.strip()}</p><table>{t4row}</table>"
                f"{after_html}</body></html>")
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
    return head + body + tail + t4 + "\n" + after + "\n"


def write_reports(count: int, folder: Path, seed: int = 7, start: int = 0, prose: bool = False) -> list[Path]:
    """``count`` report files over all layouts, agencies with several years, and a manifest. Streams: time
    and memory are linear in ``count`` (100,000 reports in ≈ 20 s, ≈ 80 MiB); beyond ``capacity()`` an
    agency would repeat its years, so that raises. With ``start``, only the reports from number ``start`` on are
    written (the others are left as they are: the same ``seed`` gives the same first reports), and the manifest
    names all ``count``: reports added to a folder written before. ``prose``: each report with prose as long as
    real reports' (``narrative``; drawn from its own random stream, so the values are the same either way)."""
    if count > capacity():
        raise ValueError(f"{count} reports: the synthetic agencies give at most {capacity()} distinct agency-years")
    rng, words = random.Random(seed), random.Random(seed + 1)
    folder.mkdir(parents=True, exist_ok=True)
    paths, manifest = [], []
    for i in range(count):
        agency_no, year = divmod(i, YEARS)
        name, province = agency(agency_no)
        layout = LAYOUTS[i % len(LAYOUTS)]
        table3, table4 = random_values(rng)
        title = f"{name}{2021 + year}年政府信息公开工作年度报告"
        path = folder / f"r{i:06d}.{'html' if layout == 'html' else 'txt'}"
        text = narrative(words, name, 2021 + year, table3["new"][-1]) if prose else None
        if i >= start:
            path.write_text(render_report(table3, table4, layout, title=title, prose=text), encoding="utf-8")
            paths.append(path)
        manifest.append({"file": path.name, "province": province})
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "province"])
        writer.writeheader()
        writer.writerows(manifest)
    return paths


if __name__ == "__main__":
    write_reports(int(sys.argv[1]), Path(sys.argv[2]))
