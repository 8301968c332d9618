"""GeoNames country dumps (the `geoname` table: 19 tab-separated columns) -> a Gazetteer part."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from eventcoder.geo.build import _latin_alts
from eventcoder.geo.gazetteer import Gazetteer, GazetteerError

DUMP_URL = "https://download.geonames.org/export/dump/{code}.zip"
N_COLS = 19


def _open_lines(path: Path):
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise GazetteerError(f"{path} is not a valid zip file") from exc
        members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise GazetteerError(f"{path} holds no GeoNames .txt dump")
        return io.TextIOWrapper(zf.open(members[0]), encoding="utf-8")
    return open(path, encoding="utf-8")


def download(code: str, home: Path) -> Path:
    """Fetch download.geonames.org/export/dump/XX.zip into home/downloads (only on explicit user command)."""
    import urllib.error
    import urllib.request
    dest = home / "downloads" / f"{code}.zip"
    dest.parent.mkdir(parents=True, exist_ok=True)
    url = DUMP_URL.format(code=code)
    try:
        with urllib.request.urlopen(url, timeout=120) as resp, open(dest, "wb") as out:  # noqa: S310 - fixed https URL
            out.write(resp.read())
    except (urllib.error.URLError, OSError) as exc:
        raise GazetteerError(f"could not download {url}: {exc}. Download it yourself and run "
                             f"`eventcoder gazetteer add /path/to/{code}.zip`") from exc
    return dest


def parse_dump(lines, source: str) -> Gazetteer:
    """Parse dump lines: every feature class, alternate names (Latin script), admin names from ADM1/ADM2 rows."""
    rows = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) != N_COLS:
            raise GazetteerError(f"{source}, line {n}: expected {N_COLS} tab-separated GeoNames columns, "
                                 f"found {len(cols)}; is this a GeoNames country dump (e.g. ML.txt)?")
        try:
            rows.append((int(cols[0]), cols[1], float(cols[4]), float(cols[5]), cols[6], cols[7], cols[8],
                         cols[10], cols[11], int(cols[14] or 0), cols[2], cols[3]))
        except ValueError as exc:
            raise GazetteerError(f"{source}, line {n}: bad number ({exc})") from None
    adm1 = {(r[6], r[7]): r[1] for r in rows if r[5] == "ADM1"}
    adm2 = {(r[6], r[7], r[8]): r[1] for r in rows if r[5] == "ADM2"}
    g = Gazetteer()
    g.sources.append(source)
    for gid, name, lat, lon, fcl, fcode, cc, a1c, a2c, pop, ascii_name, alts in rows:
        a1 = adm1.get((cc, a1c))
        a2 = adm2.get((cc, a1c, a2c))
        names = _latin_alts([ascii_name, *alts.split(",")] if alts else [ascii_name], name)
        g.add(gid, name, lat, lon, cc, fcl, fcode, pop, a1, a2, names)
    return g


def load_dump(path_or_code: str, home: Path) -> tuple[Gazetteer, str]:
    """-> (gazetteer part, name to store it under)."""
    path = Path(path_or_code).expanduser()
    if not path.exists():
        if re.fullmatch(r"[A-Za-z]{2}", path_or_code.strip()):
            path = download(path_or_code.strip().upper(), home)
        else:
            raise GazetteerError(f"no such file: {path_or_code} (give a GeoNames dump such as ML.txt or ML.zip, "
                                 "or a 2-letter country code to download it)")
    if path.is_dir():
        raise GazetteerError(f"{path} is a folder; give one GeoNames dump file (e.g. ML.txt)")
    try:
        with _open_lines(path) as fh:
            g = parse_dump(fh, str(path))
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path} is not UTF-8 text: is it a GeoNames dump?") from exc
    if not len(g):
        raise GazetteerError(f"{path} holds no places")
    return g, re.sub(r"[^A-Za-z0-9_-]+", "_", path.name.split(".")[0])
