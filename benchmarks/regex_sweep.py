"""Benchmark: no regular expression of ``xxgk`` takes super-linear time on a long line (hostile round of session 40).

Every pattern the package compiles is collected — those at import, and those built from ``rules/*.csv`` when a
report is parsed (``re._compile`` is watched while the seeds and synthetic reports of every layout are read and
parsed, and every cached zero-argument builder is called) — then each is searched in generated strings of growing
length: each literal character and each run of literals of the pattern repeated, digits, blanks, separators and
pairs of these, with and without a character no pattern ends on. For each pattern and string the CPU seconds of
``search`` (and ``match``, ``fullmatch``) at n and 4n characters are compared: a linear pattern takes about 4 times
as long, a quadratic one 16 times. A pattern is listed when the growth's exponent is above 1.5 and the longer input
took over 20 ms; a search stopped at the time limit (``--limit`` seconds) is listed as such. A pattern listed is a
candidate, not a finding: many are used with ``match`` at one place, or on a name of at most 100 characters, or on a
line already cut; ``--parse`` says which reach a report's time. Session 40's run listed some 40 of 441 patterns, and
its parses of long lines found the section headings' patterns on a line of blanks (16,000 took 37 CPU s) and a
numbered note's mark (``cells._note_number``: 24,000 blanks 2.2 s); with
``xxgk.css_rows._TRACK`` (a page's grid template) and ``readers._PAGE_REFERENCE`` (a PDF's page list), found from
the list, these are now linear.

Run: PYTHONPATH=build:. .venv/bin/python -m benchmarks.regex_sweep [--sizes 1000,4000,16000] [--limit 2]
     [--only SUBSTRING] [--all]
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import math
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

_SEEN: dict[tuple, str] = {}
_ORIGINAL = re._compile


def _watching(pattern, flags=0):
    """``re._compile`` noting each pattern compiled from inside ``xxgk`` with the module that compiled it."""
    compiled = _ORIGINAL(pattern, flags)
    if isinstance(pattern, (str, bytes)):
        frame = sys._getframe(1)
        while frame is not None and "/re/" in frame.f_code.co_filename:  # re.compile, re.search, re.sub …
            frame = frame.f_back
        name = frame.f_code.co_filename if frame is not None else ""
        if "/xxgk/" in name:  # not a library's pattern compiled while xxgk called it
            _SEEN.setdefault((pattern, int(flags)), name.split("/xxgk/", 1)[1] + f":{frame.f_lineno}")
    return compiled


def collect() -> dict[tuple, str]:
    """``{(pattern, flags): "module.py:line"}`` of every pattern compiled by ``xxgk`` while its modules are imported,
    its cached builders called and the seeds and synthetic reports read and parsed."""
    re._compile = _watching
    try:
        import xxgk

        modules = []
        for info in pkgutil.walk_packages(xxgk.__path__, "xxgk."):
            try:
                modules.append(importlib.import_module(info.name))
            except Exception as error:  # an optional dependency missing: say so, sweep the rest
                print(f"# not imported: {info.name}: {error}", file=sys.stderr)
        for module in modules:
            for value in list(vars(module).values()):
                if callable(value) and hasattr(value, "cache_info") and getattr(value, "__module__", "") == \
                        module.__name__:
                    try:
                        if not any(p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                                   for p in inspect.signature(value).parameters.values()):
                            value()
                    except Exception:  # a builder needing state the sweep has not: its patterns come from parsing
                        pass
        _parse_samples()
    finally:
        re._compile = _ORIGINAL
    return dict(_SEEN)


def _parse_samples() -> None:
    import tempfile

    from benchmarks.synthetic import write_reports
    from xxgk.parser import parse
    from xxgk.readers import read_path

    root = Path(__file__).resolve().parent.parent
    paths = sorted(p for p in (root / "reports").iterdir() if p.suffix != ".csv" and p.name[0] != ".")
    with tempfile.TemporaryDirectory(prefix="xxgk-regex-sweep-") as work:
        paths += write_reports(10, Path(work) / "prose", seed=3, prose=True)
        for path in paths:
            try:
                parse(read_path(str(path)).parse_text)
            except Exception as error:
                print(f"# not parsed: {path.name}: {error}", file=sys.stderr)


_BASE = ["1", "12", "1 ", " ", "\t", "\u3000", "１", "0.", "1,", "一", "、", "：", "|", "(", "（", "x", "a ", "年",
         "\n", "- ", "—"]


def pieces(pattern: str | bytes) -> list[str]:
    """Literal characters and runs of literals of a pattern's source, plus digits, blanks and separators."""
    text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    plain = re.sub(r"\\[pPdDsSwWbBAZ]|\\.|\(\?[:=!<>P]*[<>]?\w*>?|\{\d*,?\d*\}", " ", text)
    runs = [r for r in re.split(r"[\[\]\(\)\|\*\+\?\.\^\$\{\}\\ -]+", plain) if r]
    singles = sorted({c for r in runs for c in r})
    return list(dict.fromkeys(_BASE + singles[:40] + [r for r in runs if len(r) > 1][:40]))


def shapes(pattern: str | bytes):
    """``(label, make)`` pairs: ``make(n)`` is a string of about n characters."""
    units = pieces(pattern)
    for unit in units:
        for tail in ("", "\x00"):
            yield repr(unit) + ("+NUL" if tail else ""), (lambda n, u=unit, t=tail: u * max(1, n // len(u)) + t)
    mixes = units[:30]
    for a in mixes:
        for b in ("1", " ", a[::-1]):
            if b != a:
                yield repr(a + b), (lambda n, u=a + b: u * max(1, n // len(u)) + "\x00")
    # a literal once, then one long run (what ``match``/``fullmatch`` at a line's start meet: 第 then 64,000 blanks
    # took ``empty_columns.CONTINUED`` 29 CPU s, session 55)
    for a in mixes:
        for run in (" ", "1", "("):
            if run != a:
                yield repr(a) + "+" + repr(run) + "*n", (lambda n, u=a, r=run: u + r * n + "\x00")


class _Late(Exception):
    pass


def alarm(*_):
    raise _Late


def cpu_seconds(function, text, limit: float) -> float:
    """CPU seconds of ``function(text)``, or ``math.inf`` past ``limit`` seconds."""
    signal.setitimer(signal.ITIMER_PROF, limit)
    start = time.process_time()
    try:
        function(text)
    except _Late:
        return math.inf
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return time.process_time() - start


def sweep(patterns: dict[tuple, str], sizes: list[int], limit: float, only: str, every: bool) -> int:
    """Print the patterns whose time grows faster than linearly; return how many."""
    signal.signal(signal.SIGPROF, alarm)
    flagged = 0
    for (source, flags), where in sorted(patterns.items(), key=lambda item: item[1]):
        if only and only not in where and only not in str(source):
            continue
        compiled = re.compile(source, flags)
        worst = None
        for label, make in shapes(source):
            for method in ("search", "match", "fullmatch"):
                times = []
                for n in sizes:
                    text = make(n)
                    if isinstance(source, bytes):
                        text = text.encode("utf-8")
                    times.append(cpu_seconds(getattr(compiled, method), text, limit))
                    if times[-1] == math.inf or times[-1] > limit / 4:
                        break
                if len(times) < 2:
                    continue
                last, before = times[-1], times[-2]
                ratio = sizes[len(times) - 1] / sizes[len(times) - 2]
                exponent = math.inf if last == math.inf else math.log(max(last, 1e-6) / max(before, 1e-6), ratio)
                if (last == math.inf or (exponent > 1.5 and last > 0.02)) and \
                        (worst is None or (exponent, last) > (worst[0], worst[1])):
                    worst = (exponent, last, label, method, sizes[len(times) - 1], before)
            if worst and worst[0] == math.inf:
                break
        if worst or every:
            flagged += bool(worst)
            shown = str(source)[:160]
            if worst:
                print(f"{where:<38} n^{worst[0]:.1f} {worst[3]:<9} {worst[2][:28]:<30} n={worst[4]:>6} "
                      f"{worst[5]:.3f}s→{worst[1]:.3f}s  {shown}", flush=True)
            else:
                print(f"{where:<38} linear  {shown}", flush=True)
    return flagged


_TITLE = "某局2024年政府信息公开工作年度报告\n"
_CONTEXTS = {
    "row": lambda line: _TITLE + "三、收到和处理政府信息公开申请情况\n行政许可 " + line + "\n",
    "line": lambda line: _TITLE + "三、收到和处理政府信息公开申请情况\n" + line + "\n",
    "title": lambda line: line + "2024年政府信息公开工作年度报告\n一、总体情况\n",
    "prose": lambda line: _TITLE + "一、总体情况\n" + line + "。\n六、其他需要报告的事项\n",
}


def sweep_parse(patterns: dict[tuple, str], sizes: list[int], limit: float, only: str) -> int:
    """Parse reports holding one long line of each piece of every pattern repeated (in a table's row, on a line of
    its own, before a title's words, in prose) and print those whose CPU time grows faster than linearly."""
    from xxgk.parser import parse

    signal.signal(signal.SIGPROF, alarm)
    units = list(dict.fromkeys(u for source, _ in patterns for u in pieces(source) if not isinstance(source, bytes)))
    units = [u for u in units if only in u] if only else units
    print(f"# {len(units)} pieces × {len(_CONTEXTS)} places", flush=True)
    flagged = 0
    for number, unit in enumerate(units, 1):
        print(f"# {number}/{len(units)} {unit!r}", file=sys.stderr, flush=True)  # (where a long run is)
        for place, make in _CONTEXTS.items():
            for tail in ("", "\x00"):
                times = []
                for n in sizes:
                    times.append(cpu_seconds(parse, make(unit * max(1, n // len(unit)) + tail), limit))
                    if times[-1] == math.inf or times[-1] > limit / 4:
                        break
                if len(times) < 2:
                    continue
                ratio = sizes[len(times) - 1] / sizes[len(times) - 2]
                last, before = times[-1], times[-2]
                exponent = math.inf if last == math.inf else math.log(max(last, 1e-6) / max(before, 1e-6), ratio)
                if last == math.inf or (exponent > 1.5 and last > 0.1):
                    flagged += 1
                    print(f"{place:<6} {repr(unit + tail)[:40]:<42} n^{exponent:.1f} n={sizes[len(times) - 1]:>7} "
                          f"{before:.3f}s→{last:.3f}s", flush=True)
    return flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--limit", type=float, default=2.0)
    parser.add_argument("--only", default="")
    parser.add_argument("--all", action="store_true", help="also list the patterns found linear")
    parser.add_argument("--parse", action="store_true",
                        help="parse reports holding a long line of each pattern's pieces instead")
    arguments = parser.parse_args()
    patterns = collect()
    if arguments.parse:
        flagged = sweep_parse(patterns, [int(s) for s in arguments.sizes.split(",")], arguments.limit, arguments.only)
        print(f"# {flagged} piece-places grow faster than linearly")
        return
    print(f"# {len(patterns)} patterns", flush=True)
    flagged = sweep(patterns, [int(s) for s in arguments.sizes.split(",")], arguments.limit, arguments.only,
                    arguments.all)
    print(f"# {flagged} of {len(patterns)} patterns grow faster than linearly on some input")


if __name__ == "__main__":
    main()
