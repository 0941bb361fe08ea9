"""Issue 5: the same report as HTML, DOCX and PDF parses to equal records; GB18030, UTF-16 and
Traditional-Chinese copies of a seed parse to the seed's values."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from xxgk.catalog import labels, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes, read_path

from .conftest import SEEDS

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
SEED = SEEDS / "002_b58105edacdfa4c5.txt"
T3 = {code: [i % 3, 0, 1, 0, 0, 0, i % 3 + 1] for i, code in enumerate(row_codes("2021"))}
T3["total_processed"] = [sum(T3[c][i] for c in row_codes("2021")[2:23]) for i in range(7)]
T3["new"], T3["carried_over"], T3["carried_forward"] = list(T3["total_processed"]), [0] * 7, [0] * 7
T4 = [1, 0, 2, 0, 3, 0, 0, 1, 0, 1, 2, 0, 0, 0, 2]
TITLE = "测试市数据局2024年政府信息公开工作年度报告"
PARAGRAPHS = [TITLE, "一、总体情况", "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。",
              "二、主动公开政府信息情况"]
T2 = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"],
      ["行政规范性文件", "3", "1", "20"], ["信息内容", "本年处理决定数量", "", ""], ["行政许可", "512", "", ""],
      ["行政处罚", "7", "", ""], ["行政强制", "0", "", ""], ["信息内容", "本年收费金额(单位:万元)", "", ""],
      ["行政事业性收费", "12.5", "", ""]]
T3_ROWS = [["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]] + [
    [labels()["rows"][c]] + [str(v) for v in T3[c]] for c in row_codes("2021")]
T4_ROWS = [["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3, [str(v) for v in T4]]
BLOCKS = [("p", p) for p in PARAGRAPHS] + [("t", T2), ("p", "三、收到和处理政府信息公开申请情况"), ("t", T3_ROWS),
                                          ("p", "四、政府信息公开行政复议、行政诉讼情况"), ("t", T4_ROWS),
                                          ("p", "五、存在的主要问题及改进情况"), ("p", "无。"),
                                          ("p", "六、其他需要报告的事项"), ("p", "无。")]


def as_html() -> bytes:
    parts = ["<html><head><title>t</title><script>var x=1;</script></head><body><nav>首页 | 导航</nav>"]
    for kind, content in BLOCKS:
        if kind == "p":
            parts.append(f"<p>{content}</p>")
        else:
            parts.append("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                                               for row in content) + "</table>")
    return ("".join(parts) + "</body></html>").encode("gb18030").replace(b"<head>", b'<head><meta charset="gbk">')


def as_docx() -> bytes:
    import docx

    document = docx.Document()
    for kind, content in BLOCKS:
        if kind == "p":
            document.add_paragraph(content)
        else:
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf() -> bytes:
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(TTFont("zenhei", str(CJK_FONT), subfontIndex=0))
    style = ParagraphStyle("cjk", fontName="zenhei", fontSize=9, leading=12, wordWrap="CJK")
    story = []
    for kind, content in BLOCKS:
        if kind == "p":
            story.append(Paragraph(content, style))
        else:
            story.append(Table(content, style=[("FONT", (0, 0), (-1, -1), "zenhei", 7),
                                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A3)).build(story)
    return out.getvalue()


def _values(record):
    return {t: record.values(t) for t in ("active", "applications", "review_litigation")}


def _expected_record():
    text = "\n".join(c if k == "p" else "\n".join("\t".join(r) for r in c) for k, c in BLOCKS)
    return parse(text)


@pytest.mark.parametrize("suffix,make", [(".html", as_html), (".docx", as_docx), (".pdf", as_pdf)])
def test_each_container_gives_the_same_record_as_the_text(suffix, make):
    if suffix == ".pdf" and not CJK_FONT.exists():
        pytest.skip("Debian fonts-wqy-zenhei is not installed (.ci/run installs it)")
    source = read_bytes(make(), suffix)
    assert source.ok, source.findings
    record = parse(source.parse_text)
    expected = _expected_record()
    assert _values(record) == _values(expected)
    assert record.values("applications")[("new", "total")] == T3["new"][6]
    assert (record.agency, record.year) == ("测试市数据局", 2024)
    assert not [f for f in record.findings if f.severity == "error"]


def test_html_navigation_and_scripts_are_not_report_text():
    text = read_bytes(as_html(), ".html").text
    assert "导航" not in text and "var x" not in text


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_seed_in_other_encodings_parses_to_the_seed_values(tmp_path, encoding):
    original = SEED.read_text(encoding="utf-8")
    path = tmp_path / "copy.txt"
    path.write_bytes(original.encode(encoding))
    source = read_path(path)
    assert _values(parse(source.parse_text)) == _values(parse(original))


def test_traditional_chinese_copy_matches_and_keeps_the_original_for_display(tmp_path):
    from opencc import OpenCC

    original = SEED.read_text(encoding="utf-8")
    traditional = OpenCC("s2t").convert(original)
    assert traditional != original
    path = tmp_path / "trad.txt"
    path.write_text(traditional, encoding="utf-8")
    source = read_path(path)
    assert source.text == traditional
    record = parse(source.parse_text)
    assert _values(record) == _values(parse(original))
    assert record.agency == "格尔木市"


def test_a_pdf_without_a_text_layer_is_a_finding_not_a_crash():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 200, 200, fill=1)
    page.save()
    source = read_bytes(out.getvalue(), ".pdf")
    assert not source.ok and [f.code for f in source.findings] == ["no_text_layer"]
