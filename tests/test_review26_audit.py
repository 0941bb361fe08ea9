"""Review of the 26th series' changes: defects found in the merged commits, each test failing before its fix."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency


def test_two_vertically_managed_offices_of_one_province_get_two_readable_ids():
    """国家金融监督管理总局湖南监管局 and 中国证券监督管理委员会湖南监管局 are two agencies. Before: both ids were
    hunan-jianguanju, the administration left out, so the package gave each a digest (hunan-jianguanju-5c18, …-f364)
    that appeared, and changed, only when the other's report was in the same build."""
    finance = name_to_agency("国家金融监督管理总局湖南监管局", "", {})
    securities = name_to_agency("中国证券监督管理委员会湖南监管局", "", {})
    forex = name_to_agency("国家外汇管理局湖南省分局", "", {})
    mine = name_to_agency("国家矿山安全监察局湖南局", "", {})
    ids = [finance.agency_id, securities.agency_id, forex.agency_id, mine.agency_id]
    assert len(set(ids)) == 4 and all(i and i.startswith("hunan-") for i in ids)
    assert finance.agency_id == "hunan-guojiajinrongjianduguanlizongjujianguanju"
    assert (finance.province, finance.tier) == ("湖南省", "province")  # (the region stays the one printed)


def test_a_customs_office_id_is_its_region_and_haiguan():
    """中华人民共和国 names no administration (rules/agency_vertical_parents.csv in_id no): the id stays short."""
    assert name_to_agency("中华人民共和国长沙海关", "", {}).agency_id == "hunan-changsha-haiguan"
    assert name_to_agency("国家税务总局长沙市税务局", "", {}).agency_id == "hunan-changsha-guojiashuiwuzongjushuiwuju"


VALUES = {"applications": {("new", "total"): 31, ("carried_over", "total"): 0},
          "review_litigation": {("review", "total"): 3, ("litigation_direct", "total"): 1,
                                ("litigation_after_review", "total"): 0}}


def test_a_negated_or_last_years_claim_of_none_is_no_narrative_mismatch():
    """无逾期未受理申请 says every request was handled; 上年度未发生行政复议 speaks of last year. Before:
    narrative_mismatch 正文称“未受理申请”0件，表格为31件 — a report that is right told it contradicts itself."""
    from xxgk.narrative import narrative_to_findings

    for text in ("本年度共收到申请31件，均已按时办结，无逾期未受理申请。",
                 "本年度共收到申请31件，不存在未受理申请的情况。",
                 "上年度未发生行政复议，本年度发生3件。", "本年度未收到政府信息公开申请的投诉举报。"):
        assert narrative_to_findings(text, VALUES, 1) == [], text
    said = [f.message for f in narrative_to_findings("本年度未收到政府信息公开申请，未发生行政复议。", VALUES, 1)]
    assert said == ["正文称“未收到政府信息公开申请”0件，表格为31件", "正文称“未发生行政复议”0件，表格为3件"]


def test_a_digit_run_in_the_workbook_is_shown_as_printed_without_an_apostrophe():
    """In xxgk.xlsx a text cell is text: Excel shows 25380363300630003 whole. Before, the CSVs' apostrophe for
    digit runs went into the workbook too, where it is a character of the cell: findings.actual read
    '25380363300630003 and '007. A formula-looking text keeps its apostrophe there, as before."""
    import io
    import re
    import zipfile

    from xxgk.package.write import xlsx_bytes

    rows = [{"actual": "25380363300630003", "expected": "007"}, {"actual": "=1+1", "expected": "2021"}]
    book = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"findings": rows})))
    sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    shared = book.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in book.namelist() else ""
    texts = re.findall(r"<t[^>]*>([^<]*)</t>", sheet + shared)
    assert "25380363300630003" in texts and "007" in texts and "2021" in texts
    assert "'25380363300630003" not in texts and "'007" not in texts
    assert "'=1+1" in texts


def test_an_office_suites_lock_file_in_the_output_does_not_throw_the_new_build_away(tmp_path):
    """xxgk.xlsx open in LibreOffice (.~lock.xxgk.xlsx#) or Excel (~$xxgk.xlsx) while a build ran: before, the swap
    was refused at the very end ('.~lock.xxgk.xlsx#' was put there during the build) and the new package deleted;
    now the lock goes with the old folder, as .DS_Store does. A user's own file still refuses the swap."""
    import pytest

    from xxgk.folders import Refused, seal, staging_for, swap_in

    out = tmp_path / "out"
    out.mkdir()
    (out / "xxgk.xlsx").write_text("old")
    seal(out)
    (out / ".~lock.xxgk.xlsx#").write_text("lock")
    (out / "~$xxgk.xlsx").write_text("lock")
    staging = staging_for(out)
    (staging / "xxgk.xlsx").write_text("new")
    seal(staging)
    swap_in(staging, out)
    assert (out / "xxgk.xlsx").read_text() == "new"
    (out / "notes.txt").write_text("mine")
    staging = staging_for(out)
    seal(staging)
    with pytest.raises(Refused):
        swap_in(staging, out)
    assert (out / "notes.txt").read_text() == "mine"


LAYOUT_TABLE_3 = """平潭综合实验区2019年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
                                     申请人情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项                   法人或其他组织
之和）                             自然人                                                     总计
                                                                   社会公益组   法律服务机
                                                  商业企业   科研机构                      其他
                                                                   织       构
一、本年新收政府信息公开申请数量                     23           0      0         0       0       0    23
二、上年结转政府信息公开申请数量                     0            0      0         0       0       0    0
         （一）予以公开                     7            0      0         0       0       0    7
                   1.本机关不掌握相关政府信息    7            0      0         0       0       0    7
         （四）无法提供   2.没有现成信息需要另行制作    0            0      0         0       0       0    0
                   3.补正后申请内容仍不明确{mark}                 0      0         0       0       0    {total}
                   1.信访举报投诉类申请       0            0      0         0       0       0    0
                   2.重复申请            3            0      0         0       0       0    3
四、政府信息公开行政复议、行政诉讼情况
"""


def test_a_footnote_mark_after_a_layout_rows_label_leaves_its_blank_cell_in_place():
    """pdftotext -layout of a row whose label carries a footnote mark (3.补正后申请内容仍不明确*, ①, ¹) and whose first
    cell is blank. Before (a1c9c69's rule that only a label's words stand before the first number): the row was
    not placed by the columns, and all seven values were lost with row_lost_cells; now the six printed ones are read
    and 自然人 stays blank, as without the mark. An OCR'd letter there is still unreadable (test_parse26_audit)."""
    from xxgk.parser import parse

    applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org",
                  "total"]
    for mark in (" ", "*", "①", "¹", "※"):
        record = parse(LAYOUT_TABLE_3.format(mark=mark, total="0"))
        values = record.values("applications")
        assert [values.get(("unavailable_unclear", a)) for a in applicants] == [None, 0, 0, 0, 0, 0, 0], mark


def test_a_loose_row_whose_ones_were_ocrd_as_rules_is_never_read_as_html2text_cells():
    """OCR of a scanned table 二 printing 71 3 41 as ``行政规范性文件 7| 3 4|`` (each 1 read as |): every | stands
    after a number with a space after it, as html2text's rules do (规章| 0| 0| 0). Before (62c1589): read as three
    cells, 行政规范性文件 issued 7 published for 71 and in_force blank; now, as before that commit, no value of the
    row is published and row_lost_cells says so. html2text's own rows are still read (test_parse26_audit)."""
    from xxgk.parser import parse

    text = ("海城市农业农村局2023年政府信息公开工作年度报告\n一、总体情况\n本年度依法做好政府信息公开工作。\n"
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
            "规章 0 0 0\n行政规范性文件 7| 3 4|\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 26\n"
            "三、收到和处理政府信息公开申请情况\n")
    record = parse(text)
    values = record.values("active")
    assert [values.get(("normative_documents", m)) for m in ("issued", "repealed", "in_force")] == [None] * 3
    assert values.get(("rules", "issued")) == 0 and values.get(("licensing", "decisions")) == 26
    assert any(f.code == "row_lost_cells" and f.row == "行政规范性文件" for f in record.findings)


def test_a_wiki_cell_that_looks_like_many_attributes_is_read_in_linear_time():
    """A wiki table's cell whose text is ``a= a= a= …``: before, the attribute pattern (an unquoted value could hold
    spaces and =) tried exponentially many splits: 20 took 15 s, each one more twice as long, so such a file used
    its whole time budget and was lost. Now a few milliseconds for 400 (an exponential pattern would never end here;
    the time is measured by ``benchmarks/tokenizer_linearity.py``, "wiki attribute cell"); real attributes are still
    dropped."""
    from xxgk.cells import fold_wiki_rows

    for unit in ("a= ", "a=b ", "b= ", "a=b="):
        rows = fold_wiki_rows([(1, "{|"), (2, "| " + unit * 400 + "x"), (3, "|}")])
        assert rows[1][1].startswith("| ")
    rows = fold_wiki_rows([(1, "{|"), (2, '| rowspan="2" | 三、本年度办理结果'),
                           (3, '| style="text-align: right;" | 5'), (4, "|-"), (5, "| 规章 || align=right | 0"),
                           (6, "|}")])
    assert [text for _, text in rows if text] == ["| 三、本年度办理结果 | 5 |", "| 规章 | 0 |"]


def test_a_title_after_a_very_long_run_of_rules_is_read_in_linear_time():
    """A title line whose text before the name is one long run of rules (a PDF's ——…— glued to the title): before
    (7609491), the search for another department's name and a space tried every start in the run: 80,000 rules took
    43 s, the time growing with the square of the run (a file lost to the time budget). Now milliseconds (measured by
    ``benchmarks/tokenizer_linearity.py``, "rules before a title"); the joint report it looks for is still told."""
    from xxgk.metadata import read_title

    title = read_title("—" * 80_000 + "海城市粮食局2023年政府信息公开工作年度报告\n")
    assert title.agency == "海城市粮食局"
    joint = read_title("—" * 80_000 + " 海城市发展和改革局 海城市粮食局2023年政府信息公开工作年度报告\n")
    assert joint.agency is None and joint.joint


def test_a_glued_rule_row_with_a_very_long_cell_is_told_in_linear_time():
    """The test of the fix above (one number or words alone a cell) must not itself be quadratic: a cell of 200,000
    digits before ``x| 0| 0`` took minutes with a pattern that backtracked over the digits from every start (the time
    is measured by ``benchmarks/tokenizer_linearity.py``, "glued rules row")."""
    from xxgk.cells import _glued_rules

    assert _glued_rules("1" * 200_000 + "x| 0| 0") and not _glued_rules("行政规范性文件 7| 3 4|")


def test_a_wiki_cell_of_very_many_lines_is_joined_in_linear_time():
    """A wiki table's cell whose text goes on over 160,000 lines (a 1.7 MB file): before, the cell's text so far was
    copied for each line, 30 s (a 20 MB file far over its time budget); now a fraction of a second (measured by
    ``benchmarks/tokenizer_linearity.py``, "wiki cell over lines"), the same text."""
    from xxgk.cells import fold_wiki_rows

    lines = [(1, "{|"), (2, "| a")] + [(i + 3, "xxxxxxxxxx") for i in range(160_000)] + [(160_003, "|}")]
    rows = fold_wiki_rows(lines)
    assert rows[1][1] == "| a " + " ".join(["xxxxxxxxxx"] * 160_000) + " |"


def test_a_first_build_whose_site_failed_does_not_speak_of_a_previous_site(tmp_path):
    """MkDocs failing on a first build (its hook raising as a full disk did): before, the last line said
    'site is the previous site' of a folder that was never made; now 'site was not made'."""
    from .test_hostile26_audit import build_with_a_full_disk_for_mkdocs

    result = build_with_a_full_disk_for_mkdocs(tmp_path)
    last = result.stderr.rstrip().splitlines()[-1]
    assert result.returncode == 1 and not (tmp_path / "site").exists()
    assert "previous site" not in last and "site was not made" in last, last
