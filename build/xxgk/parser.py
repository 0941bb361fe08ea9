"""``parse(text) -> Record``: one report's text to its facts, sections and findings. Pure.

>>> record = parse("2025年某某局政府信息公开工作年度报告\\n四、政府信息公开行政复议、行政诉讼情况\\n"
...                "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\\n")
>>> record.agency, record.year, record.values("review_litigation")[("review", "total")]
('某某局', 2025, 1)
"""

from __future__ import annotations

from .appended_tables import appended_tables
from .catalog import labels
from .cells import (
    fold_box_rows,
    fold_csv_rows,
    fold_grid_rows,
    fold_open_pipe_rows,
    fold_wiki_rows,
    join_cut_numbers,
    page_margins_off,
    page_numbers_off,
    uncaption_tables,
    unnumber_notes,
)
from .copies import table3_for_year, tables_for_year
from .decimals import whole_decimals
from .explainer import explainer_title
from .findings import capped, make
from .identity_findings import identity_findings
from .memo import account
from .metadata import (
    HEAD_CHARS,
    YEARS,
    opening_agrees,
    overview_to_year,
    paragraphs_to_year,
    read_title,
    text_to_period,
    text_to_published_date,
    text_to_source_url,
    title_case,
)
from .narrative import narrative_to_findings
from .old_form import holds_template_words, old_form_heading
from .pipe_cell_lines import fold_pipe_cell_lines
from .pipe_padding import fold_end_padded_pipe_rows
from .pipe_row_breaks import fold_broken_pipe_rows
from .record import Record
from .school_year import school_name, school_year_title
from .sections import NARRATIVE, Document, repeated_headings, section_order, text_to_sections
from .table2 import region_to_active
from .table3 import region_to_applications
from .table4 import region_to_review_litigation
from .table_absence import not_printed

# fewer Chinese characters than this, and no section heading: no report text (the labels of table 三 alone are more)
REPORT_TEXT_MIN_HAN = 200
# a table section's lines as each tool writes a table, brought to the rows the tables' readers read, in this order:
# a wiki table and a box-drawn one become a grid table; a grid table, a row broken over lines at its empty cells
# (pipe_row_breaks.py), one printed one cell a line
# (pipe_cell_lines.py) and one with no outer rules pipe rows, a row padded at its end by a converter that drops its
# empty cells without its padding (pipe_padding.py); a CSV row a tab row; then a number a layout text
# wrapped around its row's label is joined, and a note's number taken off its mark (cells.py)
TABLE_FOLDS = (page_margins_off, fold_wiki_rows, fold_box_rows, fold_grid_rows, fold_broken_pipe_rows,
               fold_pipe_cell_lines, fold_end_padded_pipe_rows, fold_open_pipe_rows, fold_csv_rows, join_cut_numbers,
               unnumber_notes, page_numbers_off, uncaption_tables)


def parse(text: str) -> Record:
    """Parse the text of one report. Never raises on bad input: problems become findings."""
    account(len(text))  # the memos hold at most a bounded amount of text (memo.py)
    doc = Document.from_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    record = Record()
    title = read_title(doc.text[:HEAD_CHARS])
    record.agency = title.agency
    if title.refused:
        record.findings.append(make("agency_unreadable", line=title.refused[0], actual=title.refused[1]))
    record.year = _possible_year(record, title.year)
    record.period_start, record.period_end = text_to_period(doc.text)
    if record.year is None and record.period_start and (not title.years or _one_year(record)):
        record.year = int(record.period_start[:4])  # (a title naming two years: only a whole calendar year of them)
    record.published_date = text_to_published_date(doc.text)  # (one its year makes impossible: collect)
    record.source_url = text_to_source_url(doc.text)
    if title.joint:
        record.findings.append(make("agency_joint", line=title.joint[0], actual=title.joint[1]))
    if title.sentence:  # (no title in the text: the sentence naming the report names it)
        record.findings.append(make("agency_from_sentence", line=title.sentence[0], actual=record.agency))
    if record.agency is None:  # (the title may name one, refused: agency_unreadable, or several: agency_joint)
        record.findings.append(make("agency_not_found", case=title_case(title)))

    found = text_to_sections(doc)
    if not found and (han := sum("\u3400" <= ch <= "\u9fff" for ch in doc.text)) < REPORT_TEXT_MIN_HAN:
        # a page holding only the report's title (the report itself an attachment or a picture): one finding,
        # not six absent sections and three absent tables (collect.Report.status: failed, not scored)
        record.findings.append(make("report_text_absent", actual=han))
        return record
    if not found and (explainer := explainer_title(doc.text[:HEAD_CHARS])):
        # a page explaining the report (文字解读, 图解), none of the template's sections: not the report (failed)
        record.findings.append(make("report_explainer", line=explainer[0], actual=explainer[1]))
        return record
    if old_form := old_form_heading(doc.text, record.year):
        # a report on the 2008 regulations' form (收费及减免, 依申请公开办理 …), none of the template's tables: its
        # figures are not the template's measures, and its sections are not absent (collect: failed, not scored)
        record.findings.append(make("report_old_form", line=old_form[0], actual=old_form[1]))
        return record
    if (school := school_year_title(doc.text[:HEAD_CHARS])) and not holds_template_words(doc.text):
        # a school's report on a school year (学年, under the 高等学校信息公开办法), none of the template's words: not
        # the 条例's report (collect: failed, not scored); the school its title names before the years is its agency
        if record.agency is None and (name := school_name(school[1])):
            record.agency = name  # (学年 after a year read as no title's: its school, the agency not said missing)
            record.findings = [f for f in record.findings if f.code != "agency_not_found"]
        record.findings.append(make("report_school_year", line=school[0], actual=school[1]))
        return record
    sections = {s.code: s for s in found}
    if record.year is None and "overview" in sections and not title.years:  # (two years in the title: no guess)
        overview = sections["overview"]
        record.year = _possible_year(record, overview_to_year(overview.text(doc)))
        if record.year is not None:
            span = doc.text[overview.start:overview.end]
            line = doc.line_of(overview.start + len(span) - len(span.lstrip()))  # the sentence's own line
            record.findings.append(make("year_from_overview", actual=record.year, line=line, detail="首句"))
        elif (year := _possible_year(record, paragraphs_to_year(overview.text(doc)))) is not None:
            record.year = year  # (the paragraphs after the first: 二是…。2023年，我局…; the first that opens so)
            line = doc.line_of(overview.start + _first_year_opening(doc.text[overview.start:overview.end], year))
            record.findings.append(make("year_from_overview", actual=year, line=line, detail="各段开头"))
    if record.year is None:
        record.findings.append(make("year_not_found", line=title.years[0], actual=title.years[1],
                                    case="two_years") if title.years else make("year_not_found"))
    elif title.year is not None:
        record.findings += _year_conflicts(title.year, record.period_start,
                                           sections["overview"].text(doc) if "overview" in sections else "")
    # last year's tables printed too (the year's read), or another agency's (the title agency's read)
    found, copies = tables_for_year(doc, found, record.year, record.agency)
    if not copies:  # (or only table 三 twice, under one heading: （一）2023年度 … （二）2024年度)
        found, copies = table3_for_year(doc, found, record.year, record.agency)
    found = appended_tables(doc, found)  # (tables printed after section 六, an attachment: 附表1 …)
    sections = {s.code: s for s in found}
    record.findings += copies
    repeated = repeated_headings(doc, found)
    if repeated:
        record.findings.append(make("report_repeated", line=repeated[0][1], actual=len(repeated),
                                    detail="、".join(labels()["sections"][c] for c, _ in repeated)))
    for code in section_order():
        if code not in sections:
            record.findings.append(make("section_absent", detail=labels()["sections"][code]))
        elif sections[code].subheading:  # the section is there, its heading is not
            line = sections[code].heading_line
            record.findings.append(make("section_heading_absent", detail=labels()["sections"][code], line=line,
                                        actual=doc.text.split("\n")[line - 1].strip()[:40],
                                        case="table" if sections[code].table_start else ""))
    for code, section in sections.items():
        record.section_lines[code] = section.heading_line
        if code in NARRATIVE:
            record.sections[code] = section.text(doc)

    decimals: list = []  # (a table printing every count as 6.0: values_whole_decimals)

    def region(code: str, table: str) -> list[tuple[int, str]]:
        s = sections.get(code)
        if not s:
            return []
        lines = doc.lines_between(s.start, s.end)
        for fold in TABLE_FOLDS:
            lines = fold(lines)
        lines, said = whole_decimals(lines, table)
        decimals.extend(said)
        return lines

    fmt, facts, findings = region_to_active(region("active", "2"), record.sections.get("overview", ""), record.year)
    _add(record, "active", fmt, facts, findings)
    fmt, facts, findings = region_to_applications(region("applications", "3"))
    _add(record, "applications", fmt, facts, findings)
    facts, findings = region_to_review_litigation(region("review_litigation", "4"))
    _add(record, "review_litigation", None, facts, findings)  # table 4 is the same in both editions
    record.findings += decimals
    read = frozenset(f.line for f in record.facts if f.value is not None and f.table != "review_litigation")
    record.findings = not_printed(record.findings, set(sections), doc.text, read)  # (not read, or not printed?)

    if "overview" in sections:
        values = {t: record.values(t) for t in ("active", "applications", "review_litigation")}
        record.findings += narrative_to_findings(record.sections["overview"], values,
                                                 sections["overview"].text_line(doc))
    record.findings += identity_findings(record)
    record.findings = capped(record.findings)  # (one file's findings stay bounded: findings.capped)
    return record


def _one_year(record: Record) -> bool:
    """Whether the statistics period read is one whole calendar year (1 January to 31 December of one year)."""
    start, end = record.period_start or "", record.period_end or ""
    return start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]


def _first_year_opening(span: str, year: int) -> int:
    """Where in ``span`` (the overview) ``year`` first stands: the paragraph ``paragraphs_to_year`` read it from
    (its line for the finding); 0 when it is printed in Chinese numerals only."""
    return max(span.find(f"{year}年"), 0)


def _possible_year(record: Record, year: int | None) -> int | None:
    """``year``, or ``None`` with a ``date_invalid`` finding when no report can be of it (``metadata.YEARS``).

    >>> record = Record()
    >>> _possible_year(record, 2024), _possible_year(record, 9999), [f.actual for f in record.findings]
    (2024, None, ['9999年'])
    """
    if year is None or year in YEARS:
        return year
    record.findings.append(make("date_invalid", actual=f"{year}年"))
    return None


def _year_conflicts(year: int, period_start: str | None, overview: str) -> list:
    """A ``year_conflict`` warning when the statistics period or the overview's opening year (``2023年，我局…``)
    names another year than the title's ``year``: a title copied from last year's report (or a typo), whose tables
    may be of the other year. The title's year stays the report's (it is printed as its name); before, nothing said
    the text disagreed. An opening that agrees with the title otherwise (``metadata.opening_agrees``: 2023年以来 in a
    2024 report, or a first sentence naming the publication year and then the report's) is no conflict.

    >>> [f.message for f in _year_conflicts(2022, None, "2023年，某局认真贯彻…")]
    ['标题写的是2022年，“总体情况”首句写的是2023年：报告年度按标题记为2022年，请核对表中数字是哪一年的']
    >>> _year_conflicts(2023, "2023-01-01", "2023年，某局…"), _year_conflicts(2023, None, "本年度，…")
    ([], [])
    """
    found = []
    opening = None if opening_agrees(overview, year) else overview_to_year(overview)
    for where, other in (("统计期限", int(period_start[:4]) if period_start else None),
                         ("“总体情况”首句", opening)):
        if other is not None and other != year:
            found.append(make("year_conflict", expected=year, actual=other, detail=where))
    return found[:1]


def _add(record: Record, table: str, fmt, facts, findings) -> None:
    if fmt:
        record.formats[table] = fmt
    record.facts += facts
    record.findings += findings
