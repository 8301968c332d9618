from __future__ import annotations

from pathlib import Path

from eventcoder.ingest import iter_articles
from eventcoder.records import Article, IngestError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def ingest(*paths, **kw) -> list[Article | IngestError]:
    return list(iter_articles([str(p) for p in paths], **kw))


def articles(results) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def errors(results) -> list[IngestError]:
    return [r for r in results if isinstance(r, IngestError)]

# English prose long enough for the language detector (written for these tests).
EN = ("The army said on Monday that its soldiers had repelled an attack on a base near the border, "
      "and that several of the attackers were killed in the fighting.")
EN2 = ("Police in the capital fired tear gas at hundreds of protesters who had gathered outside the "
       "parliament to oppose a new tax law, witnesses said.")
FR = ("Le gouvernement a annoncé lundi que les soldats avaient repoussé une attaque contre une base près "
      "de la frontière, et que plusieurs assaillants ont été tués.")
