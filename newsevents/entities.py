"""Entity mentions: spaCy spans resolved to canonical actors of the dictionary, or kept as unresolved.

Resolution order for a span: the alias the dictionary ruler matched; the span's text with leading titles
and nationality words stripped (`Russian President Vladimir Putin` -> `Vladimir Putin`); for a person,
a surname or short form of a person already named in the same document (`Mr Wallace` -> Ben Wallace).
Office titles (`UN chief`) resolve to whoever held the office on the document's date. Anything else
becomes an unresolved entity whose id is derived from its type and normalised name, so it is stable
and never silently dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from newsevents import config
from newsevents.geocode import country_geonames_id, geocode_city
from newsevents.reference import Actor, Alias, load_actors, load_aliases, normalise_name

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
PLACE_TYPES = ("GPE", "LOC", "FAC")
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr sir dame president gen general admiral adm lt col colonel secretary minister chancellor "
    "prime premier king queen prince sen senator governor mayor chief commander defence defense foreign top deputy "
    "vice ambassador envoy spokesman spokeswoman army state".split()
)
EDGE_PUNCTUATION = "•·*-–—\"'()[]:;,. "
MIN_POPULATION_UNKNOWN_PLACE = 500_000
MIN_UPPERCASE_SHARE = 0.01
RESOLUTION_METHODS = ("dictionary", "title", "document", "unresolved")


@dataclass(frozen=True)
class Entity(Actor):
    """One real-world actor or place as the pipeline found it: a dictionary actor or an unresolved name,
    with coordinates where it is a place."""

    is_resolved: bool = True
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class EntityMention:
    sentence_index: int
    start_char: int
    end_char: int
    start_token: int
    end_token: int
    surface_text: str
    ner_label: str
    resolution_method: str
    entity: Entity


def slug(text: str) -> str:
    """A readable key for a name; names with no Latin letters or digits get a hash of the name instead."""
    readable = re.sub(r"[^a-z0-9]+", "-", normalise_name(text)).strip("-")
    return readable or "h" + hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()[:12]


def geocoded(entity: Entity) -> Entity:
    if entity.feature_type == "country" and entity.country_code:
        return replace(entity, geonames_id=country_geonames_id(entity.country_code))
    if entity.entity_type in PLACE_TYPES and entity.feature_type in (None, "city"):
        place = geocode_city(entity.canonical_name, entity.country_code)
        # A name the dictionary does not know is only taken for a city when that city is large: a small
        # town of the same name elsewhere (Palestine, Texas) is a worse answer than no place at all.
        if place and (entity.is_resolved or place.population >= MIN_POPULATION_UNKNOWN_PLACE):
            return replace(
                entity,
                feature_type="city",
                country_code=entity.country_code or place.country_code,
                geonames_id=place.geonames_id,
                latitude=place.latitude,
                longitude=place.longitude,
            )
    return entity


def entity_from_actor(actor: Actor) -> Entity:
    return geocoded(Entity(**asdict(actor), is_resolved=True))


def unresolved_entity(text: str, label: str) -> Entity:
    name = " ".join(text.split())
    return geocoded(
        Entity(
            entity_id=f"unresolved:{label.lower()}:{slug(name)}",
            canonical_name=name,
            entity_type=label,
            actor_code=None,
            country_code=None,
            role_code=None,
            wikidata_qid=None,
            feature_type=None,
            is_resolved=False,
        )
    )


class ActorResolver:
    """Looks names up in the actor dictionary, honouring the validity dates of office titles."""

    def __init__(self, actors: dict[str, Actor], aliases: list[Alias]):
        self.actors = actors
        self.aliases_by_key: dict[str, list[Alias]] = defaultdict(list)
        for alias in aliases:
            self.aliases_by_key[normalise_name(alias.alias)].append(alias)
        self.demonym_keys = frozenset(normalise_name(a.alias) for a in aliases if a.alias_type == "demonym")

    @classmethod
    def from_reference(cls, reference_dir: Path) -> "ActorResolver":
        actors = load_actors(reference_dir)
        return cls(actors, load_aliases(actors, reference_dir))

    def lookup(self, key: str, day: date | None, label: str | None = None) -> tuple[Actor, Alias] | None:
        candidates = [alias for alias in self.aliases_by_key.get(key, ()) if alias.valid_on(day)]
        if not candidates:
            return None
        if label == "PERSON":
            # A person is never read as a place or organisation (`Mr Jordan`), only as a person.
            candidates = [a for a in candidates if self.actors[a.entity_id].entity_type == "PERSON" or a.alias_type == "title"]
        elif label:
            same_type = [a for a in candidates if self.actors[a.entity_id].entity_type == label]
            candidates = same_type or candidates
        if not candidates:
            return None
        alias = candidates[0]
        return self.actors[alias.entity_id], alias

    def resolve_text(self, text: str, day: date | None, label: str | None) -> tuple[Actor, Alias] | None:
        words = normalise_name(text).split()
        while words:
            found = self.lookup(" ".join(words), day, label)
            if found:
                return found
            if words[0] in TITLE_WORDS or words[0] in self.demonym_keys:
                words = words[1:]
            else:
                return None
        return None


def default_resolver(reference_dir: Path | None = None) -> ActorResolver:
    """The resolver for the reference data in use (REFERENCE_DIR), rebuilt when its files change."""
    folder = reference_dir or config.reference_dir()
    return cached_resolver(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_resolver(reference_dir: Path, version: tuple) -> ActorResolver:
    return ActorResolver.from_reference(reference_dir)


def default_country_entities(reference_dir: Path | None = None) -> dict[str, Entity]:
    """Country entities by ISO alpha-3 code, for mapping a city or region to its country."""
    folder = reference_dir or config.reference_dir()
    return cached_country_entities(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_country_entities(reference_dir: Path, version: tuple) -> dict[str, Entity]:
    actors = cached_resolver(reference_dir, version).actors.values()
    return {a.country_code: entity_from_actor(a) for a in actors if a.feature_type == "country" and a.country_code}


HONORIFICS = frozenset("mr mrs ms miss dr sir dame".split())


def after_honorific(span: Span) -> bool:
    """`Mr Jordan`: a name after an honorific is a person whatever else it could be."""
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and previous.lower_.rstrip(".") in HONORIFICS


def is_hyphen_prefix(span: Span) -> bool:
    """`Pro` in `Pro-Russian`: the first half of a hyphenated word is not an entity of its own."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end - 1].whitespace_ == "" and doc[span.end].text == "-"


def trimmed_span(span: Span) -> Span | None:
    """The span without leading/trailing punctuation tokens and a leading 'the' (`• Guterres` -> `Guterres`)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].text.strip(EDGE_PUNCTUATION) == "" or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text.strip(EDGE_PUNCTUATION) == ""):
        end -= 1
    if end > start and doc[end - 1].lower_ in ("'s", "’s"):
        end -= 1
    return doc[start:end] if end > start else None


def is_noise(text: str, cased_document: bool = True) -> bool:
    """Not a name: too short, a credit or address, or, in a cased text, no capital at all
    (`defence ministry` is a description, `Defence Ministry` may be a name)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or "/" in text or "@" in text:
        return True
    return cased_document and not any(word[:1].isupper() for word in text.split())


def is_cased(text: str) -> bool:
    """Whether a text uses capitals at all (an auto-caption transcript may not)."""
    letters = [ch for ch in text if ch.isalpha()]
    return not letters or sum(ch.isupper() for ch in letters) / len(letters) >= MIN_UPPERCASE_SHARE


def known_short_forms(entity: Entity, resolver: ActorResolver) -> set[str]:
    """First and last names of a person: what a later `Mr X`, `X` or `Hey, Charles` may refer to."""
    words = normalise_name(entity.canonical_name).split()
    return {words[0], words[-1]} if len(words) > 1 else set(words)


def resolve_name(
    text: str,
    label: str,
    ruler_key: str,
    day: date | None,
    resolver: ActorResolver,
    people_so_far: dict[str, Entity],
    hyphen_prefix: bool = False,
    cased_document: bool = True,
) -> tuple[Entity, str] | None:
    """The entity a mention names and how it was found; None for noise."""
    found = resolver.lookup(ruler_key, day, label) if ruler_key else None
    found = found or resolver.resolve_text(text, day, label)
    if found:
        actor, alias = found
        return entity_from_actor(actor), "title" if alias.alias_type == "title" else "dictionary"
    if is_noise(text, cased_document) or hyphen_prefix:
        return None
    if label == "PERSON":
        words = [w for w in normalise_name(text).split() if w not in TITLE_WORDS]
        if words and " ".join(words) in people_so_far:
            return people_so_far[" ".join(words)], "document"
    return unresolved_entity(text, label), "unresolved"


def merge_adjacent(mentions: list[EntityMention], doc: Doc) -> list[EntityMention]:
    """`Russian President` + `Vladimir Putin` side by side are one mention of one person."""
    merged: list[EntityMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous
            and previous.entity.entity_id == mention.entity.entity_id
            and previous.end_token == mention.start_token
        ):
            merged[-1] = replace(
                previous,
                end_char=mention.end_char,
                end_token=mention.end_token,
                surface_text=doc.text[previous.start_char : mention.end_char],
                resolution_method=previous.resolution_method if previous.resolution_method != "title" else mention.resolution_method,
            )
        else:
            merged.append(mention)
    return merged


def resolve_entities(doc: Doc, published_date: date | None, resolver: ActorResolver | None = None) -> list[EntityMention]:
    """Every entity mention of a parsed document, resolved to a canonical entity, in text order."""
    resolver = resolver or default_resolver()
    sentence_of_token = {}
    for index, sentence in enumerate(doc.sents):
        for token in sentence:
            sentence_of_token[token.i] = index
    people_so_far: dict[str, Entity] = {}
    mentions: list[EntityMention] = []
    cased_document = is_cased(doc.text)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = trimmed_span(ent)
        if span is None:
            continue
        label = "PERSON" if after_honorific(span) else ent.label_
        resolved = resolve_name(
            span.text, label, ent.ent_id_, published_date, resolver, people_so_far, is_hyphen_prefix(span), cased_document
        )
        if resolved is None:
            continue
        entity, method = resolved
        if entity.entity_type == "PERSON" and entity.is_resolved:
            for short_form in known_short_forms(entity, resolver):
                people_so_far.setdefault(short_form, entity)
        mentions.append(
            EntityMention(
                sentence_index=sentence_of_token[span.start],
                start_char=span.start_char,
                end_char=span.end_char,
                start_token=span.start,
                end_token=span.end,
                surface_text=span.text,
                ner_label=label,
                resolution_method=method,
                entity=entity,
            )
        )
    return merge_adjacent(mentions, doc)
