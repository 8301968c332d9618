"""Ingest figures: throughput per format, language-detector behaviour on real English text, memory on a
50 MB file. Reads ../shared/eval when present (never copied into the repo).

    /work/venv/bin/python bench/ingest_bench.py
"""
from __future__ import annotations

import collections
import json
import tempfile
import time
import tracemalloc
from pathlib import Path

from eventcoder.ingest import detect_language, iter_articles
from eventcoder.paths import shared_dir
from eventcoder.records import Article

ROOT = Path(__file__).resolve().parents[1]


def run(label: str, paths, **kw) -> list:
    t0 = time.perf_counter()
    res = list(iter_articles(paths, dedupe=False, **kw))
    dt = time.perf_counter() - t0
    arts = [r for r in res if isinstance(r, Article)]
    reasons = collections.Counter(r.reason for r in res if not isinstance(r, Article))
    words = sum(len(a.text.split()) for a in arts)
    print(f"{label:<34} {len(res):>5} in {dt:6.2f}s  {len(res) / dt:8.0f} docs/s  {words / dt:9.0f} words/s  "
          f"articles={len(arts)} errors={dict(reasons)}")
    return res


def main() -> None:
    print("== throughput (one process) ==")
    run("examples/ (md, jsonl, feed)", [ROOT / "examples"])
    shared = shared_dir()
    if shared is None:
        print("shared eval data not found: skipping real-data figures")
    else:
        ev = shared / "eval"
        run("ACLED dev.csv (notes)", [ev / "acled" / "dev.csv"])
        run("UCDP GED dev.csv (headlines)", [ev / "ucdp" / "dev.csv"])
        run("geoparsing LGL jsonl (articles)", [ev / "geoparsing" / "lgl_dev.jsonl"])
        run("geoparsing GeoVirus jsonl", [ev / "geoparsing" / "geovirus.jsonl"])
        run("PLOVER dev.jsonl (sentences)", [ev / "plover" / "dev.jsonl"])
        run("PETRARCH unit tests (sentences)", [ev / "petrarch" / "unittest_records.jsonl"])

    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        page = (ROOT / "tests" / "ingest" / "golden" / "html__article_page.input").read_text(encoding="utf-8")
        for i in range(200):
            (tmpd / f"p{i:03d}.html").write_text(page.replace("Tuesday", f"Tuesday {i}"), encoding="utf-8")
        run("200 HTML pages (trafilatura)", [tmpd])
        big = tmpd / "big.txt"
        with big.open("wb") as fh:
            fh.seek(50 * 1024 * 1024 - 1)
            fh.write(b"x")
        tracemalloc.start()
        t0 = time.perf_counter()
        [err] = list(iter_articles([big]))
        took = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"50 MB file: reason={err.reason} in {took * 1000:.1f} ms, peak traced memory {peak / 1e6:.2f} MB")

    if shared is not None:
        print("== language detector on English corpora (all should be 'en' or unknown) ==")
        ev = shared / "eval"
        corpora = {
            "ACLED notes": [a.text for a in iter_articles([ev / "acled" / "dev.csv"], languages=("*",))],
            "UCDP headlines": [a.text for a in iter_articles([ev / "ucdp" / "dev.csv"], languages=("*",))
                               if isinstance(a, Article)],
            "LGL+GeoVirus articles": [json.loads(x)["text"] for f in ("lgl_dev.jsonl", "geovirus.jsonl")
                                      for x in (ev / "geoparsing" / f).read_text(encoding="utf-8").split("\n") if x.strip()],
            "PLOVER sentences": [json.loads(x)["text"] for x in
                                 (ev / "plover" / "dev.jsonl").read_text(encoding="utf-8").split("\n") if x.strip()],
        }
        for name, texts in corpora.items():
            t0 = time.perf_counter()
            out = [detect_language(t) for t in texts]
            took = time.perf_counter() - t0
            labels = collections.Counter(code for code, _ in out)
            rejected = sum(1 for code, conf in out if code not in (None, "en") and conf >= 0.3)
            print(f"{name:<24} n={len(texts):>5}  en={labels['en']:>5}  unknown={labels[None]:>4}  "
                  f"would be rejected={rejected:>3} ({rejected / len(texts):.2%})  {len(texts) / took:7.0f} texts/s  "
                  f"labels={dict(labels.most_common(5))}")


# Sentences written for this benchmark (not used by the tests): a headline-length one and a sentence each.
HELD_OUT = {
    "fr": ["Attaque meurtrière contre un poste de l'armée dans le nord",
           "Selon des sources locales, les assaillants sont arrivés à moto et ont incendié plusieurs maisons du village.",
           "Le président a reçu lundi les représentants des syndicats pour tenter de mettre fin à la grève."],
    "es": ["Ataque contra un cuartel del ejército en el norte del país",
           "Según fuentes locales, los atacantes llegaron en motocicletas y quemaron varias casas de la aldea.",
           "El presidente recibió el lunes a los representantes de los sindicatos para intentar poner fin a la huelga."],
    "pt": ["Ataque contra um quartel do exército no norte do país",
           "Segundo fontes locais, os atacantes chegaram de moto e incendiaram várias casas da aldeia.",
           "O presidente recebeu na segunda-feira os representantes dos sindicatos para tentar acabar com a greve."],
    "de": ["Tödlicher Angriff auf einen Armeeposten im Norden des Landes",
           "Nach Angaben örtlicher Quellen kamen die Angreifer auf Motorrädern und zündeten mehrere Häuser an.",
           "Der Präsident empfing am Montag die Vertreter der Gewerkschaften, um den Streik zu beenden."],
    "it": ["Attacco mortale contro una base dell'esercito nel nord del paese",
           "Secondo fonti locali, gli aggressori sono arrivati in moto e hanno dato fuoco a diverse case del villaggio.",
           "Il presidente ha ricevuto lunedì i rappresentanti dei sindacati per cercare di porre fine allo sciopero."],
    "ru": ["Нападение на армейский пост на севере страны",
           "По словам местных источников, нападавшие приехали на мотоциклах и подожгли несколько домов."],
    "ar": ["هجوم على موقع للجيش في شمال البلاد",
           "وقالت مصادر محلية إن المهاجمين وصلوا على دراجات نارية وأحرقوا عدة منازل في القرية."],
    "en": ["Deadly attack on an army post in the north of the country",
           "According to local sources, the attackers arrived on motorbikes and set fire to several houses in the village.",
           "The president received union representatives on Monday in an attempt to end the strike."],
}


def held_out() -> None:
    print("== language detector on held-out sentences written for the benchmark ==")
    total = correct = confident = 0
    for lang, texts in HELD_OUT.items():
        for t in texts:
            code, conf = detect_language(t)
            total += 1
            correct += code == lang
            confident += code == lang and conf >= 0.3
            if code != lang or conf < 0.3:
                print(f"  {lang}: got {code} ({conf:.2f}) for {t[:60]!r}")
    print(f"held-out: {correct}/{total} correct, {confident}/{total} correct with confidence >= 0.3 "
          f"(the threshold for rejecting an article)")


if __name__ == "__main__":
    held_out()
    main()
