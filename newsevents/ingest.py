"""Read the input folder into raw documents: one record per distinct file content.

A document's id is a hash of its bytes, so it is stable across runs and machines. Files with the same
bytes are one document; the other file names are recorded against it rather than dropped silently.
Metadata the text does not carry (publisher, kind, date) comes from an optional `manifest.csv`.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_FILE_NAME = "manifest.csv"
TEXT_SUFFIXES = (".txt",)
MANIFEST_FIELDS = ("publisher", "domain", "distributor", "kind", "published_date", "url", "language")


class InputError(ValueError):
    """An input file that cannot be read as a document, with the reason."""


@dataclass(frozen=True)
class RawDocument:
    document_id: str
    file_name: str
    raw_text: str
    byte_size: int
    manifest: dict[str, str] = field(default_factory=dict)
    duplicate_file_names: tuple[str, ...] = ()


def document_id_for(content: bytes) -> str:
    """A stable id for a document: the first 16 hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(content).hexdigest()[:16]


def read_manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by file name (relative to the corpus folder); empty cells are left out."""
    path = corpus_dir / MANIFEST_FILE_NAME
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "file_name" not in reader.fieldnames:
            raise InputError(f"{path}: manifest needs a 'file_name' column")
        return {
            row["file_name"].strip(): {k: v.strip() for k, v in row.items() if k in MANIFEST_FIELDS and v and v.strip()}
            for row in reader
            if row.get("file_name")
        }


def decode_text(content: bytes, path: Path) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from error


def list_input_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise InputError(f"corpus folder {corpus_dir} does not exist")
    return sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def read_corpus(corpus_dir: Path) -> list[RawDocument]:
    """Every text file under `corpus_dir`, one document per distinct content, in file-name order."""
    manifest = read_manifest(corpus_dir)
    first_by_id: dict[str, RawDocument] = {}
    duplicates: dict[str, list[str]] = {}
    for path in list_input_files(corpus_dir):
        content = path.read_bytes()
        file_name = path.relative_to(corpus_dir).as_posix()
        document_id = document_id_for(content)
        if document_id in first_by_id:
            duplicates.setdefault(document_id, []).append(file_name)
            continue
        first_by_id[document_id] = RawDocument(
            document_id=document_id,
            file_name=file_name,
            raw_text=decode_text(content, path),
            byte_size=len(content),
            manifest=manifest.get(file_name, {}),
        )
    return [
        RawDocument(**{**doc.__dict__, "duplicate_file_names": tuple(duplicates.get(doc.document_id, ()))})
        for doc in first_by_id.values()
    ]
