"""What a report read back from outside this process may hold: no more than reading and parsing a file could give.

A parse cache entry (``parse_cache``: a folder restored by CI, which whoever can write it could fill) and a worker's
shard (``store``: on the workers' shared storage with ``--dask``) hold a report as data. Their hashes catch damage,
not forgery: a forged entry that decodes is checked here before it is used, and one that fails is parsed again
from its file (said on stderr, as any damaged entry is). What passes is what a report could carry:

* every field has the type its annotation says (``check_types``: a count is an ``int``, never a ``bool``, a text or a
  list; an amount a finite ``Decimal``; a name a ``str``; no field, list or dictionary of another shape), within
  ``MAX_ITEMS`` items, each text within the reader's ``BUDGET.text_chars`` characters and a report's text within
  its ``BUDGET.lines`` lines too (an entry of 256 MB of text was taken whole into the build's own process);
* a number within ``MAX_DIGITS`` digits (a parse reads at most that many; ``Decimal("1e999999")`` is none);
* each finding of a catalogued code, with its catalogued severity (a forged ``error`` cannot be said to be a
  ``warning``, nor a made-up code listed);
* ids and codes of the shapes the code makes them: a report id and an agency id of ``[a-z0-9-]`` (an agency id
  names files and addresses of the site: ``../../x`` would name one outside it), division codes of digits, a
  SHA-256 of 64 hex digits, a file type one of the readers', a status one of three;
* the head the parent used (``store.Head``) the head of the report its row holds (``same_head``).

Names, sections and findings' texts may hold anything a report's text may: every sink escapes them as it escapes a
report's (HTML, attributes, CSV cells, the terminal). The source file and the report id are those of the file the
entry is looked up for (``parse_cache.row_from``), so an entry cannot name another file or a path.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from decimal import Decimal
from functools import cache
from typing import Union, get_args, get_origin, get_type_hints

from ..readers import BUDGET

MAX_ITEMS = BUDGET.lines  # items of one list or dictionary (a report's facts and findings: some hundreds)
MAX_DIGITS = 30  # digits of a number (a report's largest are amounts of some ten digits)
KINDS = frozenset({"", "text", "html", "docx", "doc", "pdf", "ofd", "image", "unsupported", "manifest"})
STATUSES = frozenset({"parsed", "partial", "failed"})
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CODE = re.compile(r"[0-9]{0,12}")
_SHA256 = re.compile(r"(?:[0-9a-f]{64})?")
_ENCODING = re.compile(r"[A-Za-z0-9_.-]{1,40}")


def check_types(hint, value, where: str = "report") -> None:
    """Raise ValueError unless ``value`` is of the type annotation ``hint`` (a dataclass, ``list[…]``,
    ``tuple[…]``, ``dict[…]``, a union, a plain type) all the way down, within ``MAX_ITEMS`` and ``MAX_DIGITS``."""
    if not _checker(hint)(value):
        raise ValueError(f"{where}: a value not of the shape a parse gives")


@cache
def _checker(hint) -> Callable[[object], bool]:
    """One checking function per annotation, built once (a report's hundreds of facts are checked in a loop each)."""
    if is_dataclass(hint):
        hints = get_type_hints(hint)
        parts = [(f.name, _checker(hints[f.name])) for f in fields(hint)]

        def dataclass_check(value) -> bool:
            if type(value) is not hint:
                return False
            for name, check in parts:
                if not check(getattr(value, name)):
                    return False
            return True
        return dataclass_check
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        options = [_checker(a) for a in args if a is not type(None)]
        none = type(None) in args
        if len(options) == 1:
            only = options[0]
            return (lambda value: value is None or only(value)) if none else only

        def union_check(value) -> bool:
            if value is None:
                return none
            for check in options:
                if check(value):
                    return True
            return False
        return union_check
    if origin is list:
        item = _checker(args[0])
        return lambda value: type(value) is list and len(value) <= MAX_ITEMS and all(map(item, value))
    if origin is dict:
        key, item = _checker(args[0]), _checker(args[1])
        return lambda value: (type(value) is dict and len(value) <= MAX_ITEMS
                              and all(map(key, value)) and all(map(item, value.values())))
    if origin is tuple:
        if args[-1:] == (Ellipsis,):
            item = _checker(args[0])
            return lambda value: type(value) is tuple and len(value) <= MAX_ITEMS and all(map(item, value))
        items = [_checker(a) for a in args]
        if all(a is str for a in args):  # (a fact's keys)
            return lambda value: (type(value) is tuple and len(value) == len(items)
                                  and all(type(v) is str and len(v) <= BUDGET.text_chars for v in value))
        return lambda value: (type(value) is tuple and len(value) == len(items)
                              and all(check(v) for check, v in zip(items, value, strict=True)))
    if hint is type(None) or hint is None:
        return lambda value: value is None
    if hint is int:
        return lambda value: type(value) is int and -_LIMIT < value < _LIMIT
    if hint is Decimal:
        return lambda value: (type(value) is Decimal and value.is_finite() and abs(value.adjusted()) <= MAX_DIGITS
                              and len(value.as_tuple().digits) <= MAX_DIGITS)
    if hint is str:
        return lambda value: type(value) is str and len(value) <= BUDGET.text_chars
    if hint is bool:
        return lambda value: type(value) is bool
    if hint is dict:  # (a report's manifest row: its cells' texts)
        cell = _checker(str | None)
        return lambda value: (type(value) is dict and len(value) <= MAX_ITEMS
                              and all(type(k) is str for k in value) and all(map(cell, value.values())))
    return lambda value: False  # (a type no stored report holds: nothing passes)


_LIMIT = 10**MAX_DIGITS


def check_report(report) -> None:
    """Raise ValueError unless ``report`` (a ``collect.Report`` read back from a row) holds what a parse could give
    (see the module docstring)."""
    from ..agency.resolve import Agency
    from .collect import Report

    if type(report) is not Report:
        raise ValueError("report: not a report")
    hints = get_type_hints(Report)
    for field in fields(Report):  # (its identity as the store decodes it: an Agency, or None)
        check_types(Agency | None if field.name == "identity" else hints[field.name], getattr(report, field.name),
                    f"report's {field.name}")
    text = report.text
    if len(text) > BUDGET.text_chars or text.count("\n") + 1 > BUDGET.lines:
        raise ValueError("report: a text longer than the reader gives")
    _check_findings([*report.file_findings, *report.record.findings,
                     *(report.identity.findings if report.identity is not None else ())])
    _check_ids(report.report_id, report.sha256, report.kind, report.identity)
    if report.encoding is not None and not _ENCODING.fullmatch(report.encoding):
        raise ValueError("report: an encoding no reader names")


def check_head(head) -> None:
    """Raise ValueError unless ``head`` (a ``store.Head`` read back from a parse cache entry) is of the shapes the
    code makes (see the module docstring)."""
    from .store import Head

    check_types(Head, head, "head")
    if head.status not in STATUSES:
        raise ValueError("head: a status no report has")
    _check_findings([*head.file_findings, *head.identity.findings])
    _check_ids(head.report_id, head.sha256, head.kind, head.identity)


def same_head(head, report) -> None:
    """Raise ValueError unless ``head`` is what ``report`` gives (``store.head_of``), its shard and the findings
    and marks the cross-report steps added to it aside."""
    from .store import head_of

    made = head_of(report, head.shard)
    mine = (head.source_file, head.report_id, head.sha256, head.kind, head.status, head.identity, head.record)
    if mine != (made.source_file, made.report_id, made.sha256, made.kind, made.status, made.identity, made.record):
        raise ValueError("head: not the head of the report its row holds")


def _check_findings(findings: list) -> None:
    from ..catalog import findings_catalogue

    catalogue = findings_catalogue()
    for finding in findings:
        if finding.code not in catalogue or finding.severity != catalogue[finding.code]["severity"]:
            raise ValueError("a finding of no catalogued code and severity")


def _check_ids(report_id: str, sha256: str, kind: str, identity) -> None:
    if report_id and not _ID.fullmatch(report_id):
        raise ValueError("a report id of another shape than the code makes")
    if not _SHA256.fullmatch(sha256) or kind not in KINDS:
        raise ValueError("a checksum or a file type no reader gives")
    if identity is None:
        return
    if identity.agency_id is not None and not _ID.fullmatch(identity.agency_id):
        raise ValueError("an agency id of another shape than the code makes")
    if not all(_CODE.fullmatch(code) for code in (identity.province_code, identity.city_code, identity.county_code)):
        raise ValueError("a division code of another shape than the code makes")
