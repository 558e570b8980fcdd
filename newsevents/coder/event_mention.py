"""One report of an event in one sentence, as the coder finds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsevents.entities import (
    Entity,
    EntityMention,
)


@dataclass(frozen=True)
class EventMention:
    """One report of an event in one sentence."""

    sentence_index: int
    sentence_text: str
    event_code: str
    mode: str
    actor1: EntityMention
    actor2: EntityMention | None
    location: Entity | None
    action_start_char: int
    action_end_char: int
    action_text: str
    event_date: date | None
    date_precision: str | None
    reported_by: EntityMention | None
    confidence: int
    tone: float
    is_lead: bool
