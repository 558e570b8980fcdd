"""staging.events: one row per real-world event (reports merged), in every mode."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, EVENT_MODES, HEX16, TableModel


class Events(TableModel):
    event_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Deterministic id of the happening")
    group_key: Series[str] = pa.Field(str_matches=HEX16, description="The group of reports it was merged from (see staging.event_mentions)")
    event_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="Representative CAMEO code (most reported)")
    event_root_code: Series[str] = pa.Field(str_matches=r"^[0-9]{2}$", description="CAMEO root")
    mode: Series[str] = pa.Field(isin=EVENT_MODES, description="asserted, negated, hypothetical, future or question")
    actor1_entity_id: Series[str] = pa.Field(description="Who acted")
    actor2_entity_id: Series[str] = pa.Field(nullable=True, description="Who was acted upon")
    location_entity_id: Series[str] = pa.Field(nullable=True, description="Where it happened")
    event_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="When it happened")
    date_precision: Series[str] = pa.Field(nullable=True, isin=["day", "month", "season", "year"], description="How precisely the date is known")
    is_root_event: Series[bool] = pa.Field(description="Reported in the lead of at least one document")
