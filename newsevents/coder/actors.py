"""Who acts: the entity mentions a noun phrase names, through offices, pronouns, groups (`both sides`)
and coordination, and the subject of an event trigger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsevents.coder.clauses import (
    OBJECT_DEPS,
    PERSONAL_PRONOUNS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
    coordinated,
    governing_clause,
    passive_patients,
    reporting_verb,
    subject_heads,
)
from newsevents.coder.codes import CIVILIAN_ROLES
from newsevents.entities import (
    Entity,
    EntityMention,
    default_resolver,
    is_stance_prefixed,
)
from newsevents.groups import DEFENCE_WORDS
from newsevents.merging import base_actor
from newsevents.reference import normalise_name

# Events the subject of the clause they are named in takes part in (`spoke after a meeting with`), as it
# does events that are the object of its verb (`carried out an attack`).
PARTICIPATION_NOUNS = frozenset("meeting talk negotiation call visit summit conference consultation".split())
# Words for a quantity or part of what follows them: `most of the drones`.
QUANTITY_WORDS = frozenset(
    "most many some all several dozen dozens hundred hundreds thousand thousands score scores part half majority rest".split()
)
# Weapons that stand for whoever fires them, and the defences of whoever is attacked: with no owner named,
# they belong to the sides of the last use of force the text reported (`Russia fired 90 drones at Ukraine.
# Air defences shot down most of the drones.`).
WEAPON_WORDS = frozenset("missile rocket drone shell bomb warplane jet bomber artillery".split())
FORCE_LOOKBACK_SENTENCES = 2
# Nouns for people or bodies that act for whoever owns them (`Russia's defence ministry`, `head of the UN`),
# and collectives that act for their members (`a formation of Russian aircraft`).
AGENT_NOUNS = frozenset(
    """head leader chief president minister secretary spokesman spokeswoman spokesperson official officials
    government administration ministry department office army military forces force troops soldiers navy
    air police delegation representative representatives ambassador envoy diplomat diplomats negotiator
    negotiators member members commander commanders general generals staff chiefs counterpart counterparts
    authorities leadership cabinet parliament council agency service services fighter fighters jet jets
    aircraft warship warships unit units side formation group convoy column squadron fleet battalion battalions
    brigade brigades regiment division contingent crew patrol flotilla commission committee court tribunal assembly
    regulator watchdog prosecutor prosecutors bureau board association union coalition alliance federation
    league party""".split()
)
# Phrases for two parties named before (`both sides`, `the two countries`, `the pair`, `both men`).
PARTY_GROUP_NOUNS = frozenset("side country nation government party".split())
PEOPLE_GROUP_NOUNS = frozenset("man woman leader minister".split())
GROUP_LOOKBACK_SENTENCES = 2
# Third-person pronouns, subject and possessive, and whom each can stand for.
PRONOUN_KINDS = {
    "he": "person", "she": "person", "him": "person", "his": "person", "her": "person",
    "it": "body", "its": "body", "they": "any", "their": "any",
}
SPEAKER_PRONOUNS = frozenset(PRONOUN_KINDS) | frozenset(PERSONAL_PRONOUNS)
PLURAL_PRONOUNS = frozenset(("they",))
PHRASE_DEPS = ("compound", "amod", "nmod", "poss", "appos", "flat", "nummod", "det", "npadvmod")
GOVERNMENT_ROLE = "GOV"
PRONOUN_LOOKBACK_SENTENCES = 2
# A sentence this long is unpunctuated speech (an auto-captioned transcript), not written prose.
RUN_ON_TOKENS = 80
# Sentences that name no one (`Wait, really? How did that go down? Well, not well.`) do not count towards
# the lookback, up to this many sentences in all.
PRONOUN_LOOKBACK_MAX_SENTENCES = 6


def document_mention(span: Span, sentence_index: int, entity: Entity, ner_label: str = "PERSON") -> EntityMention:
    """A mention of an entity found from the rest of the document in words that do not name it (an
    office, a counterpart, `the national industry`)."""
    return EntityMention.of_span(span, sentence_index, entity, ner_label, resolution_method="document")


class MentionIndex:
    """Entity mentions of a document, looked up by token."""

    def __init__(self, mentions: Iterable[EntityMention], doc: Doc | None = None, day: date | None = None):
        self.mentions = list(mentions)
        self.agents: dict[str, str] = default_resolver().agents  # role words, read once per document
        self.by_token: dict[int, EntityMention] = {}
        for mention in self.mentions:
            for i in range(mention.start_token, mention.end_token):
                self.by_token[i] = mention
        self.titled = self.titled_people(doc) if doc is not None else {}
        self.day = day
        self._offices: dict[Entity, list[tuple[str, ...]]] | None = None
        self.uses_of_force: list[tuple[int, EntityMention, EntityMention | None]] = []  # filled by the coder

    def side_in_fighting(self, head: Token, sentence_index: int) -> EntityMention | None:
        """A weapon with no owner named (`a missile`, `the drones`) is the attacker's of the last use of force
        reported in the sentences before; air defences are the attacked side's."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or not (lemma in WEAPON_WORDS or lemma in DEFENCE_WORDS):
            return None
        recent = [f for f in self.uses_of_force if sentence_index - FORCE_LOOKBACK_SENTENCES <= f[0] < sentence_index]
        if not recent:
            return None
        _, attacker, attacked = recent[-1]
        side = attacker if lemma in WEAPON_WORDS else attacked
        if side is None:
            return None
        return document_mention(head.doc[head.i : head.i + 1], sentence_index, side.entity, ner_label="NORP")

    def offices(self) -> dict[Entity, list[tuple[str, ...]]]:
        """The office titles (dictionary title aliases valid on the day) of the people the document names."""
        if self._offices is None:
            titles = default_resolver().titles_by_entity
            people = {m.entity for m in self.mentions if m.entity.entity_type == "PERSON" and m.entity.is_resolved}
            self._offices = defaultdict(list)
            for entity_id, person in {p.entity_id: p for p in people}.items():
                for alias, words in titles.get(entity_id, ()):
                    if alias.valid_on(self.day):
                        self._offices[person].append(words)
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
            and (m.entity.is_resolved or m.sentence_index == sentence_index)
            and m.entity.entity_id not in exclude
            and m.sentence_index >= min(earliest, sentence_index - lookback_sentences)
        ]
        return people[-1] if people else None


def speaks_for_owner(noun: Token, agents: Mapping[str, str]) -> bool:
    """Whether `X's <noun>` / `<noun> of X` acts for X: its ministry, forces, leader or any other agent word
    (`Venezuela's electoral authorities`, `Niger's junta`) do; its critics, allies or victims do not."""
    lemma = noun.lemma_.lower()
    return noun.ent_type_ != "" or lemma in AGENT_NOUNS or noun.lower_ in AGENT_NOUNS or lemma in agents


def phrase_tokens(head: Token, agents: Mapping[str, str]) -> list[Token]:
    """The head of a noun phrase and the modifiers that can name its actor, nearest first."""
    tokens, frontier = [head], [head]
    while frontier:
        token = frontier.pop(0)
        for child in token.children:
            owner_link = child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of")
            if owner_link and not speaks_for_owner(token, agents):
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
    counted = counted_noun(head)
    if counted is not None:  # `most of the drones`, `dozens of villagers`: the drones, the villagers
        return actor_of_phrase(counted, index, sentence_index, exclude)
    if head.lower_ in SPEAKER_PRONOUNS:
        return pronoun_referent(head, index, sentence_index, exclude)
    titled = index.titled_person(head, sentence_index)
    if titled is not None and titled.entity.entity_id not in exclude:
        return titled
    for token in phrase_tokens(head, index.agents):
        if token.dep_ == "poss" and token.lower_ in SPEAKER_PRONOUNS:  # `its fighters`, `their delegation`
            owner = speaker_of(token, index, sentence_index, exclude)
            if owner is not None:
                return owner
        mention = index.by_token.get(token.i)
        # `pro-Russian separatists` are not Russia; an actor is not its own target.
        if mention is None or mention.entity.entity_id in exclude:
            continue
        if not is_stance_prefixed(head.doc[mention.start_token : mention.end_token]):
            return mention
    side = index.side_in_fighting(head, sentence_index)
    return side if side is not None and side.entity.entity_id not in exclude else None


def speakers_of(pronoun: Token, index: MentionIndex, sentence_index: int, exclude: frozenset[str]) -> list[EntityMention]:
    """Who a third-person pronoun stands for in what someone says of themselves: `Mali's government said it
    had opened an investigation`, `the MNDAA said its fighters had seized`, `Lula said he had thanked Modi`,
    `Mali and Niger announced that they were withdrawing`: the speakers, when the pronoun fits them (`he`
    one person, `it` one body, `they` any and all)."""
    verb = reporting_verb(pronoun.head)
    if verb is None:
        return []
    kind = PRONOUN_KINDS[pronoun.lower_]
    speakers = actors_of(subject_heads(verb), index, sentence_index, exclude=exclude)
    if kind == "any":
        return speakers
    return [s for s in speakers if (kind == "person") == (s.entity.entity_type == "PERSON")][:1]


def speaker_of(pronoun: Token, index: MentionIndex, sentence_index: int, exclude: frozenset[str]) -> EntityMention | None:
    return next(iter(speakers_of(pronoun, index, sentence_index, exclude)), None)


def pronoun_referent(pronoun: Token, index: MentionIndex, sentence_index: int, exclude: frozenset[str]) -> EntityMention | None:
    """The speaker a pronoun stands for in their own words, else, for `he` or `she`, the last person named."""
    speaker = speaker_of(pronoun, index, sentence_index, exclude)
    if speaker is not None or pronoun.lower_ not in PERSONAL_PRONOUNS:
        return speaker
    return index.previous_person(pronoun, PRONOUN_LOOKBACK_SENTENCES, sentence_index, exclude)


def counted_noun(head: Token) -> Token | None:
    """The noun a quantity or part stands before (`most of the drones`, `dozens of civilians`)."""
    if head.lemma_.lower() not in QUANTITY_WORDS and head.pos_ != "NUM":
        return None
    return next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)


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
        for token in coordinated(head, targets) + owners_listed(head, index.agents):
            members = group_members(token, index, sentence_index)
            if token.lower_ in PLURAL_PRONOUNS:
                members = members or speakers_of(token, index, sentence_index, exclude)
            mention = None if members else actor_of_phrase(token, index, sentence_index, exclude)
            listed = [*unpunctuated_list(token, mention, index), *coordinated_modifiers(mention, token.doc, index)] if mention is not None else members
            for item in [*listed, mention]:
                if item is not None and all(m.entity.entity_id != item.entity.entity_id for m in found):
                    found.append(item)
    return found


def owners_listed(head: Token, agents: Mapping[str, str]) -> list[Token]:
    """The further owners of a body named for several (`the leaders of Armenia and Azerbaijan`): each acts."""
    if not speaks_for_owner(head, agents):
        return []
    owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [t for owner in owners for t in owner.conjuncts if t.i > owner.i]


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


def coordinated_modifiers(mention: EntityMention, doc: Doc, index: MentionIndex) -> list[EntityMention]:
    """`US and British warplanes`, `Russian and Belarusian troops`: each name of a list that modifies one
    noun is an actor of its own."""
    root = doc[mention.start_token : mention.end_token].root
    if root.dep_ not in ("amod", "compound", "nmod", "poss"):
        return []
    return [index.by_token[t.i] for t in root.conjuncts if t.i in index.by_token and index.by_token[t.i] is not mention]


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


def source_actors(trigger: Token, index: MentionIndex, sentence_index: int) -> list[EntityMention]:
    if trigger.pos_ == "NOUN":
        return noun_actors(trigger, index, sentence_index)
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


def noun_actors(trigger: Token, index: MentionIndex, sentence_index: int) -> list[EntityMention]:
    """Who does what an event noun names: its owner (`Russia's invasion`), its `by` agent (`an attack by
    the RSF`), the first of the parties `between` whom it is (`talks between Ethiopia and Somalia`), a
    name among its modifiers (`Israeli strikes`, `a Russian missile strike`), else the subject of the clause
    it belongs to (`carried out an attack`)."""
    owners = [c for c in trigger.children if c.dep_ == "poss"]
    if owners:
        return actors_of(owners, index, sentence_index)
    agents = [g for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    parties = between_parties(trigger)
    if agents or parties:
        return actors_of(agents or parties[:1], index, sentence_index)
    modifiers = [t for c in trigger.children if c.dep_ in ("amod", "compound", "nmod") and c.i < trigger.i for t in c.subtree]
    named = [index.by_token[t.i] for t in modifiers if t.i in index.by_token]
    if named:
        return [named[0]]
    if trigger.dep_ not in OBJECT_DEPS and trigger.lemma_.lower() not in PARTICIPATION_NOUNS:
        return []  # `sanctions in the wake of missile attacks`: the clause's subject did not attack
    return actors_of(subject_heads(governing_clause(trigger)), index, sentence_index)


def between_parties(trigger: Token) -> list[Token]:
    """The parties of `talks between X and Y` (or `X, Y and Z`), first to last."""
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between"):
        for first in (c for c in prep.children if c.dep_ == "pobj"):
            return [first, *first.conjuncts]
    return []


def name_before(verb: Token, index: MentionIndex) -> EntityMention | None:
    """The entity named right before a verb, adverbs aside (`Armenia now says`)."""
    token = verb.nbor(-1) if verb.i > verb.sent.start else None
    while token is not None and token.pos_ == "ADV" and token.i > token.sent.start:
        token = token.nbor(-1)
    return index.by_token.get(token.i) if token is not None and token.pos_ == "PROPN" else None


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


def same_side(entity_id: str, other_id: str) -> bool:
    """Whether two actors are one side: the same entity, or a country and its government or military (a role
    actor and the plain country). `Ukrainian forces` and `Ukrainian civilians` are two sides, and a country's
    civilians are not its state (`Sudan's airstrike killed civilians`)."""
    if entity_id == other_id:
        return True
    roles = {entity_id.partition("/")[2], other_id.partition("/")[2]}
    return base_actor(entity_id) == base_actor(other_id) and "" in roles and not roles & CIVILIAN_ROLES


def same_country(speaker: Entity, actor: Entity) -> bool:
    """Whether a speaker speaks for the actor's side: `Putin insists Russia is not planning to invade`."""
    if same_side(speaker.entity_id, actor.entity_id):
        return True
    return speaker.country_code is not None and speaker.country_code == actor.country_code
