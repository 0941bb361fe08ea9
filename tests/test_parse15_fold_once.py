"""The parser folds (NFKC) a report's text once, not once for its title, once for its dates and once more for
section 一: on reports with real-length prose those three passes were ≈ 13 % of a parse. Folding line by line
(``text.fold_lines``) gives the same text as folding it whole, so every record is the same."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from xxgk import memo
from xxgk.parser import parse
from xxgk.text import fold, fold_lines

# characters NFKC changes or composes (full-width forms, ㈠, ligatures, combining marks, compatibility spaces),
# newlines and carriage returns beside them, invisible format characters, dashes the fold translates
_TRICKY = "ａ１２，：（）㈠①⒈ﬁ\u3000\u00a0\u0301\u0308\u1100\u1161e\n\r\u2028\u200b\ufeff\u00ad—－–．。二〇年 "


@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=60))
def test_folding_line_by_line_is_folding_whole(text):
    assert fold_lines(text) == fold(text)


def _report(seed: int) -> str:
    """A report whose section 一 is ≈ 4,000 characters of prose with full-width numbers and punctuation (the
    title's 3,000 characters and section 一 overlap), never seen before (the memos cannot answer for it)."""
    rng = random.Random(seed)
    sentences = [f"{rng.choice(['本年度', '全年', '今年以来'])}，我局主动公开政府信息{rng.randrange(10, 999):d}条"
                 .translate(str.maketrans("0123456789", "０１２３４５６７８９")) + f"（第{i}项）。"
                 for i in range(160)]
    prose = "\n".join("".join(sentences[i:i + 8]) for i in range(0, len(sentences), 8))
    return (f"某某县{'甲乙丙丁戊'[seed]}局２０２３年政府信息公开工作年度报告\n一、总体情况\n{prose}\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n加强培训。\n六、其他需要报告的事项\n无。\n")


def test_a_report_s_text_is_folded_about_once(monkeypatch):
    parse(_report(0))  # patterns and tables loaded (``text.digit_marks`` folds every character once)
    memo.account(memo.MEMO_CHARS + 1)  # the memos emptied: nothing folded before counts
    folded = []
    normalize = unicodedata.normalize
    monkeypatch.setattr(unicodedata, "normalize", lambda form, s: folded.append(len(s)) or normalize(form, s))
    text = _report(1)
    record = parse(text)
    assert record.agency == "某某县乙局" and record.year == 2023 and len(record.sections["overview"]) > 3000
    assert sum(folded) < 1.2 * len(text)  # before: title, text and section 一 each folded, 2.7 times the text


def test_the_digit_marks_are_every_character_nfkc_folds_into_a_digit_that_is_no_decimal_digit():
    from xxgk.text import digit_marks

    every = "".join(chr(c) for c in range(0x80, 0x10000) if unicodedata.category(chr(c)) != "Nd"
                    and any(ch.isdigit() for ch in unicodedata.normalize("NFKC", chr(c))))
    assert digit_marks() == every  # (read from the characters that decompose, and digits)
    assert {"①", "¹", "⑴", "⒈", "₁", "½", "፩"} <= set(every) and not {"０", "٣", "3"} & set(every)
