"""Placing rows whose label no alias matched, by the template's fixed row sequence, proven by identities.

A PDF text layer drops characters (``2.其他法律行政法规禁公`` for ``…禁止公开``), so a row can carry its
numbers under a label no rule recognises. Its place is still known: the rows *recognised* before and
after it bound a gap in the template's sequence (``row_codes``), and the rows missing from that gap are
its only candidates. Inside a gap, rows are matched to candidates in order; when there are fewer rows
than candidates the order-preserving choice with the most characters in common with the template labels
wins, and only when it wins alone. An item number printed in the label (``2.``) must agree.

A placement is **kept only when it is proven**: with it, no identity of the table is broken, and every
placed cell is pinned by a column identity (changing it by one would break one). Otherwise the rows stay
unplaced and keep the finding they get today.

>>> label_similarity("2.其他法律行政法规禁公", "2.其他法律行政法规禁止公开")
0.917
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .memo import parser_memo
from .text import compact

MIN_SIMILARITY = 0.5  # at least half the characters of the template label must be there
MAX_CHOICES = 5_000
# the numbering a row label starts with: （一）, 一、 or 1. (a digit run inside a number is no marker)
# (a sub-item's number may be printed in brackets, （3）其他 or ⑶: the same 3. — compact folds ⑶ and （3） to (3))
_MARKER = re.compile(r"[(（]([一二三四五六七八九十])[)）]|([一二三四五六七八九十])、|(?<![\d.])(\d{1,2})[.、](?!\d)"
                     r"|\((\d{1,2})\)(?=[^\d)])")
_GROUP_PREFIX = re.compile(r"^.*?[)）]\s*(?=\d[.、．])")
_NOISE = re.compile(r"[\s()（）.、．“”\"]")


@dataclass(frozen=True)
class Placement:
    """``row_index`` (into the rows seen) placed at template row ``code``, and how it was chosen."""

    row_index: int
    code: str
    placed_by: str  # "label_similarity" | "position"
    similarity: float


def _item_part(label: str) -> str:
    """The item's own words: ``（三）不予公开 1.属于国家秘密`` → ``1.属于国家秘密``."""
    return _GROUP_PREFIX.sub("", compact(label))


def label_similarity(seen: str, template: str) -> float:
    """Dice coefficient of the characters two labels have in common (punctuation ignored), in [0, 1]."""
    a = Counter(_NOISE.sub("", compact(seen)))
    b = Counter(_NOISE.sub("", _item_part(template)))
    if not a or not b:
        return 0.0
    common = sum((a & b).values())
    return round(2 * common / (sum(a.values()) + sum(b.values())), 3)


def _normal(match: re.Match) -> str:
    paren, numeral, digits, bracketed = match.groups()
    return f"({paren})" if paren else (f"{numeral}、" if numeral else f"{digits or bracketed}.")


def last_marker(label: str) -> str | None:
    """The numbering of the last item a label names: ``（三）不予公开 1.属于国家秘密`` → ``1.``."""
    found = list(_MARKER.finditer(compact(label)))
    return _normal(found[-1]) if found else None


@parser_memo(1 << 14)  # the same labels recur in every report
def label_pieces(label: str) -> tuple[str, ...]:
    """The parts of a run of detached label text that each begin with a row's numbering (and the text
    before the first numbering).

    >>> label_pieces("（三）不予公开5.属于三类内部事务信1.本机关不掌握相关政府信息")
    ('(三)不予公开', '5.属于三类内部事务信', '1.本机关不掌握相关政府信息')
    """
    text = compact(label)
    starts = sorted({0} | {m.start() for m in _MARKER.finditer(text)})
    return tuple(text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True) if text[a:b])


def template_markers(template: Sequence[str], template_labels: dict[str, str]) -> frozenset[str]:
    """The numberings the template's rows begin with (``一、`` ``(一)`` ``1.`` …; group headers are not rows)."""
    return frozenset(m for m in (last_marker(_item_part(template_labels[c])) for c in template) if m)


def _numbers_agree(seen: str, template: str) -> bool:
    printed, expected = last_marker(seen), last_marker(_item_part(template))
    return printed is None or expected is None or printed == expected


def _gap_choices(labels_seen: list[str], candidates: list[str], template_labels: dict[str, str]):
    """Order-preserving assignments of the gap's rows to its candidate codes, best first, with scores."""
    k = len(labels_seen)
    out = []
    for count, chosen in enumerate(itertools.combinations(candidates, k)):
        if count >= MAX_CHOICES:
            return []
        if not all(_numbers_agree(s, template_labels[c]) for s, c in zip(labels_seen, chosen, strict=True)):
            continue
        sims = tuple(label_similarity(s, template_labels[c]) for s, c in zip(labels_seen, chosen, strict=True))
        out.append((sum(sims), chosen, sims))
    out.sort(key=lambda item: -item[0])
    return out


def align_gaps(sequence: Sequence[tuple[int, str | None, str]], template: Sequence[str],
               template_labels: dict[str, str], taken: frozenset[str] = frozenset()) -> list[list[Placement]]:
    """Candidate placements, one list per gap, for the unplaced rows of ``sequence``.

    ``sequence`` is ``(row_index, code or None, label)`` in printed order: a code for a row
    recognised by its label, None for a row carrying numbers under an unrecognised label.
    ``taken`` codes (rows placed elsewhere) are no candidates either. A row numbered like no
    template row (a group header such as ``（三）不予公开`` printed with its subtotal) is skipped.

    >>> template = ["a", "b", "c", "d"]
    >>> names = {"a": "甲项", "b": "1.乙项目", "c": "2.丙项目", "d": "丁项"}
    >>> [[(p.row_index, p.code, p.placed_by) for p in gap]
    ...  for gap in align_gaps([(0, "a", "甲项"), (1, None, "2.丙目"), (2, "d", "丁项")], template, names)]
    [[(1, 'c', 'label_similarity')]]
    """
    position = {code: i for i, code in enumerate(template)}
    taken = set(taken) | {code for _, code, _ in sequence if code in position}
    gaps: list[list[Placement]] = []
    previous = -1
    pending: list[tuple[int, str]] = []

    def flush(upper: int) -> None:
        if not pending:
            return
        candidates = [c for c in template[previous + 1:upper] if c not in taken]
        if len(pending) <= len(candidates):
            ranked = _gap_choices([label for _, label in pending], candidates, template_labels)
            if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                _, chosen, sims = ranked[0]
                gap = [Placement(i, c, "label_similarity" if s >= MIN_SIMILARITY else "position", s)
                       for (i, _), c, s in zip(pending, chosen, sims, strict=True)]
                one_to_one = len(pending) == len(candidates)
                if one_to_one or all(p.placed_by == "label_similarity" for p in gap):
                    gaps.append(gap)
        pending.clear()

    markers = template_markers(template, template_labels)
    for index, code, label in sequence:
        if code is None:
            if last_marker(label) in markers or last_marker(label) is None:  # （三）不予公开 heads a group
                pending.append((index, label))
        elif code in position:
            if position[code] <= previous:  # out of template order: no gap can be trusted here
                pending.clear()
                continue
            flush(position[code])
            previous = position[code]
    flush(len(template))
    return gaps


def is_proven(values: dict, placed: Sequence[tuple[str, tuple]], columns: Sequence[str],
              broken: Callable[[dict], list], pinning: frozenset[str]) -> bool:
    """No identity ``broken`` with the placement, and each placed value pinned: changing it by one
    breaks an identity named in ``pinning`` (one that sums over rows, so the row's place matters)."""
    trial = dict(values)
    for code, row_values in placed:
        trial.update({(code, c): v for c, v in zip(columns, row_values, strict=True)})
    if broken(trial):
        return False
    for code, row_values in placed:
        for column, value in zip(columns, row_values, strict=True):
            if not isinstance(value, int):
                continue
            nudged = dict(trial)
            nudged[(code, column)] = value + 1
            if not any(b.identity in pinning for b in broken(nudged)):
                return False
    return True
