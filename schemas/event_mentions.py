"""staging.event_mentions: one row per coded report of an event in one sentence."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Int64
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, EVENT_MODES, HEX16, TableModel


class EventMentions(TableModel):
    mention_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Hash of what the report says and where: document, offsets, code, actors, date, place, mode")
    group_key: Series[str] = pa.Field(str_matches=HEX16, description="Hash of mode, CAMEO root and acting side: only reports of one group can merge into one event")
    document_id: Series[str] = pa.Field(str_matches=HEX16, description="Document id (content hash)")
    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence of the document")
    sentence_text: Series[str] = pa.Field(description="The sentence, as evidence")
    event_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="CAMEO event code of this report")
    mode: Series[str] = pa.Field(isin=EVENT_MODES, description="asserted, negated, hypothetical, future or question")
    actor1_entity_id: Series[str] = pa.Field(description="Who acted")
    actor1_text: Series[str] = pa.Field(description="Actor 1 as written")
    actor1_start_char: Series[int] = pa.Field(ge=0, description="Offset of actor 1 in clean_text")
    actor1_end_char: Series[int] = pa.Field(gt=0, description="End offset of actor 1")
    actor2_entity_id: Series[str] = pa.Field(nullable=True, description="Who was acted upon")
    actor2_text: Series[str] = pa.Field(nullable=True, description="Actor 2 as written")
    actor2_start_char: Series[Int64] = pa.Field(nullable=True, ge=0, description="Offset of actor 2 in clean_text")
    actor2_end_char: Series[Int64] = pa.Field(nullable=True, gt=0, description="End offset of actor 2")
    action_text: Series[str] = pa.Field(description="The action words as written")
    action_start_char: Series[int] = pa.Field(ge=0, description="Offset of the action in clean_text")
    action_end_char: Series[int] = pa.Field(gt=0, description="End offset of the action")
    location_entity_id: Series[str] = pa.Field(nullable=True, description="Where it happened")
    event_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="When it happened: the clause's own date expression resolved against the publication date, else the publication date")
    date_precision: Series[str] = pa.Field(nullable=True, isin=["day", "month", "season", "year"], description="How precisely the date is known; coarser dates stand for their first day")
    reported_by_entity_id: Series[str] = pa.Field(nullable=True, description="Whose claim this is, when the action is reported under someone's words (`Ukraine says Russia bombed...`)")
    confidence: Series[int] = pa.Field(ge=0, le=100, description="0-100 trust in the coding (docs/events.md)")
    tone: Series[float] = pa.Field(ge=-100, le=100, description="Sentence tone, -100..100")
    is_lead: Series[bool] = pa.Field(description="Sentence is in the document's lead")
