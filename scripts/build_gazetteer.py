"""Build ``src/marsad/lexicon/ar/gazetteer.json``: countries from CLDR (via Babel) + curated entries.

Usage::

    python scripts/build_gazetteer.py           # write the JSON
    python scripts/build_gazetteer.py --check   # exit 1 if the shipped JSON is out of date

The shipped JSON is generated: edit the tables below and rerun, never the JSON by hand.
``tests/extract/test_gazetteer.py`` checks that the JSON matches this script.

Sources
    * Countries and territories: CLDR display names as shipped by Babel
      (``Locale("ar").territories``, ``Locale("en").territories``, and the ``ar_*`` regional
      locales where they spell a name differently). Only two-letter codes of real places;
      the CLDR macro-regions (``001``, ``150``…), ``EU``, ``EZ``, ``UN``, ``QO`` and the
      pseudo-codes ``XA``/``XB``/``ZZ`` are skipped (the EU and the UN are curated ORGs).
      Every ``غ`` of a CLDR Arabic name also gets its ``ج`` spelling (Egyptian press writes
      ``أنجولا``, ``هونج كونج``); :data:`COUNTRY_EXTRA` adds the names news uses besides the
      CLDR one, nationality adjectives (:data:`DEMONYMS`), Wikidata ids and removals.
    * Everything else (people, organisations, places, media): curated by hand from general
      knowledge, see :data:`CURATED`. Roles describe what a person is known for in the news
      up to 2025; they are informational and may be out of date.

Pattern syntax in the tables (expanded here, the JSON holds plain strings)
    ``[غج]`` one of the letters; ``{a,b,}`` one of the comma-separated strings (an empty
    option makes the part optional). Alternatives multiply: ``بيون[غج]{ ,}يان[غج]`` is 8
    spellings. Variants that normalise alike (``أ``/``ا``, ``ة``/``ه``, ``ى``/``ي``,
    diacritics) are written once: matching normalises both sides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale
from babel.localedata import locale_identifiers

from marsad.extract.gazetteer import variant_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "lexicon" / "ar" / "gazetteer.json"

TYPES = ("PER", "ORG", "LOC")

# --------------------------------------------------------------------------------------
# Countries (CLDR through Babel) and what news adds to them
# --------------------------------------------------------------------------------------

SKIP_CODES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

COUNTRY_IDS = {
    "US": "usa", "GB": "uk", "AE": "uae", "KP": "north_korea", "KR": "south_korea",
    "CD": "dr_congo", "CG": "republic_of_congo", "PS": "palestine", "TR": "turkey",
    "CZ": "czech_republic", "HK": "hong_kong", "MO": "macau", "VA": "vatican",
    "CI": "ivory_coast", "MM": "myanmar", "BA": "bosnia_and_herzegovina", "TL": "timor_leste",
    "ST": "sao_tome_and_principe", "FM": "micronesia", "UM": "us_outlying_islands",
    "VI": "us_virgin_islands", "VG": "british_virgin_islands", "XK": "kosovo",
}

# Arabic names CLDR gives that are ordinary words or another place in news text: not used
# as variants (see LEFT_OUT); the entry keeps the unambiguous forms from COUNTRY_EXTRA.
COUNTRY_DROP = {
    "OM": ["عمان"],   # also Amman, capital of Jordan (عَمّان): identical without diacritics
    "ML": ["مالي"],   # also the adjective "financial" (دعم مالي)
    "BJ": ["بنين"],   # also "boys" (مدرسة بنين)
    "AW": ["أروبا"],  # a frequent misspelling of أوروبا (Europe)
}
# CLDR names whose ج spelling is an ordinary word
NO_JIM_SPELLING = {
    "GH",  # جانا: colloquial "came to us"
    "MA",  # المغرب is Arabic (المجرب = "tried")
    "PT",  # البرتغال: the ج spelling is not used
}

# code | extra variants (Arabic and Latin) | acronyms | Wikidata id
COUNTRY_EXTRA = """
US | أمريكا; أميركا; الولايات المتحدة الأمريكية; الولايات المتحدة الأميركية; United States of America; America | USA; US; U.S.; U.S.A. | Q30
GB | بريطانيا; بريطانيا العظمى; المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية; Britain; Great Britain | UK; U.K. | Q145
RU | روسيا الاتحادية; الاتحاد الروسي; Russian Federation | - | Q159
UA | أوكرينا; أوكرين; أوكراينا | - | Q212
KP | كوريا الديم{,و}قراطية; جمهورية كوريا الشعبية الديم{,و}قراطية; جمهورية كوريا الديم{,و}قراطية الشعبية; كوريا الشمالية الشيوعية; Democratic People's Republic of Korea | DPRK | Q423
KR | جمهورية كوريا; Republic of Korea | ROK | Q884
CN | جمهورية الصين الشعبية; الصين الشعبية; People's Republic of China | PRC | Q148
JP | - | - | Q17
TW | جمهورية الصين الوطنية | - | Q865
HK | هون[غج] كون[غج]; Hong Kong | - | Q8646
IR | الجمهورية الإسلامية الإيرانية; جمهورية إيران الإسلامية | - | Q794
IL | دولة إسرائيل; الكيان الصهيوني; الكيان الإسرائيلي; دولة الاحتلال | - | Q801
PS | فلسطين; دولة فلسطين; State of Palestine; Palestine | - | -
TR | الجمهورية التركية; Turkey; Turkiye | - | Q43
EG | جمهورية مصر العربية | - | Q79
SA | السعودية; المملكة السعودية | KSA | Q851
AE | الإمارات; دولة الإمارات; الإمارات المتحدة | UAE | Q878
QA | دولة قطر | - | Q846
KW | دولة الكويت | - | Q817
BH | مملكة البحرين | - | Q398
OM | سلطنة عمان | - | Q842
YE | الجمهورية اليمنية | - | Q805
JO | المملكة الأردنية الهاشمية; المملكة الأردنية | - | Q810
LB | الجمهورية اللبنانية | - | Q822
SY | سورية; الجمهورية العربية السورية | - | Q858
IQ | جمهورية العراق | - | Q796
SD | جمهورية السودان | - | Q1049
SS | دولة جنوب السودان | - | Q958
LY | دولة ليبيا | - | Q1016
TN | الجمهورية التونسية | - | Q948
DZ | الجمهورية الجزائرية | - | Q262
MA | المملكة المغربية | - | Q1028
MR | الجمهورية الإسلامية الموريتانية | - | Q1025
SO | جمهورية الصومال | - | Q1045
DJ | - | - | Q977
ER | أريتريا | - | Q986
ET | - | - | Q115
TD | - | - | Q657
ML | جمهورية مالي; دولة مالي | - | Q912
NE | - | - | Q1032
NG | - | - | Q1033
KE | - | - | Q114
ZA | جنوب إفريقيا; دولة جنوب أفريقيا | - | Q258
CD | الكون[غج]و الديم{,و}قراطية; جمهورية الكون[غج]و الديم{,و}قراطية; Democratic Republic of the Congo | DRC | -
CG | جمهورية الكون[غج]و; الكون[غج]و برازافيل; Republic of the Congo | - | -
BJ | جمهورية بنين | - | -
AW | جزيرة أروبا | - | -
DE | - | - | Q183
FR | - | - | Q142
IT | - | - | Q38
ES | - | - | Q29
PT | - | - | Q45
PL | - | - | Q36
NL | هولاندا; Holland | - | Q55
BE | - | - | Q31
CH | - | - | Q39
AT | - | - | Q40
SE | - | - | Q34
NO | - | - | Q20
FI | - | - | Q33
DK | الدنمارك | - | Q35
GR | - | - | Q41
IE | - | - | Q27
HU | المجر | - | Q28
CZ | جمهورية التشيك; Czech Republic | - | Q213
SK | - | - | Q214
SI | - | - | Q215
HR | - | - | Q224
RS | - | - | Q403
BG | - | - | Q219
RO | - | - | Q218
MD | مولدافيا | - | Q217
BY | بيلاروسيا; روسيا البيضاء | - | Q184
LT | - | - | Q37
LV | - | - | Q211
EE | - | - | Q191
GE | - | - | Q230
AM | - | - | Q399
AZ | - | - | Q227
KZ | - | - | Q232
CY | - | - | Q229
MT | - | - | Q233
IS | - | - | Q189
LU | - | - | Q32
IN | - | - | Q668
PK | - | - | Q843
AF | - | - | Q889
BD | بنغلادش | - | Q902
LK | - | - | Q854
NP | - | - | Q837
MM | بورما; Burma | - | Q836
KH | - | - | Q424
LA | - | - | Q819
MN | - | - | Q711
VN | - | - | Q881
ID | - | - | Q252
PH | - | - | Q928
SG | - | - | Q334
MY | - | - | Q833
TH | - | - | Q869
AU | - | - | Q408
NZ | - | - | Q664
CA | - | - | Q16
MX | - | - | Q96
BR | - | - | Q155
AR | - | - | Q414
CL | - | - | Q298
CO | - | - | Q739
PE | - | - | Q419
VE | - | - | Q717
CU | - | - | Q241
VA | دولة الفاتيكان; الكرسي الرسولي; Holy See | - | Q237
GL | جرينلاند; غرينلاندا | - | -
"""

# id | masculine singular forms (;) | broken plurals (;) | forms to drop (;)
# From each masculine form the build makes the feminine (ـة), the sound plurals (ـون/ـين),
# and each with the article on every word (الكوري الشمالي، الكورية الشمالية، الكوريين
# الشماليين). Left out: Hungarian (المجري = "the watercourse"), Romanian (الروماني = Roman),
# Malian (المالي = financial), Nigerien (confusable with Nigerian), the two Congos, Guineas;
# and bare تركي, a common given name (تركي الفيصل), while التركي/تركية/الأتراك are kept.
DEMONYMS = """
russia | روسي | روس
ukraine | أوكراني | -
usa | أمريكي; أميركي | أمريكان; أميركان
uk | بريطاني | -
china | صيني | -
north_korea | كوري شمالي | -
south_korea | كوري جنوبي | -
japan | ياباني | -
iran | إيراني | -
israel | إسرائيلي | -
turkey | تركي | أتراك | تركي
egypt | مصري | -
saudi_arabia | سعودي | -
uae | إماراتي | -
qatar | قطري | -
kuwait | كويتي | -
bahrain | بحريني | -
oman | عماني | -
yemen | يمني | -
jordan | أردني | -
lebanon | لبناني | -
syria | سوري | -
iraq | عراقي | -
palestine | فلسطيني | -
sudan | سوداني | -
libya | ليبي | -
tunisia | تونسي | -
algeria | جزائري | -
morocco | مغربي | مغاربة
mauritania | موريتاني | -
somalia | صومالي | -
djibouti | جيبوتي | -
ethiopia | إثيوبي | -
eritrea | إريتري | -
chad | تشادي | -
nigeria | نيجيري | -
kenya | كيني | -
germany | ألماني | ألمان
france | فرنسي | -
italy | إيطالي | -
spain | إسباني | إسبان
portugal | برتغالي | -
poland | بولندي | -
netherlands | هولندي | -
belgium | بلجيكي | -
switzerland | سويسري | -
austria | نمساوي | -
sweden | سويدي | -
norway | نرويجي | -
finland | فنلندي | -
denmark | دنماركي; دانماركي | -
greece | يوناني | -
ireland | أيرلندي | -
czech_republic | تشيكي | -
serbia | صربي | صرب
belarus | بيلاروسي | -
georgia | جورجي | -
armenia | أرميني; أرمني | أرمن
azerbaijan | أذربيجاني; أذري | -
kazakhstan | كازاخستاني; كازاخي | -
india | هندي | هنود
pakistan | باكستاني | -
afghanistan | أفغاني | أفغان
bangladesh | بنغلاديشي | -
indonesia | إندونيسي | -
malaysia | ماليزي | -
philippines | فلبيني | -
vietnam | فيتنامي | -
taiwan | تايواني | -
thailand | تايلاندي | -
australia | أسترالي | -
canada | كندي | -
mexico | مكسيكي | -
brazil | برازيلي | -
argentina | أرجنتيني | -
venezuela | فنزويلي | -
cuba | كوبي | -
europe | أوروبي; أوربي | -
africa | أفريقي; إفريقي | -
asia | آسيوي | -
soviet_union | سوفيتي; سوفياتي | -
"""

# --------------------------------------------------------------------------------------
# Curated entries
# id | type | country | English | Arabic | variants (;) | acronyms (;) | Wikidata | roles (;) | coref (;)
# "-" = empty. ``coref``: short forms that are ambiguous on their own (كيم، عباس، الأسد…):
# never matched by Gazetteer.find, kept for linking a later mention to an entity already
# named in full in the same article.
# --------------------------------------------------------------------------------------

CURATED = """
# ---- Russia and Belarus: people
putin | PER | RU | Vladimir Putin | فلاديمير بوتين | بوتين; فلاديمير فلاديميروفيتش بوتين; Putin; Vladimir Putin; Wladimir Putin | - | Q7747 | president | -
peskov | PER | RU | Dmitry Peskov | دميتري بيسكوف | {دميتري,ديمتري,ديميتري,دمتري} بيسكوف; بيسكوف; Peskov; Dmitry Peskov; Dmitri Peskov | - | - | kremlin_spokesman | -
lavrov | PER | RU | Sergei Lavrov | سيرغي لافروف | سير[غج]{ي,يه,ييه} لافروف; لافروف; Lavrov; Sergei Lavrov; Sergey Lavrov | - | - | foreign_minister | -
shoigu | PER | RU | Sergei Shoigu | سيرغي شويغو | {سير[غج]ي,سير[غج]يه,سير[غج]ييه,سيري} شوي[غج]و; شوي[غج]و; Shoigu; Sergei Shoigu; Sergey Shoigu | - | - | security_council_secretary; former_defence_minister | -
belousov | PER | RU | Andrei Belousov | أندريه بيلوسوف | {أندريه,أندري,أندريي} بيلوسوف; بيلوسوف; Belousov; Andrei Belousov; Andrey Belousov | - | - | defence_minister | -
mishustin | PER | RU | Mikhail Mishustin | ميخائيل ميشوستين | {ميخائيل,ميخايل} ميشوستين; ميشوستين; Mishustin; Mikhail Mishustin | - | - | prime_minister | -
medvedev | PER | RU | Dmitry Medvedev | دميتري ميدفيديف | {دميتري,ديمتري,ديميتري} {ميدفيديف,مدفيديف,ميدفيدف}; ميدفيديف; مدفيديف; Medvedev; Dmitry Medvedev | - | Q23530 | security_council_deputy_chairman; former_president | -
zakharova | PER | RU | Maria Zakharova | ماريا زاخاروفا | زاخاروفا; Zakharova; Maria Zakharova | - | - | foreign_ministry_spokeswoman | -
gerasimov | PER | RU | Valery Gerasimov | فاليري غيراسيموف | فاليري [غج]يراسيموف; [غج]يراسيموف; Gerasimov; Valery Gerasimov | - | - | chief_of_general_staff | -
rudenko | PER | RU | Andrei Rudenko | أندريه رودنكو | {أندريه,أندري,أندريي} {رودنكو,رودينكو}; رودنكو; رودينكو; Rudenko; Andrei Rudenko; Andrey Rudenko | - | - | deputy_foreign_minister | -
ryabkov | PER | RU | Sergei Ryabkov | سيرغي ريابكوف | سير[غج]{ي,يه} ريابكوف; ريابكوف; Ryabkov; Sergei Ryabkov | - | - | deputy_foreign_minister | -
nebenzia | PER | RU | Vasily Nebenzia | فاسيلي نيبينزيا | فاسيلي {نيبينزيا,نيبنزيا}; نيبينزيا; نيبنزيا; Nebenzia; Vassily Nebenzia | - | - | un_ambassador | -
ushakov | PER | RU | Yuri Ushakov | يوري أوشاكوف | يوري أوشاكوف; أوشاكوف; Ushakov; Yuri Ushakov | - | - | presidential_aide | -
naryshkin | PER | RU | Sergei Naryshkin | سيرغي ناريشكين | سير[غج]{ي,يه} ناريشكين; ناريشكين; Naryshkin | - | - | svr_director | -
bortnikov | PER | RU | Alexander Bortnikov | ألكسندر بورتنيكوف | {ألكسندر,أليكسندر} بورتنيكوف; بورتنيكوف; Bortnikov | - | - | fsb_director | -
kirill_dmitriev | PER | RU | Kirill Dmitriev | كيريل دميترييف | كيريل {دميترييف,ديميترييف,ديمترييف}; Kirill Dmitriev | - | - | special_envoy | دميترييف
kadyrov | PER | RU | Ramzan Kadyrov | رمضان قديروف | رمضان {قديروف,قاديروف}; قديروف; قاديروف; Kadyrov; Ramzan Kadyrov | - | - | head_of_chechnya | -
prigozhin | PER | RU | Yevgeny Prigozhin | يفغيني بريغوجين | {يف[غج]يني,ي[غج]يني} بري[غج]وجين; بري[غج]وجين; Prigozhin; Yevgeny Prigozhin | - | - | wagner_founder | -
navalny | PER | RU | Alexei Navalny | أليكسي نافالني | {أليكسي,ألكسي,أليكسى} نافالني; نافالني; Navalny; Alexei Navalny | - | - | opposition_leader | -
lukashenko | PER | BY | Alexander Lukashenko | ألكسندر لوكاشينكو | {ألكسندر,أليكسندر} {لوكاشينكو,لوكاشنكو}; لوكاشينكو; لوكاشنكو; Lukashenko; Alexander Lukashenko | - | - | president | -
# ---- Ukraine: people
zelensky | PER | UA | Volodymyr Zelensky | فولوديمير زيلينسكي | {فولوديمير,فلاديمير,فولوديمر} {زيلينسكي,زيلنسكي,زيلينيسكي}; زيلينسكي; زيلنسكي; Zelensky; Zelenskyy; Zelenskiy; Volodymyr Zelensky; Volodymyr Zelenskyy | - | Q3874799 | president | -
yermak | PER | UA | Andriy Yermak | أندريه يرماك | {أندريه,أندري,أندريي} {يرماك,ييرماك}; يرماك; Yermak; Andriy Yermak | - | - | head_of_presidential_office | -
sybiha | PER | UA | Andrii Sybiha | أندريه سيبيها | {أندريه,أندري,أندريي} {سيبيها,سيبيغا}; سيبيها; Sybiha; Andrii Sybiha | - | - | foreign_minister | -
kuleba | PER | UA | Dmytro Kuleba | دميترو كوليبا | {دميترو,ديميترو,دميتري} كوليبا; كوليبا; Kuleba; Dmytro Kuleba | - | - | former_foreign_minister | -
umerov | PER | UA | Rustem Umerov | رستم عمروف | {رستم,روستم} {عمروف,أوميروف,عميروف}; عمروف; أوميروف; Umerov; Rustem Umerov | - | - | former_defence_minister; nsdc_secretary | -
shmyhal | PER | UA | Denys Shmyhal | دينيس شميهال | {دينيس,دنيس} شميهال; شميهال; Shmyhal; Denys Shmyhal | - | - | former_prime_minister; defence_minister | -
svyrydenko | PER | UA | Yulia Svyrydenko | يوليا سفيريدينكو | يوليا {سفيريدينكو,سفيريدنكو}; سفيريدينكو; Svyrydenko; Yulia Svyrydenko | - | - | prime_minister | -
syrskyi | PER | UA | Oleksandr Syrskyi | أولكسندر سيرسكي | {أولكسندر,أوليكسندر,ألكسندر} سيرسكي; سيرسكي; Syrskyi; Syrsky; Oleksandr Syrskyi | - | - | commander_in_chief | -
zaluzhnyi | PER | UA | Valerii Zaluzhnyi | فاليري زالوجني | فاليري {زالوجني,زالوزني}; زالوجني; Zaluzhnyi; Zaluzhny; Valerii Zaluzhnyi | - | - | former_commander_in_chief | -
budanov | PER | UA | Kyrylo Budanov | كيريلو بودانوف | {كيريلو,كيريل} بودانوف; بودانوف; Budanov; Kyrylo Budanov | - | - | gur_chief | -
klitschko | PER | UA | Vitali Klitschko | فيتالي كليتشكو | فيتالي كليتشكو; Vitali Klitschko | - | - | mayor_of_kyiv | كليتشكو
# ---- United States: people
trump | PER | US | Donald Trump | دونالد ترامب | دونالد {ترامب,ترمب}; ترامب; ترمب; Trump; Donald Trump | - | Q22686 | president | -
biden | PER | US | Joe Biden | جو بايدن | جو بايدن; بايدن; Biden; Joe Biden | - | Q6279 | former_president | -
kamala_harris | PER | US | Kamala Harris | كامالا هاريس | كامالا هاريس; Kamala Harris | - | Q10853588 | former_vice_president | هاريس
vance | PER | US | JD Vance | جي دي فانس | {جي دي,جيه دي,جاي دي} فانس; فانس; Vance; JD Vance; J.D. Vance | - | - | vice_president | -
rubio | PER | US | Marco Rubio | ماركو روبيو | ماركو روبيو; روبيو; Rubio; Marco Rubio | - | - | secretary_of_state | -
hegseth | PER | US | Pete Hegseth | بيت هيغسيث | بيت هي[غج]سيث; هي[غج]سيث; هيكسيث; Hegseth; Pete Hegseth | - | - | defence_secretary | -
blinken | PER | US | Antony Blinken | أنتوني بلينكن | أنتوني بلينكن; بلينكن; Blinken; Antony Blinken | - | - | former_secretary_of_state | -
lloyd_austin | PER | US | Lloyd Austin | لويد أوستن | لويد {أوستن,أوستين}; Lloyd Austin | - | - | former_defence_secretary | أوستن
witkoff | PER | US | Steve Witkoff | ستيف ويتكوف | ستيف ويتكوف; ويتكوف; Witkoff; Steve Witkoff | - | - | special_envoy | -
kellogg | PER | US | Keith Kellogg | كيث كيلوغ | كيث كيلو[غج]; كيلو[غج]; Keith Kellogg | - | - | special_envoy | -
mike_waltz | PER | US | Mike Waltz | مايك والتز | مايك والتز; Mike Waltz | - | - | un_ambassador; former_national_security_adviser | والتز
jake_sullivan | PER | US | Jake Sullivan | جيك سوليفان | جيك سوليفان; Jake Sullivan | - | - | former_national_security_adviser | سوليفان
obama | PER | US | Barack Obama | باراك أوباما | باراك أوباما; أوباما; Obama; Barack Obama | - | Q76 | former_president | -
musk | PER | US | Elon Musk | إيلون ماسك | إيلون ماسك; Elon Musk; Musk | - | Q317521 | businessman | ماسك
# ---- China: people
xi_jinping | PER | CN | Xi Jinping | شي جين بينغ | شي {جين بين[غج],جينبين[غج],جين بينق}; Xi Jinping | - | Q15031 | president | شي
wang_yi | PER | CN | Wang Yi | وانغ يي | وان[غج] يي; Wang Yi | - | - | foreign_minister | -
li_qiang | PER | CN | Li Qiang | لي تشيانغ | لي {تشيان[غج],كيان[غج],تشيانق}; Li Qiang | - | - | prime_minister | -
dong_jun | PER | CN | Dong Jun | دونغ جون | دون[غج] جون; Dong Jun | - | - | defence_minister | -
# ---- North and South Korea: people (two Kims with distinct ids; "كيم" alone is coref only)
kim_jong_un | PER | KP | Kim Jong Un | كيم جونغ أون | كيم {جون[غج],جون} أون; كيم جون[غج]; Kim Jong Un; Kim Jong-un | - | Q56226 | supreme_leader | كيم
kim_yo_jong | PER | KP | Kim Yo Jong | كيم يو جونغ | كيم يو جون[غج]; Kim Yo Jong; Kim Yo-jong | - | - | senior_party_official | كيم
kim_jong_il | PER | KP | Kim Jong Il | كيم جونغ إيل | كيم جون[غج] إيل; Kim Jong Il; Kim Jong-il | - | - | former_leader | -
kim_il_sung | PER | KP | Kim Il Sung | كيم إيل سونغ | كيم إيل سون[غج]; Kim Il Sung; Kim Il-sung | - | - | founder | -
choe_son_hui | PER | KP | Choe Son Hui | تشوي سون هوي | تشوي سون {هوي,هي}; Choe Son Hui; Choe Son-hui | - | - | foreign_minister | -
kim_yong_hyun | PER | KR | Kim Yong-hyun | كيم يونغ هيون | كيم يون[غج] هيون; Kim Yong-hyun; Kim Yong Hyun | - | - | former_defence_minister | كيم
shin_won_sik | PER | KR | Shin Won-sik | شين وون سيك | شين وون سيك; Shin Won-sik | - | - | former_defence_minister | -
yoon_suk_yeol | PER | KR | Yoon Suk Yeol | يون سوك يول | يون سوك {يول,يئول}; Yoon Suk Yeol; Yoon Suk-yeol | - | - | former_president | يون
lee_jae_myung | PER | KR | Lee Jae-myung | لي جاي ميونغ | لي {جاي,جيه,جي} ميون[غج]; Lee Jae-myung; Lee Jae Myung | - | - | president | -
han_duck_soo | PER | KR | Han Duck-soo | هان دوك سو | هان {دوك,دك} سو; Han Duck-soo | - | - | former_prime_minister | -
cho_tae_yul | PER | KR | Cho Tae-yul | تشو تاي يول | تشو تاي يول; Cho Tae-yul | - | - | former_foreign_minister | -
# ---- Iran: people
khamenei | PER | IR | Ali Khamenei | علي خامنئي | {علي,آية الله علي,آية الله} خامنئي; خامنئي; خامنه اي; Khamenei; Ali Khamenei | - | Q57336 | supreme_leader | -
pezeshkian | PER | IR | Masoud Pezeshkian | مسعود بزشكيان | مسعود {بزشكيان,بيزشكيان,بزشکیان}; بزشكيان; بيزشكيان; Pezeshkian; Masoud Pezeshkian | - | - | president | -
araghchi | PER | IR | Abbas Araghchi | عباس عراقجي | عباس {عراقجي,أراغتشي}; عراقجي; Araghchi; Abbas Araghchi | - | - | foreign_minister | -
raisi | PER | IR | Ebrahim Raisi | إبراهيم رئيسي | إبراهيم رئيسي; Ebrahim Raisi | - | - | former_president | رئيسي
amir_abdollahian | PER | IR | Hossein Amir-Abdollahian | حسين أمير عبد اللهيان | حسين أمير عبد{ ,}اللهيان; أمير عبد{ ,}اللهيان; Amir-Abdollahian | - | - | former_foreign_minister | -
larijani | PER | IR | Ali Larijani | علي لاريجاني | علي لاريجاني; لاريجاني; Larijani; Ali Larijani | - | - | snsc_secretary | -
ghalibaf | PER | IR | Mohammad Bagher Ghalibaf | محمد باقر قاليباف | محمد باقر قاليباف; قاليباف; Ghalibaf | - | - | parliament_speaker | -
zarif | PER | IR | Mohammad Javad Zarif | محمد جواد ظريف | محمد جواد ظريف; Mohammad Javad Zarif | - | - | former_foreign_minister | ظريف
soleimani | PER | IR | Qasem Soleimani | قاسم سليماني | قاسم سليماني; Qasem Soleimani | - | - | former_quds_force_commander | سليماني
# ---- Israel: people
netanyahu | PER | IL | Benjamin Netanyahu | بنيامين نتنياهو | {بنيامين,بنيامن} {نتنياهو,نتانياهو}; نتنياهو; نتانياهو; Netanyahu; Benjamin Netanyahu | - | Q43723 | prime_minister | -
israel_katz | PER | IL | Israel Katz | يسرائيل كاتس | {يسرائيل,إسرائيل} كاتس; Israel Katz | - | - | defence_minister | كاتس
gallant | PER | IL | Yoav Gallant | يوآف غالانت | يوآف [غج]الانت; [غج]الانت; Gallant; Yoav Gallant | - | - | former_defence_minister | -
gideon_saar | PER | IL | Gideon Saar | جدعون ساعر | جدعون ساعر; Gideon Saar; Gideon Sa'ar | - | - | foreign_minister | ساعر
herzog | PER | IL | Isaac Herzog | إسحاق هرتسوغ | {إسحاق,يتسحاق} هرتسو[غج]; هرتسو[غج]; Herzog; Isaac Herzog | - | - | president | -
smotrich | PER | IL | Bezalel Smotrich | بتسلئيل سموتريتش | بتسلئيل سموتريتش; سموتريتش; Smotrich; Bezalel Smotrich | - | - | finance_minister | -
ben_gvir | PER | IL | Itamar Ben-Gvir | إيتمار بن غفير | إيتمار بن [غج]فير; بن [غج]فير; Ben-Gvir; Itamar Ben-Gvir | - | - | national_security_minister | -
lapid | PER | IL | Yair Lapid | يائير لابيد | يائير لابيد; لابيد; Lapid; Yair Lapid | - | - | opposition_leader | -
gantz | PER | IL | Benny Gantz | بيني غانتس | بيني [غج]انتس; [غج]انتس; Gantz; Benny Gantz | - | - | politician | -
barnea | PER | IL | David Barnea | ديفيد برنياع | ديفيد برنياع; برنياع; Barnea; David Barnea | - | - | mossad_director | -
halevi | PER | IL | Herzi Halevi | هرتسي هاليفي | هرتسي هاليفي; هاليفي; Halevi; Herzi Halevi | - | - | former_chief_of_staff | -
eyal_zamir | PER | IL | Eyal Zamir | إيال زامير | إيال زامير; Eyal Zamir | - | - | chief_of_staff | زامير
# ---- Turkey: people
erdogan | PER | TR | Recep Tayyip Erdogan | رجب طيب أردوغان | رجب طيب {أردوغان,إردوغان,أردوجان}; أردوغان; إردوغان; أردوجان; Erdogan; Erdoğan; Recep Tayyip Erdogan | - | Q39259 | president | -
hakan_fidan | PER | TR | Hakan Fidan | هاكان فيدان | هاكان فيدان; فيدان; Fidan; Hakan Fidan | - | - | foreign_minister | -
yasar_guler | PER | TR | Yaşar Güler | يشار غولر | يشار [غج]ولر; Yaşar Güler | - | - | defence_minister | غولر
ibrahim_kalin | PER | TR | İbrahim Kalın | إبراهيم قالن | إبراهيم {قالن,كالين}; İbrahim Kalın | - | - | mit_director | قالن
# ---- Arab states: people
sisi | PER | EG | Abdel Fattah el-Sisi | عبد الفتاح السيسي | عبد{ ,}الفتاح السيسي; السيسي; Sisi; el-Sisi; al-Sisi | - | - | president | -
abdelatty | PER | EG | Badr Abdelatty | بدر عبد العاطي | بدر عبد{ ,}العاطي; Badr Abdelatty | - | - | foreign_minister | عبد العاطي
madbouly | PER | EG | Mostafa Madbouly | مصطفى مدبولي | مصطفى مدبولي; مدبولي; Madbouly; Mostafa Madbouly | - | - | prime_minister | -
king_salman | PER | SA | King Salman bin Abdulaziz | الملك سلمان بن عبد العزيز | الملك سلمان; {الملك ,}سلمان بن عبد{ ,}العزيز{, آل سعود}; خادم الحرمين الشريفين; King Salman | - | - | king | -
mohammed_bin_salman | PER | SA | Mohammed bin Salman | محمد بن سلمان | {الأمير ,}محمد بن سلمان; Mohammed bin Salman | MBS | - | crown_prince; prime_minister | -
faisal_bin_farhan | PER | SA | Faisal bin Farhan | فيصل بن فرحان | {الأمير ,}فيصل بن فرحان; Faisal bin Farhan | - | - | foreign_minister | -
khalid_bin_salman | PER | SA | Khalid bin Salman | خالد بن سلمان | {الأمير ,}خالد بن سلمان; Khalid bin Salman | - | - | defence_minister | -
mohamed_bin_zayed | PER | AE | Mohamed bin Zayed | محمد بن زايد | {الشيخ ,}محمد بن زايد{, آل نهيان}; Mohamed bin Zayed | MBZ | - | president | -
abdullah_bin_zayed | PER | AE | Abdullah bin Zayed | عبد الله بن زايد | {الشيخ ,}عبد{ ,}الله بن زايد{, آل نهيان}; Abdullah bin Zayed | - | - | foreign_minister | -
mohammed_bin_rashid | PER | AE | Mohammed bin Rashid | محمد بن راشد | {الشيخ ,}محمد بن راشد{, آل مكتوم}; Mohammed bin Rashid | - | - | vice_president; ruler_of_dubai | -
tamim | PER | QA | Tamim bin Hamad Al Thani | تميم بن حمد | {الشيخ ,}تميم بن حمد{, آل ثاني}; Tamim bin Hamad | - | - | emir | -
mohammed_bin_abdulrahman | PER | QA | Mohammed bin Abdulrahman Al Thani | محمد بن عبد الرحمن آل ثاني | {الشيخ ,}محمد بن عبد{ ,}الرحمن آل ثاني; Mohammed bin Abdulrahman Al Thani | - | - | prime_minister; foreign_minister | -
majed_al_ansari | PER | QA | Majed al-Ansari | ماجد الأنصاري | ماجد الأنصاري; Majed al-Ansari | - | - | foreign_ministry_spokesman | -
king_abdullah_ii | PER | JO | King Abdullah II | الملك عبد الله الثاني | الملك عبد{ ,}الله الثاني; عبد{ ,}الله الثاني بن الحسين; King Abdullah II | - | - | king | -
ayman_safadi | PER | JO | Ayman Safadi | أيمن الصفدي | أيمن الصفدي; Ayman Safadi | - | - | foreign_minister | الصفدي
al_sharaa | PER | SY | Ahmed al-Sharaa | أحمد الشرع | أحمد الشرع; أبو محمد الجولاني; Ahmed al-Sharaa; Ahmad al-Sharaa; Abu Mohammad al-Julani | - | - | president | الشرع; الجولاني
assad | PER | SY | Bashar al-Assad | بشار الأسد | بشار {,حافظ }الأسد; Bashar al-Assad; Assad | - | Q44329 | former_president | الأسد
shaibani | PER | SY | Asaad al-Shaibani | أسعد الشيباني | أسعد {,حسن }الشيباني; Asaad al-Shaibani | - | - | foreign_minister | الشيباني
joseph_aoun | PER | LB | Joseph Aoun | جوزيف عون | جوزيف عون; Joseph Aoun | - | - | president | عون
nawaf_salam | PER | LB | Nawaf Salam | نواف سلام | نواف سلام; Nawaf Salam | - | - | prime_minister | سلام
mikati | PER | LB | Najib Mikati | نجيب ميقاتي | نجيب ميقاتي; ميقاتي; Mikati; Najib Mikati | - | - | former_prime_minister | -
nabih_berri | PER | LB | Nabih Berri | نبيه بري | نبيه بري; Nabih Berri | - | - | parliament_speaker | بري
nasrallah | PER | LB | Hassan Nasrallah | حسن نصر الله | حسن نصر{ ,}الله; Hassan Nasrallah | - | - | former_hezbollah_secretary_general | نصر الله
naim_qassem | PER | LB | Naim Qassem | نعيم قاسم | نعيم قاسم; Naim Qassem | - | - | hezbollah_secretary_general | قاسم
sudani | PER | IQ | Mohammed Shia al-Sudani | محمد شياع السوداني | محمد شياع السوداني; شياع السوداني; Mohammed Shia al-Sudani | - | - | prime_minister | السوداني
mahmoud_abbas | PER | PS | Mahmoud Abbas | محمود عباس | محمود عباس; أبو مازن; Mahmoud Abbas | - | - | president | عباس
yahya_sinwar | PER | PS | Yahya Sinwar | يحيى السنوار | يحيى السنوار; Yahya Sinwar | - | - | former_hamas_leader | السنوار
haniyeh | PER | PS | Ismail Haniyeh | إسماعيل هنية | إسماعيل هنية; هنية; Haniyeh; Ismail Haniyeh | - | - | former_hamas_political_chief | -
khalil_al_hayya | PER | PS | Khalil al-Hayya | خليل الحية | خليل الحية; Khalil al-Hayya | - | - | hamas_official | الحية
burhan | PER | SD | Abdel Fattah al-Burhan | عبد الفتاح البرهان | عبد{ ,}الفتاح البرهان; البرهان; al-Burhan; Abdel Fattah al-Burhan | - | - | army_chief; sovereignty_council_chairman | -
hemedti | PER | SD | Mohamed Hamdan Dagalo | محمد حمدان دقلو | محمد حمدان دقلو; حميدتي; دقلو; Hemedti; Mohamed Hamdan Dagalo | - | - | rsf_commander | -
abdul_malik_al_houthi | PER | YE | Abdul-Malik al-Houthi | عبد الملك الحوثي | عبد{ ,}الملك {,بدر الدين }الحوثي; Abdul-Malik al-Houthi | - | - | houthi_leader | الحوثي
haftar | PER | LY | Khalifa Haftar | خليفة حفتر | خليفة حفتر; حفتر; Haftar; Khalifa Haftar | - | - | lna_commander | -
dbeibah | PER | LY | Abdul Hamid Dbeibah | عبد الحميد الدبيبة | عبد{ ,}الحميد الدبيبة; الدبيبة; Dbeibah | - | - | prime_minister | -
tebboune | PER | DZ | Abdelmadjid Tebboune | عبد المجيد تبون | عبد{ ,}المجيد تبون; تبون; Tebboune; Abdelmadjid Tebboune | - | - | president | -
mohammed_vi | PER | MA | King Mohammed VI | الملك محمد السادس | {الملك ,}محمد السادس; King Mohammed VI | - | - | king | -
kais_saied | PER | TN | Kais Saied | قيس سعيد | قيس سعيد; Kais Saied | - | - | president | سعيد
aboul_gheit | PER | EG | Ahmed Aboul Gheit | أحمد أبو الغيط | أحمد أبو الغيط; أبو الغيط; Aboul Gheit | - | - | arab_league_secretary_general | -
# ---- Europe and international officials
macron | PER | FR | Emmanuel Macron | إيمانويل ماكرون | {إيمانويل,إيمانوئيل} ماكرون; ماكرون; Macron; Emmanuel Macron | - | Q3052772 | president | -
barrot | PER | FR | Jean-Noël Barrot | جان نويل بارو | جان نويل بارو; Jean-Noël Barrot | - | - | foreign_minister | بارو
scholz | PER | DE | Olaf Scholz | أولاف شولتس | أولاف {شولتس,شولتز,شولز}; شولتس; شولتز; Scholz; Olaf Scholz | - | Q61053 | former_chancellor | -
merz | PER | DE | Friedrich Merz | فريدريش ميرتس | فريدريش {ميرتس,ميرز,ميرتز}; ميرتس; Merz; Friedrich Merz | - | - | chancellor | -
pistorius | PER | DE | Boris Pistorius | بوريس بيستوريوس | بوريس بيستوريوس; بيستوريوس; Pistorius; Boris Pistorius | - | - | defence_minister | -
wadephul | PER | DE | Johann Wadephul | يوهان فاديفول | يوهان فاديفول; فاديفول; Wadephul | - | - | foreign_minister | -
baerbock | PER | DE | Annalena Baerbock | أنالينا بيربوك | أنالينا بيربوك; بيربوك; Baerbock; Annalena Baerbock | - | - | former_foreign_minister | -
starmer | PER | GB | Keir Starmer | كير ستارمر | كير ستارمر; ستارمر; Starmer; Keir Starmer | - | - | prime_minister | -
lammy | PER | GB | David Lammy | ديفيد لامي | ديفيد لامي; David Lammy | - | - | deputy_prime_minister; former_foreign_secretary | لامي
yvette_cooper | PER | GB | Yvette Cooper | إيفيت كوبر | إيفيت كوبر; Yvette Cooper | - | - | foreign_secretary | -
john_healey | PER | GB | John Healey | جون هيلي | جون هيلي; John Healey | - | - | defence_secretary | -
sunak | PER | GB | Rishi Sunak | ريشي سوناك | ريشي سوناك; سوناك; Sunak; Rishi Sunak | - | - | former_prime_minister | -
boris_johnson | PER | GB | Boris Johnson | بوريس جونسون | بوريس جونسون; Boris Johnson | - | Q180589 | former_prime_minister | -
meloni | PER | IT | Giorgia Meloni | جورجيا ميلوني | جورجيا ميلوني; ميلوني; Meloni; Giorgia Meloni | - | - | prime_minister | -
tajani | PER | IT | Antonio Tajani | أنطونيو تاياني | أنطونيو تاياني; تاياني; Tajani; Antonio Tajani | - | - | foreign_minister | -
pedro_sanchez | PER | ES | Pedro Sánchez | بيدرو سانشيز | بيدرو سانشيز; Pedro Sánchez | - | - | prime_minister | سانشيز
tusk | PER | PL | Donald Tusk | دونالد توسك | دونالد توسك; توسك; Tusk; Donald Tusk | - | - | prime_minister | -
orban | PER | HU | Viktor Orbán | فيكتور أوربان | فيكتور أوربان; أوربان; Orbán; Viktor Orbán | - | - | prime_minister | -
von_der_leyen | PER | DE | Ursula von der Leyen | أورسولا فون دير لاين | أورسولا فون {دير,در} لاين; فون دير لاين; Ursula von der Leyen; von der Leyen | - | - | european_commission_president | -
kallas | PER | EE | Kaja Kallas | كايا كالاس | كايا كالاس; كالاس; Kallas; Kaja Kallas | - | - | eu_foreign_policy_chief | -
antonio_costa | PER | PT | António Costa | أنطونيو كوستا | أنطونيو كوستا; António Costa | - | - | european_council_president | -
borrell | PER | ES | Josep Borrell | جوزيب بوريل | جوزيب بوريل; بوريل; Borrell; Josep Borrell | - | - | former_eu_foreign_policy_chief | -
rutte | PER | NL | Mark Rutte | مارك روته | مارك {روته,روتي}; روته; Rutte; Mark Rutte | - | - | nato_secretary_general | -
stoltenberg | PER | NO | Jens Stoltenberg | ينس ستولتنبرغ | {ينس,يينس,جينس} ستولتنبر[غج]; ستولتنبر[غج]; Stoltenberg; Jens Stoltenberg | - | - | former_nato_secretary_general | -
guterres | PER | PT | António Guterres | أنطونيو غوتيريش | أنطونيو [غج]وتيري{ش,س}; [غج]وتيريش; Guterres; António Guterres | - | Q311440 | un_secretary_general | -
grossi | PER | AR | Rafael Grossi | رافائيل غروسي | {رافائيل,رافاييل} [غج]روسي; [غج]روسي; Grossi; Rafael Grossi | - | - | iaea_director_general | -
tedros | PER | ET | Tedros Adhanom Ghebreyesus | تيدروس أدهانوم غيبريسوس | تيدروس أدهانوم [غج]يبريسوس; تيدروس; Tedros; Tedros Adhanom Ghebreyesus | - | - | who_director_general | -
lazzarini | PER | CH | Philippe Lazzarini | فيليب لازاريني | فيليب لازاريني; لازاريني; Lazzarini; Philippe Lazzarini | - | - | unrwa_commissioner_general | -
tom_fletcher | PER | GB | Tom Fletcher | توم فليتشر | توم فليتشر; Tom Fletcher | - | - | un_humanitarian_chief | -
pope_francis | PER | VA | Pope Francis | البابا فرنسيس | البابا {فرنسيس,فرانسيس}; Pope Francis | - | Q450675 | former_pope | -
pope_leo_xiv | PER | VA | Pope Leo XIV | البابا ليو الرابع عشر | البابا {ليو,لاوون} الرابع عشر; Pope Leo XIV | - | - | pope | -
modi | PER | IN | Narendra Modi | ناريندرا مودي | ناريندرا مودي; مودي; Modi; Narendra Modi | - | Q1058 | prime_minister | -
# ---- Intelligence and security services
nis | ORG | KR | National Intelligence Service (South Korea) | جهاز المخابرات الوطنية | {جهاز المخابرات الوطنية,جهاز الاستخبارات الوطنية,خدمة الاستخبارات الوطنية,خدمة المخابرات الوطنية,وكالة الخدمات السرية الوطنية,وكالة الاستخبارات الوطنية,وكالة المخابرات الوطنية}{, في كوريا الجنوبية, الكورية الجنوبية}; {جهاز,وكالة} {المخابرات,الاستخبارات} {الكوري الجنوبي,الكورية الجنوبية,في كوريا الجنوبية}; {المخابرات,الاستخبارات} الكورية الجنوبية; {مخابرات,استخبارات} كوريا الجنوبية; جهاز المخابرات الوطني الكوري الجنوبي; National Intelligence Service | NIS | - | - | -
gur | ORG | UA | Defence Intelligence of Ukraine (HUR) | مديرية الاستخبارات الرئيسية | {مديرية,المديرية} {الاستخبارات,المخابرات} الرئيسية{, الأوكرانية, في أوكرانيا, لوزارة الدفاع الأوكرانية, التابعة لوزارة الدفاع الأوكرانية, في وزارة الدفاع الأوكرانية}; مديرية {الاستخبارات,المخابرات} في أوكرانيا; {مديرية ,جهاز ,}{الاستخبارات,المخابرات} العسكرية الأوكرانية; جهاز {الاستخبارات,المخابرات} العسكرية الأوكراني; Defence Intelligence of Ukraine; Defense Intelligence of Ukraine | GUR; HUR | - | - | -
gru | ORG | RU | GRU (Russian military intelligence) | الاستخبارات العسكرية الروسية | {الاستخبارات,المخابرات} العسكرية الروسية; مديرية {الاستخبارات,المخابرات} الرئيسية الروسية; جهاز {الاستخبارات,المخابرات} العسكرية الروسي | GRU | - | - | -
sbu | ORG | UA | Security Service of Ukraine | جهاز الأمن الأوكراني | {جهاز,خدمة} الأمن {الأوكراني,الأوكرانية,في أوكرانيا}; جهاز أمن أوكرانيا; جهاز أمن الدولة الأوكراني; Security Service of Ukraine | SBU | - | - | -
fsb | ORG | RU | Federal Security Service (Russia) | جهاز الأمن الفيدرالي الروسي | {جهاز,هيئة} الأمن {الفيدرالي,الفدرالي,الاتحادي}{, الروسي, في روسيا}; الأمن الفيدرالي الروسي; Federal Security Service | FSB | - | - | -
svr | ORG | RU | Foreign Intelligence Service (Russia) | جهاز الاستخبارات الخارجية الروسي | جهاز {الاستخبارات,المخابرات} الخارجية {الروسي,الروسية,في روسيا}; {الاستخبارات,المخابرات} الخارجية الروسية; Foreign Intelligence Service of Russia | SVR | - | - | -
cia | ORG | US | Central Intelligence Agency | وكالة المخابرات المركزية الأمريكية | وكالة {المخابرات,الاستخبارات} المركزية{, الأمريكية, الأميركية}; سي آي إيه; سي أي إيه; Central Intelligence Agency | CIA | Q37230 | - | -
fbi | ORG | US | Federal Bureau of Investigation | مكتب التحقيقات الفيدرالي | مكتب التحقيقات {الفيدرالي,الفدرالي,الاتحادي}{, الأمريكي, الأميركي}; إف بي آي; Federal Bureau of Investigation | FBI | Q8333 | - | -
mossad | ORG | IL | Mossad | الموساد | {ال,}موساد; جهاز الموساد{, الإسرائيلي}; Mossad | - | - | - | -
shin_bet | ORG | IL | Shin Bet | الشاباك | {ال,}شاباك; جهاز الشاباك; جهاز الأمن العام الإسرائيلي; Shin Bet; Shabak | - | - | - | -
mi6 | ORG | GB | Secret Intelligence Service (MI6) | جهاز الاستخبارات البريطاني | جهاز {الاستخبارات,المخابرات} {,الخارجية }البريطاني; {المخابرات,الاستخبارات} البريطانية; Secret Intelligence Service | MI6 | - | - | -
mit_turkey | ORG | TR | National Intelligence Organization (Turkey) | جهاز الاستخبارات التركي | جهاز {الاستخبارات,المخابرات} {,الوطني }التركي; {المخابرات,الاستخبارات} التركية; National Intelligence Organization | MİT | - | - | -
egypt_gis | ORG | EG | General Intelligence Directorate (Egypt) | المخابرات العامة المصرية | {,جهاز }المخابرات العامة المصرية; جهاز المخابرات العامة المصري | - | - | - | -
irgc | ORG | IR | Islamic Revolutionary Guard Corps | الحرس الثوري الإيراني | {,قوات }الحرس الثوري{, الإيراني}; حرس الثورة{, الإسلامية}; Islamic Revolutionary Guard Corps; Revolutionary Guards | IRGC | - | - | -
quds_force | ORG | IR | Quds Force | فيلق القدس | فيلق القدس{, الإيراني}; Quds Force | - | - | - | -
# ---- Governments, ministries, parliaments, armed forces
kremlin | ORG | RU | Kremlin | الكرملين | {ال,}كر{,ي}ملين; Kremlin | - | - | - | -
russian_mod | ORG | RU | Ministry of Defence of Russia | وزارة الدفاع الروسية | {وزارة ,}الدفاع الروسية; وزارة الدفاع في روسيا; Russian Defence Ministry; Russian Ministry of Defense | - | - | - | -
russian_mfa | ORG | RU | Ministry of Foreign Affairs of Russia | وزارة الخارجية الروسية | {وزارة ,}الخارجية الروسية; Russian Foreign Ministry | - | - | - | -
russian_security_council | ORG | RU | Security Council of Russia | مجلس الأمن الروسي | مجلس الأمن {,القومي }الروسي; Russian Security Council | - | - | - | -
state_duma | ORG | RU | State Duma | مجلس الدوما | {مجلس ,}الدوما{, الروسي}; State Duma | - | - | - | -
russian_army | ORG | RU | Russian Armed Forces | الجيش الروسي | الجيش الروسي; القوات المسلحة الروسية; Russian army; Russian Armed Forces | - | - | - | -
ukrainian_mod | ORG | UA | Ministry of Defence of Ukraine | وزارة الدفاع الأوكرانية | {وزارة ,}الدفاع الأوكرانية; Ukrainian Defence Ministry | - | - | - | -
ukrainian_mfa | ORG | UA | Ministry of Foreign Affairs of Ukraine | وزارة الخارجية الأوكرانية | {وزارة ,}الخارجية الأوكرانية; Ukrainian Foreign Ministry | - | - | - | -
ukrainian_general_staff | ORG | UA | General Staff of the Armed Forces of Ukraine | هيئة الأركان العامة الأوكرانية | هيئة الأركان {العامة الأوكرانية,الأوكرانية,العامة للقوات المسلحة الأوكرانية,العامة للجيش الأوكراني} | - | - | - | -
nsdc_ukraine | ORG | UA | National Security and Defense Council of Ukraine | مجلس الأمن القومي والدفاع الأوكراني | مجلس الأمن القومي والدفاع {الأوكراني,في أوكرانيا} | NSDC | - | - | -
verkhovna_rada | ORG | UA | Verkhovna Rada | البرلمان الأوكراني | البرلمان الأوكراني; فيرخوفنا رادا; Verkhovna Rada | - | - | - | -
ukrainian_army | ORG | UA | Armed Forces of Ukraine | الجيش الأوكراني | الجيش الأوكراني; القوات المسلحة الأوكرانية; Ukrainian army; Armed Forces of Ukraine | - | - | - | -
white_house | ORG | US | White House | البيت الأبيض | البيت الأبيض; White House | - | Q35525 | - | -
pentagon | ORG | US | Pentagon (US Department of Defense) | البنتاغون | {ال,}بنتا[غج]ون; وزارة {الدفاع,الحرب} {الأمريكية,الأميركية}; Pentagon; US Department of Defense | - | - | - | -
us_state_department | ORG | US | United States Department of State | وزارة الخارجية الأمريكية | {وزارة ,}الخارجية {الأمريكية,الأميركية}; State Department; US State Department | - | - | - | -
us_congress | ORG | US | United States Congress | الكونغرس | {ال,}كون[غج]رس{, الأمريكي, الأميركي}; US Congress | - | - | - | -
us_senate | ORG | US | United States Senate | مجلس الشيوخ الأمريكي | مجلس الشيوخ {الأمريكي,الأميركي}; US Senate | - | - | - | -
elysee | ORG | FR | Élysée Palace | قصر الإليزيه | {قصر ,}الإليزيه; Élysée Palace; Elysee | - | - | - | -
downing_street | ORG | GB | 10 Downing Street | داونينغ ستريت | داونين[غج] ستريت; Downing Street | - | - | - | -
knesset | ORG | IL | Knesset | الكنيست | {ال,}كنيست{, الإسرائيلي}; Knesset | - | - | - | -
idf | ORG | IL | Israel Defense Forces | الجيش الإسرائيلي | الجيش الإسرائيلي; جيش الاحتلال الإسرائيلي; جيش الدفاع الإسرائيلي; Israel Defense Forces; Israeli army | IDF | - | - | -
kpa | ORG | KP | Korean People's Army | الجيش الشعبي الكوري | الجيش الشعبي الكوري; الجيش الكوري الشمالي; Korean People's Army | KPA | - | - | -
wpk | ORG | KP | Workers' Party of Korea | حزب العمال الكوري | حزب العمال الكوري{, الحاكم}; Workers' Party of Korea | WPK | - | - | -
dprk_mfa | ORG | KP | Ministry of Foreign Affairs of North Korea | وزارة الخارجية الكورية الشمالية | {وزارة ,}الخارجية الكورية الشمالية; وزارة الخارجية في كوريا الشمالية | - | - | - | -
south_korea_mod | ORG | KR | Ministry of National Defense (South Korea) | وزارة الدفاع الكورية الجنوبية | {وزارة ,}الدفاع الكورية الجنوبية; وزارة الدفاع {,الوطني }في كوريا الجنوبية | - | - | - | -
south_korea_jcs | ORG | KR | Joint Chiefs of Staff (South Korea) | هيئة الأركان المشتركة الكورية الجنوبية | {هيئة,رؤساء} الأركان المشتركة {الكورية الجنوبية,في كوريا الجنوبية,لكوريا الجنوبية} | - | - | - | -
chinese_mfa | ORG | CN | Ministry of Foreign Affairs of China | وزارة الخارجية الصينية | {وزارة ,}الخارجية الصينية; Chinese Foreign Ministry | - | - | - | -
iranian_mfa | ORG | IR | Ministry of Foreign Affairs of Iran | وزارة الخارجية الإيرانية | {وزارة ,}الخارجية الإيرانية; Iranian Foreign Ministry | - | - | - | -
turkish_mod | ORG | TR | Ministry of National Defence of Turkey | وزارة الدفاع التركية | {وزارة ,}الدفاع التركية; Turkish Defence Ministry | - | - | - | -
egyptian_mfa | ORG | EG | Ministry of Foreign Affairs of Egypt | وزارة الخارجية المصرية | {وزارة ,}الخارجية المصرية; Egyptian Foreign Ministry | - | - | - | -
sudanese_army | ORG | SD | Sudanese Armed Forces | الجيش السوداني | الجيش السوداني; القوات المسلحة السودانية; Sudanese Armed Forces; Sudanese army | SAF | - | - | -
# ---- International organisations
un | ORG | - | United Nations | الأمم المتحدة | {,منظمة ,هيئة }الأمم المتحدة; United Nations | UN | Q1065 | - | -
unsc | ORG | - | United Nations Security Council | مجلس الأمن الدولي | مجلس الأمن {الدولي,التابع للأمم المتحدة,الأممي}; UN Security Council; United Nations Security Council | UNSC | Q37470 | - | -
unga | ORG | - | United Nations General Assembly | الجمعية العامة للأمم المتحدة | الجمعية العامة {للأمم المتحدة,الأممية}; UN General Assembly; United Nations General Assembly | UNGA | Q47423 | - | -
unhrc | ORG | - | United Nations Human Rights Council | مجلس حقوق الإنسان التابع للأمم المتحدة | مجلس حقوق الإنسان {التابع للأمم المتحدة,الأممي,الدولي}; UN Human Rights Council | UNHRC | - | - | -
ohchr | ORG | - | Office of the UN High Commissioner for Human Rights | مفوضية الأمم المتحدة السامية لحقوق الإنسان | {مفوضية الأمم المتحدة السامية,المفوضية السامية للأمم المتحدة,المفوضية السامية,مفوضية الأمم المتحدة} لحقوق الإنسان | OHCHR | - | - | -
who | ORG | - | World Health Organization | منظمة الصحة العالمية | منظمة الصحة العالمية; World Health Organization | WHO | Q7817 | - | -
ocha | ORG | - | UN Office for the Coordination of Humanitarian Affairs | مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية | مكتب {الأمم المتحدة لتنسيق,تنسيق} الشؤون الإنسانية{, التابع للأمم المتحدة, في الأمم المتحدة}; {ال,}أوتشا; Office for the Coordination of Humanitarian Affairs | OCHA | - | - | -
unhcr | ORG | - | UN High Commissioner for Refugees | المفوضية السامية للأمم المتحدة لشؤون اللاجئين | {المفوضية السامية للأمم المتحدة,مفوضية الأمم المتحدة السامية,مفوضية الأمم المتحدة,المفوضية السامية,المفوضية الأممية} لشؤون اللاجئين; مفوضية {,شؤون }اللاجئين{, الأممية, التابعة للأمم المتحدة}; UN Refugee Agency | UNHCR | - | - | -
unrwa | ORG | - | UNRWA | الأونروا | {ال,}أونروا; وكالة {ال,}أونروا; وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين{, في الشرق الأدنى} | UNRWA | - | - | -
unicef | ORG | - | UNICEF | اليونيسف | {ال,}يونيس{,ي}ف; منظمة {ال,}يونيسف; منظمة الأمم المتحدة للطفولة | UNICEF | - | - | -
wfp | ORG | - | World Food Programme | برنامج الأغذية العالمي | برنامج الأغذية العالمي{, التابع للأمم المتحدة}; World Food Programme | WFP | - | - | -
unesco | ORG | - | UNESCO | اليونسكو | {ال,}يونسكو; منظمة الأمم المتحدة للتربية والعلم والثقافة | UNESCO | - | - | -
undp | ORG | - | United Nations Development Programme | برنامج الأمم المتحدة الإنمائي | برنامج الأمم المتحدة الإنمائي; United Nations Development Programme | UNDP | - | - | -
fao | ORG | - | Food and Agriculture Organization | منظمة الأغذية والزراعة | منظمة الأغذية والزراعة{, للأمم المتحدة, التابعة للأمم المتحدة}; Food and Agriculture Organization | FAO | - | - | -
iom | ORG | - | International Organization for Migration | المنظمة الدولية للهجرة | المنظمة الدولية للهجرة; International Organization for Migration | IOM | - | - | -
icrc | ORG | - | International Committee of the Red Cross | اللجنة الدولية للصليب الأحمر | اللجنة الدولية للصليب الأحمر; الصليب الأحمر{, الدولي}; International Committee of the Red Cross; Red Cross | ICRC | - | - | -
ifrc | ORG | - | International Federation of Red Cross and Red Crescent Societies | الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر | الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر; International Federation of Red Cross and Red Crescent Societies | IFRC | - | - | -
prcs | ORG | PS | Palestine Red Crescent Society | جمعية الهلال الأحمر الفلسطيني | {جمعية ,}الهلال الأحمر الفلسطيني; Palestine Red Crescent Society; Palestine Red Crescent | PRCS | - | - | -
egyptian_red_crescent | ORG | EG | Egyptian Red Crescent | الهلال الأحمر المصري | {جمعية ,}الهلال الأحمر المصري; Egyptian Red Crescent | - | - | - | -
sudanese_red_crescent | ORG | SD | Sudanese Red Crescent Society | جمعية الهلال الأحمر السوداني | {جمعية ,}الهلال الأحمر السوداني; Sudanese Red Crescent | - | - | - | -
sarc | ORG | SY | Syrian Arab Red Crescent | الهلال الأحمر العربي السوري | {منظمة ,}الهلال الأحمر {العربي السوري,السوري}; Syrian Arab Red Crescent | SARC | - | - | -
qatar_red_crescent | ORG | QA | Qatar Red Crescent Society | الهلال الأحمر القطري | {جمعية ,}الهلال الأحمر القطري; Qatar Red Crescent | QRCS | - | - | -
uae_red_crescent | ORG | AE | Emirates Red Crescent | هيئة الهلال الأحمر الإماراتي | {هيئة ,}الهلال الأحمر الإماراتي; Emirates Red Crescent | - | - | - | -
turkish_red_crescent | ORG | TR | Turkish Red Crescent (Kızılay) | الهلال الأحمر التركي | الهلال الأحمر التركي; Turkish Red Crescent; Kızılay | - | - | - | -
iranian_red_crescent | ORG | IR | Iranian Red Crescent Society | الهلال الأحمر الإيراني | {جمعية ,}الهلال الأحمر الإيراني; Iranian Red Crescent | - | - | - | -
world_bank | ORG | - | World Bank | البنك الدولي | {,مجموعة }البنك الدولي; World Bank | - | - | - | -
imf | ORG | - | International Monetary Fund | صندوق النقد الدولي | صندوق النقد الدولي; International Monetary Fund | IMF | - | - | -
iaea | ORG | - | International Atomic Energy Agency | الوكالة الدولية للطاقة الذرية | الوكالة الدولية للطاقة الذرية; وكالة الطاقة الذرية; الوكالة الذرية; International Atomic Energy Agency | IAEA | - | - | -
icc | ORG | - | International Criminal Court | المحكمة الجنائية الدولية | المحكمة الجنائية الدولية; الجنائية الدولية; International Criminal Court | ICC | Q47488 | - | -
icj | ORG | - | International Court of Justice | محكمة العدل الدولية | محكمة العدل الدولية; International Court of Justice | ICJ | Q7801 | - | -
nato | ORG | - | NATO | حلف شمال الأطلسي | حلف شمال {الأطلسي,الأطلنطي,الأطلنتي}; منظمة حلف شمال الأطلسي; {ال,}ناتو; حلف {ال,}ناتو; {ال,}حلف الأطلسي; North Atlantic Treaty Organization; Nato | NATO | Q7184 | - | -
eu | ORG | - | European Union | الاتحاد الأوروبي | الاتحاد {الأوروبي,الأوربي}; European Union | EU | Q458 | - | -
european_commission | ORG | - | European Commission | المفوضية الأوروبية | المفوضية {الأوروبية,الأوربية}; European Commission | - | - | - | -
european_parliament | ORG | - | European Parliament | البرلمان الأوروبي | البرلمان {الأوروبي,الأوربي}; European Parliament | - | - | - | -
european_council | ORG | - | European Council | المجلس الأوروبي | المجلس {الأوروبي,الأوربي}; European Council | - | - | - | -
arab_league | ORG | - | Arab League | جامعة الدول العربية | جامعة الدول العربية; الجامعة العربية; Arab League; League of Arab States | - | Q7172 | - | -
gcc | ORG | - | Gulf Cooperation Council | مجلس التعاون الخليجي | مجلس التعاون {الخليجي,لدول الخليج العربية,لدول الخليج العربي,الخليجي لدول الخليج العربية}; Gulf Cooperation Council | GCC | - | - | -
african_union | ORG | - | African Union | الاتحاد الأفريقي | الاتحاد {الأفريقي,الإفريقي}; African Union | - | Q7159 | - | -
oic | ORG | - | Organisation of Islamic Cooperation | منظمة التعاون الإسلامي | منظمة التعاون الإسلامي; Organisation of Islamic Cooperation | OIC | - | - | -
opec | ORG | - | OPEC | أوبك | أوبك; منظمة {الدول المصدرة للنفط,الدول المصدرة للبترول,أوبك} | OPEC | Q7795 | - | -
opec_plus | ORG | - | OPEC+ | أوبك بلس | أوبك بلس; تحالف أوبك بلس | - | - | - | -
g7 | ORG | - | Group of Seven | مجموعة السبع | مجموعة {السبع,الدول السبع,الدول الصناعية السبع,السبعة}; Group of Seven | G7 | - | - | -
g20 | ORG | - | Group of Twenty | مجموعة العشرين | مجموعة العشرين; Group of Twenty | G20 | - | - | -
brics | ORG | - | BRICS | بريكس | {مجموعة ,}بريكس | BRICS | - | - | -
sco | ORG | - | Shanghai Cooperation Organisation | منظمة شنغهاي للتعاون | منظمة شن[غج]هاي للتعاون; Shanghai Cooperation Organisation | SCO | - | - | -
asean | ORG | - | ASEAN | آسيان | {رابطة ,}آسيان; رابطة دول جنوب شرق آسيا | ASEAN | - | - | -
osce | ORG | - | Organization for Security and Co-operation in Europe | منظمة الأمن والتعاون في أوروبا | منظمة الأمن والتعاون في أوروبا | OSCE | - | - | -
amnesty | ORG | - | Amnesty International | منظمة العفو الدولية | {منظمة ,}العفو الدولية; Amnesty International | - | - | - | -
hrw | ORG | - | Human Rights Watch | هيومن رايتس ووتش | {منظمة ,}هيومن رايتس ووتش; Human Rights Watch | HRW | - | - | -
msf | ORG | - | Médecins Sans Frontières | أطباء بلا حدود | {منظمة ,}أطباء بلا حدود; Doctors Without Borders; Médecins Sans Frontières | MSF | - | - | -
isw | ORG | US | Institute for the Study of War | معهد دراسة الحرب | معهد دراسة الحرب{, الأمريكي, الأميركي}; Institute for the Study of War | ISW | - | - | -
# ---- Armed and political movements
hamas | ORG | PS | Hamas | حركة حماس | {حركة ,}حماس; حركة المقاومة الإسلامية; Hamas | - | - | - | -
qassam_brigades | ORG | PS | Izz ad-Din al-Qassam Brigades | كتائب القسام | كتائب {القسام,عز الدين القسام,الشهيد عز الدين القسام}; Qassam Brigades; al-Qassam Brigades | - | - | - | -
islamic_jihad | ORG | PS | Palestinian Islamic Jihad | حركة الجهاد الإسلامي | {حركة ,}الجهاد الإسلامي{, في فلسطين}; Palestinian Islamic Jihad; Islamic Jihad | - | - | - | -
fatah | ORG | PS | Fatah | حركة فتح | حركة فتح; Fatah | - | - | - | فتح
palestinian_authority | ORG | PS | Palestinian Authority | السلطة الفلسطينية | السلطة {,الوطنية }الفلسطينية; Palestinian Authority | - | - | - | -
plo | ORG | PS | Palestine Liberation Organization | منظمة التحرير الفلسطينية | منظمة التحرير{, الفلسطينية}; Palestine Liberation Organization | PLO | - | - | -
hezbollah | ORG | LB | Hezbollah | حزب الله | حزب الله{, اللبناني}; Hezbollah; Hizbollah; Hizballah | - | - | - | -
houthis | ORG | YE | Houthis (Ansar Allah) | الحوثيون | {ال,}حوثيون; {ال,}حوثيين; جماعة {الحوثي,الحوثيين}; {جماعة ,حركة ,}أنصار الله; Houthis; Ansar Allah | - | - | - | -
rsf | ORG | SD | Rapid Support Forces | قوات الدعم السريع | {قوات ,}الدعم السريع; Rapid Support Forces | - | - | - | -
wagner | ORG | RU | Wagner Group | مجموعة فاغنر | {مجموعة ,قوات ,}فا[غج]نر; Wagner Group | - | - | - | -
isis | ORG | - | Islamic State (ISIS) | تنظيم الدولة الإسلامية | تنظيم الدولة{, الإسلامية}; {تنظيم ,}داعش; الدولة الإسلامية في العراق والشام; Islamic State | ISIS; ISIL | - | - | -
al_qaeda | ORG | - | Al-Qaeda | تنظيم القاعدة | تنظيم القاعدة; al-Qaeda; al-Qaida | - | - | - | القاعدة
hts | ORG | SY | Hayat Tahrir al-Sham | هيئة تحرير الشام | هيئة تحرير الشام; Hayat Tahrir al-Sham | HTS | - | - | -
sdf | ORG | SY | Syrian Democratic Forces | قوات سوريا الديمقراطية | قوات {سوريا,سورية} الديم{,و}قراطية; قسد; Syrian Democratic Forces | SDF | - | - | -
pkk | ORG | TR | Kurdistan Workers' Party (PKK) | حزب العمال الكردستاني | حزب العمال الكردستاني; Kurdistan Workers' Party | PKK | - | - | -
taliban | ORG | AF | Taliban | حركة طالبان | {حركة ,}طالبان; Taliban | - | - | - | -
muslim_brotherhood | ORG | - | Muslim Brotherhood | جماعة الإخوان المسلمين | {جماعة ,}الإخوان {المسلمين,المسلمون}; Muslim Brotherhood | - | - | - | -
gazprom | ORG | RU | Gazprom | غازبروم | {غاز,جاز}{, }بروم; Gazprom | - | - | - | -
rosatom | ORG | RU | Rosatom | روساتوم | روساتوم; Rosatom | - | - | - | -
# ---- Media and news agencies
cnn | ORG | US | CNN | سي إن إن | سي {إن إن,ان ان}; Cable News Network | CNN | Q48340 | - | -
bbc | ORG | GB | BBC | بي بي سي | بي بي سي; هيئة الإذاعة البريطانية; British Broadcasting Corporation | BBC | Q9531 | - | -
reuters | ORG | GB | Reuters | رويترز | رويترز; Reuters | - | Q130879 | - | -
afp | ORG | FR | Agence France-Presse | وكالة الصحافة الفرنسية | فرانس {برس,بريس}; وكالة {الصحافة,الأنباء} الفرنسية; أ ف ب; Agence France-Presse | AFP | Q40464 | - | -
ap | ORG | US | Associated Press | أسوشيتد برس | {أسوشيتد,أسوشيتيد,أسوشييتد,أسوشيتدبرس} برس; أسوشيتدبرس; أ ب; Associated Press | AP | Q40469 | - | -
al_jazeera | ORG | QA | Al Jazeera | قناة الجزيرة | {قناة,شبكة} الجزيرة{, الفضائية, الإخبارية}; الجزيرة {نت,مباشر}; Al Jazeera; Aljazeera | - | - | - | الجزيرة
al_arabiya | ORG | AE | Al Arabiya | قناة العربية | {قناة,شبكة} العربية{, الإخبارية}; العربية نت; Al Arabiya | - | - | - | العربية
sky_news_arabia | ORG | AE | Sky News Arabia | سكاي نيوز عربية | سكاي نيوز {عربية,عربي,العربية}; Sky News Arabia | - | - | - | -
sky_news | ORG | GB | Sky News | سكاي نيوز | سكاي نيوز; Sky News | - | - | - | -
ria | ORG | RU | RIA Novosti | ريا نوفوستي | ريا نوفوستي; RIA Novosti | RIA | - | - | -
tass | ORG | RU | TASS | تاس | تاس; Tass | TASS | - | - | -
sputnik | ORG | RU | Sputnik | سبوتنيك | سبوتنيك; Sputnik | - | - | - | -
rt | ORG | RU | RT (Russia Today) | قناة روسيا اليوم | {قناة,شبكة,موقع} روسيا اليوم; آر تي; Russia Today | RT | - | - | روسيا اليوم
interfax | ORG | RU | Interfax | إنترفاكس | {إنترفاكس,انترفاكس}; Interfax | - | - | - | -
yonhap | ORG | KR | Yonhap | يونهاب | يونهاب; Yonhap | - | - | - | -
kcna | ORG | KP | Korean Central News Agency | وكالة الأنباء المركزية الكورية | {وكالة الأنباء المركزية الكورية,وكالة الأنباء الكورية المركزية,الوكالة المركزية الكورية للأنباء,وكالة الأنباء الكورية الشمالية,وكالة الأنباء الكورية الكورية الرسمية,وكالة الأنباء الكورية الرسمية,وكالة الأنباء الرسمية الكورية الشمالية,وكالة أنباء كوريا الشمالية,وكالة الأنباء المركزية الكورية الشمالية}; Korean Central News Agency | KCNA | - | - | -
rodong_sinmun | ORG | KP | Rodong Sinmun | رودونغ سينمون | رودون[غج] سينمون; Rodong Sinmun | - | - | - | -
japan_times | ORG | JP | The Japan Times | اليابان تايمز | اليابان تايمز; {ذا ,}جابان تايمز; The Japan Times; Japan Times | - | - | - | -
business_insider | ORG | US | Business Insider | بيزنس إنسايدر | {بيزنس,بزنس,بيزنيس} إنسايدر; Business Insider | - | - | - | -
nyt | ORG | US | The New York Times | نيويورك تايمز | نيويورك تايمز; New York Times | NYT | Q9684 | - | -
washington_post | ORG | US | The Washington Post | واشنطن بوست | واشنطن بوست; Washington Post | - | Q166032 | - | -
wsj | ORG | US | The Wall Street Journal | وول ستريت جورنال | {وول,وال} ستريت جورنال; Wall Street Journal | WSJ | - | - | -
guardian | ORG | GB | The Guardian | الغارديان | {ال,}[غج]ارديان; The Guardian | - | Q11148 | - | -
financial_times | ORG | GB | Financial Times | فايننشال تايمز | {فايننشال,فاينانشال,فاينانشيال,فايننشيال} تايمز; Financial Times | FT | - | - | -
bloomberg | ORG | US | Bloomberg | بلومبرغ | بلومبر[غج]; بلومبير[غج]; Bloomberg | - | - | - | -
axios | ORG | US | Axios | أكسيوس | أكسيوس; Axios | - | - | - | -
politico | ORG | US | Politico | بوليتيكو | بوليتيكو; Politico | - | - | - | -
fox_news | ORG | US | Fox News | فوكس نيوز | فوكس نيوز; Fox News | - | - | - | -
nbc | ORG | US | NBC News | إن بي سي | إن بي سي{, نيوز}; NBC News | NBC | - | - | -
cbs | ORG | US | CBS News | سي بي إس | سي بي إس{, نيوز}; CBS News | CBS | - | - | -
kyiv_independent | ORG | UA | The Kyiv Independent | كييف إندبندنت | كييف إندبندنت; Kyiv Independent | - | - | - | -
kyiv_post | ORG | UA | Kyiv Post | كييف بوست | كييف بوست; Kyiv Post | - | - | - | -
ukrinform | ORG | UA | Ukrinform | يوكرينفورم | {يوكرينفورم,أوكرينفورم}; Ukrinform | - | - | - | -
ukrainska_pravda | ORG | UA | Ukrainska Pravda | أوكراينسكا برافدا | أوكراينسكا برافدا; Ukrainska Pravda | - | - | - | -
xinhua | ORG | CN | Xinhua | شينخوا | {شينخوا,شينهوا}; Xinhua | - | - | - | -
irna | ORG | IR | Islamic Republic News Agency | وكالة الجمهورية الإسلامية للأنباء | وكالة الجمهورية الإسلامية للأنباء; إرنا | IRNA | - | - | -
tasnim | ORG | IR | Tasnim News Agency | وكالة تسنيم | وكالة تسنيم{, للأنباء}; Tasnim | - | - | - | تسنيم
anadolu | ORG | TR | Anadolu Agency | وكالة الأناضول | وكالة الأناضول{, للأنباء}; Anadolu Agency | - | - | - | الأناضول
wam | ORG | AE | Emirates News Agency (WAM) | وكالة أنباء الإمارات | وكالة أنباء الإمارات; Emirates News Agency | WAM | - | - | وام
spa | ORG | SA | Saudi Press Agency | وكالة الأنباء السعودية | وكالة الأنباء السعودية; واس; Saudi Press Agency | SPA | - | - | -
qna | ORG | QA | Qatar News Agency | وكالة الأنباء القطرية | وكالة الأنباء القطرية; Qatar News Agency | QNA | - | - | قنا
mena | ORG | EG | Middle East News Agency | وكالة أنباء الشرق الأوسط | وكالة أنباء الشرق الأوسط; أ ش أ | - | - | - | -
sana | ORG | SY | Syrian Arab News Agency | الوكالة العربية السورية للأنباء | الوكالة العربية السورية للأنباء; سانا | SANA | - | - | -
haaretz | ORG | IL | Haaretz | هآرتس | هآرتس; Haaretz | - | - | - | -
times_of_israel | ORG | IL | The Times of Israel | تايمز أوف إسرائيل | تايمز أوف إسرائيل; Times of Israel | - | - | - | -
yedioth | ORG | IL | Yedioth Ahronoth | يديعوت أحرونوت | يديعوت {أحرونوت,أحرنوت}; Yedioth Ahronoth | - | - | - | يديعوت
jerusalem_post | ORG | IL | The Jerusalem Post | جيروزاليم بوست | جيروزاليم بوست; Jerusalem Post | - | - | - | -
asharq_al_awsat | ORG | SA | Asharq Al-Awsat | صحيفة الشرق الأوسط | صحيفة الشرق الأوسط; Asharq Al-Awsat | - | - | - | الشرق الأوسط
al_mayadeen | ORG | LB | Al Mayadeen | قناة الميادين | قناة الميادين; Al Mayadeen | - | - | - | الميادين
al_ahram | ORG | EG | Al-Ahram | صحيفة الأهرام | صحيفة الأهرام; Al-Ahram | - | - | - | الأهرام
dw | ORG | DE | Deutsche Welle | دويتشه فيله | دويتشه {فيله,فيلله}; Deutsche Welle | DW | - | - | -
france24 | ORG | FR | France 24 | فرانس 24 | فرانس 24; France 24 | - | - | - | -
euronews | ORG | - | Euronews | يورونيوز | يورونيوز; Euronews | - | - | - | -
le_monde | ORG | FR | Le Monde | لوموند | {لوموند,لو موند}; Le Monde | - | - | - | -
der_spiegel | ORG | DE | Der Spiegel | دير شبيغل | دير شبي[غج]ل; Der Spiegel | - | - | - | -
# ---- Capitals and cities
moscow | LOC | RU | Moscow | موسكو | موسكو; Moscow | - | Q649 | - | -
kyiv | LOC | UA | Kyiv | كييف | كييف; Kyiv; Kiev | - | Q1899 | - | كيف
pyongyang | LOC | KP | Pyongyang | بيونغ يانغ | بيون[غج]{ ,}يان[غج]; Pyongyang; Pyöngjang; Pjöngjang; Pyong Yang | - | Q18808 | - | -
seoul | LOC | KR | Seoul | سيول | سيول; Seoul | - | Q8684 | - | -
washington | LOC | US | Washington, D.C. | واشنطن | واشنطن; Washington | - | Q61 | - | -
new_york | LOC | US | New York City | نيويورك | نيويورك; New York | - | Q60 | - | -
beijing | LOC | CN | Beijing | بكين | بكين; Beijing | - | Q956 | - | -
tokyo | LOC | JP | Tokyo | طوكيو | طوكيو; Tokyo | - | Q1490 | - | -
london | LOC | GB | London | لندن | لندن; London | - | Q84 | - | -
paris | LOC | FR | Paris | باريس | باريس; Paris | - | Q90 | - | -
berlin | LOC | DE | Berlin | برلين | برلين; Berlin | - | Q64 | - | -
brussels | LOC | BE | Brussels | بروكسل | بروكسل; Brussels | - | Q239 | - | -
geneva | LOC | CH | Geneva | جنيف | جنيف; Geneva | - | Q71 | - | -
vienna | LOC | AT | Vienna | فيينا | فيينا; Vienna | - | Q1741 | - | -
the_hague | LOC | NL | The Hague | لاهاي | لاهاي; The Hague | - | Q36600 | - | -
istanbul | LOC | TR | Istanbul | إسطنبول | {إسطنبول,استانبول,اسطمبول}; Istanbul | - | Q406 | - | -
ankara | LOC | TR | Ankara | أنقرة | أنقرة; Ankara | - | Q3640 | - | -
tehran | LOC | IR | Tehran | طهران | طهران; Tehran | - | Q3616 | - | -
baghdad | LOC | IQ | Baghdad | بغداد | بغداد; Baghdad | - | Q1530 | - | -
cairo | LOC | EG | Cairo | القاهرة | القاهرة; Cairo | - | Q85 | - | -
riyadh | LOC | SA | Riyadh | الرياض | الرياض; Riyadh | - | Q3692 | - | -
doha | LOC | QA | Doha | الدوحة | الدوحة; Doha | - | Q3861 | - | -
abu_dhabi | LOC | AE | Abu Dhabi | أبوظبي | أبو{ ,}ظبي; Abu Dhabi | - | Q1519 | - | -
dubai | LOC | AE | Dubai | دبي | دبي; Dubai | - | Q612 | - | -
beirut | LOC | LB | Beirut | بيروت | بيروت; Beirut | - | Q3805 | - | -
dahiyeh | LOC | LB | Dahiyeh (southern suburbs of Beirut) | الضاحية الجنوبية | الضاحية الجنوبية{, لبيروت}; Dahiyeh | - | - | - | -
damascus | LOC | SY | Damascus | دمشق | دمشق; Damascus | - | Q3766 | - | -
aleppo | LOC | SY | Aleppo | حلب | حلب; Aleppo | - | Q41183 | - | -
idlib | LOC | SY | Idlib | إدلب | إدلب; Idlib | - | - | - | -
homs | LOC | SY | Homs | حمص | حمص; Homs | - | - | - | -
jerusalem | LOC | - | Jerusalem | القدس | القدس; Jerusalem | - | Q1218 | - | -
east_jerusalem | LOC | - | East Jerusalem | القدس الشرقية | القدس الشرقية; East Jerusalem | - | - | - | -
tel_aviv | LOC | IL | Tel Aviv | تل أبيب | تل أبيب; Tel Aviv | - | Q33935 | - | -
gaza | LOC | PS | Gaza Strip | قطاع غزة | {قطاع ,}غزة; Gaza; Gaza Strip | - | - | - | -
gaza_city | LOC | PS | Gaza City | مدينة غزة | مدينة غزة; Gaza City | - | - | - | -
west_bank | LOC | PS | West Bank | الضفة الغربية | الضفة الغربية{, المحتلة}; West Bank | - | - | - | -
rafah | LOC | PS | Rafah | رفح | رفح; Rafah | - | - | - | -
khan_younis | LOC | PS | Khan Younis | خان يونس | خان يونس; Khan Younis; Khan Yunis | - | - | - | -
jenin | LOC | PS | Jenin | جنين | جنين; مخيم جنين; Jenin | - | - | - | -
nablus | LOC | PS | Nablus | نابلس | نابلس; Nablus | - | - | - | -
golan | LOC | - | Golan Heights | الجولان | {,هضبة ,مرتفعات }الجولان{, السوري, المحتل}; Golan Heights | - | - | - | -
khartoum | LOC | SD | Khartoum | الخرطوم | الخرطوم; Khartoum | - | - | - | -
omdurman | LOC | SD | Omdurman | أم درمان | أم درمان; Omdurman | - | - | - | -
port_sudan | LOC | SD | Port Sudan | بورتسودان | بور{ ,}سودان; Port Sudan | - | - | - | -
el_fasher | LOC | SD | El Fasher | الفاشر | الفاشر; El Fasher; Al-Fashir | - | - | - | -
darfur | LOC | SD | Darfur | دارفور | دارفور; إقليم دارفور; Darfur | - | - | - | -
kordofan | LOC | SD | Kordofan | كردفان | كردفان; Kordofan | - | - | - | -
gezira_state | LOC | SD | Gezira State | ولاية الجزيرة | ولاية الجزيرة; Gezira State | - | - | - | -
sanaa | LOC | YE | Sanaa | صنعاء | صنعاء; Sanaa | - | - | - | -
aden | LOC | YE | Aden | عدن | عدن; Aden | - | - | - | -
hodeidah | LOC | YE | Hodeidah | الحديدة | الحديدة; Hodeidah | - | - | - | -
benghazi | LOC | LY | Benghazi | بنغازي | بن[غج]ازي; Benghazi | - | - | - | -
minsk | LOC | BY | Minsk | مينسك | مينسك; Minsk | - | Q2280 | - | -
saint_petersburg | LOC | RU | Saint Petersburg | سانت بطرسبرغ | {سانت ,}{بطرسبر[غج],بطرسبور[غج],بيترسبر[غج]}; Saint Petersburg; St Petersburg | - | Q656 | - | -
vladivostok | LOC | RU | Vladivostok | فلاديفوستوك | فلاديفوستوك; Vladivostok | - | - | - | -
kaliningrad | LOC | RU | Kaliningrad | كالينينغراد | كالينين[غج]راد; Kaliningrad | - | - | - | -
# ---- Places of the war in Ukraine and the Korean deployment
kursk | LOC | RU | Kursk | كورسك | كورسك; منطقة كورسك; Kursk | - | - | - | -
belgorod | LOC | RU | Belgorod | بيلغورود | بيل[غج]ورود; Belgorod | - | - | - | -
bryansk | LOC | RU | Bryansk | بريانسك | بريانسك; Bryansk | - | - | - | -
sudzha | LOC | RU | Sudzha | سودجا | سودجا; Sudzha | - | - | - | -
sergeevka | LOC | RU | Sergeevka (training ground, Primorsky Krai) | سيرغييفكا | سير[غج]{,ي}يفكا; Sergeevka; Sergeyevka | - | - | - | -
kharkiv | LOC | UA | Kharkiv | خاركيف | {خاركيف,خاركوف,خاركيو}; Kharkiv; Kharkov | - | - | - | -
odesa | LOC | UA | Odesa | أوديسا | أوديسا; Odesa; Odessa | - | - | - | -
mykolaiv | LOC | UA | Mykolaiv | ميكولايف | ميكولايف; ميكولاييف; ميكوليف; نيكولايف; نيكولاييف; Mykolaiv; Mykolayiv; Nikolaev | - | - | - | -
kherson | LOC | UA | Kherson | خيرسون | خيرسون; Kherson | - | - | - | -
zaporizhzhia | LOC | UA | Zaporizhzhia | زابوريجيا | {زابوروجيا,زابوريجيا,زاباروجيا,زابوريزهيا,زابوريجيه}; Zaporizhzhia; Zaporizhia; Zaporozhye | - | - | - | -
zaporizhzhia_npp | LOC | UA | Zaporizhzhia Nuclear Power Plant | محطة زابوريجيا النووية | محطة {زابوروجيا,زابوريجيا} {النووية,للطاقة النووية}; Zaporizhzhia Nuclear Power Plant | - | - | - | -
donetsk | LOC | UA | Donetsk | دونيتسك | دونيتسك; Donetsk | - | - | - | -
luhansk | LOC | UA | Luhansk | لوغانسك | {لوغانسك,لوهانسك,لوجانسك}; Luhansk; Lugansk | - | - | - | -
donbas | LOC | UA | Donbas | دونباس | {ال,}دونباس; {إقليم,منطقة} دونباس; Donbas; Donbass | - | - | - | -
crimea | LOC | - | Crimea | القرم | {,شبه }{جزيرة ,}القرم; Crimea | - | Q7835 | - | -
sevastopol | LOC | - | Sevastopol | سيفاستوبول | سيفاستوبول; Sevastopol | - | - | - | -
bakhmut | LOC | UA | Bakhmut | باخموت | باخموت; Bakhmut | - | - | - | -
avdiivka | LOC | UA | Avdiivka | أفدييفكا | {أفدييفكا,أفديفكا}; Avdiivka | - | - | - | -
pokrovsk | LOC | UA | Pokrovsk | بوكروفسك | بوكروفسك; Pokrovsk | - | - | - | -
dnipro | LOC | UA | Dnipro | دنيبرو | دنيبرو; Dnipro | - | - | - | -
dnieper | LOC | - | Dnieper River | نهر دنيبر | {نهر ,}دنيبر; Dnieper | - | - | - | -
lviv | LOC | UA | Lviv | لفيف | لفيف; Lviv | - | - | - | -
sumy | LOC | UA | Sumy | سومي | سومي; Sumy | - | - | - | -
mariupol | LOC | UA | Mariupol | ماريوبول | ماريوبول; Mariupol | - | - | - | -
panmunjom | LOC | - | Panmunjom | بانمونجوم | بانمونجوم; Panmunjom | - | - | - | -
yongbyon | LOC | KP | Yongbyon | يونغبيون | يون[غج]بيون; Yongbyon | - | - | - | -
korean_peninsula | LOC | - | Korean Peninsula | شبه الجزيرة الكورية | شبه الجزيرة الكورية; Korean Peninsula | - | - | - | -
# ---- Seas, straits and regions
black_sea | LOC | - | Black Sea | البحر الأسود | البحر الأسود; Black Sea | - | Q166 | - | -
red_sea | LOC | - | Red Sea | البحر الأحمر | البحر الأحمر; Red Sea | - | Q23406 | - | -
mediterranean | LOC | - | Mediterranean Sea | البحر المتوسط | البحر {,الأبيض }المتوسط; Mediterranean Sea | - | Q4918 | - | -
baltic_sea | LOC | - | Baltic Sea | بحر البلطيق | بحر البلطيق; Baltic Sea | - | - | - | -
south_china_sea | LOC | - | South China Sea | بحر الصين الجنوبي | بحر الصين الجنوبي; South China Sea | - | Q37660 | - | -
sea_of_japan | LOC | - | Sea of Japan | بحر اليابان | بحر اليابان; Sea of Japan | - | - | - | -
strait_of_hormuz | LOC | - | Strait of Hormuz | مضيق هرمز | مضيق هرمز; Strait of Hormuz | - | - | - | -
bab_el_mandeb | LOC | - | Bab-el-Mandeb | مضيق باب المندب | {مضيق ,}باب المندب; Bab-el-Mandeb | - | - | - | -
persian_gulf | LOC | - | Persian Gulf | الخليج العربي | الخليج {العربي,الفارسي}; Persian Gulf; Arabian Gulf | - | - | - | -
indian_ocean | LOC | - | Indian Ocean | المحيط الهندي | المحيط الهندي; Indian Ocean | - | Q1239 | - | -
atlantic_ocean | LOC | - | Atlantic Ocean | المحيط الأطلسي | المحيط {الأطلسي,الأطلنطي}; Atlantic Ocean | - | Q97 | - | -
pacific_ocean | LOC | - | Pacific Ocean | المحيط الهادئ | المحيط {الهادئ,الهادي}; Pacific Ocean | - | Q98 | - | -
middle_east | LOC | - | Middle East | الشرق الأوسط | الشرق الأوسط; Middle East | - | Q7204 | - | -
europe | LOC | - | Europe | أوروبا | {أوروبا,أوربا,القارة الأوروبية}; Europe | - | Q46 | - | -
africa | LOC | - | Africa | أفريقيا | {أفريقيا,إفريقيا,القارة الأفريقية,القارة السمراء}; Africa | - | Q15 | - | -
asia | LOC | - | Asia | آسيا | آسيا; القارة الآسيوية; Asia | - | Q48 | - | -
latin_america | LOC | - | Latin America | أمريكا اللاتينية | {أمريكا,أميركا} اللاتينية; Latin America | - | Q12585 | - | -
south_america | LOC | - | South America | أمريكا الجنوبية | {أمريكا,أميركا} الجنوبية; South America | - | Q18 | - | -
north_america | LOC | - | North America | أمريكا الشمالية | {أمريكا,أميركا} الشمالية; North America | - | Q49 | - | -
sahel | LOC | - | Sahel | منطقة الساحل | منطقة الساحل{, الأفريقي}; الساحل الأفريقي; Sahel | - | - | - | -
balkans | LOC | - | Balkans | البلقان | البلقان; Balkans | - | - | - | -
caucasus | LOC | - | Caucasus | القوقاز | القوقاز; Caucasus | - | - | - | -
sinai | LOC | EG | Sinai Peninsula | سيناء | {,شبه جزيرة }سيناء; Sinai | - | - | - | -
kurdistan_region | LOC | IQ | Kurdistan Region | إقليم كردستان | إقليم كردستان{, العراق}; كردستان العراق; Kurdistan Region | - | - | - | -
soviet_union | LOC | - | Soviet Union | الاتحاد السوفيتي | الاتحاد {السوفيتي,السوفياتي}; Soviet Union | USSR | Q15180 | - | -
"""

# Forms deliberately NOT matched (documented in the JSON and the README).
# form | candidates | reason
LEFT_OUT = """
كيف | kyiv | the usual word for "how"; كييف is matched
كيم | kim_jong_un; kim_yo_jong; kim_yong_hyun | shared by several Kims; coref only
كوريا | north_korea; south_korea | North or South: only the full names are matched
عمان | oman; amman | Oman (عُمان) and Amman (عَمّان) are identical without diacritics; سلطنة عمان is matched
مالي | mali | also the adjective "financial" (دعم مالي); جمهورية مالي is matched
بنين | benin | also "boys" (مدرسة بنين); جمهورية بنين is matched
أروبا | aruba | a frequent misspelling of أوروبا (Europe); جزيرة أروبا is matched
الكونغو | dr_congo; republic_of_congo | two countries; their distinguishing names are matched
روسيا اليوم | rt | "Russia today" in ordinary sentences (أعلنت روسيا اليوم); قناة روسيا اليوم is matched
الجزيرة | al_jazeera; korean_peninsula; gezira_state | "the island/peninsula"; قناة الجزيرة, الجزيرة نت are matched
العربية | al_arabiya | the Arabic language / feminine "Arab"; قناة العربية is matched
مجلس الأمن | unsc; russian_security_council | UN or a national security council: only qualified forms are matched
الهلال الأحمر | prcs; sarc; egyptian_red_crescent | which national society is unknown; qualified forms are matched
جيش الاحتلال | idf | also said of Russian forces in Ukrainian sources; جيش الاحتلال الإسرائيلي is matched
المخابرات الأوكرانية | gur; sbu | military intelligence or the security service
الدولة الإسلامية | isis | also the generic "Islamic state"; تنظيم الدولة is matched
القاعدة | al_qaeda | "the base" (القاعدة العسكرية); تنظيم القاعدة is matched
فتح | fatah | "opened/conquest"; حركة فتح is matched
رئيسي | raisi | the adjective "main"; إبراهيم رئيسي is matched
عباس | mahmoud_abbas | a common given name; محمود عباس and أبو مازن are matched
الأسد | assad | "the lion"; بشار الأسد is matched
الشرع | al_sharaa | "religious law"; أحمد الشرع is matched
السوداني | sudani | the demonym "Sudanese"
سلام | nawaf_salam | "peace"
عون | joseph_aoun | "help"
بري | nabih_berri | "land (adj.)/wild"
شي | xi_jinping | too short and a common particle in transliteration; شي جين بينغ is matched
ماسك | musk | "holding"; إيلون ماسك is matched
الأناضول | anadolu | the region Anatolia; وكالة الأناضول is matched
طرابلس | tripoli | Tripoli in Libya or in Lebanon
الخليل | hebron | also the given name Khalil
صور | tyre | "pictures"
حماة | hama | also "protectors"
مأرب | marib | also "purpose" (مآرب normalises to the same letters)
الأبيض | el_obeid | "the white"
المنطقة منزوعة السلاح | dmz | the Korean DMZ or another buffer zone
الكوري | north_korea; south_korea | the demonym is matched only with شمالي/جنوبي
وام | wam | "وأم" (and a mother) normalises to the same letters; وكالة أنباء الإمارات and WAM are matched
الجولاني | al_sharaa | also a demonym of the Golan and a surname; أبو محمد الجولاني is matched
تركي | turkey | a common given name (تركي الفيصل): not a demonym here; التركي, تركية, الأتراك are
"""

# Normalised forms shared by two entries on purpose: form | ids | reason
SHARED = """
"""


# --------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------

_ALT = re.compile(r"\[([^\]]+)\]|\{([^}]*)\}")
_ACRONYM_LIKE = re.compile(r"^(?:[A-Z][A-Z0-9İ]{1,5}|(?:[A-Z]\.){2,})$")


def expand(pattern: str) -> list[str]:
    """All spellings of a pattern (``[ab]`` letters, ``{x,y,}`` strings), in order, spaces tidied.

    Example:
        >>> expand("بيون[غج]{ ,}يانغ")
        ['بيونغ يانغ', 'بيونغيانغ', 'بيونج يانغ', 'بيونجيانغ']
    """
    m = _ALT.search(pattern)
    if m is None:
        if any(c in pattern for c in "[]{}"):
            raise ValueError(f"unbalanced or nested pattern: {pattern!r}")
        return [" ".join(pattern.split())]
    if "{" in (m.group(2) or "") or "[" in (m.group(1) or ""):
        raise ValueError(f"nested pattern: {pattern!r}")
    options = list(m.group(1)) if m.group(1) is not None else m.group(2).split(",")
    out: list[str] = []
    for o in options:
        out.extend(expand(pattern[: m.start()] + o + pattern[m.end() :]))
    return out


def key(text: str) -> str:
    """Normalised token sequence as a string: what the matcher compares."""
    return " ".join(variant_key(text))


def _split(field: str) -> list[str]:
    field = field.strip()
    if field in ("", "-"):
        return []
    return [p.strip() for p in field.split(";") if p.strip()]


def _rows(table: str, width: int) -> list[list[str]]:
    rows = []
    for line in table.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > width:
            raise ValueError(f"too many fields ({len(cells)} > {width}): {line}")
        rows.append(cells + ["-"] * (width - len(cells)))
    return rows


def _dedupe(forms: list[str]) -> list[str]:
    """Drop spellings that normalise to one already listed (the first spelling is kept)."""
    seen: set[str] = set()
    out = []
    for f in forms:
        k = key(f)
        if k and k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _expand_all(items: list[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        out.extend(expand(it))
    return out


def _check_latin(entry_id: str, variants: list[str]) -> None:
    for v in variants:
        if _ACRONYM_LIKE.match(v):
            raise ValueError(f"{entry_id}: {v!r} looks like an acronym; list it under acronyms")


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", t.lower()).strip("_")


def _short(entry_type: str, ar: str, variants: list[str]) -> list[str]:
    """Single-word Arabic names besides the main one (بوتين، الكرملين): PER and ORG only."""
    if entry_type == "LOC":
        return []
    return [v for v in variants if v != ar and "\u0600" <= v[0] <= "\u06ff" and len(key(v).split()) == 1]


def nisba_forms(masc: str) -> list[str]:
    """Singular/plural, masculine/feminine, with and without the article, of a nisba adjective.

    Example:
        >>> nisba_forms("كوري شمالي")[:4]
        ['كوري شمالي', 'كورية شمالية', 'كوريون شماليون', 'كوريين شماليين']
    """
    words = masc.split()
    out = []
    for article in ("", "ال"):
        for suffix in ("", "ة", "ون", "ين"):
            out.append(" ".join(article + w + suffix for w in words))
    return out


def demonym_forms(masc_forms: list[str], plurals: list[str]) -> list[str]:
    out: list[str] = []
    for m in masc_forms:
        out.extend(nisba_forms(m))
    for p in plurals:
        out.extend([p, "ال" + p])
    return _dedupe(out)


def build_countries() -> list[dict]:
    en = Locale("en").territories
    ar = Locale("ar").territories
    regional = [Locale.parse(l).territories for l in sorted(locale_identifiers()) if l.startswith("ar_")]
    extra = {r[0]: r for r in _rows(COUNTRY_EXTRA, 4)}
    entries = []
    for code in sorted(c for c in en if len(c) == 2 and c.isalpha() and c not in SKIP_CODES):
        if code not in ar:
            continue
        drop = {key(d) for d in COUNTRY_DROP.get(code, [])}
        ar_names = [ar[code]] + [t[code] for t in regional if t.get(code) and t[code] != ar[code]]
        ar_forms: list[str] = []
        for name in ar_names:
            name = " ".join(re.sub(r"\([^)]*\)", " ", name).split())
            ar_forms.append(name)
            if "غ" in name and code not in NO_JIM_SPELLING:
                ar_forms.append(name.replace("غ", "ج"))
        en_name = en[code]
        en_forms = [en_name, " ".join(re.sub(r"\([^)]*\)", " ", en_name).split())]
        en_forms += [f.replace("&", "and").replace("St.", "Saint") for f in en_forms]
        _, more, acronyms, qid = extra.get(code, [code, "-", "-", "-"])
        more_forms = _expand_all(_split(more))
        main_ar = next((f for f in ar_forms + more_forms if key(f) not in drop and not f.isascii()), ar_forms[0])
        variants = [f for f in _dedupe([main_ar] + ar_forms + more_forms + en_forms) if key(f) not in drop]
        _check_latin(code, variants)
        eid = COUNTRY_IDS.get(code, _slug(en_name))
        entries.append({
            "id": eid, "type": "LOC", "en": en_name, "ar": main_ar, "variants": variants,
            "short": [], "acronyms": _split(acronyms), "demonyms": [],
            "wikidata": None if qid in ("", "-") else qid, "country": code, "roles": [], "coref": [],
            "source": "cldr",
        })
    return entries


def build_curated() -> list[dict]:
    entries = []
    for eid, etype, cc, en, ar, variants, acronyms, qid, roles, coref in _rows(CURATED, 10):
        if etype not in TYPES:
            raise ValueError(f"{eid}: bad type {etype}")
        forms = _expand_all(_split(variants))
        en_forms = [f for f in (en, re.sub(r"\s*\([^)]*\)", "", en)) if not _ACRONYM_LIKE.match(f)]
        vs = _dedupe([ar] + forms + en_forms)
        _check_latin(eid, vs)
        entries.append({
            "id": eid, "type": etype, "en": en, "ar": ar, "variants": vs,
            "short": _short(etype, ar, vs), "acronyms": _split(acronyms), "demonyms": [],
            "wikidata": None if qid in ("", "-") else qid, "country": None if cc in ("", "-") else cc,
            "roles": _split(roles), "coref": _split(coref), "source": "curated",
        })
    return entries


def build() -> dict:
    entries = build_countries() + build_curated()
    by_id: dict[str, dict] = {}
    for e in entries:
        if e["id"] in by_id:
            raise ValueError(f"duplicate id {e['id']}")
        by_id[e["id"]] = e
    for eid, masc, plurals, drop in _rows(DEMONYMS, 4):
        if eid not in by_id:
            raise ValueError(f"demonyms for unknown id {eid}")
        dropped = {key(d) for d in _split(drop)}
        by_id[eid]["demonyms"] = [f for f in demonym_forms(_split(masc), _split(plurals)) if key(f) not in dropped]
    left_out = [
        {"form": f, "candidates": _split(c), "reason": r} for f, c, r in _rows(LEFT_OUT, 3)
    ]
    shared = {key(f): {"ids": _split(ids), "reason": r} for f, ids, r in _rows(SHARED, 3)}
    _check_collisions(entries, shared, left_out)
    return {
        "_doc": [
            "Marsad gazetteer: one entry per real person, organisation or place.",
            "GENERATED by scripts/build_gazetteer.py: edit the tables there and rerun; see gazetteer_README.md.",
            "Matching (marsad.extract.gazetteer) normalises both sides: hamza forms, ة/ه, ى/ي and diacritics need no variants.",
        ],
        "_sources": {
            "cldr": "Country and territory names: Unicode CLDR through Babel (Locale('ar'|'ar_*'|'en').territories).",
            "curated": "Hand-curated from general knowledge (roles as of 2025, informational).",
        },
        "_left_out": left_out,
        "_shared_variants": shared,
        "entries": entries,
    }


def _check_collisions(entries: list[dict], shared: dict, left_out: list[dict]) -> None:
    """Fail when two entries share a normalised name or demonym not listed in SHARED."""
    owner: dict[str, str] = {}
    problems = []
    for e in entries:
        for v in e["variants"] + e["demonyms"]:
            k = key(v)
            other = owner.setdefault(k, e["id"])
            if other != e["id"] and k not in shared:
                problems.append(f"{k!r}: {other} / {e['id']}")
    left = {key(x["form"]) for x in left_out}
    for e in entries:
        for v in e["variants"]:
            if key(v) in left:
                problems.append(f"{e['id']}: variant {v!r} is listed as left out")
    if problems:
        raise ValueError("gazetteer collisions:\n  " + "\n  ".join(problems))


def dumps(data: dict) -> str:
    """JSON with one entry per line (reviewable diffs)."""
    head = {k: v for k, v in data.items() if k != "entries"}
    lines = ["{"]
    for k, v in head.items():
        lines.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append(' "entries": [')
    body = [" " + json.dumps(e, ensure_ascii=False) for e in data["entries"]]
    lines.append(",\n".join(body))
    lines.append(" ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the shipped JSON is out of date")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = dumps(build())
    if args.check:
        current = args.out.read_text("utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, "utf-8")
    data = json.loads(text)
    counts: dict[str, int] = {}
    for e in data["entries"]:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    qids = sum(1 for e in data["entries"] if e["wikidata"])
    print(f"wrote {args.out}: {len(data['entries'])} entries {counts}, {qids} with Wikidata ids")
    return 0


if __name__ == "__main__":
    sys.exit(main())
