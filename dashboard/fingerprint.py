"""Print a fingerprint of what a dashboard build is made from: the published warehouse it reads (path, size,
modification time) and the project's own files (pages, source queries, plugins, package-lock.json).

`make dashboard` rebuilds (evidence sources + evidence build, about two minutes) only when this differs from
the one saved beside the last build, so serving an unchanged dashboard again starts in seconds.

    python dashboard/fingerprint.py PUBLISHED_WAREHOUSE
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

DASHBOARD_DIR = Path(__file__).resolve().parent
INPUTS = ["package-lock.json", "evidence.plugins.yaml", "pages/**/*", "sources/**/*.sql", "sources/**/*.yaml"]


def fingerprint(warehouse: Path) -> str:
    digest = hashlib.sha256()
    for pattern in INPUTS:
        for path in sorted(DASHBOARD_DIR.glob(pattern)):
            if path.is_file():
                digest.update(str(path.relative_to(DASHBOARD_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    stat = warehouse.stat()
    return f"{warehouse.resolve()} {stat.st_size} {stat.st_mtime_ns} {digest.hexdigest()}"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(fingerprint(Path(sys.argv[1])))
