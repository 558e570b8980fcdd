"""The document coder: every coded event report of a parsed document, in text order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsevents.coder.actors import (
    MentionIndex,
    country_of_place,
    same_country,
    same_side,
    source_actors,
)
from newsevents.coder.clauses import (
    action_span,
    clause_chain,
    governing_clause,
    is_reciprocal,
    reporting_verb,
    subject_heads,
    victim_count,
)
from newsevents.coder.codes import (
    INTENT_ROOT,
    MATERIAL_CONFLICT_ROOTS,
    STATEMENT_CODE,
    THREAT_ROOT,
    code_by_participants,
    intent_code,
    is_force,
    is_mutual,
    needs_counterpart,
)
from newsevents.coder.dictionary import (
    Pattern,
    VerbPattern,
    best_pattern,
    lacks_target,
    load_verb_dictionary,
)
from newsevents.coder.discards import discard_pattern, is_discarded
from newsevents.coder.event_mention import EventMention
from newsevents.coder.inferred import (
    answer_claims,
    denial_by,
    denies_a_claim,
    is_plain_denial,
    mediated_truce,
    truce_between_parties,
)
from newsevents.coder.modality import (
    COMPLEMENT_DEPS,
    INTENTION_VERBS,
    WISHING_VERBS,
    is_stated_intent,
    mode_of,
    reporting_source,
)
from newsevents.coder.places import place_of, place_of_parties, visited_place
from newsevents.coder.targets import (
    borrowed_targets,
    implicit_targets,
    is_multilateral,
    is_own_force,
    own_country_targets,
    target_actors,
    target_as_actor,
    target_of_place,
)
from newsevents.dates import dates_by_sentence, event_date
from newsevents.entities import (
    Entity,
    EntityMention,
    default_country_entities,
)
from newsevents.tone import sentence_tone

# Verbs of saying whose statement is an event where it reports none (CAMEO 010, make a public statement).
STATEMENT_VERBS = frozenset("announce declare state confirm".split())
STATEMENT_PATTERN = VerbPattern(lemma="announce", pos="VERB", particle="", preposition="", objects=frozenset(), event_code=STATEMENT_CODE)
MODES = ("asserted", "negated", "hypothetical", "future", "question")
LEAD_SENTENCES = 3
# The codes of an intention verb itself (`pledged`, `threatened`), replaced by the intent code of the act it states.
STATEMENT_OF_INTENT_ROOTS = (INTENT_ROOT, THREAT_ROOT)


def confidence_of(
    pattern: Pattern, actor1: EntityMention, actor2: EntityMention | None, via_pronoun: bool, is_lead: bool
) -> int:
    """0-100: how much to trust a coded report; see docs/events.md for the reasoning."""
    score = 40
    score += 20 if actor2 is not None else 0
    score += 10 if actor1.entity.is_resolved else 0
    score += 10 if actor2 is not None and actor2.entity.is_resolved else 0
    score += 10 if pattern.specificity else 0
    score += 10 if is_lead else 0
    score -= 20 if via_pronoun else 0
    return max(0, min(100, score))


def names_no_act(verb: Token) -> bool:
    """A verb whose complement carries the act: `calling him the ringleader` is no phone call (its object
    predicate names a quality), `joined the US in halting payments` no meeting (the gerund is the act)."""
    lemma = verb.lemma_.lower()
    if lemma == "call":
        return any(c.dep_ == "oprd" for c in verb.children)
    if lemma == "join":
        # The parser may take the gerund for a modifier (`in halting payments`: amod of payments).
        gerunds = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
        return any(g.dep_ == "pcomp" or g.left_edge.tag_ == "VBG" or g.left_edge.lower_.endswith("ing") for g in gerunds)
    return False


def is_coded_by_its_verb(trigger: Token, pattern_of: Callable[[Token], Pattern | None]) -> bool:
    """An event noun that is the object of a verb the dictionary codes (`launched strikes on`, `held talks
    with`, `imposed sanctions on`) is that verb's event, coded once, by the verb."""
    verb = trigger.head
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("dobj", "attr")
        and verb.pos_ in ("VERB", "AUX")
        and pattern_of(verb) is not None
    )


def doer_words(trigger: Token, clause: Token) -> set[str]:
    """The words of who or what does an act and with what (`an RSF drone hit`, `struck with missiles`)."""
    heads = subject_heads(clause) + [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return {trigger.lemma_.lower()} | {t.lemma_.lower() for head in heads for t in head.subtree}


def is_consequence(trigger: Token, pattern_of: Callable[[Token], Pattern | None]) -> bool:
    """`An RSF drone hit the hospital, killing 70 patients`: a participle after a use of force says what it
    did; it is that attack's outcome, not an event of its own."""
    governor = trigger.head
    if trigger.dep_ != "advcl" or trigger.tag_ != "VBG" or governor.i == trigger.i or governor.i > trigger.i:
        return False
    pattern = pattern_of(governor)
    return pattern is not None and int(pattern.event_code[:2]) in MATERIAL_CONFLICT_ROOTS


def is_same_doer(first: Entity, second: Entity) -> bool:
    """Whether two actors of one sentence can be one doer: one side, or one role where a country is
    unknown (`the army` and `Sudan's army`)."""
    if same_side(first.entity_id, second.entity_id):
        return True
    return (first.country_code is None or second.country_code is None) and first.role_code is not None and first.role_code == second.role_code


def without_untargeted_repeats(reports: list[EventMention]) -> list[EventMention]:
    """One happening told twice in a sentence is one report: `An army airstrike on the market killed dozens
    of civilians` codes the strike and the killing; the report with no target is dropped where the same
    doer has one of the same root, in the same mode, with a target."""
    targeted = [r for r in reports if r.actor2 is not None]
    return [
        r
        for r in reports
        if r.actor2 is not None
        or not any(
            t.event_code[:2] == r.event_code[:2] and t.mode == r.mode and is_same_doer(t.actor1.entity, r.actor1.entity)
            for t in targeted
        )
    ]


def statement_triggers(sentence: Span) -> list[tuple[Token, Pattern]]:
    """The statements of a sentence that reports no other event: `the commission announced that Chapo had
    won`. What someone announces is an event of its own (CAMEO 010) where what is announced is no event;
    plain `said` is left out (on the development set it cost more precision than it gained recall)."""
    return [
        (verb, STATEMENT_PATTERN)
        for verb in sentence
        if verb.pos_ == "VERB"
        and verb.lemma_.lower() in STATEMENT_VERBS
        and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    ]


def code_document(
    doc: Doc,
    mentions: list[EntityMention],
    publication_date: date | None,
    country_entities: dict[str, Entity] | None = None,
    reference_dir: Path | None = None,
) -> list[EventMention]:
    """Every coded event report in a parsed document, in text order."""
    dictionary = load_verb_dictionary(reference_dir)
    discards = discard_pattern(reference_dir)
    patterns: dict[int, Pattern | None] = {}

    def pattern_of(token: Token) -> Pattern | None:
        """The token's best dictionary pattern, matched once per document."""
        if token.i not in patterns:
            patterns[token.i] = None if names_no_act(token) else best_pattern(token, dictionary)
        return patterns[token.i]

    index = MentionIndex(mentions, doc, publication_date)
    text = doc.text  # spaCy joins the tokens again on every access
    country_entities = country_entities if country_entities is not None else default_country_entities()
    coded: list[EventMention] = []
    previous_claimants: list[EntityMention] = []  # who made the claims of the sentence before
    dates_of_sentence = dates_by_sentence(doc)
    for sentence_index, sentence in enumerate(doc.sents):
        if is_discarded(sentence.text, discards):
            continue
        tone: float | None = None  # scored once, and only for sentences that report something
        dates = dates_of_sentence.get(sentence.start, [])
        reports: list[EventMention] = []
        denials: list[EventMention] = []
        stated_by: set[int] = set()  # offsets of intention verbs whose complement was coded as the intent
        triggers = [
            (trigger, pattern)
            for trigger in sentence
            if (pattern := pattern_of(trigger)) is not None
            and not is_coded_by_its_verb(trigger, pattern_of)
            and not is_consequence(trigger, pattern_of)
        ]

        def statements_if_nothing_else(sentence: Span = sentence) -> Iterator[tuple[Token, Pattern]]:
            if not reports and not denials:  # read once the sentence's own triggers are coded
                yield from statement_triggers(sentence)

        for trigger, pattern in chain(triggers, statements_if_nothing_else()):
            acting = source_actors(trigger, index, sentence_index)
            sources = [country_of_place(s, country_entities) for s in acting]
            actor_ids = frozenset(a.entity.entity_id for a in acting)
            named_targets = [
                t for t in target_actors(trigger, index, sentence_index, actor_ids, pattern.event_code) if not is_own_force(t, pattern.event_code)
            ]
            named_targets = named_targets or borrowed_targets(trigger, pattern, index, sentence_index, actor_ids)
            named_targets = named_targets or implicit_targets(trigger, pattern, index, sentence_index, sources)
            place = (
                place_of(trigger, index, pattern.event_code)
                or visited_place(pattern, named_targets)
                or place_of_parties([*acting, *named_targets], index, sentence.doc)
            )
            if sources and tone is None:
                tone = sentence_tone(sentence.text)
            mode = mode_of(trigger, sentence)
            clause = governing_clause(trigger) if trigger.pos_ == "NOUN" else trigger
            event_code = pattern.event_code
            intended = mode == "future" and is_stated_intent(clause) and intent_code(event_code) is not None
            if intended:
                # `France will send howitzers`: the statement of intent happened (033).
                event_code, mode = intent_code(event_code), "asserted"
            # The act intended or wished for replaces the intention verb's own, vaguer code (`vowed`,
            # `pledged`, `threatened`; `wants` is no promise).
            stated_by.update(
                v.idx
                for v in clause_chain(clause, COMPLEMENT_DEPS)[1:]
                if (intended and v.lemma_.lower() in INTENTION_VERBS) or v.lemma_.lower() in WISHING_VERBS
            )
            when = event_date(trigger, clause, dates, publication_date)
            reporter = reporting_source(clause, index, sentence_index)
            start, end = action_span(trigger)
            is_lead = sentence_index < LEAD_SENTENCES
            doers = doer_words(trigger, clause) if is_force(event_code) else set()
            victims = victim_count(trigger) if is_force(event_code) else None
            for actor1 in sources:
                via_pronoun = doc[actor1.start_token].sent != sentence
                # An actor is not its own target (`a Moscow-brokered ceasefire upheld by Russian peacekeepers`).
                mutual = is_reciprocal(trigger) or (not named_targets and is_mutual(event_code) and len(sources) > 1)
                named = [s for s in sources if s is not actor1] if mutual else named_targets
                targets = [target_as_actor(t, actor1, event_code, country_entities) for t in named]
                targets = targets or own_country_targets(
                    trigger, event_code, actor1, named_targets, index, sentence_index, country_entities
                )
                targets = [t for t in targets if not same_side(t.entity.entity_id, actor1.entity.entity_id)]
                for actor2 in targets or [target_of_place(pattern, place, actor1, index, sentence_index, country_entities)]:
                    if actor2 is None and needs_counterpart(event_code) and not is_multilateral(trigger, index):
                        continue  # a meeting, call, visit or recognition with no counterpart named is not codable
                    if lacks_target(pattern, event_code, actor2, trigger):
                        continue  # the field dictionary's verbs are broad: most of its acts need a target
                    reports.append(
                        EventMention(
                            sentence_index=sentence_index,
                            sentence_text=sentence.text,
                            event_code=code_by_participants(
                                event_code, actor1.entity.role_code, actor2.entity if actor2 else None, doers, victims
                            ),
                            mode=mode,
                            actor1=actor1,
                            actor2=actor2,
                            location=place,
                            action_start_char=start,
                            action_end_char=end,
                            action_text=text[start:end],
                            event_date=when.day if when else None,
                            date_precision=when.precision if when else None,
                            reported_by=reporter,
                            confidence=confidence_of(pattern, actor1, actor2, via_pronoun, is_lead),
                            tone=tone,
                            is_lead=is_lead,
                        )
                    )
            truce = mediated_truce(trigger, pattern)
            if truce is not None:
                reports += truce_between_parties([r for r in reports if r.action_start_char == start], truce)
            speaker = reporting_verb(clause)
            if speaker is not None and reporter is not None and is_plain_denial(clause, pattern, sentence):
                denials += [
                    denial_by(reporter, speaker, report, sentence)
                    for report in reports
                    if report.action_start_char == start and same_country(reporter.entity, report.actor1.entity)
                ]
        reports = [r for r in reports if r.action_start_char not in stated_by or r.event_code[:2] not in STATEMENT_OF_INTENT_ROOTS]
        reports = without_untargeted_repeats(reports)
        index.uses_of_force += [
            (sentence_index, r.actor1, r.actor2) for r in reports if r.mode == "asserted" and int(r.event_code[:2]) in MATERIAL_CONFLICT_ROOTS
        ]
        answering = {t.idx for t in sentence if denies_a_claim(t)}
        coded += answer_claims(reports + denials, answering, previous_claimants)
        previous_claimants = [r.reported_by for r in reports if r.reported_by is not None]
    return coded
