"""English news machine-translated from Indonesian, Turkish, Vietnamese, Chinese, Korean, Japanese
and Spanish (MT404 calque-source-en, rows of calque-sources-en.tsv): the source language's news
formulas are found with their exact span, and native English with the same words stays silent."""

from __future__ import annotations

import pytest
from conftest import check_rules


def _found(text: str) -> list[str]:
    return [f.text for f in check_rules("MT404", text, "en")]


BAD = [
    # Indonesian « sebanyak », « unit », « akrab disapa », « menyampaikan », « berupa », « terkait »
    ("Officers seized as many as 4 motorbikes from the house.", "as many as 4"),
    ("A total of as many as 80 families fled the floods.", "A total of as many as"),
    ("The landslide buried 7 units of mosques and 2 units of kiosks.", "7 units of mosques"),
    ("The presenter, familiarly greeted Kak Rina, visited the school.", "familiarly greeted"),
    ("The governor conveyed that the bridge would open in May.", "conveyed that"),
    ("Hartono expressed that the harvest had failed.", "expressed that"),
    ("The victim had injuries in the form of cuts on his arm.", "injuries in the form of"),
    ("Volunteers handed out aid in the form of rice and cooking oil.", "aid in the form of"),
    ("Related to the floods, the mayor closed three schools.", "Related to the floods"),
    ("This was conveyed by the district head on Friday.", "This was conveyed by"),
    ("The snatcher was secured by residents near the market.", "was secured by residents"),
    ("The family party asked for the case to be reopened.", "party"),
    ("A driver with the initials BK was detained after the crash.", "with the initials"),
    ("The concerned was taken to the police station.", "The concerned"),
    ("The suspect's mode was to pose as a courier.", "The suspect's mode"),
    # Turkish evidential passives and team formulas
    ("It was learned that the truck's brakes had failed.", "It was learned that"),
    ("The gendarmerie and health teams rushed to the village.", "gendarmerie and health teams"),
    ("Making statements on the incident, the governor urged calm.", "Making statements on the incident"),
    ("The investigation regarding the accident is ongoing.", "investigation regarding the accident"),
    ("Police detained the said driver at the border gate.", "the said driver"),
    # Vietnamese / Chinese
    ("The district is carrying out the work of clearing the canal.", "the work of"),
    ("Leaders praised the work of disbursing public investment.", "the work of disbursing"),
    ("The ceremony of launching the satellite was broadcast live.", "The ceremony of launching"),
    ("The two delegations exchanged on cooperation in education.", "exchanged on"),
    ("According to the ministry, according to initial figures, rice exports fell.", "according to"),
    ("The fire spread to 12 shops. In which, 3 were destroyed.", "In which,"),
    ("Rescuers found 20 survivors, of which 6 were children.", "of which"),
    ("Along with that, the city will plant 5,000 trees.", "Along with that,"),
    ("Members must thoroughly grasp the directive of the Politburo.", "thoroughly grasp the directive"),
    ("Shares of the bank fell strongly in the morning session.", "fell strongly"),
    # Korean / Japanese
    ("LG Energy Solution said on the 3rd that it would expand the plant.", "on the 3rd"),
    ("It is known that the singer will enlist next month.", "It is known that"),
    ("The singer boasted her doll-like visuals at the airport.", "boasted her doll-like visuals"),
    ("The actress expressed her impressions of the final episode.", "expressed her impressions"),
    ("The band decorated the stage with their new single.", "decorated the stage"),
    ("The two leads showed an amazing chemistry on set.", "showed an amazing chemistry"),
    # Spanish
    ("The of Chivas scored twice in the second half.", "The of"),
    ("Through a statement, the federation confirmed the sanction.", "Through a statement"),
]

CLEAN = [
    "As many as 300,000 people may have fled the fighting, the agency said.",
    "The index could fall by as many as 5 points, and as many as 5 million jobs are at risk.",
    "The council approved 300 units of housing on the site.",
    "He was a squire, familiarly called Ned by the villagers.",
    "The letter conveyed that sense of urgency. This conveyed that the plan had failed.",
    "Aid arrived in the form of loans, and the threat came in the form of a letter.",
    "Costs related to the move were paid. Related to this is the question of cost.",
    "This was explained by the fact that the roads were closed.",
    "The loan was secured by the company's assets.",
    "The family said in a statement that they were grateful. The Labour Party said it would vote.",
    "A man identified only by the initials BK was detained.",
    "Concerned residents met the mayor; the man concerned has left.",
    "He learned that the road was closed, and it emerged that the brakes had failed.",
    "The investigation into the incident continues.",
    "Critics studied the work of Picasso; the work of the committee is finished.",
    "In the event of signing a new striker, the club will tell fans.",
    "Traders exchanged on the market; the ministers exchanged views on trade.",
    "According to the ministry, exports rose, and the report said so too.",
    "In which year did the war end? Of these, three were serious.",
    "Rescuers found 20 survivors, six of whom were children; ten cars, of which two were stolen.",
    "He sent a card and, along with that, flowers.",
    "Students grasp the meaning of the text quickly.",
    "Shares fell sharply; the minister strongly dropped hints.",
    "The strike began on the 12th of May, and he birdied on the 12th hole.",
    "It is known as the oldest bridge in the city.",
    "The city boasts natural beauty, and he boasted that he had won.",
    "The actress reflected on the final episode; volunteers decorated the stage with flowers.",
    "The two leads showed great chemistry on set.",
    "The Office of Budget said through a spokesman that the figures were final.",
    "In a statement, the federation confirmed the sanction.",
]


@pytest.mark.parametrize(("text", "span"), BAD)
def test_calque_found(text: str, span: str) -> None:
    assert span in _found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_native_silent(text: str) -> None:
    assert _found(text) == []


MORE_BAD = [
    ("Residents secured the robber near the mosque.", "Residents secured"),
    ("The bazaar was inaugurated directly by the governor.", "directly by"),
    ("The number of evacuees rose to 320 people on Sunday.", "320 people"),
    ("The actor continues his active activities in China.", "active activities"),
    ("The two subjects fled on a motorbike after the robbery.", "subjects"),
]

MORE_CLEAN = [
    "Residents secured a grant for the library; the mayor is elected directly by voters.",
    "The number of evacuees rose to 320 on Sunday, and 320 people stayed in tents.",
    "Doctors recommend moderately active hobbies.",
    "The subjects of the study reported mild pain; the subject of the talks was trade.",
]


@pytest.mark.parametrize(("text", "span"), MORE_BAD)
def test_more_calques_found(text: str, span: str) -> None:
    assert span in _found(text)


@pytest.mark.parametrize("text", MORE_CLEAN)
def test_more_native_silent(text: str) -> None:
    assert _found(text) == []
