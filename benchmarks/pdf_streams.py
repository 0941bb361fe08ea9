"""How near honest PDFs come to ``pdf_streams``' bounds on what their streams decode to, and whether the bounded
decoding reads them as the library's own does: for each file, the largest stream decoded and all of them together
(MB), and whether ``readers.pdf_to_text`` gives the same text with the bounds installed and without.

Run: ``PYTHONPATH=build:. .venv/bin/python -m benchmarks.pdf_streams [file.pdf …]``. Without files: the generated
report of ``benchmarks.pdf_guards`` and, when ``chromium`` is installed, the seeds and the corpus's reports printed
by it. Each file is read in a process of its own (the bounds are installed once a process).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import hashlib, json, sys
from xxgk import pdf_streams
from xxgk.readers import pdf_to_text
sizes = []
if sys.argv[2] == "on":
    held = pdf_streams._held
    def recorded(out, limit):
        sizes.append(len(out) if out is not None else -1)
        return held(out, limit)
    pdf_streams._held = recorded
else:
    pdf_streams.install = lambda: None
try:
    text = pdf_to_text(open(sys.argv[1], "rb").read())
except Exception as error:  # (a guard's over_budget, as the library wraps it, or a damaged file)
    text = f"refused: {error}"
print(json.dumps({"largest": max(sizes, default=0), "total": sum(sizes), "streams": len(sizes),
                  "text": hashlib.sha256(text.encode()).hexdigest(), "refused": text.startswith("refused: ")}))
"""


def _read(path: Path, bounded: bool) -> dict:
    run = subprocess.run([sys.executable, "-c", _CHILD, str(path), "on" if bounded else "off"], capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout)


def main() -> None:
    from benchmarks.pdf_guards import chromium_prints, generated_report

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        files = list(arguments.files)
        if not files:
            generated = Path(scratch) / "generated-60-pages.pdf"
            generated.write_bytes(generated_report(60))
            files = [generated, *chromium_prints(Path(scratch))]
        largest = total = 0.0
        for path in files:
            bounded, bare = _read(path, True), _read(path, False)
            same = "same text" if bounded["text"] == bare["text"] else "TEXT DIFFERS"
            largest, total = max(largest, bounded["largest"]), max(total, bounded["total"])
            print(f"{path.name[:40]:<40} {bounded['streams']:>4} streams, largest {bounded['largest'] / 2**20:6.2f} MB,"
                  f" all {bounded['total'] / 2**20:6.2f} MB  {same}" + ("  (refused)" if bare["refused"] else ""))
        print(f"{len(files)} files: largest stream {largest / 2**20:.2f} MB, "
              f"largest file's streams {total / 2**20:.2f} MB")


if __name__ == "__main__":
    main()
