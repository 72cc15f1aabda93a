"""Run every benchmark in turn and print their tables (skipping those whose data is absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = [
    "bench_compare.py",
    "bench_align.py",
    "bench_extraction.py",
    "bench_grouping.py",
    "bench_quotes.py",
    "bench_quotes_stages.py",
    "bench_framing_lexicons.py",
    "bench_naming.py",
    "judged_framing.py",
    "bench_framing.py",
    "bench_corpus.py",
    "bench_credits.py",
    "bench_spark.py",
]

if __name__ == "__main__":
    failed = 0
    for name in SCRIPTS:
        print(f"\n=== {name}", flush=True)
        failed += subprocess.run([sys.executable, str(HERE / name)]).returncode != 0
    sys.exit(1 if failed else 0)
