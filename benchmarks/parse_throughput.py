"""Benchmark: parse throughput on the seeds, one core; prints reports/s.

Run: .venv/bin/python benchmarks/parse_throughput.py
"""

import time
from pathlib import Path

from xxgk.parser import parse

texts = [p.read_text(encoding="utf-8") for p in sorted(Path("reports").glob("*.txt"))]
rounds = 40
start = time.perf_counter()
for _ in range(rounds):
    for text in texts:
        parse(text)
elapsed = time.perf_counter() - start
count = rounds * len(texts)
print(f"parsed {count} reports in {elapsed:.2f} s: {count / elapsed:.0f} reports/s (one core)")
