"""main.event_reports_wide: the view of one row per report of an event, with its event and document."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, TableModel


class EventReportsWide(TableModel):
    """One row per report of an event (a sentence of a document, fact_event_mention) with its event's code
    and actors and its document's source, URL, title and date: the evidence behind every event."""

    mention_key: Series[int] = pa.Field(unique=True, description="The report (fact_event_mention)")
    event_key: Series[int] = pa.Field(description="The event it reports (fact_event, events_wide)")
    event_id: Series[str] = pa.Field(description="Staging event id")
    event_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="CAMEO code this report gives")
    event_description: Series[str] = pa.Field(description="What the CAMEO code means")
    event_root_code: Series[str] = pa.Field(description="CAMEO two-digit root code")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="GDELT quad class of the code")
    actor1_name: Series[str] = pa.Field(description="Who acted: canonical name")
    actor1_code: Series[str] = pa.Field(nullable=True, description="Who acted: CAMEO actor code")
    actor1_country_code: Series[str] = pa.Field(nullable=True, description="Who acted: ISO 3166 alpha-3 country")
    actor2_name: Series[str] = pa.Field(nullable=True, description="Who was acted upon; null if no one is named")
    actor2_code: Series[str] = pa.Field(nullable=True, description="Who was acted upon: CAMEO actor code")
    actor2_country_code: Series[str] = pa.Field(nullable=True, description="Who was acted upon: ISO 3166 alpha-3 country")
    reported_by_name: Series[str] = pa.Field(nullable=True, description="Whose claim the report is (`Ukraine says ...`), if anyone's")
    report_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="The date the report gives the event")
    source_name: Series[str] = pa.Field(description="Publisher")
    source_domain: Series[str] = pa.Field(nullable=True, description="Publisher's web domain")
    source_url: Series[str] = pa.Field(nullable=True, description="Document URL")
    document_title: Series[str] = pa.Field(nullable=True, description="Document title")
    published_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="Document publication date")
    sentence_index: Series[int] = pa.Field(ge=0, description="Position of the sentence in the document, from 0")
    sentence_text: Series[str] = pa.Field(description="The sentence that reports the event")
    confidence: Series[int] = pa.Field(ge=0, le=100, description="How much to trust the report, 0-100")
    tone: Series[float] = pa.Field(description="Tone of the sentence, -100 to +100")
