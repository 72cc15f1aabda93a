"""group: find the stories in a pile of articles.

Method ``group-hybrid.v9``, near-linear in the number of articles:

1. **Near-copies.** MinHash signatures (rensa, from hashes of the word 5-shingles of each
   article's opening), split into 16 bands: articles sharing a band are candidates, and those
   whose signatures agree on at least ``near_duplicate`` of their values (estimated Jaccard)
   are near-duplicates, the same text republished with small edits. Such pairs always join
   one story.
2. **Same event, other words.** Each article is represented by its headline and lead (the
   first sentences): TF-IDF over stems, numbers and names (headline terms weigh double, the
   IDF comes from the whole pile, shrunk toward 1 by ``n / (n + idf_prior)`` in a pile of
   ``n`` articles, because a few articles cannot tell which words are rare) mixed with a
   sentence embedding of the same text. No
   all-pairs comparison: an inverted index over each article's most distinctive terms, with
   terms that are too common left out, proposes candidate pairs (articles sharing at least
   ``min_shared`` distinctive terms), and only those are scored. A pile of at most
   ``block_above`` articles skips the blocking and scores every pair (cheap at that size, and
   blocking drops terms that are common in a small pile, which are its events' own terms).
3. **Clustering.** Candidate pairs are taken best first; two stories merge only when the
   average similarity over *all* their pairs of articles (computed exactly, not only the
   candidate pairs: with unit vectors it is the dot product of the stories' summed vectors)
   reaches ``threshold``, and never when their publication dates lie more than
   ``window_days`` apart (articles without a date do not count here). Average linkage keeps look-alike stories
   (same people, another event) apart where single linkage would chain them.
   **Weekdays, without dates.** Successive events of one developing story (a vote, then the
   deal, then the next step) share people and topic, and without dates nothing keeps them
   apart; their leads name the days of their events ("on Monday", "Thursday's vote"). So
   each undated article's headline and first two sentences give a unit vector over the weekdays they name
   (a named day 1, its two neighbours ``weekday_spread``, because an outlet writing a day
   later names the next day), and a pair of undated articles that both name weekdays loses
   ``weekday_penalty`` times (1 - the dot product of their vectors) of similarity: nothing
   for the same day, a third of it for neighbouring days, five sixths two days apart, all of
   it further apart. It is a bilinear term like the others, so the average over two stories is again a
   product of sums. Articles with a date of publication are left to the date window. On
   pairs of headline-and-lead similarity 0.3 or more, both leads (four sentences) naming weekdays, the sets
   are disjoint for 9% (NeuS AllSides) and 13% (BASIL) of same-story pairs, 74% and 81% of
   the others; most same-story disjoint pairs name neighbouring days (65 of 86, 14 of 24).
   **Two stories, without dates.** Two undated stories of two or more articles each merge
   only when their average similarity reaches ``threshold + story_merge``; an article joining
   a story needs ``threshold`` as before. Without dates, the successive events of one
   developing story each gather their own reports first (reports of one event resemble each
   other most), and the events then resemble each other through their people and topic: the
   wrong merges are mostly whole stories joined (on NeuS AllSides without dates, under v3, 95
   of the 117 predicted stories that mix gold stories hold four articles or more, where a gold
   story holds three at most). A merge of two stories is a stronger claim than one more
   report, so it needs more evidence. Stories with a dated article are left to the date
   window.
   **Whole texts, without dates (v5).** Two undated stories of two or more articles each
   merge only when their whole texts are alike as well: the average over their pairs of
   articles of the cosine of whole-text TF-IDF vectors (headline and body, stems and numbers,
   sublinear term frequency, IDF from the pile's undated articles shrunk like the lead's by
   ``idf_prior``) must reach ``body_floor`` (0.3). It is a second, required condition, not
   mixed into the score: the lead says who and what, the body the specific action, figures
   and days, which differ between successive events. One article joining a story is not held
   to it (``body_stories_only``): as a condition on every undated merge, floors of 0.2 to
   0.4 gained NeuS AllSides (up to 0.776) but cost BASIL (0.960 to 0.78) and ECB+ topics alone
   (0.83 to 0.51), whose reports of one event share less of their bodies. The sums are taken
   on demand, when two undated stories are compared (few merges).
   **A report just below the bar, without dates (v6).** Reports of one event written
   independently share few exact words in their leads, so a third report of an event often
   scores a little under ``threshold`` against the story of the other two (on the written gold
   parts F to K and the undated dev set, 21 of the 30 same-story pairs v5 splits score below
   the bar on their own, most of them 0.26 to 0.38; the other 9 are kept apart by average
   linkage; none by the two-story bar or the whole-text floor). An undated article joining
   an undated story of two or more (``rescue_joins``) whose average lies less than ``rescue_margin`` (0.1) below the bar
   still joins when, over their pairs, the whole texts' TF-IDF cosine averages at least
   ``body_rescue`` (0.3), the share of the shorter text's 15 most distinctive whole-text
   terms found in the other averages at least ``rescue_distinct`` (0.5), and fewer than
   ``rescue_days`` (half) of the pairs both name weekdays in their texts and share none.
   The last two are the evidence against a successive event of the same story, which
   shares people and places but not the specific terms and days: on pairs of lead score 0.2
   to 0.35, texts naming disjoint weekdays are 7% to 13% of same-story pairs on every set and
   25% to 51% of the others. The pairs within the margin are queued after every pair
   above the bar (best first), so a rescue never takes a report before a better match. Two
   single reports, or two stories, are never rescued (as a setting, both cost the written
   parts: single reports of two successive events joined).
   **A learned rescue and veto, without dates (v7).** Two logistic regressions over pair
   features (:data:`EVENT_FEATURES`: the lead's and the whole text's cosines, weekdays and
   numbers the two texts share or not, distinctive terms found in the other, ...), shipped as
   data (``data/same-event.v3.json`` in v7, ``same-event.v4`` in v8, :data:`SAME_EVENT`, written by
   ``benchmarks/train_rescue.py``), trained each on the undated pairs of one band of lead
   score in the written gold parts E to K, the dev set, BASIL, NeuS AllSides and ECB+ (every
   set weighing as much as any other). The rescue: an undated merge of a single report with
   a story of two or more, or of two single reports, whose average lies less than
   ``learned_margin`` (0.15) below the bar and that v6's hand-set test refuses joins when the
   rescue model's mean probability over its pairs reaches ``rescue_floor`` (0.4). The veto:
   two undated stories of two or more whose average lies less than ``event_margin`` (0.1)
   above their bar merge only when the veto model's mean probability reaches
   ``event_floor`` (0.4). Chosen leave-one-set-out (each set grouped with the models that did
   not see it, the setting with the best mean gain over v6 among those costing no set more
   than 0.005): no set loses, part K +0.047, J +0.020, F and G +0.011, BASIL +0.005, NeuS
   +0.006, ECB+ +0.006 (docs/grouping.md). Judging single reports joining a story with the
   veto, or rescuing two stories, lost BASIL, ECB+ or the written parts in every setting
   tried.
   **Written dates and stages, without dates (v8).** The headline and first two sentences of
   an undated article may write the event's month and day ("on March 3", "3 March"): an
   undated merge whose two sides both write such days, all more than ``written_window`` (14)
   days apart (the year unknown), is refused, as dated articles are by the date window (a
   strike and the deal three weeks later). The same marks feed three pair features of
   :data:`EVENT_FEATURES` (the leads' written days disjoint, an elapsed time one lead writes
   and the other does not, "after nine days", and the headlines naming different stages of a
   story: called, ended, voted, charged, resigned; ``data/event-stages.v1.tsv``), and the
   veto (``same-event.v4``) also judges a single report joining an undated story just above
   the bar, but only when at least ``event_evidence`` (half) of its pairs carry written
   evidence of two events (written days disjoint, or stages disjoint): without it, the veto
   of joins split real reports of one event on BASIL and ECB+ in every earlier round.
   Chosen leave-one-set-out with ``benchmarks/train_rescue.py`` (docs/grouping.md): against
   v7, the dev set +0.015, parts F +0.005, G +0.035, H +0.011, I +0.029, NeuS +0.002, ECB+
   -0.001, the others unchanged. Weekdays two or more days apart and elapsed times are not
   evidence for the veto of a join: they mark a third of BASIL's true joins (its stories
   span the days of their coverage).
   **Mixed piles and headlines in capitals (v9).** In a pile of dated and undated articles
   (an HTML page with its date beside saved ``.txt`` files, as in parts M to O), a merge
   with an undated side is judged as an undated merge (``mixed_undated``): the rescue just
   below the bar, the whole-text floor and the veto read it, the whole texts of dated
   articles included, where before a story holding one dated report was judged by nothing
   but the bar (its undated side's date is unknown, so the date window cannot decide). The
   written-day window still compares undated articles only. And the embedding reads a
   headline set in capitals (a tabloid's "QUAKE HORROR: TOWN CRUMBLES", or a run of words in
   capitals of 8 letters or more) in lower case (``unshout``, :func:`_unshout`). Piles all
   dated or all undated are grouped as by v8 but for the headlines in capitals; BASIL, NeuS
   and ECB+ score as under v8 (docs/grouping.md).
4. **Origins.** Inside a story, a pair of articles is a republication when at least
   ``republication`` of the shorter one's runs of four stemmed words occur in the other
   (containment, not Jaccard: a rewrite that keeps half of a wire story shares only a fifth of
   its shingles; on the dev gold set republications score 0.41 to 0.86, independent reports
   of one event 0.19 at most); republication links form origins, and ten republications of one
   wire story count as one independent origin. Two articles of a story that credit the same
   news agency (``Article.credit``, :mod:`newsprism.credits`: a byline, dateline or credit
   line) and share some of its wording (``credited_republication`` of the runs, a third of
   the bar above) within ``credited_days`` carry that agency's copy and are one origin too,
   even when their editors rewrote it past the republication bar (v3; a generic credit,
   "with agency inputs", names no agency and joins nothing; two different stories of one
   agency, sharing no wording, stay two origins). The origin is the earliest article (by
   date, then id: without dates the direction of copying is unknown).

**Features first, then clustering.** Everything step 1 to 4 reads of an article (its weighted
headline-and-lead terms, MinHash signature, embedding and 4-word-run hashes) is computed by
:func:`featurize`, independently per article, and :func:`cluster` works from those alone. So
``ingest`` computes them in its worker processes and stores them (named by
:func:`features_method`; change :data:`FEATURES_VERSION` whenever :func:`featurize` changes),
and grouping a stored corpus only clusters. :func:`group` does both for files in memory.

**Tried before v7: a learned same-event decision on every undated join.**
``GroupOptions.event_scope`` "joins" or "all" with a model trained by
``benchmarks/train_grouping.py`` (on NeuS AllSides, then leave-one-part-out on the written
parts F to J with half of NeuS) gains the written parts and the dev set without dates but
splits real reports of one event on BASIL and ECB+ (docs/grouping.md); v7 judges two stories
only, in a narrow band above the bar.

Limits: English; articles without headline or lead text rely on their body's first sentences;
the v7 models were trained on five written parts, the dev set and three real sets that were
also used to choose their settings (left out one at a time), so their gains on unseen text are
not shown by these numbers; a report naming no weekday and no figure gives the models little to
go on (a later step of a story that names a day the others do not is not told from another
report by the rescue); the v6 rescue and v7's models read at most ``EVENT_MEMBERS`` members of
a story for their pair features; an event reported with no shared distinctive words and no
shared wording is missed when the embedding alone cannot bridge it. Without dates, successive
events of one story that name no weekday, or the same one, still merge when their leads are
alike, above all a single report of one event joining another event's story (the higher bar and
the whole-text floor are for two stories only: the dev set's four wrong joins without dates are
such single reports, and no whole-text condition on them helped: its own wrong joins have
whole-text cosines of 0.33 to 0.42 to the story they join, like true joins elsewhere); dates
written in the text ("March 3") are not read (an article names a month and day in 26% of BASIL
and 16% of NeuS articles, mostly of earlier events; read from the headline and first two
sentences as a penalty like the weekdays they changed little: NeuS +0.004, ECB+ -0.004), and
the body beyond the lead is not mixed into the similarity (its terms mixed in at 0.3 or 0.5 of
the score, at thresholds 0.27 to 0.42: no setting did better on BASIL, NeuS and the dev set
without dates together; at the usual threshold the dev set's precision fell, a developing story
repeating its background); it is only the v5 condition above.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import metadata
from typing import Any

import numpy as np

from ._unionfind import UnionFind
from .model import Article, GroupFeatures, Grouping, RawArticle, Story, listing_label
from .text import stem, terms, word_list

GROUP_VERSION = "group-hybrid.v9"
#: the version of :func:`featurize` (part of :func:`features_method`)
FEATURES_VERSION = "group-features.v5"
#: grouping reads no further into an article than this many characters (headline, lead,
#: shingles and containment all come from the opening)
GROUP_HEAD = 4000


@dataclass(frozen=True, slots=True)
class GroupOptions:
    """Options of the grouping stage (see the module docstring for the method).

    ``credited_republication`` and ``credited_days``: two articles crediting the same agency
    are one origin when at least this share of the shorter one's runs of four stemmed words
    occur in the other (a third of ``republication``: a rewrite of the wire copy keeps less
    of its wording than a republication) and their dates lie at most this many days apart
    (or one is unknown). Set without a gold set; see docs/credits.md for what it joins on
    allsides_baly2020.

    ``window_days`` is 3: outlets report one event within a day or two, and a look-alike
    (the same people at another event) is typically a week or more later; no public set here
    carries dates, so this one was not tuned.

    Other defaults chosen on a small grid (threshold 0.25 to 0.4, weight 0.3 to 0.5, lead of 4 or 8
    sentences) over BASIL, ECB+ and the dev gold set together, at a point whose neighbours
    score close to it; ``benchmarks/bench_grouping.py`` reprints the scores. ``idf_prior``
    (100) was chosen among 50, 100 and 200 on small piles of BASIL and ECB+ (mean B-cubed F1
    0.991 and 0.822 to 0.835 for all three, against 0.981 and 0.780 without it); it costs
    BASIL grouped whole (240 articles) 0.007.

    ``weekday_penalty`` (0.1), ``weekday_spread`` (0.5) and the weekdays' sentences
    (``WEEKDAY_SENTENCES``: 2) were chosen among penalties 0.1 to 0.3, spreads 0, 0.5 and 0.7
    and 1, 2 or 4 sentences on BASIL, NeuS AllSides and ECB+ without dates, the dev gold set
    without its dates and the small piles, as the one setting no worse than without weekdays
    on any of them; larger penalties help NeuS and the dev set further (0.74 and 0.95 at 0.3)
    but split BASIL stories whose outlets wrote on different days (small piles 0.962), and
    weekdays read from four sentences catch the days of earlier steps (small piles 0.983).

    ``story_merge`` (0.05) was chosen among 0.03 to 0.1 on the same sets, all without dates:
    0.04 to 0.07 score alike (NeuS AllSides 0.745 to 0.758, ECB+ 0.876 to 0.879, BASIL and
    the dev set unchanged, ECB+ topics alone 0.845 to 0.828); 0.1 gains NeuS (0.770) and
    BASIL (0.980) but costs ECB+ topics alone (0.806), whose events form from several small
    groups of reports.

    ``body_floor`` (0.3) was chosen among 0.1 to 0.6 on the same sets, all without dates, with
    ``body_stories_only`` (the floor for merges of two undated stories only; off, it holds for
    every undated merge) and ``body_rise`` 0 (a required floor; above 0, the bar rises by
    ``body_rise`` times the shortfall instead): against v4 in one run, BASIL 0.969 -> 0.975,
    NeuS AllSides 0.751 -> 0.774, ECB+ 0.876 -> 0.885, the dev set 0.935 -> 0.935, small piles
    BASIL 0.991 -> 0.991 and ECB+ topics 0.836 -> 0.844; neighbours 0.28 and 0.32 score alike
    (NeuS 0.766, 0.777; ECB+ topics 0.844, 0.829); 0.35 gains NeuS (0.780) and BASIL (0.980)
    but costs ECB+ (0.861, topics alone 0.804). Without the IDF shrinkage, ECB+ topics alone
    fell to 0.717.

    ``body_rescue`` (0.3), ``rescue_margin`` (0.1), ``rescue_distinct`` (0.5), ``rescue_days``
    (0.5) and ``rescue_joins`` (True): the v6 rescue of an undated report just below the bar
    (module docstring, step 3; ``body_rescue`` 0 turns it off, and it reads the whole-text
    rows, so it is off with ``body_floor`` 0 and ``event_floor`` 0 as well). Chosen in one round
    (``benchmarks/grouping_splits.py``, about 30 settings) on the written parts F to K, the
    dev set, BASIL, NeuS and ECB+ (whole and small piles), the rule being no real set below
    v5 and the written parts gaining; neighbours score alike (``body_rescue`` 0.28, margins
    0.08 to 0.12); ``body_rescue`` 0.32 or ``rescue_distinct`` 0.6 give up part G's and
    BASIL's gains, ``rescue_distinct`` 0.4 costs part I and the undated dev set.

    ``event_floor``, ``event_scope``, ``event_margin``, ``event_chars`` and ``event_model``: the
    learned veto of undated merges (v7; ``event_floor`` 0 turns it off): a merge of undated
    articles (``event_scope``: "stories", two stories of two or more; "joins", any merge
    with a story; "all") whose average similarity lies less than ``event_margin`` above its
    bar needs the mean same-event probability of its pairs (:class:`EventModel`:
    ``event_model`` :data:`SAME_EVENT`, the shipped veto model, or a file written by
    ``benchmarks/train_grouping.py --out``; text features of the whole text, or of the
    headline and first ``event_chars`` characters) to reach ``event_floor``. Shipped in v7:
    two stories, margin 0.1, floor 0.4 (``benchmarks/train_rescue.py --combine``, chosen
    leave-one-set-out among floors 0.2 to 0.4 and margins 0.05 and 0.1, which all gained
    and lost nothing; 0.4 and 0.1 by the rule fixed before the run: the best mean gain).
    Judging every join (trained on NeuS, then on the written parts F to J) beat v5 on no
    setting across the sets: docs/grouping.md. Shipped in v8: any join, margin 0.1, floor
    0.4, a single report's join judged only with written evidence (``event_evidence``),
    the ``dates`` features (v7's and ``lead_dates_differ``), chosen leave-one-set-out among
    floors 0.3 to 0.5, the two scopes and evidence 0, 0.5 and 1.

    ``written_window`` (14): two undated stories (or reports) whose headlines and first two
    sentences both write months and days, all more than this many days apart, do not merge
    (v8; 0 turns it off). Chosen among 1, 3, 7, 14 and 30 on every set without dates (no
    training: a rule): 3 costs ECB+ 0.006 (its events span weeks of coverage, and leads write
    the dates of earlier steps), 30 gives up part F's gain; 7 and 14 score alike.

    ``event_evidence`` (0.5): with ``event_scope`` "joins", a single report joining an
    undated story is judged by the veto only when at least this share of its pairs carry
    written evidence of two events (the leads' written days disjoint, or the headlines'
    stages disjoint); merges of two stories are judged without it (v8; 0: every join judged).

    ``rescue_model``, ``rescue_floor``, ``learned_margin`` and ``rescue_singles``: the learned
    rescue (v7; ``rescue_model`` None turns it off, which with ``event_floor`` 0 is v6; it
    is part of the v6 rescue's step, so ``body_rescue`` 0 turns it off too): an
    undated merge less than ``learned_margin`` below its bar that the hand-set rescue
    refuses joins when the mean probability of the rescue model (:data:`SAME_EVENT`, or a
    file of :func:`event_model`'s format) reaches ``rescue_floor``; a single report and a
    story of two or more, and with ``rescue_singles`` two single reports too
    (``rescue_joins`` False: any undated merge). Chosen leave-one-set-out with
    ``benchmarks/train_rescue.py`` among floors 0.1 to 0.8, margins 0.1 and 0.15, three
    scopes and two feature sets: 0.4, 0.15, single reports and joins, all features, the one
    setting with the best mean gain that costs no set (0.2 to 0.3 gain ECB+ more, up to
    0.913, but cost the dev set 0.015; any undated merge costs H and NeuS up to 0.1).

    ``mixed_undated`` (True, v9): a merge with one undated side and one dated side is judged
    as an undated merge (rescue, whole-text floor, veto; the whole texts of dated articles
    read for it); False: only merges of two undated sides are (v8). ``unshout`` (True, v9):
    the embedding reads a headline in capitals in lower case (:func:`_unshout`; part of
    :func:`features_method`). Neither changes a pile all dated or all undated but for its
    headlines in capitals: measured on every set (docs/grouping.md), not chosen among values.

    Checked on construction (:class:`~newsprism.errors.OptionsError`, naming the field and
    the value): ``threshold`` is a weighted cosine, -1 to 1 (-1, the lowest a cosine reaches,
    merges every candidate pair the other rules let through); the shares, probabilities and
    similarities (``near_duplicate``, ``republication``, ``credited_republication`` at most
    ``republication``, ``weight``, ``max_df``, the weekday, story, body, event and rescue
    floors, shares and penalties) 0 to 1; ``body_rise`` and the margins 0 or more; counts and
    day windows whole numbers (``lead_sentences``, ``top_terms``, ``min_shared``,
    ``max_block`` and ``num_perm`` 1 or more, the rest 0 or more); flags True or False;
    ``embedder`` one of :data:`newsprism.embed.EMBEDDERS` or None; ``event_scope`` one of
    "stories", "joins", "all"; ``event_model`` given (not None or empty) when ``event_floor``
    is above 0 (the file itself is read, and a bad one refused, when grouping runs).
    """

    threshold: float = 0.35
    near_duplicate: float = 0.5
    republication: float = 0.3
    credited_republication: float = 0.1
    credited_days: int = 1
    window_days: int = 3
    embedder: str | None = "wordllama"
    weight: float = 0.5
    lead_sentences: int = 4
    top_terms: int = 30
    min_shared: int = 2
    max_df: float = 0.02
    max_block: int = 60
    block_above: int = 500
    idf_prior: int = 100
    num_perm: int = 64
    weekday_penalty: float = 0.1
    weekday_spread: float = 0.5
    story_merge: float = 0.05
    body_floor: float = 0.3
    body_rise: float = 0.0
    body_stories_only: bool = True
    event_floor: float = 0.4
    event_scope: str = "joins"
    event_model: str | None = "same-event.v4"
    event_margin: float = 0.1
    event_chars: int = 0
    event_evidence: float = 0.5
    written_window: int = 14
    body_rescue: float = 0.3
    rescue_margin: float = 0.1
    rescue_days: float = 0.5
    rescue_distinct: float = 0.5
    rescue_joins: bool = True
    rescue_model: str | None = "same-event.v4"
    rescue_floor: float = 0.4
    rescue_singles: bool = True
    learned_margin: float = 0.15
    mixed_undated: bool = True
    unshout: bool = True

    def __post_init__(self) -> None:
        from . import _checks as check
        from .embed import EMBEDDERS

        # a similarity bar: a weighted cosine, so -1 (the lowest a cosine reaches) to 1; -1
        # merges every candidate pair the other rules allow
        check.number(self, "threshold", -1.0, 1.0)
        for name in (
            "near_duplicate",
            "republication",
            "credited_republication",
            "weight",
            "max_df",
            "weekday_penalty",
            "weekday_spread",
            "story_merge",
            "body_floor",
            "event_floor",
            "event_evidence",
            "body_rescue",
            "rescue_days",
            "rescue_distinct",
            "rescue_floor",
        ):
            check.number(self, name)  # a share, a probability or a similarity: 0 to 1
        for name in ("body_rise", "event_margin", "rescue_margin", "learned_margin"):
            check.number(self, name, 0.0, None)  # a factor or a margin below or above a bar
        for name in ("lead_sentences", "top_terms", "min_shared", "max_block", "num_perm"):
            check.whole(self, name, 1)
        for name in ("credited_days", "window_days", "block_above", "idf_prior", "event_chars", "written_window"):
            check.whole(self, name, 0)
        for name in ("body_stories_only", "rescue_joins", "rescue_singles", "mixed_undated", "unshout"):
            check.flag(self, name)
        check.choice(self, "embedder", (*EMBEDDERS, None))
        check.choice(self, "event_scope", ("stories", "joins", "all"))
        check.text(self, "event_model", optional=True)
        check.text(self, "rescue_model", optional=True)
        check.relation(  # the veto reads a model; a pile with dates alone would never have asked for it
            self,
            "event_model",
            self.event_floor == 0 or bool(self.event_model),
            f"{SAME_EVENT!r} (the shipped veto, the default) or a file written by benchmarks/train_grouping.py"
            " --out PATH when event_floor is above 0 (0 turns the veto off)",
        )
        check.relation(
            self,
            "credited_republication",
            self.credited_republication <= self.republication,
            f"at most republication ({self.republication:g})",  # above it, a pair is a republication anyway
        )


@dataclass(frozen=True, slots=True)
class PileStats:
    """What grouping reads of the whole pile rather than of one article: the number of
    articles and the document frequency of each headline-and-lead term (weekday terms left
    out), for the lead's IDF; the number of articles whose whole texts are counted and the
    document frequency of each whole-text term among them, for the whole-text IDF (step 3,
    v5; ``undated``: only undated articles were counted until v9, which reads a dated
    article's whole text when it merges with an undated one, so every article is). A term
    missing from a table is held by one article (the one that holds it).

    :func:`cluster` counts them over the pile it is given; a caller that clusters a pile
    block by block (the Spark job: :mod:`newsprism.spark`) counts them over the whole pile
    and passes them to :func:`cluster_block`, so each block is scored as in the whole."""

    articles: int
    head_df: Mapping[str, int]
    undated: int = 0
    body_df: Mapping[str, int] = field(default_factory=dict)


def _lead(article: Article, n: int) -> str:
    sents = [s.text for s in article.sentences[:n]]
    return " ".join(sents)


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _whole(opts: GroupOptions) -> bool:
    """Whether grouping reads the whole texts of undated articles (v5's floor, v6's decision)."""
    return opts.body_floor > 0 or opts.event_floor > 0


@lru_cache(maxsize=8)
def _with_version(package: str) -> str:
    """``package-version`` of an installed package (read once a process: looking it up reads
    the installed packages' metadata, about 1.5 ms, once an article at ingest before), or the
    bare name."""
    try:
        return f"{package}-{metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return package


def features_method(options: GroupOptions | None = None) -> str:
    """The name of the features ``options`` make: the method, the embedder with its package
    version, the lead length and the MinHash size. Stored features of another name are
    recomputed rather than mixed with these."""
    opts = options or GroupOptions()
    embedder = "none"
    if opts.embedder and opts.weight > 0:
        embedder = _with_version(opts.embedder)
    whole = ":whole" if _whole(opts) else ""
    if not opts.unshout:
        whole += ":shouted"
    if opts.event_floor > 0 and opts.event_chars:
        whole += f":open{opts.event_chars}"
    return f"{FEATURES_VERSION}:{embedder}:lead{opts.lead_sentences}:perm{opts.num_perm}{whole}"


#: marks a weekday named in the headline or lead in :attr:`GroupFeatures.terms`
WHEN = "@"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: weekdays are read from the headline and this many first sentences (where the event's day
#: is named; further down, the days of earlier steps of the story)
WEEKDAY_SENTENCES = 2
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
#: the event marks of the headline and first ``WEEKDAY_SENTENCES`` sentences, kept among the
#: ``WHEN`` terms (v8): a written month and day ("@d:03-03"), an elapsed time ("@e:9-day":
#: "after nine days", "an 11-day strike", "six weeks after", "its second week") and the stage
#: of the story the headline's action words name ("@s:end": a deal, a lifted notice)
DATE_MARK, ELAPSED_MARK, STAGE_MARK = WHEN + "d:", WHEN + "e:", WHEN + "s:"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|per|million|billion|,\d))", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", re.I)
#: months that are also words, read as months only capitalised: "Covid-19 may be", "all 12 may
#: face charges", "the 9/12 march" write no day
_WORD_MONTHS = frozenset({"may", "march"})
_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_COUNTS = {w: k for k, w in enumerate(_NUMBER_WORDS.split(), 1)} | {"a": 1, "an": 1, "twenty": 20, "thirty": 30}
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth"
_ORDINALS = {w: k for k, w in enumerate(_ORDINAL_WORDS.split(), 1)}
_COUNT = r"(\d{1,3}|a|an|" + "|".join(_NUMBER_WORDS.split()) + "|twenty|thirty)"
_UNIT = r"(day|week|month|year)s?"
_ELAPSED = re.compile(
    r"\b" + _COUNT + r"[\s-]+" + _UNIT + r"[\s-]+(?:after|later|since|ago|into|on)\b"
    r"|\b(?:after|for|within)\s+" + _COUNT + r"\s+" + _UNIT + r"\b"
    r"|\b" + _COUNT + r"-" + _UNIT + r"\b"
    r"|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+" + _UNIT + r"\b"
    r"|\b(?:a|one|two|three)?\s*(fortnight)\b",
    re.I,
)


def _event_marks(head: str, lead: str, stages: Mapping[str, str]) -> Counter[str]:
    """The event marks (``DATE_MARK``, ``ELAPSED_MARK``, ``STAGE_MARK``) of an article's
    headline and first sentences (``head`` and ``lead``): months and days written in either
    order, elapsed times as a count and a unit, and the stages (:func:`event_stages`) of the
    headline's words."""
    text = head + " " + lead
    out: Counter[str] = Counter()
    for m in _MONTH_DAY.finditer(text):
        if 1 <= int(m.group(2)) <= 31 and m.group(1) not in _WORD_MONTHS:
            out[f"{DATE_MARK}{_MONTHS.index(m.group(1)[:3].lower()) + 1:02d}-{int(m.group(2)):02d}"] += 1
    for m in _DAY_MONTH.finditer(text):
        if 1 <= int(m.group(1)) <= 31 and m.group(2) not in _WORD_MONTHS:
            out[f"{DATE_MARK}{_MONTHS.index(m.group(2)[:3].lower()) + 1:02d}-{int(m.group(1)):02d}"] += 1
    for m in _ELAPSED.finditer(text):
        g = [x.lower() if x else "" for x in m.groups()]
        if g[8]:  # a fortnight, two fortnights
            count, unit = _COUNTS.get(m.group(0).split()[0].lower(), 1) * 2, "week"
        else:
            count_word, unit = next((g[k], g[k + 1]) for k in (0, 2, 4, 6) if g[k + 1])
            count = _ORDINALS.get(count_word) or _COUNTS.get(count_word) or int(count_word)
        out[f"{ELAPSED_MARK}{count}-{unit}"] += 1
    for word in word_list(head):
        if stage := stages.get(stem(word.lower())):
            out[STAGE_MARK + stage] += 1
    return out


@lru_cache(maxsize=1)
def event_stages() -> dict[str, str]:
    """Stemmed action word -> the stage of a developing story it names (``data/event-stages.v1.tsv``:
    a story begins, ends or is settled, voted on, taken to court, or someone leaves office)."""
    from importlib import resources

    out: dict[str, str] = {}
    for line in resources.files("newsprism").joinpath(EVENT_STAGES_FILE).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stage, words = line.split("\t", 1)
            for w in words.split():
                out.setdefault(stem(w.lower()), stage.strip())
    return out


EVENT_STAGES_FILE = "data/event-stages.v1.tsv"
#: marks a term of the whole text (headline and body) in :attr:`GroupFeatures.terms`
BODY = "~"
#: marks a term of the opening (headline and first ``event_chars`` characters, the learned
#: decision's text when set) in :attr:`GroupFeatures.terms`
OPEN = "^"
#: the whole text is read up to this many characters
BODY_CHARS = 20000


def _bag(article: Article, lead_sentences: int, whole: bool = False, opening: int = 0) -> tuple[tuple[str, int], ...]:
    """Terms of the headline (weighing double) and the lead, with their weights, sorted; then
    the weekdays the headline and the first ``WEEKDAY_SENTENCES`` sentences name, marked with
    ``WHEN`` ("@friday"), sorted."""
    lead = _lead(article, lead_sentences)
    bag: Counter[str] = Counter(terms(lead))
    for t in terms(article.title or ""):
        bag[t] += 2
    named = (article.title or "") + " " + _lead(article, WEEKDAY_SENTENCES)
    when = Counter(WHEN + m.lower() for m in _WEEKDAY.findall(named))
    when.update(_event_marks(article.title or "", _lead(article, WEEKDAY_SENTENCES), event_stages()))
    body: Counter[str] = Counter()
    if whole:
        for word, count in Counter(word_list((article.title or "") + "\n" + article.text[:BODY_CHARS])).items():
            if term := _BODY_TERMS[word]:
                body[term] += count
    start: Counter[str] = Counter()
    if whole and opening:
        for word, count in Counter(word_list((article.title or "") + "\n" + article.text[:opening])).items():
            if term := _BODY_TERMS[word]:
                start[OPEN + term[1:]] += count
    return (
        tuple(sorted(bag.items()))
        + tuple(sorted(when.items()))
        + tuple(sorted(body.items()))
        + tuple(sorted(start.items()))
    )


def _whole_part(bag: tuple[tuple[str, int], ...], mark: str) -> tuple[tuple[str, int], ...]:
    """A bag's whole-text terms (``mark`` ``BODY``) or opening terms (``OPEN``)."""
    return tuple(x for x in bag[len(_head(bag)) :] if x[0][0] == mark)


_FAST_WORD = re.compile(r"\w+")


class _BodyTerms(dict[str, str]):
    """Per word (of :func:`newsprism.text.word_list`), its whole-text term marked with
    ``BODY`` (:func:`newsprism.text.terms` of the word alone), or "" for none; kept per
    process, as the same words recur across articles."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 500_000:
            self.clear()
        found = terms(word)
        value = self[word] = BODY + found[0] if found else ""
        return value


_BODY_TERMS = _BodyTerms()


#: articles whose features are computed at a time (one embedding batch each): each article's
#: features are its own, so batches give the same features as one call
FEATURE_BATCH = 256


def featurize(articles: Sequence[Article], options: GroupOptions | None = None) -> list[GroupFeatures]:
    """The grouping features of each article (one embedding batch for all of them)."""
    opts = options or GroupOptions()
    if not articles:
        return []
    method = features_method(opts)
    vectors: list[bytes | None] = [None] * len(articles)
    if opts.embedder and opts.weight > 0:
        from .embed import get_embedder

        head = _unshout if opts.unshout else str
        texts = [(head(a.title or "") + ". " + _lead(a, opts.lead_sentences))[:1000] for a in articles]
        emb = np.asarray(get_embedder(opts.embedder).encode(texts), dtype="<f4")
        vectors = [row.tobytes() for row in emb]
    openings = [_opening(a) for a in articles]
    signatures = _minhashes([o[0] for o in openings], opts.num_perm)
    return [
        GroupFeatures(
            id=a.id,
            method=method,
            published=a.published,
            label=listing_label(a.id, a.source, a.outlet, a.title),
            credit=a.credit,
            terms=_bag(a, opts.lead_sentences, _whole(opts), opts.event_chars if opts.event_floor > 0 else 0),
            minhash=signatures[k].astype("<u4").tobytes(),
            grams=openings[k][1],
            vector=vectors[k],
        )
        for k, a in enumerate(articles)
    ]


#: a run of two or more words in capitals, apart by spaces ("BIN STRIKE OVER", "LAST ORDERS"),
#: as a tabloid sets a headline or its first words; a lone word in capitals (an acronym) or
#: acronyms apart by commas ("US, UK") are left alone
_SHOUTED = re.compile(r"\b[A-Z][A-Z'\u2019&-]*[A-Z](?: [A-Z][A-Z'\u2019&-]*[A-Z])+\b")


def _unshout(title: str) -> str:
    """A headline as the embedding should read it (v9): one set in capitals ("QUAKE HORROR:
    TOWN CRUMBLES", four fifths of its letters or more) in sentence case, and runs of two or
    more words in capitals of 8 letters or more ("BIN STRIKE OVER! Victory for crews") in
    lower case, the headline's first letter kept. Tabloids set headlines so, and the
    embedding reads a word in capitals as another word (against the other reports of their
    event, the written parts' headlines in capitals score 0.03 to 0.15 higher in sentence
    case). The TF-IDF terms are lower case already."""
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return title[:1] + title[1:].lower()

    def lower(m: re.Match[str]) -> str:
        run = m.group(0)
        return run.lower() if sum(c.isalpha() for c in run) >= 8 else run

    return title[:1] + _SHOUTED.sub(lower, title)[1:]


def lead_terms(bag: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """A bag of :attr:`GroupFeatures.terms` without its whole-text terms: what scoring a pair
    reads of it unless two undated stories are compared (step 3, v5)."""
    return _head(bag)


def _head(bag: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """A bag (:func:`_bag`) without its whole-text terms, which close it."""
    for k, (t, _) in enumerate(bag):
        if t[0] == BODY:
            return bag[:k]
    return bag


def _lead_bags(bags: Sequence[tuple[tuple[str, int], ...]]) -> list[tuple[tuple[str, int], ...]]:
    """Each bag's headline-and-lead terms: without its whole-text and weekday terms."""
    return [tuple(x for x in _head(bag) if not x[0].startswith(WHEN)) for bag in bags]


def _tfidf_rows(
    bags: Sequence[tuple[tuple[str, int], ...]], opts: GroupOptions, stats: PileStats | None = None
) -> tuple[Any, np.ndarray, np.ndarray, list[str]]:
    """A sparse (CSR) matrix of L2-normalised TF-IDF rows over each article's ``top_terms``
    best terms (ties broken by the term), and the distinctive ones among them (held by more
    than one article) as parallel arrays of row and term numbers, and the terms by number.
    The IDF comes from ``stats`` (the whole pile) when given, else from ``bags``."""
    from scipy.sparse import csr_matrix

    bags = _lead_bags(bags)
    n = len(bags)
    sizes = np.fromiter(map(len, bags), dtype=np.int64, count=n)
    doc = np.repeat(np.arange(n, dtype=np.int64), sizes)
    names = [t for bag in bags for t, _ in bag]
    counts = [c for bag in bags for _, c in bag]
    vocab_names = sorted(set(names))
    vocab = {t: i for i, t in enumerate(vocab_names)}
    term = np.fromiter(map(vocab.__getitem__, names), dtype=np.int64, count=len(names))
    tf = np.array(counts, dtype=np.float64)
    if stats is None:
        held = np.bincount(term, minlength=len(vocab))  # a term is in a bag once: its document frequency
        pile = n
    else:
        held = np.fromiter((stats.head_df.get(t, 1) for t in vocab_names), dtype=np.int64, count=len(vocab_names))
        pile = stats.articles
    # word rarity measured on a small pile is mostly noise (in a pile about two events, each
    # event's own words are common), so the IDF is shrunk toward 1 by n / (n + idf_prior)
    weight = (1 + np.log(tf)) * (np.log((1 + pile) / (1 + held[term])) * (pile / (pile + opts.idf_prior)) + 1)
    order = np.lexsort((-term, -weight, doc))  # by row, best weight first, then the later term
    doc, term, weight = doc[order], term[order], weight[order]
    first = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    keep = (np.arange(len(doc)) - first[doc]) < opts.top_terms
    doc, term, weight = doc[keep], term[keep], weight[keep]
    norm = np.sqrt(np.bincount(doc, weights=weight * weight, minlength=n))
    norm[norm == 0] = 1.0
    mat = csr_matrix(
        ((weight / norm[doc]).astype(np.float32), (doc, term)), shape=(n, max(1, len(vocab))), dtype=np.float32
    )
    distinctive = held[term] > 1
    return mat, doc[distinctive], term[distinctive], vocab_names


def _body_rows(
    bags: Sequence[tuple[tuple[str, int], ...]],
    undated: np.ndarray,
    prior: int,
    stats: PileStats | None = None,
    mark: str = BODY,
) -> Any:
    """A sparse (CSR) matrix of L2-normalised TF-IDF rows over each undated article's whole-text
    terms (its ``BODY`` terms): sublinear term frequency, smoothed IDF from the undated articles
    of the pile, or of ``stats`` when given (the whole-text baseline's weighting); rows of
    dated articles are empty."""
    from scipy.sparse import csr_matrix

    n = len(bags)
    body = [_whole_part(bag, mark) if undated[i] else () for i, bag in enumerate(bags)]
    sizes = np.fromiter(map(len, body), dtype=np.int64, count=n)
    doc = np.repeat(np.arange(n, dtype=np.int64), sizes)
    names = [t for bag in body for t, _ in bag]
    vocab_names = sorted(set(names))
    vocab = {t: i for i, t in enumerate(vocab_names)}
    term = np.fromiter(map(vocab.__getitem__, names), dtype=np.int64, count=len(names))
    tf = np.array([c for bag in body for _, c in bag], dtype=np.float64)
    if stats is None or mark != BODY:
        held = np.bincount(term, minlength=len(vocab))
        m = int(undated.sum())
    else:
        held = np.fromiter((stats.body_df.get(t, 1) for t in vocab_names), dtype=np.int64, count=len(vocab_names))
        m = stats.undated
    weight = (1 + np.log(tf)) * (np.log((1 + m) / (1 + held[term])) * (m / (m + prior)) + 1)
    norm = np.sqrt(np.bincount(doc, weights=weight * weight, minlength=n))
    norm[norm == 0] = 1.0
    return csr_matrix(
        ((weight / norm[doc]).astype(np.float32), (doc, term)), shape=(n, max(1, len(vocab))), dtype=np.float32
    )


#: the pair features the same-event decision reads, in the model file's order
EVENT_FEATURES = (
    "lead_terms",  # cosine of the headline-and-lead TF-IDF rows
    "lead_embedding",  # cosine of the headline-and-lead embeddings
    "whole_text",  # cosine of the whole-text TF-IDF rows
    "lead_weekdays_differ",  # both leads name weekdays: 1 - the dot product of their vectors
    "text_weekdays_both",  # both whole texts name a weekday
    "text_weekdays_shared",  # the share of the weekdays named that both name (0 unless both)
    "numbers_both",  # both whole texts hold a number
    "numbers_contained",  # the share of the fewer numbers found in the other (0 unless both)
    "numbers_unshared",  # 1 - the Jaccard similarity of the two texts' numbers (0 unless both)
    "distinctive_contained",  # the share of the shorter text's most distinctive terms in the other
    "length_ratio",  # the shorter text's whole-text terms over the longer's
    "lead_missing",  # the weighted share of each lead's best terms missing from the other text: the smaller
    "lead_numbers_missing",  # the share of each lead's numbers missing from the other text: the smaller
    "lead_dates_differ",  # both leads write a month and day (DATE_MARK) and share none (v8)
    "lead_elapsed_differ",  # a lead writes an elapsed time (ELAPSED_MARK) and the other shares none (v8)
    "headline_stages_differ",  # both headlines name a stage (STAGE_MARK) and share none (v8)
)
#: the marks of the v8 features, in their order in :data:`EVENT_FEATURES`
_EVENT_MARKS = (DATE_MARK, ELAPSED_MARK, STAGE_MARK)
#: an article's best headline-and-lead terms (by TF-IDF weight), for ``lead_missing``
EVENT_LEAD_TERMS = 10
#: an article's most distinctive whole-text terms, for ``distinctive_contained``
EVENT_TOP_TERMS = 15
#: the most members of each story whose pairs the decision averages over (the first by
#: index); beyond it a merge is judged on a sample, so one attempt costs at most its square
EVENT_MEMBERS = 40


@dataclass(frozen=True, slots=True)
class EventModel:
    """The learned same-event decision (:func:`event_model`): standardisation, weights."""

    version: str
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), dtype=np.float64)


_EVENT_MODELS: dict[str, EventModel] = {}


def event_model(path: str | None) -> EventModel:
    """The same-event model of ``path``: :data:`SAME_EVENT`, the shipped veto model (the
    default of ``GroupOptions.event_model``, read when ``event_floor`` is above 0, as it is by
    default since ``group-hybrid.v7``), or a JSON file written by
    ``benchmarks/train_grouping.py --out PATH``. A file that is no such model is refused in one
    line naming it (``ValueError``)."""
    if not path:
        raise ValueError(
            "GroupOptions.event_floor needs event_model: a file written by benchmarks/train_grouping.py --out PATH"
            f" or {SAME_EVENT!r} (the shipped veto, the default); event_floor 0 turns the veto off"
        )
    if path == SAME_EVENT:
        return _shipped("veto")
    if path not in _EVENT_MODELS:
        import json
        from pathlib import Path

        origin = path
        try:
            data = json.loads(Path(path).read_text("utf-8"))
            if list(data["features"]) != list(EVENT_FEATURES):
                raise ValueError(f"features {data['features']} are not {list(EVENT_FEATURES)}")
            model = _checked_model(str(data["version"]), data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{origin}: not a same-event model ({exc})") from None
        _EVENT_MODELS[path] = model
    return _EVENT_MODELS[path]


def _checked_model(version: str, m: Any) -> EventModel:
    """The :class:`EventModel` of one model's JSON object, refused (``ValueError``) unless its
    scaling and weights hold one finite number per feature of :data:`EVENT_FEATURES` (no scale
    0) and its intercept is finite: a corrupt file never reaches the grouping's arithmetic."""
    k = len(EVENT_FEATURES)
    arrays = {
        "scaling.mean": m["scaling"]["mean"],
        "scaling.scale": m["scaling"]["scale"],
        "coefficients": m["coefficients"],
    }
    out = {}
    for name, value in arrays.items():
        a = np.asarray(value, dtype=np.float64)
        if a.shape != (k,) or not np.isfinite(a).all():
            raise ValueError(f"{name} is not {k} finite numbers")
        out[name] = a
    if not out["scaling.scale"].all():
        raise ValueError("scaling.scale holds 0")
    intercept = float(m["intercept"])
    if not np.isfinite(intercept):
        raise ValueError("intercept is not a finite number")
    return EventModel(version, out["scaling.mean"], out["scaling.scale"], out["coefficients"], intercept)


#: the same-event models shipped with newsprism (``GroupOptions.rescue_model`` and
#: ``event_model``'s default): one file, a model for each role ("rescue" and "veto")
SAME_EVENT = "same-event.v4"
_SAME_EVENT_FILE = "data/same-event.v4.json"


def _shipped(role: str) -> EventModel:
    """The shipped same-event model of ``role`` (written by ``benchmarks/train_rescue.py
    --combine --out``)."""
    key = f"{SAME_EVENT}:{role}"
    if key not in _EVENT_MODELS:
        import json
        from importlib import resources

        from .errors import NewsprismError

        try:
            data = json.loads(resources.files("newsprism").joinpath(_SAME_EVENT_FILE).read_text("utf-8"))
            if data.get("version") != SAME_EVENT:
                raise ValueError(f"version {data.get('version')!r}, this newsprism reads {SAME_EVENT!r}")
            m = data["models"][role]
            if list(m["features"]) != list(EVENT_FEATURES):
                raise ValueError(f"features {m['features']} are not {list(EVENT_FEATURES)}")
            _EVENT_MODELS[key] = _checked_model(SAME_EVENT, m)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NewsprismError(
                f"{_SAME_EVENT_FILE}: cannot read the same-event {role} model ({exc}); reinstall newsprism"
            ) from None
    return _EVENT_MODELS[key]


def rescue_model(name: str) -> EventModel:
    """The same-event model the v7 rescue reads (``GroupOptions.rescue_model``):
    :data:`SAME_EVENT`, the package's rescue model, or the path of a JSON file of
    :func:`event_model`'s format."""
    return _shipped("rescue") if name == SAME_EVENT else event_model(name)


class _EventRows:
    """What the same-event decision reads of each article of a pile, and the pair features
    (:data:`EVENT_FEATURES`) of any pairs of them, computed from the features grouping
    already has (the whole-text terms of undated articles)."""

    def __init__(
        self,
        bags: Sequence[tuple[tuple[str, int], ...]],
        mat: Any,
        emb: np.ndarray | None,
        week: np.ndarray,
        body: Any,
        mark: str = BODY,
    ) -> None:
        from scipy.sparse import csr_matrix

        self.mat, self.emb, self.week, self.body = mat, emb, week, body
        n = len(bags)
        days = {mark + t: k for k, d in enumerate(WEEKDAYS) for t in terms(d)}
        numbers: list[list[str]] = []
        text_days = np.zeros((n, len(WEEKDAYS)), dtype=np.float64)
        for i, bag in enumerate(bags):
            whole = _whole_part(bag, mark)
            numbers.append([t for t, _ in whole if t.startswith(mark + "#")])
            for t, _ in whole:
                if t in days:
                    text_days[i, days[t]] = 1.0
        self.text_days = text_days
        # the event marks of each headline and lead (v8), one indicator matrix per kind
        self.marks = []
        for prefix in _EVENT_MARKS:
            held = [sorted({t for t, _ in _head(bag) if t.startswith(prefix)}) for bag in bags]
            names = {t: k for k, t in enumerate(sorted({t for ts in held for t in ts}))}
            rows_m = np.repeat(np.arange(n), [len(ts) for ts in held])
            cols_m = np.fromiter((names[t] for ts in held for t in ts), dtype=np.int64)
            ind = csr_matrix((np.ones(len(rows_m), dtype=np.float32), (rows_m, cols_m)), shape=(n, max(1, len(names))))
            self.marks.append((ind, np.array([len(ts) > 0 for ts in held])))
        vocab = {t: k for k, t in enumerate(sorted({t for ts in numbers for t in ts}))}
        rows = np.repeat(np.arange(n), [len(ts) for ts in numbers])
        cols = np.fromiter((vocab[t] for ts in numbers for t in ts), dtype=np.int64)
        self.numbers = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(1, len(vocab))))
        self.number_count = np.asarray(self.numbers.sum(axis=1), dtype=np.float64).ravel()
        # presence of each whole-text term, and each article's most distinctive ones
        present = body.copy()
        present.data[:] = 1.0
        self.present = present
        self.term_count = np.diff(body.indptr).astype(np.float64)
        top_rows, top_cols = [], []
        for i in range(n):
            lo, hi = body.indptr[i], body.indptr[i + 1]
            if hi > lo:
                # best weight first, then the lower term number: deterministic
                best = np.lexsort((body.indices[lo:hi], -body.data[lo:hi]))[:EVENT_TOP_TERMS]
                top_rows += [i] * len(best)
                top_cols += body.indices[lo:hi][best].tolist()
        self.top = csr_matrix((np.ones(len(top_rows), dtype=np.float32), (top_rows, top_cols)), shape=body.shape)
        self.top_count = np.asarray(self.top.sum(axis=1), dtype=np.float64).ravel()
        # each lead's best terms (by weight in ``mat``) and numbers, as columns of the whole
        # text's terms; a lead term no whole text holds has no column and counts as missing
        lead_names = sorted({t for bag in _lead_bags(bags) for t, _ in bag})
        # the columns of ``body`` (:func:`_body_rows`): the terms of the rows it fills, sorted
        filled = np.diff(body.indptr) > 0
        body_names = sorted({t for i, bag in enumerate(bags) if filled[i] for t, _ in _whole_part(bag, mark)})
        body_col = {t: k for k, t in enumerate(body_names)}
        lead_rows: list[int] = []
        lead_cols: list[int] = []
        lead_vals: list[float] = []
        num_rows: list[int] = []
        num_cols: list[int] = []
        self.lead_total = np.zeros(n, dtype=np.float64)
        self.lead_numbers = np.zeros(n, dtype=np.float64)
        for i in range(n):
            lo, hi = mat.indptr[i], mat.indptr[i + 1]
            best = np.lexsort((mat.indices[lo:hi], -mat.data[lo:hi]))[:EVENT_LEAD_TERMS]
            for k in best.tolist():
                name, weight = lead_names[mat.indices[lo + k]], float(mat.data[lo + k])
                self.lead_total[i] += weight
                col = body_col.get(mark + name)
                if col is not None:
                    lead_rows.append(i)
                    lead_cols.append(col)
                    lead_vals.append(weight)
            for k in range(lo, hi):
                name = lead_names[mat.indices[k]]
                if name.startswith("#"):
                    self.lead_numbers[i] += 1
                    col = body_col.get(mark + name)
                    if col is not None:
                        num_rows.append(i)
                        num_cols.append(col)
        width = body.shape[1]
        self.lead_best = csr_matrix((np.array(lead_vals, dtype=np.float64), (lead_rows, lead_cols)), shape=(n, width))
        self.lead_num = csr_matrix((np.ones(len(num_rows), dtype=np.float64), (num_rows, num_cols)), shape=(n, width))

    def features(self, xa: np.ndarray, xb: np.ndarray) -> np.ndarray:
        """The pair features of pairs ``(xa[k], xb[k])``, one row each."""

        def dot(m: Any) -> np.ndarray:
            return np.asarray(m[xa].multiply(m[xb]).sum(axis=1), dtype=np.float64).ravel()

        lex, whole = dot(self.mat), dot(self.body)
        emb = np.einsum("ij,ij->i", self.emb[xa], self.emb[xb]).astype(np.float64) if self.emb is not None else lex
        wa, wb = self.week[xa], self.week[xb]
        lead_days = (wa.any(axis=1) & wb.any(axis=1)) * (1.0 - np.einsum("ij,ij->i", wa, wb))
        ta, tb = self.text_days[xa], self.text_days[xb]
        both_days = (ta.any(axis=1) & tb.any(axis=1)).astype(np.float64)
        either = np.maximum(ta, tb).sum(axis=1)
        shared_days = np.where(both_days > 0, (ta * tb).sum(axis=1) / np.maximum(either, 1.0), 0.0)
        na, nb = self.number_count[xa], self.number_count[xb]
        common = dot(self.numbers)
        both_numbers = ((na > 0) & (nb > 0)).astype(np.float64)
        contained = np.where(both_numbers > 0, common / np.maximum(np.minimum(na, nb), 1.0), 0.0)
        unshared = np.where(both_numbers > 0, 1.0 - common / np.maximum(na + nb - common, 1.0), 0.0)
        ca, cb = self.term_count[xa], self.term_count[xb]
        a_shorter = ca <= cb
        short = np.where(a_shorter, xa, xb)
        other = np.where(a_shorter, xb, xa)
        found = np.asarray(self.top[short].multiply(self.present[other]).sum(axis=1), dtype=np.float64).ravel()
        distinctive = found / np.maximum(self.top_count[short], 1.0)
        ratio = np.minimum(ca, cb) / np.maximum(np.maximum(ca, cb), 1.0)

        def missing(lead: Any, total: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
            found = np.asarray(lead[x].multiply(self.present[y]).sum(axis=1), dtype=np.float64).ravel()
            return np.where(total[x] > 0, 1.0 - found / np.maximum(total[x], 1e-12), 0.0)

        lead_missing = np.minimum(
            missing(self.lead_best, self.lead_total, xa, xb), missing(self.lead_best, self.lead_total, xb, xa)
        )
        numbers_missing = np.minimum(
            missing(self.lead_num, self.lead_numbers, xa, xb), missing(self.lead_num, self.lead_numbers, xb, xa)
        )
        differ = []
        for k, (ind, has) in enumerate(self.marks):
            shared = dot(ind) > 0
            # elapsed times: either lead writes one; dates and stages: both
            named = (has[xa] | has[xb]) if _EVENT_MARKS[k] == ELAPSED_MARK else (has[xa] & has[xb])
            differ.append((named & ~shared).astype(np.float64))
        return np.column_stack(
            [
                lex,
                emb,
                whole,
                lead_days,
                both_days,
                shared_days,
                both_numbers,
                contained,
                unshared,
                distinctive,
                ratio,
                lead_missing,
                numbers_missing,
                *differ,
            ]
        )


def _event_rows(
    bags: Sequence[tuple[tuple[str, int], ...]],
    mat: Any,
    emb: np.ndarray | None,
    week: np.ndarray,
    body: Any,
    days: list[int | None],
    opts: GroupOptions,
) -> _EventRows:
    """The same-event decision's rows: of the whole texts, or with ``event_chars`` of the
    openings (their own TF-IDF rows, the IDF from the pile's undated articles)."""
    if not opts.event_chars:
        return _EventRows(bags, mat, emb, week, body)
    undated = np.array([d is None for d in days])
    return _EventRows(bags, mat, emb, week, _body_rows(bags, undated, opts.idf_prior, None, OPEN), OPEN)


def _candidates(doc: np.ndarray, term: np.ndarray, days: list[int | None], opts: GroupOptions) -> set[tuple[int, int]]:
    """Pairs of articles sharing at least ``min_shared`` distinctive terms (``doc[k]`` holds
    ``term[k]``), found through blocking keys, never by comparing all pairs.

    A term held by at most ``max_block`` articles is a key. A commoner term (a name in the news
    for years) is a key only within a week: a dated article holds it tagged with its week and
    with the next week, each counting half, so two articles of the same week share one whole
    term and articles a week apart half of one. Keys held by more than ``max_block`` articles
    are dropped. Shared keys are counted by one sparse matrix product.
    """
    from scipy.sparse import csr_matrix, triu

    n = len(days)
    if not len(doc):
        return set()
    cap = min(opts.max_block, max(8, int(opts.max_df * n)))
    rare = np.bincount(term)[term] <= cap
    day = np.array([-1 if d is None else d for d in days], dtype=np.int64)[doc]
    common = ~rare & (day >= 0)
    untagged = (1 << 21) - 1  # above any week number (a day's ordinal // 7)
    key = np.concatenate(
        (
            term[rare] << 21 | untagged,
            term[common] << 21 | day[common] // 7,
            term[common] << 21 | (day[common] // 7 + 1),
        )
    )
    rows = np.concatenate((doc[rare], doc[common], doc[common]))
    half = math.sqrt(0.5)  # a product of two halves-by-square-root is one half
    vals = np.concatenate((np.ones(int(rare.sum())), np.full(2 * int(common.sum()), half))).astype(np.float32)
    if not len(key):
        return set()
    unique_keys, cols = np.unique(key, return_inverse=True)
    b = csr_matrix((vals, (rows, cols.ravel())), shape=(n, len(unique_keys)))
    key_df = np.diff(b.tocsc().indptr)
    b = b[:, np.flatnonzero((key_df > 1) & (key_df <= cap))]
    bt = b.T.tocsr()
    out: set[tuple[int, int]] = set()
    for lo in range(0, n, 4096):  # in slices of rows, so memory stays bounded on large piles
        shared = triu(b[lo : lo + 4096] @ bt, k=lo + 1).tocoo()
        keep = shared.data >= opts.min_shared - 1e-6
        out.update(zip((shared.row[keep] + lo).tolist(), shared.col[keep].tolist(), strict=True))
    return out


class _WordHashes(dict[str, int]):
    """Per word, a 32-bit hash of it (high half) and of its stem (low half), stable across
    processes and runs; kept per process."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 500_000:
            self.clear()
        raw = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        value = self[word] = raw << 32 | zlib.crc32(stem(word).encode("utf-8", "surrogatepass"))
        return value


_WORDS = _WordHashes()
#: odd multipliers that mix word hashes into a hash of a run of words
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)


def _runs(hashes: np.ndarray, n: int) -> np.ndarray:
    """One 64-bit hash per run of ``n`` consecutive word hashes (one run of all of them when
    there are fewer), finished with splitmix64's mixer so that related runs hash apart."""
    n = max(1, min(n, len(hashes)))
    m = len(hashes) - n + 1
    x = np.zeros(max(1, m), dtype=np.uint64)
    for k in range(n if len(hashes) else 0):
        x += hashes[k : k + m] * _MIX[k]  # wraps around: arithmetic mod 2**64
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def _opening(article: Article) -> tuple[np.ndarray, bytes]:
    """Of the article's opening (its first ``GROUP_HEAD`` characters): the hashes of its word
    5-shingles (for MinHash: a near-copy is a copy from its first lines), and its distinct
    runs of four stemmed words as sorted 32-bit hashes (for the containment test of step 4)."""
    words = _FAST_WORD.findall(article.text[:GROUP_HEAD].lower())
    both = np.fromiter(map(_WORDS.__getitem__, words), dtype=np.uint64, count=len(words))
    shingles = _runs(both >> np.uint64(32), 5)
    if len(words) < 4:
        return shingles, b""
    runs = _runs(both & np.uint64(0xFFFFFFFF), 4)
    return shingles, np.unique((runs >> np.uint64(32)).astype("<u4")).tobytes()


def _minhashes(shingles: list[np.ndarray], num_perm: int) -> np.ndarray:
    """MinHash signatures (rensa), one row of ``num_perm`` unsigned 32-bit values per article."""
    from rensa import RMinHash

    offsets = np.concatenate(([0], np.cumsum([len(x) for x in shingles]))).astype(np.uint64)
    flat = np.concatenate(shingles) if shingles else np.zeros(0, dtype=np.uint64)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, num_perm, 42)
    return np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(shingles), num_perm)


def _band_matrix(signatures: np.ndarray) -> np.ndarray:
    """Per row of a MinHash signature matrix, one key per band (16 bands, or 8 where the size
    is not a multiple of 16): the band's values mixed into one number (a collision only adds
    a candidate to check)."""
    perms = signatures.shape[1]
    bands = 16 if perms % 16 == 0 else 8
    width = perms // bands
    mix = np.resize(_MIX[:4], width)
    out = np.zeros((signatures.shape[0], bands), dtype=np.uint64)
    for b in range(bands):
        out[:, b] = (signatures[:, b * width : (b + 1) * width].astype(np.uint64) * mix).sum(axis=1, dtype=np.uint64)
    return out


def _near_duplicate_pairs(signatures: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Pairs of rows of a MinHash signature matrix (articles x permutations) whose estimated
    Jaccard similarity reaches ``threshold``: rows sharing a whole band (16 bands, or 8 where
    the size is not a multiple of 16) are candidates, and their signatures are compared."""
    matrix = _band_matrix(signatures)
    candidates: set[tuple[int, int]] = set()
    for b in range(matrix.shape[1]):
        keys = matrix[:, b]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1], [True])))
        for at in np.flatnonzero(np.diff(starts) > 1):
            members = sorted(order[starts[at] : starts[at + 1]].tolist())
            candidates.update((x, y) for k, x in enumerate(members) for y in members[k + 1 :])
    return {(i, j) for i, j in candidates if float(np.mean(signatures[i] == signatures[j])) >= threshold}


def near_duplicates(articles: list[Article], *, threshold: float = 0.5, num_perm: int = 64) -> set[tuple[int, int]]:
    """Pairs of articles (indexes) whose word 5-shingles overlap by about ``threshold`` or more."""
    if not articles:
        return set()
    return _near_duplicate_pairs(_minhashes([_opening(a)[0] for a in articles], num_perm), threshold)


def group(
    articles: Iterable[Article | RawArticle],
    *,
    options: GroupOptions | None = None,
    previous: dict[str, str] | None = None,
    problems: Sequence[str] = (),
    on_progress: Callable[[str, int, int | None], None] | None = None,
) -> Grouping:
    """Group articles into stories (records only: :func:`newsprism.group` also reads files).

    A :class:`RawArticle` is cleaned and segmented first. ``previous`` (article id -> story
    id, from an earlier grouping) keeps story ids stable. Articles with the same id are
    grouped once. ``problems`` (inputs the caller left out, one line each) are reported in
    the result. ``on_progress(stage, done, total)`` is told how far it is: ``read`` (raw
    articles prepared), ``features`` (a batch at a time), ``cluster`` (0, then all).
    """
    opts = options or GroupOptions()
    unique: dict[str, Article] = {}
    items = list(articles)
    raws = sum(isinstance(a, RawArticle) for a in items)
    prepared = 0
    for a in items:
        if isinstance(a, RawArticle):
            from .pipeline import prepare_article  # the pipeline imports this module

            if on_progress:
                on_progress("read", prepared, raws)
            a = prepare_article(a)
            prepared += 1
        unique.setdefault(a.id, a)
    arts = list(unique.values())
    features: list[GroupFeatures] = []
    for lo in range(0, len(arts), FEATURE_BATCH):
        if on_progress:
            on_progress("features", lo, len(arts))
        features += featurize(arts[lo : lo + FEATURE_BATCH], opts)
    if on_progress:
        on_progress("cluster", 0, len(arts))
    grouping = cluster(features, options=opts, previous=previous)
    if on_progress:
        on_progress("cluster", len(arts), len(arts))
    stats = dict(grouping.stats, rejected=len(problems))
    return replace(grouping, stats=stats, problems=tuple(problems))


def cluster(
    features: Iterable[GroupFeatures],
    *,
    options: GroupOptions | None = None,
    previous: dict[str, str] | None = None,
) -> Grouping:
    """Group articles into stories from their features (see :func:`featurize`).

    ``previous`` (article id -> story id, from an earlier grouping) keeps story ids stable.
    """
    opts = options or GroupOptions()
    feats = _unique_sorted(features)  # the result never depends on the input order
    n = len(feats)
    if n == 0:
        return Grouping((), GROUP_VERSION, stats={"articles": 0, "rejected": 0})
    mat, doc, term, _ = _tfidf_rows([f.terms for f in feats], opts)
    days = [_day(f.published) for f in feats]
    dups = _near_duplicate_pairs(_signatures(feats), opts.near_duplicate)
    if n <= opts.block_above:  # a small pile: every pair is cheap to score
        cand = {(i, j) for i in range(n) for j in range(i + 1, n)}
    else:
        cand = _candidates(doc, term, days, opts) | dups
    groups, republished, credited = _cluster_rows(feats, mat, days, cand, dups, None, opts)
    stories = name_stories(groups, previous or {})
    stats = {
        "articles": n,
        "candidate_pairs": len(cand),
        "near_duplicate_pairs": len(dups),
        "republication_pairs": republished,
        "same_credit_joins": credited,
        "stories": len(stories),
        "rejected": 0,
    }
    labels = {f.id: f.label for f in feats}
    return Grouping(tuple(stories), GROUP_VERSION, stats=stats, labels=labels)


def _unique_sorted(features: Iterable[GroupFeatures]) -> list[GroupFeatures]:
    """The features, one per id (the first given), sorted by id."""
    unique: dict[str, GroupFeatures] = {}
    for f in features:
        unique.setdefault(f.id, f)
    return [unique[k] for k in sorted(unique)]


def _signatures(feats: Sequence[GroupFeatures]) -> np.ndarray:
    return np.frombuffer(b"".join(f.minhash for f in feats), dtype="<u4").reshape(len(feats), -1)


#: a group of a clustering: its article ids (sorted) and each one's origin (step 4)
Group = tuple[tuple[str, ...], tuple[str, ...]]


def _cluster_rows(
    feats: list[GroupFeatures],
    mat: Any,
    days: list[int | None],
    cand: set[tuple[int, int]],
    dups: set[tuple[int, int]],
    stats: PileStats | None,
    opts: GroupOptions,
) -> tuple[list[Group], int, int]:
    """Steps 3 and 4 over the candidate pairs ``cand`` (indexes into ``feats``, sorted by id;
    the near-duplicate pairs ``dups`` among them): the groups, in a stable order, and how many
    republication and same-credit pairs joined origins."""
    n = len(feats)
    emb, week, body = _pair_rows(feats, days, stats, opts)
    events = (
        _event_rows([f.terms for f in feats], mat, emb, week, body, days, opts)
        if (opts.event_floor > 0 or opts.body_rescue > 0) and body is not None
        else None
    )
    groups = _link(n, cand, dups, mat, emb, week, body, days, opts, events, [f.terms for f in feats])
    origin_sets = UnionFind(n)
    republished = credited = 0
    for members in groups:
        if len(members) > 1:
            found, by_credit = _link_origins(members, feats, dups, origin_sets, opts, days)
            republished += found
            credited += by_credit
    ids = [f.id for f in feats]
    return [_origins(ids, members, origin_sets, days) for members in groups], republished, credited


def _pair_rows(
    feats: list[GroupFeatures],
    days: list[int | None],
    stats: PileStats | None,
    opts: GroupOptions,
    whole: bool | None = None,
) -> tuple[np.ndarray | None, np.ndarray, Any]:
    """What scoring a pair reads besides the TF-IDF rows: the embeddings (None without an
    embedder), the weekday vectors and the whole-text rows (None without undated articles,
    or when neither ``whole`` nor the options ask for them)."""
    emb = None
    if opts.embedder and opts.weight > 0:
        if any(f.vector is None for f in feats):
            raise ValueError("features without an embedding given to a grouping that uses one")
        emb = np.frombuffer(b"".join(f.vector or b"" for f in feats), dtype="<f4").reshape(len(feats), -1)
    week = _weekdays([f.terms for f in feats], days, opts.weekday_spread)
    undated = np.array([d is None for d in days])
    body = None
    if (_whole(opts) if whole is None else whole) and undated.any():
        read = np.ones(len(days), dtype=bool) if opts.mixed_undated else undated
        body = _body_rows([f.terms for f in feats], read, opts.idf_prior, stats)
    return emb, week, body


def kept_pairs(
    features: Iterable[GroupFeatures],
    pairs: Iterable[tuple[str, str]],
    stats: PileStats,
    options: GroupOptions | None = None,
) -> list[tuple[str, str]]:
    """Those of the candidate ``pairs`` (by article id; ``features`` holds both articles of
    each) that clustering takes (:func:`_queue`): near-duplicates, and pairs scoring at least
    ``threshold`` within the date window, scored with the IDF of the whole pile (``stats``)
    exactly as :func:`cluster` scores them. A pair's score reads only its two articles and
    the pile statistics, so any batch of pairs gives the same answer; the connected components
    of the kept pairs are then clustered apart (:func:`cluster_block`)."""
    opts = options or GroupOptions()
    feats = _unique_sorted(features)
    if not feats:
        return []
    at = {f.id: k for k, f in enumerate(feats)}
    cand = {(min(at[a], at[b]), max(at[a], at[b])) for a, b in pairs if a != b}
    mat, _, _, _ = _tfidf_rows([f.terms for f in feats], opts, stats)
    days = [_day(f.published) for f in feats]
    dups = _near_duplicate_pairs(_signatures(feats), opts.near_duplicate) & cand
    emb, week, body = _pair_rows(feats, days, stats, opts)
    queue = _queue(len(feats), cand, dups, mat, emb, week, body, days, opts)
    return sorted((feats[i].id, feats[j].id) for i, j in queue)


def event_pairs(
    features: Iterable[GroupFeatures], options: GroupOptions | None = None
) -> tuple[list[tuple[str, str]], np.ndarray]:
    """The pairs of undated articles that clustering takes (:func:`_queue`: candidate pairs
    scoring at least ``threshold``, near-duplicates left out) and their same-event features
    (:data:`EVENT_FEATURES`, one row each): what ``benchmarks/train_grouping.py`` learns from."""
    opts = options or GroupOptions()
    feats = _unique_sorted(features)
    n = len(feats)
    if n < 2:
        return [], np.zeros((0, len(EVENT_FEATURES)))
    mat, doc, term, _ = _tfidf_rows([f.terms for f in feats], opts)
    days = [_day(f.published) for f in feats]
    dups = _near_duplicate_pairs(_signatures(feats), opts.near_duplicate)
    cand = (
        {(i, j) for i in range(n) for j in range(i + 1, n)}
        if n <= opts.block_above
        else _candidates(doc, term, days, opts) | dups
    )
    emb, week, body = _pair_rows(feats, days, None, opts, whole=True)
    if body is None:
        return [], np.zeros((0, len(EVENT_FEATURES)))
    queue = [(i, j) for i, j in _queue(n, cand, dups, mat, emb, week, body, days, opts) if (i, j) not in dups]
    queue = [(i, j) for i, j in queue if days[i] is None and days[j] is None]
    if not queue:
        return [], np.zeros((0, len(EVENT_FEATURES)))
    arr = np.array(sorted(queue), dtype=np.int64)
    rows = _event_rows([f.terms for f in feats], mat, emb, week, body, days, opts).features(arr[:, 0], arr[:, 1])
    return [(feats[i].id, feats[j].id) for i, j in arr.tolist()], rows


def pile_stats(features: Iterable[GroupFeatures]) -> PileStats:
    """The :class:`PileStats` of a pile (features of distinct articles), as :func:`cluster`
    counts them; a caller with a larger pile sums the same counts over all of it."""
    head: Counter[str] = Counter()
    body: Counter[str] = Counter()
    n = undated = 0
    for f in features:
        n += 1
        head.update(t for t, _ in _lead_bags([f.terms])[0])
        # every article's whole text: a dated one's is read when it merges with an undated
        # one (v9), so the whole-text IDF is over the pile, as :func:`cluster` counts it
        undated += 1
        body.update(t for t, _ in _whole_part(f.terms, BODY))
    return PileStats(n, dict(head), undated, dict(body))


def cluster_block(
    features: Iterable[GroupFeatures],
    pairs: Iterable[tuple[str, str]] | None,
    stats: PileStats,
    options: GroupOptions | None = None,
) -> tuple[list[Group], dict[str, int]]:
    """Steps 3 and 4 of :func:`cluster` over a block of a larger pile: the articles of one or
    more connected components of the pile's candidate pairs, with those pairs (``pairs``, by
    article id, near-duplicates included: see :func:`blocking_keys`; None: every pair of the
    block, as :func:`cluster` does for a pile of at most ``block_above`` articles), scored
    with the IDF of the whole pile (``stats``). Clusters only ever merge along candidate
    pairs, so a component is clustered exactly as in the whole pile; the groups (article ids
    and their origins) are named by :func:`name_stories` once all blocks are done. Returns the
    groups and the counts :func:`cluster` reports (``candidate_pairs``,
    ``near_duplicate_pairs``, ``republication_pairs``, ``same_credit_joins``)."""
    opts = options or GroupOptions()
    feats = _unique_sorted(features)
    n = len(feats)
    if n == 0:
        return [], {"candidate_pairs": 0, "near_duplicate_pairs": 0, "republication_pairs": 0, "same_credit_joins": 0}
    mat, _, _, _ = _tfidf_rows([f.terms for f in feats], opts, stats)
    days = [_day(f.published) for f in feats]
    dups = _near_duplicate_pairs(_signatures(feats), opts.near_duplicate)
    if pairs is None:
        cand = {(i, j) for i in range(n) for j in range(i + 1, n)}
    else:
        at = {f.id: k for k, f in enumerate(feats)}
        cand = {(min(at[a], at[b]), max(at[a], at[b])) for a, b in pairs if a != b}
        # the block's near-duplicates were found in the whole pile, so they are candidates
        dups &= cand
    groups, republished, credited = _cluster_rows(feats, mat, days, cand, dups, stats, opts)
    counts = {
        "candidate_pairs": len(cand),
        "near_duplicate_pairs": len(dups),
        "republication_pairs": republished,
        "same_credit_joins": credited,
    }
    return groups, counts


def blocking_terms(
    features: Sequence[GroupFeatures], stats: PileStats, options: GroupOptions | None = None
) -> list[tuple[str, ...]]:
    """Per article, its distinctive headline-and-lead terms among its ``top_terms`` best by
    the pile's IDF (``stats``): what step 2 blocks on (:func:`_candidates`), computed per
    article so that a caller can find the candidate pairs of a large pile with a shuffle."""
    opts = options or GroupOptions()
    if not features:
        return []
    _, doc, term, names = _tfidf_rows([f.terms for f in features], opts, stats)
    out: list[list[str]] = [[] for _ in features]
    for d, t in zip(doc.tolist(), term.tolist(), strict=True):
        out[d].append(names[t])
    return [tuple(x) for x in out]


#: a blocking key's weight when both articles hold it whole (2) or tagged with a week (1):
#: twice the weight of :func:`_candidates`, so that sums stay whole numbers
WHOLE_KEY, WEEK_KEY = 2, 1


def block_cap(articles: int, options: GroupOptions | None = None) -> int:
    """The most articles a blocking key may be held by in a pile of ``articles`` (see
    :func:`_candidates`)."""
    opts = options or GroupOptions()
    return min(opts.max_block, max(8, int(opts.max_df * articles)))


def blocking_keys(kept: Sequence[str], published: str | None, common: Collection[str]) -> list[tuple[str, int]]:
    """The blocking keys of one article as :func:`_candidates` makes them, from its
    :func:`blocking_terms` (``kept``) and the terms among all articles' kept terms held by
    more than :func:`block_cap` articles (``common``): a term that is not common is a key
    whole (weight :data:`WHOLE_KEY`); a common one, for a dated article, two keys, the term
    tagged with its week and with the next (weight :data:`WEEK_KEY` each), and none for an
    undated article. Two articles are a candidate pair when the keys they share (each held by
    2 to ``block_cap`` articles) weigh at least ``2 * min_shared`` together (the float
    products of :func:`_candidates`, 1 and about 0.5 each, summed and compared with
    ``min_shared - 1e-6``, decide alike for sums of fewer than 30 terms)."""
    day = _day(published)
    keys: list[tuple[str, int]] = []
    for t in kept:
        if t not in common:
            keys.append((t, WHOLE_KEY))
        elif day is not None:
            keys.append((f"{t}\x00{day // 7}", WEEK_KEY))
            keys.append((f"{t}\x00{day // 7 + 1}", WEEK_KEY))
    return keys


def band_keys(features: Sequence[GroupFeatures]) -> list[tuple[int, ...]]:
    """Per article, its MinHash band keys as :func:`_near_duplicate_pairs` computes them (one
    per band): articles sharing a key in the same band are near-duplicate candidates, kept
    when :func:`near_duplicate` says so."""
    if not features:
        return []
    return [tuple(row) for row in _band_matrix(_signatures(features)).tolist()]


def near_duplicate(a: bytes, b: bytes, threshold: float) -> bool:
    """Whether two articles' MinHash signatures (:attr:`GroupFeatures.minhash`) agree on at
    least ``threshold`` of their values (the test of :func:`_near_duplicate_pairs`)."""
    sa, sb = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.mean(sa == sb)) >= threshold


def _origins(ids: list[str], members: list[int], origin_sets: UnionFind, days: list[int | None]) -> Group:
    """A group's article ids and each one's origin: the earliest article (by date, then id)
    of its set of republications."""

    def first(k: int) -> tuple[int, str]:
        day = days[k]
        return (day if day is not None else 10**9, ids[k])

    by_origin: dict[int, list[int]] = defaultdict(list)
    for k in members:
        by_origin[origin_sets.find(k)].append(k)
    origin_of = {k: ids[min(ks, key=first)] for ks in by_origin.values() for k in ks}
    return tuple(ids[k] for k in members), tuple(origin_of[k] for k in members)


def _link_origins(
    members: list[int],
    feats: list[GroupFeatures],
    dups: set[tuple[int, int]],
    origin_sets: UnionFind,
    opts: GroupOptions,
    days: list[int | None],
) -> tuple[int, int]:
    """Join the republications inside one story, and the articles crediting one agency that
    share some of its wording; returns how many pairs were joined each way."""
    from .credits import credited_agencies

    grams = [np.frombuffer(feats[i].grams, dtype="<u4") for i in members]
    agencies = [credited_agencies(feats[i].credit) for i in members]
    shared = _shared_counts(grams)
    joined = credited = 0
    for x, i in enumerate(members):
        for y in range(x + 1, len(members)):
            j = members[y]
            di, dj = days[i], days[j]
            shorter = max(1, min(len(grams[x]), len(grams[y])))
            if (i, j) in dups or shared[x, y] >= opts.republication * shorter:
                origin_sets.union(i, j)
                joined += 1
            elif (
                agencies[x] & agencies[y]
                and shared[x, y] >= opts.credited_republication * shorter
                and (di is None or dj is None or abs(di - dj) <= opts.credited_days)
            ):
                origin_sets.union(i, j)
                credited += 1
    return joined, credited


def _shared_counts(grams: list[np.ndarray]) -> np.ndarray:
    """For sorted arrays of distinct values, how many values each pair has in common (a
    square matrix); for a large story by one sparse product."""
    from scipy.sparse import csr_matrix

    k = len(grams)
    if k < 12:  # a sparse product costs about as much as 66 pairs compared one by one
        out = np.diag([len(g) for g in grams])
        for x in range(k):
            for y in range(x + 1, k):
                out[x, y] = out[y, x] = _shared(grams[x], grams[y])
        return out
    sizes = [len(g) for g in grams]
    values, column = np.unique(np.concatenate(grams), return_inverse=True)
    rows = np.repeat(np.arange(k), sizes)
    matrix = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, column.ravel())), shape=(k, max(1, len(values))))
    return np.asarray((matrix @ matrix.T).toarray())


def _by_size(a: dict[int, float], b: dict[int, float]) -> tuple[dict[int, float], dict[int, float]]:
    return (a, b) if len(a) <= len(b) else (b, a)


def _shared(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values have in common."""
    if not len(a) or not len(b):
        return 0
    at = np.searchsorted(b, a).clip(max=len(b) - 1)
    return int(np.count_nonzero(b[at] == a))


def _weekdays(bags: Sequence[tuple[tuple[str, int], ...]], days: list[int | None], spread: float) -> np.ndarray:
    """Per undated article, the weekdays its headline and first sentences name (its ``WHEN``
    terms), as a unit vector over the seven, each named day's neighbours at ``spread`` (all
    zero where none is named, or the article has a date)."""
    out = np.zeros((len(bags), len(WEEKDAYS)), dtype=np.float64)
    for i, bag in enumerate(bags):
        if days[i] is not None:
            continue
        for t, _ in _head(bag):
            if t.startswith(WHEN) and t[1:] in WEEKDAYS:
                k = WEEKDAYS.index(t[1:])
                out[i, k] = 1.0
                for j in (k - 1, (k + 1) % 7):
                    out[i, j] = max(out[i, j], spread)
    norm = np.linalg.norm(out, axis=1)
    return out / np.where(norm > 0, norm, 1.0)[:, None]


def _body_cost(whole: np.ndarray, opts: GroupOptions) -> np.ndarray:
    """What a whole-text similarity below ``body_floor`` costs an undated merge: everything
    (no merge) when ``body_rise`` is 0, else ``body_rise`` times the shortfall."""
    short = np.maximum(0.0, opts.body_floor - whole)
    if opts.body_rise <= 0:
        return np.where(short > 0, 10.0, 0.0)
    return opts.body_rise * short


def _rescue_reach(opts: GroupOptions) -> float:
    """How far below the bar an undated merge may still be rescued (step 3)."""
    return max(opts.rescue_margin, opts.learned_margin if opts.rescue_model else 0.0)


def _queue(
    n: int,
    cand: set[tuple[int, int]],
    dups: set[tuple[int, int]],
    mat: Any,
    emb: np.ndarray | None,
    week: np.ndarray,
    body: Any,
    days: list[int | None],
    opts: GroupOptions,
) -> list[tuple[int, int]]:
    """The candidate pairs clustering takes, best first: near-duplicates, and pairs scoring
    at least ``threshold`` whose dates are not more than ``window_days`` apart. Only these
    pairs ever join two clusters, so the clustering of a pile is the clustering of each
    connected component of these pairs."""
    queue: list[tuple[int, int]] = []
    days_none = np.array([d is None for d in days])
    if cand:
        pairs = np.array(list(cand), dtype=np.int64)  # any order: the queue below is sorted fully
        ia, ib = pairs[:, 0], pairs[:, 1]
        score = np.empty(len(pairs), dtype=np.float64)
        for lo in range(0, len(pairs), 32768):  # in slices: memory stays small on large piles
            xa, xb = ia[lo : lo + 32768], ib[lo : lo + 32768]
            part = np.asarray(mat[xa].multiply(mat[xb]).sum(axis=1), dtype=np.float64).ravel()
            if emb is not None:
                part = opts.weight * np.einsum("ij,ij->i", emb[xa], emb[xb]) + (1 - opts.weight) * part
            if opts.weekday_penalty:
                # both name weekdays: the less they share, the less alike (module docstring, step 3)
                wa, wb = week[xa], week[xb]
                has = (wa.any(axis=1) & wb.any(axis=1)).astype(np.float64)
                part = part - opts.weekday_penalty * (has - np.einsum("ij,ij->i", wa, wb))
            if body is not None and not opts.body_stories_only:
                # both undated: the whole texts must be alike too (module docstring, step 3)
                whole = np.asarray(body[xa].multiply(body[xb]).sum(axis=1), dtype=np.float64).ravel()
                both = (np.asarray(days_none)[xa] & np.asarray(days_none)[xb]).astype(np.float64)
                part = part - both * _body_cost(whole, opts)
            score[lo : lo + len(part)] = part
        near = np.isin(ia * n + ib, np.array([i * n + j for i, j in dups], dtype=np.int64))
        day = np.array([-1 if d is None else d for d in days], dtype=np.int64)
        da, db = day[ia], day[ib]
        apart = (da >= 0) & (db >= 0) & (np.abs(da - db) > opts.window_days)
        bar = np.full(len(score), opts.threshold)
        if body is not None and opts.body_rescue > 0:
            # both undated: a pair just below the bar may still join on its whole text (step 3)
            bar = bar - _rescue_reach(opts) * (days_none[ia] & days_none[ib])
        keep = near | (~apart & (score >= bar))
        score = np.where(near, 1.0, np.round(score, 6))
        # best first; rows are sorted by id, so their indexes break ties
        order = np.lexsort((ib[keep], ia[keep], -score[keep]))
        queue = list(zip(ia[keep][order].tolist(), ib[keep][order].tolist(), strict=True))
    return queue


_MONTH_START = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _year_day(mark: str) -> int:
    """The day of a (common) year of a ``DATE_MARK`` term ("@d:03-03" -> 61)."""
    month, day = mark[len(DATE_MARK) :].split("-")
    return _MONTH_START[int(month) - 1] + int(day) - 1


def _apart(a: frozenset[int], b: frozenset[int], window: int) -> bool:
    """Whether every day of ``a`` lies more than ``window`` days from every day of ``b``
    (days of a year, the year unknown: December 30 and January 2 are 3 days apart)."""
    return all(min(abs(x - y), 365 - abs(x - y)) > window for x in a for y in b)


def _link(
    n: int,
    cand: set[tuple[int, int]],
    dups: set[tuple[int, int]],
    mat: Any,
    emb: np.ndarray | None,
    week: np.ndarray,
    body: Any,
    days: list[int | None],
    opts: GroupOptions,
    events: _EventRows | None = None,
    bags: Sequence[tuple[tuple[str, int], ...]] | None = None,
) -> list[list[int]]:
    """Average-linkage clustering over the candidate pairs, best first (the module docstring's
    step 3); returns the clusters, each sorted, in a stable order."""
    queue = _queue(n, cand, dups, mat, emb, week, body, days, opts)
    clusters = UnionFind(n)
    # average linkage of dot products is the dot product of the clusters' summed vectors; the
    # word vectors are summed as dicts (a cluster holds a few hundred terms at most)
    indptr, indices, data = mat.indptr, mat.indices, mat.data
    lex_sum: dict[int, dict[int, float]] = {}
    emb_sum: dict[int, np.ndarray] = {}
    has_week: np.ndarray = np.asarray(week.any(axis=1), dtype=np.float64)
    week_sum: dict[int, tuple[np.ndarray, float]] = {}
    span: dict[int, tuple[int, int] | None] = {i: (d, d) if d is not None else None for i, d in enumerate(days)}
    # the months and days written in each undated article's headline and lead (v8), as days of
    # a year; two undated stories whose written days all lie more than ``written_window`` apart
    # are two events
    written: dict[int, frozenset[int]] = {}
    if opts.written_window > 0 and bags is not None:
        for i, bag in enumerate(bags):
            if days[i] is None:
                got = frozenset(_year_day(t) for t, _ in _head(bag) if t.startswith(DATE_MARK))
                if got:
                    written[i] = got

    def lex_of(root: int) -> dict[int, float]:
        if root not in lex_sum:
            lo, hi = indptr[root], indptr[root + 1]
            lex_sum[root] = dict(zip(indices[lo:hi].tolist(), data[lo:hi].tolist(), strict=True))
        return lex_sum[root]

    if body is not None:
        from scipy.sparse import csr_matrix

        ones = csr_matrix(np.ones((1, n), dtype=np.float32))

    def emb_of(root: int) -> np.ndarray:
        assert emb is not None
        return emb_sum[root] if root in emb_sum else emb[root]

    def week_of(root: int) -> tuple[np.ndarray, float]:
        return week_sum[root] if root in week_sum else (week[root], float(has_week[root]))

    model = event_model(opts.event_model) if events is not None and opts.event_floor > 0 else None
    rescuer = rescue_model(opts.rescue_model) if events is not None and opts.rescue_model else None
    judged: dict[tuple[int, int, int], float] = {}

    def mean_proba(which: EventModel, ra: list[int], rb: list[int]) -> float:
        """The mean same-event probability by ``which`` over the pairs of two stories (the
        first ``EVENT_MEMBERS`` members of each; each pair judged once)."""
        assert events is not None
        key = id(which)
        ma, mb = sorted(ra)[:EVENT_MEMBERS], sorted(rb)[:EVENT_MEMBERS]
        pairs = [(key, a, b) if a < b else (key, b, a) for a in ma for b in mb]
        todo = [p for p in pairs if p not in judged]
        if todo:
            arr = np.array([p[1:] for p in todo], dtype=np.int64)
            judged.update(zip(todo, which.proba(events.features(arr[:, 0], arr[:, 1])).tolist(), strict=True))
        return sum(judged[p] for p in pairs) / len(pairs)

    if rescuer is not None and events is not None and queue:
        # the pairs a rescue of two single reports reads, judged in one pass (each attempt
        # alone costs a few sparse row products); any other pair is judged when first needed
        undated = [(i, j) for i, j in queue if days[i] is None and days[j] is None and (i, j) not in dups]
        for lo in range(0, len(undated), 32768):
            part = np.array(undated[lo : lo + 32768], dtype=np.int64).reshape(-1, 2)
            probs = rescuer.proba(events.features(part[:, 0], part[:, 1])).tolist()
            judged.update(zip(((id(rescuer), i, j) for i, j in part.tolist()), probs, strict=True))

    def same_event(ra: list[int], rb: list[int]) -> float:
        """The mean same-event probability over the pairs of two stories (the veto)."""
        assert model is not None
        return mean_proba(model, ra, rb)

    def against(ra: list[int], rb: list[int]) -> tuple[float, float, float]:
        """Over the pairs of two stories (the first ``EVENT_MEMBERS`` members of each, so one
        rescue attempt costs at most its square): the mean whole-text cosine, the share of
        pairs whose texts both name weekdays and share none, and the mean share of the
        shorter text's distinctive terms found in the other (step 3, v6)."""
        assert events is not None
        ma, mb = sorted(ra)[:EVENT_MEMBERS], sorted(rb)[:EVENT_MEMBERS]
        xa = np.array([a for a in ma for _ in mb], dtype=np.int64)
        xb = np.array([b for _ in ma for b in mb], dtype=np.int64)
        x = events.features(xa, xb)
        disjoint = (x[:, 4] > 0) & (x[:, 5] == 0)
        return float(x[:, 2].mean()), float(disjoint.mean()), float(x[:, 9].mean())

    def written_against(ra: list[int], rb: list[int]) -> float:
        """The share of the pairs of two stories (the first ``EVENT_MEMBERS`` members of
        each) whose leads carry written evidence of two events (v8): months and days that
        differ, or headlines naming different stages of a story. (Weekdays two or more days
        apart and elapsed times fire on a third of BASIL's true joins: not evidence here.)"""
        assert events is not None
        ma, mb = sorted(ra)[:EVENT_MEMBERS], sorted(rb)[:EVENT_MEMBERS]
        xa = np.array([a for a in ma for _ in mb], dtype=np.int64)
        xb = np.array([b for _ in ma for b in mb], dtype=np.int64)
        x = events.features(xa, xb)
        marks = x[:, [EVENT_FEATURES.index(k) for k in ("lead_dates_differ", "headline_stages_differ")]]
        return float(marks.any(axis=1).mean())

    scope = {"stories": 2, "joins": 1, "all": 0}[opts.event_scope]  # checked by GroupOptions

    def undated_merge(sa: tuple[int, int] | None, sb: tuple[int, int] | None) -> bool:
        """Whether a merge is judged as undated: both sides undated, or (v9) either."""
        return sa is None or sb is None if opts.mixed_undated else sa is None and sb is None

    for i, j in queue:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        above = -1.0  # how far the merge's average similarity lies above its bar, when computed
        na, nb = len(clusters.members[ri]), len(clusters.members[rj])
        rescue = body is not None and opts.body_rescue > 0
        if (
            written
            and (i, j) not in dups
            and ri in written
            and rj in written
            and _apart(written[ri], written[rj], opts.written_window)
        ):
            continue  # written days apart: two events (v8)
        if (i, j) not in dups and (na > 1 or nb > 1 or rescue):
            # two single articles: their pair score is the average already
            sa, sb = span[ri], span[rj]
            if sa and sb and (sb[0] - sa[1] > opts.window_days or sa[0] - sb[1] > opts.window_days):
                continue
            small, big = _by_size(lex_of(ri), lex_of(rj))
            avg = sum(v * big.get(k, 0.0) for k, v in small.items())
            if emb is not None:
                avg = opts.weight * float(emb_of(ri) @ emb_of(rj)) + (1 - opts.weight) * avg
            if opts.weekday_penalty:
                (va, ha), (vb, hb) = week_of(ri), week_of(rj)
                avg -= opts.weekday_penalty * (ha * hb - float(va @ vb))
            bar = opts.threshold
            if na > 1 and nb > 1 and sa is None and sb is None:  # two undated stories (step 3)
                bar += opts.story_merge
            rescued = False
            if avg / (na * nb) < bar:
                # undated, just below the bar: joins when the whole texts are alike (rescue)
                if not rescue or not undated_merge(sa, sb) or avg / (na * nb) < bar - _rescue_reach(opts):
                    continue
                joins = min(na, nb) == 1 and max(na, nb) > 1
                learned = (
                    rescuer is not None
                    and avg / (na * nb) >= bar - opts.learned_margin
                    and (not opts.rescue_joins or joins or (opts.rescue_singles and na == nb == 1))
                )
                if (joins or not opts.rescue_joins) and avg / (na * nb) >= bar - opts.rescue_margin:
                    alike, disjoint, distinct = against(clusters.members[ri], clusters.members[rj])
                    rescued = (
                        alike >= max(opts.body_rescue, opts.body_floor)
                        and disjoint < opts.rescue_days
                        and distinct >= opts.rescue_distinct
                    )
                if not rescued and learned:
                    assert rescuer is not None
                    rescued = mean_proba(rescuer, clusters.members[ri], clusters.members[rj]) >= opts.rescue_floor
                if not rescued:
                    continue
            above = avg / (na * nb) - bar
            if (
                not rescued
                and body is not None
                and undated_merge(sa, sb)
                and ((na > 1 and nb > 1) or not opts.body_stories_only)
            ):
                # two undated stories: their whole texts must be alike too (step 3); summed
                # only for a pair that passes the cheaper test above
                ua, ub = (ones[:, : len(m)] @ body[m] for m in (clusters.members[ri], clusters.members[rj]))
                alike = float(ua.multiply(ub).sum()) / (na * nb)
                if avg / (na * nb) < bar + float(_body_cost(np.array([alike]), opts)[0]):
                    continue
        if (
            model is not None
            and events is not None
            and (i, j) not in dups
            and undated_merge(span[ri], span[rj])
            and (na > 1) + (nb > 1) >= scope
            and above < opts.event_margin
            and same_event(clusters.members[ri], clusters.members[rj]) < opts.event_floor
            and (
                opts.event_evidence <= 0
                or (na > 1 and nb > 1)
                or written_against(clusters.members[ri], clusters.members[rj]) >= opts.event_evidence
            )
        ):
            continue
        # the larger cluster's sums absorb the smaller's in place (each root owns its dict),
        # so a story that grows one article at a time costs no copy of its terms per step
        small, new_lex = _by_size(lex_of(ri), lex_of(rj))
        for k, v in small.items():
            new_lex[k] = new_lex.get(k, 0.0) + v
        new_emb = None
        if emb is not None:
            owned = emb_sum.get(ri)
            new_emb = emb[ri] + emb_of(rj) if owned is None else np.add(owned, emb_of(rj), out=owned)
        (va, ha), (vb, hb) = week_of(ri), week_of(rj)
        new_week = (va + vb, ha + hb)

        sa, sb = span[ri], span[rj]
        new_span = (min(sa[0], sb[0]), max(sa[1], sb[1])) if sa and sb else (sa or sb)
        root = clusters.union(i, j)
        for old in (ri, rj):
            lex_sum.pop(old, None)
            emb_sum.pop(old, None)
            week_sum.pop(old, None)
            span.pop(old, None)
        lex_sum[root] = new_lex
        if new_emb is not None:
            emb_sum[root] = new_emb
        week_sum[root] = new_week
        span[root] = new_span
        if written:
            merged = written.pop(ri, frozenset()) | written.pop(rj, frozenset())
            if merged:
                written[root] = merged
    return sorted(sorted(m) for m in clusters.members.values())


def name_stories(groups: Sequence[Group], previous: dict[str, str]) -> list[Story]:
    """The stories of ``groups`` (each its article ids, sorted, and their origins; in the
    order of their ids), named: a story keeps the id of the previous story it overlaps most;
    a new story is named after its first article, so ids do not depend on the order of the
    input. Sorted largest first, then by first article."""
    groups = sorted(groups)
    overlap: list[tuple[int, str, int]] = []
    for g, (members, _) in enumerate(groups):
        counts = Counter(previous[k] for k in members if k in previous)
        overlap += [(-c, sid, g) for sid, c in counts.items()]
    overlap.sort()
    names: dict[int, str] = {}
    used: set[str] = set()
    for _, sid, g in overlap:
        if g not in names and sid not in used:
            names[g] = sid
            used.add(sid)
    stories = []
    for g, (members, origins) in enumerate(groups):
        sid = names.get(g) or ""
        if not sid:
            sid = "s" + hashlib.sha256(members[0].encode()).hexdigest()[:10]
            while sid in used:
                sid = "s" + hashlib.sha256(sid.encode()).hexdigest()[:10]
            used.add(sid)
        stories.append(Story(sid, tuple(members), tuple(origins)))
    stories.sort(key=lambda s: (-len(s.articles), s.articles[0]))
    return stories
