"""Classes of CAMEO event codes that the coder treats alike: roots of consultation, intent, threat,
material conflict, and the codes that need a counterpart.
"""

from __future__ import annotations

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


def is_material(event_code: str) -> bool:
    """Material cooperation (06-09) or conflict (15-20): acts done to something, somewhere."""
    return int(event_code[:2]) in MATERIAL_ROOTS


def needs_counterpart(event_code: str) -> bool:
    return any(event_code.startswith(code) for code in COUNTERPART_CODES)
