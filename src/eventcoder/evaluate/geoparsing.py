"""Geoparsing evaluation, end to end from raw text, as the literature scores it.

Input: JSON Lines, one article a line: {"docid", "text", "toponyms": [{"start", "end", "phrase", "lat", "lon",
"geonameid"}]} (character offsets into text; geonameid may be null).

Metrics (flat dict):
  n_docs, n (gold toponyms), n_pred
  toponym.precision / .recall / .f1   a predicted span matches a gold span it overlaps (one to one)
  acc161          share of ALL gold toponyms found and resolved within 161 km (misses count as errors)
  acc161_matched  share of matched gold toponyms resolved within 161 km
  exact_geonameid share of matched gold toponyms with a geonameid whose predicted id is the same
  mean_error_km / median_error_km  over matched, resolved toponyms
  auc             area under the log-error curve (Gritta et al. 2018): mean of ln(1+err)/ln(20039) over matched
                  toponyms, an unresolved one counting as the maximal error; lower is better
"""
from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.geo.gazetteer import haversine_km

__all__ = ["evaluate_geoparsing", "score_documents", "GoldDoc", "read_gold", "GeoparsingInputError"]

MAX_KM = 20039.0


class GeoparsingInputError(ValueError):
    """The gold file is missing or not in the expected JSON Lines format."""


@dataclass
class GoldDoc:
    docid: str
    text: str
    toponyms: list[dict] = field(default_factory=list)


def read_gold(path: Path, limit: int | None = None) -> Iterator[GoldDoc]:
    path = Path(path)
    if not path.exists():
        raise GeoparsingInputError(f"no such file: {path}")
    n = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                tops = rec.get("toponyms") or []
                for t in tops:
                    int(t["start"]), int(t["end"])
            except (ValueError, KeyError, TypeError) as exc:
                raise GeoparsingInputError(f"{path}, line {lineno}: not a geoparsing record ({exc!r}); expected "
                                           "{\"text\": ..., \"toponyms\": [{\"start\", \"end\", \"lat\", \"lon\"}]}"
                                           ) from None
            yield GoldDoc(str(rec.get("docid", lineno)), text, tops)
            n += 1
            if limit is not None and n >= limit:
                return


def _gold_counts_demonyms(docs: list[GoldDoc]) -> bool:
    from eventcoder.geo.gazetteer import default_gazetteer
    gaz = default_gazetteer()
    for d in docs:
        for t in d.toponyms:
            phrase = t.get("phrase") or d.text[int(t["start"]):int(t["end"])]
            if gaz.demonym(phrase) is not None and not gaz.lookup(phrase):
                return True
    return False


def score_documents(docs: list[GoldDoc], predictions: list[list]) -> tuple[dict[str, float], list[dict]]:
    """Score predicted toponyms (objects with start, end, place) against gold.
    -> (metrics, rows: one per gold toponym, then one per unmatched prediction with false_positive=True)."""
    n_gold = n_pred = tp_pred = tp_gold = within = exact = exact_n = 0
    errors: list[float] = []
    auc_terms: list[float] = []
    rows: list[dict] = []
    for d, preds in zip(docs, predictions):
        used: set[int] = set()
        n_pred += len(preds)
        matched_pred: set[int] = set()
        for g in d.toponyms:
            n_gold += 1
            gs, ge = int(g["start"]), int(g["end"])
            best = None
            for i, p in enumerate(preds):
                if i in used or p.end <= gs or p.start >= ge:
                    continue
                ov = min(ge, p.end) - max(gs, p.start)
                if best is None or ov > best[0]:
                    best = (ov, i)
            row = {"docid": d.docid, "phrase": g.get("phrase") or d.text[gs:ge], "start": gs, "end": ge,
                   "gold_lat": g.get("lat"), "gold_lon": g.get("lon"), "gold_id": g.get("geonameid"),
                   "found": best is not None, "pred": None, "error_km": None}
            if best is None:
                rows.append(row)
                continue
            used.add(best[1])
            matched_pred.add(best[1])
            tp_gold += 1
            p = preds[best[1]]
            row["pred"] = p.text
            place = p.place
            if place is not None:
                row.update(pred_name=place.name, pred_id=place.geonameid, pred_code=place.feature_code,
                           pred_lat=place.lat, pred_lon=place.lon)
            if g.get("lat") is None or g.get("lon") is None:
                rows.append(row)
                continue
            if place is not None and place.lat is not None:
                err = haversine_km(float(g["lat"]), float(g["lon"]), place.lat, place.lon)
                errors.append(err)
                row["error_km"] = err
                within += err <= 161
                auc_terms.append(math.log(1 + err) / math.log(MAX_KM))
            else:
                auc_terms.append(1.0)
            if g.get("geonameid") not in (None, ""):
                exact_n += 1
                exact += place is not None and str(place.geonameid) == str(g["geonameid"])
            rows.append(row)
        tp_pred += len(matched_pred)
        for i, p in enumerate(preds):
            if i not in matched_pred:
                rows.append({"docid": d.docid, "phrase": p.text, "start": p.start, "end": p.end,
                             "false_positive": True, "role": getattr(p, "role", None),
                             "pred_name": p.place.name if p.place else None})
    prec = tp_pred / n_pred if n_pred else 0.0
    rec = tp_gold / n_gold if n_gold else 0.0
    errors_sorted = sorted(errors)
    metrics = {
        "n_docs": float(len(docs)), "n": float(n_gold), "n_pred": float(n_pred),
        "toponym.precision": prec, "toponym.recall": rec,
        "toponym.f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "acc161": within / n_gold if n_gold else 0.0,
        "acc161_matched": within / tp_gold if tp_gold else 0.0,
        "exact_geonameid": exact / exact_n if exact_n else float("nan"),
        "mean_error_km": sum(errors) / len(errors) if errors else float("nan"),
        "median_error_km": errors_sorted[len(errors_sorted) // 2] if errors_sorted else float("nan"),
        "auc": sum(auc_terms) / len(auc_terms) if auc_terms else float("nan"),
    }
    return metrics, rows


def predict(docs: list[GoldDoc], *, include_demonyms: bool) -> list[list]:
    from eventcoder.geo.resolver import find_toponyms, load_nlp
    nlp = load_nlp()
    out = []
    for d, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        out.append(find_toponyms(d.text, doc=parsed, include_demonyms=include_demonyms))
    return out


def evaluate_geoparsing(path: Path, *, limit: int | None = None, include_demonyms: bool | None = None,
                        rows_out: list | None = None) -> dict[str, float]:
    """Run find_toponyms on every article of a geoparsing JSONL gold file and score it (see module doc).

    include_demonyms: whether demonyms count as toponyms; None = as the gold file does (detected from its
    phrases). rows_out: a list that receives one dict per gold toponym (for error analysis)."""
    docs = list(read_gold(Path(path), limit))
    if include_demonyms is None:
        include_demonyms = _gold_counts_demonyms(docs)
    preds = predict(docs, include_demonyms=include_demonyms)
    metrics, rows = score_documents(docs, preds)
    metrics["include_demonyms"] = float(include_demonyms)
    if rows_out is not None:
        rows_out.extend(rows)
    return metrics


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(prog="python -m eventcoder.evaluate.geoparsing",
                                 description="Score end-to-end geoparsing on a JSONL gold file.")
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    dem = ap.add_mutually_exclusive_group()
    dem.add_argument("--demonyms", dest="demonyms", action="store_true", default=None)
    dem.add_argument("--no-demonyms", dest="demonyms", action="store_false")
    args = ap.parse_args(argv)
    try:
        m = evaluate_geoparsing(args.path, limit=args.limit, include_demonyms=args.demonyms)
    except GeoparsingInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for k, v in m.items():
        print(f"{k}\t{v:.4f}" if isinstance(v, float) and not v.is_integer() else f"{k}\t{int(v)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
