"""main.event_counts_by_country: the view of daily event counts per country and quad class."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import TableModel


class EventCountsByCountry(TableModel):
    """One row per day, country and quad class: the events whose first actor is of that country, for
    time series. Events of unknown date are left out."""

    event_date: Series[pd.Timestamp] = pa.Field(description="The day (a month, season or year stands for its first day)")
    actor1_country_code: Series[str] = pa.Field(description="ISO 3166 alpha-3 country of the first actor, or 'unknown'")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="GDELT quad class")
    quad_class_name: Series[str] = pa.Field(description="The quad class in words")
    num_events: Series[int] = pa.Field(ge=1, description="Events")
    num_mentions: Series[int] = pa.Field(ge=1, description="Reports of those events")
    num_articles: Series[int] = pa.Field(ge=1, description="Documents reporting those events (summed per event)")
    avg_goldstein_scale: Series[float] = pa.Field(description="Mean Goldstein value of those events")
    avg_tone: Series[float] = pa.Field(description="Mean of the events' mean tones")
