"""Constrained agglomeration: one report's events never share a cluster, in any order, incrementally."""

from __future__ import annotations

from dataclasses import replace
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictscope.merge import Mention, add, cluster
from conflictscope.merge.constrained import Link, components, constrained_clusters

from .test_merge import make_mention


def test_a_chain_through_other_reports_does_not_join_one_reports_events() -> None:
    # report A: takeover tA, an earlier clash cA, a background bA; B and C tell the takeover and
    # share words with A's other events, so single link would chain all five together
    article_of = {"tA": "A", "cA": "A", "bA": "A", "tB": "B", "tC": "C"}
    links = [Link.of("tA", "tB", 0.9), Link.of("tB", "tC", 0.85), Link.of("tA", "tC", 0.8),
             Link.of("tB", "cA", 0.6), Link.of("tC", "bA", 0.55), Link.of("cA", "bA", 0.0)]
    got = constrained_clusters(article_of, links)
    assert got == {"tA": "tA", "tB": "tA", "tC": "tA", "cA": "cA", "bA": "bA"}
    assert components(article_of, [(k.a, k.b) for k in links]) == [["bA", "cA", "tA", "tB", "tC"]]


def test_the_stronger_link_wins_whatever_order_the_links_come_in() -> None:
    # x of report R links to a (0.7) and to b (0.9); a and b are one report's two events
    article_of = {"a": "S", "b": "S", "x": "R"}
    links = [Link.of("x", "a", 0.7), Link.of("x", "b", 0.9)]
    assert constrained_clusters(article_of, links) == {"a": "a", "b": "b", "x": "b"}
    assert constrained_clusters(article_of, list(reversed(links))) == {"a": "a", "b": "b", "x": "b"}


def test_analyst_merge_and_split() -> None:
    article_of = {"a": "A", "b": "B", "c": "C", "d": "A"}
    links = [Link.of("a", "b", 0.9), Link.of("b", "c", 0.8)]
    assert set(constrained_clusters(article_of, links).values()) == {"a", "d"}
    split = constrained_clusters(article_of, links, cannot=[("c", "a"), ("c", "b")])
    assert split == {"a": "a", "b": "a", "c": "c", "d": "d"}
    merged = constrained_clusters(article_of, links, must=[("d", "a")])  # the analyst overrides
    assert set(merged.values()) == {"a"}
    # a split the analyst made wins over a merge that would break it
    both = constrained_clusters(article_of, links, must=[("a", "c")], cannot=[("c", "a")])
    assert both["c"] != both["a"]


def test_a_new_report_can_split_a_cluster() -> None:
    # {a1, b2} joined at 0.6; article 3 tells both events and binds each more strongly
    article_of = {"a1": "1", "b2": "2", "c3": "3", "d3": "3"}
    before = constrained_clusters({"a1": "1", "b2": "2"}, [Link.of("a1", "b2", 0.6)])
    assert before == {"a1": "a1", "b2": "a1"}
    after = constrained_clusters(article_of, [Link.of("a1", "b2", 0.6), Link.of("c3", "a1", 0.9),
                                              Link.of("d3", "b2", 0.95)])
    assert after == {"a1": "a1", "c3": "a1", "b2": "b2", "d3": "b2"}


ARTICLES = st.dictionaries(st.sampled_from([f"m{i:02d}" for i in range(16)]),
                           st.sampled_from("ABCDE"), min_size=1)


@st.composite
def graphs(draw: st.DrawFn) -> tuple[dict[str, str], list[Link]]:
    article_of = draw(ARTICLES)
    ids = sorted(article_of)
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=30))
    scores = st.sampled_from([0.5, 0.6, 0.7, 0.8, 0.9])
    links = {tuple(sorted(p)): draw(scores) for p in pairs if p[0] != p[1]}
    return article_of, [Link(a, b, s) for (a, b), s in links.items()]


def _by_cluster(article_of: dict[str, str], got: dict[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for m, name in got.items():
        groups.setdefault(name, []).append(m)
    return groups


@settings(max_examples=200, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_constrained_clusters_are_order_independent_and_respect_cannot_link(
    graph: tuple[dict[str, str], list[Link]], rng: Random
) -> None:
    article_of, links = graph
    got = constrained_clusters(article_of, links)
    shuffled = list(links)
    rng.shuffle(shuffled)
    keys = list(article_of)
    rng.shuffle(keys)
    assert constrained_clusters({k: article_of[k] for k in keys}, shuffled) == got
    for name, members in _by_cluster(article_of, got).items():
        assert name == min(members)
        assert len({article_of[m] for m in members}) == len(members)  # one article, one mention
    # clustering each component alone gives the same: the reason incremental works
    by_parts: dict[str, str] = {}
    for part in components(article_of, [(k.a, k.b) for k in links]):
        by_parts.update(constrained_clusters({m: article_of[m] for m in part}, links))
    assert by_parts == got


def _mentions(numbers: list[tuple[int, int, int, int]]) -> list[Mention]:
    """Mentions whose articles hold up to three events each (article = number // 3)."""
    out = []
    for number, town, day, text in numbers:
        made = make_mention(number, town=town, day=day, text=text)
        out.append(replace(made, article_id=f"a{number // 3:03d}", publisher=f"outlet{number // 3}"))
    return out


MANY = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 1), st.integers(0, 3), st.integers(0, 2)),
                max_size=16, unique_by=lambda t: t[0]).map(_mentions)


@settings(max_examples=80, deadline=None)
@given(MANY, st.randoms(use_true_random=False), st.integers(0, 16))
def test_clustering_keeps_one_reports_events_apart_in_any_order_and_incrementally(
    mentions: list[Mention], rng: Random, cut: int
) -> None:
    batch = cluster(mentions)
    for members in batch.clusters():
        assert len({m.article_id for m in members}) == len(members)
    shuffled = list(mentions)
    rng.shuffle(shuffled)
    one_by_one = cluster([])
    for mention in shuffled:
        one_by_one = add(one_by_one, [mention])
    assert one_by_one.cluster_of == batch.cluster_of
    assert add(cluster(shuffled[cut:]), shuffled[:cut]).cluster_of == batch.cluster_of
    assert dict(one_by_one.component_of) == dict(batch.component_of)
