"""The public options records refuse what they cannot use, in one line naming the record, the
field, the value and what is allowed; their boundary values are accepted; the CLI reports an
out-of-range value as a usage error (exit 2) naming the option."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newsprism
from newsprism.align import AlignOptions
from newsprism.clean import CleanOptions
from newsprism.cli import main
from newsprism.comparison import CompareOptions
from newsprism.digest import DigestOptions
from newsprism.errors import NewsprismError, OptionsError
from newsprism.grouping import GroupOptions
from newsprism.pipeline import PrepareOptions
from newsprism.readers import ReadOptions
from newsprism.reuse import ReuseOptions
from newsprism.spark._units import UnitOptions
from newsprism.web import WebOptions

NAN, INF = float("nan"), float("inf")

#: (record, field, bad value): each is refused naming the field and the value
BAD: list[tuple[type, str, Any]] = [
    # GroupOptions: a similarity bar from -1 to 1, shares and probabilities 0 to 1, margins
    # and factors 0 or more, counts, flags, names
    (GroupOptions, "threshold", 1.5),
    (GroupOptions, "threshold", -1.01),
    (GroupOptions, "threshold", NAN),
    (GroupOptions, "threshold", "0.3"),
    (GroupOptions, "threshold", True),
    (GroupOptions, "rescue_floor", 1.5),
    (GroupOptions, "rescue_floor", -0.1),
    (GroupOptions, "event_floor", 1.2),
    (GroupOptions, "body_floor", -0.3),
    (GroupOptions, "near_duplicate", 2.0),
    (GroupOptions, "republication", -0.5),
    (GroupOptions, "credited_republication", 0.5),  # above republication (0.3)
    (GroupOptions, "weight", 1.1),
    (GroupOptions, "max_df", 5.0),
    (GroupOptions, "weekday_penalty", -0.1),
    (GroupOptions, "weekday_spread", 1.5),
    (GroupOptions, "story_merge", INF),
    (GroupOptions, "event_evidence", 1.01),
    (GroupOptions, "body_rescue", -1.0),
    (GroupOptions, "rescue_days", 2.0),
    (GroupOptions, "rescue_distinct", 1.01),
    (GroupOptions, "body_rise", -0.5),
    (GroupOptions, "event_margin", -0.1),
    (GroupOptions, "rescue_margin", -0.1),
    (GroupOptions, "learned_margin", NAN),
    (GroupOptions, "window_days", -1),
    (GroupOptions, "window_days", 2.5),
    (GroupOptions, "credited_days", -1),
    (GroupOptions, "written_window", -14),
    (GroupOptions, "event_chars", -1),
    (GroupOptions, "block_above", -1),
    (GroupOptions, "idf_prior", -100),
    (GroupOptions, "lead_sentences", 0),
    (GroupOptions, "top_terms", 0),
    (GroupOptions, "min_shared", 0),
    (GroupOptions, "max_block", 0),
    (GroupOptions, "num_perm", 0),
    (GroupOptions, "num_perm", True),
    (GroupOptions, "embedder", "bert"),
    (GroupOptions, "embedder", "none"),
    (GroupOptions, "event_scope", "some"),
    (GroupOptions, "event_model", 4),
    (GroupOptions, "rescue_model", 4),
    (GroupOptions, "event_model", None),  # the veto is on (event_floor 0.4) and has no model
    (GroupOptions, "event_model", ""),
    (GroupOptions, "rescue_joins", "yes"),
    (GroupOptions, "rescue_singles", 1),
    (GroupOptions, "body_stories_only", None),
    (GroupOptions, "mixed_undated", "yes"),
    (GroupOptions, "unshout", 0),
    # AlignOptions: similarities, shares and probabilities 0 to 1, caps, a high bar not under
    # the low bar
    (AlignOptions, "embedder", "bert"),
    (AlignOptions, "weight", 1.5),
    (AlignOptions, "threshold", 1.5),
    (AlignOptions, "threshold", -0.1),
    (AlignOptions, "threshold", NAN),
    (AlignOptions, "group_threshold", 2.0),
    (AlignOptions, "member_threshold", -0.2),
    (AlignOptions, "related_threshold", 1.3),
    (AlignOptions, "independent_threshold", 1.5),
    (AlignOptions, "independent_threshold", 0.2),  # under the embedder's threshold (0.3)
    (AlignOptions, "rewrite_share", -0.15),
    (AlignOptions, "rewrite_share_either", 1.11),
    (AlignOptions, "veto_length_ratio", 3.5),
    (AlignOptions, "claim_threshold", 1.1),
    (AlignOptions, "claim_member", -0.05),
    (AlignOptions, "max_sentences", 0),
    (AlignOptions, "max_sentence_chars", -1),
    (AlignOptions, "rewrite_min_sentences", 2.5),
    (AlignOptions, "related_per_sentence", -1),
    (AlignOptions, "claims", "yes"),
    # ReuseOptions
    (ReuseOptions, "ngram", 0),
    (ReuseOptions, "ngram", 5.0),
    (ReuseOptions, "gap", -1),
    (ReuseOptions, "min_share", 1.5),
    (ReuseOptions, "min_share", -0.1),
    # CleanOptions
    (CleanOptions, "patterns", 5),
    (CleanOptions, "shape_model", b"{}"),
    (CleanOptions, "drop_repeated_headline", "no"),
    (CleanOptions, "drop_edge_labels", 0),
    (CleanOptions, "use_structure", None),
    (CleanOptions, "learned_shape", "false"),
    (CleanOptions, "repeated", {"a line"}),
    (CleanOptions, "repeated", frozenset({1})),
    # the records of records
    (CompareOptions, "align", GroupOptions()),
    (CompareOptions, "clean", None),
    (CompareOptions, "reuse", {"ngram": 5}),
    (PrepareOptions, "clean", AlignOptions()),
    (PrepareOptions, "group", AlignOptions()),
    (PrepareOptions, "quotes", "yes"),
    (PrepareOptions, "framing", None),
    (UnitOptions, "group", None),
    (UnitOptions, "read", 5),
    (UnitOptions, "quotes", 1),
    # DigestOptions, ReadOptions and WebOptions (checked before, now OptionsError)
    (DigestOptions, "max_sentences", 0),
    (DigestOptions, "min_sentences", 9),  # over max_sentences (5)
    (DigestOptions, "min_outlets", 1),
    (DigestOptions, "max_only", 1.5),
    (ReadOptions, "max_article_bytes", 0),
    (ReadOptions, "max_feed_bytes", 1.5),
    (WebOptions, "max_articles", 1),
    (WebOptions, "max_sentences", 0),
    (WebOptions, "request_seconds", 0),
    (WebOptions, "request_seconds", NAN),
    (WebOptions, "request_seconds", INF),
    (WebOptions, "allowed_hosts", ["localhost"]),
    # a long value is named by its kind, in every record (the checks' one rule)
    (WebOptions, "allowed_hosts", [f"host{k}.example" for k in range(20)]),
    (WebOptions, "request_seconds", [1.0] * 30),
    (ReadOptions, "max_record_bytes", [1] * 30),
    (WebOptions, "embedder", "bert"),
]


def _id(case: tuple[type, str, Any]) -> str:
    return f"{case[0].__name__}.{case[1]}={case[2]!r}"[:80]


@pytest.mark.parametrize(("record", "name", "value"), BAD, ids=[_id(c) for c in BAD])
def test_a_bad_value_is_refused_in_one_line_naming_record_field_and_value(record: type, name: str, value: Any) -> None:
    with pytest.raises(OptionsError) as info:
        record(**{name: value})
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{record.__name__}.{name} must be "), message
    shown = repr(value) if len(repr(value)) <= 60 else f"a {type(value).__name__}"
    assert message.endswith(f", not {shown}") or message.endswith(f", not a {type(value).__name__}"), message
    # one error class, in the tree and a ValueError (so `except ValueError` goes on working)
    assert isinstance(info.value, NewsprismError) and isinstance(info.value, ValueError)


def test_the_message_says_what_is_allowed() -> None:
    with pytest.raises(OptionsError, match=r"^GroupOptions\.rescue_floor must be a number from 0 to 1, not 1\.5$"):
        GroupOptions(rescue_floor=1.5)
    with pytest.raises(OptionsError, match=r"^GroupOptions\.threshold must be a number from -1 to 1, not 1\.5$"):
        GroupOptions(threshold=1.5)
    with pytest.raises(
        OptionsError, match=r"^AlignOptions\.independent_threshold must be 0 \(off\) or at least threshold \(0\.4\)"
    ):
        AlignOptions(threshold=0.4, independent_threshold=0.35)
    with pytest.raises(OptionsError, match=r"^GroupOptions\.window_days must be a whole number of 0 or more, not -1$"):
        GroupOptions(window_days=-1)
    with pytest.raises(OptionsError, match=r"^CompareOptions\.align must be an AlignOptions, not a GroupOptions$"):
        CompareOptions(align=GroupOptions())  # type: ignore[arg-type]


def test_a_weight_without_an_embedder_is_refused_not_dropped() -> None:
    """Without an embedder there is no embedding cosine to weigh: a weight given above 0 was
    silently set to 0; it is refused, and 0 or None (the default) stays allowed."""
    with pytest.raises(
        OptionsError,
        match=r"^AlignOptions\.weight must be 0 or None with embedder None \(no embedding to weigh\), not 0\.5$",
    ):
        AlignOptions(embedder=None, weight=0.5)
    with pytest.raises(OptionsError, match=r"^AlignOptions\.weight .*, not 0\.5$"):
        dataclasses.replace(AlignOptions(), embedder=None)  # wordllama's weight carried over
    assert AlignOptions(embedder=None).weight == AlignOptions(embedder=None, weight=0).weight == 0.0


def test_a_veto_without_a_model_is_refused_when_made() -> None:
    """``event_floor`` above 0 reads a same-event model: without one the record is refused
    when made (it was refused only when grouping ran, and not at all by a pile with dates);
    ``event_floor`` 0 needs none."""
    with pytest.raises(
        OptionsError,
        match=r"^GroupOptions\.event_model must be 'same-event\.v4' \(the shipped veto, the default\) or a file "
        r"written by benchmarks/train_grouping\.py --out PATH when event_floor is above 0 \(0 turns the veto off\), "
        r"not None$",
    ):
        GroupOptions(event_floor=0.5, event_model=None)
    with pytest.raises(OptionsError, match=r"^GroupOptions\.event_model "):
        dataclasses.replace(GroupOptions(event_floor=0, event_model=None), event_floor=0.2)
    assert GroupOptions(event_floor=0, event_model=None).event_model is None


def test_replace_is_checked_too() -> None:
    with pytest.raises(OptionsError, match=r"GroupOptions\.rescue_floor"):
        dataclasses.replace(GroupOptions(), rescue_floor=1.5)


#: (record, keywords): boundary and special values that stay allowed
GOOD: list[tuple[type, dict[str, Any]]] = [
    (GroupOptions, {"threshold": -1.0}),  # the lowest a cosine reaches: every candidate pair merges
    (GroupOptions, {"threshold": 1}),
    (GroupOptions, {"rescue_floor": 0, "event_floor": 1.0, "body_floor": 1, "body_rescue": 0}),
    (GroupOptions, {"rescue_distinct": 1.0, "rescue_days": 0.0, "event_evidence": 0}),
    (GroupOptions, {"credited_republication": 0.3, "republication": 0.3}),
    (GroupOptions, {"republication": 0.0, "credited_republication": 0.0}),
    (GroupOptions, {"window_days": 0, "written_window": 0, "credited_days": 0, "idf_prior": 0, "block_above": 0}),
    (GroupOptions, {"event_margin": 1.0, "rescue_margin": 0.0, "learned_margin": 0.0, "body_rise": 2.5}),
    (GroupOptions, {"embedder": None, "event_model": None, "rescue_model": None, "event_floor": 0}),
    (GroupOptions, {"embedder": "minilm", "event_scope": "all"}),
    (AlignOptions, {"embedder": None, "threshold": 0, "group_threshold": 0.0, "member_threshold": 0}),
    (AlignOptions, {"threshold": 1.0, "independent_threshold": 0}),  # 0 turns the high bar off
    (AlignOptions, {"threshold": 0.6}),  # the embedder's default high bar (0.5) yields to a raised threshold
    (AlignOptions, {"threshold": 0.45, "independent_threshold": 0.45}),
    (AlignOptions, {"rewrite_share": 0, "rewrite_share_either": 1, "veto_length_ratio": 0, "related_per_sentence": 0}),
    (AlignOptions, {"claims": True, "claim_threshold": 0.999, "claim_member": 1.0}),
    (ReuseOptions, {"ngram": 1, "gap": 0, "min_share": 1.0}),
    (CleanOptions, {"repeated": frozenset({"a line"}), "patterns": ""}),
    (PrepareOptions, {"group": None, "quotes": False, "framing": False}),
    (UnitOptions, {"read": ReadOptions(max_article_bytes=1)}),
    (DigestOptions, {"max_sentences": 1, "min_sentences": 1, "min_outlets": 2, "max_only": 0}),
    (WebOptions, {"max_articles": 2, "request_seconds": 0.001, "embedder": "none", "allowed_hosts": ()}),
]


@pytest.mark.parametrize(("record", "kwargs"), GOOD, ids=[f"{r.__name__}-{i}" for i, (r, _) in enumerate(GOOD)])
def test_boundary_values_are_accepted(record: type, kwargs: dict[str, Any]) -> None:
    opts = record(**kwargs)
    for name, value in kwargs.items():
        assert getattr(opts, name) == value


def test_every_public_options_record_is_in_the_table() -> None:
    public = {name for name in newsprism.__all__ if name.endswith("Options")}
    checked = {record.__name__ for record, _, _ in BAD}
    assert public <= checked, public - checked


@pytest.mark.parametrize("record", [GroupOptions, AlignOptions, ReuseOptions, DigestOptions, ReadOptions, WebOptions])
def test_options_read_back_from_json_load(record: type) -> None:
    """Records written as JSON (the web app's worker config) and read back: ints stay ints,
    floats stay floats, so the checks accept them."""
    data = json.loads(json.dumps(dataclasses.asdict(record())))
    if data.get("allowed_hosts") is not None:
        data["allowed_hosts"] = tuple(data["allowed_hosts"])
    assert record(**data) == record()


def test_the_web_workers_config_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from newsprism.web import _CONFIG, LOOPBACK, from_environment

    opts = WebOptions(allowed_hosts=LOOPBACK, request_seconds=5, embedder="none")
    monkeypatch.setenv(_CONFIG, json.dumps({"db": None, "options": dataclasses.asdict(opts)}))
    assert from_environment() is not None


# ---------------------------------------------------------------- the CLI

GOLD = Path(__file__).parent / "gold" / "dev" / "articles"


def _two() -> list[str]:
    return [str(p) for p in sorted(GOLD.iterdir())[:2]]


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "inf"])
@pytest.mark.parametrize(
    "args",
    [
        ["compare", "--embedder", "none", "--threshold"],
        ["group", "--threshold"],
        ["eval", "--threshold"],
        ["spark", "group", "--out", "x", "--threshold"],
    ],
    ids=["compare", "group", "eval", "spark-group"],
)
def test_an_out_of_range_threshold_is_a_usage_error_naming_the_option(args: list[str], value: str) -> None:
    rest = _two() if args[0] in ("compare", "group") else []
    res = CliRunner().invoke(main, [*args, value, *rest])
    assert res.exit_code == 2, res.output
    assert "Invalid value for '--threshold'" in res.output


@pytest.mark.parametrize("value", ["0", "nan", "inf"])
def test_a_bad_serve_timeout_is_a_usage_error_naming_the_option(value: str) -> None:
    res = CliRunner().invoke(main, ["serve", "--timeout", value, "--port", "1"])
    assert res.exit_code == 2, res.output
    assert "Invalid value for '--timeout'" in res.output


def test_an_options_error_met_inside_a_command_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a value pass the option's own check and still be refused by the options record,
    the command ends as a usage error (exit 2), with the record's one line."""

    def refuse(self: GroupOptions) -> None:
        raise OptionsError("GroupOptions.threshold must be a number from -1 to 1, not 9")

    monkeypatch.setattr(GroupOptions, "__post_init__", refuse)
    res = CliRunner().invoke(main, ["group", *_two()])
    assert res.exit_code == 2, res.output
    assert res.output.strip().splitlines()[-1] == (
        "newsprism: error: GroupOptions.threshold must be a number from -1 to 1, not 9"
    )


def test_good_thresholds_still_run() -> None:
    res = CliRunner().invoke(main, ["compare", "--embedder", "none", "--threshold", "1", *_two()])
    assert res.exit_code == 0, res.output
    assert res.output.strip()
