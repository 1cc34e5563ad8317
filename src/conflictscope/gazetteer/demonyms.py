"""Demonyms and country adjectives ("Syrian", "British") -> ISO2 country code.

They tell which country a report is about, but they never place an event:
"the British-based Syrian Observatory" says nothing happened in the UK.
"""

from __future__ import annotations

_TABLE = """
AF Afghan Afghans Afghani
AL Albanian Albanians
DZ Algerian Algerians
AO Angolan Angolans
AR Argentine Argentinian Argentinians
AM Armenian Armenians
AU Australian Australians
AT Austrian Austrians
AZ Azerbaijani Azerbaijanis Azeri Azeris
BH Bahraini Bahrainis
BD Bangladeshi Bangladeshis
BY Belarusian Belarusians
BE Belgian Belgians
BJ Beninese
BO Bolivian Bolivians
BA Bosnian Bosnians
BR Brazilian Brazilians
GB British Briton Britons English Scottish Welsh
BG Bulgarian Bulgarians
BF Burkinabe Burkinabé
MM Burmese Myanmarese
BI Burundian Burundians
KH Cambodian Cambodians
CM Cameroonian Cameroonians
CA Canadian Canadians
CF Centrafrican
TD Chadian Chadians
CL Chilean Chileans
CN Chinese
CO Colombian Colombians
CD Congolese
HR Croatian Croatians Croat Croats
CU Cuban Cubans
CY Cypriot Cypriots
CZ Czech Czechs
DK Danish Dane Danes
DJ Djiboutian
NL Dutch
EC Ecuadorian Ecuadorians
EG Egyptian Egyptians
SV Salvadoran Salvadorans
ER Eritrean Eritreans
EE Estonian Estonians
ET Ethiopian Ethiopians
FI Finnish Finn Finns
FR French Frenchman Frenchmen
GA Gabonese
GM Gambian Gambians
GE Georgian Georgians
DE German Germans
GH Ghanaian Ghanaians
GR Greek Greeks
GT Guatemalan Guatemalans
GN Guinean Guineans
HT Haitian Haitians
HN Honduran Hondurans
HU Hungarian Hungarians
IN Indian Indians
ID Indonesian Indonesians
IR Iranian Iranians Persian
IQ Iraqi Iraqis
IE Irish
IL Israeli Israelis
IT Italian Italians
CI Ivorian Ivorians
JM Jamaican Jamaicans
JP Japanese
JO Jordanian Jordanians
KZ Kazakh Kazakhs Kazakhstani
KE Kenyan Kenyans
XK Kosovar Kosovars
KW Kuwaiti Kuwaitis
KG Kyrgyz
LA Lao Laotian
LV Latvian Latvians
LB Lebanese
LR Liberian Liberians
LY Libyan Libyans
LT Lithuanian Lithuanians
MG Malagasy
MW Malawian Malawians
MY Malaysian Malaysians
ML Malian Malians
MR Mauritanian Mauritanians
MX Mexican Mexicans
MD Moldovan Moldovans
MN Mongolian Mongolians
ME Montenegrin Montenegrins
MA Moroccan Moroccans
MZ Mozambican Mozambicans
NA Namibian Namibians
NP Nepali Nepalese
NZ Zealander Zealanders
NI Nicaraguan Nicaraguans
NE Nigerien Nigeriens
NG Nigerian Nigerians
KR Korean Koreans
NO Norwegian Norwegians
OM Omani Omanis
PK Pakistani Pakistanis
PS Palestinian Palestinians
PA Panamanian Panamanians
PY Paraguayan Paraguayans
PE Peruvian Peruvians
PH Filipino Filipinos Philippine
PL Polish Pole Poles
PT Portuguese
QA Qatari Qataris
RO Romanian Romanians
RU Russian Russians
RW Rwandan Rwandans
SA Saudi Saudis
SN Senegalese
RS Serbian Serbians Serb Serbs
SL Leonean Leoneans
SG Singaporean Singaporeans
SK Slovak Slovaks
SI Slovenian Slovenians Slovene
SO Somali Somalis Somalian
ZA African Africans
SD Sudanese Sudanis
ES Spanish Spaniard Spaniards
LK Lankan Lankans
SE Swedish Swede Swedes
CH Swiss
SY Syrian Syrians
TW Taiwanese
TJ Tajik Tajiks
TZ Tanzanian Tanzanians
TH Thai
TG Togolese
TN Tunisian Tunisians
TR Turkish Turk Turks
TM Turkmen
UG Ugandan Ugandans
UA Ukrainian Ukrainians
AE Emirati Emiratis
US American Americans
UY Uruguayan Uruguayans
UZ Uzbek Uzbeks
VE Venezuelan Venezuelans
VN Vietnamese
YE Yemeni Yemenis
ZM Zambian Zambians
ZW Zimbabwean Zimbabweans
BS Bahamian Bahamians
BB Barbadian Barbadians
BZ Belizean Belizeans
CR Rican Ricans
IS Icelandic Icelander Icelanders
LU Luxembourgish Luxembourger Luxembourgers
MK Macedonian Macedonians
MU Mauritian Mauritians
BW Botswanan Motswana Batswana
BT Bhutanese
MV Maldivian Maldivians
FJ Fijian Fijians
KM Comorian Comorians
EH Sahrawi Sahrawis
CV Verdean Verdeans
BN Bruneian Bruneians
TL Timorese
GY Guyanese
SR Surinamese
MT Maltese
TT Trinidadian Trinidadians Tobagonian
LC Lucian Lucians
"""

#: Peoples and movements news names as actors, by the country they mostly live in: like
#: demonyms, they tell which country a report is about and never place an event ("Igbo" is no
#: Igbo-Ukwu, "Houthi rebels" no town).
_PEOPLES = """
NG Igbo Yoruba Hausa Ijaw
ET Tigrayan Tigrayans Oromo
MM Rohingya
CN Uyghur Uyghurs Uighur Uighurs Tibetan Tibetans
AF Hazara Hazaras
SS Dinka Nuer
SD Masalit Darfuri Darfuris
KE Kikuyu Kalenjin
ZW Shona Ndebele
ZA Zulu Xhosa
YE Houthi Houthis
SY Alawite Alawites
IQ Yazidi Yazidis Yezidi
RU Chechen Chechens Dagestani
PK Baloch Baluch Sindhi Sindhis
"""

#: Peoples of several countries: no country of their own, but no place either ("Arab" is no
#: Arab, Alabama; "Pashtun" no town).
PEOPLES_ABROAD = frozenset("""
    Arab Arabs Pashtun Pashtuns Fulani Tuareg Tuaregs Druze Berber Berbers Bedouin Bedouins Sunni
    Sunnis Shia Shias Shiite Shiites Tamil Tamils Kurd Kurds Maasai Balochs
""".split())

#: Demonyms that are ambiguous or need a qualifier to point at one country.
_AMBIGUOUS = frozenset({"African", "Africans", "Congolese", "Guinean", "Guineans", "Zealander", "Zealanders",
                        "Leonean", "Leoneans", "Lankan", "Lankans", "Rican", "Ricans", "Lucian", "Lucians",
                        "Verdean", "Verdeans", "Persian", "Arab", "Kurdish"})

DEMONYMS: dict[str, str] = {
    word: line.split()[0]
    for line in (*_TABLE.strip().splitlines(), *_PEOPLES.strip().splitlines())
    for word in line.split()[1:]
}

#: Qualified demonyms: "South African", "North Korean", "Sri Lankan", ...
QUALIFIED: dict[str, str] = {
    "south african": "ZA", "south africans": "ZA", "central african": "CF",
    "north korean": "KP", "north koreans": "KP", "south korean": "KR", "south koreans": "KR",
    "south sudanese": "SS", "sri lankan": "LK", "sri lankans": "LK", "new zealander": "NZ",
    "new zealanders": "NZ", "sierra leonean": "SL", "saudi arabian": "SA", "costa rican": "CR",
    "costa ricans": "CR", "saint lucian": "LC", "st lucian": "LC", "st. lucian": "LC",
    "cape verdean": "CV", "cape verdeans": "CV",
}


def demonym_country(text: str) -> str | None:
    """ISO2 code of the country a demonym names ('Syrian' -> 'SY'); None if it is none."""
    cleaned = text.strip().removesuffix("'s").removesuffix("’s")
    if cleaned.isupper() and len(cleaned) > 3:
        cleaned = cleaned.title()  # "KAZAKH" in a headline
    lowered = " ".join(cleaned.lower().split())
    if lowered in QUALIFIED:
        return QUALIFIED[lowered]
    if cleaned in DEMONYMS and cleaned not in _AMBIGUOUS:
        return DEMONYMS[cleaned]
    if cleaned.endswith(("-based", "-backed", "-led", "-born", "-made", "-owned")):
        head = cleaned.rsplit("-", 1)[0]
        return DEMONYMS.get(head)
    return None
