"""Regenerate the golden *.input.json files from hand-written mentions (run from the repo root:
`python tests/dedup/golden/make_inputs.py`). The expected outputs are refreshed with
`EVENTCODER_UPDATE_GOLDEN=1 pytest tests/dedup/test_golden.py` and must then be reviewed by a person."""
import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from builders import TINZAOUATEN, mention  # noqa: E402

from eventcoder import records as r  # noqa: E402
from eventcoder.store.codec import to_data  # noqa: E402

SAHEL = ("Separatist rebels said on Saturday they had routed an army column near Tinzaouaten. The fighting, which "
         "started on July 25, left many soldiers dead. Rebels claimed they killed 50 soldiers. Officials in Bamako "
         "blamed Kyiv for the defeat and suspended diplomatic ties with Ukraine. A Ukrainian official hinted that "
         "Kyiv had shared intelligence with the rebels. The army did not retake the town, officials said.")


def sahel():
    aid, t = "golden-sahel", SAHEL
    pub = dt.date(2024, 7, 28)
    art = r.Article(id=aid, text=t, title="Rebels rout army column", published=pub, source="Fixture Wire")
    battle = dict(cameo="190", acled=("Battles", "Armed clash"), published=pub, source="Fixture Wire")
    ms = [
        mention(aid, t, 1, "ASSAULT", "routed an army column", actors=("CSP",), recipients=("FAMA",),
                place=TINZAOUATEN, place_precision="near", acled_geo=2, confidence=0.8, **battle),
        mention(aid, t, 2, "ASSAULT", "The fighting", date=dt.date(2024, 7, 25), basis="explicit",
                claims=(r.Claim("killed", low=10, qualifier="vague", victims="soldiers", text="many soldiers dead",
                                span=r.Span(aid, t.find("many soldiers dead"), t.find("many soldiers dead") + 18,
                                            "many soldiers dead")),), **battle),
        mention(aid, t, 3, "ASSAULT", "claimed they killed", actors=("CSP",), recipients=("FAMA",),
                status="claim", modality="claim", claimant="CSP",
                claims=(r.Claim("killed", low=50, claimant="Rebels", party_to_fight=True, victims="soldiers",
                                text="killed 50 soldiers",
                                span=r.Span(aid, t.find("killed 50"), t.find("killed 50") + 18,
                                            "killed 50 soldiers")),), **battle),
        mention(aid, t, 4, "ACCUSE", "blamed", actors=("MLI",), recipients=("UKR",), cameo="112",
                date=pub, basis="publication"),
        mention(aid, t, 5, "SANCTION", "suspended diplomatic ties", actors=("MLI",), recipients=("UKR",),
                cameo="161", mode="discontinue", date=pub, basis="publication"),
        mention(aid, t, 6, "COOPERATE", "shared intelligence", actors=("UKR",), recipients=("CSP",), cameo="064",
                status="claim", modality="claim", claimant="HUR"),
        mention(aid, t, 7, "COERCE", "retake the town", actors=("FAMA",), modality="negated", cameo="192"),
    ]
    return art, ms


def write(name, art, ms):
    data = {"article": to_data(art), "mentions": to_data(ms)}
    (HERE / f"{name}.input.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("sahel", *sahel())
