"""Turn a raw document into cleaned text plus metadata (title, publication date and its origin).

Cleaning is line-based and auditable: every removed line or span is returned with the kind of
boilerplate it matched. Curly quotes become straight ones; runs of blanks collapse; blank lines
collapse to one paragraph break.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import dateparser

from newsevents.config import REFERENCE_DIR

QUOTE_TABLE = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "\u00a0": " "})
CUE_PATTERN = re.compile(r"\s*\[(?:music|applause|laughter|inaudible|crosstalk|silence|no audio)\]\s*", re.IGNORECASE)
# A speaker label opens a transcript turn: `KELLY:` or `ANTONIO GUTERRES:` in capitals.
SPEAKER_LABEL_PATTERN = re.compile(r"^(?P<speaker>[A-Z][A-Z.'\- ]{1,40}[A-Z.]):\s+(?=\S)")
ISO_DATE_PATTERN = re.compile(r"\bdate\s+(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
DATELINE_PATTERN = re.compile(
    r"^(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4})\b(?:\s*[-–—]\s*\w[\w ]*)?$"
)
TITLE_PUBLISHER_SUFFIX = re.compile(r"\s+[-–—|]\s+[^-–—|]{2,40}$")
DATE_ORIGINS = ("manifest", "html", "text", "none")
LINES_SCANNED_FOR_DATE = 3
MIN_SPEAKER_TURNS = 3


@dataclass(frozen=True)
class BoilerplatePattern:
    kind: str
    scope: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RemovedSpan:
    kind: str
    text: str


@dataclass(frozen=True)
class CleanedDocument:
    text: str
    title: str | None
    published_date: date | None
    published_date_origin: str
    removed: tuple[RemovedSpan, ...]
    speakers: tuple[str, ...]


@lru_cache(maxsize=4)
def load_boilerplate_patterns(path: Path = REFERENCE_DIR / "boilerplate_patterns.csv") -> tuple[BoilerplatePattern, ...]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return tuple(
            BoilerplatePattern(row["kind"], row["scope"], re.compile(row["pattern"], re.IGNORECASE)) for row in rows
        )


def normalise_line(line: str) -> str:
    return re.sub(r"[ \t\u2000-\u200b]+", " ", line.translate(QUOTE_TABLE)).strip()


def parse_text_date(value: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%b %d, %Y", "%B %d, %Y", "%b. %d, %Y"):
        try:
            return datetime.strptime(re.sub(r"\bSept\b", "Sep", value), fmt).date()
        except ValueError:
            continue
    return None


def split_leading_date(line: str) -> tuple[date | None, str]:
    """A date the page template put at the top (`date 2023-02-15 ...`, `Apr 26, 2022 - World`), and what is left."""
    iso = ISO_DATE_PATTERN.search(line)
    if iso and iso.start() < 5:
        return parse_text_date(iso.group("date")), line[iso.end():].strip()
    dateline = DATELINE_PATTERN.match(line)
    if dateline:
        return parse_text_date(dateline.group("date")), ""
    return None, line


def strip_boilerplate(line: str, patterns: tuple[BoilerplatePattern, ...]) -> tuple[str, list[RemovedSpan]]:
    removed: list[RemovedSpan] = []
    for pattern in patterns:
        if pattern.scope == "line" and pattern.pattern.search(line):
            return "", [RemovedSpan(pattern.kind, line)]
        if pattern.scope == "inline":
            for match in pattern.pattern.finditer(line):
                removed.append(RemovedSpan(pattern.kind, match.group().strip()))
            line = pattern.pattern.sub("", line).strip()
    return line, removed


def strip_transcript_noise(line: str, transcript: bool) -> tuple[str, list[RemovedSpan], str | None]:
    removed = [RemovedSpan("transcript_cue", m.group().strip()) for m in CUE_PATTERN.finditer(line)]
    line = CUE_PATTERN.sub(" ", line).strip()
    speaker = None
    label = SPEAKER_LABEL_PATTERN.match(line) if transcript else None
    if label:
        speaker = label.group("speaker").strip()
        removed.append(RemovedSpan("speaker_label", label.group().strip()))
        line = line[label.end():]
    return line, removed, speaker


def title_without_publisher(title: str, publisher: str | None) -> str:
    """`Headline – BBC News` -> `Headline` when the suffix is the publisher's name."""
    suffix = TITLE_PUBLISHER_SUFFIX.search(title)
    if suffix and publisher and normalise_line(publisher).lower() in suffix.group().lower():
        return title[: suffix.start()].strip()
    return title


def is_transcript(lines: list[str], kind: str | None) -> bool:
    """A transcript: declared so, or at least three turns opened by a speaker label."""
    if kind == "transcript":
        return True
    return sum(1 for line in lines if SPEAKER_LABEL_PATTERN.match(line.strip())) >= MIN_SPEAKER_TURNS


def parse_metadata_date(value: str) -> date | None:
    """A date from metadata in any common form (`2022-04-26`, `2022-04-26T10:00:00Z`, `Tue, 26 Apr 2022`)."""
    parsed = parse_text_date(value[:10]) or dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if isinstance(parsed, datetime) else parsed


def clean_document(raw_text: str, manifest: dict[str, str] | None = None, metadata_date_origin: str = "manifest") -> CleanedDocument:
    """Clean one document's text and find its title and publication date.

    `manifest` is the metadata supplied with the text (title, publisher, published_date); its date
    came from `metadata_date_origin` (`manifest` for a manifest row or a JSON article's fields, `html`
    for a page's own metadata).
    """
    manifest = manifest or {}
    patterns = load_boilerplate_patterns()
    kept: list[str] = []
    removed: list[RemovedSpan] = []
    speakers: list[str] = []
    text_date: date | None = None
    raw_lines = raw_text.splitlines()
    transcript = is_transcript(raw_lines, manifest.get("kind"))
    for line_number, raw_line in enumerate(raw_lines):
        line = normalise_line(raw_line)
        if line_number < LINES_SCANNED_FOR_DATE and text_date is None and line:
            text_date, rest = split_leading_date(line)
            if text_date is not None:
                removed.append(RemovedSpan("dateline", line[: len(line) - len(rest)].strip()))
                line = rest
        line, line_removed = strip_boilerplate(line, patterns)
        removed.extend(line_removed)
        line, noise_removed, speaker = strip_transcript_noise(line, transcript)
        removed.extend(noise_removed)
        if speaker and speaker not in speakers:
            speakers.append(speaker)
        if line:
            kept.append(line)
        elif kept and kept[-1] != "":
            kept.append("")
    paragraphs = "\n".join(kept).strip()
    paragraphs = re.sub(r"\n{2,}", "\n\n", paragraphs)

    metadata_date = parse_metadata_date(manifest["published_date"]) if manifest.get("published_date") else None
    published_date, origin = (
        (metadata_date, metadata_date_origin) if metadata_date else (text_date, "text") if text_date else (None, "none")
    )
    first_line = next((line for line in kept if line), None)
    title = manifest.get("title") or (
        title_without_publisher(first_line, manifest.get("publisher")) if first_line else None
    )
    return CleanedDocument(paragraphs, title, published_date, origin, tuple(removed), tuple(speakers))
