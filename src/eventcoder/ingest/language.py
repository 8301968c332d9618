"""A small offline language detector: writing system first, then stopword profiles.

Knowledge lives in data files: ``data/ingest/language/stopwords/<code>.txt`` (words separated by spaces or newlines) and
``data/ingest/language/scripts.yaml`` (Unicode ranges of non-Latin scripts). Users add languages by dropping
``<code>.txt`` files into ``$EVENTCODER_HOME/ingest/language/stopwords/`` (or any folder passed to
``load_profiles``); a user file for an existing code extends that list.

Method: count letters per script; when a non-Latin script holds most letters, the language comes from that
script (ranked by its stopword lists when it has several). Otherwise each word that is a stopword of k
languages adds 1/k to each of them; the best language wins. Confidence mixes the margin over the runner-up
with how much of the text the winner's stopwords cover, so short or stopword-poor text gets a low score.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..paths import PACKAGE_DATA, data_home

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
_FAR_LETTER = re.compile(r"[^\W\d_\u0000-\u024F]")       # letters outside Basic Latin..Latin Extended-B
MIN_WORDS = 4


@dataclass(frozen=True)
class Script:
    name: str
    ranges: tuple[tuple[int, int], ...]
    languages: tuple[str, ...]
    default: str


@dataclass(frozen=True)
class Profiles:
    stopwords: dict[str, frozenset[str]]
    owners: dict[str, tuple[str, ...]]            # word -> languages listing it
    scripts: tuple[Script, ...]


def _data_dirs(extra: tuple[Path, ...] = ()) -> list[Path]:
    dirs = [PACKAGE_DATA / "ingest" / "language", data_home() / "ingest" / "language", *extra]
    return [d for d in dirs if d.is_dir()]


def _read_words(path: Path) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(line.lower().replace("’", "'").split())
    return words


@functools.lru_cache(maxsize=8)
def load_profiles(extra_dirs: tuple[Path, ...] = ()) -> Profiles:
    """Load stopword lists and script tables once per process (package data, user data, extra folders)."""
    stop: dict[str, set[str]] = {}
    scripts: dict[str, Script] = {}
    for d in _data_dirs(tuple(Path(p) for p in extra_dirs)):
        for f in sorted((d / "stopwords").glob("*.txt")) if (d / "stopwords").is_dir() else ():
            stop.setdefault(f.stem.lower(), set()).update(_read_words(f))
        sf = d / "scripts.yaml"
        if sf.is_file():
            for name, spec in (yaml.safe_load(sf.read_text(encoding="utf-8")) or {}).items():
                ranges = tuple((int(a), int(b)) for a, b in spec.get("ranges", []))
                langs = tuple(spec.get("languages", []))
                scripts[name] = Script(name, ranges, langs, spec.get("default") or (langs[0] if langs else name))
    owners: dict[str, list[str]] = {}
    for lang, words in stop.items():
        for w in words:
            owners.setdefault(w, []).append(lang)
    return Profiles({k: frozenset(v) for k, v in stop.items()},
                    {w: tuple(v) for w, v in owners.items()}, tuple(scripts.values()))


def _script_of(ch: str, scripts: tuple[Script, ...]) -> str | None:
    cp = ord(ch)
    for s in scripts:
        for a, b in s.ranges:
            if a <= cp <= b:
                return s.name
    return None


def _rank(words: list[str], prof: Profiles, candidates: set[str] | None,
          default: str | None = None) -> list[tuple[float, str]]:
    """Languages by weighted stopword score; ties go to more raw hits, then to the script's default."""
    scores: dict[str, float] = {}
    raw: dict[str, int] = {}
    for w in words:
        langs = prof.owners.get(w)
        if not langs:
            continue
        if candidates is not None:
            langs = tuple(lang for lang in langs if lang in candidates)
            if not langs:
                continue
        share = 1.0 / len(langs)
        for lang in langs:
            scores[lang] = scores.get(lang, 0.0) + share
            raw[lang] = raw.get(lang, 0) + 1
    ordered = sorted(scores, key=lambda lang: (round(scores[lang], 9), raw[lang], lang == default), reverse=True)
    return [(scores[lang], lang) for lang in ordered]


def detect_language(text: str, *, sample_chars: int = 20_000) -> tuple[str | None, float]:
    """Guess the language of ``text``: (ISO 639-1 code, confidence 0..1), or (None, 0.0) when unsure.

    Only the first ``sample_chars`` characters are read. Texts of fewer than four words give (None, 0.0).
    """
    prof = load_profiles()
    sample = text[:sample_chars]
    n_letters = len(_LETTER.findall(sample))
    if not n_letters:
        return None, 0.0
    counts: dict[str, int] = {}
    if not sample.isascii():                       # only letters beyond Latin Extended need a script lookup
        for c in _FAR_LETTER.findall(sample):
            name = _script_of(c, prof.scripts)
            if name and name != "Latin":
                counts[name] = counts.get(name, 0) + 1
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if counts:
        top = max(counts, key=counts.__getitem__)
        share = counts[top] / n_letters
        if share > 0.5:
            script = next(s for s in prof.scripts if s.name == top)
            # Japanese writes with Han characters plus kana: any real share of kana means Japanese.
            if top == "Han" and counts.get("Kana", 0) / n_letters > 0.05:
                script = next((s for s in prof.scripts if s.name == "Kana"), script)
            ranked = _rank(words, prof, set(script.languages), script.default)
            lang = ranked[0][1] if ranked else script.default
            return lang, round(min(1.0, share), 3)
    if len(words) < MIN_WORDS:
        return None, 0.0
    latin = next((s for s in prof.scripts if s.name == "Latin"), None)
    ranked = _rank(words, prof, None, latin.default if latin else None)
    if not ranked:
        return None, 0.0
    best, lang = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    margin = (best - second) / best
    hits = sum(1 for w in words if w in prof.stopwords[lang])
    coverage = hits / len(words)
    # Running prose has 30-50% stopwords; a headline or list has fewer, so scale coverage up to 1 at 25%.
    # A handful of hits is weak evidence whatever the margin ("AU" is French, "man" German): scale by
    # the number of hits up to 8.
    confidence = margin * min(1.0, coverage / 0.25) * min(1.0, hits / 8)
    return lang, round(confidence, 3)
