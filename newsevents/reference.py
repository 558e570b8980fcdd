"""Reference data: the actor dictionary with its aliases, the CAMEO codebook and the verb dictionary.

All of it is read from CSV files under `seeds/reference/` (lines starting with `#` are the files' source
notes), so users extend it without code changes. Actors come from three places, later ones winning where
they overlap: the countries of the world from pycountry (ISO 3166); the Phoenix actor dictionaries
converted by `newsevents.convert.phoenix_actors` (`phoenix_*.csv`: office holders with the dates of their
offices, international organisations, armed groups); the office holders since 2016 (`office_holders.csv`: one
row per term, giving each holder a dated code and office titles valid during the term); and the curated rows
(`actors.csv`, `actor_aliases.csv`). A converted name that a curated, generated or office holder's actor has is
dropped.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pycountry

from newsevents import config

PHOENIX_ACTORS_FILE = "phoenix_actors.csv"
PHOENIX_ALIASES_FILE = "phoenix_actor_aliases.csv"
PHOENIX_CODES_FILE = "phoenix_actor_codes.csv"
OFFICE_HOLDERS_FILE = "office_holders.csv"
OFFICES = (
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "army_chief",
    "secretary_general", "commission_chair", "council_president", "high_representative",
)
TITLE_SEPARATOR = "|"
# The CAMEO role of a country's elite (codebook ch. 3): former office holders, as Phoenix codes them.
ELITE_ROLE = "ELI"
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
ALIAS_TYPES = ("name", "title", "demonym")
ACRONYM_PATTERN = re.compile(r"^[A-Z]{2,3}$")
# country_facts.csv follows its source in coding Kosovo UNK; ISO's user-assigned code, used here, is XKX.
CENTROID_CODE_ALIASES = {"UNK": "XKX"}
# Prefixes of CAMEO actor codes that are not countries (codebook ch. 3: international, non-governmental and
# multinational actors, international militarised groups, unidentified state actors).
INTERNATIONAL_PREFIXES = frozenset(("IGO", "NGO", "MNC", "IMG", "UIS"))
# cameo_plover.csv's event type for the CAMEO codes PLOVER has no type for.
PLOVER_DROPPED = "dropped"


@dataclass(frozen=True)
class Actor:
    entity_id: str
    canonical_name: str
    entity_type: str
    actor_code: str | None
    country_code: str | None
    role_code: str | None
    wikidata_qid: str | None
    feature_type: str | None


@dataclass(frozen=True)
class Alias:
    entity_id: str
    alias: str
    alias_type: str
    valid_from: date | None
    valid_to: date | None
    curated: bool = True  # False for the names of the converted Phoenix dictionaries

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def read_reference_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a reference CSV, skipping its `#` source notes; empty cells become ''."""
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            yield {key: (value or "").strip() for key, value in row.items()}


def optional(value: str) -> str | None:
    return value or None


def optional_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def normalise_name(text: str) -> str:
    """The key names are matched on: no accents, no punctuation, lower case, single spaces, no leading 'the'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = re.sub(r"['’]s\b", "", ascii_text)
    words = re.sub(r"[^\w\s]", " ", ascii_text.replace(".", "")).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_case_sensitive_alias(alias: str) -> bool:
    """Short all-capital acronyms (US, UN, UK, EU) are only themselves in capitals: 'us' is a pronoun."""
    return bool(ACRONYM_PATTERN.match(alias))


@lru_cache(maxsize=1)
def iso_alpha_3_codes() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


def actor_code_parts(actor_code: str | None) -> tuple[str | None, str | None]:
    """The country (ISO 3166 alpha-3) and role of a CAMEO actor code: `RUSGOV` -> (RUS, GOV), `IGOUNO` ->
    (None, IGO), `AFG` -> (AFG, None)."""
    if not actor_code:
        return None, None
    prefix = actor_code[:3]
    if prefix in INTERNATIONAL_PREFIXES:
        return None, prefix
    return (prefix if prefix in iso_alpha_3_codes() else None), (actor_code[3:6] or None)


def inverted_short_forms() -> frozenset[str]:
    """The short forms of ISO 3166's inverted names (`Congo` of `Congo, The Democratic Republic of the`)."""
    return frozenset(short_name(country.name) for country in pycountry.countries if "," in country.name)


def country_display_name(country) -> str:
    """A country's name: its common name, else its ISO name, unless that is the short form of another's
    (the Republic of the Congo is not `Congo`, which news uses for the Democratic Republic)."""
    name = getattr(country, "common_name", None) or country.name
    if name in inverted_short_forms() and "," not in country.name:
        return getattr(country, "official_name", None) or name
    return name


def generated_country_actors() -> list[Actor]:
    return [
        Actor(
            entity_id=f"country:{country.alpha_3}",
            canonical_name=country_display_name(country),
            entity_type="GPE",
            actor_code=country.alpha_3,
            country_code=country.alpha_3,
            role_code=None,
            wikidata_qid=None,
            feature_type="country",
        )
        for country in pycountry.countries
    ]


def short_name(name: str) -> str:
    """`Palestine, State of` -> `Palestine`: ISO 3166 puts the short form first."""
    return name.split(",")[0].strip()


def generated_country_aliases() -> list[Alias]:
    """ISO 3166 names of every country, with the short form of inverted names when no other country shares it
    (`Palestine, State of` gives `Palestine`; `Korea, Republic of` gives nothing, as both Koreas would). A
    name several countries have goes to the most populous."""
    names_by_country = {
        country.alpha_3: {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)} - {None}
        for country in pycountry.countries
    }
    short_forms: dict[str, set[str]] = defaultdict(set)
    for alpha_3, names in names_by_country.items():
        for name in names:
            if "," in name:
                short_forms[short_name(name)].add(alpha_3)
    owners: dict[str, set[str]] = defaultdict(set)
    for alpha_3, names in names_by_country.items():
        unique_short = {short for short, countries in short_forms.items() if countries == {alpha_3}}
        for name in names | unique_short:
            owners[name].add(f"country:{alpha_3}")
    # A name two countries share (`Congo`: the Republic's ISO name, the Democratic Republic's short form)
    # goes to the more populous, as news uses it and as shared demonyms do.
    return [Alias(max(ids, key=country_population), name, "name", None, None) for name, ids in sorted(owners.items())]


def generated_demonym_aliases(reference_dir: Path, actors: dict[str, Actor]) -> list[Alias]:
    """Demonyms of every country (`country_facts.csv`). A demonym several territories share (`French`:
    France and its southern lands) goes to the most populous of them."""
    path = reference_dir / "country_facts.csv"
    if not path.exists():
        return []
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_reference_csv(path):
        for demonym in re.split(r",\s*|\s+or\s+", row["demonym"]):
            entity_id = f"country:{CENTROID_CODE_ALIASES.get(row['alpha_3'], row['alpha_3'])}"
            if demonym and entity_id in actors:
                owners[demonym].add(entity_id)
    return [
        Alias(max(ids, key=country_population), demonym, "demonym", None, None) for demonym, ids in sorted(owners.items())
    ]


def country_population(entity_id: str) -> int:
    from newsevents.geocode import alpha2_for, countries

    alpha2 = alpha2_for(entity_id.split(":")[1])
    country = countries().get(alpha2) if alpha2 else None
    return int(country["population"]) if country else 0


def read_actor_rows(path: Path) -> Iterator[dict[str, str]]:
    if not path.exists():
        return
    for row in read_reference_csv(path):
        if row["entity_type"] not in ENTITY_TYPES:
            raise ValueError(f"{path.name}: {row['entity_id']} has unknown entity_type {row['entity_type']!r}")
        yield row


def load_actors(reference_dir: Path | None = None) -> dict[str, Actor]:
    """Every actor: the countries of ISO 3166, the converted Phoenix actors, the office holders, and the
    curated rows; later ones win where an entity_id is in more than one."""
    reference_dir = reference_dir or config.reference_dir()
    actors = {actor.entity_id: actor for actor in generated_country_actors()}
    curated = list(read_actor_rows(reference_dir / "actors.csv"))
    terms = load_office_terms(reference_dir)
    holders = {term.entity_id for term in terms}
    # A converted actor of the same name as a curated, generated or office holder's one is that actor (an
    # office holder's own converted row is kept: it tells their country).
    known_names = (
        {normalise_name(row["canonical_name"]) for row in curated}
        | {normalise_name(a.canonical_name) for a in actors.values()}
        | {normalise_name(term.canonical_name) for term in terms}
    )
    converted = [
        row
        for row in read_actor_rows(reference_dir / PHOENIX_ACTORS_FILE)
        if normalise_name(row["canonical_name"]) not in known_names or row["entity_id"] in holders
    ]
    for row in converted:
        actors[row["entity_id"]] = actor_of_row(row)
    actors.update(office_holder_actors(terms, actors))
    for row in curated:
        actors[row["entity_id"]] = actor_of_row(row)
    return actors


def actor_of_row(row: dict[str, str]) -> Actor:
    return Actor(
        entity_id=row["entity_id"],
        canonical_name=row["canonical_name"],
        entity_type=row["entity_type"],
        actor_code=optional(row["actor_code"]),
        country_code=optional(row["country_code"]),
        role_code=optional(row["role_code"]),
        wikidata_qid=optional(row["wikidata_qid"]),
        feature_type=optional(row["feature_type"]),
    )


@dataclass(frozen=True)
class OfficeTerm:
    """One term of an office (`office_holders.csv`): who held it, with which CAMEO code, between two dates
    (inclusive; valid_to None = still in office)."""

    entity_id: str
    canonical_name: str
    office_country: str
    office: str
    titles: tuple[str, ...]
    actor_code: str
    valid_from: date
    valid_to: date | None
    source: str

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def is_international(self) -> bool:
        return self.office_country[:3] in INTERNATIONAL_PREFIXES


def load_office_terms(reference_dir: Path | None = None) -> list[OfficeTerm]:
    """The terms of office of `office_holders.csv`, in the file's order (none if there is no such file)."""
    path = (reference_dir or config.reference_dir()) / OFFICE_HOLDERS_FILE
    if not path.exists():
        return []
    terms = []
    for row in read_reference_csv(path):
        if row["office"] not in OFFICES:
            raise ValueError(f"{path.name}: {row['entity_id']} holds unknown office {row['office']!r}")
        terms.append(
            OfficeTerm(
                entity_id=row["entity_id"],
                canonical_name=row["canonical_name"],
                office_country=row["office_country"],
                office=row["office"],
                titles=tuple(title.strip() for title in row["title"].split(TITLE_SEPARATOR) if title.strip()),
                actor_code=row["actor_code"],
                valid_from=date.fromisoformat(row["valid_from"]),
                valid_to=optional_date(row["valid_to"]),
                source=row["source"],
            )
        )
    return terms


def home_country(terms: list[OfficeTerm], known: Actor | None) -> str | None:
    """A holder's country: that of their latest national office, else that of the code the converted
    dictionaries give them (a UN Secretary-General's)."""
    national = [term for term in terms if not term.is_international]
    if national:
        return max(national, key=lambda term: term.valid_from).office_country
    return known.country_code if known else None


def office_holder_actors(terms: list[OfficeTerm], known: dict[str, Actor]) -> dict[str, Actor]:
    """An actor for each office holder, named as the file names them and coded, outside their terms, as the
    elite (ELI) of their country, as Phoenix codes former office holders: `Uhuru Kenyatta` is KENELI, and
    KENGOV during his term (`load_dated_codes`)."""
    by_holder: dict[str, list[OfficeTerm]] = defaultdict(list)
    for term in terms:
        by_holder[term.entity_id].append(term)
    actors = {}
    for entity_id, held in by_holder.items():
        country = home_country(held, known.get(entity_id))
        actors[entity_id] = Actor(
            entity_id=entity_id,
            canonical_name=held[0].canonical_name,
            entity_type="PERSON",
            actor_code=f"{country}{ELITE_ROLE}" if country else None,
            country_code=country,
            role_code=ELITE_ROLE if country else None,
            wikidata_qid=known[entity_id].wikidata_qid if entity_id in known else None,
            feature_type=None,
        )
    return actors


def load_aliases(actors: dict[str, Actor], reference_dir: Path | None = None) -> list[Alias]:
    """Every alias of every actor: canonical names, generated country names and the curated alias rows."""
    reference_dir = reference_dir or config.reference_dir()
    converted = converted_entity_ids(reference_dir)
    aliases = [Alias(a.entity_id, a.canonical_name, "name", None, None) for a in actors.values() if a.entity_id not in converted]
    aliases.extend(generated_country_aliases())
    demonyms = generated_demonym_aliases(reference_dir, actors)
    aliases.extend(demonyms)
    curated_rows = []
    for row in read_reference_csv(reference_dir / "actor_aliases.csv"):
        if row["entity_id"] not in actors:
            raise ValueError(f"actor_aliases.csv: alias {row['alias']!r} names unknown entity {row['entity_id']!r}")
        if row["alias_type"] not in ALIAS_TYPES:
            raise ValueError(f"actor_aliases.csv: alias {row['alias']!r} has unknown alias_type {row['alias_type']!r}")
        curated_rows.append(
            Alias(row["entity_id"], row["alias"], row["alias_type"], optional_date(row["valid_from"]), optional_date(row["valid_to"]))
        )
    aliases.extend(curated_rows)
    words = country_words(actors, demonyms, curated_rows)
    aliases.extend(alias for term in load_office_terms(reference_dir) for alias in office_title_aliases(term, *words.get(term.office_country, ((), ()))))
    return dedupe_aliases(aliases + phoenix_aliases(reference_dir, actors, {normalise_name(a.alias) for a in aliases}))


def country_words(actors: dict[str, Actor], demonyms: list[Alias], curated: list[Alias]) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each country's names and adjectives for office titles, by ISO alpha-3: its display name and curated
    names (`Kenya`; `US`, `the United States`), and the demonyms of `country_facts.csv` with the curated ones
    that are not plurals (`Kenyan`; `Azeri`, not `Americans`)."""
    names: dict[str, list[str]] = defaultdict(list)
    adjectives: dict[str, list[str]] = defaultdict(list)
    for actor in actors.values():
        if actor.feature_type == "country" and actor.entity_id == f"country:{actor.country_code}":
            names[actor.country_code].append(actor.canonical_name)
    for alias in [*demonyms, *curated]:
        country = alias.entity_id.removeprefix("country:")
        if alias.entity_id == country or alias.valid_from or alias.valid_to:
            continue
        if alias.alias_type == "name":
            names[country].append(alias.alias)
        elif alias.alias_type == "demonym" and (alias in demonyms or not alias.alias.endswith("s")):
            adjectives[country].append(alias.alias)
    return {
        country: (tuple(dict.fromkeys(names[country])), tuple(dict.fromkeys(adjectives[country])))
        for country in names.keys() | adjectives.keys()
    }


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def office_title_aliases(term: OfficeTerm, names: tuple[str, ...], demonyms: tuple[str, ...]) -> list[Alias]:
    """The titles naming an office's holder during the term, as `actor_aliases.csv` writes them: for a
    country, each title with each of its demonyms and names (`Kenyan President`, `Kenya President`,
    `Kenya's President`, `President of Kenya`); for an international organisation, the titles as written
    (`UN chief`)."""
    if term.is_international:
        phrases = list(term.titles)
    else:
        phrases = [f"{demonym} {title}" for title in term.titles for demonym in demonyms]
        for title in term.titles:
            for name in names:
                short = name.removeprefix("the ")
                phrases += [f"{short} {title}", f"{possessive(short)} {title}", f"{title} of {name}"]
    return [Alias(term.entity_id, phrase, "title", term.valid_from, term.valid_to) for phrase in dict.fromkeys(phrases)]


def converted_entity_ids(reference_dir: Path) -> frozenset[str]:
    """The actors that only the converted Phoenix dictionaries know (a curated or office holder's row of the
    same id wins)."""
    curated = {row["entity_id"] for row in read_actor_rows(reference_dir / "actors.csv")}
    holders = {term.entity_id for term in load_office_terms(reference_dir)}
    return frozenset(row["entity_id"] for row in read_actor_rows(reference_dir / PHOENIX_ACTORS_FILE)) - curated - holders


def phoenix_aliases(reference_dir: Path, actors: dict[str, Actor], curated_keys: set[str]) -> list[Alias]:
    """The converted Phoenix names, but for those a curated or generated actor already has: curated rows win."""
    path = reference_dir / PHOENIX_ALIASES_FILE
    if not path.exists():
        return []
    return [
        Alias(row["entity_id"], row["alias"], row["alias_type"], None, None, curated=False)
        for row in read_reference_csv(path)
        if row["entity_id"] in actors and normalise_name(row["alias"]) not in curated_keys
    ]


@dataclass(frozen=True)
class DatedCode:
    """The CAMEO code an actor has between two dates (inclusive; None = open): an office held."""

    actor_code: str
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def load_dated_codes(reference_dir: Path | None = None) -> dict[str, list[DatedCode]]:
    """Each actor's dated codes: those of `phoenix_actor_codes.csv`, in the file's order, then the office
    holders' (`office_holder_codes`)."""
    reference_dir = reference_dir or config.reference_dir()
    path = reference_dir / PHOENIX_CODES_FILE
    codes: dict[str, list[DatedCode]] = defaultdict(list)
    if path.exists():
        for row in read_reference_csv(path):
            codes[row["entity_id"]].append(
                DatedCode(row["actor_code"], optional_date(row["valid_from"]), optional_date(row["valid_to"]))
            )
    actors, _ = actor_reference(reference_dir)
    curated = {row["entity_id"] for row in read_actor_rows(reference_dir / "actors.csv")}
    for entity_id, held in office_holder_codes(load_office_terms(reference_dir), actors, curated).items():
        codes[entity_id].extend(held)
    return dict(codes)


def office_holder_codes(terms: list[OfficeTerm], actors: dict[str, Actor], curated: set[str]) -> dict[str, list[DatedCode]]:
    """Each office holder's code during each term and, but for curated actors (whose own code stands), their
    undated code (their country's ELI) from the day after a term to the day before the next: it began later
    than any code the converted dictionaries left open (`Uhuru Kenyatta` KENGOV from 2008), so `actor_on`
    takes it."""
    by_holder: dict[str, list[OfficeTerm]] = defaultdict(list)
    for term in terms:
        by_holder[term.entity_id].append(term)
    codes: dict[str, list[DatedCode]] = {}
    for entity_id, held in by_holder.items():
        codes[entity_id] = [DatedCode(term.actor_code, term.valid_from, term.valid_to) for term in held]
        plain = actors[entity_id].actor_code if entity_id in actors else None
        if entity_id in curated or not plain:
            continue
        for start, end in gaps_after_terms(held):
            codes[entity_id].append(DatedCode(plain, start, end))
    return codes


def gaps_after_terms(terms: list[OfficeTerm]) -> list[tuple[date, date | None]]:
    """The days out of office after a holder's first term: (first day, last day or None = open)."""
    gaps: list[tuple[date, date | None]] = []
    covered_to: date | None = date.min
    for term in sorted(terms, key=lambda t: t.valid_from):
        if covered_to is None:
            break
        if covered_to != date.min and term.valid_from > covered_to + timedelta(days=1):
            gaps.append((covered_to + timedelta(days=1), term.valid_from - timedelta(days=1)))
        covered_to = None if term.valid_to is None else max(covered_to, term.valid_to)
    if covered_to is not None and covered_to != date.min:
        gaps.append((covered_to + timedelta(days=1), None))
    return gaps


def actor_on(actor: Actor, dated_codes: list[DatedCode], day: date | None) -> Actor:
    """The actor with the code it had on `day`: of its dated codes valid that day, the one that began
    last; else its undated code. `Vladimir Putin` is RUSELI in 1995 and RUSGOV in 2022."""
    valid = [code for code in dated_codes if day is not None and code.valid_on(day)]
    if not valid:
        return actor
    code = max(valid, key=lambda c: c.valid_from or date.min).actor_code
    country, role = actor_code_parts(code)
    return replace(actor, actor_code=code, country_code=country or actor.country_code, role_code=role)


def actor_reference(reference_dir: Path | None = None) -> tuple[dict[str, Actor], list[Alias]]:
    """The actors and their aliases, read once per process and again only when the files change."""
    folder = reference_dir or config.reference_dir()
    return cached_actor_reference(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_actor_reference(reference_dir: Path, version: tuple) -> tuple[dict[str, Actor], list[Alias]]:
    actors = load_actors(reference_dir)
    return actors, load_aliases(actors, reference_dir)


def dedupe_aliases(aliases: Iterable[Alias]) -> list[Alias]:
    seen: set[tuple[str, str, str, date | None, date | None]] = set()
    unique = []
    for alias in aliases:
        key = (alias.entity_id, alias.alias, alias.alias_type, alias.valid_from, alias.valid_to)
        if key not in seen:
            seen.add(key)
            unique.append(alias)
    return unique


def load_cameo_codes(reference_dir: Path | None = None) -> list[dict[str, str]]:
    reference_dir = reference_dir or config.reference_dir()
    return list(read_reference_csv(reference_dir / "cameo_event_codes.csv"))


def load_plover_crosswalk(reference_dir: Path | None = None) -> list[dict[str, str]]:
    """Each CAMEO code's PLOVER event type and mode (cameo_plover.csv); PLOVER drops the statements and
    appeals of CAMEO 01 and 02, which get no type."""
    reference_dir = reference_dir or config.reference_dir()
    return [
        {
            "event_code": row["event_code"],
            "plover_event_type": "" if row["plover_event_type"] == PLOVER_DROPPED else row["plover_event_type"],
            "plover_mode": row["plover_mode"],
        }
        for row in read_reference_csv(reference_dir / "cameo_plover.csv")
    ]


def load_agents(reference_dir: Path | None = None) -> dict[str, str]:
    """Agent words (lower-case lemmas) and the CAMEO role each gives: `forces` -> MIL."""
    reference_dir = reference_dir or config.reference_dir()
    return {row["word"].lower(): row["role_code"] for row in read_reference_csv(reference_dir / "agents.csv")}
