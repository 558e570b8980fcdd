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
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsevents import config
from newsevents.dates import event_date
from newsevents.entities import (
    MOTION_WORDS,
    Entity,
    EntityMention,
    default_country_entities,
    default_resolver,
    is_stance_prefixed,
)
from newsevents.reference import load_cameo_codes, normalise_name, read_reference_csv
from newsevents.tone import sentence_tone

MODES = ("asserted", "negated", "hypothetical", "future", "question")
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
TARGET_PREPOSITIONS = ("to", "with", "against", "on", "from", "for", "toward", "towards", "into", "at", "of")
OBJECT_TARGET_PREPOSITIONS = ("to", "against", "for", "toward", "towards", "into")
# Objects whose `with` names the other party (`signed contracts with Rheinmetall`); elsewhere `with` is an
# instrument or company (`sent tanks with Polish crews`).
DEALING_NOUNS = frozenset(
    "contract agreement deal treaty accord pact memorandum talk negotiation relation tie meeting call consultation".split()
)
# `the national defence industry`, `domestic producers`: what these adjectives describe belongs to the
# actor's own country.
OWN_COUNTRY_ADJECTIVES = ("national", "domestic")
PLACE_PREPOSITIONS = ("in", "near", "at", "outside", "around", "inside", "across", "off", "along")
# Nouns for a part of a place, whose `of` names the place (`off the northern coast of Japan`).
PLACE_PART_NOUNS = frozenset("coast shore border outskirts edge north south east west centre center waters".split())
INHERITING_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp")
# Prepositions whose gerund's doer is the subject of the verb they hang from (`responded by annexing`).
SUBJECT_CONTROLLED_PREPOSITIONS = ("by", "after", "before", "while", "since", "without", "through", "upon")
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
NOUN_PHRASE_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM")
# People defined by their relation to someone: `Putin's critics` are not Putin, as a target or as an actor.
PEOPLE_NOUNS = frozenset(
    """critic opponent ally friend enemy rival supporter victim family relative neighbour neighbor people citizen
    partner wife husband son daughter""".split()
)
# Phrases for two parties named before (`both sides`, `the two countries`, `the pair`, `both men`).
PARTY_GROUP_NOUNS = frozenset("side country nation government party".split())
PEOPLE_GROUP_NOUNS = frozenset("man woman leader minister".split())
GROUP_LOOKBACK_SENTENCES = 2
PHRASE_DEPS = ("compound", "amod", "nmod", "poss", "appos", "flat", "nummod", "det", "npadvmod")
RELATIVE_PRONOUNS = ("who", "which", "that")
FINITE_TAGS = ("VBD", "VBZ", "VBP")
PARENTHESIS_DASHES = ("-", "–", "—")
PERSONAL_PRONOUNS = ("he", "she", "him", "her", "his")
HYPOTHETICAL_AUXILIARIES = ("could", "would", "might", "may", "should", "can", "must", "ca")  # ca: can't
FUTURE_AUXILIARIES = ("will", "shall", "'ll", "wo")  # wo: won't
INTENTION_VERBS = frozenset(
    "plan intend want hope try seek aim expect prepare threaten consider propose wish aspire mean".split()
)
CONDITIONAL_MARKERS = ("if", "unless", "whether")
REPORTING_VERBS = frozenset(
    "say claim allege insist tell report state announce add argue write suggest confirm admit assert maintain".split()
)
# Verbs whose complement did not happen: `refused to meet`, `failed to capture`, `denied shelling`.
NEGATING_VERBS = frozenset("refuse fail decline deny avoid reject stop cease abandon".split())
# `declared independence without consulting Serbia`: the consultation did not happen.
NEGATING_PREPOSITIONS = ("without",)
COMPLEMENT_DEPS = ("xcomp", "pcomp", "ccomp")
# Interactions whose two sides play the same part: A meets B is B meets A.
SYMMETRIC_ROOTS = frozenset(("04",))
SYMMETRIC_EVENT_CODES = frozenset(("060", "061"))
PLACE_FEATURES = ("city", "region", "country")
GOVERNMENT_ROLE = "GOV"
# In the verb dictionary's preposition column: the verb takes a to-infinitive (`ask someone to act`).
INFINITIVE_COMPLEMENT = "to-infinitive"
CONSULT_ROOT = "04"
INTENT_ROOT = "03"
THREAT_ROOT = "13"
# Interactions that need a counterpart to be coded: promises and offers (03: intent to cooperate with whom?),
# meetings, calls, visits (04), recognition (054).
COUNTERPART_CODES = (INTENT_ROOT, CONSULT_ROOT, "054")
# Members that make a meeting multilateral (`a meeting of more than 40 nations`): codable with no counterpart.
MULTILATERAL_MEMBERS = frozenset("nation country state ally leader minister member government delegation".split())
# Acts aimed at a country that a clause may leave to the sentence around it: promises (03) and shows of
# military force (15).
IMPLICIT_TARGET_ROOTS = (INTENT_ROOT, "15")
MEDIATION_CODE = "045"
# Hostile acts (coercion, assault, fighting, mass violence) that, naming no target, are aimed at the other of
# two sides just named.
TWO_SIDED_ROOTS = frozenset((17, 18, 19, 20))
TRUCE_CODE = "0871"
TRUCE_NOUNS = frozenset("ceasefire cease-fire truce armistice".split())
DENIAL_CODE = "016"
CLAIM_NOUNS = frozenset("charge claim accusation allegation report".split())
# Acts whose plain negation by their own side is a denial: threats, protests, force, assaults.
DENIABLE_ROOTS = frozenset(range(13, 21))
VISIT_CODE = "042"
MATERIAL_ROOTS = frozenset((6, 7, 8, 9, 15, 16, 17, 18, 19, 20))
MATERIAL_CONFLICT_ROOTS = frozenset((15, 16, 17, 18, 19, 20))
LEAD_SENTENCES = 3
DATE_TOLERANCE_DAYS = 1
PRONOUN_LOOKBACK_SENTENCES = 2
# A sentence this long is unpunctuated speech (an auto-captioned transcript), not written prose.
RUN_ON_TOKENS = 80
# Sentences that name no one (`Wait, really? How did that go down? Well, not well.`) do not count towards
# the lookback, up to this many sentences in all.
PRONOUN_LOOKBACK_MAX_SENTENCES = 6


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
    heads = [c for c in trigger.children if c.dep_ in OBJECT_DEPS] + passive_patients(trigger)
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


def passive_patients(verb: Token) -> list[Token]:
    """What a passive verb is done to: its passive subject (`tanks were sent`), or the noun a participle
    describes (`a ceasefire upheld by peacekeepers`)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    patients = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i != verb.i:
        patients.append(verb.head)
    return patients


def has_infinitive_complement(trigger: Token) -> bool:
    """`asked Putin to take`, `urged the West to stop`: a to-infinitive complement."""
    return any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in trigger.children
    )


def preposition_object_lemmas(trigger: Token, preposition: str) -> set[str]:
    """Lemmas of the objects of the trigger's preposition (`agreed to UN involvement` -> involvement)."""
    lemmas: set[str] = set()
    for prep in trigger.children:
        if prep.dep_ in ("prep", "prt", "agent") and prep.lower_ == preposition:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                lemmas.update(t.lemma_.lower() for t in (pobj, *pobj.conjuncts))
    return lemmas


def pattern_matches(pattern: VerbPattern, trigger: Token) -> bool:
    children = list(trigger.children)
    if pattern.particle and pattern.particle not in {c.lower_ for c in children if c.dep_ in ("prt", "prep")}:
        return False
    if pattern.preposition == INFINITIVE_COMPLEMENT:
        if not has_infinitive_complement(trigger):
            return False
    elif pattern.preposition and pattern.preposition not in {c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent")}:
        return False
    if not pattern.objects:
        return True
    lemmas = object_lemmas(trigger)
    if pattern.preposition and pattern.preposition != INFINITIVE_COMPLEMENT:
        lemmas |= preposition_object_lemmas(trigger, pattern.preposition)
    return bool(pattern.objects & lemmas)


def best_pattern(trigger: Token, patterns: dict[tuple[str, str], tuple[VerbPattern, ...]]) -> VerbPattern | None:
    pos = "VERB" if trigger.pos_ in ("VERB", "AUX") else trigger.pos_
    candidates = [p for p in patterns.get((trigger.lemma_.lower(), pos), ()) if pattern_matches(p, trigger)]
    if not candidates:
        return None
    return max(candidates, key=lambda p: p.specificity)  # max keeps the first of equals


def document_mention(span: Span, sentence_index: int, entity: Entity, ner_label: str = "PERSON") -> EntityMention:
    """A mention of an entity found from the rest of the document in words that do not name it (an
    office, a counterpart, `the national industry`)."""
    return EntityMention.of_span(span, sentence_index, entity, ner_label, resolution_method="document")


class MentionIndex:
    """Entity mentions of a document, looked up by token."""

    def __init__(self, mentions: Iterable[EntityMention], doc: Doc | None = None, day: date | None = None):
        self.mentions = list(mentions)
        self.by_token: dict[int, EntityMention] = {}
        for mention in self.mentions:
            for i in range(mention.start_token, mention.end_token):
                self.by_token[i] = mention
        self.titled = self.titled_people(doc) if doc is not None else {}
        self.day = day
        self._offices: dict[Entity, list[tuple[str, ...]]] | None = None

    def offices(self) -> dict[Entity, list[tuple[str, ...]]]:
        """The office titles (dictionary title aliases valid on the day) of the people the document names."""
        if self._offices is None:
            resolver = default_resolver()
            people = {m.entity for m in self.mentions if m.entity.entity_type == "PERSON" and m.entity.is_resolved}
            ids = {p.entity_id: p for p in people}
            self._offices = defaultdict(list)
            for key, aliases in resolver.aliases_by_key.items():
                for alias in aliases:
                    if alias.alias_type == "title" and alias.entity_id in ids and alias.valid_on(self.day):
                        self._offices[ids[alias.entity_id]].append(tuple(key.split()))
        return self._offices

    def office_holder(self, noun: Token, sentence_index: int) -> EntityMention | None:
        """The one person the document names who holds an office named without a name or nationality (`the
        defence secretary` in a report that names Ben Wallace, UK defence secretary on its date)."""
        words = [c for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not words or any(c.i in self.by_token for c in words) or noun.tag_ != "NN":
            return None
        start = min(c.i for c in words)
        if any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in noun.doc[start : noun.i]):
            return None
        key = tuple(normalise_name(t.text) for t in noun.doc[start : noun.i + 1])
        holders = [p for p, titles in self.offices().items() if any(t[-len(key):] == key for t in titles)]
        if len(holders) != 1:
            return None
        span = noun.doc[start : noun.i + 1]
        return document_mention(span, sentence_index, holders[0])

    def nationality_of(self, noun: Token, skip: EntityMention | None = None) -> EntityMention | None:
        """The country named by a noun's modifiers (`Azeri counterpart`)."""
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < noun.i:
                mention = self.by_token.get(child.i)
                if mention is not None and mention is not skip and mention.entity.feature_type == "country":
                    return mention
        return None

    def titled_people(self, doc: Doc) -> dict[tuple[str, str], Entity]:
        """People a document names with a nationality and an office before the name (`Azeri counterpart
        Ilham Aliyev`), by (country, office): the same words without the name elsewhere in the document
        (`Putin holds talks with Azeri counterpart`) are that person. Offices held by two people are left out."""
        found: dict[tuple[str, str], set[Entity]] = defaultdict(set)
        for mention in self.mentions:
            if mention.entity.entity_type != "PERSON" or not mention.entity.is_resolved:
                continue
            root = doc[mention.start_token : mention.end_token].root
            for title in (c for c in root.children if c.i < mention.start_token and c.dep_ in ("compound", "amod", "nmod")):
                nationality = self.nationality_of(title, mention)
                if title.lemma_.lower() in AGENT_NOUNS and title.tag_ == "NN" and nationality is not None:
                    found[(nationality.entity.entity_id, title.lemma_.lower())].add(mention.entity)
        return {key: next(iter(people)) for key, people in found.items() if len(people) == 1}

    def titled_person(self, noun: Token, sentence_index: int) -> EntityMention | None:
        """The person an unnamed office stands for in this document (`Azeri counterpart` -> Ilham Aliyev,
        `the defence secretary` -> the one holder of that office the document names)."""
        if noun.tag_ != "NN" or noun.i in self.by_token or noun.lemma_.lower() not in AGENT_NOUNS:
            return None
        nationality = self.nationality_of(noun)
        if nationality is None:
            return self.office_holder(noun, sentence_index)
        person = self.titled.get((nationality.entity.entity_id, noun.lemma_.lower()))
        if person is None:
            return None
        start = min(nationality.start_token, noun.i)
        span = noun.doc[start : noun.i + 1]
        return document_mention(span, sentence_index, person)

    def previous_person(
        self, token: Token, lookback_sentences: int, sentence_index: int, exclude: frozenset[str] = frozenset()
    ) -> EntityMention | None:
        """The last person mentioned before `token`, within a few sentences that name someone (those that
        name no one do not count): a simple antecedent for `he`. `exclude` names entities the pronoun cannot
        be: `Putin challenged him` is not Putin challenging himself."""
        naming = sorted({m.sentence_index for m in self.mentions if m.sentence_index < sentence_index}, reverse=True)
        earliest = naming[lookback_sentences - 1] if len(naming) >= lookback_sentences else 0
        earliest = max(earliest, sentence_index - PRONOUN_LOOKBACK_MAX_SENTENCES)
        people = [
            m
            for m in self.mentions
            if m.end_token <= token.i
            and m.entity.entity_type == "PERSON"
            and m.entity.is_resolved
            and m.entity.entity_id not in exclude
            and m.sentence_index >= min(earliest, sentence_index - lookback_sentences)
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


def actor_of_phrase(
    head: Token, index: MentionIndex, sentence_index: int, exclude: frozenset[str] = frozenset()
) -> EntityMention | None:
    if head.lower_ in PERSONAL_PRONOUNS:
        return index.previous_person(head, PRONOUN_LOOKBACK_SENTENCES, sentence_index, exclude)
    titled = index.titled_person(head, sentence_index)
    if titled is not None and titled.entity.entity_id not in exclude:
        return titled
    for token in phrase_tokens(head):
        mention = index.by_token.get(token.i)
        # `pro-Russian separatists` are not Russia; an actor is not its own target.
        if mention is None or mention.entity.entity_id in exclude:
            continue
        if not is_stance_prefixed(head.doc[mention.start_token : mention.end_token]):
            return mention
    return None


def coordinated(head: Token, targets: bool = False) -> list[Token]:
    """A phrase head and the heads coordinated with it. Among targets, a conjunct that opens a clause of its
    own is left out (unpunctuated speech: `tanks to ukraine and the u.s has committed`: the U.S. is the
    subject of a new clause, not a second recipient)."""
    return [head, *[t for t in head.conjuncts if t.i > head.i and not (targets and opens_clause(t))]]


def opens_clause(token: Token) -> bool:
    """Whether a verb follows right after the conjunct's own words (coordinations inside them aside: in
    `UN and Red Cross involvement in evacuations from Mariupol but Moscow isn't rushing`, the verb follows
    `Moscow`, a conjunct of `Mariupol`, not `involvement`'s own words)."""
    own, frontier = [token.i], [token]
    while frontier:
        for child in frontier.pop().children:
            if child.dep_ not in ("conj", "cc", "punct"):
                own.append(child.i)
                frontier.append(child)
    following = token.doc[max(own) + 1] if max(own) + 1 < len(token.doc) else None
    return following is not None and following.pos_ in ("AUX", "VERB")


def actors_of(
    heads: Iterable[Token],
    index: MentionIndex,
    sentence_index: int,
    targets: bool = False,
    exclude: frozenset[str] = frozenset(),
) -> list[EntityMention]:
    """The entities the phrases name; `exclude` is what a pronoun among them cannot refer to."""
    found: list[EntityMention] = []
    for head in heads:
        for token in coordinated(head, targets):
            members = group_members(token, index, sentence_index)
            mention = None if members else actor_of_phrase(token, index, sentence_index, exclude)
            listed = unpunctuated_list(token, mention, index) if mention is not None else members
            for item in [*listed, mention]:
                if item is not None and all(m.entity.entity_id != item.entity.entity_id for m in found):
                    found.append(item)
    return found


def group_kind(head: Token) -> str | None:
    """`both sides`, `the two countries` (parties: any actors), `the pair`, `both men` (people), else None."""
    lemma = head.lemma_.lower()
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")}
    is_pair = lemma == "pair" and "the" in determiners
    if not (is_pair or determiners & {"both", "two"}) or head.tag_ not in ("NNS", "NN"):
        return None
    if is_pair or lemma in PEOPLE_GROUP_NOUNS:
        return "PERSON"
    return "party" if lemma in PARTY_GROUP_NOUNS else None


def group_members(head: Token, index: MentionIndex, sentence_index: int) -> list[EntityMention]:
    """Who a phrase for two parties stands for: the named parties of the clause its own clause is
    coordinated with (`X was joined by Tony Radakin, and the pair met ...`), else the two parties of the
    last two-sided phrase of the sentences before (`tensions between Azerbaijan and Armenia ... Both sides
    accuse each other`)."""
    kind = group_kind(head)
    if kind is None:
        return []
    fits = (lambda m: m.entity.entity_type == "PERSON") if kind == "PERSON" else (lambda m: True)
    clause = head.head
    if head.dep_ in SUBJECT_DEPS and clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        partner = clause.head
        heads = subject_heads(partner) + passive_patients(partner) + [c for c in partner.children if c.dep_ in OBJECT_DEPS]
        found = [m for m in actors_of(heads, index, sentence_index) if fits(m)]
        if found:
            return found[:2]
    return last_two_parties(head, index, fits)


def last_two_parties(before: Token, index: MentionIndex, fits=lambda mention: True) -> list[EntityMention]:
    """The two parties of the last two-sided phrase (`between X and Y`, `X and Y`) before a token, in its
    sentence or the few before."""
    sentence = before.sent
    doc = before.doc
    for back in range(GROUP_LOOKBACK_SENTENCES + 1):
        if back and sentence.start == 0:
            break
        if back:
            sentence = doc[sentence.start - 1].sent
        pairs = []
        for token in sentence:
            if back == 0 and token.i >= before.i:
                break
            two_sided = token.dep_ == "pobj" and token.head.lower_ == "between"
            if two_sided or (token.conjuncts and token.i < min(t.i for t in token.conjuncts) and token.dep_ != "conj"):
                parties = [index.by_token.get(t.i) for t in (token, *token.conjuncts)]
                parties = [m for m in parties if m is not None and fits(m)]
                if len({m.entity.entity_id for m in parties}) == 2:
                    pairs.append(parties)
        if pairs:
            return pairs[-1]
    return []


def is_reciprocal(trigger: Token) -> bool:
    """`accuse each other`, `met one another`: each party acts on the other."""
    return any(
        (c.lower_ == "other" and any(d.lower_ == "each" for d in c.children))
        or (c.lower_ == "another" and any(d.lower_ == "one" for d in c.children))
        for c in trigger.children
        if c.dep_ in OBJECT_DEPS
    )


def unpunctuated_list(token: Token, mention: EntityMention, index: MentionIndex) -> list[EntityMention]:
    """Countries the parser took for modifiers of a country, in a list written without commas (speech
    transcripts: `praised the UK Germany and Canada`): each is an actor of its own."""
    if mention.entity.feature_type != "country":
        return []
    listed = []
    for child in token.children:
        item = index.by_token.get(child.i)
        if child.dep_ == "compound" and item is not None and item is not mention and item.entity.feature_type == "country":
            listed.append(item)
    return listed


def governing_clause(trigger: Token) -> Token:
    """For an event noun, the verb it hangs from (`struck ... in a meeting with` -> struck)."""
    token = trigger
    while token.dep_ in ("pobj", "prep", "dobj", "attr", "conj", "appos") and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return trigger


def is_passive(verb: Token) -> bool:
    """`was shelled by`, or a participle describing a noun (`a ceasefire upheld by peacekeepers`); not the
    perfect of a relative clause (`Iran, which has denied the charge`)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    reduced_relative = not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and reduced_relative


def passive_agents(verb: Token) -> list[Token]:
    """The `by` phrase of a passive, also where the parser hung it on the noun before it (`trapped in a
    factory by Russian forces`)."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        return agents
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            agents += [p for c in pobj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    agents += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    return agents


def closes_before(relative: Token, verb: Token) -> bool:
    """Whether the dash or bracket opening a relative clause (`Ukraine - which was ...`) is closed before
    `verb`, so that the verb stands outside the relative clause."""
    if relative.i == 0 or relative.i > verb.i:
        return False
    opener = relative.nbor(-1).text
    closers = {"(": (")",)}.get(opener, PARENTHESIS_DASHES if opener in PARENTHESIS_DASHES else ())
    return any(t.text in closers for t in relative.doc[relative.i + 1 : verb.i])


def hyphenated_agent(verb: Token) -> Token | None:
    """The name joined by a hyphen to a past participle (`a Moscow-brokered ceasefire`, `US-led forces`), or
    the name before a dash that opens a present participle's aside (`Mr Zelensky - thanking allies for
    their promises - said ...`, which the parser reads as one hyphenated word): it acts."""
    if verb.tag_ not in ("VBN", "VBG") or verb.i < 2:
        return None
    dash, name = verb.nbor(-1), verb.nbor(-2)
    if dash.text not in PARENTHESIS_DASHES or name.pos_ != "PROPN" or name.head.i != verb.i:
        return None
    joined = not dash.whitespace_ and not name.whitespace_
    aside = dash.whitespace_ and name.whitespace_ and verb.tag_ == "VBG"
    return name if joined and verb.tag_ == "VBN" or aside else None


def participle_adjunct_of(verb: Token) -> Token | None:
    """The verb a participle clause after a comma belongs to, where the parser took the participle for the
    subject of the clause after it (`the US said on Tuesday, pledging that support will not falter`:
    `pledging` parsed as the subject of `falter`). Its doer is that verb's subject."""
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    comma = verb.nbor(-1)
    if comma.text != "," or verb.head.i < verb.i:
        return None
    governor = comma.head
    return governor if governor.pos_ in ("VERB", "AUX") and governor.i < comma.i else None


def subject_heads(clause: Token) -> list[Token]:
    """Who performs a clause's action: its subject, the `by` agent of a passive, or, for a clause with
    no subject of its own, the governing clause's object (`urged the West to stop`) or subject."""
    token = clause
    for _ in range(4):
        agent = hyphenated_agent(token)
        if agent is not None:
            return [agent]
        if is_passive(token):
            return passive_agents(token)
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            relative = subjects[0] if subjects[0].lower_ in RELATIVE_PRONOUNS else None
            if relative is not None and token.i != clause.i and closes_before(relative, clause):
                # `Putin regards Ukraine - which was part of the Soviet Union - as a red line and has called
                # on ...`: the parser hung the verb after the parenthesis on the relative clause inside it;
                # it belongs to the clause outside, which the relative clause's antecedent is part of.
                token = token.head.head if token.dep_ == "relcl" else token.head
                continue
            if relative is not None and token.dep_ == "relcl":
                return [token.head]
            if relative is not None and token.i != clause.i and token.dep_ in ("ccomp", "parataxis"):
                # The same relative clause taken for a complement: the verb hung on it is the main clause's.
                token = token.head
                continue
            return subjects
        if token.dep_ == "relcl":
            return [token.head]
        adjunct_of = participle_adjunct_of(token)
        if adjunct_of is not None:
            token = adjunct_of
            continue
        if (
            token.dep_ == "pcomp"
            and token.head.dep_ == "prep"
            and token.head.lower_ in SUBJECT_CONTROLLED_PREPOSITIONS
            and token.head.head.pos_ in ("VERB", "AUX")
        ):
            # `responded by annexing Crimea`, `after meeting Putin`: the subject of the verb the preposition
            # hangs from acts (not in `accused Ukraine of shelling`, where Ukraine would be the actor).
            token = token.head.head
            continue
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
    actors = actors_of(subject_heads(trigger), index, sentence_index)
    head = trigger.head
    if not actors and trigger.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING_VERBS:
        # `He said operations had ended and denied that ...`: when the clause the act is coordinated with has
        # no actor for subject, the act is the speaker's, coordinated with the reporting verb.
        actors = actors_of(subject_heads(head.head), index, sentence_index)
    if not actors and len(trigger.sent) > RUN_ON_TOKENS and any(c.dep_ in SUBJECT_DEPS for c in trigger.children):
        # Unpunctuated speech (`... for the people of Russia and those far beyond the Kremlin agreed in principle
        # to ...`): a subject phrase that names no one but ends in a name right before the verb was two
        # clauses run together; the name is the subject of the verb.
        named = name_before(trigger, index)
        actors = [named] if named is not None else []
    return actors


def borrowed_targets(
    trigger: Token, pattern: VerbPattern, index: MentionIndex, sentence_index: int, actors: frozenset[str]
) -> list[EntityMention]:
    """Targets of an act that names none itself. A promise's target is that of the act promised
    (`committed to supporting Ukraine's resistance`); a warning's, whom its consequences are for (`warned
    of an impact on its relationship with Japan`); an act done on a trip is done to the host (`flew to
    NATO headquarters to commit support`)."""
    if pattern.event_code.startswith(INTENT_ROOT):
        complements = [c for c in trigger.children if c.dep_ == "xcomp"]
        complements += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pcomp"]
        for complement in complements:
            found = target_actors(complement, index, sentence_index, actors)
            if found:
                return found
    if pattern.event_code.startswith(THREAT_ROOT):
        # `warned of an unspecified impact on its relationship with Japan`: who the consequence is for.
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "about")):
            for token in (t for pobj in preposition_objects(prep) for t in pobj.subtree):
                mention = index.by_token.get(token.i)
                if mention is not None and mention.entity.entity_id not in actors:
                    return [mention]
    is_purpose = trigger.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if is_purpose and trigger.head.lemma_.lower() in MOTION_WORDS:
        return target_actors(trigger.head, index, sentence_index, actors)
    return []


def implicit_targets(
    trigger: Token, pattern: VerbPattern, index: MentionIndex, sentence_index: int, actors: list[EntityMention]
) -> list[EntityMention]:
    """The target of a promise or a show of force that names none, from the clauses before it: that of the
    verb it is coordinated with (`committed to supporting Ukraine and pledged to do more`, `intercepted Russian
    aircraft and escorted them out`), else the nearest country named earlier in the sentence, not as a
    place (`near Poland`), that is not the actor's side (`Ukraine needs more aid, the US said, pledging
    support` -> Ukraine; `fighting in parts of Ukraine ... after Russia amassed troops at the border`)."""
    if pattern.event_code.startswith(MEDIATION_CODE) and actors:
        # `a Moscow-brokered ceasefire`: between the two parties the text was just speaking of.
        sides = {base_actor(a.entity.entity_id) for a in actors}
        return [m for m in last_two_parties(trigger, index) if base_actor(m.entity.entity_id) not in sides]
    if int(pattern.event_code[:2]) in TWO_SIDED_ROOTS and actors:
        # `tensions between Azerbaijan and Armenia ... Azerbaijan retook territory`: a hostile act of one of
        # two sides just named is aimed at the other.
        sides = {base_actor(a.entity.entity_id) for a in actors}
        pair = [m for m in last_two_parties(trigger, index) if m.entity.entity_id.startswith("country:")]
        others = [m for m in pair if base_actor(m.entity.entity_id) not in sides]
        if len(pair) == 2 and len(others) == 1:
            return others
    if not pattern.event_code.startswith(IMPLICIT_TARGET_ROOTS) or not actors:
        return []
    actor_ids = frozenset(a.entity.entity_id for a in actors)
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX") and trigger.head.i < trigger.i:
        shared = target_actors(trigger.head, index, sentence_index, actor_ids)
        shared = shared or borrowed_targets(trigger.head, pattern, index, sentence_index, actor_ids)
        if shared:
            return shared
    countries = {a.entity.country_code for a in actors if a.entity.country_code}
    sides = {base_actor(a.entity.entity_id) for a in actors}
    earlier = [
        m
        for m in index.mentions
        if m.sentence_index == sentence_index
        and m.end_token <= trigger.i
        and m.entity.entity_id.startswith("country:")
        and base_actor(m.entity.entity_id) not in sides
        and m.entity.country_code not in countries
        and not is_place_phrase(trigger.doc[m.start_token : m.end_token])
    ]
    return earlier[-1:]


def is_place_phrase(span: Span) -> bool:
    """`near Poland`, `in Ukraine`: a name used for where something happens."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def preposition_objects(prep: Token) -> list[Token]:
    """The objects of a preposition. Where the parser left it without one and made the noun phrase after it
    the subject of the next clause (`contracts with arms maker Rheinmetall to restart production`), that
    phrase's head."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects or prep.i + 1 >= len(prep.doc):
        return objects
    span: list[Token] = []
    for token in prep.doc[prep.i + 1 :]:
        if token.pos_ not in NOUN_PHRASE_POS or token.sent != prep.sent:
            break
        span.append(token)
    inside = {t.i for t in span}
    heads = [t for t in span if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN")]
    return heads[:1] if heads and heads[0].dep_ in SUBJECT_DEPS else []


def target_actors(
    trigger: Token, index: MentionIndex, sentence_index: int, actors: frozenset[str] = frozenset()
) -> list[EntityMention]:
    """Who the act is done to. A pronoun target is never one of the `actors` (`Putin challenged him`: him is
    not Putin; he would have been `himself`)."""
    objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    found = actors_of(passive_patients(trigger) + objects, index, sentence_index, targets=True, exclude=actors)
    if found:
        return found
    for prep in trigger.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in TARGET_PREPOSITIONS:
            # `to Bulgaria and to Poland`: coordinated prepositions each bring a target.
            objects_of_preps = [c for p in (prep, *prep.conjuncts) for c in preposition_objects(p)]
            found = actors_of(objects_of_preps, index, sentence_index, targets=True, exclude=actors)
            if found:
                return found
    # `authorised the supply of tanks to Ukraine`, `launched strikes against Kyiv`, `embarked on a mission to
    # Moscow`: the target hangs off the object, or off the object of the trigger's preposition.
    prepositional_objects = [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for token in (t for obj in objects + prepositional_objects for t in phrase_tokens(obj)):
        for prep in token.children:
            with_party = prep.lower_ == "with" and token.lemma_.lower() in DEALING_NOUNS
            if prep.dep_ == "prep" and (prep.lower_ in OBJECT_TARGET_PREPOSITIONS or with_party):
                found = actors_of(preposition_objects(prep), index, sentence_index, targets=True, exclude=actors)
                if found:
                    return found
    # `questioned the UK's decision`, `bombed Ukraine's power plants`: the owner of what the act is done to.
    owners = [
        c for obj in objects + passive_patients(trigger) if obj.lemma_.lower() not in PEOPLE_NOUNS
        for c in obj.children if c.dep_ == "poss"
    ]
    return actors_of(owners, index, sentence_index, targets=True, exclude=actors)


def own_country_targets(
    trigger: Token,
    actor: EntityMention,
    named_targets: list[EntityMention],
    sentence_index: int,
    country_entities: dict[str, Entity],
) -> list[EntityMention]:
    """A target described as the actor's own country's (`the minister called on the national defence
    industry to ...` -> the minister's country), when the act names no other target."""
    country = country_entities.get(actor.entity.country_code or "")
    if named_targets or country is None:
        return []
    heads = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    heads += [g for c in trigger.children if c.dep_ in ("prep", "prt") and c.lower_ in TARGET_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        modifiers = [t for t in head.subtree if t.i < head.i and t.dep_ == "amod" and t.lower_ in OWN_COUNTRY_ADJECTIVES]
        if modifiers:
            span = head.doc[min(t.i for t in head.subtree) : head.i + 1]
            return [document_mention(span, sentence_index, country, ner_label="GPE")]
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
        if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX") and token.head.i != token.i:
            # `before flying to Moscow`, `without consulting Serbia`: the gerund shares its verb's mode.
            token = token.head
            chain.append(token)
    return chain


def mode_of(trigger: Token, sentence: Span) -> str:
    clause = governing_clause(trigger) if trigger.pos_ == "NOUN" else trigger
    return "negated" if is_negated(clause) else modality_of(clause, sentence)


def is_negated(clause: Token) -> bool:
    """Negation reaches an act through open complements only: in `did not attack Kyiv but shelled Kharkiv`
    the shelling is not negated."""
    complements = clause_chain(clause, COMPLEMENT_DEPS)
    return (
        any(c.dep_ == "neg" for verb in complements for c in verb.children)
        or any(verb.lemma_.lower() in NEGATING_VERBS for verb in complements[1:])
        or any(token.dep_ == "prep" and token.lower_ in NEGATING_PREPOSITIONS for token in complements)
    )


def modality_of(clause: Token, sentence: Span) -> str:
    """Question, hypothetical, future or asserted, negation aside. Modality and tense are shared by
    coordinated verbs."""
    if sentence.text.rstrip().endswith("?"):
        return "question"
    chain = clause_chain(clause, COMPLEMENT_DEPS + ("conj",))
    glued = next((i for i, verb in enumerate(chain) if is_separate_clause(verb)), None)
    chain = chain if glued is None else chain[: glued + 1]
    children = [c for verb in chain for c in verb.children]
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS for c in children):
        return "hypothetical"
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & set(HYPOTHETICAL_AUXILIARIES):
        return "hypothetical"
    # An intention governs the acts that are its complements (`wants to attack and occupy Kyiv`), not a
    # clause coordinated with it (`Zelensky wants more tanks and Austin pledged support`).
    governors = [verb for child, verb in zip(chain, chain[1:]) if child.dep_ in COMPLEMENT_DEPS]
    if auxiliaries & set(FUTURE_AUXILIARIES) or any(verb.lower_ == "going" for verb in [clause, *governors]):
        return "future"
    if any(verb.lemma_.lower() in INTENTION_VERBS for verb in governors):
        return "future"
    return "asserted"


def is_separate_clause(verb: Token) -> bool:
    """A finite verb (or a verb with a finite auxiliary: `was speaking`) with its own subject that the parser
    coordinated with a non-finite one: in unpunctuated speech (`he wants Russia to be less able to bully its neighbours Lloyd Austin was speaking in Germany
    Mr Austin committed to ...`) it starts a sentence of its own, with its own tense and modality."""
    is_finite = verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)
    return (
        verb.dep_ == "conj"
        and is_finite
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and verb.head.tag_ not in FINITE_TAGS + ("MD",)
    )


def reporting_verb(clause: Token) -> Token | None:
    """The reporting verb (`says`, `insists`) a clause is said under, if any."""
    token = clause
    for _ in range(6):
        if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in REPORTING_VERBS:
            return token.head
        if token.head.i == token.i:
            break
        token = token.head
    return None


def name_before(verb: Token, index: MentionIndex) -> EntityMention | None:
    """The entity named right before a verb, adverbs aside (`Armenia now says`)."""
    token = verb.nbor(-1) if verb.i > verb.sent.start else None
    while token is not None and token.pos_ == "ADV" and token.i > token.sent.start:
        token = token.nbor(-1)
    return index.by_token.get(token.i) if token is not None and token.pos_ == "PROPN" else None


def reporting_source(clause: Token, index: MentionIndex, sentence_index: int) -> EntityMention | None:
    """Whose claim an action is: the subject of the reporting verb it is said under (`Ukraine says Russia
    has bombed the corridors` -> Ukraine), or the object of `according to`."""
    verb = reporting_verb(clause)
    if verb is not None:
        sources = actors_of(subject_heads(verb), index, sentence_index)
        if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            # `Both sides accuse each other and Armenia now says ...`: the parser took the name right before
            # the verb into the previous clause; it is the speaker.
            sources = [m for m in [name_before(verb, index)] if m is not None] or sources
        return sources[0] if sources else None
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
    """A city or region as an actor stands for its country (`Moscow accuses`, `fly to Moscow`), and so does
    an organ of its government (`the Kremlin`: role GOV in the dictionary), as in CAMEO."""
    entity = mention.entity
    is_place = entity.feature_type in ("city", "region")
    is_government_organ = (
        entity.entity_type == "ORG" and entity.role_code == GOVERNMENT_ROLE and not entity.entity_id.startswith("country:")
    )
    if (is_place or is_government_organ) and entity.country_code in country_entities:
        return EntityMention(**{**mention.__dict__, "entity": country_entities[entity.country_code]})
    return mention


def target_as_actor(target: EntityMention, actor1: EntityMention, country_entities: dict[str, Entity]) -> EntityMention:
    """A target place stands for its country, except a place of the actor's own country: `Azerbaijan
    blockaded Nagorno-Karabakh` is an act on the region, not on Azerbaijan itself."""
    as_country = country_of_place(target, country_entities)
    if target.entity.feature_type in ("city", "region") and base_actor(as_country.entity.entity_id) == base_actor(actor1.entity.entity_id):
        return target
    return as_country


def code_document(
    doc: Doc,
    mentions: list[EntityMention],
    publication_date: date | None,
    country_entities: dict[str, Entity] | None = None,
    reference_dir: Path | None = None,
) -> list[EventMention]:
    """Every coded event report in a parsed document, in text order."""
    patterns = load_verb_patterns(reference_dir)
    index = MentionIndex(mentions, doc, publication_date)
    text = doc.text  # spaCy joins the tokens again on every access
    country_entities = country_entities if country_entities is not None else default_country_entities()
    coded: list[EventMention] = []
    previous_claimants: list[EntityMention] = []  # who made the claims of the sentence before
    for sentence_index, sentence in enumerate(doc.sents):
        tone: float | None = None  # scored once, and only for sentences that report something
        reports: list[EventMention] = []
        denials: list[EventMention] = []
        for trigger in sentence:
            pattern = best_pattern(trigger, patterns)
            if pattern is None:
                continue
            acting = source_actors(trigger, index, sentence_index)
            sources = [country_of_place(s, country_entities) for s in acting]
            actor_ids = frozenset(a.entity.entity_id for a in acting)
            named_targets = target_actors(trigger, index, sentence_index, actor_ids)
            named_targets = named_targets or borrowed_targets(trigger, pattern, index, sentence_index, actor_ids)
            named_targets = named_targets or implicit_targets(trigger, pattern, index, sentence_index, sources)
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
                # An actor is not its own target (`a Moscow-brokered ceasefire upheld by Russian peacekeepers`).
                named = [s for s in sources if s is not actor1] if is_reciprocal(trigger) else named_targets
                targets = [target_as_actor(t, actor1, country_entities) for t in named]
                targets = targets or own_country_targets(trigger, actor1, named_targets, sentence_index, country_entities)
                targets = [t for t in targets if not same_side(t.entity.entity_id, actor1.entity.entity_id)]
                for actor2 in targets or [target_of_place(pattern, place, actor1, index, sentence_index, country_entities)]:
                    if actor2 is None and needs_counterpart(pattern.event_code) and not is_multilateral(trigger, index):
                        continue  # a meeting, call, visit or recognition with no counterpart named is not codable
                    reports.append(
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
        answering = {t.idx for t in sentence if denies_a_claim(t)}
        coded += answer_claims(reports + denials, answering, previous_claimants)
        previous_claimants = [r.reported_by for r in reports if r.reported_by is not None]
    return coded


def mediated_truce(trigger: Token, pattern: VerbPattern) -> Token | None:
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


def same_side(entity_id: str, other_id: str) -> bool:
    """Whether two actors are one side: the same entity, or a country and its government or military (a role
    actor and the plain country). `Ukrainian forces` and `Ukrainian civilians` are two sides."""
    if entity_id == other_id:
        return True
    return base_actor(entity_id) == base_actor(other_id) and ("/" not in entity_id or "/" not in other_id)


def same_country(speaker: Entity, actor: Entity) -> bool:
    """Whether a speaker speaks for the actor's side: `Putin insists Russia is not planning to invade`."""
    if same_side(speaker.entity_id, actor.entity_id):
        return True
    return speaker.country_code is not None and speaker.country_code == actor.country_code


def is_multilateral(trigger: Token, index: MentionIndex) -> bool:
    """A meeting of many unnamed parties (`spoke at a meeting of more than 40 nations`): it has counterparts,
    though none is named; a meeting of a named group has that group for target instead."""
    if trigger.pos_ != "NOUN":
        return False
    members = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(
        m.tag_ == "NNS" and m.lemma_.lower() in MULTILATERAL_MEMBERS and not any(t.i in index.by_token for t in m.subtree if t.i <= m.i)
        for m in members
    )


def needs_counterpart(event_code: str) -> bool:
    return any(event_code.startswith(code) for code in COUNTERPART_CODES)


def is_plain_denial(clause: Token, pattern: VerbPattern, sentence: Span) -> bool:
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


def date_windows(dates: Iterable[date], tolerance_days: int = DATE_TOLERANCE_DAYS) -> list[tuple[date, ...]]:
    """Distinct dates in windows of one happening: a window opens at its earliest date and holds the dates
    up to `tolerance_days` after it; the next date opens the next window. Anchoring on the first date
    (rather than chaining day to day) keeps a daily repeated act, such as shelling reported every day for
    a year, from becoming one year-long event, and makes a window depend only on the dates near it, so a
    load re-merges only the windows its reports fall in (`dates_to_merge_again`)."""
    windows: list[list[date]] = []
    for day in sorted(set(dates)):
        if windows and (day - windows[-1][0]).days <= tolerance_days:
            windows[-1].append(day)
        else:
            windows.append([day])
    return [tuple(window) for window in windows]


def dates_to_merge_again(
    before: Iterable[date], now: Iterable[date], changed: Iterable[date], tolerance_days: int = DATE_TOLERANCE_DAYS
) -> set[date]:
    """The dates of one group of reports whose events must be merged again after reports were added or
    removed: those of every window that the change altered (in the windows before or now) or that holds
    a changed report's date. Windows found both before and now, untouched, keep their events."""
    old, new, touched = date_windows(before, tolerance_days), date_windows(now, tolerance_days), set(changed)
    kept = {window for window in set(old) & set(new) if not touched.intersection(window)}
    return {day for window in old + new if window not in kept for day in window}


def window_starts(dates: Iterable[date], tolerance_days: int = DATE_TOLERANCE_DAYS) -> dict[date, date]:
    """Each distinct date's window (`date_windows`), by its first date."""
    return {day: window[0] for window in date_windows(dates, tolerance_days) for day in window}


def first_date_to_compare(stored_window_starts: Iterable[date], earliest_change: date, tolerance_days: int = DATE_TOLERANCE_DAYS) -> date:
    """The date from which a change to a group's reports, on `earliest_change` and later, can alter its
    windows: the first date of the stored window that holds the change's date, or else that date itself,
    as it opens a window. A window depends only on the dates before it through where it opens, so every
    window before this date stays as it is, and `dates_to_merge_again` need compare only the dates from it on."""
    opened = max((start for start in stored_window_starts if start <= earliest_change), default=None)
    return opened if opened is not None and (earliest_change - opened).days <= tolerance_days else earliest_change


def date_clusters(reports: list[ReportKey], tolerance_days: int) -> list[list[ReportKey]]:
    """Reports of one identity grouped by the window of their date (`date_windows`). Undated reports only
    group within their own document: without a date, two reports of a meeting may be years apart."""
    window_of_date = {day: window for window in date_windows((r.event_date for r in reports if r.event_date), tolerance_days) for day in window}
    clusters: dict[tuple, list[ReportKey]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.event_date is None, r.event_date or date.min, r.document_id, r.row)):
        clusters[window_of_date[report.event_date] if report.event_date else ("undated", report.document_id)].append(report)
    return list(clusters.values())


def assign_event_ids(reports: list[ReportKey], tolerance_days: int = DATE_TOLERANCE_DAYS) -> dict[int, str]:
    """Group reports of one happening and give each group a deterministic event id.

    Reports with the same mode, root and acting side, dates in one window (`date_windows`), the same
    target and the same place are one event. A report with no target joins the group's most reported target (`the
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
