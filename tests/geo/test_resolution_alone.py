"""Names of conflict towns and regions resolved alone, with no context, on the real
gazetteer (slow)."""

from __future__ import annotations

import pytest

from conflictscope.gazetteer.index import Gazetteer

#: Towns of armed conflict, each alone (no context), and the country it must resolve to.
_CONFLICT_TOWNS = """
Kobani SY|Raqqa SY|Idlib SY|Deir ez-Zor SY|Douma SY|Daraa SY|Manbij SY|Afrin SY|Qamishli SY|Hasakah SY
Mosul IQ|Fallujah IQ|Ramadi IQ|Tikrit IQ|Kirkuk IQ|Sinjar IQ|Tal Afar IQ|Qaraqosh IQ|Samarra IQ|Baiji IQ
Kandahar AF|Helmand AF|Kunduz AF|Jalalabad AF|Lashkar Gah AF|Mazar-i-Sharif AF|Peshawar PK|Quetta PK
Maiduguri NG|Chibok NG|Dapchi NG|Damaturu NG|Gao ML|Timbuktu ML|Kidal ML|Mopti ML|Djibo BF|Diffa NE
Mogadishu SO|Kismayo SO|Baidoa SO|Beledweyne SO|Goma CD|Beni CD|Bunia CD|Bentiu SS|Malakal SS
El Fasher SD|Nyala SD|Geneina SD|Mekelle ET|Sanaa YE|Aden YE|Hodeidah YE|Marib YE|Taiz YE
Benghazi LY|Misrata LY|Sirte LY|Derna LY|Donetsk UA|Luhansk UA|Mariupol UA|Bakhmut UA|Sloviansk UA
Kramatorsk UA|Avdiivka UA|Kherson UA|Zaporizhzhia UA|Rafah PS|Khan Younis PS|Jenin PS|Nablus PS
Marawi PH|Maungdaw MM|Sittwe MM|Myitkyina MM|Lashio MM|Srinagar IN|Imphal IN|Tskhinvali GE|Sukhumi GE
Bamenda CM|Buea CM|Maroua CM|Bambari CF|Culiacan MX|Ciudad Juarez MX|Port-au-Prince HT
"""


@pytest.mark.slow
@pytest.mark.parametrize(("name", "cc"), [
    tuple(item.strip().rsplit(" ", 1)) for item in _CONFLICT_TOWNS.replace("\n", "|").split("|") if item.strip()])
def test_conflict_towns_resolve_alone_to_their_country(real_gazetteer: Gazetteer, name: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (resolution,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert resolution is not None and resolution.match.entry.cc == cc


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "cc", "feature"),
    [("Chechnya", "RU", "admin1"), ("Dagestan", "RU", "admin1"), ("Ingushetia", "RU", "admin1"),
     ("Korea", "KR", "country"), ("Bosnia", "BA", "country")],
)
def test_conflict_regions_resolve_alone(real_gazetteer: Gazetteer, name: str, cc: str, feature: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (resolution,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert resolution is not None
    assert (resolution.match.entry.cc, resolution.match.entry.feature) == (cc, feature)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "cc"),
    [("Kordofan", "SD"), ("Maguindanao", "PH"), ("Kurdistan Region", "IQ"), ("Iraqi Kurdistan", "IQ"),
     ("Burkina", "BF"), ("Korean Peninsula", "")],
)
def test_conflict_areas_resolve_surely(real_gazetteer: Gazetteer, name: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (resolution,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert resolution is not None and resolution.match.entry.cc == cc and resolution.confidence > 0.9


@pytest.mark.slow
@pytest.mark.parametrize(("name", "cc"), [("Cancún", "MX"), ("Jayapura", "ID"), ("Jenin", "PS"), ("Odessa", "UA")])
def test_big_towns_resolve_alone_to_themselves(real_gazetteer: Gazetteer, name: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (resolution,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert resolution is not None and resolution.match.entry.cc == cc


@pytest.mark.slow
@pytest.mark.parametrize(("name", "cc"), [("Edo", "NG"), ("Goa", "IN")])
def test_regions_resolve_alone_to_themselves(real_gazetteer: Gazetteer, name: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (resolution,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert resolution is not None and resolution.match.entry.cc == cc


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "feature", "cc"),
    [("Wyoming", "admin1", "US"), ("Bali", "admin1", "ID"), ("Aleppo", "city", "SY"), ("Kano", "city", "NG"),
     ("Punjab", "admin1", "PK"), ("Homs", "city", "SY")],
)
def test_a_region_or_its_seat_resolves_alone(real_gazetteer: Gazetteer, name: str, feature: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (found,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert found is not None and (found.match.entry.feature, found.match.entry.cc) == (feature, cc)
