"""The site's Chinese labels for the codes of the package, defined once.

Python pages import them from here; the browser gets the same dictionaries in ``json/agencies.json``
(key ``labels``, written by ``browser_data``), so compare.js and search.js never spell them again.

>>> TIER_ZH["prefecture"], KIND_ZH["department"], SCORE_TIER_ZH["unknown"]
('地市级', '政府部门', '层级未知')
>>> status_zh("partial")
'部分数值未能读取（partial）'
"""

from __future__ import annotations

from types import MappingProxyType

from ..catalog import codes

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
# (parsed: every value as printed — a cell the report leaves blank is missing as printed, so 完整读取 never says
# "no cell missing"; the report page adds how many cells have no number)
STATUS_ZH = {"parsed": "各表均已读取", "partial": "部分数值未能读取", "failed": "无法读取"}
# an agency's administrative tier (agencies.tier) and kind (agencies.kind)
TIER_ZH = {"national": "国家级", "province": "省级", "prefecture": "地市级", "county": "县级", "township": "乡镇级"}
KIND_ZH = {"government": "人民政府", "department": "政府部门"}
# what a report's file is by its bytes (reports.file_type): the report page's facts say it (a picture is a scan)
FILE_TYPE_ZH = {"text": "文本", "html": "网页", "docx": "Word 文档（.docx）", "doc": "Word 97-2003 或 WPS 文档",
                "pdf": "PDF", "ofd": "OFD 版式文档", "image": "图片（扫描件或截图）"}
# the report page's headings of tables 二, 三 and 四, by the package's table: the compare page's values lead to the
# section of the table a value is read from (its id: ``anchors.slugify`` of the heading)
TABLE_HEADINGS = MappingProxyType({"active_disclosure": "二、主动公开政府信息情况",
                                   "applications": "三、收到和处理政府信息公开申请情况",
                                   "review_litigation": "四、行政复议、行政诉讼情况"})
KIND_NOTE = {"government": "人民政府（含办公厅/办公室的汇总报告）", "department": "政府部门"}
# the group scores are ranked within (package/report_card.score_group: year, the agency's tier and its kind)
SCORE_TIER_ZH = {**TIER_ZH, "unknown": "层级未知"}
SCORE_KIND_ZH = {"government": "人民政府（汇总报告）", "department": "政府部门", "unknown": "类别未知"}
# a report whose file could not be read has no score (card.scored): what its page and the ranking say
UNSCORED_ZH = "文件未能读取，无法评估：不计分，不排名"
# a report read in part (an error among the limits of our reading: a table absent, a row's cells lost): scored on
# what was read, not ranked (``card.fully_read``)
UNRANKED_ZH = "报告有未能读出的内容（读取的局限中有错误），得分只反映读出的部分，不参与排名"
# what a "—" in a report's facts means (the report page under its facts table, the agency page under its reports),
# and a 无数据 (a value the report lacks: missing, never 0)
DASH_NOTE_ZH = "“—”：报告中没有写明，或本站未能从报告中读出。"
# why a value is missing, as the data says it (``metric_values.missing``, codes.yaml's ``missing_reasons``): the
# short words a page shows in the value's place, and the sentence its note gives. Before, every page said 无数据
# under one note naming every reason it might be ("报告中没有这个数，或本站未能读出；比例还在…不符时不计算"), and
# recomputed a share's denominator to say 无从计算 (``metrics.share_of_nothing``)
MISSING_REASONS = MappingProxyType({e["code"]: (e["short"], e["explanation"]) for e in codes()["missing_reasons"]})
ZERO_BASE_ZH = MISSING_REASONS["zero_denominator"][0]  # 无从计算: a share of 0, no missing number
ZERO_BASE_NOTE_ZH = f"“{ZERO_BASE_ZH}”：{MISSING_REASONS['zero_denominator'][1]}"
NO_DATA_ZH = "无数据"


def missing_word(reason: str | None) -> str:
    """What a page shows in place of a value that is missing for ``reason`` (``metric_values.missing``): the reason's
    own word where it is one (无从计算, 不适用), else 无数据 and the reason's short words; 无数据 alone for a value
    missing without a reason given (two reports of an agency-year that disagree).

    >>> missing_word("cell_not_printed"), missing_word("zero_denominator"), missing_word("not_in_edition")
    ('无数据（报告未印此数）', '无从计算', '不适用')
    >>> missing_word(None)
    '无数据'
    """
    if reason not in MISSING_REASONS:
        return NO_DATA_ZH
    short = MISSING_REASONS[reason][0]
    return short if reason in ("zero_denominator", "not_in_edition") else f"{NO_DATA_ZH}（{short}）"


def missing_notes(reasons) -> list[str]:
    """The sentences of ``reasons`` (codes, in ``MISSING_REASONS``' order, each once), as a page's note says them
    under what shows them: “无数据（报告未印此数）”：计算所需的数报告中没有印出…

    >>> missing_notes({"zero_denominator", None})
    ['“无从计算”：比例的分母为0（如该年度没有办理申请），没有这个比例（不是缺失，也不是0）。']
    """
    return [f"“{missing_word(code)}”：{sentence}" for code, (_, sentence) in MISSING_REASONS.items()
            if code in reasons]


# the column counting a report's findings on the agency, report and quality pages: every finding, info-level notes
# (提示, which cost no score) included, so said (a report with 24 blank cells read as "24 problems")
FINDINGS_COLUMN_ZH = "问题数（含提示）"
# a byte-identical copy of another report (report_card.copies): what its page (and its ranking row) say after
# the link to the report it copies
COPY_ZH = "的副本（两个文件字节完全相同）：只对那一份排名，本副本不排名，也不计入同组报告数和同类组中位数"
DUPLICATE_ZH = ("是本机构同一年度的两份报告（网页版与 PDF 版、更正版等）：只对那一份排名，本份不排名，"
                "也不计入同组报告数、同类组中位数和首页合计（按各表均已读取、问题较少、发布较晚、文件名的顺序选出；"
                "见数据的 reports.duplicate_of）")


def copy_sentence(link: str, original: dict, report: dict) -> str:
    """What a report not counted says of the one counted in its place (``report_card.copies``), ``link`` linking to
    it: "是 <link> 的副本（两个文件字节完全相同）…" for a byte-identical copy, "与 <link> 是本机构同一年度的两份
    报告…" for another file of the agency-year (before, every such report was called a byte-identical copy).

    >>> same, other = {"sha256": "a"}, {"sha256": "b"}
    >>> copy_sentence("X", same, same)[:7], copy_sentence("X", same, other)[:7]
    ('是 X 的副本', '与 X 是本机')
    """
    same_bytes = bool(original.get("sha256")) and original.get("sha256") == report.get("sha256")
    return f"是 {link} {COPY_ZH}" if same_bytes else f"与 {link} {DUPLICATE_ZH}"


def status_zh(status: str | None) -> str:
    """A report's status in Chinese with the code beside it: ``部分数值未能读取（partial）``."""
    return f"{STATUS_ZH.get(status or '', status or '')}（{status}）" if status else ""


def browser_labels() -> dict[str, dict[str, str] | list[str]]:
    """The labels the browser scripts need (compare.js, search.js): ``missing`` a reason's word and sentence by its
    code, ``missing_order`` the codes in codes.yaml's order (the file's keys are sorted: compare.js listed the
    reasons' sentences in the codes' alphabetical order, unlike every other page)."""
    return {"tier": TIER_ZH, "kind": KIND_ZH,
            "missing": {code: [missing_word(code), sentence] for code, (_, sentence) in MISSING_REASONS.items()},
            "missing_order": list(MISSING_REASONS)}


# whose problem a finding code is (the quality page's summary), and what it does to the report card's score (the
# checks page), by its ``responsibility`` (rules/findings.csv, published in finding_codes) and severity
OWN_ZH, READING_LIMIT_ZH = "机关的问题", "本站读取的局限"  # (the severity beside it says what it costs)
SCORE_EFFECT_ZH = {("agency", "error"): "机关的问题：扣10分", ("agency", "warning"): "机关的问题：扣3分",
                   ("agency", "info"): "机关的问题：提示，不扣分", ("reading", "error"): "本站读取的局限：不计分",
                   ("reading", "warning"): "本站读取的局限：不计分", ("reading", "info"): "本站读取的局限：不计分"}
