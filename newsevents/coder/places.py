"""Where an event happened: places in `in`/`near`/`at` phrases of the clause, or, for visits and
attacks, the place that is their target.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.coder.actors import MentionIndex, phrase_tokens
from newsevents.coder.clauses import (
    INHERITING_DEPS,
    OBJECT_DEPS,
    PLACE_PREPOSITIONS,
    passive_patients,
)
from newsevents.coder.codes import CONSULT_ROOT, MATERIAL_CONFLICT_ROOTS, is_material
from newsevents.coder.dictionary import Pattern
from newsevents.entities import PLACE_FEATURES, Entity, EntityMention

# Nouns for a part of a place, whose `of` names the place (`off the northern coast of Japan`).
PLACE_PART_NOUNS = frozenset("coast shore border outskirts edge north south east west centre center waters".split())

AIMING_PREPOSITIONS = ("on", "at", "against")


def is_place_phrase(span: Span) -> bool:
    """`near Poland`, `in Ukraine`: a name used for where something happens."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def place_of(trigger: Token, index: MentionIndex, event_code: str) -> Entity | None:
    """Where the action happened: a place in an `in`/`near`/`at` phrase of the clause or its governor,
    or, for material acts, of what they are done to (`intercepted bombers near Poland`, `a block in Dnipro
    was hit`, `fired on protesters in Nairobi`). For verbal acts a place
    by the object is the topic's, not the act's (`criticised the war in Ukraine`)."""
    heads = [trigger, trigger.head if trigger.dep_ in INHERITING_DEPS else None]
    if is_material(event_code):
        done_to = [c for c in trigger.children if c.dep_ in OBJECT_DEPS] + passive_patients(trigger)
        # `opened fire on mourners in Zahedan`: whom the act is aimed at, by its preposition.
        verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger  # `opened fire on`
        done_to += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in AIMING_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
        heads += [t for c in done_to for t in phrase_tokens(c, index.agents)]
    for clause in heads:
        if clause is None:
            continue
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                mention = index.by_token.get(place_named(pobj).i)
                if mention and mention.entity.feature_type in PLACE_FEATURES:
                    return mention.entity
    return None


def place_of_parties(parties: list[EntityMention], index: MentionIndex, doc: Doc) -> Entity | None:
    """Where the parties are, when the clause says nowhere: `a court in Dhaka convicted`, `police in
    Nairobi said they had arrested`."""
    for party in parties:
        if party.entity.feature_type in PLACE_FEATURES:
            continue
        for prep in doc[party.start_token : party.end_token].root.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    mention = index.by_token.get(place_named(pobj).i)
                    if mention and mention.entity.feature_type in PLACE_FEATURES:
                        return mention.entity
    return None


def place_named(pobj: Token) -> Token:
    """The place a place phrase names: through a part of it (`the outskirts of Kharkiv` -> Kharkiv)."""
    if pobj.lemma_.lower() in PLACE_PART_NOUNS:
        for place in (g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
            return place
    return pobj


def visited_place(pattern: Pattern, targets: list[EntityMention]) -> Entity | None:
    """For visits, meetings and attacks the place named as the target is where it happened (`fly to
    Moscow`, `shelled Kharkiv`); for aid it is not (`sent tanks to Kyiv` happened elsewhere)."""
    root = int(pattern.event_code[:2])
    if not (pattern.event_code.startswith(CONSULT_ROOT) or root in MATERIAL_CONFLICT_ROOTS):
        return None
    return next((t.entity for t in targets if t.entity.feature_type in ("city", "region")), None)
