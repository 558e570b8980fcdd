"""Events the text implies from other events: the parties of a brokered truce, the denial of a plainly
negated act said by its own side, and the claim a denial answers.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from newsevents.coder.actors import same_country
from newsevents.coder.clauses import (
    OBJECT_DEPS,
    action_span,
    clause_chain,
    passive_patients,
)
from newsevents.coder.codes import (
    DENIABLE_ROOTS,
    DENIAL_CODE,
    MEDIATION_CODE,
    TRUCE_CODE,
)
from newsevents.coder.dictionary import Pattern
from newsevents.coder.event_mention import EventMention
from newsevents.coder.modality import (
    COMPLEMENT_DEPS,
    FUTURE_AUXILIARIES,
    is_negated,
    modality_of,
    mode_of,
)
from newsevents.entities import (
    EntityMention,
)

TRUCE_NOUNS = frozenset("ceasefire cease-fire truce armistice".split())
CLAIM_NOUNS = frozenset("charge claim accusation allegation report".split())


def mediated_truce(trigger: Token, pattern: Pattern) -> Token | None:
    """The ceasefire a mediation brought about (`a Moscow-brokered ceasefire`, `brokered a truce`)."""
    if not pattern.event_code.startswith(MEDIATION_CODE):
        return None
    candidates = [trigger.head] if trigger.dep_ in ("amod", "acl") else []
    candidates += [c for c in trigger.children if c.dep_ in OBJECT_DEPS] + passive_patients(trigger)
    return next((c for c in candidates if c.lemma_.lower() in TRUCE_NOUNS), None)


def truce_between_parties(mediations: list[EventMention], truce: Token) -> list[EventMention]:
    """A brokered ceasefire is one its two parties agreed to: each declares it towards the other (0871), as
    the mediation happened (same mode, date and place)."""
    parties = list({m.actor2.entity.entity_id: m.actor2 for m in mediations if m.actor2 is not None}.values())
    if len(parties) != 2:
        return []
    start, end = truce.idx, truce.idx + len(truce.text)
    template = next(m for m in mediations if m.actor2 is not None)
    return [
        replace(
            template,
            event_code=TRUCE_CODE,
            actor1=party,
            actor2=other,
            action_start_char=start,
            action_end_char=end,
            action_text=truce.text,
        )
        for party, other in (parties, parties[::-1])
    ]


def denies_a_claim(token: Token) -> bool:
    """`a charge Baku denies`, `Moscow denied the accusation`: a denial whose object is a claim."""
    if token.lemma_.lower() != "deny":
        return False
    claims = [token.head] if token.dep_ in ("relcl", "acl") else [c for c in token.children if c.dep_ in OBJECT_DEPS]
    return any(c.lemma_.lower() in CLAIM_NOUNS for c in claims)


def is_plain_denial(clause: Token, pattern: Pattern, sentence: Span) -> bool:
    """A conflict act said, plainly negated, under a reporting verb (`Putin insists Russia is not planning to
    invade`, `Moscow says it did not bomb the hospital`): the speaker denies it. Not `would not`, `will not`."""
    if int(pattern.event_code[:2]) not in DENIABLE_ROOTS or not is_negated(clause):
        return False
    # `is not planning to invade` denies an intention; `will not invade` is a promise, `would not` a hypothesis.
    auxiliaries = {c.lower_ for verb in clause_chain(clause, COMPLEMENT_DEPS + ("conj",)) for c in verb.children if c.dep_ == "aux"}
    return modality_of(clause, sentence) in ("asserted", "future") and not auxiliaries & set(FUTURE_AUXILIARIES)


def denial_by(reporter: EntityMention, speaker: Token, report: EventMention, sentence: Span) -> EventMention:
    """The speaker's denial (016) of a negated act of their own side; it happened as the reporting verb says."""
    start, end = action_span(speaker)
    return replace(
        report,
        event_code=DENIAL_CODE,
        mode=mode_of(speaker, sentence),
        actor1=reporter,
        actor2=None,
        location=None,
        action_start_char=start,
        action_end_char=end,
        action_text=speaker.doc.text[start:end],
        reported_by=None,
    )


def answer_claims(
    reports: list[EventMention], answering: set[int], previous_claimants: list[EntityMention]
) -> list[EventMention]:
    """A denial of a charge that names no target answers the claim reported in its sentence or the one
    before: `Armenia says Azerbaijan is blockading the road, a charge Baku denies` -> Azerbaijan denies
    (016) to Armenia. `answering` holds the offsets of the denials whose object is a claim."""
    claimants = [r.reported_by for r in reports if r.reported_by is not None] + previous_claimants
    answered = []
    for report in reports:
        if report.event_code.startswith(DENIAL_CODE) and report.actor2 is None and report.action_start_char in answering:
            claimant = next((c for c in claimants if not same_country(c.entity, report.actor1.entity)), None)
            if claimant is not None:
                report = replace(report, actor2=claimant, confidence=min(100, report.confidence + 20))
        answered.append(report)
    return answered

