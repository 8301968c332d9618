"""Mentions of the team's seed article (../shared/seed/mali_ukraine.txt), built by hand as the extractor would
emit them: offsets are located in the real text, so this module needs the shared folder."""
from __future__ import annotations

import datetime as dt

from eventcoder import records as r
from eventcoder.paths import shared_dir

from builders import TINZAOUATEN, mention

PUB = dt.date(2024, 8, 5)
MALI = dict(name="Mali", lat=17.0, lon=-4.0, geonameid=2453866, country="MLI")


def seed_article() -> r.Article | None:
    base = shared_dir()
    if base is None or not (base / "seed" / "mali_ukraine.txt").exists():
        return None
    text = (base / "seed" / "mali_ukraine.txt").read_text(encoding="utf-8")
    return r.Article(id="seed", text=text, title="Mali cuts ties with Ukraine", published=PUB, source="BBC")


def seed_mentions(a: r.Article) -> list[r.Mention]:
    t, aid = a.text, a.id
    battle = dict(cameo="190", acled=("Battles", "Armed clash"), published=PUB, source="BBC")
    near = dict(place=TINZAOUATEN, place_precision="near", acled_geo=2)
    ms = [
        mention(aid, t, 1, "SANCTION", "cutting diplomatic relations", actors=("MLI",), recipients=("UKR",),
                cameo="161", mode="discontinue", date=PUB, basis="publication", confidence=0.7),
        mention(aid, t, 2, "ASSAULT", "deadly fighting", place=MALI, place_precision="country", acled_geo=3,
                **battle),
        mention(aid, t, 3, "ASSAULT", "The clashes", date=dt.date(2024, 7, 1), precision="month",
                basis="relative", recipients=("FAMA", "WAGNER"),
                claims=(r.Claim("killed", low=12, qualifier="vague", victims="Malian soldiers and Russian mercenaries",
                                text="dozens of Malian soldiers and Russian mercenaries from the Wagner group killed"),),
                **battle),
        mention(aid, t, 4, "ASSAULT", "The fighting was between", actors=("CSP", "JNIM"),
                recipients=("FAMA",), **battle),
        mention(aid, t, 5, "COOPERATE", "received", actors=("HUR",), recipients=("CSP",), status="claim",
                modality="claim", claimant="HUR", cameo="064", confidence=0.5),
        mention(aid, t, 6, "ASSAULT", "carry out the attacks", actors=("CSP",), **battle),
        mention(aid, t, 7, "ACCUSE", "accuse", actors=("MLI",), recipients=("UKR",), cameo="112",
                date=PUB, basis="publication", confidence=0.7),
        mention(aid, t, 8, "ASSAULT", "attack by armed terrorist groups", actors=("armed terrorist groups",),
                recipients=("FAMA",), **battle),
        mention(aid, t, 9, "SANCTION", "breaking off diplomatic relations", actors=("MLI",), recipients=("UKR",),
                cameo="161", mode="discontinue", date=PUB, basis="publication", confidence=0.7),
        mention(aid, t, 10, "ASSAULT", "The fighting took place", **near, **battle),
        mention(aid, t, 11, "ASSAULT", "ambushed", actors=("CSP", "JNIM"), recipients=("FAMA", "WAGNER"),
                confidence=0.8, **near, **battle),
        mention(aid, t, 12, "ASSAULT", "the clashes, which began", date=dt.date(2024, 7, 25), recipients=("FAMA",),
                claims=(r.Claim("losses", qualifier="vague", claimant="Malian army", party_to_fight=True,
                                text="significant losses"),), **battle),
        mention(aid, t, 13, "ASSAULT", "were killed", recipients=("WAGNER",),
                claims=(r.Claim("killed", low=20, high=80, qualifier="range", victims="Wagner fighters",
                                party_to_fight=False, text="between 20 to 80 Wagner fighters were killed"),),
                **battle),
        mention(aid, t, 14, "ASSAULT", "attacked by around 1,000 fighters", recipients=("WAGNER",),
                claims=(r.Claim("attackers", low=1000, qualifier="about", claimant="Wagner", party_to_fight=True,
                                text="attacked by around 1,000 fighters"),), **battle),
        mention(aid, t, 15, "ASSAULT", "claimed they killed", actors=("CSP",), recipients=("WAGNER", "FAMA"),
                status="claim", modality="claim", claimant="CSP",
                claims=(r.Claim("killed", low=131, qualifier="exact", claimant="Tuareg-led separatists",
                                party_to_fight=True, victims="Wagner mercenaries and Malian soldiers",
                                text="killed 84 Wagner mercenaries and 47 Malian soldiers"),), **battle),
        mention(aid, t, 16, "ASSAULT", "lost control", modality="historical", recipients=("MLI",)),
        mention(aid, t, 17, "COERCE", "took power in coups", modality="historical", cameo="180"),
    ]
    return ms
