"""Alias resolution: the actors stage's matching on hand-written sentences (no spaCy)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from conflictscope.actors.dictionary import load_dictionary
from conflictscope.actors.resolve import resolve_article
from conflictscope.pipeline.nlp import split_sentences


def resolve(text: str, published: date | None = date(2016, 12, 11)):  # type: ignore[no-untyped-def]
    bounds = split_sentences(text)
    sentences = [(s, e, text[s:e]) for s, e in bounds]
    return resolve_article(load_dictionary(), sentences, published=published)


def names(text: str) -> list[tuple[str, str]]:
    mentions, _ = resolve(text)
    return [(m.span.text, m.actor.name) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "IS fighters stormed the town. It is unclear who is in charge.",
            [("IS fighters", "Islamic State")],
        ),
        ("Daesh claimed the bombing.", [("Daesh", "Islamic State")]),
        ("ISIL militants shelled the outskirts.", [("ISIL militants", "Islamic State")]),
        (
            "The Islamic State group said it held the village.",
            [("Islamic State group", "Islamic State")],
        ),
        (
            "Al-Shabab gunmen raided a hotel in Somalia.",
            [("Al-Shabab gunmen", "Al Shabaab (Somalia)")],
        ),
        (
            "Boko Haram abducted 40 girls in Nigeria.",
            [("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad (Nigeria)")],
        ),
        ("Houthi rebels fired a missile.", [("Houthi rebels", "Houthi Movement")]),
        ("Ansar Allah fighters advanced.", [("Ansar Allah fighters", "Houthi Movement")]),
        ("M23 rebels took Goma.", [("M23 rebels", "M23: March 23 Movement")]),
        (
            "The Kachin Independence Army attacked a post.",
            [("Kachin Independence Army", "Kachin Independence Army")],
        ),
        ("Wagner mercenaries were seen in Mali.", [("Wagner mercenaries", "Wagner Group (Mali)")]),
    ],
)
def test_named_groups_resolve(text: str, expected: list[tuple[str, str]]) -> None:
    found = names(text)
    for surface, name in expected:
        assert any(s == surface and n == name for s, n in found), found


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        (
            "Nigerian soldiers repelled the attack.",
            "Nigerian soldiers",
            "Military Forces of Nigeria (2015-2023)",
        ),
        ("Iraqi police arrested three men.", "Iraqi police", "Police Forces of Iraq (2014-2018)"),
        ("Syria's army shelled the town.", "Syria's army", "Military Forces of Syria (2000-2024)"),
        ("The Syrian army advanced.", "Syrian army", "Military Forces of Syria (2000-2024)"),
        (
            "Syrian pro-government forces regrouped.",
            "Syrian pro-government forces",
            "Military Forces of Syria",
        ),
        (
            "The Russian air force bombed the area.",
            "Russian air force",
            "Military Forces of Russia (2000-)",
        ),
        ("Israeli troops raided Jenin.", "Israeli troops", "Military Forces of Israel"),
        (
            "FARDC soldiers clashed with rebels in DR Congo.",
            "FARDC soldiers",
            "Military Forces of the Democratic Republic of Congo",
        ),
        ("Kenyan police fired tear gas.", "Kenyan police", "Police Forces of Kenya"),
        # a state's agents are its forces ("executed by Saudi agents" was an unidentified armed group)
        ("The editor was killed by Saudi agents.", "Saudi agents", "Military Forces of Saudi Arabia"),
        ("Iranian intelligence agents seized him.", "Iranian intelligence agents", "Military Forces of Iran"),
    ],
)
def test_state_forces_from_demonyms(text: str, surface: str, name: str) -> None:
    found = names(text)
    assert any(s == surface and n.startswith(name) for s, n in found), found


def test_generic_state_words_take_the_report_country() -> None:
    text = "Troops entered the town in northern Mali. Government forces said the army held it."
    mentions, context = resolve(text)
    assert context.country == "ML"
    states = [m for m in mentions if m.actor.kind == "military"]
    assert [m.span.text for m in states] == ["Troops", "Government forces", "the army"]
    assert all(m.actor.country == "Mali" and m.generic for m in states)


def test_generic_state_words_without_a_country_stay_unknown() -> None:
    mentions, context = resolve("Troops entered the town after heavy fighting.")
    assert context.country is None
    assert [m.actor.name for m in mentions] == ["Military Forces"]
    assert mentions[0].actor.country is None


def test_generic_mentions_resolve_to_the_main_armed_group() -> None:
    text = (
        "Islamic State fighters attacked a checkpoint in Iraq. The jihadist group said its "
        "militants killed five soldiers. ISIS later withdrew. Hezbollah was not involved."
    )
    mentions, context = resolve(text)
    assert context.main_actor is not None and context.main_actor.name == "Islamic State (Iraq)"
    generic = {m.span.text: m for m in mentions if m.generic}
    assert generic["The jihadist group"].actor.name == "Islamic State (Iraq)"
    assert generic["militants"].actor.name == "Islamic State (Iraq)"


def test_militants_without_a_named_group_are_unidentified() -> None:
    mentions, _ = resolve("Militants attacked a village in Burkina Faso.")
    assert mentions[0].actor.name == "Unidentified Armed Group (Burkina Faso)"
    assert mentions[0].generic


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Gunmen killed two villagers in Nigeria.", "villagers", "Civilians (Nigeria)"),
        ("Gunmen killed two villagers in Nigeria.", "Gunmen", "Unidentified Armed Group (Nigeria)"),
        ("Police dispersed protesters in Kenya.", "protesters", "Protesters (Kenya)"),
        ("A mob burned the station in Kenya.", "mob", "Rioters (Kenya)"),
        (
            "Sudanese civilians fled to Chad. Chad closed its border.",
            "Sudanese civilians",
            "Civilians (Sudan)",
        ),
    ],
)
def test_generic_actors(text: str, surface: str, name: str) -> None:
    found = names(text)
    assert (surface, name) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "It is what it is, and this is it.",
        "The Syrian Observatory for Human Rights said the toll rose.",
        "Smoke rose from a military warehouse near the port.",
        "The British-based group is funded by donors.",
        "",
        "\u200b\u202e\ufeff ¿¡ 💥💥 ",
        "Die Soldaten sind in der Stadt.",
    ],
)
def test_no_false_actors(text: str) -> None:
    assert names(text) == []


def test_backing_pairs() -> None:
    text = "Russian-backed Syrian government forces closed in on Aleppo."
    mentions, context = resolve(text)
    assert [m.actor.name for m in mentions][:2] == [
        "Military Forces of Russia (2000-)",
        "Military Forces of Syria (2000-2024)",
    ]
    assert [(a.text, b.text) for a, b in context.backing] == [
        ("Russian", "Syrian government forces")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "SNA fighters shelled a village near Afrin in Syria, the Syrian monitor said.",
            "Syrian National Army",
        ),
        (
            "SNA troops retook a town from al-Shabaab in Somalia, Somali officials said.",
            "Military Forces of Somalia",
        ),
    ],
)
def test_ambiguous_aliases_follow_the_country_context(text: str, name: str) -> None:
    mentions, _ = resolve(text)
    assert mentions[0].actor.name.startswith(name)


def test_matching_is_cheap() -> None:
    sentence = (
        "Islamic State group fighters and Syrian government forces fought fiercely near "
        "Homs, killing 12 civilians, while Russian warplanes struck rebel positions."
    )
    text = " ".join([sentence] * 50)
    resolve(text)
    began = time.perf_counter()
    for _ in range(5):
        resolve(text)
    per_sentence = (time.perf_counter() - began) / (5 * 50)
    assert per_sentence < 0.001


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Catholic news agency CNA said the students were taken in Nigeria.", "Chin National Army"),
        (
            "The CPC has tightened its grip on Chinese universities.",
            "Coalition of Patriots for Change",
        ),
        ("IS THIS THE END OF THE WAR IN SYRIA, ASKS THE COLUMNIST", "Islamic State"),
        # a two-letter acronym of a group active in many countries is a common abbreviation too
        ("The union said the dispute over the reorganisation of IS was resolved in London.", "Islamic State"),
    ],
)
def test_unsupported_short_acronyms_are_dropped(text: str, absent: str) -> None:
    assert all(not n.startswith(absent) for _, n in names(text))


def test_supported_short_acronym_is_kept() -> None:
    found = names("KIA fighters attacked a junta outpost in Kachin state, Myanmar.")
    assert ("KIA fighters", "Kachin Independence Army") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a force noun after the acronym makes it a group's name, with no country named
        ("The Taliban and NRF fighters clashed in Panjshir province.", "National Resistance Front of Afghanistan"),
        ("IS fighters attacked a checkpoint near the town on Monday.", "Islamic State"),
        # a three-letter acronym of a group active in many countries needs no support
        ("The ADF took control of a village in Beni territory.", "Allied Democratic Forces"),
    ],
)
def test_acronym_named_as_a_force_is_kept(text: str, name: str) -> None:
    assert any(n.startswith(name) for _, n in names(text))


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        (
            "Students were abducted in Niger State, Nigeria, the Niger state police said.",
            "police",
            "Police Forces of Nigeria",
        ),
        (
            "Gunmen in military camouflage attacked the camp in Nigeria.",
            "Gunmen",
            "Unidentified Armed Group (Nigeria)",
        ),
    ],
)
def test_country_words_that_name_something_else(text: str, surface: str, name: str) -> None:
    found = names(text)
    assert any(s == surface and n.startswith(name) for s, n in found), found
    assert not any("Niger (" in n or n.endswith("of Niger") for _, n in found)
    assert not any(s.startswith("military") for s, _ in found)


def test_police_spokesman_is_not_an_actor() -> None:
    assert names("A police spokesman in Kenya said the road was closed.") == []
