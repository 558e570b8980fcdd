"""Whom an act is done to: objects, prepositional targets, owners of what is hit, and targets the
clause leaves to the sentence around it (promises, shows of force, hostile acts of two sides).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.coder.actors import (
    MentionIndex,
    actors_of,
    between_parties,
    counted_noun,
    country_of_place,
    document_mention,
    last_two_parties,
    phrase_tokens,
)
from newsevents.coder.clauses import (
    OBJECT_DEPS,
    passive_patients,
    preposition_objects,
    subject_heads,
)
from newsevents.coder.codes import (
    IMPLICIT_TARGET_ROOTS,
    INTENT_ROOT,
    MATERIAL_CONFLICT_ROOTS,
    MEDIATION_CODE,
    STATEMENT_ROOTS,
    THREAT_ROOT,
    TWO_SIDED_ROOTS,
    VISIT_CODE,
)
from newsevents.coder.dictionary import Pattern
from newsevents.coder.places import is_place_phrase
from newsevents.entities import (
    MOTION_WORDS,
    Entity,
    EntityMention,
    is_role_group,
    role_actor,
    role_of_noun,
)
from newsevents.groups import COLLECTIVE_NOUNS, CONTEXT_METHOD
from newsevents.merging import base_actor

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
# People defined by their relation to someone: `Putin's critics` are not Putin, as a target or as an actor.
PEOPLE_NOUNS = frozenset(
    """critic opponent ally friend enemy rival supporter victim family relative neighbour neighbor people citizen
    partner wife husband son daughter""".split()
)
# Members that make a meeting multilateral (`a meeting of more than 40 nations`): codable with no counterpart.
# A promise or show of force names its target in the sentence, or in the one before (`Taiwan detected 71
# Chinese aircraft. Beijing launched drills around the island.`).
IMPLICIT_TARGET_LOOKBACK_SENTENCES = 1
# Prepositions by which an act's object names whom it concerns (`the resignation of`, `an inquiry into`).
CONCERNING_PREPOSITIONS = ("of", "into", "over", "on", "against")
# What looks into something: its `into` names what, and where (`an investigation into crimes in Ukraine`).
INQUIRY_NOUNS = frozenset("investigation inquiry probe enquiry examination".split())
# Gatherings where things are done, not parties they are done to (`on the sidelines of the summit`).
VENUE_NOUNS = frozenset("sideline sidelines margin margins summit conference forum session gathering ceremony".split())
# Roots of cooperation (statements to intents to aid and yielding): their `at` is a venue.
COOPERATIVE_ROOTS = frozenset(range(1, 10))
# Roles of armed forces, whose uses of force are seldom against their own country's people.
FIGHTING_ROLES = frozenset(("MIL", "REB"))
MULTILATERAL_MEMBERS = frozenset("nation country state ally leader minister member government delegation".split())


def borrowed_targets(
    trigger: Token, pattern: Pattern, index: MentionIndex, sentence_index: int, actors: frozenset[str]
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
    if int(pattern.event_code[:2]) in STATEMENT_ROOTS:
        # `China warned that the United States would pay the price`, `demanded that the electoral council
        # publish the results`: a statement about someone is aimed at the subject of what it states.
        for complement in (c for c in trigger.children if c.dep_ == "ccomp"):
            found = actors_of(subject_heads(complement), index, sentence_index, targets=True, exclude=actors)
            if found:
                return found
    is_purpose = trigger.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if is_purpose and trigger.head.lemma_.lower() in MOTION_WORDS:
        return target_actors(trigger.head, index, sentence_index, actors)
    return []


def implicit_targets(
    trigger: Token, pattern: Pattern, index: MentionIndex, sentence_index: int, actors: list[EntityMention]
) -> list[EntityMention]:
    """The target of a promise or a show of force that names none, from the clauses before it: that of the
    verb it is coordinated with (`committed to supporting Ukraine and pledged to do more`, `intercepted Russian
    aircraft and escorted them out`), else the nearest country named earlier in the sentence (or in the
    sentence before), not as a place (`near Poland`), that is not the actor's side (`Ukraine needs more aid, the US said, pledging
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
        if sentence_index - IMPLICIT_TARGET_LOOKBACK_SENTENCES <= m.sentence_index <= sentence_index
        and m.end_token <= trigger.i
        and m.entity.entity_id.startswith("country:")
        and m.resolution_method != CONTEXT_METHOD  # `reporters in Poland` are no party to what they report
        and base_actor(m.entity.entity_id) not in sides
        and m.entity.country_code not in countries
        and not is_place_phrase(trigger.doc[m.start_token : m.end_token])
    ]
    in_sentence = [m for m in earlier if m.sentence_index == sentence_index]
    return (in_sentence or earlier)[-1:]


def target_actors(
    trigger: Token, index: MentionIndex, sentence_index: int, actors: frozenset[str] = frozenset(), event_code: str = ""
) -> list[EntityMention]:
    """Who the act is done to. A pronoun target is never one of the `actors` (`Putin challenged him`: him is
    not Putin; he would have been `himself`). Where an act happens is not whom it is done to: `at` names a
    target only of hostile acts (`fired at protesters`, not `signed a declaration at the White House`), and
    a gathering is a venue (`met on the sidelines of the summit`)."""
    cooperative = bool(event_code) and int(event_code[:2]) in COOPERATIVE_ROOTS
    objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    found = actors_of(passive_patients(trigger) + objects, index, sentence_index, targets=True, exclude=actors)
    if found:
        return found
    parties = between_parties(trigger) if trigger.pos_ == "NOUN" else []
    if parties:
        return actors_of(parties[1:], index, sentence_index, exclude=actors)
    for prep in trigger.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in TARGET_PREPOSITIONS and not (cooperative and prep.lower_ == "at"):
            # `to Bulgaria and to Poland`: coordinated prepositions each bring a target.
            objects_of_preps = [c for p in (prep, *prep.conjuncts) for c in preposition_objects(p)]
            objects_of_preps = [o for o in objects_of_preps if o.lemma_.lower() not in VENUE_NOUNS]
            found = actors_of(objects_of_preps, index, sentence_index, targets=True, exclude=actors)
            if found:
                return found
    # `authorised the supply of tanks to Ukraine`, `launched strikes against Kyiv`, `embarked on a mission to
    # Moscow`: the target hangs off the object, or off the object of the trigger's preposition.
    prepositional_objects = [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for token in (t for obj in objects + prepositional_objects for t in phrase_tokens(obj, index.agents)):
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
    found = actors_of(owners, index, sentence_index, targets=True, exclude=actors)
    if found:
        return found
    # `demanded the resignation of the election chief`, `opened an investigation into crimes in Venezuela`:
    # whom the act's object concerns.
    concerned = [
        g
        for obj in objects + passive_patients(trigger) + prepositional_objects
        if obj.lemma_.lower() not in PEOPLE_NOUNS
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ in CONCERNING_PREPOSITIONS
        for g in preposition_objects(c)
    ]
    found = actors_of(concerned, index, sentence_index, targets=True, exclude=actors)
    if found:
        return found
    # `an investigation into war crimes in Ukraine`: what it concerns happened in a country.
    concerned_by_object = [
        g for obj in objects if obj.lemma_.lower() in INQUIRY_NOUNS for c in obj.children if c.dep_ == "prep" and c.lower_ == "into" for g in preposition_objects(c)
    ]
    places = [g for head in concerned_by_object for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in preposition_objects(c)]
    return actors_of(places, index, sentence_index, targets=True, exclude=actors)


def own_country_targets(
    trigger: Token,
    event_code: str,
    actor: EntityMention,
    named_targets: list[EntityMention],
    index: MentionIndex,
    sentence_index: int,
    country_entities: dict[str, Entity],
) -> list[EntityMention]:
    """A target of the actor's own country, when the act names no other target: one described as the
    country's own (`the minister called on the national defence industry to ...`), or a group named by its
    role alone (`police detained protesters`), unless an armed force is using force."""
    country = country_entities.get(actor.entity.country_code or "")
    if named_targets or country is None:
        return []
    heads = [c for c in trigger.children if c.dep_ in OBJECT_DEPS] + passive_patients(trigger)
    heads += [g for c in trigger.children if c.dep_ in ("prep", "prt") and c.lower_ in TARGET_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
    if int(event_code[:2]) in STATEMENT_ROOTS:
        heads += [h for c in trigger.children if c.dep_ == "ccomp" for h in subject_heads(c)]
    for head in heads:
        modifiers = [t for t in head.subtree if t.i < head.i and t.dep_ == "amod" and t.lower_ in OWN_COUNTRY_ADJECTIVES]
        if modifiers:
            span = head.doc[min(t.i for t in head.subtree) : head.i + 1]
            return [document_mention(span, sentence_index, country, ner_label="GPE")]
    if actor.entity.role_code in FIGHTING_ROLES and int(event_code[:2]) in MATERIAL_CONFLICT_ROOTS:
        return []  # an armed force's enemy is seldom of its own country
    agents = index.agents
    for head in (counted_noun(h) or h for h in heads):  # `dozens of students`: the students
        role = role_of_noun(head, agents)
        is_group = head.tag_ == "NNS" or head.lemma_.lower() in COLLECTIVE_NOUNS
        if role and is_group and head.pos_ == "NOUN" and not any(t.i in index.by_token for t in head.subtree):
            # `police arrested dozens of protesters`, `Maduro blamed the opposition`: a group named by its role
            # alone, that the context gave no country, is of the actor's own country.
            span = head.doc[min(t.i for t in head.subtree if t.i <= head.i) : head.i + 1]
            return [document_mention(span, sentence_index, role_actor(country, role), ner_label="NORP")]
    return []


# Roots of acts done with one's own forces (sending them, massing them): their object is no target.
OWN_FORCE_ROOTS = frozenset((7, 15))


def is_own_force(target: EntityMention, event_code: str) -> bool:
    """`Azerbaijan massed troops`, `sent soldiers to the border`: armed people of no named country that a
    show of force or a deployment moves are the actor's own, not whom the act is aimed at."""
    entity = target.entity
    return entity.country_code is None and entity.role_code in FIGHTING_ROLES and int(event_code[:2]) in OWN_FORCE_ROOTS


def target_of_place(
    pattern: Pattern,
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


def target_as_actor(target: EntityMention, actor1: EntityMention, event_code: str, country_entities: dict[str, Entity]) -> EntityMention:
    """A target place stands for its country, except a place of the actor's own country: `Azerbaijan
    blockaded Nagorno-Karabakh` is an act on the region, not on Azerbaijan itself. A group the text gives no
    country (`detained dozens of students`) is of the actor's own, unless an armed force is using force."""
    if is_role_group(target.entity):
        country = country_entities.get(actor1.entity.country_code or "")
        fighting = actor1.entity.role_code in FIGHTING_ROLES and int(event_code[:2]) in MATERIAL_CONFLICT_ROOTS
        if country is None or fighting:
            return target
        return EntityMention(**{**target.__dict__, "entity": role_actor(country, target.entity.role_code)})
    as_country = country_of_place(target, country_entities)
    if target.entity.feature_type in ("city", "region") and base_actor(as_country.entity.entity_id) == base_actor(actor1.entity.entity_id):
        return target
    return as_country


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
