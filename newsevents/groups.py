"""Groups named by a role word alone: `police`, `protesters in Tbilisi`, `the junta`, `villagers`.

CAMEO codes `Kenyan police` as KENCOP; news often drops the nationality where the place says it (`police
fired on protesters in Nairobi`). A noun of the agent words (`seeds/reference/agents.csv`) that names
people, with no name or nationality of its own, is that role of the country the sentence takes place in:
the country of a place inside its phrase (`protesters in Tbilisi`), else of a person its possessive
pronoun stands for (`Putin ordered his troops`), else, for people who are where things happen (police,
civilians, protesters), the one country of the sentence's places, else the one country of the places the
document has named so far. Where no single country fits, or the phrase says it is foreign (`Western defence
chiefs`), it stays no one.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from newsevents.entities import (
    PLACE_FEATURES,
    EntityMention,
    entity_from_actor,
    role_actor,
    role_group,
    role_of_noun,
)
from newsevents.reference import Actor

# Agent words for weapons and equipment: owned by a side, not a group of the country they are in.
EQUIPMENT_WORDS = frozenset(
    "fighter jet warplane aircraft bomber warship submarine tank drone missile artillery f-35 f-35s f-16 f-16s".split()
)
# Defences belong to whoever is attacked (`Air defences shot down the drones`), which the coder tells.
DEFENCE_WORDS = frozenset("defence defense defender".split())
POSSESSIVE_PRONOUNS = ("his", "her")
# Singular role words that name a group or an institution, not one person (`the junta`, `police`, `a court`).
COLLECTIVE_NOUNS = frozenset(
    """police junta army military regime government militia navy opposition crowd leadership administration rebellion
    insurgency court tribunal parliament legislature ministry cabinet""".split()
)
# Roles of people who are where the sentence takes place (police, civilians, protesters, students, rebels);
# officials and soldiers travel, so only a place in their own phrase or the one country of the whole
# document tells theirs.
LOCAL_ROLES = frozenset("COP CVL OPP EDU REB REF MED JUD LEG BUS".split())
FOREIGN_MODIFIERS = frozenset("western international allied multinational overseas".split())
PRONOUN_LOOKBACK_SENTENCES = 2
CONTEXT_METHOD = "context"


def group_mentions(
    doc: Doc, mentions: list[EntityMention], agents: dict[str, str], countries: dict[str, Actor]
) -> list[EntityMention]:
    """A mention for every role-word group of the document whose country the context tells."""
    covered = {i for m in mentions for i in range(m.start_token, m.end_token)}
    places: dict[int, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.entity.feature_type in PLACE_FEATURES and mention.entity.country_code:
            places[mention.sentence_index].add(mention.entity.country_code)
    by_token = {i: m for m in mentions for i in range(m.start_token, m.end_token)}
    found = []
    for sentence_index, sentence in enumerate(doc.sents):
        for token in sentence:
            role = role_of_noun(token, agents)
            if role is None or token.pos_ != "NOUN" or token.i in covered or token.lemma_.lower() in EQUIPMENT_WORDS:
                continue
            owners = owners_country(token, sentence_index, mentions)
            if token.tag_ == "NN" and token.lemma_.lower() not in COLLECTIVE_NOUNS and owners is None:
                continue  # `the defence secretary` is a person, whom the document's offices tell
            modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < token.i]
            if any(c.i in covered or c.lower_ in FOREIGN_MODIFIERS for c in modifiers):
                continue  # `Kenyan police`, `Russia's army`: named already; `Western defence chiefs`: not local
            in_document = single(set().union(*(codes for index, codes in places.items() if index <= sentence_index)))
            in_sentence = single(places.get(sentence_index, set())) if role in LOCAL_ROLES else None
            country = place_inside(token, by_token) or owners or in_sentence or in_document
            if country is not None and f"country:{country}" in countries:
                entity = role_actor(entity_from_actor(countries[f"country:{country}"]), role)
            elif country is None and is_group_noun(token) and token.lemma_.lower() not in DEFENCE_WORDS:
                entity = role_group(role)
            else:
                continue
            found.append(EntityMention.of_span(group_span(token), sentence_index, entity, "NORP", CONTEXT_METHOD))
    return found


def is_group_noun(token: Token) -> bool:
    """A noun that names a group, not one person: a plural (`villagers`) or a collective (`the junta`)."""
    return token.tag_ == "NNS" or token.lemma_.lower() in COLLECTIVE_NOUNS


def group_span(head: Token) -> Span:
    """The group's words: the noun with the modifiers before it (`riot police`, `young activists`)."""
    modifiers = [c.i for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]
    return head.doc[min([head.i, *modifiers]) : head.i + 1]


def place_inside(head: Token, by_token: dict[int, EntityMention]) -> str | None:
    for token in head.subtree:
        mention = by_token.get(token.i)
        if mention is not None and mention.entity.feature_type in PLACE_FEATURES and mention.entity.country_code:
            return mention.entity.country_code
    return None


def owners_country(head: Token, sentence_index: int, mentions: list[EntityMention]) -> str | None:
    """`his troops`: the country of the last person named before, within a few sentences."""
    if not any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children):
        return None
    people = [
        m
        for m in mentions
        if m.end_token <= head.i
        and m.entity.entity_type == "PERSON"
        and m.entity.country_code
        and m.sentence_index >= sentence_index - PRONOUN_LOOKBACK_SENTENCES
    ]
    return people[-1].entity.country_code if people else None


def single(codes: set[str]) -> str | None:
    return next(iter(codes)) if len(codes) == 1 else None

