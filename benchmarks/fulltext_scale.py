"""Full-text index at scale: N source pages shaped like the site's ``src/*.html`` indexed by
``site/fulltext.py`` (Pagefind), in a fresh process; prints wall and CPU time, peak RSS (Pagefind's
own process included), index bytes and the upper bound of what one query downloads.

    .venv/bin/python -m benchmarks.fulltext_scale 10000            # or 1000 5000 20000 100000
    .venv/bin/python -m benchmarks.fulltext_scale 10000 --keep /tmp/site   # keep the site to look at

Pages are written without the pipeline, as ``report_page.source_page`` writes them (the same HTML shell,
one ``<span id="L…">`` per line): each holds one of the seed reports' texts (``reports/*.txt``) with its
numbers redrawn and a synthetic agency's name (``benchmarks.synthetic.agency``), so the vocabulary grows
with N the way it does on real reports (numbers, names) while the prose repeats.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
from pathlib import Path

from benchmarks.scale import in_process
from benchmarks.synthetic import agency

ROOT = Path(__file__).resolve().parents[1]
DIGITS = re.compile(r"\d+")


def seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "reports").glob("*.txt"))]
    if not texts:
        raise SystemExit("no seed reports in reports/")
    return texts


def write_source_pages(count: int, site: Path, seed: int = 7) -> int:
    """``count`` pages ``site/src/<id>.html`` as the site writes them; returns their bytes."""
    from xxgk.site.render import esc
    from xxgk.site.report_page import SOURCE_PAGE

    texts, rng = seed_texts(), random.Random(seed)
    (site / "src").mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        name, _ = agency(i // 4)
        year = 2021 + i % 4
        text = DIGITS.sub(lambda m, year=year: str(rng.randint(0, 10 ** len(m.group())) if len(m.group()) != 4
                                                   else year), texts[i % len(texts)])
        text = text.replace("市数据局", name)
        lines = "\n".join(f'<span id="L{n}" data-n="{n}">{esc(line) or "&nbsp;"}</span>'
                          for n, line in enumerate(text.split("\n"), start=1))
        title = esc(f"原文：{name}{year}年政府信息公开工作年度报告")
        page = SOURCE_PAGE.format(title=title, page=f"a/synthetic-{i // 4:06d}/{year}/", lines=lines)
        data = page.encode("utf-8")
        (site / "src" / f"r{i:06d}-{year}.html").write_bytes(data)
        total += len(data)
    return total


def index(site: Path) -> int:
    from xxgk.site.fulltext import index_full_text

    return index_full_text(site)


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--keep", type=Path, help="write the site here and keep it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-fulltext-"))
    site = args.keep or work / "site"
    try:
        pages = write_source_pages(args.count, site)
        code, seconds, cpu, peak = in_process(index, site)
        if code:
            raise SystemExit(f"Pagefind failed ({code})")
        from xxgk.site.fulltext import query_download_bound

        bundle = site / "pagefind"
        bound, detail = query_download_bound(bundle)
        print(f"{args.count} source pages ({pages / 2 ** 20:.0f} MiB): Pagefind {seconds:.1f} s "
              f"(CPU {cpu:.1f} s), peak RSS {peak:.0f} MiB, index {tree_bytes(bundle) / 2 ** 20:.1f} MiB")
        print(f"one full-text query downloads at most {bound / 1024:.0f} KiB ({detail})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
