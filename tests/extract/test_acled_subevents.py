"""ACLED sub-event types that hang on what else the text tells (codebook rules), through the whole pipeline.

Each sentence is written for the test; the event scored is the ACLED-scope event with the highest confidence, as
in the ACLED benchmark.
"""
import pytest

PEACEFUL = ("Protests", "Peaceful protest")
INTERVENTION = ("Protests", "Protest with intervention")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
ATTACK = ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text, expected", [
    # the protest is the object of a verb that ends it by force
    ("Police in the town stopped a march against the mayor by traders on Monday.", INTERVENTION),
    ("Police broke up a demonstration of nurses outside the ministry on Monday.", INTERVENTION),
    # the clause that holds the protest is not its grievance
    ("Two students were hurt after police dispersed a demonstration at the campus on Monday.", INTERVENTION),
    # crowd control told in an 'after' clause happened to the protesters
    ("Dozens of residents holding a protest near the market had to flee after police fired tear gas at them on "
     "Monday.", INTERVENTION),
    # the sentence before tells the same gathering
    ("Police dispersed a gathering of traders in the capital on Monday. The traders were protesting against new "
     "taxes.", INTERVENTION),
    # 'riot police' names the force, not what the crowd did
    ("Hundreds of teachers protested in the capital on Monday as riot police watched.", PEACEFUL),
    # riots that were the grievance are still not the protesters' violence
    ("Members of the association demonstrated in the city on Monday to demand the release of men arrested "
     "during last year's riots.", PEACEFUL),
])
def test_protest_intervention(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen kidnapped a shopkeeper near the market on Monday and released him two days later.", ABDUCTION),
    # further violence against the captives makes it an attack
    ("Gunmen kidnapped a shopkeeper near the market on Monday. His body was found two days later.", ATTACK),
    ("Armed men abducted two herders on Monday, beat them and released them the next day.", ATTACK),
    ("Militants abducted and killed a fuel seller near the village on Monday.", ATTACK),
    # what the captives were accused of is not violence against them
    ("Gunmen kidnapped two men accused of killing a herder on Monday.", ABDUCTION),
])
def test_abduction_without_further_violence(acled_of, text, expected):
    assert acled_of(text) == expected


VIOLENT_DEMO = ("Riots", "Violent demonstration")
EXCESSIVE = ("Protests", "Excessive force against protesters")
CLASH = ("Battles", "Armed clash")


@pytest.mark.parametrize("text, expected", [
    # demonstrators fighting state forces: a violent demonstration, not a battle
    ("Hundreds of traders demonstrated in the town on Monday against new market fees. They clashed with the "
     "gendarmes near the town hall.", VIOLENT_DEMO),
    # their clash is their violence, whatever the police did
    ("Hundreds of traders demonstrated in the town on Monday against new market fees. They clashed with the "
     "gendarmes who came to disperse them.", VIOLENT_DEMO),
    ("Villagers engaged the police in running battles on Monday to protest the closure of the clinic.",
     VIOLENT_DEMO),
    # an armed group in the clash keeps it a battle
    ("Soldiers clashed with militants near the village on Monday during a protest by residents.", CLASH),
    # lethal force against protesters who stayed peaceful is excessive force; against a crowd that burned
    # and threw stones it is the violent demonstration
    ("Police shot dead two protesters during a march in the capital on Monday.", EXCESSIVE),
    ("Protesters burned tyres and threw stones in the capital on Monday. Police shot dead two protesters.",
     VIOLENT_DEMO),
])
def test_demonstrators_who_fight(acled_of, text, expected):
    assert acled_of(text) == expected


DISRUPTED = ("Strategic developments", "Disrupted weapons use")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")


@pytest.mark.parametrize("text, expected", [
    # a device made safe did not go off: disrupted weapons use, also for the 'planted' told beside it
    ("Soldiers discovered and defused a roadside bomb planted by militants near the bridge on Monday.", DISRUPTED),
    ("Peacekeepers dismantled a landmine near their camp on Monday. The mine had been planted by rebels.",
     DISRUPTED),
    ("A suspicious package was found at the bus station on Monday. Police safely disposed of the device.",
     DISRUPTED),
    # one that went off is remote violence
    ("Militants detonated an IED under an army truck near the bridge on Monday, wounding two soldiers.", IED),
])
def test_defused_devices(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # headline register: 'exchange fire' as a noun phrase, 'overtake' a town
    ("Soldiers exchange fire with bandits", CLASH),
    ("Rebel fighters overtake a border town", ("Battles", "Non-state actor overtakes territory")),
    ("Rebels fired heavy artillery at the town on Monday.", ("Explosions/Remote violence",
                                                             "Shelling/artillery/missile attack")),
])
def test_acled_register_triggers(acled_of, text, expected):
    assert acled_of(text) == expected
