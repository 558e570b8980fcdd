"""What every converter writes: reference CSV files with their `#` source notes, byte-identical for the
same input (`\n` line ends, UTF-8)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path


def render_csv(header: Sequence[str], columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A reference CSV: `#` note lines, the column names, then the rows; `\\n` line ends."""
    buffer = io.StringIO()
    buffer.writelines(f"# {line}\n" for line in header)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def write_files(output_dir: Path, files: Mapping[str, str]) -> None:
    """Write each file (name -> content) into `output_dir`, creating it if needed."""
    output_dir.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (output_dir / name).write_bytes(content.encode("utf-8"))
