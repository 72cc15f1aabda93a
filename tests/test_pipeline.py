"""The per-record step: what ingest's workers call and a Spark job can call unchanged."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

from newsprism import CleanOptions, InputError, Prepared, PrepareOptions, from_text, prepare, prepare_many

BODY = "Headline here\nThe council approved the budget on Tuesday after a long debate.\nIt passes next week."
CUSTOM = "furniture\tline\t^Advertisement$\n"


def test_options_are_plain_picklable_values_without_paths() -> None:
    options = PrepareOptions(clean=CleanOptions(patterns=CUSTOM))
    assert pickle.loads(pickle.dumps(options)) == options
    assert options.clean.version.startswith("furniture.custom-")


def test_prepare_many_keeps_order_and_answers_bad_records() -> None:
    good = from_text(BODY, id="a")
    empty = from_text("Headline\n   \n", id="b")
    out = prepare_many([good, InputError("x.jsonl:3", "line is not valid JSON"), empty, good])
    assert isinstance(out[0], Prepared) and out[0].features is not None
    assert isinstance(out[1], InputError) and out[1].source == "x.jsonl:3"
    assert isinstance(out[2], InputError) and out[2].source == "b"
    assert out[3] == out[0]
    assert prepare(good) == out[0]
    assert prepare(good, PrepareOptions(group=None)).features is None


def _in_child(raw):  # a top-level function: what a spawned worker or a Spark executor runs
    return prepare_many([raw], PrepareOptions(clean=CleanOptions(patterns=CUSTOM)))


def test_prepare_runs_the_same_in_a_spawned_process() -> None:
    """No fork-only assumption: a fresh interpreter (spawn), given only pickled values, prepares
    a record exactly as this process does."""
    raw = from_text(BODY + "\nAdvertisement", id="a")
    here = _in_child(raw)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        there = pool.submit(_in_child, raw).result(timeout=120)
    assert there == here
    assert isinstance(here[0], Prepared) and here[0].article.removed == ("Advertisement",)
