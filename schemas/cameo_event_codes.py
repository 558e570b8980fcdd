"""staging.cameo_event_codes: the CAMEO codebook with Goldstein values (seeds/reference)."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, PLOVER_EVENT_TYPES, TableModel


class CameoEventCodes(TableModel):
    event_code: Series[str] = pa.Field(unique=True, str_matches=EVENT_CODE, description="CAMEO code with leading zeros")
    event_base_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="First three digits (the root for roots)")
    event_root_code: Series[str] = pa.Field(str_matches=r"^[0-9]{2}$", description="First two digits")
    description: Series[str] = pa.Field(description="CAMEO name of the code")
    goldstein_scale: Series[float] = pa.Field(ge=-10, le=10, description="Goldstein conflict-cooperation value")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="GDELT quad class")
    plover_event_type: Series[str] = pa.Field(
        nullable=True, isin=PLOVER_EVENT_TYPES, description="PLOVER event type (POLECAT's categories); none for CAMEO 01, 02"
    )
    plover_mode: Series[str] = pa.Field(nullable=True, description="PLOVER mode of the event type, where the crosswalk gives one")
