"""Whether a clause reports something that happened: asserted, negated, hypothetical, future or
question, and who reports it (`Ukraine says ...`, `according to ...`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.coder.actors import MentionIndex, actors_of, name_before
from newsevents.coder.clauses import (
    SUBJECT_DEPS,
    clause_chain,
    governing_clause,
    reporting_verb,
    subject_heads,
)
from newsevents.entities import (
    EntityMention,
)

FINITE_TAGS = ("VBD", "VBZ", "VBP")
HYPOTHETICAL_AUXILIARIES = ("could", "would", "might", "may", "should", "can", "must", "ca")  # ca: can't
FUTURE_AUXILIARIES = ("will", "shall", "'ll", "wo")  # wo: won't
# An agreement or decision to act states the intention too (`Saudi Arabia and Iran agreed to restore relations`).
INTENTION_VERBS = frozenset(
    """plan intend want hope try seek aim expect prepare threaten consider propose wish aspire mean vow pledge promise
    resolve agree decide offer undertake""".split()
)
# Intentions that are wishes or deliberations, not stated intent (`hopes to meet`, `is considering sanctions`):
# their acts stay future and are no event.
WISHING_VERBS = frozenset("want hope try seek expect consider propose wish aspire mean".split())
# Verbs whose complement is asked for, not done: `demanded that Caracas issue passes`, `urged Russia to withdraw`;
# and verbs that ask for it only with the base form (`told them to leave`, not `told reporters they were shot`).
DEMANDING_VERBS = frozenset("demand urge ask request appeal press implore beg".split())
DEMANDING_WITH_BASE_FORM = frozenset("insist tell call".split())
CONDITIONAL_MARKERS = ("if", "unless", "whether")
HEDGE_ADVERBS = ("likely", "probably", "possibly", "perhaps", "maybe")
# Verbs whose complement did not happen: `refused to meet`, `failed to capture`, `denied shelling`.
NEGATING_VERBS = frozenset("refuse fail decline deny avoid reject stop cease abandon".split())
# `declared independence without consulting Serbia`: the consultation did not happen.
NEGATING_PREPOSITIONS = ("without",)
COMPLEMENT_DEPS = ("xcomp", "pcomp", "ccomp")
NONE_WORDS = ("nobody", "nothing", "none", "noone")


def mode_of(trigger: Token, sentence: Span) -> str:
    clause = governing_clause(trigger) if trigger.pos_ == "NOUN" else trigger
    if clause.i == trigger.i and trigger.pos_ == "NOUN" and trigger.dep_ in SUBJECT_DEPS + ("nsubjpass",):
        clause = trigger.head  # `a strike on Iran could push the region into war`: the verb's mode
    return "negated" if is_negated(clause) else modality_of(clause, sentence)


def is_negated(clause: Token) -> bool:
    """Negation reaches an act through open complements only: in `did not attack Kyiv but shelled Kharkiv`
    the shelling is not negated."""
    complements = clause_chain(clause, COMPLEMENT_DEPS)
    return (
        any(c.dep_ == "neg" for verb in complements for c in verb.children)
        or any(is_none(c) for c in clause.children if c.dep_ in SUBJECT_DEPS + ("nsubjpass", "dobj"))
        or any(verb.lemma_.lower() in NEGATING_VERBS for verb in complements[1:])
        or any(token.dep_ == "prep" and token.lower_ in NEGATING_PREPOSITIONS for token in complements)
    )


def is_none(phrase_head: Token) -> bool:
    """`No commercial vessel has been attacked`, `attacked no ship`: a phrase for nothing."""
    return phrase_head.lower_ in NONE_WORDS or any(c.dep_ == "det" and c.lower_ == "no" for c in phrase_head.children)


def modality_of(clause: Token, sentence: Span) -> str:
    """Question, hypothetical, future or asserted, negation aside. Modality and tense are shared by
    coordinated verbs."""
    if sentence.text.rstrip().endswith("?"):
        return "question"
    if is_purpose(clause):
        return "hypothetical"
    chain = clause_chain(clause, COMPLEMENT_DEPS + ("conj",))
    glued = next((i for i, verb in enumerate(chain) if is_separate_clause(verb)), None)
    chain = chain if glued is None else chain[: glued + 1]
    children = [c for verb in chain for c in verb.children]
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS for c in children):
        return "hypothetical"
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & set(HYPOTHETICAL_AUXILIARIES):
        return "hypothetical"
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in children):
        return "hypothetical"  # `will likely launch a counteroffensive`
    # An intention governs the acts that are its complements (`wants to attack and occupy Kyiv`), not a
    # clause coordinated with it (`Zelensky wants more tanks and Austin pledged support`).
    governors = [verb for child, verb in zip(chain, chain[1:]) if child.dep_ in COMPLEMENT_DEPS]
    if auxiliaries & set(FUTURE_AUXILIARIES) or any(verb.lower_ == "going" for verb in [clause, *governors]):
        return "future"
    if any(verb.lemma_.lower() in INTENTION_VERBS for verb in governors):
        return "future"
    if any(is_demanded(child, verb) for child, verb in zip(chain, chain[1:]) if child.dep_ in COMPLEMENT_DEPS):
        return "hypothetical"
    return "asserted"


def is_demanded(complement: Token, verb: Token) -> bool:
    """Whether a complement is what its verb asks for rather than reports: `urged Russia to withdraw`,
    `demanded that Caracas issue passes`, `told them to leave`; not `told reporters that they were shot`."""
    lemma = verb.lemma_.lower()
    return lemma in DEMANDING_VERBS or (lemma in DEMANDING_WITH_BASE_FORM and complement.tag_ == "VB")


def is_purpose(verb: Token) -> bool:
    """An infinitive of purpose (`worked with both sides to establish corridors`, `massed troops to attack`)
    says what an act was for, not that it happened."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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


def is_stated_intent(clause: Token) -> bool:
    """Whether a future act is stated as an intention (`will send`, `is going to`, `plans to`, `vowed to
    crush`), not a wish or a deliberation (`hopes to`, `is considering`)."""
    chain = clause_chain(clause, COMPLEMENT_DEPS + ("conj",))
    governors = [verb for child, verb in zip(chain, chain[1:]) if child.dep_ in COMPLEMENT_DEPS]
    return not any(verb.lemma_.lower() in WISHING_VERBS for verb in governors)
