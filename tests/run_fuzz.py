"""``make fuzz``: run tests/test_fuzz.py over and over with fresh seeds for FUZZ_SECONDS.

Each round runs the fuzz module with ``FUZZ_EXAMPLES`` examples a test (500
unless set) and a new Hypothesis seed; failing examples are kept in the
Hypothesis database (``.hypothesis/``), so a later round replays them first.
Every failing round's output is appended to ``FUZZ_LOG`` (``fuzz.log`` unless
set). The exit status is 1 if any round failed.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    budget = float(os.environ.get("FUZZ_SECONDS", "3600"))
    examples = os.environ.get("FUZZ_EXAMPLES", "500")
    log = Path(os.environ.get("FUZZ_LOG", "fuzz.log"))
    start = time.monotonic()
    rounds = failed = 0
    while time.monotonic() - start < budget:
        rounds += 1
        seed = random.randrange(2**32)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--hypothesis-seed={seed}",
                "tests/test_fuzz.py",
            ],
            cwd=ROOT,
            env={**os.environ, "FUZZ_EXAMPLES": examples},
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.monotonic() - start
        last = proc.stdout.strip().splitlines()[-1:] or ["(no output)"]
        print(f"round {rounds} seed {seed} at {elapsed:.0f}s: {last[0]}", flush=True)
        if proc.returncode != 0:
            failed += 1
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"=== round {rounds} seed {seed} at {elapsed:.0f}s\n")
                handle.write(proc.stdout + proc.stderr + "\n")
    print(f"{rounds} rounds in {time.monotonic() - start:.0f}s, {failed} failed (log: {log})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
