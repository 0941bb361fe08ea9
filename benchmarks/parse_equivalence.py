"""Benchmark companion: proof that a change to the parser's speed changed no record. Parses many texts with the
``xxgk`` on the path and writes each record (``record.plain``, as JSON) one line a text; run it with the old code's
``build/`` first on the path, then with the new, and compare the two files.

Run: .venv/bin/python -m benchmarks.parse_equivalence dump OUT --synthetic 2000 [--bare 500] [--folder DIR ...]
     PYTHONPATH=/tmp/old/build:. .venv/bin/python -m benchmarks.parse_equivalence dump OLD --synthetic 2000 …
     .venv/bin/python -m benchmarks.parse_equivalence compare OLD OUT

The texts: ``--synthetic N`` real-like reports (``benchmarks.synthetic`` with prose, every layout in turn),
``--bare N`` reports without prose (other seeds), each file of each ``--folder`` as the build reads it
(``readers.read_path``), and ``--damaged N`` copies of those texts with OCR-like and Unicode-tricky edits
(full-width forms, dashes, zero-width and combining characters, digits for letters, claims of none, years in
captions), drawn from a fixed seed: the same texts for the old code and the new. ``compare`` prints how many
records differ and the first differences; its exit status is 1 when any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from pathlib import Path

# edits of a damaged copy: characters NFKC changes or composes, dashes the parser folds, invisible ones, OCR's
# letters for digits, and phrases that make the parser's rarer paths run (claims of none, captions with years)
_TRICKY = list("ａ１２，：（）㈠①⒈ﬁ\u3000\u00a0\u0301\u0308e\u200b\ufeff\u00ad—－–．。二〇年 ｜|lOoIS０９")
_TRICKY += ["\t", "  ", "\n"]
_PHRASES = ["未收到政府信息公开申请", "没有发生行政复议", "予以公开3件", "部分公开2件", "2023年度", "上年度",
            "（一）2024年度", "本年新收", "一、", "三、收到和处理政府信息公开申请情况"]


def _damaged(texts: list[str], count: int, seed: int = 28) -> list[str]:
    rng = random.Random(seed)
    sources = [t for t in texts if t]
    out = []
    for _ in range(count if sources else 0):
        chars = list(rng.choice(sources))
        for _ in range(rng.randint(1, 40)):
            at = rng.randrange(max(1, len(chars)))
            roll = rng.random()
            if roll < 0.3 and chars:
                chars[at] = rng.choice(_TRICKY)
            elif roll < 0.5:
                chars.insert(at, rng.choice(_TRICKY))
            elif roll < 0.7 and chars:
                del chars[at]
            elif roll < 0.85 and chars and chars[at].isdigit():
                chars[at] = rng.choice("0123456789 lOSB")
            else:
                chars.insert(at, rng.choice(_PHRASES))
        out.append("".join(chars))
    return out


def texts(synthetic: int, bare: int, folders: list[Path], damaged: int) -> list[tuple[str, str]]:
    """``(name, text)`` of every text to parse, in a fixed order."""
    from benchmarks.synthetic import write_reports
    from xxgk.readers import read_path

    out: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="xxgk-equivalence-") as work:
        for kind, count, seed in (("prose", synthetic, 11), ("bare", bare, 13)):
            if count:
                paths = write_reports(count, Path(work) / kind, seed=seed, prose=kind == "prose")
                out += [(f"{kind}/{p.name}", read_path(str(p)).parse_text) for p in paths]
    for folder in folders:
        out += [(f"{folder.name}/{p.name}", read_path(str(p)).parse_text)
                for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]
        # (a folder's own files only, as the build reads ``reports/``: ``--folder ../shared/corpus`` held the corpus's
        # README alone for five sessions, its reports being in ``corpus/reports/`` — said, not guessed at)
        if skipped := sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
            print(f"{folder}: its subfolders are not read ({', '.join(skipped)}); give each as a --folder of its own",
                  file=sys.stderr)
    out += [(f"damaged/{i}", t) for i, t in enumerate(_damaged([t for _, t in out], damaged))]
    return out


def dump(out: Path, synthetic: int, bare: int, folders: list[Path], damaged: int) -> None:
    from xxgk.parser import parse
    from xxgk.record import plain

    digest = hashlib.sha256()
    with out.open("w", encoding="utf-8") as handle:
        for name, text in texts(synthetic, bare, folders, damaged):
            try:
                record = json.dumps(plain(parse(text)), ensure_ascii=False, sort_keys=True)
            except Exception as error:  # noqa: BLE001 (a crash is a difference to show, not the end of the proof)
                record = f"ERROR {error!r}"
            line = f"{name}\t{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}\t{record}\n"
            digest.update(line.encode("utf-8", "surrogatepass"))
            handle.write(line)
    print(f"{out}: sha256 {digest.hexdigest()}")


def compare(old: Path, new: Path) -> int:
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    differ = [(x.split("\t", 1)[0], x, y) for x, y in zip(a, b, strict=False) if x != y]
    print(f"{len(a)} records against {len(b)}: {len(differ)} differ")
    for name, x, y in differ[:5]:
        print(f"  {name}\n    old {x[:300]}\n    new {y[:300]}")
    return 1 if differ or len(a) != len(b) else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="verb", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--synthetic", type=int, default=0)
    d.add_argument("--bare", type=int, default=0)
    d.add_argument("--folder", type=Path, action="append", default=[])
    d.add_argument("--damaged", type=int, default=0)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.verb == "dump":
        dump(args.out, args.synthetic, args.bare, args.folder, args.damaged)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
