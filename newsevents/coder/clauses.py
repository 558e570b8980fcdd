"""Reading the dependency parse: subjects, passives, objects of prepositions, clause chains, and the
words (dependency labels, pronouns, reporting verbs) the other modules of the coder share.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.entities import EntityMention

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
PLACE_PREPOSITIONS = ("in", "near", "at", "outside", "around", "inside", "across", "off", "along")
INHERITING_DEPS = ("xcomp", "advcl", "conj", "acl", "pcomp")
# Prepositions whose gerund's doer is the subject of the verb they hang from (`responded by annexing`,
# `joined Brazil in rejecting the ruling`).
SUBJECT_CONTROLLED_PREPOSITIONS = ("by", "after", "before", "while", "since", "without", "through", "upon", "in")
NOUN_PHRASE_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM")
RELATIVE_PRONOUNS = ("who", "which", "that")
PARENTHESIS_DASHES = ("-", "–", "—")
# Dependencies on the way from an argument's word up to its verb.
ARGUMENT_PATH_DEPS = frozenset(
    "dobj dative iobj attr oprd nsubjpass pobj prep agent conj appos compound amod nmod poss det nummod flat".split()
)
PERSONAL_PRONOUNS = ("he", "she", "him", "her", "his")
REPORTING_VERBS = frozenset(
    "say claim allege insist tell report state announce add argue write suggest confirm admit assert maintain".split()
)


def passive_patients(verb: Token) -> list[Token]:
    """What a passive verb is done to: its passive subject (`tanks were sent`), or the noun a participle
    describes (`a ceasefire upheld by peacekeepers`)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    patients = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i != verb.i:
        patients.append(verb.head)
    return patients


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


def is_reciprocal(trigger: Token) -> bool:
    """`accuse each other`, `met one another`: each party acts on the other."""
    return any(
        (c.lower_ == "other" and any(d.lower_ == "each" for d in c.children))
        or (c.lower_ == "another" and any(d.lower_ == "one" for d in c.children))
        for c in trigger.children
        if c.dep_ in OBJECT_DEPS
    )


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
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS] or misparsed_subject(token)
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


def misparsed_subject(clause: Token) -> list[Token]:
    """The subject of a `that` clause in the subjunctive that the parser took for a modifier: in `demanded
    that Caracas issue passes` it hangs `Caracas` on `issue` as nmod; a noun between `that` and the verb is
    its subject."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
    if not marks or clause.pos_ != "VERB":
        return []
    return [
        c
        for c in clause.children
        if marks[0].i < c.i < clause.i and c.dep_ in ("nmod", "npadvmod", "compound", "amod") and c.pos_ in ("PROPN", "NOUN")
    ][:1]


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


def action_span(trigger: Token) -> tuple[int, int]:
    """Character offsets of the action words: the trigger with its particle."""
    tokens = [trigger, *[c for c in trigger.children if c.dep_ == "prt"]]
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def is_argument(mention: EntityMention, trigger: Token) -> bool:
    """Whether a mention is among the trigger's own arguments: its object, dative or the object of one of
    its prepositions, or a word of such a phrase (`asked Guterres`, `criticised Russia's actions`, `spoke to
    the UN`), not a name deeper in the sentence (`struck a tone in a meeting with Guterres`)."""
    token = trigger.doc[mention.end_token - 1]
    prepositions = 0
    while token.i != trigger.i:
        if token.head.i == token.i or token.dep_ not in ARGUMENT_PATH_DEPS:
            return False
        prepositions += token.dep_ in ("prep", "agent")
        if prepositions > 1:
            return False
        token = token.head
    return True


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


# Words that count people in large numbers (`dozens of villagers`, `hundreds were killed`).
LARGE_NUMBER_WORDS = frozenset("dozens hundreds thousands scores tens".split())


def number_of(token: Token) -> int | None:
    """The number a token writes in digits (`223`, `1,200`), or None."""
    digits = token.text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def victim_count(trigger: Token) -> int | None:
    """How many people an act is done to, where the text counts them: `executed at least 223 villagers`
    -> 223, `killed dozens of civilians` -> 100 (a large number), `30 people were killed` -> 30."""
    heads = [c for c in trigger.children if c.dep_ == "dobj"] + passive_patients(trigger)
    counts = []
    for head in heads:
        for token in [head, *head.children]:
            if token.lower_ in LARGE_NUMBER_WORDS:
                counts.append(100)
            elif token.dep_ == "nummod" or token.i == head.i:
                number = number_of(token)
                counts += [number] if number is not None else []
    return max(counts) if counts else None
