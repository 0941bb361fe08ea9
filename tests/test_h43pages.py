"""Real pages round 9 (session 43): layouts of real reports nobody here had read, rebuilt with made-up agencies and
numbers. First, reports on the 2008 regulations' form (reports on 2018 and before: 概述 / 主动公开 / 依申请公开 /
收费及减免 / 行政复议、行政诉讼 / 存在的问题), which hold none of the template's tables: ``report_old_form``, failed,
never a template report with its tables absent counted against its agency."""

from __future__ import annotations

import subprocess
import sys

from xxgk.parser import parse
from xxgk.site.data import read_csv

from .factory import tab_report

# a county bureau's report on 2016 in the old form, as real ones print it (prose under six numbered headings)
OLD_FORM = ("样例县水务局2016年政府信息公开工作年度报告\n"
            "本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括概述、主动公开政府信息情况、依申请公开政府信息"
            "情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施。\n"
            "一、概述\n2016年，我局认真贯彻落实《条例》，全面做好政府信息公开工作。\n"
            "二、主动公开政府信息情况\n2016年度，我局主动公开政府信息41条。\n"
            "三、依申请公开政府信息情况\n2016年度，我局收到政府信息公开申请2件，均已按时答复。\n"
            "四、政府信息公开的收费及减免情况\n2016年度，我局未收取任何费用。\n"
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n2016年度，未发生相关行政复议和行政诉讼。\n"
            "六、存在的主要问题及改进措施\n信息更新不够及时。\n")
# other headings of the same form in real reports: 收费情况 alone, 依申请公开办理情况, 不予公开及咨询情况
OLD_FORM_FEES = ("样例区公路局2015年度政府信息公开工作年度报告\n一、2015年政府信息公开工作的情况概述\n"
                 "2015年，我局扎实推进政府信息公开工作。\n二、主动公开政府信息情况\n三、依申请公开政府信息及咨询情况\n2015年度没有受理申请。\n"
                 "四、政府信息公开收费情况\n2015年度没有收取任何费用。\n五、申请行政复议及提起行政诉讼情况\n没有案件。\n")
OLD_FORM_HANDLED = ("样例区人民政府2018年政府信息公开工作年度报告\n一、概述\n2018年，共制作政府信息321条。\n"
                    "二、主动公开政府信息的情况\n主动公开信息127条。\n三、政府信息依申请公开办理情况\n收到申请9件。\n"
                    "四、因政府信息公开申请行政复议及提起行政诉讼的情况\n无。\n")
OLD_FORM_STAFF = ("样例市2018年政府信息公开工作年度报告\n一、概述\n2018年，全市全面推进政务公开工作。\n"
                  "二、主动公开政府信息情况\n全市新增主动公开政府信息4492条。\n三、依申请公开政府信息情况\n全年收到申请37件。\n"
                  "四、举报和行政复议及行政诉讼情况\n无。\n五、工作人员情况\n专职人员12名。\n")
OLD_FORM_REFUSED = ("样例乡2017年度政府信息公开工作年度报告\n一、概述\n2017年我乡加强组织领导。\n"
                    "二、主动公开政府信息情况\n2017年，主动公开政府工作信息75条。\n三、依申请公开、不予公开及咨询政府信息情况\n尚未收到申请。\n")


def _codes(text: str) -> list[str]:
    return [f.code for f in parse(text).findings]


def test_a_report_on_the_old_form_is_said_once_not_as_absent_tables():
    record = parse(OLD_FORM)
    assert [f.code for f in record.findings] == ["report_old_form"], record.findings
    finding = record.findings[0]
    assert finding.line == 9 and "四、政府信息公开的收费及减免情况" in finding.message, finding
    # its agency and year are the report's; none of its figures (41条, 2件) is published as a template measure
    assert (record.agency, record.year) == ("样例县水务局", 2016)
    assert record.facts == [], record.facts
    for text, line in ((OLD_FORM_FEES, 5), (OLD_FORM_HANDLED, 6), (OLD_FORM_REFUSED, 6), (OLD_FORM_STAFF, 8)):
        findings = parse(text).findings
        assert [f.code for f in findings] == ["report_old_form"] and findings[0].line == line, (text[:20], findings)


def test_a_template_report_saying_overview_or_fees_is_read_as_before():
    """A 2019-template report whose overview is headed 概述 and speaks of 收费及减免 — even under a numbered heading
    of its own — keeps its three tables; so does an old-form heading in a report on 2019, or one whose year is not
    read."""
    narrative = ("（一）概述\n2019年，我局认真贯彻新修订的《条例》。\n（二）政府信息公开的收费及减免情况\n"
                 "本年度未收取任何费用，也无减免。")
    for year in (2018, 2019):
        record = parse(tab_report(agency="样例局", year=year, narrative=narrative))
        assert "report_old_form" not in [f.code for f in record.findings], year
        assert len({f.table for f in record.facts if f.value is not None}) == 3, year
    assert "report_old_form" not in _codes(OLD_FORM.replace("2016", "2019"))
    assert "report_old_form" not in _codes(OLD_FORM.replace("2016年", "本年").replace("2016", "本"))


def test_the_package_lists_an_old_form_report_as_failed_and_does_not_score_it(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "old.txt").write_text(OLD_FORM, encoding="utf-8")
    (reports / "new.txt").write_text(tab_report(agency="样例县水务局", year=2024), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                             "--out", str(tmp_path / "pkg")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["source_file"]: r for r in read_csv(tmp_path / "pkg" / "data" / "reports.csv")}
    assert rows["old.txt"]["status"] == "failed" and rows["new.txt"]["status"] == "parsed", rows
    assert rows["old.txt"]["year"] == "2016", rows["old.txt"]
    findings = [f["code"] for f in read_csv(tmp_path / "pkg" / "data" / "findings.csv")
                if f["report_id"] == rows["old.txt"]["report_id"]]
    # (the synthetic county is no real place: agency_region_unknown)
    assert sorted(findings) == ["agency_region_unknown", "report_old_form"], findings
    old_id = rows["old.txt"]["report_id"]
    for name in ("active_disclosure", "applications", "review_litigation"):
        assert not [r for r in read_csv(tmp_path / "pkg" / "data" / f"{name}.csv") if r["report_id"] == old_id], name
    assert {r["code"] for r in read_csv(tmp_path / "pkg" / "data" / "finding_codes.csv")} >= {"report_old_form"}


def test_a_league_titled_alone_is_its_administrative_office_one_agency_with_it(tmp_path):
    """A 盟's (or a 地区's) government is its 行政公署: a report titled with the 盟 alone was published as a made-up
    某盟人民政府, a second agency beside the 某盟行政公署 of the reports that print the office's name. (The 盟 must be
    a real division for the resolver to know it: the one the agency-name tests already use.)"""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "alone.txt").write_text(tab_report(agency="阿拉善盟", year=2024), encoding="utf-8")
    (reports / "office.txt").write_text(tab_report(agency="阿拉善盟行政公署", year=2023), encoding="utf-8")
    (reports / "county.txt").write_text(tab_report(agency="格尔木市", year=2024), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                             "--out", str(tmp_path / "pkg")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["source_file"]: r for r in read_csv(tmp_path / "pkg" / "data" / "reports.csv")}
    assert rows["alone.txt"]["agency_name"] == rows["office.txt"]["agency_name"] == "阿拉善盟行政公署", rows
    assert rows["alone.txt"]["agency_id"] == rows["office.txt"]["agency_id"], rows
    assert rows["alone.txt"]["tier"] == "prefecture", rows["alone.txt"]
    assert rows["county.txt"]["agency_name"] == "格尔木市人民政府", rows["county.txt"]  # (a city: as before)


def test_a_sentence_naming_the_report_year_first_names_its_agency():
    """A page without its title whose sentence names the report year first (现向社会公布2024年某县政府信息公开工作年度
    报告) and names only the county's general office as the contact was published as that office (a real county's
    report); the agency is the one the sentence names after its verb, as when the name comes first."""
    body = tab_report(agency="格尔木市", year=2024).split("\n", 1)[1]
    for sentence, agency in (("现向社会公布2024年格尔木市政府信息公开工作年度报告", "格尔木市"),
                             ("现将2024年格尔木市交通运输局政府信息公开工作年度报告公布如下", "格尔木市交通运输局")):
        text = (f"根据《中华人民共和国政府信息公开条例》的有关规定，{sentence}。如对本报告有任何疑问，请与格尔木市人民"
                "政府办公室联系。\n" + body)
        record = parse(text)
        assert record.agency == agency and record.year == 2024, (sentence, record.agency)
        assert "agency_from_sentence" in [f.code for f in record.findings], record.findings
    # (no naming verb before the year, or no division after it: no agency from the sentence, as before)
    for sentence in ("认真做好2024年格尔木市政府信息公开工作年度报告编制",
                     "现向社会公布2024年区统计局政府信息公开工作年度报告"):
        assert parse(f"根据有关规定，{sentence}。\n" + body).agency is None, sentence


def test_a_report_compiled_by_a_leading_groups_office_is_its_agencys(tmp_path):
    """A page without its title saying the report was compiled 由某旗政务公开领导小组办公室 (the office of the leading
    group on disclosure) was published as that group's office (a real county-level report); the group is its
    agency's, so the agency named before the group's words is the publisher. A government's own 办公室 compiling
    its own report is kept as printed."""
    body = tab_report(agency="格尔木市", year=2024).split("\n", 1)[1]
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, maker in (("group.txt", "格尔木市政务公开领导小组办公室"),
                        ("bureau.txt", "格尔木市林业和草原局政府信息公开工作领导小组办公室"),
                        ("office.txt", "格尔木市人民政府办公室")):
        (reports / name).write_text(f"本年度报告根据《中华人民共和国政府信息公开条例》要求，由{maker}编制。"
                                    f"如对本报告有任何疑问，请与{maker}联系。\n" + body, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                             "--out", str(tmp_path / "pkg")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["source_file"]: r["agency_name"] for r in read_csv(tmp_path / "pkg" / "data" / "reports.csv")}
    assert rows == {"group.txt": "格尔木市人民政府", "bureau.txt": "格尔木市林业和草原局",
                    "office.txt": "格尔木市人民政府办公室"}, rows


def test_a_zone_committee_compiling_its_report_by_the_regulations_is_its_publisher(tmp_path):
    """A page without its title: 本报告由某经济开发区管理委员会按照《条例》…要求编制, the county government named only
    as the owner of the website in quotes (“某县人民政府”政府门户网站) — a real zone committee's report was published as
    that county's government. The maker, with the basis between it and the verb, is the publisher; a name in
    quotes before 政府门户网站 is a medium, not an author. A county bureau printed so keeps its name."""
    body = tab_report(agency="格尔木市", year=2023).split("\n", 1)[1]
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, maker in (("zone.txt", "青海格尔木昆仑经济开发区管理委员会"), ("bureau.txt", "格尔木市林业和草原局")):
        (reports / name).write_text(
            f"本报告由{maker}按照《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
            "要求编制。本报告电子版可在“格尔木市人民政府”政府门户网站查阅或下载。\n" + body, encoding="utf-8")
    # (the quoted website alone: no author named, so no publisher — never the website's owner)
    (reports / "site.txt").write_text("本报告电子版可在“格尔木市人民政府”政府门户网站查阅或下载。"
                                      "我局认真贯彻《条例》。\n" + body, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--reports", str(reports),
                             "--out", str(tmp_path / "pkg")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["source_file"]: r["agency_name"] for r in read_csv(tmp_path / "pkg" / "data" / "reports.csv")}
    assert rows["zone.txt"].endswith("经济开发区") and rows["zone.txt"].startswith(("青海", "格尔木")), rows
    assert rows["bureau.txt"] == "格尔木市林业和草原局", rows
    assert rows["site.txt"] != "格尔木市人民政府", rows


# a college's report on a school year, under the Ministry of Education's rules for schools (made-up school)
SCHOOL_YEAR = ("首页 > 新闻媒体 > 通知公告 > 正文\n\n样例职业学院2023-2024学年信息公开工作年度报告\n\n"
               "发布时间:2024-10-25 18:30\n\n根据《高等学校信息公开办法》等要求，我院对2023-2024学年信息公开工作"
               "进行逐项检查，形成本报告。报告中所列数据统计期限自2023年9月1日起至2024年8月31日止。\n\n一、概述\n\n学院党委高度重视"
               "信息公开工作。\n\n二、主动公开情况\n\n（一）公开内容\n\n持续深化基本信息、招生考试、收费信息等重点领域信息公开。\n\n"
               "三、依申请公开和不予公开情况\n\n本学年未收到信息公开申请。\n")
# the same as a letter to the education department, its title broken across two lines
SCHOOL_LETTER = ("样例大学关于2022-2023学年度\n信息公开工作的报告\n省教育厅：\n"
                 "根据《某省教育厅关于做好2023年高校信息公开年度报告工作的通知》要求，学校编制了2022-2023学年度信息公开工作报告。本报告中所列数据的统计时间为2022年9月1日至"
                 "2023年8月31日。\n一、概述\n一年来，学校不断优化信息公开工作机制。\n")


def test_a_school_year_report_is_said_once_not_as_a_template_report():
    for text, line, school in ((SCHOOL_YEAR, 3, "样例职业学院"), (SCHOOL_LETTER, 1, "样例大学")):
        record = parse(text)
        assert [f.code for f in record.findings] == ["report_school_year"], record.findings
        assert record.findings[0].line == line and record.agency == school and record.facts == [], record
    # a school's report on the template (its tables' words) is read as before, 学年 in its title or not
    text = tab_report(agency="样例职业学院", year=2024).replace("样例职业学院2024年", "样例职业学院2023-2024学年", 1)
    record = parse(text)
    assert "report_school_year" not in [f.code for f in record.findings]
    assert len({f.table for f in record.facts if f.value is not None}) == 3
