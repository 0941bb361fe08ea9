"""How many source pages a rebuild re-indexes, by the way Pagefind's shards are cut — counted, not timed.

    .venv/bin/python -m benchmarks.fulltext_cuts 10000 [--page-bytes 19000] [--trials 20]

Pagefind's CPU is proportional to the pages it indexes (≈ 1.4 ms a page, ``fulltext_reuse.py``), and a shard whose
pages are the last build's is taken from the cache; so what a change costs is the number of pages in the shards
that are not exactly a shard of the last build or that hold a changed page. This counts it for N pages named as
synthetic reports' (``r000123-<6 hex>.html``) of sizes drawn around ``--page-bytes`` (the synthetic source pages:
≈ 19 KB), cut the build's way (``fulltext.Cutter``: by the names, with the size cap) and by size alone (the cut
before session 32, ``SHARD_BYTES`` each), under the scenarios of ``benchmarks.fulltext_rebuild`` (1 % of the
pages: spread, one region's consecutive, a batch inserted among one region's names, appended), the region's place
drawn ``--trials`` times (the mean is printed). It also prints the shards and their largest size: a query loads
every shard's entry and metadata and its chunks for the query's words.
"""

from __future__ import annotations

import argparse
import hashlib
import random


def cut(items: list[tuple[str, int]], by_names: bool) -> list[tuple[str, ...]]:
    from xxgk.site.fulltext import SHARD_BYTES, Cutter

    never = 1 << 70  # a boundary rate no name meets: the cut by size alone
    cutter = Cutter(SHARD_BYTES) if by_names else Cutter(SHARD_BYTES, every=never, least=0, weak=never)
    out: list[list[str]] = []
    for name, size in items:
        if cutter.begins(name, size):
            out.append([])
        out[-1].append(name)
    return [tuple(shard) for shard in out]


def reindexed(before: list[tuple[str, ...]], after: list[tuple[str, ...]], changed: set[str]) -> int:
    kept = set(before)
    return sum(len(s) for s in after if s not in kept or changed & set(s))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--page-bytes", type=int, default=19_000)
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    draw = random.Random(32)
    names = [f"r{i:06d}-{hashlib.sha1(str(i).encode()).hexdigest()[:6]}.html" for i in range(args.count)]
    sizes = {n: max(1000, int(draw.gauss(args.page_bytes, args.page_bytes / 4))) for n in names}
    one = max(1, args.count // 100)
    for by_names in (False, True):
        base = cut(list(sizes.items()), by_names)
        largest = max(sum(sizes[n] for n in s) for s in base) / 2**20
        said = "by the names (session 32)" if by_names else "by size alone (before)"
        print(f"{args.count} pages cut {said}: {len(base)} shards, largest {largest:.1f} MiB")
        grown = dict(sizes)
        for n in names[::100]:
            grown[n] += 300
        spread = reindexed(base, cut(list(grown.items()), by_names), set(names[::100]))
        region = inserted = appended = 0
        for _ in range(args.trials):
            start = draw.randrange(args.count - one)
            changed = names[start:start + one]
            grown = {n: s + (300 if n in set(changed) else 0) for n, s in sizes.items()}
            region += reindexed(base, cut(list(grown.items()), by_names), set(changed))
            added = {n.replace("-", "b-", 1): sizes[n] for n in changed}
            inserted += reindexed(base, cut(sorted({**sizes, **added}.items()), by_names), set(added))
        extra = {f"r{args.count + k:06d}-000000.html": args.page_bytes for k in range(one)}
        appended = reindexed(base, cut([*sizes.items(), *extra.items()], by_names), set(extra))
        print(f"  pages re-indexed after 1 % ({one} pages): spread {spread}, one region's changed "
              f"{region / args.trials:.0f}, a batch inserted in one region {inserted / args.trials:.0f} "
              f"(means of {args.trials} places), appended {appended}")


if __name__ == "__main__":
    main()
