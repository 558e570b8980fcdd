"""staging.event_assignments: one row per event report: the happening it reports."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import HEX16, TableModel


class EventAssignments(TableModel):
    mention_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="The report (staging.event_mentions)")
    document_id: Series[str] = pa.Field(str_matches=HEX16, description="The report's document: a load compares only the reports and assignments of the documents it changed")
    event_id: Series[str] = pa.Field(str_matches=HEX16, description="The happening it reports (staging.events)")
    group_key: Series[str] = pa.Field(str_matches=HEX16, description="The group of reports merged together")
    event_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="The report's date when it was merged: the next load compares the group's dates with it to re-merge only the date windows it changed")
    window_start: Series[pd.Timestamp] = pa.Field(nullable=True, description="The first date of the report's date window in its group when it was merged: the next load compares the group's dates only from the window its change falls in")
    is_counted: Series[bool] = pa.Field(description="False for a second report of the same event in the same sentence (`intercepted ... and escorted`): only the surest counts")
