"""When an event happened: a date expression of its own clause, resolved against the publication date.

News dates actions relative to the day it is published (`on Tuesday`, `yesterday`, `last month`,
`this spring`) or absolutely (`on 26 April`, `in 2014`). An expression belongs to an action when it hangs
off that action's clause in the dependency parse (not off another verb of the sentence). Relative
expressions are resolved towards the past, as news reports what has happened; weekdays are the most
recent such day on or before the publication day. The precision (day, month, season, year) is kept, and a
coarser date stands for its first day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from spacy.tokens import Doc, Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
PRECISIONS = ("day", "month", "season", "year")
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "overnight": 0}
SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}


@dataclass(frozen=True)
class EventDate:
    day: date
    precision: str
    expression: str | None  # the words that dated it; None when it is the publication date


def owner_of(expression: Span) -> Token:
    """What a date expression dates: the nearest verb (or sentence root) it hangs from, or a noun on the way
    (`the annexation of Crimea in 2014`, `the Wednesday meeting`: the noun's date, not the verb's)."""
    current = expression.root
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        if current.pos_ in ("NOUN", "PROPN") and not (expression.start <= current.i < expression.end):
            return current
    return current


def dates_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    """The DATE entities of each sentence, by the sentence's first token (spaCy builds every entity of the
    document on each `ents` access, of a sentence too: read them once per document)."""
    dates: dict[int, list[Span]] = defaultdict(list)
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.end <= (sentence := ent.sent).end:
            dates[sentence.start].append(ent)
    return dates


def date_expressions(anchor: Token, dates: list[Span]) -> list[Span]:
    """The DATE entities (of its sentence) that date `anchor`: its own date, not another verb's or noun's."""
    return [ent for ent in dates if owner_of(ent).i == anchor.i]


def weekday_before(publication: date, weekday: str) -> date:
    """The most recent `weekday` on or before the publication day."""
    offset = (publication.weekday() - WEEKDAYS.index(weekday)) % 7
    return publication - timedelta(days=offset)


@lru_cache(maxsize=4096)  # a feed repeats its date expressions (`on Tuesday`) for a day's documents
def resolve_expression(text: str, publication: date) -> EventDate | None:
    """A date expression resolved against the publication date, or None if it is not a point in time."""
    words = re.sub(r"[^\w\s-]", "", text.lower()).split()
    if not words:
        return None
    words = [w for w in words if w not in ("on", "the", "late", "early", "earlier", "mid", "this", "past")] or words
    phrase = " ".join(words)
    if phrase in RELATIVE_DAYS:
        return EventDate(publication + timedelta(days=RELATIVE_DAYS[phrase]), "day", text)
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday and len(words) <= 2:
        return EventDate(weekday_before(publication, weekday), "day", text)
    season = next((w for w in words if w in SEASON_START_MONTH), None)
    if season:
        month = SEASON_START_MONTH[season]
        year = publication.year - (1 if "last" in text.lower() else 0)
        if season == "winter" and publication.month <= 2:
            year -= 1  # the winter of January and February began the December before
        return EventDate(date(year, month, 1), "season", text)
    if re.fullmatch(r"(in )?\d{4}", phrase):
        return EventDate(date(int(words[-1]), 1, 1), "year", text)
    if phrase in ("last month", "month"):
        first_of_month = publication.replace(day=1)
        last_month = (first_of_month - timedelta(days=1)).replace(day=1)
        return EventDate(last_month if "last" in text.lower() else first_of_month, "month", text)
    if phrase in ("last week", "week"):
        return EventDate(publication - timedelta(days=7 if "last" in text.lower() else 0), "day", text)
    if phrase in ("last year", "year"):
        return EventDate(date(publication.year - (1 if "last" in text.lower() else 0), 1, 1), "year", text)
    parsed = dateparser.parse(text, languages=["en"], settings={**SETTINGS, "RELATIVE_BASE": datetime.combine(publication, datetime.min.time())})
    if parsed is None or parsed.date() > publication:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text)) and not re.fullmatch(r"\d{4}", text.strip())
    return EventDate(parsed.date(), "day" if has_day or "ago" in words else "month", text)


def event_date(trigger: Token, clause: Token, dates: list[Span], publication: date | None) -> EventDate | None:
    """The date of an action: a date expression of its own (of the event noun, then of its clause), else
    the one date the sentence gives its clauses (`On Monday Russia shelled Kharkiv and Ukraine attacked
    Belgorod`: both on Monday; `X said on Tuesday that Y attacked`: Tuesday), else the publication date.
    `dates` are the DATE entities of the sentence (`dates_by_sentence`)."""
    if publication is None:
        return None
    anchors = [trigger] if trigger.i == clause.i else [trigger, clause]
    own = [expression for anchor in anchors for expression in date_expressions(anchor, dates)]
    resolved = next((r for r in (resolve_expression(e.text, publication) for e in own) if r is not None), None)
    if resolved is None:
        of_clauses = [e for e in dates if owner_of(e).pos_ in ("VERB", "AUX")]
        resolved = resolve_expression(of_clauses[0].text, publication) if len(of_clauses) == 1 else None
    return resolved or EventDate(publication, "day", None)
