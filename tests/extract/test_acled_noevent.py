"""ACLED strategic developments the trigger lexicon used to miss, so that a note had no ACLED event at all: the
category labels ACLED coders put before a note ("Property destruction: ...", "Movement of forces: ...") and the
acts they name (desecrating, sabotaging, stripping people of belongings, installing a base, recruiting).
Entries in data/extract/triggers.yaml. Own sentences."""

SD = "Strategic developments"


def test_property_destruction_label(acled_of):
    assert acled_of("Property destruction: Gunmen desecrated several graves in the town cemetery.") == (
        SD, "Looting/property destruction")


def test_desecrating_and_sabotaging_are_property_destruction(acled_of):
    assert acled_of("Militants sabotaged a mobile phone mast near the village.") == (SD, "Looting/property destruction")


def test_stripping_people_of_belongings_is_looting(acled_of):
    assert acled_of("Armed men stopped a minibus and stripped the passengers of their phones.") == (
        SD, "Looting/property destruction")


def test_movement_of_forces_label(acled_of):
    assert acled_of("Movement of forces: Fighters of the armed group left the town for the border area.") == (
        SD, "Change to group/activity")


def test_recruitment(acled_of):
    assert acled_of("The militia was recruiting young men in the district.") == (SD, "Change to group/activity")


def test_base_installed(acled_of):
    assert acled_of("French troops installed a base near the airport of the town.") == (
        SD, "Headquarters or base established")


def test_looting_by_rioters_stays_a_riot(acled_of):
    assert acled_of("Rioters burned tyres and engaged in looting in the market.")[0] == "Riots"


def test_building_a_camp_is_not_a_base(mentions_of):
    ms = mentions_of("Aid agencies built a camp for displaced families outside the town.")
    assert not [m for m in ms if m.coding.acled_sub_event_type == "Headquarters or base established"]


def test_firing_on_a_target_is_violence(acled_of):
    assert acled_of("Rebels fired on an army helicopter flying over the hills.")[0] == "Battles"


def test_artillery_fire_as_a_noun_is_shelling(acled_of):
    assert acled_of("Heavy artillery fire was reported in the southern suburbs.") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_fired_on_a_day_is_no_attack(mentions_of):
    ms = mentions_of("The finance minister was fired on Monday.")
    assert not [m for m in ms if m.trigger.text == "fired"]
