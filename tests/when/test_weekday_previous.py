"""A weekday said to be the previous one ("last Monday", "lundi dernier") on that same weekday is a week back."""
import datetime as dt

from eventcoder.when.resolver import resolve_event_date

MONDAY = dt.date(2024, 8, 5)


def test_last_monday_said_on_a_monday_is_the_monday_before():
    assert resolve_event_date("Gunmen raided the camp last Monday.", published=MONDAY).date == dt.date(2024, 7, 29)
    assert resolve_event_date("Gunmen raided the camp on Monday.", published=MONDAY).date == MONDAY


def test_french_weekday_followed_by_dernier_looks_back_too():
    d = resolve_event_date("Des hommes armés ont attaqué le camp lundi dernier.", published=MONDAY, language="fr")
    assert d.date == dt.date(2024, 7, 29) and d.span.text == "lundi dernier"
    d = resolve_event_date("Des hommes armés ont attaqué le camp lundi soir dernier.", published=dt.date(2024, 8, 7),
                           language="fr")
    assert d.date == MONDAY
