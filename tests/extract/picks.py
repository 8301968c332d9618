"""Test helpers: pick one mention out of a sentence's mentions, failing with what was found instead."""


def one(ms, plover):
    """The first mention of PLOVER type ``plover``."""
    found = [m for m in ms if m.coding.plover_type == plover]
    assert found, [(m.coding.plover_type, m.trigger.text) for m in ms]
    return found[0]


def by_trigger(ms, word):
    """The first mention whose trigger text is ``word``."""
    found = [m for m in ms if m.trigger.text == word]
    assert found, [m.trigger.text for m in ms]
    return found[0]
