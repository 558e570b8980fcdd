"""main.dim_location: one row per place where events happen, plus the unknown member."""

import pandera.pandas as pa
from pandera.typing import Float64, Int64
from pandera.typing.pandas import Series

from schemas.base import FEATURE_TYPES, TableModel


class DimLocation(TableModel):
    """Places where events happen: one row per place, with coordinates and precision (city, region or country), plus the unknown member."""

    location_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(entity_id) of the place, as its dim_entity key")
    entity_id: Series[str] = pa.Field(unique=True, description="The place's entity id")
    name: Series[str] = pa.Field(description="Place name")
    feature_type: Series[str] = pa.Field(nullable=True, isin=FEATURE_TYPES, description="city, region or country")
    precision: Series[str] = pa.Field(nullable=True, isin=FEATURE_TYPES, description="What the coordinates locate: a city, a region's centre or a country's centre")
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3")
    latitude: Series[Float64] = pa.Field(nullable=True, ge=-90, le=90, description="Latitude (WGS84)")
    longitude: Series[Float64] = pa.Field(nullable=True, ge=-180, le=180, description="Longitude (WGS84)")
    geonames_id: Series[Int64] = pa.Field(nullable=True, description="GeoNames id")
