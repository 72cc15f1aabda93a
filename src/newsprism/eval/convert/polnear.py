"""PolNeAR (networkdynamics/PolNeAR): attributed quotes."""

from __future__ import annotations

import csv
import glob
import hashlib
import re
from importlib import resources
from pathlib import Path

from ...text import plural
from ..scoring import overlap
from ._common import (
    ConvertSummary,
    _add_region_quotes,
    _check_limit,
    _GoldBuilder,
    _natural_key,
    _quote_regions,
    _read_text,
    _require_dir,
    _require_file,
)

_POLNEAR_OUTLETS = {
    "huff-post": "Huffington Post",
    "breitbart": "Breitbart",
    "nyt": "New York Times",
    "politico": "Politico",
    "wash-post": "Washington Post",
    "west-journal": "Western Journalism",
    "usa-today": "USA Today",
}


#: Columns of a speaker overlay file (see :func:`load_speaker_overlay`).
SPEAKER_COLUMNS = ("article", "quote_sha8", "source_as_written", "speaker", "note")


def quote_sha8(text: str) -> str:
    """First 8 hex digits of the SHA-256 of ``text`` (UTF-8) with whitespace runs folded to one
    space: the key of a quote in a speaker overlay."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


SpeakerOverlay = dict[tuple[str, str], tuple[str | None, str | None]]


def load_speaker_overlay(text: str, where: str = "speaker overlay") -> SpeakerOverlay:
    """Parse a speaker overlay (tab-separated, UTF-8): ``#`` comment lines, then a header line
    with :data:`SPEAKER_COLUMNS`, then one row a quote. Returns ``(article, quote_sha8) ->
    (source_as_written, speaker)``, an empty cell read as ``None`` (no source; a null speaker).
    Raises :class:`ValueError` (naming ``where`` and the line) on a wrong header, a row with
    another number of cells, a ``quote_sha8`` that is not 8 lower-case hex digits, an empty
    article id, or a key given twice."""
    rows: SpeakerOverlay = {}
    header: list[str] | None = None
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(cells) != SPEAKER_COLUMNS:
                raise ValueError(f"{where}: line {no}: header must be {' | '.join(SPEAKER_COLUMNS)}")
            continue
        if len(cells) != len(SPEAKER_COLUMNS):
            raise ValueError(f"{where}: line {no}: {plural(len(cells), 'cell')}, not {len(SPEAKER_COLUMNS)}")
        article, sha8, source, speaker, _note = cells
        if not article:
            raise ValueError(f"{where}: line {no}: empty article id")
        if not re.fullmatch(r"[0-9a-f]{8}", sha8):
            raise ValueError(f"{where}: line {no}: quote_sha8 {sha8!r} is not 8 lower-case hex digits")
        if (article, sha8) in rows:
            raise ValueError(f"{where}: line {no}: {article} {sha8} given twice")
        rows[(article, sha8)] = (source or None, speaker or None)
    if header is None:
        raise ValueError(f"{where}: no header line")
    return rows


def bundled_speaker_overlay(split: str) -> str | None:
    """Text of the speaker overlay bundled for PolNeAR ``split``
    (``newsprism/eval/data/polnear-speakers-<split>.tsv``), or None where there is none."""
    resource = resources.files("newsprism").joinpath(f"eval/data/polnear-speakers-{split}.tsv")
    return resource.read_text("utf-8") if resource.is_file() else None


def _parse_brat(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, list[str]]]]:
    """Text-bound annotations (T) and events (E) of a brat standoff file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, list[str]]] = []
    for line in _read_text(path).splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and re.fullmatch(r"T\d+", parts[0]):
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                continue
            try:
                frags = [(int(x.split()[0]), int(x.split()[1])) for x in head[1].split(";")]
            except (ValueError, IndexError):
                continue
            spans[parts[0]] = (head[0], frags, parts[2])
        elif len(parts) >= 2 and re.fullmatch(r"E\d+", parts[0]):
            roles: dict[str, list[str]] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    return spans, events


def convert_polnear(
    src: Path, dest: Path, *, limit: int | None = None, split: str = "dev", speakers: Path | bool | None = True
) -> ConvertSummary:
    """PolNeAR (networkdynamics/PolNeAR) ``split`` (dev or train) -> gold set with quotes.

    Maps:
    - ``data/<split>/text/<name>.txt`` -> one article ``<name>``, written as it is (its first
      line is the headline); each article its own story; outlet from ``metadata.tsv``
      (publisher code -> name, e.g. ``wash-post`` -> Washington Post);
    - attributions (brat events with Source, Cue, Content) -> quotes: every quotation (text
      inside double quotation marks, within one paragraph) lying for at least half inside an
      attribution's Content becomes a quote whose speaker is the Source span text (no Source:
      ``null``). A Content that is partly quoted gives its quoted parts;
    - ``speakers``, a speaker overlay (:func:`load_speaker_overlay`) that replaces the speaker of
      each quote it lists by the canonical name the article gives ("he" -> "Donald Trump",
      "Cruz" -> "Ted Cruz"): ``True`` (the default) takes the one bundled for ``split`` where
      there is one (``eval/data/polnear-speakers-dev.tsv``, made by hand for the dev split;
      its header says how), a path takes that file, ``None`` or ``False`` none. A row applies
      only where its ``source_as_written`` is the Source text the data gives; the summary
      counts the speakers set from the overlay (``counts``).

    Limits:
    - PolNeAR has no canonical speaker names (its coreference comes from CoreNLP, not shipped
      here); without an overlay, speakers are the Source text as written: a pronoun ("he") or
      a description ("the campaign") stays as it is, which lowers speaker accuracy for any tool.
      Only the dev split has a bundled overlay, so train (and test) speakers are as written, as
      are dev quotes the overlay does not list (none, at the time it was made). The overlay is
      one annotator's reading: a speaker the article names only by title ("President Obama")
      gets the full name, a group with no name keeps its words, and a quote within a quote is
      given to the one whose words it holds, not to the Source that reports them;
    - quoted fragments under ``MIN_QUOTE_WORDS`` words are taken for scare quotes and skipped;
      quotations outside every attribution are not quotes here;
    - where several annotators did one article, the first annotator file (sorted) is used;
    - ``Discard`` spans (page furniture the annotators skipped) are not complete enough to be
      ``boilerplate``; cues are not mapped to ``attribution`` framing (no judgement of
      neutral vs judging verbs in the data). No facts.
    """
    _check_limit(limit)
    if split not in ("dev", "train", "test"):
        raise ValueError(f"split: must be 'dev' or 'train', not {split!r}")
    overlay: SpeakerOverlay | None = None
    if isinstance(speakers, (str, Path)):
        path = _require_file(Path(speakers), "speaker overlay")
        overlay = load_speaker_overlay(_read_text(path), str(path))
    elif speakers is True:
        bundled = bundled_speaker_overlay(split)
        if bundled is not None:
            overlay = load_speaker_overlay(bundled, f"bundled speaker overlay for {split}")
    src = Path(src)
    data = src / "data" if (src / "data").is_dir() else src
    part = _require_dir(data / split, f"PolNeAR {split} split")
    text_dir = _require_dir(part / "text", f"PolNeAR {split} texts")
    ann_dir = _require_dir(part / "attributions", f"PolNeAR {split} attributions")
    meta_file = _require_file(data / "metadata.tsv", "PolNeAR metadata")
    with open(meta_file, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if not reader.fieldnames or "filename" not in reader.fieldnames or "publisher" not in reader.fieldnames:
            raise ValueError(f"{meta_file}: not PolNeAR metadata (needs 'filename' and 'publisher' columns)")
        meta = {row["filename"]: row for row in reader}
    texts = sorted(text_dir.glob("*.txt"), key=lambda p: _natural_key(p.stem))
    if not texts:
        raise ValueError(f"{text_dir}: no PolNeAR texts (*.txt)")
    if limit is not None:
        texts = texts[:limit]
    gb = _GoldBuilder("polnear")
    for tf in texts:
        stem = tf.stem
        anns = sorted(ann_dir.glob(f"{glob.escape(stem)}_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(stem) + r"_[^_]+", a.stem)]
        raw = _read_text(tf).replace("\r\n", "\n").replace("\r", "\n")
        headline, _, body = raw.partition("\n")
        row = meta.get(stem, {})
        code = (row.get("publisher") or stem.split("_", 1)[0]).strip()
        aid = gb.add_article(stem, headline, body, _POLNEAR_OUTLETS.get(code, code or None), story=None)
        if not anns:
            gb.skip("article without an attribution file")
            continue
        gb.skip("other annotators' copies of an article (first kept)", len(anns) - 1)
        _polnear_quotes(gb, aid, raw, anns[0])
    if overlay is not None:
        _apply_speaker_overlay(gb, overlay)
    return gb.write(Path(dest))


def _apply_speaker_overlay(gb: _GoldBuilder, overlay: SpeakerOverlay) -> None:
    """Replace the speaker of each quote the overlay lists (rows for quotes not converted, e.g.
    under ``limit``, are ignored); count those set and those changed."""
    applied = changed = 0
    for (aid, text), speaker in gb.quotes.items():
        row = overlay.get((aid, quote_sha8(text)))
        if row is None:
            continue
        source, canonical = row
        if source != speaker:
            gb.skip("speaker overlay row whose source text is not the data's (not applied)")
            continue
        gb.quotes[(aid, text)] = canonical
        applied += 1
        changed += canonical != speaker
    if applied:
        gb.counts["speakers set from the overlay"] = applied
        gb.counts["of them changed"] = changed


def _polnear_quotes(gb: _GoldBuilder, aid: str, raw: str, ann_file: Path) -> None:
    spans, events = _parse_brat(ann_file)
    text = gb.texts[aid]
    # the file is written as read, so offsets into `raw` are offsets into `text` (headline
    # whitespace folding aside, which only happens when the headline has runs of spaces)
    shift = len(text.split("\n", 1)[0]) - len(raw.split("\n", 1)[0])
    contents: list[tuple[list[tuple[int, int]], str | None]] = []
    for ev in events:
        content_frags: list[tuple[int, int]] = []
        ok = True
        for ref in ev.get("Content", []):
            if ref not in spans:
                ok = False
                continue
            _, frags, stext = spans[ref]
            if " ".join(raw[a:b] for a, b in frags) != stext:
                ok = False
            content_frags += frags
        if not ok:
            gb.skip("attribution whose offsets do not match the text")
            continue
        if not content_frags:
            continue
        speaker: str | None = None
        src_refs = [r for r in ev.get("Source", []) if r in spans]
        if src_refs:
            speaker = " ".join(" ".join(spans[r][2].split()) for r in src_refs).strip(" ,;:") or None
        contents.append(([(a + shift, b + shift) for a, b in content_frags], speaker))
    for region in _quote_regions(text):
        size = region[1] - region[0]
        best, best_ov = None, 0
        for frags, speaker in contents:
            ov = sum(overlap(region, f) for f in frags)
            if ov > best_ov:
                best, best_ov = speaker, ov
        if best_ov * 2 < size:
            continue  # not (mostly) the content of an attribution: no quote here
        _add_region_quotes(gb, aid, [region], best)
