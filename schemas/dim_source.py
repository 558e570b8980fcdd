"""main.dim_source: one row per publisher."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import TableModel


class DimSource(TableModel):
    """Publishers: one row per source of documents."""

    source_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(source_name)")
    source_name: Series[str] = pa.Field(unique=True, description="Publisher name")
    domain: Series[str] = pa.Field(nullable=True, description="Publisher's web domain")
