"""geo stage: GeoNames gazetteer and toponym resolution.

Public API (import from the submodules; nothing heavy loads at import time):
    eventcoder.geo.gazetteer: GeoCandidate, Gazetteer, default_gazetteer(), add_dump(path_or_code)
    eventcoder.geo.resolver:  Toponym, find_toponyms(text, doc=..., include_demonyms=..., context_countries=...),
                              locate_event(text, toponyms, sentence=..., trigger=..., ...)
    eventcoder.geo.cli:       app (the `eventcoder gazetteer` Typer commands)
Knowledge files: eventcoder/data/geo/ (see its README.md); user files of the same names in
$EVENTCODER_HOME/gazetteer/ extend them.
"""
