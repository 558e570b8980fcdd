"""main.dim_event_type: one row per CAMEO event code."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, PLOVER_EVENT_TYPES, TableModel


class DimEventType(TableModel):
    """Event types: one row per CAMEO event code, with its root, quad class, Goldstein value and PLOVER type."""

    event_code: Series[str] = pa.Field(unique=True, str_matches=EVENT_CODE, description="CAMEO code, leading zeros kept")
    event_base_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="Three-digit base code")
    event_root_code: Series[str] = pa.Field(str_matches=r"^[0-9]{2}$", description="Two-digit root code")
    description: Series[str] = pa.Field(description="CAMEO name")
    root_description: Series[str] = pa.Field(description="CAMEO name of the root")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="GDELT quad class")
    quad_class_name: Series[str] = pa.Field(isin=["Verbal Cooperation", "Material Cooperation", "Verbal Conflict", "Material Conflict"], description="Quad class name")
    goldstein_scale: Series[float] = pa.Field(ge=-10, le=10, description="Goldstein value")
    plover_event_type: Series[str] = pa.Field(
        nullable=True, isin=PLOVER_EVENT_TYPES, description="PLOVER event type (POLECAT's categories); none for CAMEO 01, 02"
    )
    plover_mode: Series[str] = pa.Field(nullable=True, description="PLOVER mode of the event type, where the crosswalk gives one")
