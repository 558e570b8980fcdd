"""Read the input folder into documents, accounting for every input.

Inputs are the files under the corpus folder and its subfolders (hidden files and `manifest.csv`
excepted) and, in `.jsonl`/`.json` files, each line. Every input ends in exactly one of three places:

- a document (`RawDocument`): the first input with a given text;
- a duplicate (`DuplicateInput`): an input whose text is byte-for-byte a document's, recorded against it;
- quarantine (`QuarantinedInput`): with the file, the line where relevant, and the reason.

So `inputs_seen == documents + duplicates + quarantined` always holds (`IngestResult.reconciles`).
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import trafilatura

from newsevents.decode import UnreadableInput, decode_document

MANIFEST_FILE_NAME = "manifest.csv"
MANIFEST_ENCODINGS = ("utf-8-sig", "cp1252")
MANIFEST_FIELDS = ("publisher", "domain", "distributor", "kind", "published_date", "url", "language", "title")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".jsonl", ".json")
JSON_FIELDS = {"title": "title", "url": "url", "published": "published_date", "source": "publisher", "language": "language"}
DEFAULT_MAX_INPUT_BYTES = 5_000_000
# spaCy's default `nlp.max_length`: the parser and NER need about 1 GB per 100,000 characters.
MAX_TEXT_CHARACTERS = 1_000_000
JSON_ERRORS = (ValueError, RecursionError)  # JSONDecodeError is a ValueError; so is an over-long integer
ISO_DAY_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:$|[T ])")
# The days a warehouse can store (pandas' nanosecond timestamps end in 2262) and news can be from.
EARLIEST_DATE, LATEST_DATE = date(1800, 1, 1), date(2262, 4, 11)
# Two far-apart days against which a relative date (`yesterday`) reads differently.
RELATIVE_BASES = (datetime(2001, 1, 10), datetime(2011, 6, 20))
MIN_LETTERS_FOR_LANGUAGE_ID = 100
MIN_LANGUAGE_PROBABILITY = 0.9
REQUIRED_LANGUAGE = "en"


class InputError(ValueError):
    """A problem with the input folder as a whole (not one input): the load cannot start."""


@dataclass(frozen=True)
class InputRef:
    file_name: str
    line_number: int | None = None

    def __str__(self) -> str:
        return self.file_name if self.line_number is None else f"{self.file_name}:{self.line_number}"


@dataclass(frozen=True)
class RawDocument:
    document_id: str
    file_name: str
    line_number: int | None
    input_format: str
    encoding: str
    raw_text: str
    byte_size: int
    metadata: dict[str, str] = field(default_factory=dict)
    date_origin: str = "manifest"  # where metadata["published_date"] came from, if present


@dataclass(frozen=True)
class DuplicateInput:
    file_name: str
    line_number: int | None
    duplicate_of_document_id: str


@dataclass(frozen=True)
class QuarantinedInput:
    file_name: str
    line_number: int | None
    reason: str


@dataclass
class IngestResult:
    documents: list[RawDocument] = field(default_factory=list)
    duplicates: list[DuplicateInput] = field(default_factory=list)
    quarantined: list[QuarantinedInput] = field(default_factory=list)
    inputs_seen: int = 0

    @property
    def reconciles(self) -> bool:
        return self.inputs_seen == len(self.documents) + len(self.duplicates) + len(self.quarantined)


@dataclass(frozen=True)
class Candidate:
    """A readable input before deduplication and the language check."""

    ref: InputRef
    input_format: str
    encoding: str
    text: str
    byte_size: int
    metadata: dict[str, str]
    date_origin: str = "manifest"


def document_id_for(text: str) -> str:
    """A stable id for a document: the first 16 hex digits of the SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def max_input_bytes() -> int:
    return int(os.environ.get("MAX_INPUT_BYTES") or DEFAULT_MAX_INPUT_BYTES)


def read_manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by file name (relative to the corpus folder); empty cells are left out."""
    path = corpus_dir / MANIFEST_FILE_NAME
    if not path.exists():
        return {}
    text = manifest_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "file_name" not in reader.fieldnames:
        raise InputError(f"{path}: a manifest needs a 'file_name' column")
    rows = {}
    for row in reader:
        if any("\n" in (value or "") for value in row.values() if isinstance(value, str)):
            # csv reads on to the next closing quote: every later row would vanish into this field.
            raise InputError(f"{path}: line {reader.line_num}: a quote opened in row {row.get('file_name')!r} is never closed")
        if row.get("file_name"):
            rows[row["file_name"].strip()] = {k: v.strip() for k, v in row.items() if k in MANIFEST_FIELDS and v and v.strip()}
    return rows


def manifest_text(path: Path) -> str:
    """A manifest's text: UTF-8 (with or without a byte-order mark), else Windows-1252, as spreadsheet
    programs save CSV; a manifest short as it is gives too little for an encoding detector to judge."""
    content = path.read_bytes()
    for encoding in MANIFEST_ENCODINGS:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: the manifest is neither UTF-8 nor Windows-1252; save it as UTF-8")


def list_input_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise InputError(f"corpus folder {corpus_dir} does not exist")
    names = []
    # os.walk and plain strings: a crawler's folder holds many thousands of files, and pathlib per file costs.
    for folder, subfolders, files in os.walk(corpus_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        prefix = os.path.relpath(folder, corpus_dir).replace(os.sep, "/")
        # os.walk lists FIFOs, sockets and broken or looping symbolic links among files: they are inputs
        # too, quarantined as what they are (`special_kind`), so every path of the folder is counted.
        for name in files:
            relative = name if prefix == "." else f"{prefix}/{name}"
            if not name.startswith(".") and relative != MANIFEST_FILE_NAME:
                names.append(relative)
    return [corpus_dir / name for name in sorted(names)]


def special_kind(path: Path) -> str | None:
    """Why a path of the folder is no file to read (without opening it: reading a FIFO waits for ever), or
    None for a regular file or a symbolic link to one."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a symbolic link whose target does not exist" if os.path.islink(path) else "file no longer exists in the corpus folder"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop"
        return f"cannot be read: {error.strerror}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "a device or other special file, not a regular file"


def size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_text_file(ref: InputRef, content: bytes, manifest: dict[str, str]) -> Candidate:
    decoded = decode_document(content)
    return Candidate(ref, "text", decoded.encoding, decoded.text, len(content), dict(manifest))


def read_html_file(ref: InputRef, content: bytes, manifest: dict[str, str]) -> Candidate:
    decoded = decode_document(content)
    extracted = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False)
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        raise UnreadableInput("HTML page with no article text that trafilatura could extract")
    found = {
        "title": extracted.title,
        "author": extracted.author,
        "publisher": extracted.sitename,
        "domain": extracted.hostname,
        "url": extracted.url,
        "published_date": extracted.date,
    }
    metadata = {k: v.strip() for k, v in found.items() if isinstance(v, str) and v.strip()}
    date_origin = "html" if "published_date" in metadata else "manifest"
    metadata.update(manifest)  # what a person wrote in the manifest wins over what was scraped
    if "published_date" in manifest:
        date_origin = "manifest"
    return Candidate(ref, "html", decoded.encoding, text, len(content), metadata, date_origin)


def json_items(text: str) -> Iterator[tuple[int, str]]:
    """(line number, JSON text) of each item: one object per line, or the elements of one JSON array."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
            elements = [json.dumps(item) for item in items] if isinstance(items, list) else None
        except JSON_ERRORS:
            elements = None  # read line by line instead: each bad line is quarantined with its reason
        if elements is not None:
            yield from enumerate(elements, start=1)
            return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def read_json_item(ref: InputRef, line: str, manifest: dict[str, str], encoding: str) -> Candidate:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise UnreadableInput(f"not valid JSON: {error.msg} at column {error.colno}") from error
    except RecursionError as error:
        raise UnreadableInput("not readable JSON: nested too deeply") from error
    except ValueError as error:  # an integer of thousands of digits (Python's int conversion limit)
        raise UnreadableInput(f"not readable JSON: {error}") from error
    if not isinstance(item, dict):
        raise UnreadableInput(f"a JSON {type(item).__name__}, not an article object")
    if "text" not in item:
        raise UnreadableInput("JSON article without a 'text' field")
    if not isinstance(item["text"], str):
        raise UnreadableInput(f"JSON article whose 'text' is a {type(item['text']).__name__}, not a string")
    if not item["text"].strip():
        raise UnreadableInput("JSON article whose 'text' is empty")
    metadata = dict(manifest)
    metadata.update({name: str(item[key]).strip() for key, name in JSON_FIELDS.items() if item.get(key)})
    text = decode_document(item["text"].encode("utf-8")).text  # mojibake repair
    return Candidate(ref, "jsonl", encoding, text, len(line.encode("utf-8")), metadata)


@lru_cache(maxsize=1)
def language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(candidate: Candidate) -> tuple[str | None, str | None]:
    """(language code, why the text is not English or None). A declared language is trusted; texts too
    short to judge pass undetected."""
    declared = candidate.metadata.get("language")
    if declared:
        code = declared.lower()[:2]
        return code, None if code == REQUIRED_LANGUAGE else f"declared language is {declared!r}, not English"
    if sum(ch.isalpha() for ch in candidate.text) < MIN_LETTERS_FOR_LANGUAGE_ID:
        return None, None
    language, probability = language_identifier().classify(candidate.text[:5000])
    if language != REQUIRED_LANGUAGE and probability >= MIN_LANGUAGE_PROBABILITY:
        return language, f"text is in language {language!r} (probability {probability:.2f}), not English"
    return REQUIRED_LANGUAGE, None


def read_file(path: Path, ref: InputRef, manifest: dict[str, str], limit: int) -> Iterator[Candidate | QuarantinedInput]:
    """Candidates (or quarantine records) for one file: one for a text or HTML file, one per JSON line."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES:
        yield QuarantinedInput(ref.file_name, None, f"unsupported file type {suffix or '(no extension)'!r}")
        return
    if size == 0:
        yield QuarantinedInput(ref.file_name, None, "empty file (0 bytes)")
        return
    if suffix not in JSON_SUFFIXES and size > limit:
        yield QuarantinedInput(ref.file_name, None, f"file is {size_label(size)}, over the {size_label(limit)} limit (MAX_INPUT_BYTES)")
        return
    content = path.read_bytes()
    try:
        if suffix in TEXT_SUFFIXES:
            yield read_text_file(ref, content, manifest)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(ref, content, manifest)
        else:
            decoded = decode_document(content)
            for number, line in json_items(decoded.text):
                line_ref = InputRef(ref.file_name, number)
                if len(line.encode("utf-8")) > limit:
                    yield QuarantinedInput(ref.file_name, number, f"JSON line is {size_label(len(line))}, over the {size_label(limit)} limit (MAX_INPUT_BYTES)")
                    continue
                try:
                    yield read_json_item(line_ref, line, manifest, decoded.encoding)
                except UnreadableInput as error:
                    yield QuarantinedInput(ref.file_name, number, str(error))
    except UnreadableInput as error:
        yield QuarantinedInput(ref.file_name, None, str(error))


def date_problem(value: str) -> str | None:
    """Why a stated publication date cannot be used, or None: a relative date (`yesterday` would change
    with the day of the load, so a rebuild would give another date), a day that does not exist
    (2022-02-30), or a date outside the years the warehouse stores."""
    from newsevents.clean import parse_metadata_date

    iso = ISO_DAY_PATTERN.match(value)
    try:
        if iso:
            day = date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        else:
            day, other_reading = (parse_metadata_date(value, base) for base in RELATIVE_BASES)
            if day != other_reading:
                return f"publication date {value!r} is relative to the day it is read; give a calendar date"
    except (ValueError, OverflowError):
        return f"publication date {value!r} is not a calendar date"
    if day is None:
        return f"publication date {value!r} is not a date"
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        return f"publication date {value!r} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}"
    return None


def text_problem(text: str) -> str | None:
    """Why a decoded text cannot be a document, or None."""
    if not text.strip():
        return "no text: only white space"
    if not any(ch.isalnum() for ch in text):
        return "no text: no letter or digit (only invisible or punctuation characters)"
    if len(text) > MAX_TEXT_CHARACTERS:
        return f"text of {len(text):,} characters, over the language model's limit of {MAX_TEXT_CHARACTERS:,}"
    return None


def input_version(path: Path, manifest_row: dict[str, str]) -> str:
    """What identifies one version of an input file: the SHA-256 of its bytes and of its manifest row
    (first 16 hex digits). An edited file, or an edited manifest row, is a new version; a copy is not."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(json.dumps(manifest_row, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def file_version(path: Path, manifest_row: dict[str, str]) -> str:
    """The version of any path of the folder: `input_version` for a file; for a special file (a FIFO, a
    broken link: never opened) the hash of what it is."""
    kind = special_kind(path)
    return hashlib.sha256(kind.encode("utf-8")).hexdigest()[:16] if kind else input_version(path, manifest_row)


def relative_name(corpus_dir: Path, path: Path) -> str:
    return path.relative_to(corpus_dir).as_posix()


def ingest_files(
    corpus_dir: Path,
    file_names: Iterable[str] | None = None,
    known_documents: Mapping[str, str] | None = None,
    limit: int | None = None,
) -> IngestResult:
    """The given input files of `corpus_dir` (all of them by default), each input loaded, recorded as a
    duplicate, or quarantined. `known_documents` maps the ids of documents already loaded from other
    files to their file, so that an input repeating one of them is a duplicate, not a second document."""
    limit = limit or max_input_bytes()
    manifest = read_manifest(corpus_dir)
    paths = list_input_files(corpus_dir) if file_names is None else [corpus_dir / name for name in sorted(set(file_names))]
    result = IngestResult()
    document_of_text: dict[str, str] = dict(known_documents or {})
    for path in paths:
        file_name = relative_name(corpus_dir, path)
        kind = special_kind(path)
        if kind:
            result.inputs_seen += 1
            result.quarantined.append(QuarantinedInput(file_name, None, kind))
            continue
        try:
            outcomes = list(read_file(path, InputRef(file_name), manifest.get(file_name, {}), limit))
        except Exception as error:  # one unreadable file never stops the others: it is quarantined, named
            result.inputs_seen += 1
            result.quarantined.append(QuarantinedInput(file_name, None, f"could not be read: {type(error).__name__}: {error}"[:300]))
            continue
        for outcome in outcomes:
            result.inputs_seen += 1
            if isinstance(outcome, QuarantinedInput):
                result.quarantined.append(outcome)
                continue
            problem = text_problem(outcome.text) or (
                date_problem(outcome.metadata["published_date"]) if outcome.metadata.get("published_date") else None
            )
            if problem:
                result.quarantined.append(QuarantinedInput(file_name, outcome.ref.line_number, problem))
                continue
            document_id = document_id_for(outcome.text)
            if document_id in document_of_text:
                result.duplicates.append(DuplicateInput(file_name, outcome.ref.line_number, document_id))
                continue
            language, problem = language_of(outcome)
            if problem:
                result.quarantined.append(QuarantinedInput(file_name, outcome.ref.line_number, problem))
                continue
            document_of_text[document_id] = file_name
            result.documents.append(
                RawDocument(
                    document_id=document_id,
                    file_name=file_name,
                    line_number=outcome.ref.line_number,
                    input_format=outcome.input_format,
                    encoding=outcome.encoding,
                    raw_text=outcome.text,
                    byte_size=outcome.byte_size,
                    metadata={**outcome.metadata, **({"language": language} if language else {})},
                    date_origin=outcome.date_origin,
                )
            )
    return result


def ingest_corpus(corpus_dir: Path, limit: int | None = None) -> IngestResult:
    """Every input under `corpus_dir`, each loaded, recorded as a duplicate, or quarantined."""
    return ingest_files(corpus_dir, limit=limit)


def read_corpus(corpus_dir: Path) -> list[RawDocument]:
    """The documents of a folder (duplicates and quarantined inputs left out)."""
    return ingest_corpus(corpus_dir).documents
