"""Hand-coded article gold (a gold.yaml like shared/seed/gold.yaml, with its article file beside it).

Matching: a predicted event is a candidate for a gold event when its PLOVER type is the gold type (or a listed
`alt`) and one of its actors has the country of one of the gold actors (or of an `alt` actor; for ASSAULT
of any party), or none of its actors has a country; among several
candidate gold events it goes to the one it agrees with on most fields. Each gold event is then scored on its
highest-confidence match. Unmatched predicted events are extra events; an extra event whose evidence shares
most content words with a `must_not_emit` line is reported as that violation.

Fields (only those the gold event codes are scored):
  roles      every gold actor among the predicted actors and every gold recipient among the predicted
             recipients, by country, and by sector where the gold sector is REB or MIL (data/evaluate); for
             ASSAULT, all parties pooled as actors with no recipient is also accepted (two-sided fighting)
  sectors    the same with every sector (reported, not part of the pass line)
  date       the gold date or an alternative; cameo the gold code or an alt, or a refinement of either (a
             root-level gold code such as 190 accepts any code of its root); acled event and sub-event type
             (gold `acled: null` requires no ACLED coding); location within max_error_km; fatalities the
             ACLED count or an alt; claims every numeric claim present (its total, or all its numbers, among the
             predicted claims' values); status claim where the gold says so.
`alt:` alternatives written as YAML comments (`date: 2024-08-04  # alt: 2024-08-05`) are read too.
Pass line: every gold event found exactly once; claim events flagged as claims with the right roles; other
events right on roles, date, cameo, acled, location, fatalities and claims; no extra events (so nothing from
must_not_emit); as many ACLED-coded events as gold events with ACLED coding.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.evaluate.common import (Coder, EvaluateInputError, mappings, parse_date, place_km, run_coder,
                                        top)
from eventcoder.evaluate.metrics import Tally
from eventcoder.evaluate.report import Report
from eventcoder.export.acled import acled_date

PASS_FIELDS = ("roles", "date", "cameo", "acled", "location", "fatalities", "claims")
CLAIM_PASS_FIELDS = ("roles", "status")


@dataclass(frozen=True)
class Party:
    id: str
    country: str | None
    sector: str | None


@dataclass
class GoldEvent:
    id: str
    summary: str
    types: tuple[str, ...]
    actors: tuple[tuple[Party, ...], ...]      # alternatives; the first is the gold coding
    recipients: tuple[Party, ...]
    raw: dict[str, Any]
    alts: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SeedGold:
    path: Path
    article: records.Article
    parties: dict[str, Party]
    events: list[GoldEvent]
    must_not_emit: list[str]


# ---------------------------------------------------------------------------------------------- loading
_KEY = re.compile(r"^(\s*)([\w-]+):(.*?)\s#\s*alt:\s*(.+)$")
_PLAIN_KEY = re.compile(r"^(\s*)([\w-]+):")


def comment_alts(text: str) -> dict[tuple[str, ...], list[str]]:
    """Alternatives a coder wrote as YAML comments: {key path: [alt, ...]}; free-text alternatives are skipped."""
    out: dict[tuple[str, ...], list[str]] = {}
    stack: list[tuple[int, str]] = []
    for line in text.splitlines():
        m = _PLAIN_KEY.match(line)
        if not m or line.lstrip().startswith("#"):
            continue
        indent = len(m.group(1))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, m.group(2)))
        alt = _KEY.match(line)
        if alt and alt.group(3).strip():
            note = re.sub(r"\([^)]*\)", "", alt.group(4))
            toks = [t.strip().strip("\"'") for t in note.split(",")]
            toks = [t for t in toks if t and not re.search(r"\s", t)]
            if toks:
                out[tuple(k for _, k in stack)] = toks
    return out


def _party(pid: str, spec: Any) -> Party:
    spec = spec if isinstance(spec, dict) else {}
    return Party(pid, (spec.get("country") or None), (spec.get("sector") or None))


def load(path: Path, limit: int | None = None) -> SeedGold:
    import yaml

    path = Path(path)
    if path.is_dir():
        path = path / "gold.yaml"
    raw_text = path.read_text(encoding="utf-8")
    try:
        gold = yaml.safe_load(raw_text)
    except yaml.YAMLError as exc:
        raise EvaluateInputError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("events"), dict):
        raise EvaluateInputError(f"{path}: a seed gold file needs an 'events' mapping (and 'article: {{file: ...}}')")
    art = gold.get("article") or {}
    if not art.get("file"):
        raise EvaluateInputError(f"{path}: 'article.file' (the article beside the gold file) is missing")
    art_path = path.parent / str(art["file"])
    if not art_path.exists():
        raise EvaluateInputError(f"{path}: article file {art_path} not found")
    text = art_path.read_text(encoding="utf-8")
    article = records.Article.from_text(text, published=parse_date(art.get("published"), where=str(path)),
                                        language=art.get("language"), origin=str(art_path))
    parties = {pid: _party(pid, spec) for pid, spec in (gold.get("actors") or {}).items()}
    alts = comment_alts(raw_text)

    def lookup(ids: Any, where: str) -> tuple[Party, ...]:
        ids = ids if isinstance(ids, list) else ([ids] if ids else [])
        missing = [i for i in ids if i not in parties]
        if missing:
            raise EvaluateInputError(f"{path}: {where} names unknown actor(s) {missing} (define them under 'actors')")
        return tuple(parties[i] for i in ids)

    events = []
    for eid, ev in gold["events"].items():
        if limit is not None and len(events) >= limit:
            break
        ev = ev or {}
        plover = ev.get("plover") or {}
        if not plover.get("type"):
            raise EvaluateInputError(f"{path}: event {eid} has no plover.type")
        types = (str(plover["type"]).upper(),) + tuple(str(t).upper() for t in plover.get("alt") or ())
        ev_alts = {k[2]: v for k, v in alts.items() if len(k) == 3 and k[:2] == ("events", str(eid))}
        actor_alts = [lookup(ev_alts["actor"], f"event {eid} actor alt")] if "actor" in ev_alts else []
        events.append(GoldEvent(str(eid), str(ev.get("summary") or ""), types,
                                (lookup(ev.get("actor"), f"event {eid} actor"), *actor_alts),
                                lookup(ev.get("recipient"), f"event {eid} recipient"), ev, ev_alts))
    return SeedGold(path, article, parties, events, [str(x) for x in gold.get("must_not_emit") or ()])


# ---------------------------------------------------------------------------------------------- field checks
def _has(preds: tuple[records.Actor, ...], p: Party, strict: set[str] | None) -> bool:
    """Some predicted actor is party p: same country, and same sector when p's sector is in `strict`
    (strict=None: every sector must match)."""
    sector = (p.sector or "").upper()
    need_sector = bool(sector) and (strict is None or sector in strict)
    for a in preds:
        if (a.country or "").upper() != (p.country or "").upper():
            continue
        if not need_sector or (a.sector or "").upper() == sector:
            return True
    return False


def roles_ok(g: GoldEvent, e: records.Event, strict: set[str] | None) -> bool:
    def all_in(parties: tuple[Party, ...], preds: tuple[records.Actor, ...]) -> bool:
        return all(_has(preds, p, strict) for p in parties)

    for actors in g.actors:
        if all_in(actors, e.actors) and all_in(g.recipients, e.recipients):
            return True
    if "ASSAULT" in g.types and not e.recipients and all_in(g.actors[0] + g.recipients, e.actors):
        return True
    return False


def _date(value: Any) -> dt.date | None:
    return parse_date(value, where="gold date")


def cameo_ok(gold: str, alts: list[str], pred: str | None) -> bool:
    if not pred:
        return False
    codes = [gold] + list(alts)
    if any(pred.startswith(c) for c in codes):
        return True
    return len(gold) == 3 and gold.endswith("0") and pred[:2] == gold[:2]


def claims_ok(gold_claims: list[dict], pred: tuple[records.Claim, ...]) -> bool:
    values = {v for c in pred for v in (c.low, c.high) if v is not None}
    for gc in gold_claims:
        nums = [gc[k] for k in ("killed", "killed_low", "killed_high", "attackers") if isinstance(gc.get(k), int)]
        if not nums:
            continue                       # a claim without numbers ("significant losses") is not scored
        said = [int(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d|\d", str(gc.get("says") or ""))]
        if not (set(nums) <= values or (said and set(said) <= values)):
            return False
    return True


def check_fields(g: GoldEvent, e: records.Event) -> dict[str, tuple[bool, Any, Any]]:
    """{field: (ok, gold, pred)} for every field the gold event codes."""
    raw, out = g.raw, {}
    strict = set(mappings().get("seed_strict_sectors") or ())
    show = lambda actors: [a.code for a in actors]  # noqa: E731
    out["type"] = (e.coding.plover_type.upper() in g.types, list(g.types), e.coding.plover_type)
    gold_roles = {"actor": [p.id for p in g.actors[0]], "recipient": [p.id for p in g.recipients]}
    pred_roles = {"actor": show(e.actors), "recipient": show(e.recipients)}
    out["roles"] = (roles_ok(g, e, strict), gold_roles, pred_roles)
    out["sectors"] = (roles_ok(g, e, None), gold_roles, pred_roles)
    mode = (raw.get("plover") or {}).get("mode")
    if mode:
        ok_modes = [mode] + list((raw.get("plover") or {}).get("alt_mode") or ())
        out["mode"] = (e.coding.mode in ok_modes, ok_modes, e.coding.mode)
    if raw.get("date"):
        ok_dates = [_date(raw["date"])] + [_date(a) for a in g.alts.get("date", [])]
        pd_ = e.date.date if e.date else None
        out["date"] = (pd_ in ok_dates, [str(d) for d in ok_dates], str(pd_) if pd_ else None)
    if raw.get("cameo"):
        out["cameo"] = (cameo_ok(str(raw["cameo"]), g.alts.get("cameo", []), e.coding.cameo_code),
                        [str(raw["cameo"])] + g.alts.get("cameo", []), e.coding.cameo_code)
    if "acled" in raw:
        ac = raw.get("acled")
        pred_ac = [e.coding.acled_event_type, e.coding.acled_sub_event_type]
        if ac:
            out["acled"] = (pred_ac == [ac.get("event_type"), ac.get("sub_event_type")],
                            [ac.get("event_type"), ac.get("sub_event_type")], pred_ac)
            if ac.get("interaction") is not None:
                out["interaction"] = (e.acled_interaction == ac["interaction"], ac["interaction"], e.acled_interaction)
            if ac.get("geo_precision") is not None:
                gp = e.place.acled_geo_precision if e.place else None
                out["geo_precision"] = (gp == ac["geo_precision"], ac["geo_precision"], gp)
            if ac.get("time_precision") is not None:
                tp = acled_date(e.date)[1]
                out["time_precision"] = (tp == ac["time_precision"], ac["time_precision"], tp)
        else:
            out["acled"] = (not e.coding.acled_event_type, None, pred_ac if e.coding.acled_event_type else None)
    if "location" in raw:
        loc = raw.get("location")
        if loc:
            d = place_km(e.place, loc.get("lat"), loc.get("lon"))
            out["location"] = (d is not None and d <= float(loc.get("max_error_km", 25)), loc.get("name"),
                               None if e.place is None else f"{e.place.name} ({'?' if d is None else round(d, 1)} km)")
        else:
            out["location"] = (e.place is None, None, e.place.name if e.place else None)
    fat = raw.get("fatalities")
    if fat:
        ok_f = [fat.get("acled")] + list(fat.get("alt") or ())
        out["fatalities"] = (e.fatalities.acled in ok_f, ok_f, e.fatalities.acled)
        if fat.get("ucdp_low") is not None or fat.get("ucdp_high") is not None:
            pair = [e.fatalities.low, e.fatalities.high]
            out["ucdp_fatalities"] = (pair == [fat.get("ucdp_low"), fat.get("ucdp_high")],
                                      [fat.get("ucdp_low"), fat.get("ucdp_high")], pair)
    if raw.get("claims"):
        out["claims"] = (claims_ok(raw["claims"], e.claims), [c.get("says") for c in raw["claims"]],
                         [c.text or c.value for c in e.claims])
    if raw.get("status"):
        out["status"] = (e.status == raw["status"], raw["status"], e.status)
    return out


# ---------------------------------------------------------------------------------------------- matching
def candidate(g: GoldEvent, e: records.Event) -> bool:
    if e.coding.plover_type.upper() not in g.types:
        return False
    countries = {(p.country or "").upper() for alt in g.actors for p in alt}
    if "ASSAULT" in g.types:
        countries |= {(p.country or "").upper() for p in g.recipients}
    known = [(a.country or "").upper() for a in e.actors if a.country]
    return not known or any(c in countries for c in known)     # actors of unknown country cannot contradict


def _words(text: str) -> set[str]:
    stop = set(mappings().get("stopwords") or ())
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in stop}


def must_not_emit_hit(items: list[str], e: records.Event) -> str | None:
    evidence = _words(" ".join(s.text for s in e.evidence))
    for item in items:
        words = _words(item)
        if words and len(words & evidence) / len(words) >= 0.5:
            return item
    return None


def score(gold: SeedGold, coder: Coder) -> Report:
    errors: list[dict] = []
    events = run_coder(coder, gold.article, "seed", errors)
    t = Tally()
    assigned: dict[str, list[records.Event]] = {g.id: [] for g in gold.events}
    extra: list[records.Event] = []
    for e in events:
        cands = [g for g in gold.events if candidate(g, e)]
        if not cands:
            extra.append(e)
            continue
        best = max(cands, key=lambda g: sum(ok for ok, _, _ in check_fields(g, e).values()))
        assigned[best.id].append(e)

    notes: list[str] = []
    problems: list[str] = []
    found = 0
    for g in gold.events:
        matches = assigned[g.id]
        base = {"record": g.id, "text": g.summary}
        e = top(matches)
        t.label("event_type", g.types[0], e.coding.plover_type.upper() if e else None)
        if e is None:
            problems.append(f"{g.id} missing")
            notes.append(f"{g.id} missing: {g.summary}")
            errors.append({**base, "field": "missing", "gold": list(g.types), "pred": None})
            t.hit("actor.accuracy", False)
            if g.recipients:
                t.hit("recipient.accuracy", False)
            if g.raw.get("cameo"):
                t.hit("cameo_root.accuracy", False)
            continue
        found += 1
        if len(matches) > 1:
            problems.append(f"{g.id} emitted {len(matches)} times")
        fields = check_fields(g, e)
        claim_event = g.raw.get("status") == "claim"
        required = CLAIM_PASS_FIELDS if claim_event else PASS_FIELDS
        right = [f for f, (ok, _, _) in fields.items() if ok]
        wrong = [f for f, (ok, _, _) in fields.items() if not ok]
        notes.append(f"{g.id} found ({e.coding.plover_type} {e.coding.cameo_code or ''}): "
                     f"right: {', '.join(right) or '-'}; wrong: {', '.join(wrong) or '-'}")
        for f, (ok, gv, pv) in fields.items():
            t.hit(f"seed.field.{f}", ok)
            if not ok:
                errors.append({**base, "field": f, "gold": gv, "pred": pv})
                if f in required:
                    problems.append(f"{g.id} {f}: gold {gv}, predicted {pv}")
        strict = set(mappings().get("seed_strict_sectors") or ())
        t.hit("actor.accuracy", any(all(_has(e.actors, p, strict) for p in alt) for alt in g.actors)
              or ("ASSAULT" in g.types and roles_ok(g, e, strict)))
        if g.recipients:
            t.hit("recipient.accuracy", all(_has(e.recipients, p, strict) for p in g.recipients)
                  or ("ASSAULT" in g.types and roles_ok(g, e, strict)))
        if g.raw.get("cameo"):
            t.hit("cameo_root.accuracy", (e.coding.cameo_code or "")[:2] == str(g.raw["cameo"])[:2])
        if (g.raw.get("acled") or {}).get("event_type"):
            t.hit("acled_event_type.accuracy", e.coding.acled_event_type == g.raw["acled"]["event_type"])
            t.hit("acled_sub_event_type.accuracy",
                  e.coding.acled_sub_event_type == g.raw["acled"].get("sub_event_type"))

    violations = 0
    for e in extra:
        hit = must_not_emit_hit(gold.must_not_emit, e)
        violations += hit is not None
        desc = (f"{e.coding.plover_type} {e.coding.cameo_code or ''} {[a.code for a in e.actors]}->"
                f"{[a.code for a in e.recipients]}")
        problems.append(f"extra event: {desc}" + (f" (must_not_emit: {hit})" if hit else ""))
        errors.append({"record": "extra", "field": "must_not_emit" if hit else "extra_event", "gold": hit,
                       "pred": desc, "text": " ".join(s.text for s in e.evidence)[:200]})
    gold_acled = sum(1 for g in gold.events if (g.raw.get("acled") or {}).get("event_type"))
    pred_acled = sum(1 for e in events if e.coding.acled_event_type)
    if pred_acled != gold_acled:
        problems.append(f"{pred_acled} ACLED-coded events (gold: {gold_acled})")
    dupes = sum(max(0, len(v) - 1) for v in assigned.values())
    t.count("event", found, len(extra) + dupes, len(gold.events) - found)
    passed = not problems
    notes += [f"problem: {p}" for p in problems]
    notes.append(f"seed: {found}/{len(gold.events)} gold events found, {len(problems)} problems, "
                 f"{len(events)} events emitted, {violations} must_not_emit violations -> "
                 f"{'PASS' if passed else 'FAIL'}")
    metrics = t.metrics()
    metrics.update({"seed.pass": int(passed), "seed.events_found": found, "seed.events_found.n": len(gold.events),
                    "seed.extra_events": len(extra), "seed.duplicates": dupes,
                    "seed.must_not_emit_violations": violations, "seed.acled_records": pred_acled,
                    "seed.problems": len(problems)})
    return Report("seed", metrics, t.rows(), errors, records=len(gold.events), notes=notes)
