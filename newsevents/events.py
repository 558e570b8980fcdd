"""Event coding: who did what to whom, where, from the dependency parse and the verb dictionary.

For each verb (or event noun such as `meeting with`) that the verb dictionary knows, the coder finds the
acting entity (the subject, the `by` agent of a passive, or the subject inherited from the governing
clause), the target (direct object, dative, or the object of `to`/`with`/`against`/...), and the place
(`in`/`near`/`at` a place). Coordinated actors (`the UK, Germany and Canada pledged`) give one event
each, as GDELT does. The clause's mode says whether it reports something that happened:
`asserted`, or `negated`, `hypothetical`, `future`, `question`; only asserted events become facts.

Reports of the same happening (same actors, same CAMEO root, same date, same or unknown place) merge
into one event; for symmetric interactions (meetings, talks) the order of the two actors does not matter.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsevents import config
from newsevents.dates import event_date
from newsevents.entities import Entity, EntityMention, default_country_entities, is_stance_prefixed
from newsevents.reference import load_cameo_codes, read_reference_csv
from newsevents.tone import sentence_tone

MODES = ("asserted", "negated", "hypothetical", "future", "question")
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
TARGET_PREPOSITIONS = ("to", "with", "against", "on", "from", "for", "toward", "towards", "into", "at", "of")
OBJECT_TARGET_PREPOSITIONS = ("to", "against", "for", "toward", "towards")
PLACE_PREPOSITIONS = ("in", "near", "at", "outside", "around", "inside", "across")
INHERITING_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp")
# Nouns for people or bodies that act for whoever owns them (`Russia's defence ministry`, `head of the UN`),
# and collectives that act for their members (`a formation of Russian aircraft`).
AGENT_NOUNS = frozenset(
    """head leader chief president minister secretary spokesman spokeswoman spokesperson official officials
    government administration ministry department office army military forces force troops soldiers navy
    air police delegation representative representatives ambassador envoy diplomat diplomats negotiator
    negotiators member members commander commanders general generals staff chiefs counterpart counterparts
    authorities leadership cabinet parliament council agency service services fighter fighters jet jets
    aircraft warship warships unit units side formation group convoy column squadron fleet battalion battalions
    brigade brigades regiment division contingent crew patrol flotilla""".split()
)
PHRASE_DEPS = ("compound", "amod", "nmod", "poss", "appos", "flat", "nummod", "det", "npadvmod")
RELATIVE_PRONOUNS = ("who", "which", "that")
PERSONAL_PRONOUNS = ("he", "she", "him", "her", "his")
HYPOTHETICAL_AUXILIARIES = ("could", "would", "might", "may", "should", "can", "must")
FUTURE_AUXILIARIES = ("will", "shall", "'ll")
INTENTION_VERBS = frozenset(
    "plan intend want hope try seek aim expect prepare threaten consider propose wish aspire mean".split()
)
CONDITIONAL_MARKERS = ("if", "unless", "whether")
REPORTING_VERBS = frozenset(
    "say claim allege insist tell report state announce add argue write suggest confirm admit assert maintain".split()
)
# Verbs whose complement did not happen: `refused to meet`, `failed to capture`, `denied shelling`.
NEGATING_VERBS = frozenset("refuse fail decline deny avoid reject stop cease abandon".split())
COMPLEMENT_DEPS = ("xcomp", "pcomp", "ccomp")
# Interactions whose two sides play the same part: A meets B is B meets A.
SYMMETRIC_ROOTS = frozenset(("04",))
SYMMETRIC_EVENT_CODES = frozenset(("060", "061"))
PLACE_FEATURES = ("city", "region", "country")
CONSULT_ROOT = "04"
VISIT_CODE = "042"
MATERIAL_ROOTS = frozenset((6, 7, 8, 9, 15, 16, 17, 18, 19, 20))
MATERIAL_CONFLICT_ROOTS = frozenset((15, 16, 17, 18, 19, 20))
LEAD_SENTENCES = 3
DATE_TOLERANCE_DAYS = 1
PRONOUN_LOOKBACK_SENTENCES = 2


@dataclass(frozen=True)
class VerbPattern:
    lemma: str
    pos: str
    particle: str
    preposition: str
    objects: frozenset[str]
    event_code: str

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.preposition) + bool(self.objects)


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


def load_verb_patterns(reference_dir: Path | None = None) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
    """Verb-dictionary rows grouped by (lemma, part of speech), in file order."""
    folder = reference_dir or config.reference_dir()
    return cached_verb_patterns(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_verb_patterns(reference_dir: Path, version: tuple) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
    patterns: dict[tuple[str, str], list[VerbPattern]] = defaultdict(list)
    known_codes = {row["event_code"] for row in load_cameo_codes(reference_dir)}
    for row in read_reference_csv(reference_dir / "verb_patterns.csv"):
        if not row["event_code"]:
            raise ValueError(f"verb_patterns.csv: row for {row['lemma']!r} has no event_code")
        pattern = VerbPattern(
            lemma=row["lemma"].lower(),
            pos=row["pos"].upper(),
            particle=row["particle"].lower(),
            preposition=row["preposition"].lower(),
            objects=frozenset(o.strip().lower() for o in row["object"].split("|") if o.strip()),
            event_code=row["event_code"],
        )
        if pattern.event_code not in known_codes:
            raise ValueError(f"verb_patterns.csv: {row['lemma']!r} maps to {pattern.event_code!r}, not a code of cameo_event_codes.csv")
        patterns[(pattern.lemma, pattern.pos)].append(pattern)
    return {key: tuple(rows) for key, rows in patterns.items()}


def object_lemmas(trigger: Token) -> set[str]:
    """Lemmas of the trigger's objects, with the nouns of `of` phrases (`the supply of tanks`)."""
    heads = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    if trigger.pos_ == "NOUN":
        heads = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    lemmas: set[str] = set()
    for head in heads:
        for token in [head, *head.conjuncts]:
            lemmas.update({token.lemma_.lower(), token.lower_})
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
    return lemmas


def pattern_matches(pattern: VerbPattern, trigger: Token) -> bool:
    children = list(trigger.children)
    if pattern.particle and pattern.particle not in {c.lower_ for c in children if c.dep_ in ("prt", "prep")}:
        return False
    if pattern.preposition and pattern.preposition not in {c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent")}:
        return False
    return not pattern.objects or bool(pattern.objects & object_lemmas(trigger))


def best_pattern(trigger: Token, patterns: dict[tuple[str, str], tuple[VerbPattern, ...]]) -> VerbPattern | None:
    pos = "VERB" if trigger.pos_ in ("VERB", "AUX") else trigger.pos_
    candidates = [p for p in patterns.get((trigger.lemma_.lower(), pos), ()) if pattern_matches(p, trigger)]
    if not candidates:
        return None
    return max(candidates, key=lambda p: p.specificity)  # max keeps the first of equals


class MentionIndex:
    """Entity mentions of a document, looked up by token."""

    def __init__(self, mentions: Iterable[EntityMention]):
        self.mentions = list(mentions)
        self.by_token: dict[int, EntityMention] = {}
        for mention in self.mentions:
            for i in range(mention.start_token, mention.end_token):
                self.by_token[i] = mention

    def previous_person(self, token: Token, lookback_sentences: int, sentence_index: int) -> EntityMention | None:
        """The last person mentioned before `token`, within a few sentences: a simple antecedent for `he`."""
        people = [
            m
            for m in self.mentions
            if m.end_token <= token.i
            and m.entity.entity_type == "PERSON"
            and m.entity.is_resolved
            and sentence_index - m.sentence_index <= lookback_sentences
        ]
        return people[-1] if people else None


def speaks_for_owner(noun: Token) -> bool:
    """Whether `X's <noun>` / `<noun> of X` acts for X: its ministry, forces or leader do; its critics,
    allies or victims do not."""
    return noun.ent_type_ != "" or noun.lemma_.lower() in AGENT_NOUNS


def phrase_tokens(head: Token) -> list[Token]:
    """The head of a noun phrase and the modifiers that can name its actor, nearest first."""
    tokens, frontier = [head], [head]
    while frontier:
        token = frontier.pop(0)
        for child in token.children:
            owner_link = child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of")
            if owner_link and not speaks_for_owner(token):
                continue
            if child.dep_ in PHRASE_DEPS or owner_link:
                tokens.append(child)
                frontier.append(child)
            elif child.dep_ == "pobj" and token.dep_ == "prep":
                tokens.append(child)
                frontier.append(child)
    return tokens


def actor_of_phrase(head: Token, index: MentionIndex, sentence_index: int) -> EntityMention | None:
    if head.lower_ in PERSONAL_PRONOUNS:
        return index.previous_person(head, PRONOUN_LOOKBACK_SENTENCES, sentence_index)
    for token in phrase_tokens(head):
        mention = index.by_token.get(token.i)
        # `pro-Russian separatists` are not Russia.
        if mention is not None and not is_stance_prefixed(head.doc[mention.start_token : mention.end_token]):
            return mention
    return None


def coordinated(head: Token, targets: bool = False) -> list[Token]:
    """A phrase head and the heads coordinated with it. Among targets, a conjunct that opens a clause of its
    own is left out (unpunctuated speech: `tanks to ukraine and the u.s has committed`: the U.S. is the
    subject of a new clause, not a second recipient)."""
    return [head, *[t for t in head.conjuncts if t.i > head.i and not (targets and opens_clause(t))]]


def opens_clause(token: Token) -> bool:
    """Whether a verb follows right after the conjunct's own words."""
    own = [token.i] + [t.i for child in token.children if child.dep_ not in ("conj", "cc", "punct") for t in child.subtree]
    following = token.doc[max(own) + 1] if max(own) + 1 < len(token.doc) else None
    return following is not None and following.pos_ in ("AUX", "VERB")


def actors_of(heads: Iterable[Token], index: MentionIndex, sentence_index: int, targets: bool = False) -> list[EntityMention]:
    found: list[EntityMention] = []
    for head in heads:
        for token in coordinated(head, targets):
            mention = actor_of_phrase(token, index, sentence_index)
            if mention is not None and all(m.entity.entity_id != mention.entity.entity_id for m in found):
                found.append(mention)
    return found


def governing_clause(trigger: Token) -> Token:
    """For an event noun, the verb it hangs from (`struck ... in a meeting with` -> struck)."""
    token = trigger
    while token.dep_ in ("pobj", "prep", "dobj", "attr", "conj", "appos") and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return trigger


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"))


def subject_heads(clause: Token) -> list[Token]:
    """Who performs a clause's action: its subject, the `by` agent of a passive, or, for a clause with
    no subject of its own, the governing clause's object (`urged the West to stop`) or subject."""
    token = clause
    for _ in range(4):
        if is_passive(token):
            return [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            if subjects[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return [token.head]
            return subjects
        if token.dep_ == "relcl":
            return [token.head]
        if token.dep_ not in INHERITING_DEPS or token.head.i == token.i:
            return []
        if token.dep_ == "xcomp":
            controllers = [c for c in token.head.children if c.dep_ in ("dobj", "dative")]
            if controllers:
                return controllers
        token = token.head
    return []


def source_actors(trigger: Token, index: MentionIndex, sentence_index: int) -> list[EntityMention]:
    if trigger.pos_ == "NOUN":
        owners = [c for c in trigger.children if c.dep_ == "poss"]
        if owners:
            return actors_of(owners, index, sentence_index)
        return actors_of(subject_heads(governing_clause(trigger)), index, sentence_index)
    return actors_of(subject_heads(trigger), index, sentence_index)


def target_actors(trigger: Token, index: MentionIndex, sentence_index: int) -> list[EntityMention]:
    passive_subjects = [c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    found = actors_of(passive_subjects + objects, index, sentence_index, targets=True)
    if found:
        return found
    for prep in trigger.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in TARGET_PREPOSITIONS:
            # `to Bulgaria and to Poland`: coordinated prepositions each bring a target.
            objects_of_preps = [c for p in (prep, *prep.conjuncts) for c in p.children if c.dep_ == "pobj"]
            found = actors_of(objects_of_preps, index, sentence_index, targets=True)
            if found:
                return found
    # `authorised the supply of tanks to Ukraine`, `launched strikes against Kyiv`: the target hangs off the object.
    for token in (t for obj in objects for t in phrase_tokens(obj)):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in OBJECT_TARGET_PREPOSITIONS:
                found = actors_of([c for c in prep.children if c.dep_ == "pobj"], index, sentence_index, targets=True)
                if found:
                    return found
    return []


def is_material(event_code: str) -> bool:
    """Material cooperation (06-09) or conflict (15-20): acts done to something, somewhere."""
    return int(event_code[:2]) in MATERIAL_ROOTS


def place_of(trigger: Token, index: MentionIndex, event_code: str) -> Entity | None:
    """Where the action happened: a place in an `in`/`near`/`at` phrase of the clause or its governor,
    or, for material acts, of their object (`intercepted bombers near Poland`). For verbal acts a place
    by the object is the topic's, not the act's (`criticised the war in Ukraine`)."""
    heads = [trigger, trigger.head if trigger.dep_ in INHERITING_DEPS else None]
    if is_material(event_code):
        heads += [t for c in trigger.children if c.dep_ in OBJECT_DEPS for t in phrase_tokens(c)]
    for clause in heads:
        if clause is None:
            continue
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                mention = index.by_token.get(pobj.i)
                if mention and mention.entity.feature_type in PLACE_FEATURES:
                    return mention.entity
    return None


def visited_place(pattern: VerbPattern, targets: list[EntityMention]) -> Entity | None:
    """For visits, meetings and attacks the place named as the target is where it happened (`fly to
    Moscow`, `shelled Kharkiv`); for aid it is not (`sent tanks to Kyiv` happened elsewhere)."""
    root = int(pattern.event_code[:2])
    if not (pattern.event_code.startswith(CONSULT_ROOT) or root in MATERIAL_CONFLICT_ROOTS):
        return None
    return next((t.entity for t in targets if t.entity.feature_type in ("city", "region")), None)


def target_of_place(
    pattern: VerbPattern,
    place: Entity | None,
    actor1: EntityMention,
    index: MentionIndex,
    sentence_index: int,
    country_entities: dict[str, Entity],
) -> EntityMention | None:
    """An attack with no named target hits the country where it happens (`Russia bombarded the frontline
    in Bakhmut` -> Ukraine), as GDELT codes it, and a visit is to the country of its place (`arrived in
    Moscow` -> Russia); not when that is the actor's own country. The target's offsets are those of the
    place's mention."""
    attack = int(pattern.event_code[:2]) in MATERIAL_CONFLICT_ROOTS
    visit = pattern.event_code[:3] == VISIT_CODE
    if place is None or not (attack or visit) or place.country_code is None:
        return None
    if place.country_code == actor1.entity.country_code or place.country_code not in country_entities:
        return None
    place_mention = next(
        (m for m in index.mentions if m.sentence_index == sentence_index and m.entity.entity_id == place.entity_id), None
    )
    if place_mention is None:
        return None
    return EntityMention(**{**place_mention.__dict__, "entity": country_entities[place.country_code]})


def clause_chain(trigger: Token, follow: tuple[str, ...]) -> list[Token]:
    """The trigger and the verbs it depends on through `follow` relations
    (`not planning to invade`: invade -xcomp-> planning)."""
    chain = [trigger]
    token = trigger
    while token.dep_ in follow and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def mode_of(trigger: Token, sentence: Span) -> str:
    clause = governing_clause(trigger) if trigger.pos_ == "NOUN" else trigger
    # Negation reaches an act through open complements only: in `did not attack Kyiv but shelled Kharkiv`
    # the shelling is not negated. Modality and tense are shared by coordinated verbs.
    complements = clause_chain(clause, COMPLEMENT_DEPS)
    if any(c.dep_ == "neg" for verb in complements for c in verb.children):
        return "negated"
    if any(verb.lemma_.lower() in NEGATING_VERBS for verb in complements[1:]):
        return "negated"
    if sentence.text.rstrip().endswith("?"):
        return "question"
    chain = clause_chain(clause, COMPLEMENT_DEPS + ("conj",))
    children = [c for verb in chain for c in verb.children]
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS for c in children):
        return "hypothetical"
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & set(HYPOTHETICAL_AUXILIARIES):
        return "hypothetical"
    if auxiliaries & set(FUTURE_AUXILIARIES) or any(verb.lower_ == "going" for verb in chain):
        return "future"
    if any(verb.lemma_.lower() in INTENTION_VERBS for verb in chain[1:]):
        return "future"
    return "asserted"


def reporting_source(clause: Token, index: MentionIndex, sentence_index: int) -> EntityMention | None:
    """Whose claim an action is: the subject of the reporting verb it is said under (`Ukraine says Russia
    has bombed the corridors` -> Ukraine), or the object of `according to`."""
    token = clause
    for _ in range(6):
        if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in REPORTING_VERBS:
            sources = actors_of(subject_heads(token.head), index, sentence_index)
            return sources[0] if sources else None
        if token.head.i == token.i:
            break
        token = token.head
    for prep in clause.subtree:
        if prep.lower_ == "according" and prep.nbor(1).lower_ == "to":
            sources = actors_of([c for c in prep.nbor(1).children if c.dep_ == "pobj"], index, sentence_index)
            return sources[0] if sources else None
    return None


def action_span(trigger: Token) -> tuple[int, int]:
    """Character offsets of the action words: the trigger with its particle."""
    tokens = [trigger, *[c for c in trigger.children if c.dep_ == "prt"]]
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def confidence_of(
    pattern: VerbPattern, actor1: EntityMention, actor2: EntityMention | None, via_pronoun: bool, is_lead: bool
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


def country_of_place(mention: EntityMention, country_entities: dict[str, Entity]) -> EntityMention:
    """A city or region as an actor stands for its country (`Moscow accuses`, `fly to Moscow`), as in CAMEO."""
    entity = mention.entity
    if entity.feature_type in ("city", "region") and entity.country_code in country_entities:
        return EntityMention(**{**mention.__dict__, "entity": country_entities[entity.country_code]})
    return mention


def code_document(
    doc: Doc,
    mentions: list[EntityMention],
    publication_date: date | None,
    country_entities: dict[str, Entity] | None = None,
    reference_dir: Path | None = None,
) -> list[EventMention]:
    """Every coded event report in a parsed document, in text order."""
    patterns = load_verb_patterns(reference_dir)
    index = MentionIndex(mentions)
    country_entities = country_entities if country_entities is not None else default_country_entities()
    coded: list[EventMention] = []
    for sentence_index, sentence in enumerate(doc.sents):
        tone: float | None = None  # scored once, and only for sentences that report something
        for trigger in sentence:
            pattern = best_pattern(trigger, patterns)
            if pattern is None:
                continue
            sources = [country_of_place(s, country_entities) for s in source_actors(trigger, index, sentence_index)]
            named_targets = target_actors(trigger, index, sentence_index)
            targets = [country_of_place(t, country_entities) for t in named_targets]
            place = place_of(trigger, index, pattern.event_code) or visited_place(pattern, named_targets)
            if sources and tone is None:
                tone = sentence_tone(sentence.text)
            mode = mode_of(trigger, sentence)
            clause = governing_clause(trigger) if trigger.pos_ == "NOUN" else trigger
            when = event_date(clause, sentence, publication_date)
            reporter = reporting_source(clause, index, sentence_index)
            start, end = action_span(trigger)
            is_lead = sentence_index < LEAD_SENTENCES
            for actor1 in sources:
                via_pronoun = doc[actor1.start_token].sent != sentence
                for actor2 in targets or [target_of_place(pattern, place, actor1, index, sentence_index, country_entities)]:
                    if actor2 is not None and actor2.entity.entity_id == actor1.entity.entity_id:
                        continue
                    if actor2 is None and pattern.event_code.startswith(CONSULT_ROOT):
                        continue  # a meeting, call or visit with no counterpart named is not a codable interaction
                    coded.append(
                        EventMention(
                            sentence_index=sentence_index,
                            sentence_text=sentence.text,
                            event_code=pattern.event_code,
                            mode=mode,
                            actor1=actor1,
                            actor2=actor2,
                            location=place,
                            action_start_char=start,
                            action_end_char=end,
                            action_text=doc.text[start:end],
                            event_date=when.day if when else None,
                            date_precision=when.precision if when else None,
                            reported_by=reporter,
                            confidence=confidence_of(pattern, actor1, actor2, via_pronoun, is_lead),
                            tone=tone,
                            is_lead=is_lead,
                        )
                    )
    return coded


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


def base_actor(entity_id: str | None) -> str | None:
    """`country:RUS/MIL` -> `country:RUS`: a country's military and the country are one side for merging."""
    return entity_id.split("/")[0] if entity_id else None


def event_identity(event_code: str, actor1_id: str, actor2_id: str | None) -> tuple:
    """What makes two reports one happening, before dates and places are compared: the CAMEO root and
    the two sides (in either order for symmetric interactions)."""
    pair = (base_actor(actor1_id), base_actor(actor2_id) or "")
    if is_symmetric(event_code) and actor2_id:
        pair = tuple(sorted(pair))
    return (event_code[:2], *pair)


def is_symmetric(event_code: str) -> bool:
    """Consultations (root 04: meetings, calls, visits, talks) and cooperation (060, 061) involve both
    sides alike, so a report's actor order does not tell two happenings apart."""
    return event_code[:2] in SYMMETRIC_ROOTS or event_code[:3] in SYMMETRIC_EVENT_CODES


@dataclass(frozen=True)
class ReportKey:
    """The fields of a report that merging needs: an index into the caller's rows plus identity, date,
    document and place."""

    row: int
    identity: tuple
    event_date: date | None
    document_id: str
    location_id: str | None


def date_clusters(reports: list[ReportKey], tolerance_days: int) -> list[list[ReportKey]]:
    """Reports of one identity grouped by date: a report within `tolerance_days` of the previous one joins
    its group. Undated reports only group within their own document: without a date, two reports of a
    meeting may be years apart."""
    dated = sorted((r for r in reports if r.event_date), key=lambda r: r.event_date)
    clusters: list[list[ReportKey]] = []
    for report in dated:
        if clusters and (report.event_date - clusters[-1][-1].event_date).days <= tolerance_days:
            clusters[-1].append(report)
        else:
            clusters.append([report])
    undated: dict[str, list[ReportKey]] = defaultdict(list)
    for report in reports:
        if not report.event_date:
            undated[report.document_id].append(report)
    return clusters + list(undated.values())


def assign_event_ids(reports: list[ReportKey], tolerance_days: int = DATE_TOLERANCE_DAYS) -> dict[int, str]:
    """Group reports of one happening and give each group a deterministic event id.

    Reports with the same mode, root and acting side, dates within the tolerance, the same target and
    the same place are one event. A report with no target joins the group's most reported target (`the
    Dutch F-35s escorted them out` is the interception already reported with its target), and a report
    with no place the most reported place; without any, they form their own.
    """
    by_actor: dict[tuple, list[ReportKey]] = defaultdict(list)
    for report in reports:
        by_actor[report.identity[:-1]].append(report)
    event_of_row: dict[int, str] = {}
    for acting, group in by_actor.items():
        for cluster in date_clusters(group, tolerance_days):
            first = cluster[0]
            when = first.event_date.isoformat() if first.event_date else f"undated:{first.document_id}"
            fallback_target = most_common(r.identity[-1] for r in cluster)
            targets: dict[str, list[ReportKey]] = defaultdict(list)
            for report in cluster:
                targets[report.identity[-1] or fallback_target].append(report)
            for target, reports_of_target in targets.items():
                fallback_place = most_common(r.location_id for r in reports_of_target)
                for report in reports_of_target:
                    event_of_row[report.row] = stable_id(*acting, target, when, report.location_id or fallback_place)
    return event_of_row


def most_common(values: Iterable[str | None]) -> str:
    """The most frequent non-empty value ('' if none): ties go to the first seen."""
    counts = Counter(value for value in values if value)
    return counts.most_common(1)[0][0] if counts else ""


def representative_code(codes: Iterable[str]) -> str:
    """The event's code: the most reported; among equals the most specific, then the lowest."""
    counts = Counter(codes)
    return min(counts, key=lambda code: (-counts[code], -len(code), code))
