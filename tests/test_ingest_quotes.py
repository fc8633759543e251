"""Quotation rules, one short passage per rule."""

from __future__ import annotations

import pytest

from brief.ingest import extract


def quotes(text: str, **kw):
    return extract(text, published="2021-07-25", **kw).quotes


def only(text: str):
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, speaker", [
    ('"We will rebuild the bridge," Jane Porter said.', "Jane Porter"),
    ('"We will rebuild the bridge," said Jane Porter, the city engineer.', "Jane Porter"),
    ('"We will rebuild the bridge," Jane Porter told reporters in Oslo.', "Jane Porter"),
    ('"We will rebuild the bridge," according to Jane Porter.', "Jane Porter"),
    ('Jane Porter told reporters, "We will rebuild the bridge."', "Jane Porter"),
    ('According to Jane Porter, "We will rebuild the bridge."', "Jane Porter"),
    ('"We will rebuild the bridge," U.S. Secretary of Transportation Jane Porter told reporters.', "Jane Porter"),
    ('"We will rebuild the bridge," Mayor Jane Porter said.', "Jane Porter"),
    ('"We will rebuild the bridge," said Dr. Jane Porter, who leads the agency.', "Jane Porter"),
])
def test_attribution_forms(text, speaker):
    quote = only(text)
    assert quote.text.startswith("We will rebuild the bridge")
    assert quote.speaker == speaker
    assert quote.speaker_kind == "person"
    assert not quote.partial


def test_added_after_comma_keeps_the_speaker_of_the_paragraph():
    found = quotes('Jane Porter spoke first. "The bridge is closed," she said. '
                   '"It will open in May," Porter added.')
    assert [q.speaker for q in found] == ["Jane Porter", "Jane Porter"]


def test_he_said_is_the_last_named_person_not_a_name_inside_the_quote():
    text = ('Tom Okoye has studied the river for years.\n\n'
            '"Even if Smith is right, the dam will fail," he said.')
    assert only(text).speaker == "Tom Okoye"


def test_family_name_is_given_as_the_fullest_form_in_the_article():
    text = ('Antony Blinken arrived in Rome.\n\n'
            '"We took deliberate action," Secretary Blinken told reporters.')
    assert only(text).speaker == "Antony Blinken"


def test_unnamed_speaker_is_kept_as_written():
    quote = only('"This is a real test," said a second defense official.')
    assert quote.speaker == "a second defense official"
    assert quote.speaker_kind == "unnamed"


def test_the_official_refers_back_to_the_official_introduced_earlier():
    found = quotes('"Talks will resume," said a senior Iraqi official.\n\n'
                   '"We want attack capability," the official said.')
    assert found[1].speaker == "a senior Iraqi official"


def test_second_quote_in_paragraph_has_the_same_speaker():
    found = quotes('"We are after a stronger capability," the minister said. "We want more."')
    assert [q.speaker for q in found] == ["the minister", "the minister"]
    assert found[1].text == "We want more."


def test_paragraph_of_quotation_after_a_quote_continues_the_speaker():
    found = quotes('"Iraq will not take sides," said Robert Rabil.\n\n'
                   '"He knows he cannot make an enemy out of Iran."')
    assert [q.speaker for q in found] == ["Robert Rabil", "Robert Rabil"]


def test_curly_and_straight_marks_give_the_same_quote():
    straight = only('"Nobody wins here," said Ann Lee.')
    curly = only("“Nobody wins here,” said Ann Lee.")
    assert straight.text == curly.text == "Nobody wins here,"
    assert straight.speaker == curly.speaker == "Ann Lee"


def test_nested_quote_stays_inside_the_outer_one():
    quote = only("“They called it ‘a blatant attack’ and left,” said Ann Lee.")
    assert quote.text == "They called it ‘a blatant attack’ and left,"
    assert quote.speaker == "Ann Lee"


def test_quote_with_no_speaker():
    quote = only('The sign on the door read: "Closed until further notice."')
    assert quote.speaker is None
    assert quote.text == "Closed until further notice."


def test_multi_paragraph_quotation_is_one_quote():
    text = ('"The first part of the statement runs on.\n\n'
            '"And the second part ends it," said Ann Lee.')
    quote = only(text)
    assert quote.text.startswith("The first part")
    assert quote.text.endswith("ends it,")
    assert quote.speaker == "Ann Lee"
    assert not quote.partial


@pytest.mark.parametrize("text, phrase", [
    ('The report called the plan a "creative idea" that could work.', "creative idea"),
    ('Officials said the rebels share a "common enemy" with the army.', "common enemy"),
    ('Bernadette Meehan said their focus now “is to build the capacity of the army.”',
     "is to build the capacity of the army."),
    ("The move caught the ministry ‘by surprise’ last week.", "by surprise"),
])
def test_scare_quotes_and_fragments_are_partial(text, phrase):
    found = [q for q in quotes(text) if q.text == phrase]
    assert found and found[0].partial


def test_offsets_point_into_the_cleaned_body():
    x = extract('top of page\n\nBridge closes\n\n"The bridge is closed," said Ann Lee.\n\nbottom of page',
                published="2021-07-25")
    for quote in x.quotes:
        assert x.article.body[quote.start:quote.end] == quote.text


def test_said_on_is_read_from_the_attribution():
    quote = only('"We must act," James Clapper told an audience in New York on Monday.')
    assert quote.said_on == "2021-07-19"
