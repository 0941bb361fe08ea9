"""Issue 16, session 28: the parser's per-report work cut without changing a record. What made each piece fast is
checked as behaviour (no timings: ``benchmarks/parse_throughput.py`` prints those), beside a check that the faster
way gives what the plain way gave."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk import memo
from xxgk.catalog import table
from xxgk.first_chars import searcher
from xxgk.parser import parse
from xxgk.text import _FOLD, fold


def _fold_plainly(text: str) -> str:
    """``text.fold`` as it was written before: NFKC, then the dashes."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


# every character NFKC changes in the Basic Multilingual Plane, and marks that compose with what precedes them
_CHANGED = "".join(ch for ch in map(chr, range(0x20, 0x10000))
                   if not 0xD800 <= ord(ch) < 0xE000 and unicodedata.normalize("NFKC", ch) != ch)
_MARKS = "\u0300\u0301\u0308\u0338\u0345\u3099\u309a"


@given(st.text(alphabet=st.sampled_from("，（）：；，（）：；二〇年a=<>\n ") | st.sampled_from(_MARKS)
               | st.sampled_from(_CHANGED) | st.characters(), max_size=40))
def test_fold_is_nfkc_then_the_dashes(text):
    assert fold.__wrapped__(text) == _fold_plainly(text)


def test_every_character_nfkc_changes_folds_as_before_alone_and_before_a_mark():
    for ch in _CHANGED + "，（）：；" + "".join(map(chr, _FOLD)):
        for text in (ch, ch + "\u0338", "二" + ch + "\u0301年"):
            assert fold.__wrapped__(text) == _fold_plainly(text), (hex(ord(ch)), text)


def _prose_report(seed: int) -> str:
    """A report with ≈ 40 lines of prose printed with full-width punctuation, never parsed before."""
    rng = random.Random(seed)
    lines = [f"（{i}）{rng.choice(['本年度', '全年'])}，我局主动公开政府信息{rng.randrange(10, 999)}条；"
             f"其中：文件{rng.randrange(1, 99)}件，公告{rng.randrange(1, 99)}件。" for i in range(40)]
    return (f"某某县{'甲乙丙'[seed]}局2023年政府信息公开工作年度报告\n一、总体情况\n" + "\n".join(lines) +
            "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n加强培训。\n六、其他需要报告的事项\n无。\n")


def test_prose_lines_reach_nfkc_already_normal(monkeypatch):
    """A line of prose holds a full-width comma or bracket: NFKC's quick check failed on it, and the whole line was
    decomposed and composed again (≈ 60 % of a fold). Those characters are replaced by their NFKC forms first, so the
    lines reach NFKC normal: less than a tenth of the characters folded take the slow path (before: nearly all)."""
    parse(_prose_report(0))
    memo.account(memo.MEMO_CHARS + 1)  # the memos emptied: every line is folded afresh
    slow, total = [0], [0]
    normalize = unicodedata.normalize

    def counting(form, s):
        total[0] += len(s)
        slow[0] += 0 if unicodedata.is_normalized(form, s) else len(s)
        return normalize(form, s)

    monkeypatch.setattr(unicodedata, "normalize", counting)
    record = parse(_prose_report(1))
    assert record.agency == "某某县乙局" and "主动公开政府信息" in record.sections["overview"]
    assert total[0] > 1500
    assert slow[0] < 0.1 * total[0], (slow[0], total[0])




# --- the claims of section 一 searched where they can begin (first_chars.searcher) ---

def _claim_patterns() -> list[re.Pattern]:
    return [re.compile(row["pattern"]) for row in table("narrative_claims")]


_CLAIM_WORDS = "未收到 没有 无 上年 上年度 去年 不存在 逾期 收到 受理 政府信息公开 申请 行政复议 \
行政诉讼 发生 予以公开 部分公开 不予公开 和 及 、 件 3 12 。 ， \
规范性文件 制发 废止 现行有效 被纠错 的 投诉 人".split() + [" ", "\n"]


@given(st.lists(st.sampled_from(_CLAIM_WORDS) | st.text(max_size=3), max_size=30))
def test_a_claim_s_search_finds_what_the_engine_s_search_finds(words):
    text = "".join(words)
    for pattern in _claim_patterns():
        found, expected = searcher(pattern)(text), pattern.search(text)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


class _Counting:
    """A compiled pattern whose ``match`` and ``search`` calls are counted."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.flags, self._compiled, self.calls = pattern.pattern, pattern.flags, pattern, []

    def match(self, text, pos=0):
        self.calls.append(("match", pos))
        return self._compiled.match(text, pos)

    def search(self, text, pos=0):
        self.calls.append(("search", pos))
        return self._compiled.search(text, pos)


def test_a_claim_of_none_is_tried_only_where_its_first_word_stands():
    """``未收到政府信息公开申请`` opens on six look-behinds, so the engine tried it at every character of section 一
    (≈ 0.15 ms for 2,000 characters, three such claims a report); now only where 未 or 没 stands."""
    none = next(row["pattern"] for row in table("narrative_claims") if row["claim"] == "applications_none")
    counting = _Counting(re.compile(none))
    prose = "本年度共收到政府信息公开申请12件，均已按时答复。" * 80 + "上年度未收到申请。"
    assert searcher(counting)(prose) is None
    assert counting.calls == [("match", prose.index("未"))]
    assert searcher(counting)(prose + "今年没有收到政府信息公开申请。").group(0) == "没有收到政府信息公开申请"


# --- the work of finding sections, table 三's copies and the title, done where it can find something ---

_REPORT = ("某某县数据局2024年政府信息公开工作年度报告\n一、总体情况\n"
           + "本年度，我局认真落实政务公开工作，二是加强培训。\n" * 30
           + "二、主动公开政府信息情况\n规章 0 0 0\n三、收到和处理政府信息公开申请情况\n"
           "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
           "四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n"
           "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n加强培训。\n六、其他需要报告的事项\n无。\n")


class _CountingWords:
    """A heading pattern whose searches are recorded."""

    def __init__(self, pattern: re.Pattern) -> None:
        self._pattern, self.groupindex, self.calls = pattern, pattern.groupindex, []

    def match(self, text, pos=0):
        self.calls.append(("match", pos))
        return self._pattern.match(text, pos)

    def finditer(self, text, pos=0):
        self.calls.append(("finditer", pos))
        return self._pattern.finditer(text, pos)


def test_section_headings_are_tried_only_where_a_numbering_begins(monkeypatch):
    """The six headings' patterns each scanned the whole text (≈ 60 µs a real-length report, eighteen scans a
    parse, the tables' copies and a repeated report looked for too); now each is tried where 一、 二、 … stand."""
    from xxgk.sections import _heading_patterns, _numbered_at

    counting = []
    for _, headings in _heading_patterns():
        monkeypatch.setattr(headings, "words", _CountingWords(headings.words))
        counting.append(headings.words)
    record = parse(_REPORT)
    assert record.section_lines == {"overview": 2, "active": 33, "applications": 35, "review_litigation": 39,
                                    "problems": 41, "other_matters": 43}
    assert record.values("applications")[("new", "total")] == 3
    calls = [call for words in counting for call in words.calls]
    numbered = set(_numbered_at(_REPORT))
    assert calls and all(kind == "match" and pos in numbered for kind, pos in calls), calls[:5]


def test_table_3_s_copies_are_looked_for_on_the_lines_naming_its_first_or_last_row(monkeypatch):
    """``copies.table3_for_year`` matched every row label's pattern against every line of section 三 to find
    copies of the table most reports never print; a line naming neither its first row (本年新收) nor its last
    (结转下年度) is no copy's mark and is no longer searched."""
    from xxgk import copies

    given_lines = []
    real = copies.label_matches
    monkeypatch.setattr(copies, "label_matches", lambda text, rules: given_lines.append(text) or real(text, rules))
    record = parse(_REPORT)
    assert record.values("applications")[("carried_over", "total")] == 0
    assert len(given_lines) == 2 and all("本年新收" in line or "结转下年度" in line for line in given_lines)


def test_only_title_lines_holding_gongkai_are_rewritten_for_the_title_patterns(monkeypatch):
    """Every title pattern holds 信息公开 or 政务公开: the lines and pairs of lines without 公开 were rewritten
    (years in Chinese numerals to digits) for nothing; now only those holding it."""
    from xxgk import metadata

    rewritten = []
    real = metadata._title_text
    monkeypatch.setattr(metadata, "_title_text", lambda text: rewritten.append(text) or real(text))
    record = parse(_REPORT)
    assert (record.agency, record.year) == ("某某县数据局", 2024)
    assert rewritten and all("公开" in text for text in rewritten)


# --- a row's glued digits (OCR's 000000000000000 for table 四's fifteen zeros): its cuts built from its rest's ---

def _cuts_as_before(token: str, max_pieces: int):
    """``splitting._cuts`` as it was written before (one stack, each cut's pieces joined as it is popped): the
    reference its order is checked against."""
    from xxgk.splitting import MAX_DIGITS, is_digit_run

    if not is_digit_run(token):
        yield (token,)
        return
    stack = [(token, ())]
    while stack:
        rest, acc = stack.pop()
        if not rest:
            yield tuple(map(int, acc))
            continue
        if len(rest) > (max_pieces - len(acc)) * MAX_DIGITS:
            continue
        if rest[0] == "0":
            stack.append((rest[1:], acc + ("0",)))
            continue
        for size in range(min(MAX_DIGITS, len(rest)), 0, -1):
            stack.append((rest[size:], acc + (rest[:size],)))


@given(st.text(alphabet="0000000123456789", min_size=1, max_size=34) | st.sampled_from(["0¹", "-", "12a"]),
       st.integers(min_value=-1, max_value=16))
def test_a_run_s_cuts_come_in_the_same_order_as_before(token, max_pieces):
    import itertools

    from xxgk.splitting import _cuts

    expected = list(itertools.islice(_cuts_as_before(token, max_pieces), 5000))
    assert list(itertools.islice(iter(_cuts(token, max_pieces)), 5000)) == expected


_GLUED_ROWS = [["0" * 15], ["0" * 9, "0", "0", "0", "0", "0", "0"], ["1000001" + "0" * 8], ["10000010000000"],
               ["3", "0" * 7, "3", "0" * 6], ["12100121000000000"], ["0" * 32], ["1" * 20, "0"]]


def test_a_glued_row_gives_the_same_candidates_and_its_runs_are_not_walked_one_cut_at_a_time(monkeypatch):
    """The search for a row's cells (``splitting.splits``, its step budget and its limit of solutions included)
    gives what it gave with the cuts made one at a time; a run of up to ``TREE_DIGITS`` digits is no longer cut so
    (``_each_cut``): its rest's cuts are built once and shared. On the corpus's reports whose table 四 OCR glued,
    the cuts were ≈ 40 % of the parse."""
    from xxgk import splitting

    table4 = splitting.group_totals_hold(5)
    checks = [(15, table4, table4), (7, splitting.row_total_holds, None), (15, lambda v: True, None)]
    with monkeypatch.context() as before:
        before.setattr(splitting, "_cuts", _cuts_as_before)
        expected = [splitting.splits(row, k, accept, prefix) for row in _GLUED_ROWS for k, accept, prefix in checks]
    monkeypatch.setattr(splitting, "_each_cut", lambda *args: pytest.fail("a short run cut one cut at a time"))
    found = [splitting.splits(row, k, accept, prefix) for row in _GLUED_ROWS for k, accept, prefix in checks]
    assert found == expected
    assert [(0,) * 15] in found and any(len(f) > splitting.MAX_SOLUTIONS for f in found)


def test_without_the_private_regex_parser_a_claim_is_searched_by_the_engine():
    # (first_chars reads patterns with CPython's private re._parser and re._constants: on a Python without them the
    # parser must still import and every pattern be searched by the engine, never an ImportError)
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    script = ("import re, sys; del re._parser, re._constants\n"
              "sys.modules['re._parser'] = sys.modules['re._constants'] = None  # (an import of them fails)\n"
              "from xxgk import first_chars\n"
              "p = re.compile(r'(?<!无)(?<!上年)(?:未|没有)收到(\\d*)')\n"
              "s = first_chars.searcher(p)\n"
              "print(s == p.search, s('上年未收到，今年未收到3').span())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "build")})
    assert done.stdout.strip() == "True (8, 12)", done.stderr[-500:]
