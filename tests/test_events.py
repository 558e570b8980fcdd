"""Event coding on sentences the sample does not contain: the rules must generalise."""

from __future__ import annotations

from datetime import date

from newsevents.entities import resolve_entities
from newsevents.events import assign_event_ids, code_document, event_identity, ReportKey

DAY = date(2024, 3, 5)


def coded(nlp, text):
    doc = nlp(text)
    return [
        (e.actor1.entity.entity_id, e.event_code, e.actor2.entity.entity_id if e.actor2 else None, e.mode,
         e.location.entity_id if e.location else None)
        for e in code_document(doc, resolve_entities(doc, DAY), DAY)
    ]


def test_military_aid(nlp):
    assert ("country:FRA", "072", "country:UKR", "asserted", None) in coded(nlp, "France sends tanks to Ukraine.")


def test_artillery_attack_with_place(nlp):
    events = coded(nlp, "Russian forces shelled Kharkiv on Monday.")
    assert events and events[0][:2] == ("country:RUS", "194")


def test_negation_and_hypotheticals_are_marked(nlp):
    assert {e[3] for e in coded(nlp, "Poland is not planning to attack Belarus.")} == {"negated"}
    assert {e[3] for e in coded(nlp, "Officials said Belarus could attack Poland.")} == {"hypothetical"}
    assert {e[3] for e in coded(nlp, "Will Germany send tanks to Ukraine?")} <= {"question", "future"}


def test_compound_actors_give_one_event_each(nlp):
    events = coded(nlp, "The UK, Germany and Canada have pledged armoured vehicles to Ukraine.")
    assert {e[0] for e in events if e[1] == "0332"} == {"country:GBR", "country:DEU", "country:CAN"}


def test_interception_near_a_place(nlp):
    events = coded(nlp, "Two Dutch fighter jets intercepted Russian bombers near Poland.")
    assert ("country:NLD", "150", "country:RUS", "asserted", "country:POL") in events


def test_meeting_reports_in_either_order_are_one_event():
    day = date(2022, 4, 26)
    reports = [
        ReportKey(0, event_identity("040", "person:a", "person:b", day), "city:moscow", "040"),
        ReportKey(1, event_identity("046", "person:b", "person:a", day), None, "046"),
        ReportKey(2, event_identity("112", "person:a", "person:b", day), None, "112"),
    ]
    ids = assign_event_ids(reports)
    assert ids[0] == ids[1] != ids[2]
