"""Incremental loads: which input files are new, changed or unchanged since the last load.

An input file's version is the hash of its bytes and manifest row (`newsevents.ingest.input_version`):
a file is loaded again when its version differs from the one the warehouse holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.ingest import (
    MANIFEST_FILE_NAME,
    file_version,
    input_version,
    list_input_files,
    read_manifest,
    special_kind,
)


@dataclass(frozen=True)
class LoadPlan:
    """What a load has to do, file by file: each list holds file names, sorted."""

    new: list[str]
    changed: list[str]
    unchanged: list[str]
    removed: list[str]
    stale: list[str] = field(default_factory=list)  # unchanged, but coded with other reference data
    recode_stale: bool = False

    @property
    def to_load(self) -> list[str]:
        return sorted(self.new + self.changed + (self.stale if self.recode_stale else []))

    def summary(self) -> str:
        parts = [f"{len(self.new)} new", f"{len(self.changed)} changed", f"{len(self.unchanged)} unchanged"]
        if self.stale and self.recode_stale:
            parts.append(f"{len(self.stale)} coded with other reference data, coded again")
        elif self.stale:
            parts.append(f"{len(self.stale)} coded with other reference data (REPROCESS=stale codes them again)")
        if self.removed:
            parts.append(f"{len(self.removed)} removed from the folder (their rows are kept)")
        return ", ".join(parts)


def plan_load(
    current: Mapping[str, str],
    loaded: Mapping[str, str],
    coded_with: Mapping[str, str | None] | None = None,
    reference: str | None = None,
    recode_stale: bool = False,
) -> LoadPlan:
    """Compare the folder's files and versions (`current`) with those the warehouse holds (`loaded`), and
    the reference data each loaded file was coded with (`coded_with`) with the one in use (`reference`)."""
    unchanged = sorted(name for name in current if loaded.get(name) == current[name])
    stale = [name for name in unchanged if reference is not None and (coded_with or {}).get(name) != reference]
    return LoadPlan(
        new=sorted(name for name in current if name not in loaded),
        changed=sorted(name for name in current if name in loaded and loaded[name] != current[name]),
        unchanged=[name for name in unchanged if not (recode_stale and name in stale)],
        removed=sorted(name for name in loaded if name not in current),
        stale=stale,
        recode_stale=recode_stale,
    )


@dataclass(frozen=True)
class SeenFile:
    """A file as a scan saw it: its size and modification time, and the version they stand for."""

    size: int
    mtime_ns: int
    version: str


def scan_with_cache(corpus_dir: Path, seen: Mapping[str, SeenFile], manifest_unchanged: bool) -> dict[str, SeenFile]:
    """Every input file of the folder with its version, hashing only files whose size or modification
    time changed since `seen` (all of them when the manifest changed, since rows are part of versions)."""
    manifest = read_manifest(corpus_dir)
    scanned = {}
    for path in list_input_files(corpus_dir):
        name = path.relative_to(corpus_dir).as_posix()
        if special_kind(path):  # never opened (a FIFO would block): its version is what it is
            scanned[name] = SeenFile(0, 0, file_version(path, {}))
            continue
        stat = path.stat()
        previous = seen.get(name)
        if manifest_unchanged and previous and (previous.size, previous.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            scanned[name] = previous
        else:
            scanned[name] = SeenFile(stat.st_size, stat.st_mtime_ns, input_version(path, manifest.get(name, {})))
    return scanned


def manifest_stamp(corpus_dir: Path) -> list[int]:
    """Size and modification time of the folder's manifest ([] without one)."""
    path = corpus_dir / MANIFEST_FILE_NAME
    if not path.exists():
        return []
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def scan_corpus(corpus_dir: Path) -> dict[str, str]:
    """Every input file of the folder (relative name) and its current version."""
    return {name: seen.version for name, seen in scan_with_cache(corpus_dir, {}, manifest_unchanged=False).items()}
