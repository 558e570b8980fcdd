"""Turn a raw document into cleaned text plus metadata, sentence boundaries and a map back to the raw text.

Cleaning is line-based and auditable: every removed line or span is returned with the kind of boilerplate
it matched (`seeds/reference/boilerplate_patterns.csv`). Transcript speaker labels become speaker turns
instead of text; cues such as `[Music]` go. Curly quotes become straight ones, runs of blanks fold, blank
lines fold to one paragraph break. A long line with no capitals (an auto-captioned transcript) is
recased when a spaCy pipeline is given. Every character of the cleaned text keeps the offset it came from
in the raw text, so any span found later can point back into the raw text (`raw_offset`).
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import dateparser

from newsevents import config

QUOTE_TABLE = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "\u00a0": " "})
BLANKS = re.compile(r"[ \t\u2000-\u200b]+")
CUE_PATTERN = re.compile(r"\s*\[(?:music|applause|laughter|inaudible|crosstalk|silence|no audio)\]\s*", re.IGNORECASE)
# A speaker label opens a transcript turn: `KELLY:` or `ANTONIO GUTERRES:` in capitals.
SPEAKER_LABEL_PATTERN = re.compile(r"^(?P<speaker>[A-Z][A-Z.'\- ]{1,40}[A-Z.]):\s+(?=\S)")
ISO_DATE_PATTERN = re.compile(r"\bdate\s+(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_PATTERN = re.compile(
    rf"^(?:(?:Published|Updated|Posted)(?: on)?:?\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?P<date>{MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:\s*(?:[-–—|,]\s*[\w: ]*|\d{1,2}[:.]\d{2}\s*\w*))?$"
)
TITLE_PUBLISHER_SUFFIX = re.compile(r"\s+[-–—|]\s+[^-–—|]{2,40}$")
DATE_ORIGINS = ("manifest", "html", "text", "none")
LINES_SCANNED_FOR_DATE = 3
MIN_SPEAKER_TURNS = 3
UNCASED_MIN_LETTERS = 200
UNCASED_MAX_UPPERCASE_SHARE = 0.01

Recaser = Callable[[str], tuple[str, list[int]]]  # lower-case text -> (recased text, sentence start offsets)


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
class SpeakerTurn:
    speaker: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class CleanedDocument:
    text: str
    title: str | None
    published_date: date | None
    published_date_origin: str
    removed: tuple[RemovedSpan, ...]
    speakers: tuple[str, ...]
    speaker_turns: tuple[SpeakerTurn, ...] = ()
    sentence_starts: tuple[int, ...] = ()
    offset_map: tuple[tuple[int, int, int], ...] = ()  # (clean start, raw start, length) runs
    recased: bool = False

    def sentence_spans(self) -> list[tuple[int, int]]:
        ends = [*self.sentence_starts[1:], len(self.text)]
        return [(start, len(self.text[:end].rstrip())) for start, end in zip(self.sentence_starts, ends)]


@dataclass
class AlignedText:
    """A string whose every character remembers its offset in the raw text."""

    text: str
    offsets: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, start: int) -> AlignedText:
        return cls(text, list(range(start, start + len(text))))

    def keep(self, spans: list[tuple[int, int]]) -> AlignedText:
        return AlignedText("".join(self.text[a:b] for a, b in spans), [o for a, b in spans for o in self.offsets[a:b]])

    def cut(self, start: int, end: int) -> AlignedText:
        return self.keep([(0, start), (end, len(self.text))])

    def strip(self) -> AlignedText:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.keep([(left, max(left, right))])

    def translate(self, table: dict) -> AlignedText:
        translated = self.text.translate(table)
        assert len(translated) == len(self.text), "translation tables must map one character to one"
        return AlignedText(translated, self.offsets)

    def fold_blanks(self) -> AlignedText:
        """Runs of blanks become one space (the run's first character)."""
        spans, position = [], 0
        for match in BLANKS.finditer(self.text):
            spans.append((position, match.start() + 1))
            position = match.end()
        spans.append((position, len(self.text)))
        folded = self.keep(spans)
        return AlignedText(BLANKS.sub(" ", folded.text), folded.offsets).strip()

    def with_text(self, text: str) -> AlignedText:
        """Same characters, new letter case."""
        assert len(text) == len(self.text)
        return AlignedText(text, self.offsets)


def load_boilerplate_patterns(reference_dir: Path | None = None) -> tuple[BoilerplatePattern, ...]:
    folder = reference_dir or config.reference_dir()
    return cached_boilerplate_patterns(folder, config.reference_version(folder))


@lru_cache(maxsize=4)
def cached_boilerplate_patterns(reference_dir: Path, version: tuple) -> tuple[BoilerplatePattern, ...]:
    with (reference_dir / "boilerplate_patterns.csv").open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return tuple(
            BoilerplatePattern(row["kind"], row["scope"], re.compile(row["pattern"], re.IGNORECASE)) for row in rows
        )


def parse_text_date(value: str) -> date | None:
    value = re.sub(r"\bSept\b", "Sep", value.replace(".", "").replace(",", ""))
    for fmt in ("%Y-%m-%d", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def parse_metadata_date(value: str, relative_to: datetime | None = None) -> date | None:
    """A date from metadata in any common form (`2022-04-26`, `2022-04-26T10:00:00Z`, `Tue, 26 Apr 2022`).
    With `relative_to`, words relative to a day (`yesterday`) are read against it, and a month alone is
    its first day."""
    settings: dict = {"RETURN_AS_TIMEZONE_AWARE": False}
    if relative_to is not None:
        settings.update(RELATIVE_BASE=relative_to, PREFER_DAY_OF_MONTH="first")
    parsed = parse_text_date(value[:10]) or dateparser.parse(value, languages=["en"], settings=settings)
    return parsed.date() if isinstance(parsed, datetime) else parsed


def leading_date(line: str) -> tuple[date | None, int]:
    """A date the page template put at the top (`date 2023-02-15 ...`, `Apr 26, 2022 - World`,
    `Published 26 April 2022`) and how many characters of the line it takes."""
    iso = ISO_DATE_PATTERN.search(line)
    if iso and iso.start() < 5:
        return parse_text_date(iso.group("date")), iso.end()
    dateline = DATELINE_PATTERN.match(line)
    if dateline:
        return parse_text_date(dateline.group("date")), len(line)
    return None, 0


def title_without_publisher(title: str, publisher: str | None) -> str:
    """`Headline – BBC News` -> `Headline` when the suffix is the publisher's name."""
    suffix = TITLE_PUBLISHER_SUFFIX.search(title)
    if suffix and publisher and publisher.lower() in suffix.group().lower():
        return title[: suffix.start()].strip()
    return title


def is_transcript(lines: list[str], kind: str | None) -> bool:
    """A transcript: declared so, or at least three turns opened by a speaker label."""
    if kind == "transcript":
        return True
    return sum(1 for line in lines if SPEAKER_LABEL_PATTERN.match(line.strip())) >= MIN_SPEAKER_TURNS


def is_uncased(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= UNCASED_MIN_LETTERS and sum(ch.isupper() for ch in letters) / len(letters) < UNCASED_MAX_UPPERCASE_SHARE


def remove_boilerplate(line: AlignedText, patterns: tuple[BoilerplatePattern, ...]) -> tuple[AlignedText, list[RemovedSpan]]:
    removed: list[RemovedSpan] = []
    for pattern in patterns:
        if pattern.scope == "line" and pattern.pattern.search(line.text):
            return AlignedText(""), [RemovedSpan(pattern.kind, line.text)]
        if pattern.scope == "inline":
            for match in reversed(list(pattern.pattern.finditer(line.text))):
                removed.append(RemovedSpan(pattern.kind, match.group().strip()))
                line = line.cut(match.start(), match.end())
    return line.strip(), removed


def remove_transcript_noise(line: AlignedText, transcript: bool) -> tuple[AlignedText, list[RemovedSpan], str | None]:
    removed = []
    for match in reversed(list(CUE_PATTERN.finditer(line.text))):
        removed.append(RemovedSpan("transcript_cue", match.group().strip()))
        # Keep one blank of the cue's surroundings so the words either side stay apart.
        blank = next((i for i in range(match.start(), match.end()) if line.text[i].isspace()), None)
        kept_blank = [(blank, blank + 1)] if blank is not None else []
        line = line.keep([(0, match.start()), *kept_blank, (match.end(), len(line.text))])
    line = line.fold_blanks()
    label = SPEAKER_LABEL_PATTERN.match(line.text) if transcript else None
    if not label:
        return line, removed, None
    removed.append(RemovedSpan("speaker_label", label.group().strip()))
    return line.cut(0, label.end()), removed, label.group("speaker").strip()


def offset_runs(offsets: list[int | None]) -> tuple[tuple[int, int, int], ...]:
    """Compress per-character raw offsets into (clean start, raw start, length) runs."""
    runs: list[list[int]] = []
    for clean, raw in enumerate(offsets):
        if raw is None:
            continue
        if runs and runs[-1][0] + runs[-1][2] == clean and runs[-1][1] + runs[-1][2] == raw:
            runs[-1][2] += 1
        else:
            runs.append([clean, raw, 1])
    return tuple(tuple(run) for run in runs)


def raw_offset(offset_map: tuple[tuple[int, int, int], ...] | list, clean_offset: int) -> int | None:
    """The raw-text offset of a cleaned-text offset (None for a character the cleaning inserted)."""
    position = bisect.bisect_right(offset_map, clean_offset, key=lambda run: run[0]) - 1
    if position < 0:
        return None
    clean_start, raw_start, length = offset_map[position]
    return raw_start + clean_offset - clean_start if clean_offset < clean_start + length else None


@lru_cache(maxsize=1)
def sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def punctuation_sentence_starts(text: str) -> list[int]:
    return [sentence.start_char for sentence in sentencizer()(text).sents if sentence.text.strip()]


def clean_document(
    raw_text: str,
    manifest: dict[str, str] | None = None,
    metadata_date_origin: str = "manifest",
    recaser: Recaser | None = None,
) -> CleanedDocument:
    """Clean one document's text and find its title, publication date, sentences and speaker turns.

    `manifest` is the metadata supplied with the text (title, publisher, published_date, kind); its date
    came from `metadata_date_origin` (`manifest` for a manifest row or a JSON article's fields, `html`
    for a page's own metadata). `recaser` restores capitals to lines written without any.
    """
    manifest = manifest or {}
    patterns = load_boilerplate_patterns()
    raw_lines = raw_text.splitlines(keepends=True)
    transcript = is_transcript(raw_lines, manifest.get("kind"))
    kept: list[tuple[AlignedText, str | None, list[int]]] = []  # line, speaker, sentence starts within it
    removed: list[RemovedSpan] = []
    speakers: list[str] = []
    text_date: date | None = None
    line_start = 0
    for number, raw_line in enumerate(raw_lines):
        line = AlignedText.of(raw_line.rstrip("\r\n"), line_start).translate(QUOTE_TABLE).fold_blanks()
        line_start += len(raw_line)
        if number < LINES_SCANNED_FOR_DATE and text_date is None and line.text:
            text_date, taken = leading_date(line.text)
            if text_date is not None:
                removed.append(RemovedSpan("dateline", line.text[:taken].strip()))
                line = line.cut(0, taken).strip()
        line, line_removed = remove_boilerplate(line, patterns)
        removed.extend(line_removed)
        line, noise_removed, speaker = remove_transcript_noise(line, transcript)
        removed.extend(reversed(noise_removed))
        if speaker and speaker not in speakers:
            speakers.append(speaker)
        if not line.text:
            continue
        starts: list[int] = []
        if recaser is not None and is_uncased(line.text):
            recased_text, starts = recaser(line.text)
            line = line.with_text(recased_text)
        # In a transcript a line without a label continues the previous speaker's turn.
        current_speaker = speaker or (kept[-1][1] if kept and transcript else None)
        kept.append((line, current_speaker, starts))

    if kept:
        # `Headline – BBC News`: the publisher's name after the headline is page furniture.
        headline = kept[0][0]
        without_suffix = title_without_publisher(headline.text, manifest.get("publisher"))
        if without_suffix != headline.text:
            removed.append(RemovedSpan("publisher_suffix", headline.text[len(without_suffix):].strip()))
            kept[0] = (headline.keep([(0, len(without_suffix))]), kept[0][1], kept[0][2])
    text, offsets, sentence_starts, turns = assemble(kept)
    metadata_date = parse_metadata_date(manifest["published_date"]) if manifest.get("published_date") else None
    published_date, origin = (
        (metadata_date, metadata_date_origin) if metadata_date else (text_date, "text") if text_date else (None, "none")
    )
    first_line = kept[0][0].text if kept else None
    title = manifest.get("title") or (title_without_publisher(first_line, manifest.get("publisher")) if first_line else None)
    return CleanedDocument(
        text=text,
        title=title,
        published_date=published_date,
        published_date_origin=origin,
        removed=tuple(removed),
        speakers=tuple(speakers),
        speaker_turns=turns,
        sentence_starts=tuple(sentence_starts),
        offset_map=offset_runs(offsets),
        recased=any(starts for _, _, starts in kept),
    )


def assemble(kept: list[tuple[AlignedText, str | None, list[int]]]):
    """Join kept lines with blank lines between paragraphs; collect offsets, sentences and speaker turns."""
    text_parts: list[str] = []
    offsets: list[int | None] = []
    sentence_starts: list[int] = []
    turns: list[SpeakerTurn] = []
    for line, speaker, recased_starts in kept:
        if text_parts:
            text_parts.append("\n\n")
            offsets.extend([None, None])
        start = sum(len(part) for part in text_parts)
        text_parts.append(line.text)
        offsets.extend(line.offsets)
        starts = recased_starts or punctuation_sentence_starts(line.text)
        sentence_starts.extend(start + s for s in (starts or [0]))
        if speaker and turns and turns[-1].speaker == speaker:
            turns[-1] = SpeakerTurn(speaker, turns[-1].start_char, start + len(line.text))
        elif speaker:
            turns.append(SpeakerTurn(speaker, start, start + len(line.text)))
    return "".join(text_parts), offsets, sorted(set(sentence_starts)), tuple(turns)
