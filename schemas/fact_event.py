"""main.fact_event: grain = one real-world event that happened (asserted), reports merged."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, HEX16, TableModel


class FactEvent(TableModel):
    """Events: grain = one real-world event that happened (mode asserted), however many sentences, articles and sources report it; counts and tone come from its reports."""

    event_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(event_id)")
    event_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Staging event id")
    date_key: Series[int] = pa.Field(description="When (dim_date); -1 unknown; a month, season or year stands for its first day")
    date_precision: Series[str] = pa.Field(nullable=True, isin=["day", "month", "season", "year"], description="How precisely the date is known")
    actor1_entity_key: Series[int] = pa.Field(description="Who acted (dim_entity)")
    actor2_entity_key: Series[int] = pa.Field(description="Who was acted upon (dim_entity; unknown member if none)")
    event_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="CAMEO code (dim_event_type)")
    location_key: Series[int] = pa.Field(description="Where (dim_location; unknown member if none)")
    is_root_event: Series[bool] = pa.Field(description="Reported in a document's lead")
    goldstein_scale: Series[float] = pa.Field(ge=-10, le=10, description="Goldstein value of the code")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="GDELT quad class")
    num_mentions: Series[int] = pa.Field(ge=1, description="Reports (sentences) of the event")
    num_sources: Series[int] = pa.Field(ge=1, description="Distinct publishers reporting it")
    num_articles: Series[int] = pa.Field(ge=1, description="Distinct documents reporting it")
    avg_tone: Series[float] = pa.Field(ge=-100, le=100, description="Mean tone of its reports")
    max_confidence: Series[int] = pa.Field(ge=0, le=100, description="Highest confidence among its reports")

    @pa.dataframe_check(description="Counts nest: sources <= articles <= mentions")
    def counts_nest(cls, df):
        return (df["num_sources"] <= df["num_articles"]) & (df["num_articles"] <= df["num_mentions"])
