"""main.dim_date: one row per calendar day spanned by the data, plus the unknown-date member (-1)."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import TableModel


class DimDate(TableModel):
    """Calendar days: one row per day spanned by the data (publication and event dates), plus the unknown-date member (date_key -1)."""

    date_key: Series[int] = pa.Field(unique=True, description="yyyymmdd; -1 for an unknown date")
    date: Series[pd.Timestamp] = pa.Field(nullable=True, description="The day")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="Calendar year")
    quarter: Series[pd.Int64Dtype] = pa.Field(nullable=True, isin=[1, 2, 3, 4], description="Calendar quarter")
    month: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=12, description="Month number")
    month_name: Series[str] = pa.Field(nullable=True, description="Month name")
    day_of_week: Series[str] = pa.Field(nullable=True, description="Day name")
    iso_week: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=53, description="ISO 8601 week number")
    is_weekend: Series[pd.BooleanDtype] = pa.Field(nullable=True, description="Saturday or Sunday")
