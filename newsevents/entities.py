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
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from newsevents import config
from newsevents.geocode import (
    Place,
    capital_of,
    country_centroid,
    country_geonames_id,
    geocode_city,
    geocode_in_context,
)
from newsevents.reference import (
    Actor,
    Alias,
    DatedCode,
    actor_on,
    actor_reference,
    load_agents,
    load_dated_codes,
    normalise_name,
)

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
PLACE_FEATURES = ("city", "region", "country")
PLACE_TYPES = ("GPE", "LOC", "FAC")
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr sir dame president gen general admiral adm lt col colonel secretary minister chancellor "
    "prime premier king queen prince sen senator governor mayor chief commander defence defense foreign top deputy "
    "vice ambassador envoy spokesman spokeswoman army state".split()
)
EDGE_PUNCTUATION = "•·*-–—\"'()[]:;,. "
MIN_POPULATION_UNKNOWN_PLACE = 500_000
STANCE_PREFIXES = ("pro", "anti")
LOCATIVE_PREPOSITIONS = frozenset("in at near from into outside around across through inside towards toward via within".split())
# Heads of `to` that make the capital a destination rather than the government receiving something.
MOTION_WORDS = frozenset(
    "fly travel go come return trip visit journey mission arrive head move flee evacuate drive march advance "
    "flight road route train way back".split()
)
FUZZY_MIN_SCORE = 90  # rapidfuzz ratio on normalised full names; see tests/test_entities.py
ROLE_NAMES = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary", "COP": "police",
    "SPY": "intelligence", "REB": "rebels", "OPP": "opposition", "MED": "media", "CVL": "civilians",
    "REF": "refugees", "BUS": "business", "EDU": "students",
}
# The id prefix of people named by their role alone, of no known country (`role:CVL`).
ROLE_GROUP_PREFIX = "role:"
MIN_UPPERCASE_SHARE = 0.01
# An acronym: three to six capitals and digits, starting with a capital (`RSF`, `M23`, `G20`, `UNRWA`).
ACRONYM_PATTERN = re.compile(r"[A-Z][A-Z0-9]{2,5}")
ACRONYM_LABEL = "ORG"
# Where a name stands in a sentence: a subject, object or modifier of a noun.
NAME_DEPS = frozenset("nsubj nsubjpass dobj pobj conj compound poss".split())
RESOLUTION_METHODS = ("dictionary", "title", "fuzzy", "document", "unresolved", "context")


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

    @classmethod
    def of_span(cls, span: Span, sentence_index: int, entity: Entity, ner_label: str, resolution_method: str) -> EntityMention:
        """The mention of `entity` by the words of `span`."""
        return cls(
            sentence_index=sentence_index,
            start_char=span.start_char,
            end_char=span.end_char,
            start_token=span.start,
            end_token=span.end,
            surface_text=span.text,
            ner_label=ner_label,
            resolution_method=resolution_method,
            entity=entity,
        )


def slug(text: str) -> str:
    """A readable key for a name; names with no Latin letters or digits get a hash of the name instead."""
    readable = re.sub(r"[^a-z0-9]+", "-", normalise_name(text)).strip("-")
    return readable or "h" + hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()[:12]


def with_place(entity: Entity, place: Place | None) -> Entity:
    if place is None:
        return entity
    return replace(
        entity,
        feature_type="city",
        country_code=entity.country_code or place.country_code,
        geonames_id=place.geonames_id,
        latitude=place.latitude,
        longitude=place.longitude,
    )


def geocoded(entity: Entity) -> Entity:
    """A dictionary place with its coordinates: a country's centroid, a city's GeoNames entry."""
    if entity.feature_type == "country" and entity.country_code:
        centre = country_centroid(entity.country_code)
        return replace(
            entity,
            geonames_id=country_geonames_id(entity.country_code),
            latitude=centre[0] if centre else None,
            longitude=centre[1] if centre else None,
        )
    if entity.entity_type in PLACE_TYPES and entity.feature_type in (None, "city") and entity.is_resolved:
        return with_place(entity, geocode_city(entity.canonical_name, entity.country_code))
    return entity


def geocoded_in_context(entity: Entity, document_countries: frozenset[str]) -> Entity:
    """An unresolved place name, geocoded with the countries its document is about. An unresolved
    organisation that is a city's name there (the NER tags `Gaza` and `Goma` ORG as often as not) is
    that city."""
    if entity.is_resolved or entity.entity_type not in (*PLACE_TYPES, "ORG"):
        return entity
    place = geocode_in_context(entity.canonical_name, document_countries, MIN_POPULATION_UNKNOWN_PLACE)
    if entity.entity_type == "ORG":
        if place is None:
            return entity
        entity = unresolved_entity(entity.canonical_name, "GPE")
    return with_place(entity, place)


ACTOR_FIELDS = tuple(Actor.__dataclass_fields__)


def entity_from_actor(actor: Actor) -> Entity:
    # Fields read one by one: `asdict` would deep-copy every value, for each of a document's mentions.
    return geocoded(Entity(**{field: getattr(actor, field) for field in ACTOR_FIELDS}, is_resolved=True))


def unresolved_entity(text: str, label: str) -> Entity:
    name = " ".join(text.split())
    return Entity(
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


def role_actor(country: Entity, role: str) -> Entity:
    """A country's government, military, police... as an actor of its own: `Ukrainian forces` -> UKRMIL."""
    return Entity(
        entity_id=f"{country.entity_id}/{role}",
        canonical_name=f"{country.canonical_name} ({ROLE_NAMES.get(role, role.lower())})",
        entity_type="ORG",
        actor_code=f"{country.country_code}{role}" if country.country_code else None,
        country_code=country.country_code,
        role_code=role,
        wikidata_qid=None,
        feature_type=None,
        is_resolved=True,
    )


def role_group(role: str) -> Entity:
    """People named by their role alone whose country the text does not tell (`gunmen abducted villagers`):
    the bare CAMEO role code, as GDELT codes an actor with no country (`CVL`, `REB`)."""
    return Entity(
        entity_id=f"{ROLE_GROUP_PREFIX}{role}",
        canonical_name=ROLE_NAMES.get(role, role.lower()),
        entity_type="ORG",
        actor_code=role,
        country_code=None,
        role_code=role,
        wikidata_qid=None,
        feature_type=None,
        is_resolved=True,
    )


def is_role_group(entity: Entity) -> bool:
    return entity.country_code is None and entity.entity_id == f"{ROLE_GROUP_PREFIX}{entity.role_code}"


class ActorResolver:
    """Looks names up in the actor dictionary, honouring the validity dates of office titles."""

    def __init__(
        self,
        actors: dict[str, Actor],
        aliases: list[Alias],
        reference_dir: Path | None = None,
        dated_codes: dict[str, list[DatedCode]] | None = None,
    ):
        self.actors = actors
        self.dated_codes = dated_codes or {}
        self.aliases_by_key: dict[str, list[Alias]] = defaultdict(list)
        for alias in aliases:
            self.aliases_by_key[normalise_name(alias.alias)].append(alias)
        self.demonym_keys = frozenset(normalise_name(a.alias) for a in aliases if a.alias_type == "demonym")
        # Curated full names (two words or more) by entity type: the only candidates for fuzzy matching
        # (the converted dictionaries' thousands of past office holders would invite false matches).
        self.full_names: dict[str, list[str]] = defaultdict(list)
        for key, key_aliases in self.aliases_by_key.items():
            for entity_type in {actors[a.entity_id].entity_type for a in key_aliases if a.alias_type == "name" and a.curated}:
                if len(key.split()) >= 2:
                    self.full_names[entity_type].append(key)
        self.agents = load_agents(reference_dir) if reference_dir else {}
        # Office titles by the entity that holds them (title aliases, each with its words), for the coder's
        # `the defence secretary` without a name.
        self.titles_by_entity: dict[str, list[tuple[Alias, tuple[str, ...]]]] = defaultdict(list)
        for key, key_aliases in self.aliases_by_key.items():
            for alias in key_aliases:
                if alias.alias_type == "title":
                    self.titles_by_entity[alias.entity_id].append((alias, tuple(key.split())))

    @classmethod
    def from_reference(cls, reference_dir: Path) -> "ActorResolver":
        actors, aliases = actor_reference(reference_dir)
        return cls(actors, aliases, reference_dir, load_dated_codes(reference_dir))

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
        alias = min(candidates, key=lambda a: not a.curated)  # a curated name before a converted one
        actor = self.actors[alias.entity_id]
        return actor_on(actor, self.dated_codes.get(actor.entity_id, []), day), alias

    def resolve_fuzzy(self, text: str, day: date | None, label: str) -> tuple[Actor, Alias] | None:
        """A spelling variant of a full name of the same type (`Volodymyr Zelenskyi`, `Jens Stoltenburg`).
        Only names of two words or more with as many words: a surname alone is too short to judge."""
        words = [w for w in normalise_name(text).split() if w not in TITLE_WORDS]
        if len(words) < 2 or label not in self.full_names:
            return None
        key = " ".join(words)
        candidates = [name for name in self.full_names[label] if len(name.split()) == len(words)]
        best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return self.lookup(best[0], day, label) if best else None

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


def trimmed_span(span: Span, cased: bool = True) -> Span | None:
    """The span without leading/trailing punctuation tokens and a leading 'the' (`• Guterres` -> `Guterres`)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].text.strip(EDGE_PUNCTUATION) == "" or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text.strip(EDGE_PUNCTUATION) == ""):
        end -= 1
    if end > start and doc[end - 1].lower_ in ("'s", "’s"):
        end -= 1
    if cased:
        # `Red Cross involvement`, `U.S has`: a name does not end in a lower-case word.
        while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].is_alpha:
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
    has_proper_noun: bool = True,
) -> tuple[Entity, str] | None:
    """The entity a mention names and how it was found; None for noise."""
    found = resolver.lookup(ruler_key, day, label) if ruler_key else None
    found = found or resolver.resolve_text(text, day, label)
    if found:
        actor, alias = found
        return entity_from_actor(actor), "title" if alias.alias_type == "title" else "dictionary"
    fuzzy = resolver.resolve_fuzzy(text, day, label) if label in ("PERSON", "ORG") else None
    if fuzzy:
        return entity_from_actor(fuzzy[0]), "fuzzy"
    if is_noise(text, cased_document) or hyphen_prefix or (cased_document and not has_proper_noun):
        return None
    if label == "PERSON":
        words = [w for w in normalise_name(text).split() if w not in TITLE_WORDS]
        if words and " ".join(words) in people_so_far:
            return people_so_far[" ".join(words)], "document"
    return unresolved_entity(text, label), "unresolved"


def merge_adjacent(mentions: list[EntityMention], doc: Doc) -> list[EntityMention]:
    """`Russian President` + `Vladimir Putin` side by side are one mention of one person."""
    text = doc.text  # built from the tokens on each access
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
                surface_text=text[previous.start_char : mention.end_char],
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
        # A dictionary match is exact; only statistical spans can have swallowed a word.
        span = trimmed_span(ent, cased_document and not ent.ent_id_)
        if span is None:
            continue
        label = "PERSON" if after_honorific(span) else ent.label_
        resolved = resolve_name(
            span.text,
            label,
            ent.ent_id_,
            published_date,
            resolver,
            people_so_far,
            is_hyphen_prefix(span),
            cased_document,
            any(token.pos_ == "PROPN" for token in span),
        )
        people = people_of_country(span, label, resolver, published_date)
        if people is not None:
            resolved = (people, "dictionary")
        if resolved is None:
            continue
        entity, method = resolved
        if is_capital(entity) and stands_for_government(span):
            # `Moscow accused Kyiv`: the government; `a Moscow court`, `Kyiv's troops`: the role its noun names.
            role = role_of_head(span, resolver.agents) if span.root.dep_ == "compound" else None
            entity = role_actor(entity_from_actor(resolver.actors[f"country:{entity.country_code}"]), role or "GOV")
        elif entity.feature_type == "country" and label == "NORP" and not is_stance_prefixed(span):
            role = role_of_head(span, resolver.agents)
            entity = role_actor(entity, role) if role else entity
        elif entity.entity_type == "PERSON" and not entity.is_resolved:
            entity = with_title_role(entity, span, mentions, resolver.agents)
        if entity.entity_type == "PERSON" and method != "document":
            for short_form in known_short_forms(entity, resolver):
                people_so_far.setdefault(short_form, entity)
        mentions.append(EntityMention.of_span(span, sentence_of_token[span.start], entity, label, method))
    for span in unrecognised_acronyms(doc, mentions):
        entity = unresolved_entity(span.text, ACRONYM_LABEL)
        mentions.append(EntityMention.of_span(span, sentence_of_token[span.start], entity, ACRONYM_LABEL, "unresolved"))
    if cased_document:
        for span in unrecognised_subjects(doc, mentions):
            found = resolve_name(span.text, "PERSON", "", published_date, resolver, people_so_far)
            if found is not None:
                mentions.append(EntityMention.of_span(span, sentence_of_token[span.start], found[0], "PERSON", found[1]))
    mentions.sort(key=lambda m: m.start_token)
    document_countries = frozenset(m.entity.country_code for m in mentions if m.entity.is_resolved and m.entity.country_code)
    mentions = [replace(m, entity=geocoded_in_context(m.entity, document_countries)) for m in mentions]
    from newsevents.groups import (
        group_mentions,  # groups are found from the places this module resolves
    )

    mentions = sorted(mentions + group_mentions(doc, mentions, resolver.agents, resolver.actors), key=lambda m: m.start_token)
    return merge_adjacent(mentions, doc)


def people_of_country(span: Span, label: str, resolver: ActorResolver, day: date | None) -> Entity | None:
    """A nationality in the plural standing as a noun (`Ukrainians`, `thousands of Georgians`) is the
    country's people, its civilians (CVL), not its state; as a modifier (`Ukrainian forces`) it is not."""
    root = span.root
    if label != "NORP" or not span.text.endswith("s") or root.dep_ in ("amod", "compound", "nmod") or root.pos_ == "ADJ":
        return None
    singular = normalise_name(span.text[:-1])
    if singular not in resolver.demonym_keys:
        return None
    found = resolver.lookup(singular, day)
    if found is None or found[0].entity_type != "GPE" or not found[0].country_code:
        return None
    return role_actor(entity_from_actor(resolver.actors[f"country:{found[0].country_code}"]), "CVL")


def unrecognised_acronyms(doc: Doc, mentions: list[EntityMention]) -> list[Span]:
    """Acronyms the NER missed where a name belongs (`RSF fighters`, `M23 seized Goma`, `ADF rebels`): the
    names of organisations. Two-letter ones (`TV`, `HQ`) and words in capitals that stand alone (a speaker's
    label, a dateline) are left out."""
    covered = {i for m in mentions for i in range(m.start_token, m.end_token)}
    return [
        doc[token.i : token.i + 1]
        for token in doc
        if token.i not in covered
        and ACRONYM_PATTERN.fullmatch(token.text)
        and token.pos_ in ("PROPN", "NOUN")
        and token.dep_ in NAME_DEPS
        and not (token.i + 1 < len(doc) and doc[token.i + 1].text == ":")
    ]


def unrecognised_subjects(doc: Doc, mentions: list[EntityMention]) -> list[Span]:
    """Names the NER missed as the subject of a verb (`Mondlane on Monday rejected the ruling`): a run of
    capitalised singular proper nouns heading the subject of a verb (not of `is`: `the Su-27 Flankers are
    NATO's reporting name`). Taken for a person, as a one- or two-word name acting on its own mostly is."""
    covered = {i for m in mentions for i in range(m.start_token, m.end_token)}
    found = []
    for token in doc:
        if token.dep_ != "nsubj" or token.tag_ != "NNP" or not token.is_title or token.i in covered or token.head.pos_ != "VERB":
            continue
        words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title and c.i < token.i]
        start = min([token.i, *(w.i for w in words)])
        if token.i - start > 1 or any(i in covered for i in range(start, token.i + 1)):
            continue
        found.append(doc[start : token.i + 1])
    return found


def is_capital(entity: Entity) -> bool:
    return entity.feature_type == "city" and entity.country_code is not None and capital_of(entity.country_code) == entity.canonical_name


def stands_for_government(span: Span) -> bool:
    """A capital used for its government (`Moscow accuses Japan`, `giving Kyiv weapons`, `between London
    and Moscow`, `a Moscow-brokered ceasefire`), as CAMEO codes it and ACE annotates it, rather than
    the place (`talks in Moscow`, `flew to Moscow`, `a trip to Moscow`)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "to":
        governor = root.head.head
        return governor.lemma_.lower() not in MOTION_WORDS
    return root.dep_ in ("nsubj", "nsubjpass", "agent", "poss", "dobj", "dative", "compound", "npadvmod") or root.dep_ == "pobj"


def is_stance_prefixed(span: Span) -> bool:
    """`pro-Russian`, `anti-Western`: a stance, not the country's own people or forces."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in STANCE_PREFIXES


def role_of_noun(noun: Token, agents: Mapping[str, str]) -> str | None:
    """The role an agent noun gives, the two-word agents first: `security forces` -> COP (as Phoenix's
    agents have it), `forces` -> MIL."""
    lemma = noun.lemma_.lower()
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    if compounds and f"{compounds[0].lemma_.lower()} {lemma}" in agents:
        return agents[f"{compounds[0].lemma_.lower()} {lemma}"]
    return agents.get(lemma) or agents.get(noun.lower_) or agents.get(noun.text)


def role_of_head(span: Span, agents: dict[str, str]) -> str | None:
    """The role a nationality's noun gives it: `Ukrainian forces` -> MIL, `Russian officials` -> GOV, and
    each of a list (`Russian and Belarusian troops`)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ("amod", "compound", "nmod") or root.head.i == root.i:
        return None
    return role_of_noun(root.head, agents)


def with_title_role(entity: Entity, span: Span, earlier: list[EntityMention], agents: dict[str, str]) -> Entity:
    """An unknown person's role and country from the title before the name: `US defence secretary
    Olena Ivanova` -> USAGOV; `General Ivan Petrov` -> role MIL, country unknown."""
    title_tokens = [
        token
        for word in span  # the parser may hang the title on the first name (`minister Musalia Mudavadi`)
        for child in word.children
        if child.i < span.start and child.dep_ in ("compound", "amod", "nmod", "poss", "appos")
        for token in child.subtree
    ]
    title_tokens += [t for t in span if t.lower_ in TITLE_WORDS]
    role = next((agents[t.lemma_.lower()] for t in title_tokens if t.lemma_.lower() in agents), None)
    if role is None:
        return entity
    covering = {i: m for m in earlier for i in range(m.start_token, m.end_token)}
    country = next(
        (covering[t.i].entity.country_code for t in title_tokens if t.i in covering and covering[t.i].entity.country_code), None
    )
    return replace(entity, role_code=role, country_code=country, actor_code=f"{country}{role}" if country else None)
