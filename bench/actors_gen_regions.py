"""Generate src/eventcoder/data/actors/regions.yaml: names of a country's regions (states, provinces,
departments...) that tell the actor resolver which country a role-only actor belongs to ("Darfur rebels",
"gunmen attacked a village (Djibo, Soum)").

Names come from pycountry's ISO 3166-2 subdivisions, plus the hand-written EXTRA table below (conflict
regions news names that are not ISO subdivisions: "Darfur", "Kivu", "Casamance"). A name is left out when
it could mislead: shared by two countries, the name/demonym/capital of another country, a single generic
word ("Centre", "North", "Littoral"), a word of data/geo/not_places.txt or of the STOP list, or shorter
than 4 letters. Re-running overwrites the YAML; edit the tables here, or add a user file with a
`regions:` section (see data/actors/README.md).

    /work/venv/bin/python bench/actors_gen_regions.py
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from eventcoder.actors.normalize import fold, tokenize  # noqa: E402

DATA = ROOT / "src" / "eventcoder" / "data"
OUT = DATA / "actors" / "regions.yaml"

# ISO3 -> regions news names that ISO 3166-2 lacks (or spells otherwise)
EXTRA = """
SDN Darfur|Kordofan|Nuba Mountains|Jebel Marra|Jabal Marra|Blue Nile|White Nile|Butana
SSD Equatoria|Upper Nile|Jonglei|Bahr el Ghazal
ETH Tigray|Amhara|Oromia|Ogaden|Benishangul-Gumuz|Gambella
COD Kivu|North Kivu|South Kivu|Ituri|Kasai|Katanga|Tanganyika
SOM Puntland|Somaliland|Jubaland|Galmudug|Hirshabelle|Lower Shabelle|Middle Shabelle|Lower Juba|Middle Juba|Hiraan
LBY Cyrenaica|Tripolitania|Fezzan
DZA Kabylie|Kabylia
EGY Sinai|North Sinai|South Sinai
SEN Casamance
CMR Ambazonia|Far North Region|Northwest Region|Southwest Region
NGA Niger Delta|Middle Belt
MOZ Cabo Delgado|Cape Delgado
MLI Azawad
CAF Vakaga|Haute-Kotto|Ouham
NER Tillaberi|Tillabéry|Tahoua|Diffa
BFA Centre-Nord|Centre-Est|Boucle du Mouhoun
KEN Rift Valley
UKR Donbas|Donbass|Crimea
RUS Chechnya|Dagestan
IND Kashmir|Jammu and Kashmir|Manipur
PAK Balochistan|Baluchistan|Khyber Pakhtunkhwa|Waziristan
AFG Helmand|Kandahar
IRQ Anbar|Nineveh
SYR Idlib|Aleppo Governorate
YEM Marib|Hadramawt|Hadramout
"""

# folded single words that are also ordinary English/French words or too widely used for one country
STOP = {
    "centre", "center", "central", "capital", "north", "south", "east", "west", "nord", "sud", "est", "ouest",
    "northern", "southern", "eastern", "western", "upper", "lower", "coast", "lakes", "lake", "islands", "island",
    "plateau", "littoral", "delta", "sahel", "savanes", "maritime", "atlantique", "mono", "river", "rivers",
    "highland", "highlands", "mountain", "mountains", "border", "interior", "valley", "city", "district", "region",
    "province", "state", "federal", "national", "union", "free", "santa", "saint", "san", "grand", "greater",
    "kingdom", "republic", "territory", "special", "new", "old", "mid", "middle", "bay", "cap", "la", "les",
    "oriental", "occidental", "equateur", "equator", "gulf", "long", "lagoon", "lagunes", "montagnes", "sea",
    "victoria", "jubilee", "bari", "bay", "logone", "chari", "niger", "nile", "red", "white", "black",
    "blue", "green", "sud-ouest", "sud-est", "nord-ouest", "nord-est", "south-west", "south-east", "north-west",
    "north-east", "far", "zou", "east region", "west region", "north region", "south region",
    # ordinary words, given names and surnames, companies, and names shared with places elsewhere
    "reading", "bury", "most", "unity", "mary", "male", "kent", "paul", "tata", "mila", "aurora", "antique", "rizal",
    "laguna", "valle", "mayo", "clare", "cork", "kerry", "grad", "sila", "kara", "batman", "rivera", "flores",
    "colonia", "charlotte", "balkan", "cascade", "nelson", "canterbury", "midlands", "independencia", "lola", "arno",
    "mili", "isabel", "isabela", "trang", "meta", "bali", "como", "latina", "imperia", "hanover", "kingston",
    "portland", "clarendon", "alba", "sutton", "greenwich", "york", "derby", "angus", "brent", "bolton", "harrow",
    "bedford", "ascension", "moyo", "rafah", "hidalgo", "guerrero", "miranda", "herrera", "trujillo", "rivas",
    "cesar", "duarte", "valverde", "mara", "zeta", "tapa", "tori", "saga", "nara", "pest", "eger", "salto",
    "rocha", "durango", "chin", "shan", "bong", "kole", "surin", "marsa", "paola", "pembroke", "fontana", "plaisance",
    "lara", "georgia", "washington", "jersey", "normandie", "male", "yuma", "azua", "acre", "fria", "pita",
    "lobata", "tanga", "tete", "sinop", "moka", "flacq", "savanne", "berea", "independence", "liberty",
}
GENERIC = {"north", "south", "east", "west", "central", "centre", "center", "nord", "sud", "est", "ouest",
           "northern", "southern", "eastern", "western", "upper", "lower", "far", "region", "province", "of", "the"}


def _folded(name: str) -> str:
    """The words as the resolver compares a region name (case and diacritics folded, no spelling folding)."""
    return " ".join(fold(t.text) for t in tokenize(name))


def main() -> int:
    countries = yaml.safe_load((DATA / "actors" / "countries.yaml").read_text(encoding="utf-8"))["countries"]
    taken: dict[str, str] = {}         # folded country/demonym/capital -> iso3
    for c in countries:
        for n in (c["name"], *(c.get("names") or ()), *(c.get("demonyms") or ()), *(c.get("capitals") or ())):
            taken.setdefault(_folded(n), c["iso3"])
    not_places = {line.strip() for line in (DATA / "geo" / "not_places.txt").read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")}
    stop = {_folded(w) for w in STOP | not_places}

    names: dict[str, dict[str, str]] = defaultdict(dict)     # folded -> iso3 -> name as written
    for s in pycountry.subdivisions:
        c = pycountry.countries.get(alpha_2=s.country_code)
        if c is None:
            continue
        names[_folded(s.name)][c.alpha_3] = s.name
    for line in EXTRA.strip().splitlines():
        iso3, rest = line.split(" ", 1)
        for n in rest.split("|"):
            names[_folded(n)][iso3] = n.strip()

    out: dict[str, list[str]] = defaultdict(list)
    dropped = defaultdict(int)
    for folded, by_country in names.items():
        words = folded.split()
        if len(by_country) > 1:
            dropped["shared by countries"] += 1
            continue
        iso3, name = next(iter(by_country.items()))
        if folded in taken and taken[folded] != iso3:
            dropped["another country's name"] += 1
            continue
        if folded in taken:
            dropped["the country's own name or capital"] += 1
            continue
        if folded in stop or (len(words) == 1 and len(folded) < 4) or all(w in GENERIC for w in words):
            dropped["generic or short"] += 1
            continue
        out[iso3].append(name)
    doc = {"version": 1, "regions": [{"country": k, "names": sorted(v)} for k, v in sorted(out.items())]}
    header = ("# Generated by bench/actors_gen_regions.py from pycountry's ISO 3166-2 subdivisions plus hand-written\n"
              "# conflict regions; edit the script's tables and re-run (or add a user file with a `regions:` section).\n"
              "# A region tells the actor resolver the country of a role-only actor; it is never an actor itself.\n")
    OUT.write_text(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=140), encoding="utf-8")
    print(f"{OUT}: {sum(len(v) for v in out.values())} names in {len(out)} countries; dropped {dict(dropped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
