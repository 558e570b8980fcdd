"""The development set (`tests/gold/dev/`): text no coding rule was written for, and its scoring.

Each item (a sentence or a short whole article) becomes one document of a corpus folder, with its
publication date in the manifest, and goes through the same stages as a load (ingest, clean, parse,
entities, events). Coded reports that happened (mode `asserted`; a stated intention is coded as an
intent code and is asserted too) are compared with the gold events of their item:

- root + actors: the CAMEO root and both actors agree; full code: the whole code and both actors;
- an actor agrees when its country (the first three letters of a CAMEO actor code, `UKR` of `UKRMIL`)
  is the gold actor's, for international actors when their six-letter code is (`IGOUNO`), or when the
  coded entity's name or words are the gold actor's name; a gold event naming no target accepts any;
- the two actors of a symmetric code (`newsevents.merging.is_symmetric`) agree in either order.

Gold and coded events are paired one to one within an item. The figures are reported per part (`open`,
looked at while writing rules; `frozen`, never), per CAMEO root and per story, with the share of
negative items (no gold event) that stay empty and the share of sentences typed with a right root.
"""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsevents import config
from newsevents.merging import is_symmetric
from newsevents.reference import INTERNATIONAL_PREFIXES, normalise_name
from newsevents.scores import Score

DEV_DIR = config.PROJECT_ROOT / "tests" / "gold" / "dev"
PARTS = ("open", "frozen")
LEVELS = ("root", "code")
NAME_STOPWORDS = frozenset("the of and a an".split())
COUNTRY_PREFIX = "country:"


@dataclass(frozen=True)
class Item:
    item_id: str
    part: str
    story: str
    kind: str
    published: str
    text: str
    note: str


@dataclass(frozen=True)
class Actor:
    name: str
    code: str


@dataclass(frozen=True)
class GoldEvent:
    item_id: str
    actor1: Actor
    event_code: str
    actor2: Actor | None


@dataclass(frozen=True)
class CodedEvent:
    item_id: str
    actor1: Actor
    event_code: str
    actor2: Actor | None


@dataclass
class PartScore:
    """The figures of one part of the set."""

    overall: dict[str, Score] = field(default_factory=lambda: {level: Score() for level in LEVELS})
    by_root: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_story: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    negatives: int = 0
    negatives_empty: int = 0
    typed_sentences: int = 0
    typed_right: int = 0

    @property
    def negatives_empty_share(self) -> float:
        return self.negatives_empty / self.negatives if self.negatives else 1.0

    @property
    def typed_right_share(self) -> float:
        return self.typed_right / self.typed_sentences if self.typed_sentences else 1.0


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [{key: (value or "").strip() for key, value in row.items() if key} for row in rows]


def read_items(dev_dir: Path = DEV_DIR, parts: Iterable[str] = PARTS) -> list[Item]:
    items = []
    for part in parts:
        for path in sorted((dev_dir / part).glob("items_*.csv")):
            for row in read_csv_rows(path):
                text = row["text"]
                if row["kind"] == "article":
                    text = (dev_dir / part / "articles" / f"{row['item_id']}.txt").read_text(encoding="utf-8")
                items.append(Item(row["item_id"], part, row["story"], row["kind"], row["published"], text, row.get("note", "")))
    return items


def read_gold(dev_dir: Path = DEV_DIR, parts: Iterable[str] = PARTS) -> list[GoldEvent]:
    events = []
    for part in parts:
        for path in sorted((dev_dir / part).glob("events_*.csv")):
            for row in read_csv_rows(path):
                actor2 = Actor(row["actor2"], row["actor2_code"].upper()) if row["actor2"] or row["actor2_code"] else None
                actor1 = Actor(row["actor1"], row["actor1_code"].upper())
                events.append(GoldEvent(row["item_id"], actor1, row["event_code"], actor2))
    return events


def write_corpus(items: Iterable[Item], folder: Path) -> None:
    """One text file per item, named by its id, and a manifest with each item's publication date."""
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file_name", "published_date", "publisher"])
        for item in items:
            (folder / f"{item.item_id}.txt").write_text(item.text, encoding="utf-8")
            writer.writerow([f"{item.item_id}.txt", item.published, "development set"])


def code_items(items: list[Item]) -> list[CodedEvent]:
    """The events the pipeline codes in each item, as asserted reports with their actors' codes and names."""
    from newsevents.evaluate import (
        run_stages,  # the full pipeline: imported only when coding
    )

    with tempfile.TemporaryDirectory() as folder:
        write_corpus(items, Path(folder))
        reports, mentions, file_names = run_stages(Path(folder))
    return coded_events(reports, mentions, file_names)


def coded_events(reports: pd.DataFrame, mentions: pd.DataFrame, file_names: dict[str, str]) -> list[CodedEvent]:
    # An unresolved name's codes come from its own document's words (`Ethiopian Prime Minister Abiy
    # Ahmed`), so an entity is described as its document's mentions describe it.
    entities = mentions.sort_values("actor_code", na_position="last").drop_duplicates(["document_id", "entity_id"])
    entities = entities.set_index(["document_id", "entity_id"])

    def actor(document_id: str, entity_id: object, surface: object) -> Actor | None:
        if not isinstance(entity_id, str):
            return None
        if (document_id, entity_id) in entities.index:
            row = entities.loc[(document_id, entity_id)]
            code = row["actor_code"] if isinstance(row["actor_code"], str) else ""
            country = row["country_code"] if isinstance(row["country_code"], str) else ""
            return Actor(f"{row['canonical_name']} | {surface}", code or country)
        if entity_id.startswith(COUNTRY_PREFIX):  # a role of a country the coder found in context: `country:KEN/COP`
            return Actor(str(surface), entity_id.removeprefix(COUNTRY_PREFIX).replace("/", ""))
        return Actor(str(surface), "")

    events = []
    for row in reports[reports["mode"] == "asserted"].itertuples(index=False):
        item_id = file_names[row.document_id].removesuffix(".txt")
        actor1 = actor(row.document_id, row.actor1_entity_id, row.actor1_text)
        if actor1 is not None:
            actor2 = actor(row.document_id, row.actor2_entity_id, row.actor2_text)
            events.append(CodedEvent(item_id, actor1, row.event_code, actor2))
    return events


def name_words(name: str) -> set[str]:
    return {w for w in normalise_name(name).replace("|", " ").split() if w not in NAME_STOPWORDS}


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in NAME_STOPWORDS)


def same_name(gold: str, coded: str) -> bool:
    """The same name, one a part of the other (`Pashinyan`, `Nikol Pashinyan`), or an acronym of the
    other (`RSF`, `Rapid Support Forces`)."""
    gold_words, coded_words = name_words(gold), name_words(coded)
    if not gold_words or not coded_words:
        return False
    if gold_words <= coded_words or coded_words <= gold_words:
        return True
    gold_initials, coded_initials = initials(normalise_name(gold).split()), initials(normalise_name(coded).split())
    return (len(coded_words) == 1 and next(iter(coded_words)) == gold_initials) or (
        len(gold_words) == 1 and next(iter(gold_words)) == coded_initials
    )


def same_actor(gold: Actor, coded: Actor) -> bool:
    """Whether a coded actor is the gold one: by country, international code, or name."""
    prefix = gold.code[:3]
    if prefix in INTERNATIONAL_PREFIXES:  # not a country: the first six letters name the actor
        if len(gold.code) >= 6 and coded.code[:6] == gold.code[:6]:
            return True
    elif len(prefix) == 3 and coded.code[:3] == prefix:
        return True
    return any(same_name(gold.name, name) for name in coded.name.split(" | "))


def events_agree(gold: GoldEvent, coded: CodedEvent, level: str) -> bool:
    if level == "root" and gold.event_code[:2] != coded.event_code[:2]:
        return False
    if level == "code" and gold.event_code != coded.event_code:
        return False

    def sides_agree(first: Actor, second: Actor | None) -> bool:
        return same_actor(gold.actor1, first) and (gold.actor2 is None or (second is not None and same_actor(gold.actor2, second)))

    if sides_agree(coded.actor1, coded.actor2):
        return True
    return is_symmetric(gold.event_code) and coded.actor2 is not None and sides_agree(coded.actor2, coded.actor1)


def distinct_coded(coded: list[CodedEvent]) -> list[CodedEvent]:
    """One coded event per (actor 1, code, actor 2) of an item: a happening reported twice is one event."""
    seen, distinct = set(), []
    for event in coded:
        key = (event.actor1.code or event.actor1.name, event.event_code, event.actor2.code or event.actor2.name if event.actor2 else "")
        if key not in seen:
            seen.add(key)
            distinct.append(event)
    return distinct


def pair_events(gold: list[GoldEvent], coded: list[CodedEvent], level: str) -> list[tuple[GoldEvent, CodedEvent]]:
    """Gold and coded events of one item paired one to one, each gold event with the first coded one that agrees."""
    free = list(coded)
    pairs = []
    for event in gold:
        match = next((c for c in free if events_agree(event, c, level)), None)
        if match is not None:
            free.remove(match)
            pairs.append((event, match))
    return pairs


def score_part(items: list[Item], gold: list[GoldEvent], coded: list[CodedEvent]) -> PartScore:
    score = PartScore()
    gold_of: dict[str, list[GoldEvent]] = defaultdict(list)
    coded_of: dict[str, list[CodedEvent]] = defaultdict(list)
    for event in gold:
        gold_of[event.item_id].append(event)
    for event in coded:
        coded_of[event.item_id].append(event)
    for item in items:
        expected, found = gold_of[item.item_id], distinct_coded(coded_of[item.item_id])
        for level in LEVELS:
            pairs = pair_events(expected, found, level)
            tally = score.overall[level]
            tally.true_positives += len(pairs)
            tally.false_positives += len(found) - len(pairs)
            tally.false_negatives += len(expected) - len(pairs)
            if level != "root":
                continue
            matched_gold = {id(g) for g, _ in pairs}
            matched_coded = {id(c) for _, c in pairs}
            for event in expected:
                hit = id(event) in matched_gold
                for tally in (score.by_root[event.event_code[:2]], score.by_story[item.story]):
                    tally.true_positives += hit
                    tally.false_negatives += not hit
            for event in found:
                if id(event) not in matched_coded:
                    score.by_root[event.event_code[:2]].false_positives += 1
                    score.by_story[item.story].false_positives += 1
        if not expected:
            score.negatives += 1
            score.negatives_empty += not found
        elif item.kind == "sentence":
            score.typed_sentences += 1
            score.typed_right += bool({g.event_code[:2] for g in expected} & {c.event_code[:2] for c in found})
    return score


def evaluate_dev(dev_dir: Path = DEV_DIR, parts: Iterable[str] = PARTS) -> dict[str, PartScore]:
    """Code every item of the set once and score each part."""
    items = read_items(dev_dir, parts)
    gold = read_gold(dev_dir, parts)
    coded = code_items(items)
    return {
        part: score_part([i for i in items if i.part == part], gold, coded)
        for part in parts
        if any(i.part == part for i in items)
    }
