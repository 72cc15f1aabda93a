from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism import from_text
from newsprism import prepare_article as prepare
from newsprism.grouping import GroupOptions, group

from .conftest import INDEPENDENT, REWRITE, WIRE

OTHER = """Port workers vote to strike over pay at Korsholm docks
NORDPRESS | March 4, 2025
Dock workers at the port of Korsholm voted to walk out for three days next week in a dispute over pay, their union said.
The union said 87 per cent of members backed the action on a turnout of 71 per cent.
Port managers said they would keep ferry services running with agency staff.
"""

LOOKALIKE = """Aurora Dawn ferry back in service after repairs
NORDPRESS | March 28, 2025
The ferry Aurora Dawn returned to service on Friday after repairs to its engine room, the operator Baltic Link said.
Coastguard spokeswoman Lena Virtanen said inspectors had cleared the vessel to sail.
The first crossing carried 180 passengers to Korsholm.
"""

UNRELATED = """Library opens late on Thursdays
The city library will stay open until nine on Thursday evenings from April, the council said.
Staff said demand for evening study space had grown since the new college opened nearby.
"""


def _arts(*pairs: tuple[str, str]):
    return [prepare(from_text(text, id=name)) for name, text in pairs]


def _partition(grouping) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in grouping.stories}


ALL = (
    ("wire", WIRE),
    ("rewrite", REWRITE),
    ("independent", INDEPENDENT),
    ("other", OTHER),
    ("lookalike", LOOKALIKE),
    ("unrelated", UNRELATED),
)


def test_stories_lookalikes_and_origins() -> None:
    g = group(_arts(*ALL))
    assert _partition(g) == {
        frozenset({"wire", "rewrite", "independent"}),
        frozenset({"other"}),
        frozenset({"lookalike"}),
        frozenset({"unrelated"}),
    }
    ferry = next(s for s in g.stories if "wire" in s.articles)
    origins = dict(zip(ferry.articles, ferry.origins, strict=True))
    assert origins["rewrite"] == origins["wire"]  # a light rewrite of the wire story: one origin
    assert origins["independent"] == "independent"
    assert ferry.n_origins == 2


def test_every_article_once_and_order_free() -> None:
    arts = _arts(*ALL)
    base = _partition(group(arts))
    rnd = random.Random(7)
    for _ in range(3):
        rnd.shuffle(arts)
        assert _partition(group(arts)) == base
    assert sorted(a for s in group(arts).stories for a in s.articles) == sorted(n for n, _ in ALL)


def test_incremental_batches_keep_ids_and_match_one_run() -> None:
    arts = _arts(*ALL)
    once = group(arts)
    previous: dict[str, str] = {}
    seen = []
    for batch in (arts[:2], arts[2:4], arts[4:]):
        seen += batch
        g = group(seen, previous=previous)
        for article, story in previous.items():  # an existing story keeps its id as it grows
            assert g.story_of()[article] == story
        previous = g.story_of()
    assert _partition(g) == _partition(once)


def test_without_dates_the_window_does_not_apply() -> None:
    a = _arts(("a", "Head\n" + WIRE.split("\n", 1)[1].replace("NORDPRESS | March 3, 2025\n", "")))
    assert a[0].published is None
    assert group(a).stats["articles"] == 1


def test_group_cli_json(tmp_path: Path) -> None:
    for name, text in ALL:
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "broken.txt").write_text("")
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "group", str(tmp_path), "--format", "json"], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["schema"] == "newsprism.stories/1"
    assert sorted(a for s in data["stories"] for a in s["articles"]) == sorted(n for n, _ in ALL)
    assert f"skipped {tmp_path}/broken.txt: is empty" in res.stderr


def test_shared_counts_small_and_large_stories_agree() -> None:
    """Containment counts (origins, step 4) come from pairwise merges in a small story and
    from one sparse product in a large one; both equal plain set intersections."""
    import numpy as np

    from newsprism.grouping import _shared_counts

    rng = random.Random(7)
    for k in (2, 5, 11, 12, 30):
        sets = [set(rng.sample(range(400), rng.randint(0, 120))) for _ in range(k)]
        arrays = [np.array(sorted(s), dtype=np.uint32) for s in sets]
        want = np.array([[len(a & b) for b in sets] for a in sets])
        assert (_shared_counts(arrays) == want).all(), k


def test_near_duplicates_by_minhash_bands() -> None:
    from newsprism.grouping import near_duplicates

    arts = _arts(("wire", WIRE), ("copy", WIRE.replace("Thursday", "Friday")), ("other", OTHER))
    assert near_duplicates(arts, threshold=0.5) == {(0, 1)}
    assert near_duplicates([]) == set()


def test_blocking_finds_the_pairs_that_matter() -> None:
    """Large piles propose candidate pairs by blocking; forced on a small pile, it gives the
    stories that scoring every pair gives."""
    from newsprism.grouping import GroupOptions

    arts = _arts(*ALL)
    every_pair = group(arts)
    blocked = group(arts, options=GroupOptions(block_above=0))
    assert _partition(blocked) == _partition(every_pair)
    assert 0 < blocked.stats["candidate_pairs"] < every_pair.stats["candidate_pairs"]


BUDGET = """Council {verb} Harwick budget after long standoff
The Harwick city council {verb} the annual budget on {day}, {detail}.
Mayor Ilse Brandt said the budget kept the libraries and the night buses running.
The opposition said the council had spent months arguing over the harbour levy.
"""


def test_weekdays_named_in_undated_leads() -> None:
    """Two undated reports of one developing story (the same council, budget and mayor) that
    name different weekdays for their events stand apart; the same weekday, or a date of
    publication on either, leaves the decision to the similarity and the date window."""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions, _weekdays

    first = BUDGET.format(verb="rejects", day="Monday", detail="sending it back to committee")
    later = BUDGET.format(verb="approves", day="Thursday", detail="ending the dispute")
    same_day = BUDGET.format(verb="approves", day="Monday", detail="ending the dispute")
    strict = GroupOptions(weekday_penalty=1.0)
    assert len(group(_arts(("a", first), ("b", later)), options=GroupOptions(weekday_penalty=0)).stories) == 1
    assert len(group(_arts(("a", first), ("b", later)), options=strict).stories) == 2
    assert len(group(_arts(("a", first), ("b", same_day)), options=strict).stories) == 1
    dated = [replace(a, published="2025-03-03") for a in _arts(("a", first), ("b", later))]
    assert len(group(dated, options=strict).stories) == 1

    bags = [(("@monday", 1),), (("@monday", 1), ("@tuesday", 1)), (("harwick", 2),), (("@friday", 1),)]
    week = _weekdays(bags, [None, None, None, 738000], spread=0.5)
    assert abs(week[0] @ week[0] - 1.0) < 1e-9 and week[2].sum() == 0 and week[3].sum() == 0  # dated: not read
    assert 0.6 < week[0] @ week[1] < 1.0  # a neighbouring day is half evidence


STANDOFF = (
    (
        "a1",
        """Harwick council throws out budget in harbour levy row
Councillors in Harwick threw out Mayor Ilse Brandt's budget by 21 votes to 17, sending it back to committee over the harbour levy.
Opponents said the levy would drive fishing firms out of the old port.
""",
    ),
    (
        "a2",
        """Harwick budget thrown out by 21 votes to 17
Mayor Ilse Brandt's budget was thrown out by Harwick councillors, 21 votes to 17, and sent back to committee in a row over the harbour levy.
Fishing firms had warned the levy would drive them out of the old port.
""",
    ),
    (
        "b1",
        """Harwick passes budget after mayor halves harbour levy
Harwick council passed the city budget by 30 votes to 8 after Mayor Ilse Brandt agreed to halve the harbour levy, ending a seven-week standoff.
Libraries and night buses are now funded until next spring.
""",
    ),
    (
        "b2",
        """Seven-week Harwick standoff ends as levy is halved
Mayor Ilse Brandt halved the harbour levy and Harwick council passed her budget by 30 votes to 8, ending a standoff of seven weeks.
The deal funds libraries and night buses until next spring.
""",
    ),
)


def test_two_undated_stories_need_more_to_merge() -> None:
    """Two events of one developing story (a budget thrown out, then passed weeks later), two
    undated reports each: each event's reports join first, and the two stories merge only
    above ``threshold + story_merge``. A single report joining a story, and stories with
    dates of publication, are not held to the higher bar. (In a pile of four the word weights
    are nearly equal, so the events look alike: the test sets a large ``story_merge`` to show
    the mechanism; the default 0.05 was chosen on large sets.)"""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions

    arts = _arts(*((name, text.split("\n", 1)[1]) for name, text in STANDOFF))
    arts = [replace(a, title=text.split("\n", 1)[0]) for a, (_, text) in zip(arts, STANDOFF, strict=True)]
    strict = GroupOptions(story_merge=0.3, body_floor=0)  # the whole-text floor (v5) off
    assert _partition(group(arts, options=GroupOptions(story_merge=0, body_floor=0))) == {
        frozenset({"a1", "a2", "b1", "b2"})
    }
    assert _partition(group(arts, options=strict)) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert _partition(group(arts[:3], options=strict)) == {frozenset({"a1", "a2", "b1"})}  # one report joins
    dated = [replace(a, published="2025-03-03") for a in arts]
    assert len(group(dated, options=strict).stories) == 1  # dates: the window decides


QUAY_LEAD = """{title}
Mayor Ilse Brandt and Harwick council {verb} over the harbour levy on the old quay, the council said.
"""

QUAY_VOTE = """The vote went 21 to 17 against the plan after a night of amendments.
Opposition leader Tomas Reuter called the levy a tax on trawlermen and demanded a fresh costing.
The finance committee must now redraft the plan within a fortnight, and its chair resigned.
Ferry operators warned that berthing charges could double before the summer timetable.
Dockers marched from the fish market to the town hall carrying placards and flares.
Police closed the bridge for an hour while protesters blocked traffic near the cathedral.
A regional judge will hear a complaint about procedure brought by two shipping companies.
Shopkeepers along the promenade pulled down their shutters early as the crowd grew.
"""

QUAY_DEAL = """Under the agreement the levy is halved and a repair fund for the slipway is created.
Libraries, night buses and the lifeboat station keep their grants until next spring.
Auditors will publish the yearly accounts in autumn, and trawler owners welcomed the compromise.
Schools receive a new roof programme financed from the tourist tax.
Bond investors lifted the city's credit outlook a notch within hours.
Pensioners gain free tram passes, and the zoo extension is postponed by a year.
Payroll staff expect overtime payments for wardens to resume in January.
Cyclists get a painted lane along the ring road, costed at four hundred thousand crowns.
"""


def _quay(name: str, title: str, verb: str, body: str):
    return prepare(from_text(QUAY_LEAD.format(title=title, verb=verb) + body, id=name))


def test_two_undated_stories_need_alike_whole_texts() -> None:
    """group-hybrid.v5: two undated stories of two reports each, whose headlines and leads
    name the same people and topic, merge only when their whole texts are alike too. Two
    successive events (a vote, then the deal) whose bodies differ stay two stories; two pairs
    of reports of one event, bodies alike, join. (``story_merge`` is 0 to isolate the
    whole-text floor.)"""
    from newsprism.grouping import GroupOptions

    vote = [_quay(f"v{k}", f"Harwick council clash on harbour levy {k}", "clash", QUAY_VOTE) for k in (1, 2)]
    deal = [_quay(f"d{k}", f"Harwick council deal on harbour levy {k}", "agree", QUAY_DEAL) for k in (1, 2)]
    loose = GroupOptions(story_merge=0, threshold=0.3, body_floor=0)
    floor = GroupOptions(story_merge=0, threshold=0.3)
    assert len(group(vote + deal, options=loose).stories) == 1  # the leads alone: one story
    assert _partition(group(vote + deal, options=floor)) == {frozenset({"v1", "v2"}), frozenset({"d1", "d2"})}
    # one event, four reports, bodies alike: the floor lets the two pairs join
    same = [*vote, *(_quay(f"w{k}", f"Harwick council row on harbour levy {k}", "clash", QUAY_VOTE) for k in (1, 2))]
    assert len(group(same, options=floor).stories) == 1
    # dates of publication: the date window decides, the whole texts are not read
    from dataclasses import replace

    dated = [replace(a, published="2025-03-03") for a in vote + deal]
    assert len(group(dated, options=floor).stories) == 1


def _blockwise(feats, opts):
    """The pile grouped as the Spark job groups it, without Spark: pile statistics, candidate
    pairs from each article's blocking keys and MinHash bands, the pairs clustering takes,
    their connected components clustered apart, the groups named together."""
    from collections import Counter, defaultdict
    from itertools import combinations

    from newsprism._unionfind import UnionFind
    from newsprism.grouping import (
        band_keys,
        block_cap,
        blocking_keys,
        blocking_terms,
        cluster_block,
        kept_pairs,
        name_stories,
        near_duplicate,
        pile_stats,
    )

    stats = pile_stats(feats)
    kept = blocking_terms(feats, stats, opts)
    cap = block_cap(len(feats), opts)
    held = Counter(t for terms in kept for t in terms)
    common = {t for t, c in held.items() if c > cap}
    keys = defaultdict(list)
    for f, terms in zip(feats, kept, strict=True):
        for key, w in blocking_keys(terms, f.published, common):
            keys[key].append((f.id, w))
    weight: Counter = Counter()
    for members in keys.values():
        if 1 < len(members) <= cap:
            for (a, w), (b, _) in combinations(sorted(members), 2):
                weight[(a, b)] += w
    pairs = {p for p, w in weight.items() if w >= 2 * opts.min_shared}
    bands = defaultdict(list)
    for f, row in zip(feats, band_keys(feats), strict=True):
        for b, key in enumerate(row):
            bands[(b, key)].append(f)
    for members in bands.values():
        for a, b in combinations(sorted(members, key=lambda f: f.id), 2):
            if near_duplicate(a.minhash, b.minhash, opts.near_duplicate):
                pairs.add((a.id, b.id))
    taken = kept_pairs(feats, pairs, stats, opts)
    ids = sorted(f.id for f in feats)
    at = {a: k for k, a in enumerate(ids)}
    sets = UnionFind(len(ids))
    for a, b in taken:
        sets.union(at[a], at[b])
    by_id = {f.id: f for f in feats}
    groups = []
    for members in sets.members.values():
        block = {ids[k] for k in members}
        if len(block) == 1:
            groups.append(((ids[members[0]],), (ids[members[0]],)))
            continue
        links = [(a, b) for a, b in taken if a in block]
        found, _ = cluster_block([by_id[a] for a in block], links, stats, opts)
        groups += found
    return name_stories(groups, {}), len(pairs)


def test_block_by_block_is_the_whole_pile() -> None:
    """Clustering each connected component of the pairs clustering takes, with the whole
    pile's statistics, gives the stories of clustering the pile at once (the Spark job's
    grouping): here on the dev gold set, blocking on (``block_above`` 10) and off."""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions, cluster
    from newsprism.pipeline import PrepareOptions, prepare_many
    from newsprism.sources import iter_records

    from .conftest import REPO

    prepared = prepare_many(iter_records([REPO / "tests/gold/dev/articles"]), PrepareOptions(quotes=False))
    feats = [p.features for p in prepared if not isinstance(p, Exception)]
    assert len(feats) > 50
    for opts in (replace(GroupOptions(), block_above=10), replace(GroupOptions(), block_above=10, threshold=0.25)):
        whole = cluster(feats, options=opts)
        stories, candidates = _blockwise(feats, opts)
        assert [(s.id, s.articles, s.origins) for s in stories] == [
            (s.id, s.articles, s.origins) for s in whole.stories
        ]
        assert candidates == whole.stats["candidate_pairs"]
        assert any(len(s.articles) > 2 for s in stories) and len(stories) < len(feats)


def _event_model_file(tmp_path: Path, at: float = 0.6) -> str:
    """A same-event model (the format ``benchmarks/train_grouping.py --out`` writes) that
    reads the whole-text cosine alone: probability 0.5 at ``at``."""
    from newsprism.grouping import EVENT_FEATURES

    k = len(EVENT_FEATURES)
    coef = [10.0 if name == "whole_text" else 0.0 for name in EVENT_FEATURES]
    model = {
        "version": "test",
        "features": list(EVENT_FEATURES),
        "coefficients": coef,
        "intercept": -10.0 * at,
        "scaling": {"mean": [0.0] * k, "scale": [1.0] * k},
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    return str(path)


def test_learned_same_event_decision_for_undated_stories(tmp_path: Path) -> None:
    """The learned same-event decision (not the default: docs/grouping.md): two undated
    stories merge only when their pairs' mean same-event probability reaches ``event_floor``.
    Successive events with unlike bodies stay apart, one event's reports join, dated
    articles are left to the date window, and the default grouping does not read it."""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions

    vote = [_quay(f"v{k}", f"Harwick council clash on harbour levy {k}", "clash", QUAY_VOTE) for k in (1, 2)]
    deal = [_quay(f"d{k}", f"Harwick council deal on harbour levy {k}", "agree", QUAY_DEAL) for k in (1, 2)]
    loose = GroupOptions(story_merge=0, threshold=0.3, body_floor=0)
    learned = replace(loose, event_floor=0.5, event_margin=1.0, event_model=_event_model_file(tmp_path))
    assert len(group(vote + deal, options=loose).stories) == 1
    assert _partition(group(vote + deal, options=learned)) == {frozenset({"v1", "v2"}), frozenset({"d1", "d2"})}
    same = [*vote, *(_quay(f"w{k}", f"Harwick council row on harbour levy {k}", "clash", QUAY_VOTE) for k in (1, 2))]
    assert len(group(same, options=learned).stories) == 1
    dated = [replace(a, published="2025-03-03") for a in vote + deal]
    assert len(group(dated, options=learned).stories) == 1
    # the openings' terms instead of the whole text's: these short texts fit in 2,000 characters
    opening = replace(learned, event_chars=2000)
    assert _partition(group(vote + deal, options=opening)) == {frozenset({"v1", "v2"}), frozenset({"d1", "d2"})}
    assert len(group(same, options=opening).stories) == 1
    # on by default since v7, with the shipped veto, for undated merges just above their bar
    # (v8: any join, a single report's only with written evidence of two events)
    assert (GroupOptions().event_floor, GroupOptions().event_scope, GroupOptions().event_evidence) == (
        0.4,
        "joins",
        0.5,
    )
    assert group(vote + deal).method == "group-hybrid.v9"


def test_same_event_model_errors(tmp_path: Path) -> None:
    """A learned decision without a model file, or with a file of other features, is refused
    with one line naming what to do."""
    import pytest

    from newsprism.grouping import GroupOptions, event_model

    vote = [_quay(f"v{k}", f"Harwick council clash on harbour levy {k}", "clash", QUAY_VOTE) for k in (1, 2)]
    deal = [_quay(f"d{k}", f"Harwick council deal on harbour levy {k}", "agree", QUAY_DEAL) for k in (1, 2)]
    with pytest.raises(
        ValueError,
        match=r"needs event_model: a file written by benchmarks/train_grouping\.py --out PATH or "
        r"'same-event\.v4' \(the shipped veto, the default\); event_floor 0 turns the veto off$",
    ):
        event_model(None)
    with pytest.raises(ValueError, match=r"^GroupOptions\.event_model must be 'same-event\.v4' .*, not None$"):
        group(vote + deal, options=GroupOptions(event_floor=0.5, event_model=None))
    with pytest.raises(
        ValueError, match=r"^GroupOptions\.event_scope must be one of 'stories', 'joins', 'all', not 'some'$"
    ):
        GroupOptions(event_floor=0.5, event_scope="some", event_model=_event_model_file(tmp_path))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": "x", "features": ["lead_terms"]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: not a same-event model \(features"):
        event_model(str(bad))
    with pytest.raises(ValueError, match="not a same-event model"):
        event_model(str(tmp_path / "missing.json"))


def test_event_pairs_are_the_undated_pairs_clustering_takes() -> None:
    """:func:`event_pairs` (the training pairs of benchmarks/train_grouping.py): undated pairs
    scoring at least the threshold, one row of bounded features each; dated articles give
    none."""
    from dataclasses import replace

    from newsprism.grouping import EVENT_FEATURES, GroupOptions, event_pairs, featurize

    vote = [_quay(f"v{k}", f"Harwick council clash on harbour levy {k}", "clash", QUAY_VOTE) for k in (1, 2)]
    deal = [_quay(f"d{k}", f"Harwick council deal on harbour levy {k}", "agree", QUAY_DEAL) for k in (1, 2)]
    opts = GroupOptions(threshold=0.3)
    pairs, rows = event_pairs(featurize(vote + deal, opts), opts)
    # the reports of one event here are near-copies, which always join: left out
    assert pairs == [("d1", "v1"), ("d1", "v2"), ("d2", "v1"), ("d2", "v2")]
    assert rows.shape == (len(pairs), len(EVENT_FEATURES))
    assert np.all(rows >= -1e-6) and np.all(rows <= 1 + 1e-6)
    lead, whole = EVENT_FEATURES.index("lead_terms"), EVENT_FEATURES.index("whole_text")
    assert np.all(rows[:, whole] < rows[:, lead])  # the leads alike, the bodies not
    dated = [replace(a, published="2025-03-03") for a in vote + deal]
    assert event_pairs(featurize(dated, opts), opts)[0] == []


def test_lead_terms_missing_from_the_other_text() -> None:
    """The same-event features ``lead_missing`` and ``lead_numbers_missing``: the share of
    each lead's best terms (and numbers) that the other whole text lacks, the smaller of the
    two. Two reports of one walkout each hold the other's lead words and figures; the later
    deal's lead ("deal", "12 days", "7%") is missing from the walkout's text, and the
    walkout's lead from the deal's."""
    from newsprism.grouping import EVENT_FEATURES, GroupOptions, event_pairs, featurize

    background = (
        "Talbury port handles most of the region's container traffic and employs 2,000 people.\n"
        "Shipping lines have diverted vessels to other harbours along the coast.\n"
    )
    walkout = (
        "Dockers at Talbury port walked out after pay talks with Harbour Holdings collapsed.\n"
        "Pickets gathered at the gates as 430 dockworkers stopped loading ships.\n"
        "The union said the walkout would continue until a fair offer was made.\n"
    )
    walkout_too = (
        "Pay talks collapsed and 430 dockworkers walked out at Talbury port, halting loading.\n"
        "Harbour Holdings said pickets at the gates blocked lorries.\n"
        "Union leaders promised the walkout would go on without a fair offer.\n"
    )
    deal = (
        "Talbury dockers accepted a pay deal from Harbour Holdings, ending a strike of 12 days.\n"
        "The agreement gives workers a 7% rise over two years and backdated bonuses.\n"
        "Ships queued outside the harbour are expected to dock by the weekend.\n"
    )
    arts = [
        prepare(from_text(background + walkout, id="a", title="Talbury dockers walk out as pay talks collapse")),
        prepare(from_text(background + walkout_too, id="b", title="Talbury port halted by dockers' walkout")),
        prepare(from_text(background + deal, id="c", title="Talbury dockers accept pay deal to end strike")),
    ]
    opts = GroupOptions(threshold=-1.0)
    pairs, rows = event_pairs(featurize(arts, opts), opts)
    by_pair = dict(zip(pairs, rows.tolist(), strict=True))
    missing, numbers = EVENT_FEATURES.index("lead_missing"), EVENT_FEATURES.index("lead_numbers_missing")
    same, other = by_pair[("a", "b")], by_pair[("a", "c")]
    assert 0 <= same[missing] < other[missing] <= 1
    assert same[numbers] == 0 and other[numbers] > 0


def test_undated_report_just_below_the_bar_joins_on_its_whole_text() -> None:
    """group-hybrid.v6: an undated report whose headline and lead fall just short of a story
    of two or more joins it when their whole texts are alike, they share the shorter text's
    distinctive terms and do not name disjoint weekdays (part I, seen: two third reports that
    v5 left alone); refused whenever the weekday test is made to refuse everything."""
    from dataclasses import replace

    from newsprism.api import load_articles
    from newsprism.eval.gold import load_gold
    from newsprism.grouping import GroupOptions, cluster, featurize

    gold = load_gold(Path(__file__).parent / "gold" / "heldout-i")
    arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
    feats = featurize([replace(a, published=None) for a in arts])
    v5 = _partition(cluster(feats, options=GroupOptions(body_rescue=0, event_floor=0)))
    v6 = _partition(cluster(feats, options=GroupOptions(rescue_model=None, event_floor=0)))
    court = frozenset({"court-clarion", "court-courier", "court-gazette"})
    fire = frozenset({"fire-2-advertiser", "fire-2-fieldnote", "fire-2-wire"})
    assert court in v6 and fire in v6
    assert court not in v5 and fire not in v5
    assert frozenset({"court-clarion"}) in v5
    # every story of v6 is a story of v5 or a story of v5 with one report added
    for story in v6 - v5:
        assert any(len(story - old) == 1 and old <= story for old in v5 if len(old) > 1)
    hand = GroupOptions(rescue_model=None, event_floor=0)
    assert _partition(cluster(feats, options=replace(hand, rescue_days=0.0))) == v5
    assert _partition(cluster(feats, options=replace(hand, rescue_distinct=1.0))) == v5


#: three invented reports of one event (a bridge shut): two alike, a third led by the detour
VELMORA = (
    (
        "a1",
        "Velmora river bridge shut after girder cracks found\n"
        "The Velmora river bridge was shut to all traffic after inspectors found cracks in its girders, "
        "the highways office said.\n"
        "The crossing carries about 18,000 vehicles a day between the old town and Kestrel Park.\n"
        "Buses will use the Tannery crossing instead, adding up to 25 minutes to journeys.\n"
        "Repairs are put at 3.4 million and will take at least six weeks.\n",
    ),
    (
        "a2",
        "Cracked girders force closure of Velmora river bridge\n"
        "Inspectors found cracked girders on the Velmora river bridge, which was shut to all traffic, "
        "the highways office said.\n"
        "Some 18,000 vehicles cross it each day on the way to Kestrel Park from the old town.\n"
        "Bus routes move to the Tannery crossing; the detour adds as much as 25 minutes.\n"
        "Officials said mending the steel would cost 3.4 million over six weeks or more.\n",
    ),
    (
        "a3",
        "Commuters face long detours in Velmora\n"
        "Drivers heading to Kestrel Park must take a detour of up to 25 minutes for at least six weeks, "
        "officials warned.\n"
        "The river bridge, used by 18,000 vehicles daily, closed when cracks were found in two girders.\n"
        "Buses now run over the Tannery crossing while repairs costing 3.4 million go ahead.\n",
    ),
)


def test_learned_rescue_of_a_report_below_the_bar(tmp_path: Path) -> None:
    """group-hybrid.v7: an undated report up to ``learned_margin`` (0.15) below the bar of a
    story joins it when the shipped same-event model's mean probability over its pairs
    reaches ``rescue_floor`` (0.4), where v6's hand-set test refuses (the third report holds
    under half of the shorter text's distinctive terms) and its margin (0.1) does not reach.
    Refused by a model that says no, beyond the margin, and with dates (the window decides).
    (No embedder, and the bar set from the pair scores, so that the report lies 0.12 below.)"""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions, event_pairs, featurize

    arts = [prepare(from_text(text, id=name)) for name, text in VELMORA]
    plain = GroupOptions(embedder=None, threshold=-1.0)
    pairs, rows = event_pairs(featurize(arts, plain), plain)
    lead = dict(zip(pairs, rows[:, 0].tolist(), strict=True))
    assert lead[("a1", "a2")] > 0.6
    below = (lead[("a1", "a3")] + lead[("a2", "a3")]) / 2  # a3's average against the story of a1, a2
    v7 = GroupOptions(embedder=None, threshold=below + 0.12)
    v6 = replace(v7, rescue_model=None, event_floor=0)
    apart = {frozenset({"a1", "a2"}), frozenset({"a3"})}
    assert _partition(group(arts, options=v6)) == apart
    assert _partition(group(arts, options=v7)) == {frozenset({"a1", "a2", "a3"})}
    assert _partition(group(arts, options=replace(v6, rescue_margin=0.15))) == apart  # the hand test refuses
    assert _partition(group(arts, options=replace(v7, rescue_model=_event_model_file(tmp_path, 0.99)))) == apart
    assert _partition(group(arts, options=replace(v7, threshold=below + 0.16))) == apart
    dated = [replace(a, published="2025-03-03") for a in arts]
    assert _partition(group(dated, options=v7)) == apart


def test_shipped_same_event_models() -> None:
    """``same-event.v4`` ships in the package, one model for each role, over
    :data:`EVENT_FEATURES`. Read as documented: a pair just below the bar whose texts share
    their weekdays and figures is one event for the rescue, the same pair with texts naming
    only other weekdays and other figures is not; the veto says the same of a pair just
    above the bar."""
    from newsprism.grouping import EVENT_FEATURES, SAME_EVENT, GroupOptions, event_model, rescue_model

    assert SAME_EVENT == "same-event.v4" == GroupOptions().rescue_model == GroupOptions().event_model
    rescue, veto = rescue_model(SAME_EVENT), event_model(SAME_EVENT)
    assert rescue.version == veto.version == SAME_EVENT
    assert rescue.coef.shape == veto.coef.shape == (len(EVENT_FEATURES),)
    at = {name: k for k, name in enumerate(EVENT_FEATURES)}

    def row(lead: float, agree: bool) -> np.ndarray:
        x = np.zeros(len(EVENT_FEATURES))
        values = {
            "lead_terms": lead,
            "lead_embedding": lead + 0.3,
            "whole_text": 0.35,
            "text_weekdays_both": 1.0,
            "text_weekdays_shared": 1.0 if agree else 0.0,
            "numbers_both": 1.0,
            "numbers_contained": 1.0 if agree else 0.0,
            "numbers_unshared": 0.0 if agree else 1.0,
            "distinctive_contained": 0.4,
            "length_ratio": 0.8,
            "lead_missing": 0.5,
            "lead_numbers_missing": 0.0 if agree else 1.0,
        }
        for name, value in values.items():
            x[at[name]] = value
        return x[None]

    assert rescue.proba(row(0.3, True))[0] >= 0.4 > rescue.proba(row(0.3, False))[0]
    assert veto.proba(row(0.4, True))[0] >= 0.4 > veto.proba(row(0.4, False))[0]


@pytest.mark.parametrize(
    "change",
    [
        {"coefficients": [1.0, 2.0]},  # too few weights: a numpy error deep in the grouping
        {"scaling": {"mean": [0.0], "scale": [1.0]}},  # one value: broadcast to every feature
        {"intercept": float("nan")},  # every probability NaN: no rescue, no veto, silently
        {"scaling": {"mean": None, "scale": None}},
    ],
)
def test_a_corrupt_same_event_model_is_refused_in_one_line_naming_it(tmp_path: Path, change: dict[str, Any]) -> None:
    """A same-event model file whose weights or scaling do not fit :data:`EVENT_FEATURES`, or
    hold values that are no numbers, is refused when read, in one line naming the file (the
    shipped file too): never a numpy error while grouping, never a model that judges
    nothing."""
    from newsprism import grouping
    from newsprism.errors import NewsprismError

    model = json.loads(Path(_event_model_file(tmp_path)).read_text("utf-8")) | change
    bad = tmp_path / "bad-model.json"
    bad.write_text(json.dumps(model), encoding="utf-8")
    with pytest.raises(ValueError, match=r"^[^\n]*bad-model\.json: not a same-event model \([^\n]*$"):
        grouping.event_model(str(bad))
    shipped = tmp_path / "shipped.json"
    shipped.write_text(
        json.dumps({"version": grouping.SAME_EVENT, "models": {"rescue": model, "veto": model}}), encoding="utf-8"
    )
    saved = dict(grouping._EVENT_MODELS)
    grouping._EVENT_MODELS.clear()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(grouping, "_SAME_EVENT_FILE", str(shipped))
            with pytest.raises(NewsprismError, match=r"^[^\n]*shipped\.json: cannot read the same-event rescue model"):
                grouping.rescue_model(grouping.SAME_EVENT)
    finally:
        grouping._EVENT_MODELS.clear()
        grouping._EVENT_MODELS.update(saved)


FERRY_BODY = (
    "Crews and the operator have argued over rosters since winter.",
    "Island shops said bread and fuel came by fishing boat instead.",
    "A union steward said members wanted fewer night shifts.",
    "Tourists queued at the harbour office for refunds.",
    "The council asked both sides to meet a mediator.",
    "Schoolchildren on the outer islands stayed at home.",
)


def _ferry(name: str, title: str, lead: str):
    """An undated ferry report: its own two body sentences, so no two are near-copies."""
    k = sum(map(ord, name))
    body = " ".join(FERRY_BODY[(k + j) % len(FERRY_BODY)] for j in (0, 3))
    return prepare(from_text(f"{title}\n{lead}\n{body}\n", id=name))


FERRY_STRIKE = (
    (
        "s1",
        "Orrin Sound ferry crews walk out",
        "Ferry crews of Tallow Line stopped work on March 3 in a dispute over rosters.",
    ),
    (
        "s2",
        "Tallow Line ferries halted as crews strike",
        "Tallow Line ferry crews went on strike on 3 March over rosters.",
    ),
)
FERRY_DEAL = (
    (
        "d1",
        "Tallow Line ferry crews back at work",
        "Ferry crews of Tallow Line returned to work on March 24 over rosters.",
    ),
    (
        "d2",
        "Ferries sail again after Tallow Line crews return",
        "Tallow Line ferry crews went back on 24 March over rosters.",
    ),
)


def test_written_dates_keep_undated_events_apart() -> None:
    """group-hybrid.v8: without dates of publication, the months and days an article's
    headline and first sentences write ("on March 3", "3 March") stand in for its date: two
    undated stories whose written days all lie more than ``written_window`` (14) days apart
    (the strike and its end three weeks later) do not merge, while reports of one event
    writing the same day, or days within the window, do. Dated articles keep the date window."""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions

    strike = [_ferry(*a) for a in FERRY_STRIKE]
    deal = [_ferry(*a) for a in FERRY_DEAL]
    loose = GroupOptions(threshold=0.2, story_merge=0, body_floor=0, event_floor=0, written_window=0)
    assert len(group(strike + deal, options=loose).stories) == 1  # the leads alone: one story
    v8 = replace(loose, written_window=14)
    assert GroupOptions().written_window == 14
    assert _partition(group(strike + deal, options=v8)) == {frozenset({"s1", "s2"}), frozenset({"d1", "d2"})}
    # a report of the strike a day later still joins it; one three weeks later does not
    later = _ferry(
        "s3", "Orrin Sound ferry strike goes on", "Tallow Line ferry crews stayed out on March 4 over rosters."
    )
    assert {frozenset({"s1", "s2", "s3"})} <= _partition(group([*strike, later, *deal], options=v8))
    # dates of publication: the date window decides, the written days are not read
    dated = [replace(a, published="2025-03-03") for a in strike + deal]
    assert len(group(dated, options=v8).stories) == 1


def test_event_marks_of_headline_and_lead() -> None:
    """The v8 event marks: months and days in either order (not a figure after a month, not a
    year), elapsed times as a count and a unit, and the stage the headline's action words name."""
    from newsprism.grouping import _event_marks, _year_day, event_stages

    marks = _event_marks(
        "Harbour strike ends as dockers accept deal",
        "The walkout ended on March 3 after nine days, a fortnight after talks began on 17th February. "
        "Prices rose in March 15% and again in May 2024; the strike entered its second week.",
        event_stages(),
    )
    assert {t for t in marks if t.startswith("@d:")} == {"@d:03-03", "@d:02-17"}
    assert {t for t in marks if t.startswith("@e:")} == {"@e:9-day", "@e:2-week"}
    assert {t for t in marks if t.startswith("@s:")} == {"@s:end"}
    assert _event_marks("Mayor resigns over bus depot contract", "", event_stages()) == {"@s:leave": 1}
    assert _event_marks("Mayor faces questions over bus depot", "", event_stages()) == {}
    assert (_year_day("@d:01-01"), _year_day("@d:03-03"), _year_day("@d:12-31")) == (0, 61, 364)


def _judge_every_join(model: str) -> GroupOptions:
    """Options under which the veto judges every join with written evidence, by ``model``."""
    return GroupOptions(
        threshold=0.2,
        story_merge=0,
        body_floor=0,
        body_rescue=0,
        written_window=0,
        event_floor=0.5,
        event_margin=1.0,
        event_scope="joins",
        event_evidence=0.5,
        event_model=model,
    )


def test_a_single_report_is_vetoed_only_with_written_evidence(tmp_path: Path) -> None:
    """group-hybrid.v8: with ``event_scope`` "joins", a single report joining an undated story
    is judged by the veto only when half its pairs or more carry written evidence of two
    events: here the headlines name different stages of the story (walkout called, deal
    agreed). A report whose headline names no stage joins, whatever the model says; with
    ``event_evidence`` 0 (every join judged, as tried before v8) it is kept out too."""
    from dataclasses import replace

    out = "Ferry crews of Tallow Line stopped work over rosters on the Orrin Sound routes."
    walkout = [
        _ferry("s1", "Tallow Line ferry crews begin strike on Orrin Sound", out),
        _ferry("s2", "Ferry crews launch strike on Orrin Sound at Tallow Line", out),
    ]
    lead = "Ferry crews of Tallow Line and the operator met over rosters."
    deal = _ferry("d1", "Tallow Line ferry crews agree deal", lead)
    plain = _ferry("p1", "Tallow Line ferry crews and rosters", lead)
    opts = _judge_every_join(_event_model_file(tmp_path, at=2.0))  # every pair below the floor
    loose = replace(opts, event_floor=0)
    assert len(group([*walkout, deal], options=loose).stories) == 1
    assert _partition(group([*walkout, deal], options=opts)) == {frozenset({"s1", "s2"}), frozenset({"d1"})}
    assert len(group([*walkout, plain], options=loose).stories) == 1
    assert len(group([*walkout, plain], options=opts).stories) == 1  # no written evidence: not judged
    assert len(group([*walkout, plain], options=replace(opts, event_evidence=0)).stories) == 2


def test_a_dated_story_is_judged_as_undated_when_an_undated_report_joins(tmp_path: Path) -> None:
    """group-hybrid.v9: a pile of dated and undated files (an HTML page with its date beside
    saved ``.txt`` files). A merge with an undated side is judged as an undated merge: here
    the story of the walkout holds one dated report, and the undated report of the deal is
    still kept out by the veto (its headline names another stage); with ``mixed_undated``
    off (v8) a story holding a dated report was never judged, and the deal joined it."""
    from dataclasses import replace

    from newsprism.grouping import GroupOptions

    out = "Ferry crews of Tallow Line stopped work over rosters on the Orrin Sound routes."
    walkout = [
        replace(_ferry("s1", "Tallow Line ferry crews begin strike on Orrin Sound", out), published="2025-03-03"),
        _ferry("s2", "Ferry crews launch strike on Orrin Sound at Tallow Line", out),
    ]
    deal = _ferry(
        "d1", "Tallow Line ferry crews agree deal", "Ferry crews of Tallow Line and the operator met over rosters."
    )
    opts = _judge_every_join(_event_model_file(tmp_path, at=2.0))  # every pair below the floor
    assert GroupOptions().mixed_undated
    assert _partition(group([*walkout, deal], options=opts)) == {frozenset({"s1", "s2"}), frozenset({"d1"})}
    assert len(group([*walkout, deal], options=replace(opts, mixed_undated=False)).stories) == 1
    # both dated: the date window decides, as before
    dated = [*walkout, replace(deal, published="2025-03-04")]
    assert len(group(dated, options=opts).stories) == 1


@pytest.mark.parametrize(
    ("headline", "read"),
    [
        ("QUAKE HORROR: BRIT GIRL TRAPPED AS TOWN CRUMBLES", "Quake horror: brit girl trapped as town crumbles"),
        ("BIN STRIKE OVER! Victory for crews", "Bin strike over! Victory for crews"),
        ("Crews win: BIN STRIKE OVER", "Crews win: bin strike over"),
        # acronyms, alone or apart by commas, and short runs are left alone
        ("NHS trust cuts night beds", "NHS trust cuts night beds"),
        ("US, UK and EU agree NATO plan", "US, UK and EU agree NATO plan"),
        ("FBI and CIA chiefs testify", "FBI and CIA chiefs testify"),
        ("US UK deal", "US UK deal"),
        ("BBC", "BBC"),
        ("", ""),
    ],
)
def test_headlines_in_capitals_are_read_in_lower_case(headline: str, read: str) -> None:
    """group-hybrid.v9: the embedding reads a tabloid's headline in capitals as the same
    words in lower case; the features of another reading are another method."""
    from newsprism.grouping import GroupOptions, _unshout, features_method

    assert _unshout(headline) == read
    assert features_method(GroupOptions()) != features_method(GroupOptions(unshout=False))


def test_may_and_march_as_words_are_no_written_days() -> None:
    """Lower-case "may" and "march" are a verb and a walk, not months: "Covid-19 may be",
    "all 12 may face charges", "the 9/12 march" write no day (a false May 19 kept two reports
    of one event apart by the written-day window); "May 19" and "12 March" still do."""
    from newsprism.grouping import _event_marks, event_stages

    lead = "Patients who had Covid-19 may be at risk, and all 12 may face charges after the 9/12 march ended."
    assert not any(t.startswith("@d:") for t in _event_marks("Harbour strike talks", lead, event_stages()))
    marks = _event_marks("Talks on May 19", "The strike began on 12 March. A MARCH 3 rally and Mar. 4.", event_stages())
    assert {t for t in marks if t.startswith("@d:")} == {"@d:05-19", "@d:03-12", "@d:03-03", "@d:03-04"}
