"""Agency, year, publication date and statistics period, read from a report's text.

>>> title_to_agency_year("标题: 平潭综合实验区2023年度政府信息公开工作年度报告")
('平潭综合实验区', 2023)
>>> title_to_agency_year("2025 年湟中区政府信息公开工作年度报告")
('湟中区', 2025)
>>> title_to_agency_year("某某县交通运输局关于2023年政府信息公开工作年度报告")
('某某县交通运输局', 2023)
>>> title_to_agency_year("二〇二三年某某县交通运输局政府信息公开工作年度报告")
('某某县交通运输局', 2023)
>>> title_to_agency_year("某某县交通运输局政府信息公开工作年度报告（2023年度）")
('某某县交通运输局', 2023)
>>> title_to_agency_year("某某县交通运输局2023年政府信息公开工作年报")
('某某县交通运输局', 2023)
>>> title_to_agency_year("某某县交通运输局2023年政务公开工作年度报告")
('某某县交通运输局', 2023)
>>> title_to_agency_year("某某县交通运输局政府信息公开工作年度报告\\n本机关按照条例要求编制。")
('某某县交通运输局', None)
>>> text_to_period("统计期限从2025年1月1日至12月31止。")
('2025-01-01', '2025-12-31')
>>> text_to_published_date("发布日期：2025年2月30日"), [f.actual for f in date_findings("发布日期：2025年2月30日")]
(None, ['2025-02-30'])
>>> text_to_source_url("原文链接：https://www.pingtan.gov.cn/zwgk/2026.htm。"), text_to_source_url("网址: javascript:x")
('https://www.pingtan.gov.cn/zwgk/2026.htm', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .catalog import agency_aliases, table
from .findings import Finding, make
from .memo import parser_memo
from .safe import drop_invisible
from .text import (
    NOT_TEXT_MARK,
    OTHER_SCRIPT_DIGIT,
    chinese_number,
    drop_readings,
    fold,
    fold_lines,
    mark_not_text,
    show_not_text,
)

# a Han character: the basic block and its extensions (A, and B to H beyond the BMP: rare characters of place names
# such as 𠀀); a name read from a title is never cut at one (𠀀某局 was read as 某局)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
# a name read from a title spans a character that is no text or a placeholder for a lost glyph (``text.mark_not_text``:
# 某县交通?运输局), so that it is never cut there; such a name is then refused (``Title.refused``): the character may be
# one of the name's own, lost by the extraction. So does a numeral's zero that is no year's (``_ZEROS``)
_NAME_CHAR = "[" + _HAN + "()（）·" + NOT_TEXT_MARK + "]"
# a name may hold a space between two Han characters (格尔木市 交通运输局, 格尔木市交通 运输局: a PDF's text layer, a
# title set in two parts); which of its parts are the name ``_unspaced`` decides. A line without a space is read
# with the plain form (the spaced one costs every search a lookahead)
# Digits and Latin letters inside a name are the name's (深圳市12345政务服务便民热线管理中心, 浦东新区G60科创走廊办公室,
# 杭州市第2中学): a name begins and ends with one of its other characters, so the year after it stays the year's
_NAME_INNER = "(?:" + _NAME_CHAR + "|[0-9A-Za-z])"
_NAME_PLAIN = _NAME_CHAR + "(?:" + _NAME_INNER + "{0,38}?" + _NAME_CHAR + ")"
_NAME_SPACED = _NAME_CHAR + "(?:(?:" + _NAME_INNER + "|[ \u3000](?=[" + _HAN + "0-9A-Za-z])){0,38}?" + _NAME_CHAR + ")"
# a name begins after no Han, no character that is no text, and no digit or Latin letter: 12345热线办公室 is not read
# 热线办公室 (a name cut is another agency's; unread, the agency is looked for in the body and the manifest)
_NAME_START = "(?<![" + _HAN + NOT_TEXT_MARK + "0-9A-Za-z])"
# a zero left once the years are in digits (北京市一〇一中学, 二○ 二五年: no Han character, no year's) is marked as a
# character that is no text: a name holding it is refused, never cut there (北京市一〇一中学 was read 一中学)
_ZEROS = str.maketrans({"〇": NOT_TEXT_MARK, "○": NOT_TEXT_MARK})
# what the report is: 政府信息公开 (or 政务公开, as some agencies title it) 工作, then 年度报告 or 年报
_DISCLOSURE = r"(?:政府|政务)?(?:信息|政务)公开(?:工作)?(?:的)?"  # (…公开工作的年度报告: some titles say 的;
# 政务信息公开: before, 某局2023年政务信息公开工作年度报告 was read as the agency 政务)
# between the fixed words' characters a space, or a character that is no text (``mark_not_text``: a U+FFFD where a
# stray byte stood, 甲县民政局2024年政府信息公开工作年度\ufffd报告): the words are still read, so the title's year
# and its name, which touch no such character, are too (before, neither was read); a name touching one is refused
_G = r"[\s" + re.escape(NOT_TEXT_MARK) + r"]*"
_ANNUAL = rf"(?:年{_G}度{_G}报{_G}告|年{_G}报)"
# (年度)报告: 某局2023年度政府信息公开工作报告 is titled so as often as …工作年度报告
# …工作情况（的）报告 and …年度工作报告 too, as some agencies title it (before: no agency, no year read)
# (a title may print its year without 年 when the report's words follow it at once: 某局2020政府信息公开工作年度报告 —
# before, the year was read into the name, 某局2020政府, published as a real 国资委's printed agency)
_REPORT = rf"\s*(?:年{_G}度?{_G}|(?=(?:政府|政务)?(?:信息|政务)公开))" + _DISCLOSURE + (
    rf"{_G}(?:(?:年{_G}度{_G})?(?:工{_G}作{_G})?(?:情{_G}况{_G})?(?:的{_G})?报{_G}告|年{_G}报)")
# after a title's year and name (2023年度某街道信息公开工作报告), the report's words need no 年度: the year is said
_YEAR_GIVEN = rf"(?:{_ANNUAL}|(?:情{_G}况{_G})?(?:的{_G})?报{_G}告)"
# what sets a name apart in the last two forms (a bracket or a mark): a line without any is not tried with them
_MARKS = re.compile(r"[【\[「『〖：:\-－—–_|｜（(]")


_ENDING = "ending"  # a form whose name must end as an agency's or a division's does, with or without a mark


def _title_patterns(name: str, start: str = _NAME_START) -> tuple[tuple[re.Pattern, int, int, bool | str], ...]:
    """The title's forms with ``name`` as their name part, beginning where ``start`` allows: ``(pattern, the name's
    group, the year's group, whether the name must be set apart by a mark and end as an agency's or a division's
    does — or ``_ENDING``: end so, mark or none)``, in the order they are tried."""
    return (
        (re.compile(start + "(" + name + r")\s*(\d{4})" + _REPORT), 1, 2, False),  # 某局2023年…
        (re.compile(r"(?<!\d)(\d{4})\s*年\s*度?\s*(" + name + r")\s*" + _DISCLOSURE + r"\s*" + _ANNUAL), 2, 1, False),
        (re.compile(start + "(" + name + r")\s*" + _DISCLOSURE + r"\s*(\d{4})\s*" + _ANNUAL), 1, 2, False),
        # the year after the title (某局政府信息公开工作年度报告（2023年度）), in brackets or on the next line, its 年
        # printed or not (…年度报告（2024）: no name was read, the year taken from the overview)
        (re.compile(start + "(" + name + r")\s*" + _DISCLOSURE + r"\s*" + _ANNUAL
                    + r"\s*[（(]?\s*(\d{4})\s*(?:年\s*度?)?\s*[)）]?$"), 1, 2, False),
        # the agency set apart by a bracket or a mark (【某局】2023年…, 某局：2023年…, 某局-2023年…)
        (re.compile(start + "[【\\[「『〖]?(" + name + r")[】\]」』〗]?\s*[：:\-－—–_|｜]?\s*(\d{4})" + _REPORT),
         1, 2, True),
        # the year, then a name that ends as an agency's, then …报告 without 年度 (2023年度某街道信息公开工作报告; a
        # name that does not: 2023年上半年政府信息公开工作情况报告 is no annual report)
        (re.compile(r"(?<!\d)(\d{4})\s*年\s*度?\s*(" + name + r")\s*" + _DISCLOSURE + r"\s*" + _YEAR_GIVEN), 2, 1,
         _ENDING),
        # the agency in brackets after the title (2023年政府信息公开工作年度报告（某局）)
        (re.compile(r"(?<!\d)(\d{4})\s*年\s*度?\s*" + _DISCLOSURE + r"\s*" + _ANNUAL + r"\s*[（(【\[]\s*(" + name
                    + r")\s*[)）】\]]"), 2, 1, True))


_TITLES = {False: _title_patterns(_NAME_PLAIN), True: _title_patterns(_NAME_SPACED)}  # by: does the line hold a space
# the same forms with a name that may begin right after a digit or a Latin letter: such a title's year is read, its
# name is not (12345热线办公室2023年… would name 热线办公室)
_CUT_START = "(?<![" + _HAN + NOT_TEXT_MARK + "])"
_ASCII_NAME_CHAR = re.compile("[0-9A-Za-z]")
_TITLES_CUT = {False: _title_patterns(_NAME_PLAIN, _CUT_START), True: _title_patterns(_NAME_SPACED, _CUT_START)}
# a title line naming no year at all: the agency is read from it, the year from the text (``overview_to_year``); a
# 年 or 年度 right before the report's words is what is left of a year lost (样例县民政局年政府信息公开工作年度报告, a
# year in a picture or another font): no part of the name (before, 样例县民政局年 was published), and a name never opens
# on it (年政府信息公开工作年度报告 alone: 年政府 was published; ``_year_lost_name``)
_NO_YEAR = {spaced: re.compile(r"(?!年)(" + name + r")\s*(?:年\s*度?\s*" + _DISCLOSURE + r"\s*" + _YEAR_GIVEN + "|"
                               + _DISCLOSURE + r"\s*" + _ANNUAL + ")")
            for spaced, name in ((False, _NAME_PLAIN), (True, _NAME_SPACED))}
# a title that is a letter: 某局关于2023年…报告 (the publisher, then the report), 关于印发某局2023年…报告的通知,
# 某县人民政府办公室关于某县2023年…报告 (the report of the name after 关于)
_ABOUT = re.compile(r"^(.*?)关于(?:印发|公布|发布|公开)?(.*)$")
# a year in Chinese numerals, its zeros often typed as the digit 0 or the letter O (二0二三年, 二O二三年: as common in
# real titles as 二〇二三年; before, 某局二0二三年度 was read as the agency's name, with no year)
_CHINESE_YEAR_DIGITS = r"(?=[0Oo]{0,3}[〇○零一二三四五六七八九])[〇○零一二三四五六七八九0Oo]{4}"
# (or the first of two years a title spans, 二〇二二—二〇二三年度: both in digits, so that _YEAR_SPAN reads them)
_CHINESE_YEAR = re.compile(_CHINESE_YEAR_DIGITS
                           + r"(?=\s*年|\s*[-－—–~～至到/、]\s*" + _CHINESE_YEAR_DIGITS + r"\s*年)")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九Oo", "00012345678" + "9" + "00")
# two neighbours of a year in Chinese numerals (_CHINESE_YEAR_DIGITS: four of 〇…九 0 O o, one of 〇…九 at least)
_CHINESE_YEAR_PAIR = re.compile(r"[〇○零一二三四五六七八九][〇○零一二三四五六七八九0Oo]|[0Oo][〇○零一二三四五六七八九]")
_DATE = r"([0-9]{4})\s*[年\-/.]\s*([0-9]{1,2})\s*[月\-/.]\s*([0-9]{1,2})\s*日?"
_PUBLISHED = re.compile(r"(?:发布|公开)(?:日期|时间)\s*[:：]?\s*" + _DATE)
# the date the text was signed (成文日期), before its publication: read only where no 发布日期 is printed
_WRITTEN = re.compile(r"(?:成文|发文)(?:日期|时间)\s*[:：]?\s*" + _DATE)
# a date on a line of its own near the end (the signature's), or labelled there (日期：2024年1月20日)
# (a signature may print its signer on the date's line, 某局 2024年1月20日, and a note after it, （此件公开发布）:
# before, neither date was read; the signer must end as an agency's name does, so 截至 2024年12月31日 is no date line)
# (its end is written so that no two runs of spaces meet: _DATE's own \s*日? then \s*$ took time growing with the
# square of a run of spaces after a date printed without 日 and followed by text, the note's \s* between them with
# its cube: 2024年1月20, 4,000 spaces and x took five minutes; now the same lines match in linear time)
_DATE_LINE = re.compile(r"^\s*(?:(?:发布|公开|成文|发文|印发)?(?:日期|时间)\s*[:：]\s*"
                        r"|(?P<signer>[" + _HAN + r"（）()·]{2,40}?)\s+)?"
                        r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?:\s*日)?"
                        r"(?:\s*[（(]此件(?:公开发布|主动公开|依申请公开|不予公开)[)）])?\s*$")
# the statistics period: 2023年1月1日起至12月31日, or in digits (2023.1.1-2023.12.31, 2023-01-01至2023-12-31); a comma
# may follow 起 (自2019年1月1日起，至2019年12月31日止: a real 街道's page, no title, its year not read). A year glued to
# its month, its 年 lost (20231月1日至202112月31日: pages of real bureaus whose sites drop 年 after a year; one printed
# its year nowhere else and published none), is the year when four digits stand alone before the month's 月
_YEAR_THEN = r"(?<![0-9])([0-9]{4})(?:\s*[年.\-/]\s*|(?=[0-9]{1,2}\s*月))"
# The period's words: 统计, 期限 …, or the data listed counted from a day (本报告所列数据自2020年1月1日起,至…: a county
# water bureau's page naming neither; 所列数据为2019年的汇总 is no period). Two dates may be joined by a doubled dash
# (2023年1月1日——2023年12月31日: a 乡's page, before read as no period)
_PERIOD_WORDS = r"(?:统计|期限|周期|时限|所列数据(?=\s*(?:自|从)))"
_PERIOD_JOIN = r"(?:至|到|[—\-~－–]{1,2})"
_PERIOD = re.compile(
    _PERIOD_WORDS + r"[^。]{0,30}?" + _YEAR_THEN + r"([0-9]{1,2})\s*[月.\-/]\s*([0-9]{1,2})\s*日?\s*"
    r"(?:起\s*[,，]?\s*)?"
    + _PERIOD_JOIN + r"?\s*(?:" + _YEAR_THEN + r")?([0-9]{1,2})\s*[月.\-/]\s*([0-9]{1,2})(?!\d)\s*日?")
# the whole year printed with both 年 and 月 dropped (统计期限为2023 11日到1231日, 202311日至1231日, a PDF's
# 2023 1 1 日至 2023 12 31 日: a county bureau's, a city bureau's and a 乡's pages, before read as no period): 1 1日
# can be only 1 January and 12 31日 only 31 December; any other day so printed (2023111日: 1 November or the 11th)
# stays unread
_PERIOD_WHOLE_YEAR = re.compile(
    _PERIOD_WORDS + r"[^。]{0,30}?(?<![0-9])([0-9]{4})[ \t年]*+1[ \t]*+1[ \t]*+日[ \t]*+(?:起[ \t]*+(?:[,，][ \t]*+)?)?"
    + _PERIOD_JOIN + r"[ \t]*+(?:([0-9]{4})[ \t年]*+)?12[ \t]*+31[ \t]*+日")
# the official original's address as a page prints it: 原文链接 / 原文地址 / 来源 / 网址 / 链接, then an http(s) URL
# the address ends at a space, a quote or bracket, or a full-width or CJK punctuation mark (，。、；：！？“”【】《》…);
# before, one glued to the host (http://a.gov.cn．) made the address no link at all (safe.link_url refuses the host)
_SOURCE_URL = re.compile(r"(?:原文链接|原文地址|来源|网址|链接)\s*[:：]?\s*"
                         r"(https?://[^\s<>\"'）)\]\u2010-\u206f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
                         r"\uff5b-\uff65]+)")
HEAD_CHARS = 3000
# a report year outside this range is a typo, or a hostile file's: one report of 9999 made itself the site's latest
# year (its home page, its "last updated" date); such a year or date is a ``date_invalid`` finding, left missing
YEARS = range(1990, 2101)
TITLE_LINES = 40
# (下载, 关闭窗口, 打印本页: a page's toolbar above a title)
_NOT_AN_AGENCY = {"政府", "政务", "信息", "政府信息", "本机关", "我局", "本单位", "下载", "关闭窗口", "打印本页"}
# a word ending what no agency is called: 主动公开 (a 公开方式 field's value on the line above the title, joined to it)
_NOT_NAME_ENDINGS = ("公开", "报告", "年报")  # (报告, 年报: a line naming the report above its title)
_LETTER = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")  # what a title's name joined from two lines has nothing of before it
# a line of several words (a page's toolbar, a field and its value): the name it lends a title joined from two lines
# must end as an agency's does; a line that is one name alone (某县档案馆) need not
_SEPARATED = re.compile(r"[\s:：>|/、·]")
# a name read after 、 or a comma that follows another agency's name (``_joint``) is the last of several a joint
# report's title names
_JOINED = re.compile(r"[、，,]\s*$")
_WORD_APART = re.compile(r"[\s、，,:：>|/]")  # what ends the words before a space before a title's name
_LONGEST_NAME = 100  # characters: more than any agency's name (as ``package.collect.MAX_NAME``)


def _iso(y: str, m: str, d: str) -> str | None:
    """The ISO date, or ``None`` when no such day exists (2月30日, 13月) or no report can carry it (a year outside
    ``YEARS``, or the year after the last: a report of 2100 is published in 2101).

    >>> _iso("2024", "3", "1"), _iso("2025", "2", "30"), _iso("9999", "12", "31"), _iso("1000", "1", "1")
    ('2024-03-01', None, None, None)
    """
    if not YEARS.start <= int(y) <= YEARS.stop:
        return None
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _printed(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def date_findings(text: str) -> list[Finding]:
    """A ``date_invalid`` finding for each date the metadata would read but that does not exist
    (the date is published as missing)."""
    folded = _dates_in_digits(text)
    printed = []
    match = _PUBLISHED.search(folded[:HEAD_CHARS])
    if match:
        printed.append(match.groups())
    else:
        for line in reversed(folded.strip().splitlines()[-8:]):
            if found := _date_line(line):
                printed.append(found.groups()[-3:])
                break
    if period := _PERIOD.search(drop_readings(folded)):
        y1, m1, d1, y2, m2, d2 = period.groups()
        printed += [(y1, m1, d1), (y2 or y1, m2, d2)]
    return [make("date_invalid", actual=_printed(*p)) for p in printed if _iso(*p) is None]


def canonical_agency(name: str) -> str:
    """The agency's canonical name (``rules/agency_aliases.csv``), stripped of punctuation."""
    from .safe import strip_control

    cleaned = strip_control(drop_invisible(name)).strip(" 《》:：")  # no control or bidi-override characters in a name
    return agency_aliases().get(cleaned, cleaned)


def title_to_agency_year(head: str) -> tuple[str | None, int | None]:
    """Agency and year from the first title-like phrase ``<agency><year>年…年度报告`` (or year first).

    Lines are tried one by one, then joined with the next (titles wrapped over two lines). A name read next to or
    across a character that is no text is refused (``read_title``).
    """
    title = read_title(head)
    return title.agency, title.year


@dataclass(frozen=True)
class Title:
    """What a report's title says: its agency and year; ``refused``, when the title's agency name touches or holds
    a character that is no text (``text.NOT_TEXT``: a control character, an escape sequence, U+FFFD, a private-use
    character) or a placeholder printed where a glyph was lost (``text.placeholders``: ``某县交通?运输局``, ``□``,
    ``〓`` …), is ``(line, the line as printed)``: the name is not read.

    Such a character is neither dropped nor taken for a break: dropped, the name of ``某县交通\\x00局`` whose NUL
    stands for a glyph the extraction lost (运) would be 某县交通局, another agency's; taken for a break, the name
    was cut (``某某县\\x07交通运输局`` was read 交通运输局, ``某某县\\x1b[31m交通运输局`` too). Refused, no wrong
    name is published: the agency is looked for in the body and in the manifest, and the finding says why."""

    agency: str | None = None
    year: int | None = None
    refused: tuple[int, str] | None = None
    joint: tuple[int, str] | None = None  # (line, as printed) of a title naming several agencies: no name read
    # (line, the two years as printed) of a title naming two years (某局2022-2023年度…报告): its name is read, its
    # year is not — which of the two the tables count is not printed there (before: neither name nor year was read)
    years: tuple[int, str] | None = None
    # (line, the sentence as printed) when no title names the agency and a sentence naming the report does after its
    # verb (现公布某县民政局2024年…年度报告。): ``agency`` is that name, and the finding says where it was read
    sentence: tuple[int, str] | None = None


def _joint(before: str, name: str = "") -> bool:
    """Whether the text before a title's name ends with another agency's name and 、 or a comma: a joint report
    (某区人民政府办公室、某区政务服务管理办公室2021年…). A label or a number before the mark is no agency (附件1、,
    1、, 索引号：123，).

    >>> _joint("某区人民政府办公室、"), _joint("附件1、"), _joint("1、"), _joint("索引号：123，")
    (True, False, False, False)
    """
    found = _JOINED.search(before)
    if not found:
        return _spaced_joint(before, name)
    other = before[:found.start()].rstrip()
    return bool(other) and other.rstrip(NOT_TEXT_MARK).endswith(_agency_endings())


_AND = re.compile(r"[和及与]")


def _two_agencies(name: str) -> bool:
    """Whether a title's name is two agencies' joined by 和, 及 or 与 (海城市发展和改革局和海城市粮食局: before,
    published as one agency of that name, with an id of its own): the words before the conjunction end as an agency's
    name does (``rules/agency_suffixes.csv``, not a division's: 沈阳市和平区 is one), those after it name a region's.

    >>> _two_agencies("海城市发展和改革局"), _two_agencies("沈阳市和平区人民政府")
    (False, False)
    >>> _two_agencies("海城市发展和改革局和海城市粮食局"), _two_agencies("海城市发展和改革局及海城市粮食局")
    (True, True)
    """
    from .agency.names import parse_name
    from .catalog import table

    endings = tuple(row["suffix"] for row in table("agency_suffixes"))
    for conjunction in _AND.finditer(name):
        first, second = name[:conjunction.start()], name[conjunction.end():]
        if first.endswith(endings) and second.endswith(endings) and parse_name(second).regions \
                and not merged_office(first, second):
            return True
    return False


def merged_office(party: str, government: str) -> bool:
    """Whether two names are the halves of one merged office (``rules/agency_merged_offices.csv``): a party
    committee's office and the government's office of the same place (两办合署: 中共某县委办公室 and 某县人民政府办公室
    are one office). Before, 中共临洮县委办公室和临洮县人民政府办公室2023年… was a joint report (agency_joint, no
    publisher) while 张掖市委办公室和市政府办公室 was one agency.

    >>> merged_office("中共临洮县委办公室", "临洮县人民政府办公室"), merged_office("临洮县委办公室", "县政府办公室")
    (True, True)
    >>> merged_office("海城市发展和改革局", "海城市粮食局"), merged_office("临洮县人民政府办公室", "临洮县委办公室")
    (False, False)
    >>> merged_office("临洮县委办公室", "兰州市人民政府办公室")  # two places' offices: two publishers
    False
    """
    from .catalog import table

    for row in table("agency_merged_offices"):
        if party.endswith(row["party"]) and government.endswith(row["government"]):
            place = government[:-len(row["government"])].removesuffix("人民")  # 临洮县, or 县 of 县政府办公室
            if party[:-len(row["party"])].endswith(place):  # (中共临洮县, 张掖市: the same place's two offices)
                return True
    return False


_MERGE_MARK = re.compile(r"[、，,]?[ \u3000]*$")


def _merged_half(before: str, name: str) -> str | None:
    """The party committee office's name and the mark after it, when the text before a title's name ends with it
    and the name is the same place's government office (``merged_office``): ``中共临洮县委办公室、`` before
    临洮县人民政府办公室; None else (a joint report's other name, a site's banner …).

    >>> _merged_half("首页 中共临洮县委办公室、", "临洮县人民政府办公室")
    '中共临洮县委办公室、'
    >>> _merged_half("临洮县委办公室 ", "县政府办公室")
    '临洮县委办公室'
    >>> _merged_half("某县发展和改革局、", "某县粮食局"), _merged_half("临洮县委办公室", "县政府办公室")
    (None, None)
    """
    mark = _MERGE_MARK.search(before)
    if not mark.group():
        return None  # (nothing between the names: the name read is all of it)
    party = _WORD_APART.split(before[max(0, mark.start() - _LONGEST_NAME - 1):mark.start()])[-1]
    return party + mark.group().strip() if party and merged_office(party, name) else None


def _before_name(printed: str, name: str) -> str:
    """The words of a title's name part before the name ``_unspaced`` read from it, with the space after them
    (``海城市发展和改革局 `` of ``海城市发展和改革局 海城市粮食局``); "" when the name is all of it.

    >>> _before_name("首页 政务公开 格尔木市 数据局", "格尔木市数据局"), _before_name("某县数据局", "某县数据局")
    ('首页 政务公开 ', '')
    """
    for space in re.finditer(r"[ \u3000]+", printed):
        if re.sub(r"[ \u3000]+", "", printed[space.end():]) == name:
            return printed[:space.end()]
    return ""


def _spaced_joint(before: str, name: str) -> bool:
    """Whether the text before a title's name ends with another department's full name and a space: a joint report
    (海城市发展和改革局 海城市粮食局2023年…; before, the second was read as the publisher, no finding). A government's
    name (a site's banner: 某市人民政府 某局2023年…), the same name again, the name of the department a unit named
    after it belongs to (平凉市教育局 平凉市教育局直属机关: the unit publishes, its department's name printed above it
    as a banner; before, agency_joint and no publisher), or words that are no region's department (首页,
    政府信息公开年报) are not.

    >>> _spaced_joint("海城市发展和改革局 ", "海城市粮食局"), _spaced_joint("海城市人民政府 ", "海城市粮食局")
    (True, False)
    >>> _spaced_joint("海城市粮食局 ", "海城市粮食局"), _spaced_joint("政府信息公开年报 ", "海城市粮食局")
    (False, False)
    >>> _spaced_joint("平凉市教育局 ", "平凉市教育局直属机关")
    False
    """
    from .agency.names import parse_name

    # the words right before the space, read from the end (a search for "words, spaces, end" tried every start in
    # the line: a title after 80,000 rules ——…— took 43 s, the time growing with the square of the line; review 26b)
    words = before.rstrip(" \u3000")
    if len(words) == len(before):
        return False
    other = _WORD_APART.split(words[-_LONGEST_NAME - 1:])[-1].rstrip(NOT_TEXT_MARK)
    if not other or len(other) > _LONGEST_NAME or name.startswith(other) or not other.endswith(_agency_endings()):
        return False
    parsed = parse_name(other)
    return parsed.kind == "department" and bool(parsed.regions) and other.startswith(parsed.region_text)


def title_case(title: Title) -> str:
    """The case of ``agency_not_found``'s message (``rules/finding_messages.csv``) for what the title did."""
    return "title_joint" if title.joint else "title_refused" if title.refused else ""


def read_title(head: str) -> Title:
    """``Title`` of the first title-like phrase of ``head`` (see ``title_to_agency_year``).

    >>> read_title("某某县交通\\x07运输局2023年政府信息公开工作年度报告")  # doctest: +NORMALIZE_WHITESPACE
    Title(agency=None, year=2023, refused=(1, '某某县交通\\\\x07运输局2023年政府信息公开工作年度报告'), joint=None,
          years=None, sentence=None)
    >>> read_title("某局2022-2023年度政府信息公开工作年度报告")
    Title(agency='某局', year=None, refused=None, joint=None, years=(1, '2022-2023年度'), sentence=None)
    >>> read_title("某区人民政府办公室、某区政务服务管理办公室2021年政府信息公开工作年度报告").joint
    (1, '某区人民政府办公室、某区政务服务管理办公室2021年政府信息公开工作年度报告')
    """
    visible = drop_invisible(head)
    printed, folded = visible.split("\n"), fold_lines(visible).split("\n")  # (the finding shows the line as printed)
    # (a form feed at a line's edge is a page break: stripped as before, a space; inside a line, no text)
    numbered = []  # the first TITLE_LINES lines that are not blank: read no further
    for number, line in enumerate(folded, start=1):
        # (another script's digit marked too: 样例县数据局২০২৪年… was read 2024; its name is refused, never cut there)
        # (a site's pronunciation aid, 某镇(zhèn)2020年…: the reading is no part of the name — the title was not
        # read, and 某县交(jiāo)通运输局 was cut to 通运输局 after it)
        if line := OTHER_SCRIPT_DIGIT.sub(NOT_TEXT_MARK, mark_not_text(drop_readings(line.strip()))):
            numbered.append((number, _letters_joined(line.replace("\t", " "))))  # (a tab inside a name: a space)
            if len(numbered) == TITLE_LINES:
                break
    numbered = _year_lines_joined(numbered)
    lines = [line for _, line in numbered]

    def refused(at: int, joined: bool = False) -> tuple[int, str]:
        number = numbered[at][0]
        shown = printed[number - 1].strip() + (printed[numbered[at + 1][0] - 1].strip() if joined else "")
        return number, show_not_text(shown)[:80]

    candidates = [(at, False, line) for at, line in enumerate(lines)] + [
        (at, True, a + b) for at, (a, b) in enumerate(zip(lines, lines[1:], strict=False))] + [
        (at, size - 1, "".join(lines[at:at + size])) for size in BROKEN_TITLE_LINES
        for at in range(len(lines) - size + 1) if _title_broken(lines[at:at + size])]
    # (every title pattern holds 信息公开 or 政务公开, and ``_title_text`` neither makes nor breaks those words: the
    # other lines are neither rewritten nor searched)
    texts = [(at, joined, _title_text(text)) for at, joined, text in candidates if "公开" in text]
    body_from = next((at for at, line in enumerate(lines) if _overview_heading(line)), len(lines))
    found = _read_title(texts, lines, numbered, refused, body_from)
    if found.year is None and found.agency is None and not (found.refused or found.joint) \
            or found.agency and _DIGIT_IN_NAME.search(found.agency):
        # a title naming two years (某局2022-2023年度…报告, 某局2022年—2023年…): read again with the first year in
        # their place, so that its name is read; its year is not kept (which year the tables count is not printed)
        # (before: no name, no year; or 某局2022至2023年度… was read as the agency 某局2022至 of 2023)
        spans = [(at, joined, text, m) for at, joined, text in texts if (m := _YEAR_SPAN.search(text))]
        for at, joined, text, match in spans:
            one = [(at, joined, text[:match.start()] + match.group(1) + "年" + text[match.end():])]
            again = _read_title(one, lines, numbered, refused, body_from)
            if again.year is not None:
                return replace(again, year=None, years=(numbered[at][0], match.group()))
    return found


BROKEN_TITLE_LINES = (3, 4)  # a title broken over more lines than two (a cover's large type): read joined, after pairs
_TITLE_ENDS = ("报告", "年报")


def _title_broken(parts: list[str]) -> bool:
    """Whether ``parts`` (three or four lines in a row) may be one title broken over them: only the last ends as a
    title does (报告, 年报), and none before it holds 报告. A cover's title in large type broken where the page
    ends a line (样例县民政局 / 2024年度政府信息公开 / 工作年度报告, or 样例县民政局 / 2024年度 / 政府信息公开工作 /
    年度报告): before, no publisher was read and the year came from the overview.

    >>> _title_broken(["样例县民政局", "2024年度政府信息公开", "工作年度报告"])
    True
    >>> _title_broken(["政府信息公开工作年度报告", "（2023年度）", "某县某局"])
    False
    """
    return parts[-1].endswith(_TITLE_ENDS) and not any("报告" in part for part in parts[:-1])


# a line that is a year alone (2024, 二〇二四: a title's year set on a line of its own, larger or in another font)
_YEAR_ALONE = re.compile(r"(?:19|20)[0-9]{2}|[一二][〇○零][一二三四五六七八九〇○零]{2}")


def _year_lines_joined(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``numbered`` lines with a line that is a year alone joined to the next line when that one opens on 年
    (样例县民政局 / 2024 / 年政府信息公开工作年度报告, a cover or a heading printing its year on a line of its own): the
    title reads as one line with the line before. Before, 年政府 was read as the publisher's name and the year taken
    from the overview.

    >>> _year_lines_joined([(1, "样例县民政局"), (2, "2024"), (3, "年政府信息公开工作年度报告")])
    [(1, '样例县民政局'), (2, '2024年政府信息公开工作年度报告')]
    >>> _year_lines_joined([(1, "2024"), (2, "样例县民政局")])
    [(1, '2024'), (2, '样例县民政局')]
    """
    out: list[tuple[int, str]] = []
    for number, line in numbered:
        if out and line.startswith("年") and _YEAR_ALONE.fullmatch(out[-1][1]):
            out[-1] = (out[-1][0], out[-1][1] + line)
        else:
            out.append((number, line))
    return out


# two years where a title names one: 2022-2023年度, 2022年—2023年, 2022至2023年 (the years as _title_text gives them)
_DIGIT_IN_NAME = re.compile(r"[0-9]")
_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*度?\s*[-－—–~～至到/、]\s*((?:19|20)\d{2})\s*年\s*度?")


def _read_title(texts, lines, numbered, refused, body_from: int) -> Title:
    """``read_title``'s reading of the candidate ``texts`` (see there). A sentence naming the report (``_in_sentence``)
    names no agency; its year is the report's when no title names one. A title quoted in a sentence of the
    report's body (the lines from ``body_from``, its overview's heading, on) is a document the report cites
    (``_cited``: its own report of last year), not its title: its agency is the report's only where no title
    names one, as a sentence's is, and its year never the report's."""
    sentence_year, named = None, None
    for at, joined, text in texts:
        marked_form = _MARKS.search(text) is not None
        for pattern, agency_group, year_group, marked in _TITLES[" " in text or "\u3000" in text]:
            if marked is True and not marked_form:
                continue  # (without a bracket or a mark the form is the first one's, already tried)
            match = pattern.search(text)
            if match and at >= body_from and _cited(text, match):
                # (公开发布《某署2021年…年度报告》，通过…: its own report of last year, published this year — its
                # author is the report's, its year is not: kept as a sentence's agency, with no year)
                name = _publisher(_unlabelled(_unspaced(match.group(agency_group))))
                if named is None and not joined and name and _may_name(name) and NOT_TEXT_MARK not in name:
                    named = (canonical_agency(name), None, refused(at))
                break
            if match and joined and _LETTER.search(text, 0, match.start()) \
                    and not _labelled().fullmatch(text, 0, match.start()):
                continue  # two lines joined: a title that begins the first, after a title label at most
                # (附件：, 标题：); 当前位置：首页>年报 / 2022年度…报告 names no agency
            name = _publisher(_unlabelled(_unspaced(match.group(agency_group)))) if match else None
            name = name.lstrip(_OPENS_NOTHING) if name else None  # （2023年度）政府信息…: no name ")政府"
            if name and name.startswith("年"):  # (…年政府信息公开工作年度报告（2024年度）: a year lost before 年, its
                # name on the line above or none; before, 年政府 was published)
                above = _year_lost_name(lines, at)
                return Title(canonical_agency(above) if above else None, int(match.group(year_group)))
            if name and name.endswith("人民") and text.startswith("政府", match.end(agency_group)):
                name += "政府"  # 2021年某县某镇人民政府信息公开工作年度报告: one 政府 for the name and the report's
                # words (the name was read 某县某镇人民, a real 镇's published agency)
            if (marked or joined and (_SEPARATED.search(lines[at]) or joined > 1)) and name \
                    and not name.rstrip(NOT_TEXT_MARK).endswith(_agency_endings()):
                continue  # (joined: 打印本页 关闭窗口 / 2022年度…报告 names no agency; 某县档案馆 / 2022年度… does; a
                # title broken over three lines or four names one only where the name ends as an agency's does)
            if name and len(name) >= 2 and _may_name(name):
                before = text[:match.start(agency_group)] + _before_name(match.group(agency_group), name)
                if (_in_sentence(text, match) or name.startswith(_naming_verbs(opening=True))
                        or _task_after_about(match.group(agency_group), name)) and not _joint(before, name):
                    sentence_year = sentence_year or int(match.group(year_group))
                    if named is None and not joined:
                        named = _sentence_agency(pattern, text, match, agency_group, year_group, refused(at))
                    continue
                if NOT_TEXT_MARK in name:
                    return Title(None, int(match.group(year_group)), refused(at, joined))
                if party := _merged_half(before, name):
                    name = party + name  # one office of two names (两办合署), its names as printed
                elif _joint(before, name) or _two_agencies(name):
                    return Title(None, int(match.group(year_group)), joint=refused(at, joined))
                year = int(match.group(year_group))
                if (whole := _name_from_line_above(texts, at, name, lines, numbered, refused)):
                    return whole
                return Title(canonical_agency(_own_title_name(texts, name, year) or name), year)
    if cover := _cover(lines):
        name, year, at = cover
        return Title(None, year, refused(at)) if NOT_TEXT_MARK in name else Title(canonical_agency(name), year)
    for _, _, text in texts:  # a title whose name begins with a digit or a Latin letter: its year, no name
        for pattern, agency_group, year_group, marked in _TITLES_CUT[" " in text or "\u3000" in text]:
            match = None if marked else pattern.search(text)
            begins = match.start(agency_group) if match else 0  # the name read would begin after a digit or letter
            if begins and _ASCII_NAME_CHAR.match(text, begins - 1):
                return Title(None, int(match.group(year_group)))
    year = _labelled_year(lines) or sentence_year
    for at, line in enumerate(lines):  # a title line with no year in it: its agency
        match = _NO_YEAR[" " in line or "\u3000" in line].fullmatch(line)
        printed = match.group(1) if match else _year_lost_name(lines, at) if _YEAR_LOST.fullmatch(line) else None
        name = _publisher(_unlabelled(_unspaced(printed))) if printed else None
        if name and _may_name(name):
            return Title(None, year, refused(at)) if NOT_TEXT_MARK in name else Title(canonical_agency(name), year)
    if named is not None:  # no title: the agency a sentence naming the report names after its verb, and its year
        agency, said, where = named
        return Title(agency, year if year is not None else said, sentence=where)
    return Title(None, year)


def _name_from_line_above(texts, at: int, name: str, lines, numbered, refused) -> Title | None:
    """The title read from line ``at`` joined to the line above it, where line ``at``'s name is an agency's word
    alone (``_bare_name``: 办事处, 人民政府, 委员会) and the line above ends as a name does, set apart by nothing
    (no space, colon, ``>``…): a title broken before its last word, 某区人民政府某某街道 / 办事处2023年…年度报告 (a real
    street office's page; 办事处 was published as a district department, WRONG). The joined title's name must end
    with the bare one; else ``None`` and the line is read as before. So is a name that names no region under a line
    that is a region alone (样例县 / 民政局2024年…年度报告, a cover's title broken after its region: 民政局 was
    published, a name the report never prints alone; ``_region_above``), and a title read from lines joined."""
    if at == 0 or not (_bare_name(name) or _region_above(lines[at - 1], name)):
        return None
    above = lines[at - 1]
    if _SEPARATED.search(above) or "公开" in above or not above.endswith(_agency_endings()):
        return None
    joined = [(a, j, text) for a, j, text in texts if a == at - 1 and j]
    whole = _read_title(joined, lines, numbered, refused, len(lines)) if joined else None
    if whole is None or whole.agency is None or whole.joint or whole.refused or whole.sentence:
        return None
    return whole if whole.agency.endswith(canonical_agency(name)) and len(whole.agency) > len(name) else None


# a title line opening on the 年 of a year lost (年政府信息公开工作年度报告, 年度政府信息公开工作报告)
_YEAR_LOST = re.compile(r"年\s*度?\s*" + _DISCLOSURE + r"\s*" + _YEAR_GIVEN)


def _year_lost_name(lines: list[str], at: int) -> str | None:
    """The name of a title whose line ``at`` opens on the 年 of a year lost (样例县民政局 / 年政府信息公开工作年度报告:
    the year in a picture, or in a font the text layer lost): the line above when it is a name alone that ends as an
    agency's does, set apart by nothing (with a region alone above it: 样例县 / 民政局 / 年…), else None — never 年政府,
    which was published before.

    >>> title = "年政府信息公开工作年度报告"
    >>> _year_lost_name(["样例县民政局", title], 1), _year_lost_name([title], 0)
    ('样例县民政局', None)
    >>> _year_lost_name(["样例县", "民政局", title], 2), _year_lost_name(["首页 民政局", title], 1)
    ('样例县民政局', None)
    """
    above = lines[at - 1] if at else ""
    if not _COVER_NAME.fullmatch(above) or not above.endswith(_agency_endings()):
        return None
    return lines[at - 2] + above if at >= 2 and _region_above(lines[at - 2], above) else above


def _region_above(above: str, name: str) -> bool:
    """Whether ``above`` is a region's name alone (样例县, 某市某区: known or not) and ``name`` names none.

    >>> _region_above("样例县", "民政局"), _region_above("样例县", "某市民政局"), _region_above("首页", "民政局")
    (True, False, False)
    """
    from .agency.names import parse_name

    region, named = parse_name(above), parse_name(name)
    return (region.region_text or region.unknown_region) == above and not (named.region_text or named.unknown_region)


def _bare_name(name: str) -> bool:
    """Whether a title's name is an agency's word alone, the end of an agency's name (``rules/agency_suffixes.csv``:
    办事处 of 街道办事处, 人民政府, 委员会), naming no agency of its own.

    >>> _bare_name("办事处"), _bare_name("人民政府"), _bare_name("甲乙街道办事处"), _bare_name("统计局")
    (True, True, False, False)
    """
    return any(ending.endswith(name) for ending in _agency_endings())


def _own_title_name(texts, name: str, year: int) -> str | None:
    """Where a title names only a division (某区2023年政府信息公开工作年度报告: the site's heading of its reports, or
    a district's report) and another title of the page's head names an agency of that division (某区某局2023年…, or
    某区某局政府信息公开工作年度报告 without a year), of the same year or none: that agency's name. Before, the page was
    published as the district government's (WRONG) though its own title named its bureau.

    >>> texts = [(0, False, "格尔木市2023年政府信息公开工作年度报告"),
    ...          (1, False, "格尔木市民政局政府信息公开工作年度报告")]
    >>> _own_title_name(texts, "格尔木市", 2023), _own_title_name(texts, "格尔木市民政局", 2023)
    ('格尔木市民政局', None)

    Likewise where a title's name holds no division (第三中学2022年…: a page heading whose first words a mirror
    replaced) and the report's own title, quoted in the page's head (现发布《某省某县第三中学2022年…年度报告》),
    names the same agency with its division: that name. Before, the school was published with no name, its
    province only.

    >>> _own_title_name([(0, False, "现发布《格尔木市第三中学2022年政府信息公开工作年度报告》")], "第三中学", 2022)
    '格尔木市第三中学'
    """
    from .agency.names import parse_name

    parsed = parse_name(name)
    bare = not parsed.regions and not parsed.local and not parsed.national and not parsed.special
    if not bare and (not parsed.regions or name != parsed.region_text):
        return None  # (a name with more than a division's: its own)
    for _, joined, text in texts:
        if joined:
            continue
        found = [(match.group(agency_group), int(match.group(year_group)))
                 for pattern, agency_group, year_group, marked in _TITLES[" " in text or "\u3000" in text]
                 if not marked and (match := pattern.search(text))]
        undated = _NO_YEAR[" " in text or "\u3000" in text].fullmatch(text)
        found += [(undated.group(1), year)] if undated else []
        for printed, said in found:
            other = _publisher(_unlabelled(_unspaced(printed)))
            if not other or said != year or other == name or not _may_name(other) or NOT_TEXT_MARK in other:
                continue
            if bare:  # (the same agency, its division printed: 第三中学 of 某省某县第三中学, in the sentence that
                # publishes the report — never a document it cites, a superior's of the same name)
                fuller = parse_name(other)
                if other.endswith(name) and fuller.regions and other == fuller.region_text + name and any(
                        verb + mark + other in text for verb in _naming_verbs() for mark in ("", "《")):
                    return other
            elif other.startswith(name) and parse_name(other).kind:
                return other
    return None


def _task_after_about(group: str, name: str) -> bool:
    """Whether the name read from a title phrase's name part ``group`` is the words of a task after a letter's 关于,
    not an agency's name: 为认真贯彻落实上级关于切实做好2024年…年度报告编制发布工作要求，某街道… on a real page whose
    title is not in its text was read as the agency 切实做好 (WRONG). What follows 关于 names an agency only when it
    ends as one does (关于印发某局2023年…报告的通知); else the phrase is a sentence's words, as ``_in_sentence``'s are.

    >>> _task_after_about("为认真贯彻落实上级关于切实做好", "切实做好")
    True
    >>> _task_after_about("关于印发某县档案馆", "某县档案馆")
    False
    """
    about = _ABOUT.match(group)
    return bool(about) and name == about.group(2) and not name.rstrip(NOT_TEXT_MARK).endswith(_agency_endings())


def _sentence_agency(pattern: re.Pattern, text: str, match: re.Match, agency_group: int, year_group: int,
                     where: tuple[int, str]) -> tuple[str, int, tuple[int, str]] | None:
    """``(agency, year, where)`` of the first title phrase of the line ``text`` from ``match`` on that names its
    agency after a verb (``_named_in_sentence``): a line may cite a notice's title
    (《关于做好2020年度…年度报告…的通知》) before the sentence naming the report (现公布某县某局2020年…年度报告).
    A form whose year comes first has its verb before the year (现向社会公布2024年某县政府信息公开工作年度报告): the
    name is read after it as after a verb next to it."""
    while match:
        name = _publisher(_unlabelled(_unspaced(match.group(agency_group))))
        if name and year_group < agency_group and text[:match.start()].rstrip().endswith(_naming_verbs()):
            name = text[:match.start()].rstrip() + name  # (the verb, then the name: 现向社会公布某县)
        if name and (agency := _named_in_sentence(name)):
            return agency, int(match.group(year_group)), where
        match = pattern.search(text, match.end())
    return None


def _named_in_sentence(name: str) -> str | None:
    """The agency a sentence naming the report names after its verb (``rules/report_naming_verbs.csv``):
    ``现公布某县民政局`` of 根据《条例》，现公布某县民政局2024年…年度报告。 — when what follows the verb begins with a
    division's name and reads as an agency's (a department or a government of it). Before, such a sentence named no
    agency (its verbs were read as the name: 现公布区统计局 on real pages), and a page whose title is not in its text
    was published with the agency its body named most — a township's report as 某市人民政府 (named in a notice it
    cites and in the website it is published on: WRONG). ``区某局`` after the verb, ``我局``, ``本镇``, ``统计局``
    name no division: no agency, as before; nor does a notice's title (…关于做好…).

    >>> _named_in_sentence("现公布格尔木市交通运输局"), _named_in_sentence("我乡编制了格尔木市郭勒木德镇人民政府")
    ('格尔木市交通运输局', '格尔木市郭勒木德镇人民政府')
    >>> _named_in_sentence("现公布区统计局"), _named_in_sentence("现将我局"), _named_in_sentence("格尔木市交通运输局")
    (None, None, None)
    """
    from .agency.names import parse_name

    ends = [name.rfind(verb) + len(verb) for verb in _naming_verbs() if verb in name]
    rest = name[max(ends):] if ends else ""
    if len(rest) < 3 or "关于" in rest or rest in _NOT_AN_AGENCY or not _may_name(rest) or NOT_TEXT_MARK in rest:
        return None
    parsed = parse_name(rest)
    if not (parsed.regions and parsed.kind and rest.startswith(parsed.region_text)) and not _named_township(parsed):
        return None
    return canonical_agency(rest)


def _named_township(parsed) -> bool:
    """Whether a name after a naming verb is a township's or a street's by its own name (河西街道, 某某镇人民政府: three
    characters at least, no voice word such as 本镇, 我乡): an agency as a division's department is. A real 街道's
    sentence 现将河西街道2019年度…报告如下 named it only because 河西 was read as a district of another province; read
    as the street's own name it named none, and the page was published as the district office whose notice it cites.

    >>> from .agency.names import parse_name
    >>> [_named_township(parse_name(name)) for name in ("河西街道", "本镇", "我街道", "统计局")]
    [True, False, False, False]
    """
    return parsed.kind == "government" and len(parsed.township) >= 3 and not parsed.township.startswith(_VOICE_STARTS)


_VOICE_STARTS = ("本", "我", "全", "该", "各")  # (本镇, 我乡, 全街道: the report's own voice, no name)


@lru_cache(maxsize=2)
def _naming_verbs(opening: bool = False) -> tuple[str, ...]:
    """The verbs of a sentence naming the report (``rules/report_naming_verbs.csv``); ``opening``: those a line
    opening on is such a sentence, never a title (现将统计局2020年…报告如下 named the agency 现将统计局)."""
    from .catalog import table

    return tuple(fold(row["words"]) for row in table("report_naming_verbs") if row["opens_sentence"] or not opening)


# what ends a clause or a sentence: a title phrase after one on its line is a sentence's words (现公布某局2023年…报告)
_CLAUSE_END = re.compile(r"[，,。；;！!？?]")


def _overview_heading(line: str) -> bool:
    """Whether ``line`` is the overview's heading (一、总体情况 …), the first line of the report's body."""
    from .sections import line_heading_patterns

    return any(code == "overview" and headings.search(line) for code, headings in line_heading_patterns())


def _cited(text: str, match: re.Match) -> bool:
    """Whether the title phrase ``match`` of the line ``text`` is quoted whole (《…》, “…”) after other words of its
    line: a document a sentence names. In the report's body it is one the report cites — a real ministry's overview
    lists 公开发布《本署2021年…年度报告》 among the year's work, and the 2022 report was published as 2021's (WRONG
    year, year_conflict said the title was last year's)."""
    return text[match.end():].lstrip().startswith(("》", "”")) and bool(text[:match.start()].strip(" 《“\t\u3000"))


def _in_sentence(text: str, match: re.Match) -> bool:
    """Whether the title phrase ``match`` of the line ``text`` is words of a sentence naming the report, not its
    title: a clause ends before it on its line (根据《条例》规定，现公布区某局2023年…报告), or it runs on into more
    words after others (《某办公室关于做好2023年…年度报告编制工作的通知》). Such a phrase named its verbs as the
    agency (现公布区某局, 本镇, 认真编制了, 做好, 现将我镇 on real pages whose title the text lacks). A title quoted
    whole (现公布《某局2023年…年度报告》, or “…”) is the report's.

    >>> text = "根据《条例》，现公布区某局2023年政府信息公开工作年度报告。"
    >>> _in_sentence(text, _TITLES[False][0][0].search(text))
    True
    >>> text = "根据《条例》，现公布《某局2023年政府信息公开工作年度报告》。"
    >>> _in_sentence(text, _TITLES[False][0][0].search(text))
    False
    """
    start, end = match.start(), match.end()
    if text[end:].lstrip().startswith(("》", "”")):  # (its opening quote may be lost: a damaged copy, a page's text)
        return False
    before = text[:start]
    return any(_ends_clause(before, mark.start()) for mark in _CLAUSE_END.finditer(before)) \
        or bool(before.strip()) and bool(re.match(f"[{_HAN}]", text[end:]))


def _ends_clause(text: str, at: int) -> bool:
    """Whether the mark at ``at`` ends a clause of words: a full stop always; a comma after a character or a
    closing bracket or quote (根据《条例》规定，), not after a field's value (索引号：123，: a page's fields before
    its title)."""
    if text[at] not in "，,":
        return True
    return at > 0 and bool(re.match(f"[{_HAN}》）)”」]", text[at - 1]))


def _title_text(line: str) -> str:
    """A candidate title line as the title patterns read it: a year in Chinese numerals in digits, a zero left
    over (北京市一〇一中学) marked as no text."""
    text = _chinese_year(line)
    return text.translate(_ZEROS) if "〇" in text or "○" in text else text


def _unlabelled(name: str) -> str:
    """A title's name part without a label run into it (``_label``: 附件1某局 is 某局; a name holds a label's number
    since digits may be a name's own).

    >>> _unlabelled("附件1某某县交通运输局"), _unlabelled("附件二某局"), _unlabelled("某局"), _unlabelled("附件1")
    ('某某县交通运输局', '某局', '某局', '附件1')
    """
    label = _label().match(name)
    return name[label.end():] if label and label.end() < len(name) else name


@lru_cache(maxsize=1)
def _label() -> re.Pattern:
    """A label printed before a title (``rules/title_labels.csv``: 附件), perhaps numbered (附件1, 附件一): never an
    agency's name (附件 2025年…报告 published the agency 附件)."""
    from .catalog import table

    words = "|".join(re.escape(fold(row["label"])) for row in table("title_labels"))
    return re.compile(rf"(?:{words})\s*(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})?")


_SECTION_START = re.compile(r"[一二三四五六七八九十]+\s*[、.]")


def _labelled_year(lines: list[str]) -> int | None:
    """The year of a title printed whole on its line, alone or after a label (``2025年政府信息公开工作年度报告``,
    ``附件：2025年政府信息公开工作年度报告``, ``附件1：政府信息公开工作年度报告（2025年度）``) before the first
    section, when no title names an agency: a report attached to a notice, a page whose agency is a field above the
    title (发布机构：某局). The label's line names no agency (``_label``); prose naming another year's report
    (根据《2024年政府信息公开工作年度报告》) is no title: a line is read only when the title is all it holds
    (after a label that begins it).

    >>> _labelled_year(["附件1：2025年政府信息公开工作年度报告"]), _labelled_year(["附件：政务公开年报（2024年度）"])
    (2025, 2024)
    >>> _labelled_year(["发布机构：某局", "2024年政府信息公开工作年度报告"])
    2024
    >>> _labelled_year(["一、总体情况", "附件：2024年政府信息公开年报"]), _labelled_year(["附件2025年政务公开工作年报"])
    (None, None)
    """
    for line in lines:
        if _SECTION_START.match(line):
            return None
        if (kind := _cover_line(line)) and kind[0] == "title" and kind[1]:  # (after a label too: _cover_line)
            return int(kind[1])
    return None


@lru_cache(maxsize=1)
def _labelled() -> re.Pattern:
    """A label (``_label``) that begins a line, with its colon or space: ``附件1：``, ``附件 ``."""
    return re.compile(_label().pattern + r"(?:\s*[：:]\s*|\s+)")


_OPENS_NOTHING = ")）·"  # a name never begins with a closing bracket: it is the end of a note before it
_COVER_YEAR = re.compile(r"[（(]?\s*([0-9]{4})\s*年\s*度?\s*[)）]?")
_COVER_TITLE_YEAR = re.compile(r"(?:([0-9]{4})\s*年\s*度?\s*)?" + _DISCLOSURE + r"\s*(?:([0-9]{4})\s*年\s*度?)?\s*"
                               + _ANNUAL + r"\s*(?:[（(]\s*([0-9]{4})\s*年\s*度?\s*[)）])?")
_COVER_NAME = re.compile(_NAME_CHAR + _NAME_INNER + "{0,38}" + _NAME_CHAR)  # (digits inside: the name's)


def _cover_line(line: str) -> tuple[str, str | None] | None:
    """What a line of a cover page is: ``("year", year)`` (``（2023年度）``), ``("title", None)``
    (``政府信息公开工作年度报告``), ``("title", year)`` (the title with its year, no agency) or ``("name", name)``
    (an agency's name: it ends as an agency or a division does, ``rules/agency_suffixes.csv``); None else."""
    if (label := _labelled().match(line)) and (kind := _cover_line(line[label.end():])) and kind[0] == "title":
        return kind  # 附件：2023年度政府信息公开工作年报: the title after a label (the label's line names no agency)
    line = _chinese_year(line.replace(" ", ""))
    if match := _COVER_YEAR.fullmatch(line):
        return "year", match.group(1)
    if match := _COVER_TITLE_YEAR.fullmatch(line):
        years = [y for y in match.groups() if y]
        return ("title", years[0]) if len(years) == 1 else ("title", None) if not years else None
    if _COVER_NAME.fullmatch(line) and line.rstrip(NOT_TEXT_MARK).endswith(_agency_endings()) \
            and line[0] not in _OPENS_NOTHING \
            and line not in _NOT_AN_AGENCY:
        return "name", line
    return None


@lru_cache(maxsize=1)
def _agency_endings() -> tuple[str, ...]:
    """How an agency's or a division's name ends (``rules/agency_suffixes.csv``, the divisions' suffixes)."""
    from .agency.divisions import DIVISION_SUFFIXES
    from .catalog import table

    return (*DIVISION_SUFFIXES, *(row["suffix"] for row in table("agency_suffixes")))


def _cover(lines: list[str]) -> tuple[str, int, int] | None:
    """Agency and year of a cover page that prints the title, the year and the agency on lines of their own,
    in any order, next to each other (blank lines apart): ``政府信息公开工作年度报告`` / ``（2023年度）`` /
    ``某县某局``; or the title with its year and the agency (``2023年度政府信息公开工作年度报告`` / ``某县某局``).
    ``(the agency as printed, the year, the index of the agency's line)``.

    >>> _cover(["政府信息公开工作年度报告", "（2023年度）", "某县某局"])
    ('某县某局', 2023, 2)
    >>> _cover(["2023年", "某县某局", "政府信息公开年报"])
    ('某县某局', 2023, 1)
    >>> _cover(["2023年度政府信息公开工作年度报告", "某县某局"]), _cover(["政府信息公开工作年度报告", "目录", "2023年"])
    (('某县某局', 2023, 1), None)
    """
    kinds = [_cover_line(line) for line in lines]
    for size in (2, 3):
        for at in range(len(lines) - size + 1):
            window = kinds[at:at + size]
            if any(kind is None for kind in window):
                continue
            names = [value for kind, value in window if kind == "name"]
            years = [value for kind, value in window if value and kind != "name"]
            titles = [kind for kind, _ in window if kind == "title"]
            if len(names) == 1 and len(years) == 1 and len(titles) == 1:
                name = _publisher(names[0])
                if name and name not in _NOT_AN_AGENCY:
                    return name, int(years[0]), at + next(i for i, (kind, _) in enumerate(window) if kind == "name")
    return None


def _chinese_year(text: str) -> str:
    """``text`` with years written in Chinese numerals (二〇二三年) in digits, and a year typed with the letter O for
    its zero (2O21年, a typist's or an OCR's) too: read as a name's letters, it made the year part of the agency's
    name (某局2O21年).

    >>> _chinese_year("某局二〇二三年度报告"), _chinese_year("某局2O21年度报告"), _chinese_year("G60科创走廊")
    ('某局2023年度报告', '某局2021年度报告', 'G60科创走廊')
    >>> _chinese_year("某局二0二三年度报告"), _chinese_year("某局二O二三年度报告"), _chinese_year("第2000年")
    ('某局2023年度报告', '某局2023年度报告', '第2000年')
    >>> _chinese_year("青岛市人民政府 2 0 2 2 年政府信息公开工作年度报告")
    '青岛市人民政府 2022 年政府信息公开工作年度报告'
    """
    if "O" in text or "o" in text:
        text = _LETTER_O_YEAR.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), text)
    if " " in text:  # a year set letter-spaced (2 0 2 2 年, a PDF's tracking) is one year, not a name's digits
        text = _SPACED_YEAR.sub(lambda m: m.group().replace(" ", ""), text)
    if "年" not in text or not _CHINESE_YEAR_PAIR.search(text):  # (what every _CHINESE_YEAR holds, found faster)
        return text
    return _CHINESE_YEAR.sub(lambda m: m.group().translate(_CHINESE_DIGITS), text)


# a year inside what would be a name (某区20222023年): the name part ran into the years; never an agency's name
# a year in the name part: 2022年 inside it, or a year ending it, an opening bracket at most after it (a damaged
# 某局2022(年政府信息…: once 年 was no part of a name, 某局2022( was published)
_YEAR_IN_NAME = re.compile(r"(?:19|20)[0-9]{2}\s*(?:年|[(（【\[]?$)")


def _may_name(name: str) -> bool:
    """Whether a title's name part may be an agency's: not a word no agency is called (报告, 附件 …) nor ending as
    none is (主动公开) or as a medium does (某某官方网站, 某县人民政府门户网站: ``_medium_endings``), not a label
    alone, holding no year (its name part ran into the years).

    >>> _may_name("样例县民政局"), _may_name("中国)官方网站"), _may_name("样例县人民政府门户网站")
    (True, False, False)
    """
    return name not in _NOT_AN_AGENCY and not name.endswith(_NOT_NAME_ENDINGS) and not _label().fullmatch(name) \
        and not _YEAR_IN_NAME.search(name) and not name.endswith(_medium_endings())


@lru_cache(maxsize=1)
def _medium_endings() -> tuple[str, ...]:
    """The words of ``rules/agency_medium_words.csv`` that end a medium's name (网站, 官方网站, 门户, 公众号, 公报 …:
    two Han characters or more, none of the table's words with a bracket, a quote or a comma after 网): no agency's
    name ends so. A mirror whose advertiser's words replaced a city's name titled its page 某某(中国)官方网站
    2024年政府信息公开工作年度报告; its `agency`, 中国)官方网站, was published without a finding."""
    words = (row["words"] for row in table("agency_medium_words"))
    return tuple(w for w in words if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w))
# a year of 20xx with the letter O for a zero, before 年: 2O21年, 2o22年度
_LETTER_O_YEAR = re.compile(r"(?<![0-9A-Za-z])(?=[0-9Oo]*[Oo])2[0Oo][0-9Oo]{2}(?=\s*年)")
_SPACED_YEAR = re.compile(r"(?<![0-9A-Za-z])[12] [0-9] [0-9] [0-9](?= ?年)")


# the first sentence of 总体情况 opening on the year it reports on: 2023年，我局…  二〇二三年以来，…
# — or on the year named in brackets, 本年度（2023年）, or on its first day to its last, 2023年1月1日至12月31日，我局…
# (before, neither was read: year_not_found though the year is printed in the first words); a period's second year,
# when printed, is the first (2022年1月1日至2023年12月31日 names no one year)
_OPENING_YEAR = re.compile(r"\A\s*(?:本\s*年\s*度?\s*[（(]\s*)?([0-9]{4})\s*年\s*度?\s*(?:以来|是|我|本|全|，|,"
                           r"|(?<=[（(][0-9]{4}年)[)）]|(?<=[（(][0-9]{4}年度)[)）]"
                           r"|1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|~)\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日)")


# (with .match) the heading of the overview's first part, （一）主动公开情况。 or (一)主动公开 on a line of its own:
# no digit in it, closed by 。 or ：or the line's end; or nothing
_SUBHEADING = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]\s*[^。\n,，；;:：0-9]{1,24}(?:[。:：]|\n))?")


def overview_to_year(overview: str) -> int | None:
    """The year the overview's first sentence opens on, when the title names none.

    >>> overview_to_year("2023年，我局坚持…"), overview_to_year("二〇二三年以来，…"), overview_to_year("本年度，…")
    (2023, 2023, None)
    >>> overview_to_year("本年度（2023年），我局…"), overview_to_year("2023年1月1日至12月31日，我局共收到…")
    (2023, 2023)
    >>> overview_to_year("2019年印发的办法继续施行。"), overview_to_year("2023年1月1日起施行的办法…")
    (None, None)

    A period of two years names no one year (the review of session 31: it was read as its first):
    >>> overview_to_year("2022年1月1日至2023年12月31日，我局…"), overview_to_year("2023年1月1日至2023年12月31日，…")
    (None, 2023)

    The first sentence after the overview's first part's heading, when it opens the overview (a real 医院's page:
    ``（一）主动公开政府信息情况。2020年，我院…`` — the year was not found before, session 37):
    >>> overview_to_year("（一）主动公开政府信息情况。2020年，我院…"), overview_to_year("(一)主动公开\\n2021年，我局…")
    (2020, 2021)
    >>> overview_to_year("（一）主动公开政府信息情况。我局2019年印发的…"), overview_to_year("(一)2019年印发的办法…")
    (None, None)
    """
    head = _chinese_year(fold(overview[:80]))
    match = _OPENING_YEAR.match(head) or _OPENING_YEAR.match(head[_SUBHEADING.match(head).end():])
    return int(match.group(1)) if match else _work_year(overview)


# a paragraph's sub-heading before its first sentence: （二）主动公开。 (``_SUBHEADING``), 二是积极做好主动公开。, 2、
_PARAGRAPH_HEAD = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}是[^。\n]{1,30}。|[0-9]{1,2}\s*[、.．]\s*)")
# a paragraph opening on its year as the report's work of that year does: 2023年，我局… (never 2023年以来: since)
_PARAGRAPH_YEAR = re.compile(r"([0-9]{4})\s*年\s*度?\s*(?:，|,|我|本|全)")
_PARAGRAPHS = 12  # the overview's first paragraphs: its own work, before any history
PARAGRAPH_YEARS = 2  # paragraphs at least: one paragraph opening on a year may tell of another year's event


def paragraphs_to_year(overview: str) -> int | None:
    """The year every paragraph of the overview that opens on a year opens on, after its sub-heading, when the
    overview's first sentence names none (``overview_to_year``): a real bureau's page, no title and no period,
    opens its overview ``一是加强组织领导。我局…认真查摆2022年度…`` and its next paragraphs ``二是…。2023年，我局…``
    (year_not_found). Two paragraphs at least (``PARAGRAPH_YEARS``); paragraphs opening on two years, or only on
    ``2022年以来``, name none.

    >>> paragraphs_to_year("一是领导。查摆2022年度。\\n二是公开。2023年，公开63件。\\n三是依申请。2023年，我局…")
    2023
    >>> paragraphs_to_year("一是加强领导。我局认真查摆2022年度情况。\\n二是主动公开。2023年，我局公开63件。")
    >>> paragraphs_to_year("（一）主动公开。2023年，我局…\\n（二）依申请公开。2022年，我局…")
    >>> paragraphs_to_year("（一）主动公开。2022年以来，我局…"), paragraphs_to_year("我局2023年公开…")
    (None, None)
    """
    years = []
    for line in _chinese_year(fold(overview)).split("\n")[:_PARAGRAPHS]:
        line = line.strip()
        numbered = _PARAGRAPH_HEAD.match(line)  # (（二）主动公开。 else 二是…。 or 2、; else none)
        head = _SUBHEADING.match(line).end() or (numbered.end() if numbered else 0)
        if match := _PARAGRAPH_YEAR.match(line, head):
            years.append(int(match.group(1)))
    return years[0] if len(years) >= PARAGRAPH_YEARS and len(set(years)) == 1 else None


# the year of the work a sentence reports: 汇报我镇2023年政府信息公开工作。, 总结2023年度政务公开工作，… — the
# year right before the work's name, the work's name ending the clause (not 2023年政务公开工作要点, a plan's title)
_WORK_YEAR = re.compile(r"([0-9]{4})\s*年\s*度?\s*的?\s*(?:政府信息公开|政务公开|信息公开)\s*工作\s*(?:情况\s*)?"
                        r"(?=[。，,；;:：]|$)")
_QUOTED = re.compile(r"《[^《》]*》")
_FIRST_SENTENCE_CHARS = 200


def _work_year(overview: str) -> int | None:
    """The year of the work the overview's first sentence says it reports, where no year opens it (session 37's
    leftover: a real 镇's page, no title and no period, opens its overview on ``本报告是根据《条例》要求，…从…等六个方面
    汇报我镇2023年政府信息公开工作。`` — year_not_found). Only one year so named, outside a quoted title
    (《2023年政府信息公开工作要点》 is a plan's), and the work's name ending its clause.

    >>> _work_year("本报告根据《条例》要求，从六个方面汇报我镇2023年政府信息公开工作。2024年，…")
    2023
    >>> _work_year("根据《2023年政府信息公开工作要点》，我镇认真落实。"), _work_year("按照2022年政府信息公开工作要点…")
    (None, None)
    >>> _work_year("我镇按照2022年政府信息公开工作，认真落实2023年政府信息公开工作。")
    """
    head = _chinese_year(fold(overview.lstrip()[:_FIRST_SENTENCE_CHARS]))
    sentence = _QUOTED.sub("", head.split("。")[0].split("\n")[0])
    years = {int(m.group(1)) for m in _WORK_YEAR.finditer(sentence)}
    return years.pop() if len(years) == 1 else None


# an opening year that does not contradict the report's: 2023年以来 (since 2023) in a 2024 report
_SINCE_YEAR = re.compile(r"\A\s*([0-9]{4})\s*年\s*以来")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def opening_agrees(overview: str, year: int) -> bool:
    """Whether the overview's opening, whatever year it opens on, is consistent with a report of ``year``: it opens
    on a year before it with 以来 (since then: ``2023年以来`` in a 2024 report), or its first sentence names ``year``
    as well (``2025年，按照《条例》要求，现公布本局2024年度报告。``: the year it is published in, then the year it is
    about).

    >>> [opening_agrees(t, 2024) for t in ("2023年以来，我局…", "2025年，现公布本局2024年度报告。", "2025年，我局…")]
    [True, True, False]
    >>> opening_agrees("2025年以来，我局…", 2024), opening_agrees("2025年，我局…。2024年的报告…", 2024)
    (False, False)
    """
    head = _chinese_year(fold(overview[:300]))
    since = _SINCE_YEAR.match(head)
    if since and int(since.group(1)) <= year:
        return True
    first = _SENTENCE_END.split(head.lstrip(), maxsplit=1)[0]
    return re.search(rf"(?<![0-9]){year}\s*年", first) is not None


_SPACE_IN_NAME = re.compile("[ \u3000]")
_LETTER_SPACED = 0.7  # a line whose words are this share or more single characters is set letter-spaced


def _letters_joined(line: str) -> str:
    """A title line set letter-spaced (格 尔 木 市 交 通 运 输 局 2025 年 …: a PDF's spaced heading) with its letters
    joined; any other line as it is. Letter-spaced: six words or more, at least ``_LETTER_SPACED`` of them one
    character long.

    >>> _letters_joined("格 尔 木 市 数 据 局 2025 年 政 府 信 息 公 开"), _letters_joined("首页 政务公开 某局2025年")
    ('格尔木市数据局2025年政府信息公开', '首页 政务公开 某局2025年')
    """
    words = line.split()
    if len(words) < 6 or sum(len(w) == 1 for w in words) < _LETTER_SPACED * len(words):
        return line
    return "".join(words)


def _has_region(name: str) -> bool:
    """Whether ``name`` names a region, known (格尔木市) or not (某某县), as the agency resolver reads it."""
    from .agency.names import parse_name

    parsed = parse_name(name)
    return bool(parsed.regions or parsed.special or parsed.unknown_region)


def _unspaced(name: str) -> str:
    """A title's name part that holds spaces, as the name it prints: its last part, joined with the part before it
    while it names no region and, joined, names one — a known one (格尔木市 交通运输局, 格尔木市交通 运输局), the part
    before being one (某某县 交通运输局) or the space inside one (样例 县数据局), or one no division matches begun
    before the space when the last part alone is no department of a known 系统 (``rules/agency_systems.csv``:
    样例县民 政局; 各区县动态 交通运输局 is 交通运输局) — or while either part is one character (民 政局, 交通运输 局:
    no word of a breadcrumb or a banner, and no name, is one character), or a known 系统's keyword runs across the
    space (首页 交通 运输局 is 交通运输局: ``system_across``). 首页 政务公开 格尔木市交通运输局 is 格尔木市交通运输局,
    首页 政务公开 交通运输局 is 交通运输局: a breadcrumb before the title is no part of the name. A space inside a
    word is never a cut (样例县民 政局 was read 政局, a fragment the report never prints as a name): the name read
    across it is the name when ``agency.names.parse_name`` reads it as an agency's (a kind); else, or when the last
    part is no agency's and the part before begins with a region and is no name's whole (样例县民 政), it is
    refused: returned with a character that is no text where each space was (``Title.refused``). A name without
    spaces is returned as it is.

    >>> _unspaced("格尔木市 交通运输局"), _unspaced("格尔木市交通 运输局"), _unspaced("首页 政务公开 格尔木市数据局")
    ('格尔木市交通运输局', '格尔木市交通运输局', '格尔木市数据局')
    >>> _unspaced("首页 政务公开 交通运输局"), _unspaced("某某县 交通运输局"), _unspaced("样例县民 政局")
    ('交通运输局', '某某县交通运输局', '样例县民政局')
    >>> _unspaced("样例县 民 政局"), _unspaced("首页 民 政局"), _unspaced("各区县动态 交通运输局")
    ('样例县民政局', '民政局', '交通运输局')
    >>> _unspaced("首页 交通 运输局"), _unspaced("首页 自然 资源局"), _unspaced("首页 教育动态 办公室")
    ('交通运输局', '自然资源局', '办公室')
    >>> _unspaced("格尔木市交 通").replace(NOT_TEXT_MARK, "?"), _unspaced("样例县民 政").replace(NOT_TEXT_MARK, "?")
    ('格尔木市交?通', '样例县民?政')
    """
    if not _SPACE_IN_NAME.search(name):
        return name
    from .agency.names import parse_name, system_across, system_of

    parts = _digits_joined([part for part in _SPACE_IN_NAME.split(name) if part])
    chosen, printed = parts.pop(), None  # printed: the name read across spaces, a mark where each was
    while parts and (not _has_region(chosen) or system_across(parts[-1], chosen)):  # (资源局: 资源县's 资源)
        before = parts[-1]
        joined = parse_name(before + chosen)
        if not (len(before) == 1 or len(chosen) == 1 or system_across(before, chosen)
                or joined.regions or joined.special or parse_name(before).unknown_region == before
                or len(joined.unknown_region) > len(before)
                or joined.unknown_region and not system_of(chosen)):
            break
        chosen, printed = before + chosen, parts.pop() + NOT_TEXT_MARK + (printed or chosen)
    if parse_name(chosen).kind is None and (printed is not None or parts and _inside_word(parts[-1])):
        return printed or parts[-1] + NOT_TEXT_MARK + chosen  # (no agency's name read across a space: refused)
    return NOT_TEXT_MARK + chosen if _ASCII_NAME_CHAR.match(chosen) else chosen  # its beginning is not known


# a region's name no division matches at the start of a word (样例县 of 样例县民): two characters at least before its
# suffix, as the agency parser's unknown regions (沐阳县)
_REGION_START = re.compile("^[" + _HAN + "]{2,6}?(?:自治州|自治县|省|市|县|区|旗|州)")


def _inside_word(before: str) -> bool:
    """Whether the words ``before`` a space inside a title's name end inside a word: they begin with a region
    (known, or one no division matches) and do not end as a region's or an agency's name does (样例县民 of
    样例县民 政; not 样例县, 样例县民政局, 首页).

    >>> _inside_word("样例县民"), _inside_word("样例县"), _inside_word("样例县民政局"), _inside_word("首页")
    (True, False, False, False)
    """
    from .agency.names import parse_name

    if before.endswith(_agency_endings()):
        return False
    return bool(parse_name(before).region_text or _REGION_START.match(before))


def _digits_joined(parts: list[str]) -> list[str]:
    """``parts`` with each part that ends in a digit or a Latin letter joined to the part after it (a run of them set
    apart by spaces inside a name, 深圳市 12345 政务服务便民热线管理中心, a PDF's text layer, or a name's 第2 before
    中学): digits inside a name are the name's, never a part of their own.

    >>> _digits_joined(["深圳市", "12345", "政务服务中心"]), _digits_joined(["浦东新区", "G60", "科创走廊办公室"])
    (['深圳市', '12345政务服务中心'], ['浦东新区', 'G60科创走廊办公室'])
    """
    out: list[str] = []
    for part in parts:
        out.append(out.pop() + part if out and _ASCII_NAME_CHAR.fullmatch(out[-1][-1]) else part)
    return out


def _publisher(name: str) -> str | None:
    """The agency of a title's name part, a letter's ``关于`` taken apart: the name after 关于 (印发) when
    there is one, else the one before it.

    >>> _publisher("某某县交通运输局关于"), _publisher("关于印发某某县交通运输局")
    ('某某县交通运输局', '某某县交通运输局')
    >>> _publisher("某县人民政府办公室关于某县")
    '某县'
    """
    about = _ABOUT.match(name)
    if not about:
        return name
    before, after = about.group(1), about.group(2)
    return after if len(after) >= 2 else (before if len(before) >= 2 else None)


_CHINESE_DATE = re.compile(r"(" + _CHINESE_YEAR_DIGITS + r")\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"(?:\s*([一二三四五六七八九十]{1,4})\s*日)?")


_FIRST_MONTH = re.compile(r"([0-9]{4})\s*年\s*元月(?=\s*[0-9])")  # 2025年元月20日: 元月 is January
_CHINESE_MONTH = re.compile(r"年\s*[一二三四五六七八九十]")  # what every _CHINESE_DATE holds (found far faster)


@parser_memo(1 << 2)  # the report's text, read for its period and its publication date (and ``date_findings``): once
def _dates_in_digits(text: str) -> str:
    """``fold(text)`` with dates written in Chinese numerals in digits (二〇二三年十二月三十一日 → 2023年12月31日).

    >>> _dates_in_digits("自二〇二三年一月一日起至二〇二三年十二月三十一日止")
    '自2023年1月1日起至2023年12月31日止'
    >>> _dates_in_digits("二0二四年一月二十日"), _dates_in_digits("2025年元月20日")
    ('2024年1月20日', '2025年1月20日')
    """
    def digits(match: re.Match) -> str:
        year = match.group(1).translate(_CHINESE_DIGITS)
        month, day = chinese_number(match.group(2)), match.group(3) and chinese_number(match.group(3))
        if month is None or (match.group(3) and day is None):
            return match.group()
        return f"{year}年{month}月" + (f"{day}日" if match.group(3) else "")

    folded = fold_lines(text)
    folded = _FIRST_MONTH.sub(r"\1年1月", folded) if "元月" in folded else folded  # (most reports: no pass at all)
    # (every date in Chinese numerals holds 年 and then its month's numeral: a text with none is not searched for one)
    return _CHINESE_DATE.sub(digits, folded) if _CHINESE_MONTH.search(folded) else folded


# the same period said before the word for counting it (本报告相关数据为我单位自2023年1月1日至2023年12月31日统计的…
# 数据: a real 园区's page, no title, its year not read from it)
_PERIOD_THEN_COUNTED = re.compile(
    r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*(?:起\s*)?(?:至|到|—|-|~|－|–)\s*(?:([0-9]{4})\s*年\s*)?"
    r"([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*(?:止\s*)?(?:的\s*)?统计")


def text_to_period(text: str) -> tuple[str | None, str | None]:
    """The statistics period the text states, as ISO dates.

    >>> text_to_period("本报告统计期限自二〇二三年一月一日起至二〇二三年十二月三十一日止。")
    ('2023-01-01', '2023-12-31')
    >>> text_to_period("本报告相关数据为我单位自2023年1月1日至2023年12月31日统计的数据。")
    ('2023-01-01', '2023-12-31')
    >>> text_to_period("统计期限为202311日至1231日。"), text_to_period("统计期限为2023111日至1231日。")
    (('2023-01-01', '2023-12-31'), (None, None))
    """
    folded = drop_readings(_dates_in_digits(text))  # (统(tǒng)计(jì)期: a mirror's readings in pinyin are no words)
    match = _PERIOD.search(folded) or _PERIOD_THEN_COUNTED.search(folded)
    if not match:
        whole = _PERIOD_WHOLE_YEAR.search(folded)
        if not whole:
            return None, None
        return _iso(whole.group(1), "1", "1"), _iso(whole.group(2) or whole.group(1), "12", "31")
    y1, m1, d1, y2, m2, d2 = match.groups()
    return _iso(y1, m1, d1), _iso(y2 or y1, m2, d2)


def text_to_source_url(text: str) -> str | None:
    """The official original's URL printed in the text (原文链接, 来源, 网址 …), http/https only.

    >>> text_to_source_url("原文链接：http://www.haicheng.gov.cn．"), text_to_source_url("网址：https://a.gov.cn/公开/年报.html、")
    ('http://www.haicheng.gov.cn', 'https://a.gov.cn/公开/年报.html')
    """
    from .safe import link_url

    found = _SOURCE_URL.search(text)
    return link_url(found.group(1)) if found else None


def text_to_published_date(text: str) -> str | None:
    """The page's 发布日期/公开日期, else its 成文日期 (wherever each is printed in the head: a page's fields print
    成文日期 before 发布日期 as often as after), else a date standing alone on one of the last lines.

    >>> text_to_published_date("成文日期：2023-01-10\\n发布日期：2023-02-16\\n正文")
    '2023-02-16'
    >>> text_to_published_date("成文日期：2023-01-10")
    '2023-01-10'
    """
    folded = _dates_in_digits(text)
    match = _PUBLISHED.search(folded[:HEAD_CHARS]) or _WRITTEN.search(folded[:HEAD_CHARS])
    if match:
        return _iso(*match.groups())
    for line in reversed(folded.strip().splitlines()[-8:]):
        match = _date_line(line)
        if match:
            return _iso(*match.groups()[-3:])
    return None


def _date_line(line: str) -> re.Match | None:
    """``line`` as a signature's date line (``_DATE_LINE``), its signer, if printed, ending as an agency's name.

    >>> [bool(_date_line(t)) for t in ("某局 2024年1月20日", "2024年1月20日（此件公开发布）", "截至 2024年1月2日")]
    [True, True, False]
    """
    match = _DATE_LINE.match(line)
    signer = match and match.group("signer")
    return match if match and (not signer or signer.endswith(_agency_endings())) else None
