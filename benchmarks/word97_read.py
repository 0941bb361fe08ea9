"""How long the Word 97-2003 reader takes each fixture of ``tests/fixtures/word97``: prints milliseconds a read
(the median and the best of ``runs``, 200 by default) of ``word97.doc_to_text``, and the same for a document whose
list table holds 2,000 lists of nine levels (a hostile file's: each LVL parsed once, whatever its paragraphs).

Run: ``PYTHONPATH=build:. .venv/bin/python -m benchmarks.word97_read [runs]``. Compare figures taken on the same
machine, one after the other, only (e.g. this checkout against another's ``build`` on ``PYTHONPATH``).
"""

from __future__ import annotations

import statistics
import struct
import sys
import time
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "word97"


def _timed(read, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    from xxgk.word97 import doc_to_text

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for path in sorted(FOLDER.glob("*.doc")):
        data = path.read_bytes()
        median, best = _timed(lambda data=data: doc_to_text(data), runs)
        print(f"{path.stem:30s} median {median:6.2f} ms  best {best:6.2f} ms")
    try:
        from xxgk.word97_lists import Numbering
    except ImportError:
        return
    lvl = struct.pack("<iBB9sB", 1, 0, 0, b"\1", 0) + bytes(12) + struct.pack("<H", 2) + "\0.".encode("utf-16-le")
    lists = 2000
    table = struct.pack("<h", lists) + b"".join(struct.pack("<i", k) + bytes(24) for k in range(lists))
    table += lvl * 9 * lists
    median, best = _timed(lambda: Numbering(table, (0, 2 + 28 * lists), (0, 0)), max(runs // 20, 3))
    print(f"{'2,000 lists of nine levels':30s} median {median:6.2f} ms  best {best:6.2f} ms")


if __name__ == "__main__":
    main()
