"""Name keys: what an analyst types must find what the notebook holds."""

import pytest

from brief import names


@pytest.mark.parametrize(
    "written",
    [
        "Prime Minister Nouri al-Maliki\u2019s",
        "Prime Minister Nouri al-Maliki's",
        "nouri al maliki",
        "NOURI AL-MALIKI",
        "Iraqi Prime Minister Nouri al-Maliki",
        "PM Nouri al-Maliki",
        "Mr. Nouri al\u2010Maliki",
    ],
)
def test_key_folds_case_titles_possessive_and_hyphens(written):
    assert names.key(written) == "nouri al maliki"


def test_key_removes_diacritics_and_maps_apostrophes():
    assert names.key("José Rodríguez") == "jose rodriguez"
    assert names.key("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert names.key("Qa\u2018ida") == names.key("Qa'ida") == names.key("Qa`ida")


@pytest.mark.parametrize(
    "written,expected",
    [
        ("U.S. Secretary of State John Kerry", "john kerry"),
        ("Secretary of State John Kerry", "john kerry"),
        ("Maj. Gen. Qassem Soleimani", "qassem soleimani"),
        ("Lt. Gen. Michael Flynn", "michael flynn"),
        ("Grand Ayatollah Ali al-Sistani", "ali al sistani"),
        ("Vice President Joe Biden", "joe biden"),
        ("former President George W. Bush", "george w bush"),
        ("Sheikh Hassan Nasrallah", "hassan nasrallah"),
        ("Dr. Ayad Allawi", "ayad allawi"),
        ("Sen. John McCain", "john mccain"),
        ("King Abdullah II", "abdullah ii"),
    ],
)
def test_key_removes_leading_titles(written, expected):
    assert names.key(written) == expected


def test_nationality_is_removed_only_before_a_title():
    assert names.key("Iraqi Prime Minister Haider al-Abadi") == "haider al abadi"
    assert names.key("Iraqi Army") == "iraqi army"
    assert names.key("Iranian Revolutionary Guard Corps") == "iranian revolutionary guard corps"


def test_key_keeps_title_words_when_nothing_else_is_left():
    assert names.key("Prime Minister") == "prime minister"
    assert names.key("PM") == "pm"
    assert names.key("Secretary of State") == "secretary of state"
    assert names.key("The President") == "president"


def test_title_word_that_is_part_of_an_organisation_name_is_kept():
    assert names.key("General Motors") == "general motors"
    assert names.key("UN General Assembly") == "un general assembly"


def test_key_is_never_empty_for_a_name_with_letters():
    for written in ["Mr.", "Dr", "the", "Sheikh", "al-", "’s", "King"]:
        assert names.key(written), written


@pytest.mark.parametrize(
    "a,b",
    [
        ("Nouri al-Maliki", "Nuri al Maliki"),
        ("Nouri al-Maliki", "Nuri al-Maliki"),
        ("Nouri al-Maliki", "Nouri Maliki"),
        ("Qassem Soleimani", "Qasem Soleimani"),
        ("Fallujah", "Falluja"),
        ("al-Qaeda", "Al Qaeda"),
        ("Al-Qaida", "al Qaida"),
        ("Abu Bakr al-Baghdadi", "Abubakr al Baghdadi"),
        ("Abdul Aziz al-Hakim", "Abd al-Aziz al-Hakim"),
        ("Abdel-Aziz al-Hakim", "Abdulaziz al-Hakim"),
        ("Osama bin Laden", "Osama Bin-Laden"),
        ("Osama ibn Laden", "Osama bin Laden"),
        ("U.S.", "US"),
        ("Hassan Nasrallah", "Hasan Nasralah"),
        ("Muqtada al-Sadr", "Muqtada as-Sadr"),
        ("Ali al-Sistani", "Ali as-Sistani"),
        ("Hezbollah", "Hezbolah"),
    ],
)
def test_match_key_folds_spellings(a, b):
    assert names.match_key(a) == names.match_key(b)


def test_match_key_keeps_different_names_apart():
    assert names.match_key("Bashar al-Assad") != names.match_key("Hafez al-Assad")
    assert names.match_key("Kataib Hezbollah") != names.match_key("Hezbollah")
    assert names.match_key("Sadr City") != names.match_key("Muqtada al-Sadr")


def test_match_key_is_idempotent():
    for written in ["Nouri al-Maliki", "Qassem Soleimani", "Hizbullah", "Abu Mahdi al-Muhandis",
                    "Fallujah", "Moqtada al-Sadr", "Abdoullah", "U.S.", "Daesh", "Aaaah"]:
        once = names.match_key(written)
        assert names.match_key(once) == once


def test_family_key_for_people():
    assert names.family_key("Nouri al-Maliki") == names.family_key("Maliki") == names.family_key("al-Maliki")
    assert names.family_key("Nuri Kamal al-Maliki", "person") == names.family_key("Prime Minister Maliki")
    assert names.family_key("George W. Bush") == names.family_key("Bush")
    assert names.family_key("Martin Luther King Jr.") == names.family_key("King")


def test_family_key_for_names_written_family_name_first():
    assert names.family_key("Xi Jinping") == names.family_key("Xi")
    assert names.family_key("Kim Jong-un") == names.family_key("Kim")
    assert names.family_key("Lee Harvey Oswald") == names.family_key("Oswald")


def test_family_key_only_for_people():
    assert names.family_key("Islamic State", "group") is None
    assert names.family_key("Sadr City", "place") is None
    assert names.family_key("Exxon", "org") is None
    assert names.family_key("...") is None


def test_acronyms_come_from_initials():
    assert names.acronym_of("Islamic State of Iraq and Syria") == "isis"
    assert names.acronym_of("Popular Mobilization Forces") == "pmf"
    assert "isil" in names.acronyms("Islamic State of Iraq and the Levant")
    assert "aqi" in names.acronyms("al-Qaeda in Iraq")
    assert names.acronym_of("Hezbollah") is None


def test_is_acronym():
    assert names.is_acronym("ISIS")
    assert names.is_acronym("U.S.")
    assert names.is_acronym("PMF")
    assert not names.is_acronym("Maliki")
    assert not names.is_acronym("Islamic State")


def test_similarity():
    assert names.similarity("Nouri al-Maliki", "Nuri al Maliki") == 100
    assert names.similarity("Qassem Soleimani", "Qassim Suleimani") >= 85
    assert names.similarity("Maliki", "Obama") < 50
    assert names.similarity("", "Obama") == 0


def test_descriptor_before_a_name_is_removed():
    assert names.key("Hamas leader Ismail Haniyeh") == "ismail haniyeh"
    assert names.key("Kremlin spokesman Dmitry Peskov") == "dmitry peskov"
    assert names.key("Marine Gen. Frank McKenzie") == "frank mckenzie"
    assert names.key("Office of the President") == "office of the president"
    assert names.key("Chief Executive Officer John Smith") == "chief executive officer john smith"
    assert names.key("Hezbollah chief Nasrallah") == "nasrallah"
    assert names.key("army chief Gen. Asim Munir") == "asim munir"


def test_nationality_and_office_before_a_name_are_removed():
    assert names.key("Venezuelan President Maduro") == "maduro"
    assert names.key("former South African President Jacob Zuma") == "jacob zuma"
    assert names.key("ex-President Zuma") == "zuma"
    assert names.key("Chief Executive John Lee") == "john lee"
    assert names.key("Generalissimo Chiang Kai-shek") == "chiang kai shek"
    assert names.key("African Union") == "african union"
    assert names.key("Venezuelan President") == "venezuelan president"


def test_sun_letter_articles_are_dropped_for_matching():
    assert names.match_key("Ar Ramadi") == names.match_key("Ramadi")
    assert names.match_key("An Najaf") == names.match_key("al-Najaf")
    assert names.match_key("Muqtada as-Sadr") == names.match_key("Muqtada al-Sadr")


def test_cyrillic_is_transliterated_for_matching():
    assert names.match_key("Владимир Путин") == names.match_key("Vladimir Putin")
    assert names.key("Владимир Путин") == "владимир путин"


def test_match_key_does_not_join_ordinary_words():
    assert names.match_key("An Apple") == "an aple"
    assert names.match_key("Abdul") == "abd"


from hypothesis import given, settings, strategies as st  # noqa: E402

_pieces = list("abdeghiklmnoqrstuyzAQSU -.'’`é") + ["al-", "Al ", "abu ", "bin ", "Mr. ", "President ", "ou", "ee", "dh", "ah", "ый"]
_name_text = st.lists(st.sampled_from(_pieces), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(_name_text)
def test_match_key_is_idempotent_for_any_text(text):
    once = names.match_key(text)
    assert names.match_key(once) == once


@settings(max_examples=300, deadline=None)
@given(_name_text)
def test_key_is_never_empty_when_the_name_has_letters(text):
    if any(c.isalpha() for c in text):
        assert names.key(text)


def test_a_word_that_blocks_one_title_only():
    assert names.key("Sen. Edward Kennedy") == "edward kennedy"
    assert names.key("Prince Edward Island") == "prince edward island"
    assert names.key("General Motors") == "general motors"


def test_words_in_brackets_tell_a_name_apart_and_are_never_its_titles():
    assert names.family_key("Ahmed Ali (Dubai)", "person") == "ali"
    assert names.key("unnamed U.S. official (Foreign Policy, 2014-05)") == "unnamed u s official foreign policy 2014 05"
    assert names.key("Nouri al-Maliki (Iraq)") == "nouri al maliki iraq"
