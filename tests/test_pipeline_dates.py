"""Dates of reported and claimed acts: the statement that reports an act dates it; the pluperfect does not."""
import datetime as dt

from eventcoder.records import Article

PUB = dt.date(2019, 5, 10)


def _dates(pipeline, text):
    art = Article.from_text(text, published=PUB)
    return [(m.status, m.date.date if m.date else None, m.date.basis if m.date else None)
            for m in pipeline.mentions(pipeline.document(art)) if m.coding.plover_type == "ASSAULT"]


def test_a_claim_is_dated_by_the_claim(pipeline):
    got = _dates(pipeline, "On 3 May, the rebels claimed to have killed ten soldiers in an attack on an army post.")
    assert got and all(d == dt.date(2019, 5, 3) for _, d, _ in got), got


def test_a_reported_act_is_dated_by_the_statement_not_the_publication(pipeline):
    got = _dates(pipeline, "On 3 May, the rebel group said it killed 40 government soldiers in clashes near the border.")
    assert got and all(d == dt.date(2019, 5, 3) for _, d, _ in got), got


def test_a_pluperfect_claim_stays_undated(pipeline):
    got = _dates(pipeline, "On 3 May, the rebels claimed they had killed ten soldiers.")
    assert got and all(d is None for _, d, _ in got), got


def test_the_reporting_clause_dates_the_claim_through_its_asides(pipeline):
    got = _dates(pipeline, "Around 3 May 2019 (as reported), the rebels claimed to have killed ten soldiers.")
    assert got and all(d == dt.date(2019, 5, 3) for _, d, _ in got), got


def test_an_undated_alleged_attack_is_dated_by_its_report_like_a_reported_one(pipeline):
    # ACLED codes claimed and alleged violence on the report's day; the date says it came from the report
    got = _dates(pipeline, "The rebels claimed to have killed ten soldiers in an attack on an army post.")
    assert got and all(d == PUB and b == "publication" for _, d, b in got), got
    other = [m for m in pipeline.mentions(pipeline.document(Article.from_text(
        "The minister claimed that the country had received weapons.", published=PUB)))]
    assert all(m.date is None for m in other if m.status == "claim"), other


def test_a_report_dated_act_is_exported_to_acled_on_the_report_day_with_day_precision():
    from eventcoder.export.acled import acled_date
    from eventcoder.records import EventDate
    assert acled_date(EventDate(PUB, precision="week", basis="publication")) == (PUB, 1)
    week = EventDate(dt.date(2019, 5, 6), end=dt.date(2019, 5, 12), precision="week", basis="relative")
    assert acled_date(week) == (dt.date(2019, 5, 9), 2)                      # the middle of the span
    assert acled_date(EventDate(dt.date(2019, 5, 3))) == (dt.date(2019, 5, 3), 1)
