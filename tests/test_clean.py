"""Cleaning: boilerplate and transcript noise go, the report stays, dates are found with their origin."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsevents.clean import clean_document, raw_offset
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
    assert result.text == "Headline\n\nBody sentence one."
    assert [(s.kind, s.text) for s in result.removed] == [("newsroom_contact", "Got a story? Email us.")]
    json.dumps([s.__dict__ for s in result.removed])


def test_speaker_turns_point_at_what_each_speaker_said(sample):
    result = cleaned(sample, "003_46898ae6534dde6d.txt")
    turns = [(t.speaker, result.text[t.start_char:t.end_char]) for t in result.speaker_turns]
    assert turns[0][0] == "KELLY" and turns[0][1].startswith("This is interesting, this visit")
    assert ("ANTONIO GUTERRES", "My objective and my agenda is strictly linked to save lives and to reduce suffering.") in turns
    assert turns[-1] == ("MAYNES", "Thank you.")
    maynes = [text for speaker, text in turns if speaker == "MAYNES"]
    assert any("But, you know, Guterres also got into a remarkable back and forth" in text for text in maynes)


def test_labels_outside_transcripts_are_text():
    result = clean_document("NATO: Russia is massing troops on the border\nOfficials said the build-up continued.")
    assert result.text.startswith("NATO: Russia is massing troops")
    assert result.speakers == ()


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("date 2023-02-15 Ukraine news - live", date(2023, 2, 15)),
        ("Apr 26, 2022 - World", date(2022, 4, 26)),
        ("September 5, 2023 - Europe", date(2023, 9, 5)),
        ("Published 26 April 2022", date(2022, 4, 26)),
        ("Tuesday 26 April 2022 10:15 BST", date(2022, 4, 26)),
        ("© 2024 Connecticut Public", None),
    ],
)
def test_dates_at_the_top_of_the_text(first_line, expected):
    result = clean_document(f"{first_line}\nHeadline about the war\nBody of the report.")
    assert result.published_date == expected
    assert result.published_date_origin == ("text" if expected else "none")


def test_metadata_dates_keep_their_origin():
    result = clean_document("Headline\nBody.", {"published_date": "2022-04-26T10:00:00Z"}, "html")
    assert (result.published_date, result.published_date_origin) == (date(2022, 4, 26), "html")


def test_sentences_and_offset_map(sample):
    doc = sample["002_f569dc27f7bb1771.txt"]
    result = clean_document(doc.raw_text, {}, doc.date_origin)
    sentences = [result.text[a:b] for a, b in result.sentence_spans()]
    assert sentences[0] == "Putin defends Ukraine invasion in meeting with UN chief"
    assert "Guterres, who will visit Kyiv later this week, said his \"main task\" was to improve the humanitarian situation." in sentences
    start = result.text.index("Guterres, who will visit Kyiv")
    raw = raw_offset(result.offset_map, start)
    assert doc.raw_text[raw:raw + 29] == "Guterres, who will visit Kyiv"


def test_news_sentences_that_look_like_furniture_are_kept():
    body = [
        "The militia is funded in large part by Iran, officials said.",
        "Follow the money, investigators said, and you find the suppliers.",
        "Share prices fell in Moscow after the announcement.",
        "Photographers were barred from the talks in Minsk.",
        "Subscribers to the state channel saw the speech live.",
    ]
    furniture = ["Share this article", "Photo: Sergei Supinsky/AFP", "Read more: Kyiv braces for winter",
                 "Sign up for our daily Ukraine briefing newsletter", "Copyright 2023 Example News. All rights reserved."]
    result = clean_document("\n".join(["Headline"] + body + furniture))
    assert result.text.split("\n\n") == ["Headline", *body]
    assert [span.text for span in result.removed] == furniture
