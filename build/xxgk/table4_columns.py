"""Table 四's columns in the order its header prints them.

The template prints 行政复议 | 行政诉讼（未经复议直接起诉 | 复议后起诉）, five outcomes each (结果维持 结果纠正 其他结果
尚未审结 总计). Layouts print 复议后起诉 before 未经复议直接起诉, 行政诉讼 before 行政复议, or 总计 first in each
group; read by position, every value landed under another proceeding or outcome with no finding. ``header_order``
reads the order from the header's rows (``rules/proceeding_labels.csv``, ``rules/outcome_labels.csv``): only lines
above the numbers made of short cells with no digit and no sentence, so a paragraph naming 复议后起诉 is not a
header; what no row says completely stays in the template's order.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .catalog import labels, outcome_codes, patterns, proceeding_codes
from .cells import joined_columns
from .memo import parser_memo
from .word_stacks import stackings

Order = tuple[int, ...]  # printed position → column in the template's order
# a header row holds no digit and no sentence: a line with one (本机关行政诉讼和行政复议情况如下：) is not read
_NOT_HEADER = re.compile(r"[0-9０-９，。；;：:、]")
_CELL_APART = re.compile(r"[\t|\u3000 ]+")
MAX_HEADER_CELL = 10  # characters: a header cell's words (未经复议直接起诉 is 8); a longer run is prose
_LITIGATION = re.compile("行政诉讼")
_NOTE = re.compile(r"[（(][^（()）]*[)）]")  # a header cell's note or unit
_BRACKET = re.compile(r"[（()）]")  # (a note's half, 件）, ends a name wrapped with its unit)


def header_order(header: list[str]) -> Order | None:
    """The template column each printed column is, when the header names another order than the template's;
    None when it names the template's or cannot be read. Only a header row says an order: a line of short cells
    (``_cells``) naming 行政复议 beside 行政诉讼 (or beside both litigation columns) orders the proceedings, a row
    naming both litigation columns orders those, a row whose first five outcome cells are the five orders the
    outcomes; what no row says stays as the template prints it. (A 行政复议 cell two rows high that PDF text puts
    on a line of its own, after 行政诉讼, or a 合计 column on the proceedings' row, says nothing.)

    >>> order = header_order(["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计 复议后起诉 直接起诉"])
    >>> order[:6], order[5:10] == tuple(range(10, 15))
    ((0, 1, 2, 3, 4, 10), True)
    >>> header_order(["总计 结果维持 结果纠正 其他结果 尚未审结"])[:5]
    (4, 0, 1, 2, 3)
    >>> header_order(["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]) is None
    True
    >>> header_order(["行政诉讼", "行政复议", "未经复议直接起诉 复议后起诉"]) is None  # two rows apart: unsaid
    True
    """
    told = _told(tuple(header))
    if told is None:  # (the words allow several orders: ``header_unsure``)
        return None
    proceedings, outcomes = told
    template_p, template_o = list(proceeding_codes()), list(outcome_codes())
    if proceedings == template_p and outcomes == template_o:
        return None
    group = len(template_o)
    return tuple(template_p.index(p) * group + template_o.index(o) for p in proceedings for o in outcomes)


def header_unsure(header: list[str]) -> bool:
    """Whether a PDF's text header wrapping its names over lines allows several orders of the outcomes or of the two
    lawsuits (``_stacked_readings``), or one other than the template's that the header's rows do not also read:
    which column each number is in cannot be told, and none is published (``columns_order_unsure``). Before, such a
    header was read in the template's order, or its rows misjoined: each number published under another outcome's
    or lawsuit's name, the totals holding either way.

    >>> header_unsure(["行政复议 行政诉讼", "纠正 总计 尚未 结 其他 复议后起诉 未经复议直接起诉", "审结 果维持"])
    True
    >>> header_unsure(["行政复议 行政诉讼", "结 纠正 其他 尚未 总计 未经复议直接起诉 复议后起诉", "果维持 审结"])
    False
    """
    return _told(tuple(header)) is None


@parser_memo(1 << 4)
def _told(header: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
    """``(the proceedings, the outcomes)`` in the order the header prints them as far as it says (the template's
    otherwise); None when it does not tell (``header_unsure``). A PDF's text whose names wrap over lines tells the
    template's order where every way its words stack (``_stacked_readings``) reads it, another where they stack one
    way only and the rows read the same (a text layer may print a wrapped cell's words out of their places)."""
    rows = [cells for line in header if (cells := _cells(line))]
    placed = names_in_place(list(header))
    proceedings = _proceedings(rows + _wrapped_in_place(list(header)) + placed)
    outcomes = next((named for cells in placed + rows + _wrapped_rows(rows) + _wrapped_in_place(list(header))
                     if (named := _outcomes(cells))), list(outcome_codes()))
    readings = _stacked_readings(header)
    if readings is None:
        return proceedings, outcomes
    if not readings:  # (wrapped words no way of stacking reads: three lines high, whole names on a lower line …)
        return None if _whole_names_out_of_order(header) else (proceedings, outcomes)
    review, direct, after = proceeding_codes()
    lawsuits = tuple(p for p in proceedings if p != review)

    def fits(reading: tuple, said_outcomes: tuple, said_lawsuits: tuple) -> bool:
        return reading[0] in (None, said_outcomes) and reading[1] in (None, said_lawsuits)

    if all(fits(r, tuple(outcome_codes()), (direct, after)) for r in readings):
        at = proceedings.index(review)
        return [*((direct, after)[:at]), review, *((direct, after)[at:])], list(outcome_codes())
    if len(readings) == 1 and fits(next(iter(readings)), tuple(outcomes), lawsuits):
        return proceedings, outcomes
    return None


@cache
def _name_chars() -> frozenset[str]:
    """The characters of table 四's outcome and proceeding names (``rules/outcome_labels.csv``,
    ``rules/proceeding_labels.csv``): a header word with none (项目) is no name's part."""
    text = "".join(p.pattern for name in ("outcome_labels", "proceeding_labels") for _, p in patterns(name))
    return frozenset(re.sub(r"[|()?:]", "", text)) | frozenset("行政诉讼")


@parser_memo(1 << 10)
def _name_code(text: str) -> str | None:
    """``kind:code`` of the one outcome or proceeding ``text`` names whole (``_whole``), its note aside; None else.

    >>> _name_code("尚未审结（件）"), _name_code("行政诉讼"), _name_code("尚未")
    ('outcome:pending', 'proceeding:litigation', None)
    """
    kind = _whole(text)
    if kind is None:
        return None
    bare = _NOTE.sub("", text)
    if _LITIGATION.fullmatch(bare):
        return "proceeding:litigation"
    code = next(code for code, pattern in patterns(f"{kind}_labels") if pattern.search(bare))
    return f"{kind}:{code}"


WINDOW = 2  # lines a row of wrapped names stands on in a PDF's text (a head over its tail)
MAX_STACKED_LINES = 8  # lines of words a table 四 header prints (three rows of names, each wrapped, and 项目)


def _stacked_readings(header: tuple[str, ...]) -> frozenset[tuple] | None:
    """``{(the outcomes' order or None, the two lawsuits' order or None)}``: every reading of a PDF's text header
    (words apart by spaces, no cells) some of whose words are no whole name (a name wrapped over two lines, 尚未 over
    审结, 复议后 over 起诉), its lines cut into rows of one or two lines, each row's words stacked into whole names
    (``word_stacks.stackings``) — a row's outcomes the five once, or the same five for each proceeding, and every row
    naming outcomes naming them alike. None for a header of cells, or one whose every word is a whole name (read as
    before); empty where no reading fits (``_told``)."""
    if any("\t" in line or "|" in line for line in header):
        return None
    lines = [words for line in header if not _NOT_HEADER.search(line)
             if (words := [w for w in line.split() if _name_chars() & set(_NOTE.sub("", w)) or _BRACKET.search(w)])]
    if len(lines) > MAX_STACKED_LINES or not any(_name_code(w) is None for words in lines for w in words):
        return None  # (more lines of words than a header prints: prose, whose cuts into rows would be exponential)
    return _cut_readings(tuple(tuple(words) for words in lines))


def _whole_names_out_of_order(header: tuple[str, ...]) -> bool:
    """Whether a header line prints outcomes, or the two lawsuits, each whole at least once, in another order than
    the template's, taken where each first stands whole on the line (the three proceedings' groups wrap alike, so
    these are the first group's): a PDF's text header whose wrapped words no stacking reads (a name over three lines,
    the whole names a line below the wrapped ones' heads) is then no header of the template's order, and reading it
    so published each number under another outcome's name.

    >>> _whole_names_out_of_order(("纠正 总计 尚 结 其他结果", "未审 果维", "结 持"))
    True
    >>> _whole_names_out_of_order(("结 结果纠正 其他结果 尚 总计 结 结果纠正", "果维 未审", "持 结"))
    False
    """
    template = {code: at for at, code in enumerate(outcome_codes())} | {
        code: at for at, code in enumerate(proceeding_codes()[1:])}
    for line in header:
        first: dict[str, int] = {}
        for word in line.split():
            name = _name_code(word)
            kind, _, code = (name or "::").partition(":")
            if kind == "outcome" or (kind == "proceeding" and code in proceeding_codes()[1:]):
                first.setdefault(f"{kind}:{code}", len(first))
        for kind in ("outcome", "proceeding"):
            seen = [template[k.split(":")[1]] for k in sorted(first, key=first.get) if k.startswith(kind)]
            if seen != sorted(seen):
                return True
    return False


def _cut_readings(lines: tuple[tuple[str, ...], ...]) -> frozenset[tuple]:
    """The readings (``_stacked_readings``) of ``lines`` cut into rows of one or two lines, the first row's first."""
    if not lines:
        return frozenset({(None, None)})
    out: set[tuple] = set()
    for size in range(1, min(WINDOW, len(lines)) + 1):
        window, rest = lines[:size], lines[size:]
        # (each column's top word on the row's first line — its name's head, or a name one line high — so that a
        # row's readings are few: two lines of whole names are two rows, not their every interleaving)
        here = {r for r in map(_row_reading, stackings([list(w) for w in window], _name_code, len(window[0]))) if r}
        if here:
            after = _cut_readings(rest)
            out |= {joined for a in here for b in after if (joined := _agreeing(a, b))}
    return frozenset(out)


def _row_reading(names: tuple[str, ...]) -> tuple | None:
    """``(outcomes' order or None, lawsuits' order or None)`` a row of names says; None when its outcomes are not the
    five once or alike for each proceeding, or it names a lawsuit twice."""
    outcomes = tuple(n.split(":")[1] for n in names if n.startswith("outcome:"))
    lawsuits = tuple(c for n in names if (c := n.split(":")[1]) in proceeding_codes()[1:])
    group = len(outcome_codes())
    if outcomes and (len(outcomes) % group or sorted(outcomes[:group]) != sorted(outcome_codes())
                     or outcomes != outcomes[:group] * (len(outcomes) // group)):
        return None
    if len(set(lawsuits)) != len(lawsuits):
        return None
    return (outcomes[:group] or None, lawsuits if len(lawsuits) == 2 else None)


def _agreeing(a: tuple, b: tuple) -> tuple | None:
    """Two rows' readings as one, when what both say agrees."""
    if any(x is not None and y is not None and x != y for x, y in zip(a, b, strict=True)):
        return None
    return tuple(x if x is not None else y for x, y in zip(a, b, strict=True))


def _wrapped_rows(rows: list[list[str]]) -> list[list[str]]:
    """Each pair of neighbouring header rows joined cell by cell: an outcome row whose words wrap in their
    columns (``总 结果 结果 其他 尚未`` over ``计 维持 纠正 结果 审结``), the lower row a cell short when the first
    column (项目) is one line high. Before, neither row named the outcomes, and 15 numbers under 总计 first were
    read in the template's order: each group's total published as 结果维持, told only by identity_broken.

    >>> _wrapped_rows([["总", "结果", "结果", "其他", "尚未"], ["计", "维持", "纠正", "结果", "审结"]])
    [['总计', '结果维持', '结果纠正', '其他结果', '尚未审结']]
    """
    pairs = (joined_columns(top, bottom) for top, bottom in zip(rows, rows[1:], strict=False))
    return [joined for joined in pairs if joined is not None]


def _wrapped_in_place(header: list[str]) -> list[list[str]]:
    """Each pair of neighbouring header lines of tab cells, as many on each, joined cell by cell with their empty
    cells kept: outcomes wrapped in their columns beside one that is not (``尚未 结果 结果 其他 总计`` over ``审结 维持
    纠正 结果`` and an empty cell under 总计), which ``_wrapped_rows`` cannot line up once the empty cells are dropped.
    Before, no row named the outcomes, and outcomes printed in another order than the template's (尚未审结 first)
    were read in the template's: each number published under another outcome, the totals holding either way.

    >>> tab = chr(9)
    >>> _wrapped_in_place([f"尚未{tab}结果{tab}总计", f"审结{tab}维持{tab}"])
    [['尚未审结', '结果维持', '总计']]
    """
    lines = [_cells_in_place(line) if _cells(line) else None for line in header]
    pairs = zip(lines, lines[1:], strict=False)
    return [[a + b for a, b in zip(top, bottom, strict=True) if a + b] for top, bottom in pairs
            if top and bottom and len(top) == len(bottom)]


def names_in_place(header: list[str]) -> list[list[str]]:
    """The names each column of cells stands under, read down the column: for each run of header lines of cells
    (tabs, a pipe table's) of one count, a row of the outcomes its columns name, left to right, and a row of the
    proceedings. A column's words top to bottom are cut into whole names (``_whole_names``): a name wrapped in its
    narrow cell over two lines (尚未 / 审结, 复议后 / 起诉), or over lines a whole name beside it stands between (a
    PDF's text written in cells where its words stand, ``pdf_header_cells``: 尚未 / 总计 / 审结), or in one cell of
    a ruled PDF's table (``尚未 审结``). Nothing for a run where a column's words are not whole names or name two
    outcomes (where the names stand is not sure). Before, such names named no column, and table 四 printed in
    another order than the template's (尚未审结 first, 复议后起诉 before 未经复议直接起诉) was read in the template's:
    each number published under another column's name, the totals holding either way.

    >>> tab = chr(9)
    >>> names_in_place([f"尚未{tab}{tab}复议后", f"{tab}总计{tab}起诉", f"审结{tab}{tab}结果 维持"])
    [['尚未审结', '总计', '结果维持'], ['复议后起诉']]
    >>> names_in_place([f"尚未{tab}结果", f"审{tab}维持"])
    []
    """
    lines = [[_compact(c) for c in cells] if (cells := _cells_in_place(line)) and _cells(line) else None
             for line in header]
    out: list[list[str]] = []
    start = 0
    while start < len(lines):
        end = start + 1
        while lines[start] and end < len(lines) and lines[end] and len(lines[end]) == len(lines[start]):
            end += 1
        if lines[start]:
            out += _run_names(lines[start:end])
        start = end
    return out


def _compact(cell: str) -> str:
    return "".join(cell.split())


def _run_names(run: list[list[str]]) -> list[list[str]]:
    """``[outcomes, proceedings]`` the columns of a run of header lines name (``names_in_place``), or nothing."""
    outcomes, proceedings = [], []
    for column in zip(*run, strict=True):
        names = _whole_names([c for c in column if c])
        if names is None:
            return []
        kinds = [kind for kind, _ in names]
        if kinds.count("outcome") > 1:
            return []
        outcomes += [name for kind, name in names if kind == "outcome"]
        proceedings += [name for kind, name in names if kind == "proceeding"]
    return [cells for cells in (outcomes, proceedings) if cells]


def _whole_names(pieces: list[str]) -> list[tuple[str, str]] | None:
    """A column's words, top to bottom, cut into whole names (``_whole``), the longest first: ``(kind, name)`` each;
    None when a word is left that makes none."""
    out, at = [], 0
    while at < len(pieces):
        for end in range(len(pieces), at, -1):
            if (kind := _whole("".join(pieces[at:end]))) is not None:
                out.append((kind, "".join(pieces[at:end])))
                at = end
                break
        else:
            return None
    return out


@lru_cache(maxsize=1 << 10)
def _whole(text: str) -> str | None:
    """``outcome`` or ``proceeding`` when ``text`` (its note in brackets aside) is made of one outcome's or one
    proceeding's words only (``rules/outcome_labels.csv``, ``rules/proceeding_labels.csv``; 行政诉讼 a
    proceeding's group), else None.

    >>> _whole("尚未审结"), _whole("未经复议直接起诉"), _whole("复议后"), _whole("复议后起诉结果维持")
    ('outcome', 'proceeding', None, None)
    """
    bare = _NOTE.sub("", text)
    found = [(kind, code) for kind, name in (("outcome", "outcome_labels"), ("proceeding", "proceeding_labels"))
             for code, pattern in patterns(name) if pattern.search(bare)]
    if _LITIGATION.fullmatch(bare):
        return "proceeding"
    if len(found) != 1:
        return None
    kind, code = found[0]
    pattern = dict(patterns(f"{kind}_labels"))[code]
    return kind if bare and not pattern.sub("", bare) else None


def _cells_in_place(line: str) -> list[str] | None:
    """A header line's cells with its empty ones kept: tab cells, or a pipe table's (its outer pipes dropped: a pipe
    table's wrapped names were read in the template's order before, as the tab table's were until this session);
    None for a line of neither.

    >>> _cells_in_place("| 尚未 | 结果 | 总计 |"), _cells_in_place("尚未 结果 总计")
    (['尚未', '结果', '总计'], None)

    A space inside a cell is no cell's edge (a web page's 尚未<br>审结, read as 尚未 审结):
    >>> _cells_in_place("总计\\t尚未 审结\\t复议后起诉")
    ['总计', '尚未审结', '复议后起诉']
    """
    if "\t" in line:
        return ["".join(c.split()) for c in line.split("\t")]
    if line.strip()[:1] == "|" and line.strip()[-1:] == "|":
        return ["".join(c.split()) for c in line.strip()[1:-1].split("|")]
    return None


def _cells(line: str) -> list[str] | None:
    """A header row's cells (apart by tabs, pipes or spaces), or None for a line that is no header row: one
    holding a digit or a sentence's punctuation, or a run of words longer than a header cell's.

    >>> _cells("行政复议 行政诉讼（复议后起诉） 行政诉讼（未经复议直接起诉）")[1]
    '行政诉讼（复议后起诉）'
    >>> _cells("本机关行政复议和行政诉讼情况如下") is None
    True
    >>> _cells("总计\\t结果维持\\t尚未 审结")  # (a web page's 尚未<br>审结: before, two cells, no outcomes' row)
    ['总计', '结果维持', '尚未审结']
    """
    if _NOT_HEADER.search(line):
        return None
    placed = _cells_in_place(line)  # (cells known: a space inside one is a wrapped name's, 尚未 审结)
    cells = [c for c in placed if c] if placed is not None else [c for c in _CELL_APART.split(line.strip()) if c]
    # (a note or unit in brackets is no run of words: 行政诉讼（未经复议直接起诉）, 复议后起诉（件） are header cells —
    # before, such a row was no header, and 复议后起诉 printed first was read in the template's order, each lawsuit's
    # five numbers published under the other's name, no finding)
    return cells if cells and all(len(_NOTE.sub("", c)) <= MAX_HEADER_CELL and len(c) <= MAX_TOTALS_CELL
                                  for c in cells) else None


def order_names(order: Order) -> str:
    """The printed order in words: ``复议后起诉·结果维持、…``, each proceeding once with its outcomes."""
    columns = [(p, o) for p in proceeding_codes() for o in outcome_codes()]
    group = len(outcome_codes())
    parts = []
    for start in range(0, len(order), group):
        proceeding = columns[order[start]][0]
        outcomes = "、".join(labels()["outcomes"][columns[i][1]] for i in order[start:start + group])
        parts.append(f"{labels()['proceedings'][proceeding]}（{outcomes}）")
    return "；".join(parts)


def _named(cell: str, alternatives) -> str | None:
    """The one code of ``alternatives`` (``(code, pattern)`` pairs) a cell names, or None (none, or several)."""
    codes = {code for code, pattern in alternatives if pattern.search(cell)}
    return codes.pop() if len(codes) == 1 else None


def _proceedings(rows: list[list[str]]) -> list[str]:
    """The three proceedings in printed order, as far as a header row says it (the template's otherwise)."""
    review, direct, after = proceeding_codes()
    litigation = [direct, after]
    alternatives = patterns("proceeding_labels")
    review_first = True
    for cells in rows:
        named = [_named(c, alternatives) or ("litigation" if _LITIGATION.fullmatch(c) else None) for c in cells]
        if direct in named and after in named:
            litigation.sort(key=named.index)
        if review in named and ("litigation" in named or (direct in named and after in named)):
            others = [i for i, code in enumerate(named) if code in ("litigation", direct, after)]
            review_first = named.index(review) < min(others)
    return [review, *litigation] if review_first else [*litigation, review]


def _outcomes(cells: list[str]) -> list[str] | None:
    """The five outcomes in a header row's order, when its first five outcome cells are the five."""
    alternatives = patterns("outcome_labels")
    named = [code for cell in cells if (code := _named(cell, alternatives))][:len(alternatives)]
    return named if sorted(named) == sorted(outcome_codes()) else None


def outcomes_printed(header: list[str]) -> list[str] | None:
    """The five outcomes in the order the header lines first name them, whatever their layout (a row of cells, or
    one cell a line as a column-wise export prints them: 结果维持 | over 结果 纠正 | …), or None when the lines do not
    name all five. ``header_order`` is None both for a header naming the template's order and for one it cannot
    read; this tells a header that prints its outcomes from none.

    >>> outcomes_printed(["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计"])
    ['upheld', 'corrected', 'other', 'pending', 'total']
    >>> outcomes_printed(["结果维持 |", "结果 纠正 |", "其他 结果 |", "尚未 审结 |", "总计 |"])[-1]
    'total'
    >>> outcomes_printed(["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]) is None
    True
    """
    text = "|".join(re.sub(r"\s+", "", line) for line in header if not _NOT_HEADER.search(line))
    first = {code: match.start() for code, pattern in patterns("outcome_labels")
             if (match := pattern.search(text)) is not None}
    return sorted(first, key=first.__getitem__) if len(first) == len(outcome_codes()) else None


MAX_TOTALS_CELL = 16  # characters: a totals-only header names a proceeding in full (行政诉讼（未经复议直接起诉）总计)


def totals_only_order(header: list[str]) -> list[str] | None:
    """The three proceedings in the order a header printing only their totals names them, or None when the header
    is not one: it names an outcome other than 总计 (结果维持 …: the table has outcome columns), or it does not say
    the order (one row naming the three in three cells; or a row naming 行政复议 beside 行政诉讼 and a row naming
    未经复议直接起诉 beside 复议后起诉). Table 四 printed as 行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉 over
    总计 | 总计 | 总计 and one row of three numbers: each number is its column's total, and only the header can
    say which column is which — a default order would be a guess.

    >>> totals_only_order(["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", "总计 总计 总计"])
    ['review', 'litigation_direct', 'litigation_after_review']
    >>> totals_only_order(["行政诉讼（复议后起诉） 行政诉讼（未经复议直接起诉） 行政复议"])
    ['litigation_after_review', 'litigation_direct', 'review']
    >>> totals_only_order(["行政复议 行政诉讼", "结果维持 总计 未经复议直接起诉 复议后起诉"]) is None
    True
    >>> totals_only_order(["行政诉讼", "行政复议", "未经复议直接起诉 复议后起诉"]) is None  # two rows apart: unsaid
    True
    """
    rows = [cells for line in header if not _NOT_HEADER.search(line)
            and (cells := [c for c in _CELL_APART.split(line.strip()) if c])
            and all(len(c) <= MAX_TOTALS_CELL for c in cells)]
    others = [pattern for code, pattern in patterns("outcome_labels") if code != "total"]
    if any(p.search(cell) for cells in rows for cell in cells for p in others):
        return None
    review, direct, after = proceeding_codes()
    alternatives = patterns("proceeding_labels")
    if len(rows) > 1 and all(len(cells) == 1 for cells in rows):
        return _totals_one_a_line([cells[0] for cells in rows])
    review_first = litigation = None
    for cells in rows:
        named = [_named(c, alternatives) or ("litigation" if _LITIGATION.fullmatch(c) else None) for c in cells]
        if sorted(filter(None, named)) == sorted(proceeding_codes()):
            return [code for code in named if code]
        if direct in named and after in named:
            litigation = sorted((direct, after), key=named.index)
        if review in named and "litigation" in named:
            review_first = named.index(review) < named.index("litigation")
    if review_first is None or litigation is None:
        return None
    return [review, *litigation] if review_first else [*litigation, review]


def _totals_one_a_line(cells: list[str]) -> list[str] | None:
    """The order of a totals-only header printed one cell a line (PDF text of a table whose cells are read one by
    one: 行政复议 / 行政诉讼 / 未经复议直接起诉 / 复议后起诉 / 总计 / 总计 / 总计), or None where it is not sure.
    Cells of one header row come in the order they stand, so three cells naming the three proceedings, or
    未经复议直接起诉 and 复议后起诉 under 行政诉讼, say their order. 行政复议 before 行政诉讼 says 行政复议 is the
    first column: a 行政复议 cell two rows high standing right of 行政诉讼 is read after it (its words lie lower, or
    on 行政诉讼's line and to its right). 行政复议 after 行政诉讼 says nothing: that is also how the template's
    own 行政复议 cell, two rows high at the left, may be read.

    >>> _totals_one_a_line(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "总计", "总计", "总计"])
    ['review', 'litigation_direct', 'litigation_after_review']
    >>> _totals_one_a_line(["项目", "行政诉讼（复议后起诉）", "行政复议", "行政诉讼（未经复议直接起诉）", "总计"])
    ['litigation_after_review', 'review', 'litigation_direct']
    >>> _totals_one_a_line(["行政复议", "行政诉讼", "复议后起诉", "未经复议直接起诉", "总计", "总计", "总计"])
    ['review', 'litigation_after_review', 'litigation_direct']
    >>> _totals_one_a_line(["行政诉讼", "行政复议", "未经复议直接起诉", "复议后起诉", "总计", "总计", "总计"]) is None
    True
    """
    review, direct, after = proceeding_codes()
    alternatives = patterns("proceeding_labels")
    named = [code for c in cells if (code := _named(c, alternatives) or (
        "litigation" if _LITIGATION.fullmatch(c) else None))]
    if sorted(named) == sorted(proceeding_codes()):
        return named
    if sorted(named) != sorted(["litigation", *proceeding_codes()]) or named.index(review) > named.index("litigation"):
        return None
    return [review, *sorted((direct, after), key=named.index)]


# a header cell naming a column group that sums other groups (a 合计 of the lawsuits, or of all three proceedings)
_SUM_CELL = re.compile(r"(?:行政诉讼)?(?:合计|小计)")


def sum_group_place(header: list[str]) -> tuple[int, tuple[int, ...]] | None:
    """``(the printed group of five a 合计 (or 小计) header cell names, the printed groups it sums)`` for a table 四
    printed in four groups of five: 行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉 | 合计 (the lawsuits' sum),
    or 行政复议 | 行政诉讼 | 合计 (all three proceedings'). The place is counted on the header row naming it, 行政诉讼
    two groups wide where that row does not name the two lawsuits; a row of the two lawsuits starts after 行政复议
    when 行政复议 is printed first. None when no one header row says it: no 合计 cell, two of them, or a row whose
    groups do not make the four.

    >>> sum_group_place(["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉 合计", "结果维持 总计"])
    (3, (1, 2))
    >>> sum_group_place(["行政诉讼 行政复议", "合计 未经复议直接起诉 复议后起诉"])
    (0, (1, 2))
    >>> sum_group_place(["行政复议 行政诉讼 合计", "未经复议直接起诉 复议后起诉"])
    (3, (0, 1, 2))
    >>> sum_group_place(["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]) is None
    True
    """
    rows = [cells for line in header if (cells := _cells(line))]
    found = [(cells, i) for cells in rows for i, c in enumerate(cells) if _SUM_CELL.fullmatch(c)]
    if len(found) != 1:
        return None
    cells, at = found[0]
    review, direct, after = proceeding_codes()
    alternatives = patterns("proceeding_labels")
    named = [_named(c, alternatives) or ("litigation" if _LITIGATION.fullmatch(c) else None) for c in cells]
    apart = direct in named and after in named
    width = {review: 1, direct: 1, after: 1, "litigation": 1 if apart else 2}
    place = sum(width.get(code, 0) for code in named[:at])
    groups = sum(width.get(code, 0) for code in named) + 1
    if review in named:  # (the proceedings' row: its 合计 sums the three)
        return (place, tuple(g for g in range(4) if g != place)) if groups == 4 else None
    if groups != 3 or not apart:
        return None
    review_at = 0 if _proceedings(rows)[0] == review else 3  # (行政复议 printed before the lawsuits' row, or after)
    place += 1 if review_at == 0 else 0
    return place, tuple(g for g in range(4) if g not in (place, review_at))
