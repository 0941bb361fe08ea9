"""How fast this machine runs Python right now: CPU seconds of a fixed workload that no code of the project
touches, so two benchmark runs hours apart can be told apart by the machine before the code is blamed.

    .venv/bin/python -m benchmarks.machine_speed     # prints the best of 5 rounds

The workload mixes what the build spends its time on — regular expressions over Chinese text, JSON, hashing,
sorting, string building — in fixed amounts (≈ 0.5 s on this project's machine on a quiet hour). The best of
several rounds is taken: a busy machine makes a round slower, never faster. A slower figure at the same moment
as a slower build says the machine, not the code (2026-12-03: the same code took 144.2 s at 06:51 and 251.6 s at
18:37, and nothing but running both codes in turn could tell it).
"""

from __future__ import annotations

import hashlib
import json
import re
import time

_TEXT = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，本年新收政府信息公开申请 128 件，予以公开 96 件。" * 40
_NUMBER = re.compile(r"(\d+)\s*件")


def _round() -> float:
    start = time.process_time()
    total = 0
    for i in range(2500):
        text = _TEXT.replace("128", str(i))
        total += sum(int(m) for m in _NUMBER.findall(text))
        blob = json.dumps({"i": i, "text": text, "cells": list(range(200))}, ensure_ascii=False)
        total += len(json.loads(blob)["cells"])
        total += hashlib.sha256(blob.encode("utf-8")).digest()[0]
        total += len(sorted(text.split("，"), key=len))
        total += len("".join(f"{c}|" for c in text[:500]))
    if total < 0:  # (keeps the work from being optimised away, which CPython does not do anyway)
        raise AssertionError
    return time.process_time() - start


def reference_seconds(rounds: int = 5) -> float:
    """The best of ``rounds`` rounds of the fixed workload, in CPU seconds of this process."""
    return min(_round() for _ in range(rounds))


if __name__ == "__main__":
    print(f"machine speed: fixed workload {reference_seconds():.3f} CPU s (best of 5; lower is faster)")
