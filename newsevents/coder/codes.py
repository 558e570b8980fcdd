"""Classes of CAMEO event codes that the coder treats alike: roots of consultation, intent, threat,
material conflict, and the codes that need a counterpart.
"""

from __future__ import annotations

from newsevents.entities import Entity

STATEMENT_CODE = "010"
CONSULT_ROOT = "04"
INTENT_ROOT = "03"
THREAT_ROOT = "13"
# Interactions that need a counterpart to be coded: promises and offers (03: intent to cooperate with whom?),
# meetings, calls, visits (04), recognition (054).
COUNTERPART_CODES = (INTENT_ROOT, CONSULT_ROOT, "054")
# Acts aimed at a country that a clause may leave to the sentence around it: promises (03) and shows of
# military force (15).
IMPLICIT_TARGET_ROOTS = (INTENT_ROOT, "15")
MEDIATION_CODE = "045"
# Hostile acts (coercion, assault, fighting, mass violence) that, naming no target, are aimed at the other of
# two sides just named.
TWO_SIDED_ROOTS = frozenset((17, 18, 19, 20))
TRUCE_CODE = "0871"
DENIAL_CODE = "016"
# Acts whose plain negation by their own side is a denial: threats, protests, force, assaults.
DENIABLE_ROOTS = frozenset(range(13, 21))
VISIT_CODE = "042"
MATERIAL_ROOTS = frozenset((6, 7, 8, 9, 15, 16, 17, 18, 19, 20))
MATERIAL_CONFLICT_ROOTS = frozenset((15, 16, 17, 18, 19, 20))
VERBAL_ROOTS = frozenset((*range(1, 14), 16))
SOLITARY_ROOTS = frozenset((14, 15))
MUTUAL_ROOTS = frozenset((3, 4, 5, 6))
# Roots of what is said about or to someone: comments, appeals, demands, disapproval, rejection, threats.
STATEMENT_ROOTS = frozenset((1, 2, 10, 11, 12, 13))


def is_material(event_code: str) -> bool:
    """Material cooperation (06-09) or conflict (15-20): acts done to something, somewhere."""
    return int(event_code[:2]) in MATERIAL_ROOTS


def needs_counterpart(event_code: str) -> bool:
    return any(event_code.startswith(code) for code in COUNTERPART_CODES)


def is_verbal(event_code: str) -> bool:
    """Statements, appeals, intentions, consultations, demands, disapproval, rejections and threats (01-13),
    and reductions of relations (16): acts towards someone."""
    return int(event_code[:2]) in VERBAL_ROOTS


def is_mutual(event_code: str) -> bool:
    """Cooperation that parties named together do with each other when they name no one else (`Biden and Xi
    met`, `Somalia and Ethiopia agreed to restore ties`, `Aliyev and Pashinyan signed a declaration`)."""
    return int(event_code[:2]) in MUTUAL_ROOTS


def is_done_alone(event_code: str) -> bool:
    """Protests (14) and shows of force (15): acts a report often names no target of."""
    return int(event_code[:2]) in SOLITARY_ROOTS


# A stated intention to act is an event of its own (CAMEO 03: intent to cooperate; 13: threats). The
# intent code of a future act, most specific first (Schrodt et al., CAMEO codebook v1.1b3, 2012, ch. 2,
# 03 and 13). Acts with no intent code here (statements, appeals, demands, investigations) stay future.
INTENT_CODES = (
    ("04", "036"), ("045", "039"), ("046", "036"),
    ("05", "032"),
    ("06", "031"), ("061", "0311"), ("062", "0312"), ("063", "0313"), ("064", "0314"),
    ("07", "033"), ("071", "0331"), ("072", "0332"), ("073", "0333"), ("074", "0334"),
    ("08", "035"), ("081", "0351"), ("082", "0352"), ("084", "0353"), ("085", "0354"), ("086", "0355"),
    ("087", "0356"),
    ("14", "133"),
    ("16", "131"), ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "1313"), ("166", "1311"),
    ("17", "137"), ("172", "132"), ("1721", "1321"), ("1722", "1322"), ("1723", "1323"), ("1724", "1324"),
    ("18", "1383"),
    ("19", "1384"), ("191", "1381"), ("192", "1382"),
    ("20", "138"), ("204", "1385"),
)


def intent_code(event_code: str) -> str | None:
    """The code for stating an intention to do `event_code`: `will send howitzers` (072) -> 0332, `vowed
    to crush the rebels` (17x) -> 137, `will meet` (04x) -> 036; None where CAMEO has no intent code."""
    matching = [(prefix, code) for prefix, code in INTENT_CODES if event_code.startswith(prefix)]
    return max(matching, key=lambda pair: len(pair[0]))[1] if matching else None


# Roles of people who are no armed side: civilians, the opposition, students, refugees.
CIVILIAN_ROLES = frozenset(("CVL", "OPP", "EDU", "REF"))
POLICE_ROLE = "COP"
FORCE_ROOTS = ("18", "19")
AERIAL_WEAPONS = frozenset("drone airstrike warplane jet bomber missile helicopter aircraft".split())


def is_force(event_code: str) -> bool:
    """Unconventional violence (18) or conventional military force (19)."""
    return event_code[:2] in FORCE_ROOTS


def force_by_kind(event_code: str, actor1_role: str | None, actor2: Entity | None, doer_words: set[str]) -> str:
    """A use of force (18, 19) coded by who does it to whom, as the CAMEO codebook sets them apart:
    protesters' violence is a violent protest (145; a blockade 144); police force on civilians is violent
    repression (175); force that kills or strikes a named person is an assassination (186); force by
    drones, missiles or aircraft is aerial (195)."""
    if not is_force(event_code):
        return event_code
    if actor1_role in CIVILIAN_ROLES:
        return "144" if event_code.startswith("191") else "145"
    if actor1_role == POLICE_ROLE and actor2 is not None and actor2.role_code in CIVILIAN_ROLES:
        return "175"
    if event_code[:2] == "19" and actor2 is not None and actor2.entity_type == "PERSON":
        return "186"
    if event_code in ("190", "193", "194") and doer_words & AERIAL_WEAPONS:
        return "195"
    return event_code


MASS_KILLING_CODE = "202"
# Killing codes of single acts that become mass killing when their victims are many civilians.
KILLING_CODES = frozenset(("180", "190", "1823"))
# CAMEO 202 is the killing of non-combatants "in large numbers"; ten is where news counts a massacre.
MASS_KILLING_VICTIMS = 10


def mass_killing(event_code: str, actor1_role: str | None, actor2: Entity | None, victims: int | None) -> str:
    """An armed side's killing of many civilians is mass killing (202), as the CAMEO codebook defines it:
    `soldiers executed at least 223 villagers`; an air strike's toll stays an air strike (195)."""
    if (
        event_code in KILLING_CODES
        and actor1_role not in CIVILIAN_ROLES
        and actor2 is not None
        and actor2.role_code in CIVILIAN_ROLES
        and (victims or 0) >= MASS_KILLING_VICTIMS
    ):
        return MASS_KILLING_CODE
    return event_code


# Seizing property or ground (171, 192), which the verb alone cannot tell from seizing people.
SEIZURE_CODES = frozenset(("171", "192"))
ARREST_CODE, ABDUCTION_CODE = "173", "181"
# Roles whose seizing of people is an arrest.
ARRESTING_ROLES = frozenset(("COP", "GOV", "JUD"))


def seizure_of_people(event_code: str, actor1_role: str | None, actor2: Entity | None) -> str:
    """Seizing people is no seizure of property or ground: police, governments and courts arrest them
    (173), anyone else abducts them (181): `150 people were seized by Hamas gunmen`."""
    if event_code not in SEIZURE_CODES or actor2 is None:
        return event_code
    if actor2.entity_type != "PERSON" and actor2.role_code not in CIVILIAN_ROLES:
        return event_code
    return ARREST_CODE if actor1_role in ARRESTING_ROLES else ABDUCTION_CODE


def code_by_participants(
    event_code: str, actor1_role: str | None, actor2: Entity | None, doer_words: set[str], victims: int | None
) -> str:
    """The event code once who acts on whom, with what, and how many are known."""
    event_code = seizure_of_people(event_code, actor1_role, actor2)
    event_code = force_by_kind(event_code, actor1_role, actor2, doer_words)
    return mass_killing(event_code, actor1_role, actor2, victims)
