"""main.events_wide: the view of one row per event with its actors, type, place and first report."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, TableModel


class EventsWide(TableModel):
    """One row per event (fact_event) with who did what to whom, where, when, how often reported, and its
    first report's source, URL and evidence sentence: no join needed. GDELT 2.0's column names, in lower
    snake case, where the meaning is the same."""

    event_key: Series[int] = pa.Field(unique=True, description="The event (fact_event)")
    event_id: Series[str] = pa.Field(unique=True, description="Staging event id")
    event_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="When it happened; a month, season or year stands for its first day; null if unknown")
    sql_date: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="event_date as YYYYMMDD (GDELT SQLDATE)")
    date_precision: Series[str] = pa.Field(nullable=True, description="How precisely the date is known: day, month, season, year")
    actor1_name: Series[str] = pa.Field(description="Who acted: canonical name")
    actor1_code: Series[str] = pa.Field(nullable=True, description="Who acted: CAMEO actor code (GDELT Actor1Code)")
    actor1_country_code: Series[str] = pa.Field(nullable=True, description="Who acted: ISO 3166 alpha-3 country (GDELT Actor1CountryCode)")
    actor1_type_code: Series[str] = pa.Field(nullable=True, description="Who acted: CAMEO role, e.g. GOV, MIL, REB, CVL (GDELT Actor1Type1Code)")
    actor1_entity_id: Series[str] = pa.Field(description="Who acted: entity id (dim_entity)")
    actor2_name: Series[str] = pa.Field(nullable=True, description="Who was acted upon: canonical name; null if no one is named")
    actor2_code: Series[str] = pa.Field(nullable=True, description="Who was acted upon: CAMEO actor code (GDELT Actor2Code)")
    actor2_country_code: Series[str] = pa.Field(nullable=True, description="Who was acted upon: ISO 3166 alpha-3 country (GDELT Actor2CountryCode)")
    actor2_type_code: Series[str] = pa.Field(nullable=True, description="Who was acted upon: CAMEO role (GDELT Actor2Type1Code)")
    actor2_entity_id: Series[str] = pa.Field(nullable=True, description="Who was acted upon: entity id (dim_entity)")
    event_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="CAMEO event code (GDELT EventCode)")
    event_base_code: Series[str] = pa.Field(description="CAMEO three-digit base code (GDELT EventBaseCode)")
    event_root_code: Series[str] = pa.Field(description="CAMEO two-digit root code (GDELT EventRootCode)")
    event_description: Series[str] = pa.Field(description="What the CAMEO code means")
    event_root_description: Series[str] = pa.Field(description="What the CAMEO root means")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (GDELT QuadClass)")
    quad_class_name: Series[str] = pa.Field(description="The quad class in words")
    goldstein_scale: Series[float] = pa.Field(ge=-10, le=10, description="Goldstein value of the code, -10 to +10 (GDELT GoldsteinScale)")
    plover_event_type: Series[str] = pa.Field(nullable=True, description="PLOVER event type of the code (POLECAT's categories)")
    is_root_event: Series[bool] = pa.Field(description="Reported in a document's lead (GDELT IsRootEvent)")
    action_geo_full_name: Series[str] = pa.Field(nullable=True, description="Where: place name (GDELT ActionGeo_FullName)")
    action_geo_country_code: Series[str] = pa.Field(nullable=True, description="Where: ISO 3166 alpha-3 country of the place")
    action_geo_precision: Series[str] = pa.Field(nullable=True, description="Where: how precise the place is: city, region or country (as ACLED's geo_precision)")
    action_geo_lat: Series[float] = pa.Field(nullable=True, description="Where: latitude (GDELT ActionGeo_Lat)")
    action_geo_long: Series[float] = pa.Field(nullable=True, description="Where: longitude (GDELT ActionGeo_Long)")
    action_geo_feature_id: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="Where: GeoNames id (GDELT ActionGeo_FeatureID)")
    num_mentions: Series[int] = pa.Field(ge=1, description="Reports (sentences) of the event (GDELT NumMentions)")
    num_sources: Series[int] = pa.Field(ge=1, description="Distinct publishers reporting it (GDELT NumSources)")
    num_articles: Series[int] = pa.Field(ge=1, description="Distinct documents reporting it (GDELT NumArticles)")
    avg_tone: Series[float] = pa.Field(description="Mean tone of its reports, -100 to +100 (GDELT AvgTone)")
    max_confidence: Series[int] = pa.Field(description="Highest confidence among its reports, 0-100")
    source_name: Series[str] = pa.Field(nullable=True, description="First report: publisher")
    source_url: Series[str] = pa.Field(nullable=True, description="First report: document URL (GDELT SOURCEURL)")
    first_reported_on: Series[pd.Timestamp] = pa.Field(nullable=True, description="First report: publication date")
    evidence_sentence: Series[str] = pa.Field(nullable=True, description="First report: the sentence that reports the event")
