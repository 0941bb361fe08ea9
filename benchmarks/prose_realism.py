"""How much real reports' prose costs to store and index, beside the synthetic prose of ``synthetic.narrative``:
the figures the scale benchmark's sizes depend on (the gzipped ``sections.csv``, the zip, Parquet, ``xxgk.db``'s
FTS5 trigram index, the site's full-text index).

    .venv/bin/python -m benchmarks.prose_realism          # the seeds (committed package) + ../shared/corpus
    .venv/bin/python -m benchmarks.prose_realism --package DIR --reports DIR --count 2000

Real prose is the narrative sections (总体情况, 存在的主要问题, 其他事项) of the committed package's
``sections.csv`` (the seeds), of any other ``--package``'s, and of the reports of any ``--reports`` folder, parsed
in place by the pipeline (``../shared/corpus/reports`` when it is there); nothing is copied into the project.
Per report and per 1,000 characters of prose: gzip (zlib level 6) of each report alone and of all reports as one
stream (as a gzipped CSV holds them), distinct character trigrams (in one report, in all reports together, and in
the first ``PREFIX`` characters: how fast the vocabulary grows, lengths apart) and the bytes of an FTS5 trigram
index of the sections, as ``xxgk.db`` builds it. Synthetic prose is compared at the real sample's size (the mean of
up to 20 disjoint samples of as many reports) and at ``--count``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import zlib
from pathlib import Path

from benchmarks.synthetic import narrative

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("overview", "problems", "other_matters")  # the narrative sections, as sections.csv names them
SHARED_REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
PREFIX = 20_000  # characters: the real sample (11 reports) holds ≈ 25,000


def package_prose(folder: Path) -> list[list[str]]:
    """Each report's narrative sections (texts) from a package's ``data/sections.csv``, in file order."""
    reports: dict[str, list[str]] = {}
    with (folder / "data" / "sections.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["section"] in SECTIONS and row["text"]:
                reports.setdefault(row["report_id"], []).append(row["text"])
    return list(reports.values())


def folder_prose(folder: Path) -> list[list[str]]:
    """Each report's narrative sections in a reports folder, parsed in place as ``xxgk build`` parses them."""
    from xxgk.package.collect import list_inputs, parse_one

    out = []
    for item in list_inputs(folder):
        if item.refused is None and not item.name.endswith((".csv", ".md", ".json")):
            sections = parse_one(str(folder), item.path).record.sections
            texts = [sections[name] for name in SECTIONS if sections.get(name)]
            if texts:
                out.append(texts)
    return out


def synthetic_prose(count: int, seed: int = 8) -> list[list[str]]:
    """``count`` reports' prose from ``narrative`` (as ``write_reports`` draws it: seed + 1), one text a section
    (its sub-headings and paragraphs as lines)."""
    from benchmarks.synthetic import agency

    rng = random.Random(seed)
    out = []
    for i in range(count):
        name = agency(i // 4)[0]
        out.append(["\n".join(lines) for lines in narrative(rng, name, 2021 + i % 4, rng.randint(0, 400)).values()])
    return out


def gzip_bytes(text: str) -> int:
    return len(zlib.compress(text.encode("utf-8"), 6))


def trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


def fts_bytes(texts: list[str]) -> int:
    """Bytes of an FTS5 trigram index of ``texts`` (one row each), optimized, as ``xxgk.db`` builds it."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='trigram')")
    db.executemany("INSERT INTO f(text) VALUES (?)", ((t,) for t in texts))
    db.execute("INSERT INTO f(f) VALUES ('optimize')")
    size = db.execute(r"SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'f\_%' ESCAPE '\'").fetchone()[0]
    db.close()
    return size


def prefix_trigrams(texts: list[str], prefix: int) -> int:
    """Distinct trigrams in the first ``prefix`` characters of ``texts`` (reports one after another): how fast
    the vocabulary grows, whatever the reports' lengths."""
    seen: set[str] = set()
    for text in texts:
        seen |= trigrams(text[:prefix])
        prefix -= len(text)
        if prefix <= 0:
            return len(seen)
    raise ValueError(f"the reports hold fewer than {prefix} characters")


def measures(reports: list[list[str]]) -> dict[str, float]:
    """The figures for ``reports`` (each a list of section texts): characters a report, and per 1,000
    characters gzip bytes alone and as a stream, distinct trigrams alone, together and in the first ``PREFIX``
    characters, FTS5 index bytes."""
    texts = ["\n".join(sections) for sections in reports]
    chars = sum(map(len, texts))
    together: set[str] = set()
    for sections in reports:
        for text in sections:
            together |= trigrams(text)
    per_k = 1000 / chars
    alone, stream = sum(map(gzip_bytes, texts)), gzip_bytes("\n".join(texts))
    index = fts_bytes([t for sections in reports for t in sections])
    return {
        "reports": len(reports),
        "chars a report": chars / len(reports),
        "gzip alone a report": alone / len(reports),
        "gzip stream a report": stream / len(reports),
        "fts bytes a report": index / len(reports),
        "gzip alone /1k": alone * per_k,
        "gzip stream /1k": stream * per_k,
        "trigrams alone /1k": sum(len(trigrams(t)) * 1000 / len(t) for t in texts) / len(texts),
        "trigrams together /1k": len(together) * per_k,
        f"trigrams first {PREFIX // 1000}k /1k":
            prefix_trigrams(texts, PREFIX) * 1000 / PREFIX if chars >= PREFIX else float("nan"),
        "fts bytes /1k": index * per_k,
    }


def sample_means(reports: list[list[str]], size: int, samples: int = 20) -> dict[str, float]:
    """``measures`` of disjoint samples of ``size`` reports, averaged: the synthetic figures at the real sample's
    size (one sample would be as noisy as its reports' lengths)."""
    runs = [measures(reports[i:i + size]) for i in range(0, min(len(reports) - size + 1, samples * size), size)]
    return {name: sum(run[name] for run in runs) / len(runs) for name in runs[0]}


def table(columns: dict[str, dict[str, float]]) -> str:
    names = list(next(iter(columns.values())))
    lines = ["".ljust(24) + "".join(title.rjust(18) for title in columns)]
    for name in names:
        lines.append(name.ljust(24) + "".join(f"{col[name]:18,.1f}" for col in columns.values()))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, action="append", default=[],
                        help="another package's folder whose sections.csv holds real prose (repeatable)")
    parser.add_argument("--reports", type=Path, action="append", default=[],
                        help="a folder of real reports to parse (repeatable; default ../shared/corpus/reports)")
    parser.add_argument("--count", type=int, default=500, help="synthetic reports for the large sample")
    args = parser.parse_args()
    real = []
    for folder in [ROOT / "datapackage", *args.package]:
        real += package_prose(folder)
    for folder in args.reports or [path for path in [SHARED_REPORTS] if path.is_dir()]:
        real += folder_prose(folder)
    synthetic = synthetic_prose(args.count)
    columns = {f"real ({len(real)})": measures(real),
               f"synthetic ({len(real)})": sample_means(synthetic, len(real)),
               f"synthetic ({args.count})": measures(synthetic)}
    print(table(columns))


if __name__ == "__main__":
    main()
