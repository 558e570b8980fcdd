"""Cleaning: boilerplate and transcript noise go, the report stays, dates are found with their origin."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsevents.clean import clean_document
from newsevents.ingest import read_corpus
from tests.conftest import SAMPLE_DIR


@pytest.fixture(scope="module")
def sample():
    return {doc.file_name: doc for doc in read_corpus(SAMPLE_DIR)}


def cleaned(sample, name, with_manifest=True):
    doc = sample[name]
    metadata = {k: v for k, v in doc.metadata.items() if k in ("title", "publisher", "published_date")}
    return clean_document(doc.raw_text, metadata if with_manifest else {}, doc.date_origin)


def test_npr_page_furniture_is_removed_and_report_kept(sample):
    result = cleaned(sample, "003_46898ae6534dde6d.txt")
    for furniture in ("FCC Public Inspection Files", "WPKT", "Play Live Radio", "Next Up:", "0:00", "Available On Air Stations",
                      "Transcript provided by NPR", "Stand up for civility", "donate", "Your donation today", "© 2024"):
        assert furniture not in result.text
    assert result.text.startswith("UN chief met with Putin to bridge differences with Russia over its actions in Ukraine")
    assert "Guterres makes any progress with his humanitarian corridor idea" in result.text
    assert result.text.rstrip().endswith("Thank you.")
    assert result.speakers == ("KELLY", "MAYNES", "ANTONIO GUTERRES")
    assert "KELLY:" not in result.text
    kinds = {span.kind for span in result.removed}
    assert {"station_navigation", "player_controls", "donation_appeal", "copyright", "speaker_label", "transcript_credit"} <= kinds


def test_page_footer_year_is_not_a_publication_date(sample):
    result = cleaned(sample, "003_46898ae6534dde6d.txt", with_manifest=False)
    assert (result.published_date, result.published_date_origin) == (None, "none")


def test_dates_in_the_text_are_found(sample):
    independent = cleaned(sample, "001_abdff39c0beee926.txt")
    assert (independent.published_date, independent.published_date_origin) == (date(2023, 2, 15), "text")
    assert independent.title.startswith("Ukraine news - live: Putin 'has lost'")
    axios = cleaned(sample, "002_f569dc27f7bb1771.txt")
    assert (axios.published_date, axios.published_date_origin) == (date(2022, 4, 26), "text")
    assert axios.title == "Putin defends Ukraine invasion in meeting with UN chief"


def test_axios_caption_and_link_text_go(sample):
    result = cleaned(sample, "002_f569dc27f7bb1771.txt")
    assert "Photo:" not in result.text and "Getty" not in result.text
    assert "Go deeper" not in result.text
    assert result.text.rstrip().endswith('He also accused Ukrainian forces inside the steel plant of using civilians as "human shields."')


def test_metro_contact_lines_go_and_article_stays(sample):
    result = cleaned(sample, "004_61440020126a1a1e.txt")
    for line in ("Got a story?", "For more stories like this", "Follow Metro.co.uk", "This is a breaking news story"):
        assert line not in result.text
    assert result.text.startswith("UK defence chiefs fly to Moscow to try and prevent war in Ukraine")
    assert result.text.rstrip().endswith("force guarantees on Nato expansion from the West.")


def test_bbc_transcript_cues_and_byline_stub_go(sample):
    result = cleaned(sample, "000_2c221bff82a2ffa3.txt")
    assert "[Music]" not in result.text and "• by" not in result.text
    assert result.title == 'Germany sends tanks to Ukraine as US says Russia "will be defeated"'
    assert "'" in result.text and "’" not in result.text  # quotes normalised


def test_removed_spans_are_kept_for_audit():
    result = clean_document("Headline\nBody sentence one.\nGot a story? Email us.\n")
    assert result.text == "Headline\nBody sentence one."
    assert [(s.kind, s.text) for s in result.removed] == [("newsroom_contact", "Got a story? Email us.")]
    json.dumps([s.__dict__ for s in result.removed])
