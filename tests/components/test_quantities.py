"""The extractor_quantities component in the real pipeline: span, value, unit, qualifier."""

import pytest

from extractor.rules.units import load_lexicon


def _quantity(records, text):
    return next(r for r in records if r["label"] == "QUANTITY" and r["text"] == text)


@pytest.mark.parametrize(
    "sentence,span,value,unit,qualifier",
    [
        ("More than 65 thousand new jobs were created.", "65 thousand new jobs", 65000, "job", "over"),
        ("Products worth 600 billion tenge were produced.", "600 billion tenge", 6e11, "KZT", None),
        ("The yield was 19.7 q/ha this year.", "19.7 q/ha", 19.7, "centner/ha", None),
        ("Output grew by 110,7% over the year.", "110,7%", 110.7, "%", None),
        ("About 1 500 tons of meat per year are processed.", "1 500 tons", 1500, "t/year", "approx"),
        ("Exports increased 1.6 times.", "1.6 times", 1.6, "x", None),
        ("The plant cost KZT232.6bn.", "KZT232.6bn", 2.326e11, "KZT", None),
        # a number word joined by a hyphen modifies the counted noun, it counts nothing
        ("In 2025, 30 first-aid stations will be built.", "30 first-aid stations", 30, "station",
         None),
        ("In 2025, 30 village first-aid stations will be built.", "30 village first-aid stations",
         30, "station", None),
        ("Today the city still has 34 three-shift schools.", "34 three-shift schools", 34, "school",
         None),
        ("In 2019, 12 two-storey houses were built.", "12 two-storey houses", 12, "house", None),
        ("The district got 5 one-room and 7 two-room flats.", "7 two-room flats", 7, "flat", None),
        # a word a hyphen joins to the counted noun is part of it
        ("Rescue services made 57 call-outs during the week.", "57 call-outs", 57, "call-out",
         None),
        # a capacity in beds, seats or places written as a modifier
        ("A 240-bed hospital will open by September.", "240-bed", 240, "bed", None),
        ("The 600-seat hall was built in 2019.", "600-seat", 600, "seat", None),
        ("A 320-place kindergarten was opened.", "320-place", 320, "place", None),
    ],
)  # fmt: skip
def test_quantity_records(extract, sentence, span, value, unit, qualifier):
    record = _quantity(extract(sentence, date="2024-01-10"), span)
    assert (record["value"], record["unit"], record["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "School No. 50 was repaired.", "Call 112 in an emergency.", "The third workshop opened.",
        # "twice" where it counts, not where it compares
        "The commission meets twice a year.", "He visited the plant twice.", "It was said twice.",
        # bare points count nothing
        "The index rose by 5 points.", "The team scored 3 points.",
        # a voltage class names a kind of equipment
        "A 110 kV substation was built.", "A 220-kV line was repaired and a 500 kV line laid.",
        # fractions in words state no amount
        "More than two thirds of spending went to schools.", "Sales fell by two fifths.",
        # the one unit a price, a wage or a cost is of
        "The price of one loaf is rising.", "The average wage of one worker is rising.",
        "The cost of one school place has risen.", "One hectare of orchard costs more.",
        "The cost of repairing one square metre has risen.", "The fare for one trip is low.",
        "The cost of producing and delivering one kilowatt-hour is high.",
        "The average area of one fire has fallen.", "So one kilometre cost more.",
        "The average cost of 1 kWh is rising.",
        # "double" that multiplies nothing
        "He works a double shift.", "There is double taxation.", "We double-checked the figures.",
        # a fuel's grade
        "The retail price of AI ninety two petrol rose.", "Today AI ninety two costs more.",
        "Stations sell AI 98 petrol and A-80 fuel.",
        # an autotranscript's numbered speaker
        "SPEAKER 2: Thank you.",
        "SPEAKER 5: How many schools have it?\n\nSPEAKER 2: Of all of them, uh, most.",
        # a site's name
        "QUESTION (24.kg news agency): Good morning.", "The story ran on 24.kz and Kun.uz.",
    ],
)  # fmt: skip
def test_not_quantities(extract, sentence):
    assert not [r for r in extract(sentence, date="2024-01-10") if r["label"] == "QUANTITY"]


def test_a_range_has_low_and_high(extract):
    record = _quantity(
        extract("Children aged 3 to 6 years attend.", date="2024-01-10"), "3 to 6 years"
    )
    assert (record["value"], record["low"], record["high"], record["unit"]) == (None, 3, 6, "year")


@pytest.mark.parametrize(
    "sentence,span,value,unit",
    [
        # a year before a dash labels the amount after it; a year range stays a time
        ("The share was 86 percent in 2019, in 2020 – 88,1 percent.", "88,1 percent", 88.1, "%"),
        ("Coverage: 2022 - 71.5%, 2023 - 74%.", "71.5%", 71.5, "%"),
        ("In 2021 — 14 schools were built.", "14 schools", 14, "school"),
        # a bare number after "out of" counts what its part counts
        ("That is 5 994 villages out of 6 520.", "6 520", 6520, "village"),
        ("In 2022, 40 schools out of 112 were repaired.", "112", 112, "school"),
        ("Only 9 clinics out of the 31 met the standard.", "31", 31, "clinic"),
        # a bare number with a pointing subject and a time of its own is the measure just
        # named, at another time
        ("Unemployment in November was 4.8 percent. In 2009, after the crisis, it was 7.1.",
         "7.1", 7.1, "%"),
        ("In 1989 the city had 120 kilometers of heating networks; today it has 296.", "296", 296,
         "km"),
        ("Today 1 640 schools, or 42 percent, are connected; in 2015 there were only 350.", "350",
         350, "school"),
        ("Revenue was 2.3 billion tenge in 2020; in 2019 it was 1.9.", "1.9", 1.9e9, "KZT"),
        # a bare number that corrects a counted amount, or is denied for one, counts it too
        ("Today the region lacks 680 doctors, most of them in villages – not 860, as one "
         "newspaper wrote.", "860", 860, "doctor"),
        ("This year 14 apartment buildings have been commissioned – not 12, as some websites "
         "wrote.", "12", 12, "building"),
        ("Not 40, but 46 thousand spindles were replaced.", "40", 40000, "spindle"),
        # a part after the whole a sentence opens with ("Of N X, M ...") counts X
        ("Of 312 projects due in 2021, only 238 were put into operation.", "238", 238, "project"),
        ("Of 531 budget programmes of 52 administrators, 47 were late.", "47", 47, "programme"),
        ("Of the 40 villages, 31 were gasified last year.", "31", 31, "village"),
        ("Of the 40 villages, 31 have gas.", "31", 31, "village"),  # a finite verb ends the phrase
        # a difference counts what it compares ("N more than ...")
        ("The committee conducted 38 audits, 9 more than in 2020.", "9", 9, "audit"),
        ("In 2021, 12 schools opened, 3 fewer than planned.", "3", 3, "school"),
        # the end of a change of "the number of X" counts X; a time's noun counts nothing
        ("The number of doctors rose to 6 830.", "6 830", 6830, "doctor"),
        ("The number of tourists reached 1 200 last year.", "1 200", 1200, "tourist"),
        ("The number of farms fell to 312 in 2023.", "312", 312, "farm"),
        ("The number of enterprises with foreign capital has exceeded 15 300.", "15 300", 15300, "enterprise"),
        ("The number of cardiac surgery centres will grow to 22.", "22", 22, "centre"),
        ("The number of operating small businesses grew by 8.2% to 186 thousand.", "186 thousand", 186_000, "business"),
        ("The number of small enterprises grew by 1 340 and reached 41 thousand.", "1 340", 1340, "enterprise"),
        ("The number of small enterprises grew by 1 340 and reached 41 thousand.", "41 thousand", 41_000, "enterprise"),
        # a sentence that opens with a part refers to the first amount of the one before
        ("We will build 20 hospitals with 7 310 beds. Three of them are in Taraz.", "Three", 3, "hospital"),
        ("In total 812 thousand TEU were carried. Of these, 296 thousand are transit.", "296 thousand", 296_000, "TEU"),
        ("The region received 212 thousand tourists. Of them 61.3 thousand came from abroad.", "61.3 thousand", 61_300, "tourist"),
        # units of their own: containers, Kazakhstan's monthly calculation index
        ("A hub for 240 thousand TEU per year will be built.", "240 thousand TEU per year", 240_000, "TEU/year"),
        ("The benefit is 38 MCI (149 416 tenge).", "38 MCI", 38, "MCI"),
        # "of them" after a counted amount and its detail: a part of the first
        ("In 2024, 14 schools for 9 600 places were built, 6 of them in villages.", "6", 6, "school"),
        ("9 hotels with 1 100 beds work there, 4 of them opened last year.", "4", 4, "hotel"),
        ("We opened 46 new stations and bought 118 ambulances, 40 of them this year.", "40", 40, "ambulance"),
        ("65 thousand new jobs were created, of which 55 thousand were permanent.", "55 thousand", 55_000, "job"),
        # "of them" with no amount before it counts the plural noun it stands for
        ("Most three-shift schools are in the south: Turkestan region has 41 of them.", "41", 41, "school"),
        ("Complaints keep coming: 31 of them concern heating.", "31", 31, "complaint"),
        ("Most districts have a plan, and 12 of them have met it.", "12", 12, "district"),
        # "twice" where it compares, not where it counts
        ("Losses are still twice the level of neighbouring countries.", "twice", 2, "x"),
        ("This year we replaced 23,5 km, twice as much as in 2018.", "twice", 2, "x"),
        ("Output grew almost twice in five years.", "twice", 2, "x"),
        # a unit of two words inside a modifier
        ("A 300-cubic-metre reservoir will be built.", "300-cubic-metre", 300, "m3"),
        ("A 40-square-metre flat was given to the family.", "40-square-metre", 40, "m2"),
        # a bare number that ends a change of "the number of X" counts X
        ("The number of breeding farms is to increase by another 250.", "250", 250, "farm"),
        ("The plan is to bring the number of breeding farms to 1 500 by 2021.", "1 500", 1500, "farm"),
        ("The aim is to bring the number of active SMEs to 1,5 million by 2020.", "1,5 million", 1.5e6,
         "enterprise"),
        # money beside a price, and of its size, is a price in the same measure
        ("The tariff will rise to 1,37 soms per kWh, and to 2,9 soms above that limit.", "2,9 soms", 2.9, "KGS/kWh"),
        ("The tariff is 98,4 tenge per cubic meter (it was 80 tenge).", "80 tenge", 80, "KZT/m3"),
        ("Copper averaged $6,166 a tonne last year, against $4,863 in 2016.", "$4,863", 4863, "USD/t"),
        ("The tariff rose to 1,37 soms per kWh. Businesses already pay 3,6 soms.", "3,6 soms", 3.6, "KGS/kWh"),
        # ... but not a total, nor money beside a price per share or person
        ("The tariff is 98 tenge per cubic meter, and the utility collected 1.2 billion tenge.",
         "1.2 billion tenge", 1.2e9, "KZT"),
        ("The dividend is 150 tenge per share, or 26.1 billion tenge.", "26.1 billion tenge", 26.1e9, "KZT"),
        # amounts a rate a year covers: joined to it by "and", continuing it, set against it
        ("The plant will produce 2.4 tons of gold and 1.1 tons of silver per year.", "2.4 tons", 2.4, "t/year"),
        ("Capacity is 16 million tons per year; the new plant will add another 1.5 million tons.",
         "1.5 million tons", 1.5e6, "t/year"),
        ("Output is to rise to 5.5 million tons per year (against 3.9 million tons now).",
         "3.9 million tons", 3.9e6, "t/year"),
        ("Its capacity is 120 thousand tons per year: 80 thousand tons of galvanized steel and "
         "40 thousand tons of coated steel.", "40 thousand tons", 40_000, "t/year"),
        ("The complex, with an annual capacity of 6 thousand tons of yarn, was launched.",
         "6 thousand tons", 6000, "t/year"),
        # a rate told after the thing the amount is of: "a day", "an hour", "a week" too;
        # the span ends at the unit
        ("The dairy has been processing 60 tons of milk a day since February.", "60 tons", 60, "t/day"),
        ("The new track will carry 36 pairs of trains a day.", "36 pairs", 36, "pair/day"),
        ("The city received 180 thousand cubic meters of water a day.", "180 thousand cubic meters",
         180_000, "m3/day"),
        ("The mill grinds 300 tons of grain an hour.", "300 tons", 300, "t/hour"),
        ("The dairy processes 60 tons of milk a day on average.", "60 tons", 60, "t/day"),
        ("The clinic now receives 300 patients of all ages a day.", "300 patients", 300, "patient/day"),
        # ... not a time ago
        ("The farm sold 40 tons of wheat a year ago.", "40 tons", 40, "t"),
        ("The plant shipped 12 tons of wool a week earlier.", "12 tons", 12, "t"),
        # a bare amount its context gives a unit is a rate when a span of time follows it
        ("The number of international flights reached 420 a week.", "420 a week", 420, "flight/week"),
        ("For 2022-2025 we need 412 billion tenge, about 100 billion a year.", "100 billion a year",
         100e9, "KZT/year"),
        ("Of the 31 streets, 23 a month are being repaired.", "23 a month", 23, "street/month"),
        # ... not a time ago either
        ("Sales were 1 200 tons, against 900 a year earlier.", "900", 900, "t"),
        # ... not what was made in a year named apart from the rate
        ("The plant with a capacity of 300 thousand tons per year produced 120 thousand tons last year.",
         "120 thousand tons", 120_000, "t"),
        ("The mine produced 3 million tons of coal and 2 million tons of ore in 2023.", "3 million tons", 3e6, "t"),
        # a list under a header that names its unit in brackets
        ("Shares by districts (in %): Chust – 11,8; Pap – 11,2; Uychi – 10,6.", "11,2", 11.2, "%"),
        ("Harvest by district (thousand tons): Chust – 412,5; Pap – 301.", "301", 301_000, "t"),
        # the ends of a change: a time between them, a verb far before them
        ("The number of three-shift schools has grown from 48 in 2018 to 152 this year.", "152", 152, "school"),
        ("The akimat will reduce the time for connecting new plants to engineering networks from 120 to 45 days.",
         "120", 120, "day"),
        # a part counts the plural noun of the whole it is taken from
        ("Two of the projects are being implemented with Chinese partners.", "Two", 2, "project"),
        ("As of 1 November, 1 441 of 1 486 boilers of schools are ready.", "1 441", 1441, "boiler"),
        # a bare number as the subject of the next clause counts what the clause before did
        ("Eleven projects are already in operation, three are still being built.", "three", 3,
         "project"),
        ("Of the 31 streets, 23 have been repaired.", "23", 23, "street"),
        # a whole with its own number and noun, after an amount of another unit
        ("The elevator for 120 thousand tons has been assembled, and 9 of the 12 silos have been "
         "installed.", "9", 9, "silo"),
        ("Under the agreements, 9 of the contracts provide for compensation.", "9", 9, "contract"),
        ("As of 1 January 2024, 1 187 of the country's 1 806 villages had safe water.", "1 187", 1187, "village"),
        ("In 21 of the houses the roofs were replaced.", "21", 21, "house"),
        # ... its head noun after modifiers, and a whole "these" points to, whatever the
        # amount before it counted
        ("The plan was met by only 93%, and the construction of 3 of the 12 planned water supply "
         "facilities was delayed.", "3", 3, "facility"),
        ("Repairs were finished at 31 of the 37 plants and at 3 870 of the 4 420 boiler houses.",
         "3 870", 3870, "house"),
        ("The need for doctors was 2 980, 11 percent less; 1 412 of these vacancies are in villages.",
         "1 412", 1412, "vacancy"),
        ("The 64 agreements are worth 2.7 billion dollars. Nineteen of these projects start in 2025.",
         "Nineteen", 19, "project"),
        # a part with no scale that opens a sentence is of the things the sentence before
        # counted, not of its money
        ("The Fund gives a grant of USD 30 million to build 30 schools. Five of them are in Chui.",
         "Five", 5, "school"),
        # points with a name of their kind are places ("5 points" alone counts nothing)
        ("Kyrgyzkomur has opened 146 sales points in the regions.", "146 sales points", 146, "point"),
        ("The department is to open 12 more medical points in villages.", "12 more medical points", 12, "point"),
        # the ends of a change are two amounts, whatever the verb of change
        ("The tenge has weakened by 10.8%, from 332,33 to 368,40 tenge per dollar.", "332,33", 332.33, "KZT/USD"),
        ("Inflation slowed from 7.2 to 6.1 percent.", "7.2", 7.2, "%"),
        # percentage points are no percent
        ("The bank raised its base rate by 0.25 percentage points to 9.25%.", "0.25 percentage points", 0.25, "pp"),
        ("Unemployment fell by 0.3 p.p. to 4.8%.", "0.3 p.p.", 0.3, "pp"),
        # rates per thousand people are per mille; a bare number in brackets with its own
        # time is the same measure at that time
        ("The birth rate was 14.6 per 1,000 population.", "14.6 per 1,000 population", 14.6, "‰"),
        ("Infant mortality was 5.8 per 1,000 live births (6.4 in 2021).", "6.4", 6.4, "‰"),
        ("Unemployment fell to 4.8% (5.1 a year earlier).", "5.1", 5.1, "%"),
        # a bare count's part after "X things worth money" is of the things
        ("Banks approved 93 projects worth 61.7 bln tenge, 55 of them in the food industry.", "55", 55, "project"),
        ("21 projects worth 487 billion tenge are due; 9 of them have already been launched.", "9", 9, "project"),
        ("The project costs 5.2 billion roubles, of which 1.9 billion will come from the budget.",
         "1.9 billion", 1.9e9, "RUB"),
        # "another N" is more of what was counted, not of its detail
        ("95 schools for 9,5 thousand places were installed, and another 60 are planned.", "60", 60, "school"),
        # residents are people, except the companies of an economic zone or park
        ("Krasny Yar village, with about 9 800 residents, has water.", "9 800 residents", 9800, "person"),
        ("In the Namangan free economic zone, 7 new residents began production.", "7 new residents", 7,
         "resident"),
        ("In industrial park Kalmanka 5 residents started work.", "5 residents", 5, "resident"),
        ("The region's 9 industrial parks now have 117 residents.", "117 residents", 117, "resident"),
        ("Two parks in the region have 23 residents.", "23 residents", 23, "resident"),
        ("Construction of the zone is over. Today the zone has 14 residents.", "14 residents", 14,
         "resident"),
        ("In 2022 the business incubator hosted 26 residents.", "26 residents", 26, "resident"),
        # a verb the tagger read as a noun is not what a part counts; a verbless part's noun is
        ("The country has 1 180 breeding farms, of which 712 specialise in beef cattle.", "712", 712, "farm"),
        ("There are 300 clinics, of which 120 work around the clock.", "120", 120, "clinic"),
        ("1,520 families received apartments, of which 640 large families.", "640 large families", 640, "family"),
        # centners where a yield is spoken of are centners per hectare
        ("The yield was 32 c/ha in Almaty region. In Akmola the figure is lower, 11,8 centners.",
         "11,8 centners", 11.8, "centner/ha"),
        ("The farm sold 5 thousand centners of grain.", "5 thousand centners", 5000, "centner"),
        # a scaled number is no share or multiplier of the amount before it
        ("Buses carried 312 million passengers, 14,6% more than last year, and the metro another 196 million.",
         "196 million", 196e6, "passenger"),
        # money that the clause's subject says is per capita is per person
        ("GRP per capita reached 6.1 million tenge last year.", "6.1 million tenge", 6.1e6, "KZT/person"),
        ("Per capita money incomes of the population averaged 31 245,6 rubles.", "31 245,6 rubles",
         31245.6, "RUB/person"),
        ("Per capita GRP made 8 947, 2 thous. soums.", "8 947, 2 thous. soums", 8_947_200, "UZS/person"),
        ("The per capita norm was set, and the budget was 5 billion tenge.", "5 billion tenge", 5e9, "KZT"),
        # a number after "the remaining", "the other", "the first", "the last" with its noun
        # left out counts what the last count of its sentence, or the one before, counts
        ("Of the 46 streets in the plan, 39 were repaired; the remaining seven were moved.",
         "seven", 7, "street"),
        ("In total 118 courtyards were improved. In the other 44, benches were installed.", "44",
         44, "courtyard"),
        ("So far 248 medical stations have opened. The remaining 243 will open in 2025.", "243",
         243, "station"),
        ("The akimat will buy 41 medical posts; the first 12 will be installed in December.",
         "12", 12, "post"),
        ("The other 3 regions lag behind.", "3 regions", 3, "region"),
        # a subject averaged over days is a rate a day (not a day's own figure, nor a
        # temperature)
        ("Average daily loading on the network was 5 420 wagons.", "5 420 wagons", 5420,
         "wagon/day"),
        ("Average daily generation in the month reached 50.7 million kWh.", "50.7 million kWh",
         5.07e7, "kWh/day"),
        ("The daily average output of the mine amounted to 12 thousand tons.",
         "12 thousand tons", 12000, "t/day"),
        ("In December the daily consumption may reach 68 million kWh.", "68 million kWh", 6.8e7,
         "kWh"),
        ("The average daily temperature is still above 10 degrees.", "10 degrees", 10, "degree"),
        # ... and per one of a thing, a rate over that thing (a unit's name, a noun); not
        # per a span of time
        ("Spending per pupil reached 98,6 thous. rubles.", "98,6 thous. rubles", 98600, "RUB/pupil"),
        ("Output per worker amounted to 2.6 million tenge.", "2.6 million tenge", 2.6e6,
         "KZT/worker"),
        ("The average cost per square meter was 300 thousand tenge.", "300 thousand tenge", 3e5,
         "KZT/m2"),
        ("Payments per family averaged 40 thousand som.", "40 thousand som", 4e4, "KGS/family"),
        ("Output per year reached 5 billion tenge.", "5 billion tenge", 5e9, "KZT"),
        # the residents of an economic zone are companies, however they are counted
        ("In the special economic zone 4 new residents started work, and the total number of "
         "residents reached 21.", "21", 21, "resident"),
        ("The number of residents of the city reached 1.2 million.", "1.2 million", 1.2e6,
         "person"),
        # an ordinal joined to a counted noun by a hyphen is part of it
        ("This year 9,340 first-graders will go to school.", "9,340 first-graders", 9340,
         "first-grader"),
        ("Among them were 224 thousand first-graders.", "224 thousand first-graders", 224000,
         "first-grader"),
        ("The city has 34 three-shift schools.", "34 three-shift schools", 34, "school"),
        # a sentence opening on "per capita", figures in brackets after where a per-capita
        # figure is highest or lowest, figures set against one per person in its sentence
        ("Per capita, the volume of services amounted to 2 444,7 thousand soums.",
         "2 444,7 thousand soums", 2444700, "UZS/person"),
        ("Per capita turnover was the highest in Samarkand city (5 924,6 thousand soums) and the "
         "lowest in Koshrabad district (1 214,8 thousand soums).", "1 214,8 thousand soums",
         1214800, "UZS/person"),
        ("In 2021 GRP per capita in Atyrau region was 14,9 million tenge, in Turkistan region 1,3 "
         "million tenge.", "1,3 million tenge", 1.3e6, "KZT/person"),
        ("By 2026 the provision of housing per inhabitant should reach 26 square meters, against "
         "22,9 square meters today.", "22,9 square meters", 22.9, "m2/person"),
        ("GRP per capita grew by 5 percent, and the region's GRP reached 10 trillion tenge.",
         "10 trillion tenge", 1e13, "KZT"),
        # decimals as speech-to-text writes them
        ("We allocated two point three billion tenge.", "two point three billion tenge", 2.3e9, "KZT"),
        ("Execution reached ninety eight point seven percent.", "ninety eight point seven percent", 98.7, "%"),
        # a multiplier written as a word
        ("Industrial output has tripled since 2015.", "tripled", 3, "x"),
        ("The number of flights doubled.", "doubled", 2, "x"),
        ("The number of such companies has grown almost threefold.", "threefold", 3, "x"),
        ("Exports grew five-fold in a decade.", "five-fold", 5, "x"),
        # a multiplier verb ahead ("to double", "must double"), "doubling", "double the"
        ("By 2024 we intend to double the revenue of the group.", "double", 2, "x"),
        ("By 2030 the region must double investment.", "double", 2, "x"),
        ("Transit reached 1.2m TEU, almost doubling in three years.", "doubling", 2, "x"),
        ("Output should reach 4 bn kWh, double the volume of 2022.", "double", 2, "x"),
        # a part of a whole whose noun has adjectives before it
        ("In 214 of the repaired buildings the works were accepted without checks.", "214", 214, "building"),
        ("Two of the rural clinics were closed.", "Two", 2, "clinic"),
        # a list item with its verb and noun left out counts what the first one counts
        ("Eleven projects are in the processing industry, six in agriculture, four in logistics.",
         "six", 6, "project"),
        # a part of a plural noun the sentence opens with counts that noun
        ("In 2019, 162 new enterprises opened. Of these enterprises, 71 are in Sughd region, 48 in Khatlon region.",
         "48", 48, "enterprise"),
        # a bare count in brackets after a name counts the plural noun the sentence is about
        ("Most of the new enterprises were registered in Tashkent city (231) and Samarkand region (58).",
         "58", 58, "enterprise"),
        # bare members of a list take the scale and unit of the one that ends it
        ("The three districts had 48, 27 and 19 thousand voters respectively.", "48", 48000, "voter"),
        ("The three districts had 48, 27 and 19 thousand voters respectively.", "27", 27000, "voter"),
        ("Wells were drilled in 12 and 9 villages.", "12", 12, "village"),
        ("Clinics in Osh, Naryn and Talas received 14, 9 and 6 new ambulances.", "14", 14, "ambulance"),
        # a part named after "including", "of which" is of the clause's own whole, not of
        # an amount in a phrase that places or details it
        ("The company opened 212 shops in 14 cities, including 80 in Tashkent.", "80", 80, "shop"),
        ("Last year 35 hotels with 2 100 rooms were built, of which 12 in Khiva.", "12", 12, "hotel"),
        ("Repairs are under way in 60 schools, including 25 in the villages.", "25", 25, "school"),
        # bare millions and billions are the money their sentence names; billions go on
        # in the money of the sentence before
        ("Debts reached 2,1 billion som, of which households – 1,3 billion and schools – 240 million.",
         "240 million", 240000000, "KGS"),
        ("The fund amounted to 8,2 billion rubles. Of this, 2,9 billion came from the federal budget.",
         "2,9 billion", 2900000000, "RUB"),
        ("Budget money: 4,8 billion soums.\n- repairs - 1,2 billion;\n- equipment - 0,9 billion;",
         "0,9 billion", 900000000, "UZS"),
        # ... not a counted noun's millions, nor "the number of" something
        ("Payments went to 1.4 million people for KZT 0,9 trillion.", "1.4 million people", 1400000, "person"),
        ("Spending was 3 billion tenge, and the number of accounts exceeded 12.5 million.",
         "12.5 million", 12500000, "account"),
        # "there are N" with no noun of its own counts what the sentence counted before
        ("Last year the city had 64 boiler houses, now there are only 41.", "41", 41, "house"),
        # "their number", "this figure" in a change counts what was counted last
        ("The city has 412 small companies. Their number has grown by only 140 this year.", "140", 140, "company"),
        ("Last year 9 800 jobs were created. We plan to bring this figure to 12 thousand.",
         "12 thousand", 12000, "job"),
        # scaled members of a list take its unit, each with its own scale
        ("Almaty, Astana and Shymkent received 1,2 million, 640 thousand and 380 thousand visitors respectively.",
         "640 thousand", 640000, "visitor"),
        # a bare number in a change counts the plural things the clause is about
        ("Road accidents in the district dropped to 38 from 112 in 2021.", "38", 38, "accident"),
        # money for one unit of a thing is per that unit
        ("A kilogram of mutton cost on average 92 thousand soums.", "92 thousand soums", 92000, "UZS/kg"),
        ("One kilometre of the new road cost 310 million tenge.", "310 million tenge", 310000000, "KZT/km"),
        ("The average cost of rehabilitating a kilometre of road was 3.9 million somoni.",
         "3.9 million somoni", 3900000, "TJS/km"),
        ("The average price of a kilometre of capital repair is 29,4 million soms.",
         "29,4 million soms", 29400000, "KGS/km"),
        ("The cost of one square meter of housing is 400 thousand tenge.", "400 thousand tenge",
         400000, "KZT/m2"),
        ("The cost of a ticket was 300 rubles.", "300 rubles", 300, "RUB"),
        ("The city pays 41 tenge for every passenger trip.", "41 tenge", 41, "KZT/trip"),
        ("Farmers are paid 900 somoni for each box of cocoons.", "900 somoni", 900, "TJS/box"),
        # ... but not for a thing that is no unit of measure, nor for each of them
        ("A loaf of bread now costs 30 soms.", "30 soms", 30, "KGS"),
        ("They paid 5 dollars for each of them.", "5 dollars", 5, "USD"),
        # a bare figure answering "How many X ...?" counts X
        ("How many families got new flats this year?\n\nB. ORAZOV: About 2 thousand.", "2 thousand", 2000, "family"),
        ("How many clinics were opened? In total 14, half of them in villages.", "14", 14, "clinic"),
        ("– How many new buses did the city buy?\n– 120, all of them on gas.", "120", 120, "bus"),
        # a shortage counts what it lacks
        ("The shortage of pupil places was estimated at 61 thousand.", "61 thousand", 61000, "place"),
        # the rows of a list, one a line, take the unit its header gives: in brackets, after
        # a comma, or of the amount the header breaks down
        ("Output by region (trln. soums, growth in brackets):\n– Tashkent city — 112,6 (107,9%);"
         "\n– Navoi region — 59,8 (101,3%)", "59,8", 59.8e12, "UZS"),
        ("Retail trade turnover in January-September 2021, bln. soums:\n• Tashkent city – 18 412,3;"
         "\n• Tashkent region – 9 806,5.", "9 806,5", 9806.5e9, "UZS"),
        ("Housing commissioned by region (thsd. sq. m):\n– Almaty city – 1 964,2;\n– Astana city"
         " – 1 810,5", "1 810,5", 1810500, "m2"),
        ("Cotton by region (picked, thousand tons, and share of the plan):\n– Khatlon region – "
         "158,2 (60,4%);\n– Sughd region – 89,6 (66,4%).", "89,6", 89600, "t"),
        ("In 2024, 3 812 new jobs were created, including by district:\n— Suzak district — 742;"
         "\n— Aksy district — 397", "397", 397, "job"),
        # rows with no bullet ("Russia – 402,6"), under a header dated in a bracket
        ("Main buyers, thousand tons (January-September 2023):\nRussia – 402,6\nKazakhstan – "
         "221,8\nChina – 139,4\n\nShipments grew.", "221,8", 221800, "t"),
        # rows of bare figures under a caption line that makes them percentages of a base
        ("Indices of industrial production\n(January-August 2018 in % to January-August 2017)\n"
         "Mining and quarrying – 106.9\n  of which: mining of coal – 107.4\nManufacturing – 101.8",
         "107.4", 107.4, "%"),
        ("Retail trade by district\n(in percent of the same period of 2022)\nChust – 104,2\n"
         "Pap – 98,7", "98,7", 98.7, "%"),
        ("Shipments by branch (2021 in % to 2020)\nMetallurgy – 103,5\nFood industry – 99,8",
         "99,8", 99.8, "%"),
        # and the figure in brackets after a row's own amount, where a caption says so
        ("Output of main products, 2018 (in brackets – in % to 2017):\n– pig iron – 3 612.8 "
         "thous. tonnes (101.9);\n– cement – 1 388.7 thousand tons (113.9).", "113.9", 113.9, "%"),
        # "of whom N", "N of them" after an opening time, and "N more": a part or more of
        # what the clause before counted
        ("14 862 citizens applied to the centres, of whom 10 934 were placed in jobs.",
         "10 934", 10934, "person"),
        ("11 642 pensioners live in the district, among whom 9 318 receive old-age pensions.",
         "9 318", 9318, "pensioner"),
        ("655 facilities are to be built in 2023-2025. Since 2023, 412 of them have been "
         "commissioned.", "412", 412, "facility"),
        ("In January-August 118 villages were connected; by the end of the year we expect 264 "
         "more.", "264", 264, "village"),
        ("This year 9,340 first-graders will go to school, 610 more than last year.", "610", 610,
         "first-grader"),
        # the start of a change to a price, and a gapped clause's price, share its rate
        ("The retail price rose from 39 som 60 tyiyn to 44 som 80 tyiyn per liter.",
         "39 som 60 tyiyn", 39.6, "KGS/l"),
        ("The benefit rose from 300 to 352 thousand soums per child.", "300", 300000, "UZS/child"),
        ("A kilogram of beef costs 46 somoni and of mutton 52 somoni.", "52 somoni", 52, "TJS/kg"),
        # what one unit of a thing sells or is sold at or for is per that unit
        ("In September a ton of food wheat of the third class was sold in the republic at 12 450"
         " rubles.", "12 450 rubles", 12450, "RUB/t"),
        ("One kilogram of tomatoes sells for 12 thousand soums.", "12 thousand soums", 12000,
         "UZS/kg"),
        ("A liter of AI-92 gasoline is sold at 205 tenge.", "205 tenge", 205, "KZT/l"),
        # (a batch is no unit of measure)
        ("A batch of 40 tractors was sold for 2 billion tenge.", "2 billion tenge", 2e9, "KZT"),
        # (not a rate per a span of time)
        ("Output grew from 12 billion som to 15 billion som per year.", "12 billion som", 12e9,
         "KGS"),
        # a series of brackets after names: a bare number takes the unit of the first
        ("The highest yields were in Chishminsky district (36.8 centners per hectare), "
         "Davlekanovsky district (34.1) and Sterlitamaksky district (33.5).", "34.1", 34.1,
         "centner/ha"),
        ("Wages were highest in Almaty (412 thousand tenge), Astana (398.5) and Atyrau (377).",
         "398.5", 398500, "KZT"),
        # (and with none, still counts the sentence's plural noun)
        ("Most new enterprises were registered in Tashkent city (231) and Samarkand region (58).",
         "58", 58, "enterprise"),
        # a web page's counter of its readers
        ("Economy  |  18.09.2019, 10:37  |  Views: 2 417\n\nRevenues grew.", "2 417", 2417, "view"),
        # ... and its thousands and millions as a capital K or M glued to the number, after
        # an eye sign or before the word it counts
        ("Economy | 14:32, 12 March 2021\n👁 18.4K\n\nRevenues grew.", "18.4K", 18400, "view"),
        ("Politics\n👁️ 7,4K\nThe fair offered 900 vacancies.", "7,4K", 7400, "view"),
        ("Posted 3 days ago · 2.4K views\nTourist arrivals grew.", "2.4K views", 2400, "view"),
        ("The minister's channel has 1.2m subscribers.", "1.2m subscribers", 1.2e6, "subscriber"),
        ("The post got 3M views in a day.", "3M views", 3e6, "view"),
        # (a small m alone is still metres)
        ("The new bridge is 5m wide.", "5m", 5, "m"),
        # a currency ticker's rates and "1 USD = N soums": local currency per foreign one
        ("Exchange rate:  USD 478.52 ▲   EUR 503.14 ▼\nInvestment reached 412 billion tenge.",
         "503.14", 503.14, "KZT/EUR"),
        # the currencies a ticker lists are foreign, whatever the story counts in most
        ("Rates for 21.11.2023: USD 10.9385 | EUR 11.9127\nExports reached $1.2 billion and "
         "imports $3.1 billion; taxes gave 4.1 billion somoni.", "11.9127", 11.9127, "TJS/EUR"),
        ("At the rate of the day, 1 USD = 10,645.30 soums. Exports reached 812 billion soums.",
         "10,645.30 soums", 10645.3, "UZS/USD"),
        # two amounts with their codes are no ticker
        ("The plan is KZT 96.5 billion and KZT 3.4 bln more for roads.", "KZT 3.4 bln", 3.4e9, "KZT"),
        # things counted come whole: a point before three digits groups thousands
        ("In 2023 the projects created 58.600 new jobs.", "58.600 new jobs", 58600, "job"),
        ("In January-September, 312.400 citizens left for work abroad.", "312.400 citizens", 312400,
         "person"),
        # a newspaper's line wrap between a number and its noun or unit
        ("Across the country, 2 318\nindustrial projects were put into operation.",
         "2 318\nindustrial projects", 2318, "project"),
        ("The cost of construction reached 133 814\ntenge per square metre.",
         "133 814\ntenge per square metre", 133814, "KZT/m2"),
        # a bare number that takes money's currency takes its scale, when of its size
        ("Investment reached 4,1 billion tenge against 3,2 in 2022.", "3,2", 3.2e9, "KZT"),
        ("Revenues were 12,4 bln. rubles, and spending 13,1.", "13,1", 13.1e9, "RUB"),
        ("Exports were 2 310 mln. USD, while imports 2 950.", "2 950", 2.95e9, "USD"),
        ("Of the 67.9 billion tenge allocated, 66.1 was disbursed.", "66.1", 66.1e9, "KZT"),
        # a figure set against the one before it, or corrected by it, is in its unit
        ("Farmers got water for only 2 irrigations instead of 4.", "4", 4, "irrigation"),
        ("Our guarantee period is 6 years instead of 4.", "4", 4, "year"),
        ("The city has 34 schools, against 41 a year ago.", "41", 41, "school"),
        ("The queue is 15 thousand children, not 14 200.", "14 200", 14200, "child"),
        ("After the examination the estimate is 2.7 billion tenge, not 3.1.", "3.1", 3.1e9, "KZT"),
        ("It was 78 percent ready at the end of 2016, not 90, as was reported.", "90", 90, "%"),
        ("They plan 120 beds rather than 90.", "90", 90, "bed"),
        # a part counts the things its clause counts, not their detail (in another unit,
        # or after "with", "for", "home to")
        ("This year 27 public beaches with a total length of 14.5 km were equipped, 9 of them "
         "in Aktau.", "9", 9, "beach"),
        ("The remaining 526 villages, home to about 310 thousand people, are small, and for 180 "
         "of them the only option is delivered water.", "180", 180, "village"),
        ("This year 17 hotels with 1,240 beds have opened: 9 in Dushanbe, 4 in Khujand.", "9", 9,
         "hotel"),
        ("This year 17 hotels with 1,240 beds have opened: 9 in Dushanbe, 4 in Khujand.", "4", 4,
         "hotel"),
        ("In 2023 we bought 118 ambulances, 40 of them for villages.", "40", 40, "ambulance"),
        # a bare number that "the number of X" is counts X
        ("The number of registered marriages was 11 236.", "11 236", 11236, "marriage"),
        ("The number of operating small enterprises is 17,840, the hokimiyat said.", "17,840",
         17840, "enterprise"),
        # millions with nothing after them go on in money of their size named just before
        ("The website showed 38 million rubles paid. You say 61.3 million. Which is right?",
         "61.3 million", 61.3e6, "RUB"),
        ("Exports reached 38 million dollars. Tourists numbered 2.1 million.", "2.1 million",
         2.1e6, "tourist"),
        # a gapped item labelled by a time counts what the clause before counted
        ("Yesterday the service received 312 calls, and the day before yesterday 486.", "486",
         486, "call"),
        ("In 2022 the city built 12 schools, and in 2023 14.", "14", 14, "school"),
        # a price "a kilogram", "a litre" is per that unit
        ("Sugar went up by 18.5 percent, to 51.60 rubles a kilogram.", "51.60 rubles a kilogram",
         51.6, "RUB/kg"),
        ("Diesel for farmers is kept at 195 tenge a litre.", "195 tenge a litre", 195, "KZT/l"),
        # a scaled number before a multiple or a share is no member of a list of them
        ("The number of tourists from China reached 655 thousand, 1.9 times more than in 2023.",
         "655 thousand", 655000, "tourist"),
        ("The number of foreign visitors reached 6.6 million, 3.5 times more than in 2014.",
         "6.6 million", 6.6e6, "visitor"),
        ("Shares were 1.5, 2.5 and 3.5 times.", "2.5", 2.5, "x"),
        # an amount set right against a rate, in the rate's base unit, is in that rate
        ("Syringes were bought at 2 450 soums per piece against 1 300 soums on the exchange.",
         "1 300 soums", 1300, "UZS/piece"),
        ("Turnover per capita reached 2 868,4 thousand soums, against 2 571,2 thousand soums in "
         "2020.", "2 571,2 thousand soums", 2571200, "UZS/person"),
        ("The fee is 40 som per child instead of 35 som.", "35 som", 35, "KGS/child"),
        ("It paid 14.6 million rubles per kilometre, not 11 million rubles.", "11 million rubles",
         11e6, "RUB/km"),
        # the typography of web pages: no-break, thin and narrow spaces, "thou."
        ("Kostanay region has sown 2\u00a0918,4\u00a0thou.\u00a0ha.", "2\u00a0918,4\u00a0thou.\u00a0ha",
         2918400, "ha"),
        ("Works worth 27\u2009418,6 bn soums were performed.", "27\u2009418,6 bn soums", 27418.6e9,
         "UZS"),
        ("They employed 1\u202f278,4 thousand people.", "1\u202f278,4 thousand people", 1278400,
         "person"),
        # a short scale's point before a currency's sign, "US dollars", or a rate's "per sq. m"
        ("Expenditures reached 409,8 bln. ₸, or 98,9 % of the plan.", "409,8 bln. ₸", 409.8e9,
         "KZT"),
        ("Exports amounted to 1 359,8 mln. US dollars.", "1 359,8 mln. US dollars", 1359.8e6,
         "USD"),
        ("The price rose to 512 thsd. ₸ per sq. m, so demand is high.", "512 thsd. ₸ per sq. m",
         512000, "KZT/m2"),
        # rows labelled by a dash under a caption with the unit and the columns
        ("Sowing by crop, thou. ha (sown / plan / % of plan):\nWheat – 6 874,5 / 12 960,0 / 53,0\n"
         "Barley – 1 402,7 / 2 815,3 / 49,8", "12 960,0", 12960000, "ha"),
        ("Sowing by crop, thou. ha (sown / plan / % of plan):\nWheat – 6 874,5 / 12 960,0 / 53,0\n"
         "Barley – 1 402,7 / 2 815,3 / 49,8", "49,8", 49.8, "%"),
        # rates per thousand of anything counted
        ("There were 1 176 women per 1 000 men in 2021.", "1 176 women per 1 000 men", 1176, "‰"),
        ("The dependency ratio is 822 per 1 000 working-age people.",
         "822 per 1 000 working-age people", 822, "‰"),
        ("Per 1 000 people, 262 had higher education.", "262", 262, "‰"),
        # a bare number a bracket labels as the plan or another year of the amount before
        ("The yield in 2015 was 13,4 centners per hectare (plan – 12,0).", "12,0", 12.0,
         "centner/ha"),
        ("The yield in 2015 was 13,4 centners per hectare (in 2014 – 12,0).", "12,0", 12.0,
         "centner/ha"),
        ("Exports reached 4,2 billion dollars (plan – 3,9).", "3,9", 3.9e9, "USD"),
        ("Unemployment fell to 5,0 % in 2015 (target: 5,2).", "5,2", 5.2, "%"),
        ("Of 312 projects worth 4.1 billion dollars, 238 were finished.", "238", 238, "project"),
        ("The budget for 2024 has revenues of 23 114,5 mln. rubles and expenditures of 23 780,0 "
         "mln. rubles; for 2025 – 22 640,0 and 23 010,0.", "22 640,0", 22.64e9, "RUB"),
        ("The budget for 2024 has revenues of 23 114,5 mln. rubles and expenditures of 23 780,0 "
         "mln. rubles; for 2025 – 22 640,0 and 23 010,0.", "23 010,0", 23.01e9, "RUB"),
    ],
)  # fmt: skip
def test_labels_and_wholes(extract, sentence, span, value, unit):
    record = _quantity(extract(sentence, date="2024-01-10"), span)
    assert (record["value"], record["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "sentence,span",
    [
        # a bare number with no time of its own is not the measure before it at another time
        ("Unemployment was 4.8 percent. It was 7.1 before the crisis.", "7.1"),
        # a share is no donor for a number past 100
        ("Only 42 percent of schools are connected; in 2015 there were 350.", "350"),
    ],
)
def test_no_measure_at_another_time(extract, sentence, span):
    records = extract(sentence, date="2024-01-10")
    assert not [r for r in records if r["label"] == "QUANTITY" and r["text"] == span]


def test_a_year_range_is_no_quantity(extract):
    records = extract("In 2020-2024, 5 tons were produced.", date="2025-01-10")
    assert [r["text"] for r in records if r["label"] == "QUANTITY"] == ["5 tons"]


@pytest.mark.parametrize(
    "text",
    [
        "One of the largest plants opened in 2023.",
        "Facilities are built, but in 37 of the new ones there is no doctor.",
    ],
)
def test_a_part_of_no_plural_noun_counts_nothing(extract, text):
    assert not [r for r in extract(text) if r["label"] == "QUANTITY" and r["unit"] == "one"]


@pytest.mark.parametrize(
    "text", ["Spending by guests reached about $61 million in the two months.",
             "Over the three years 1,38 trillion tenge will be allocated."]
)  # fmt: skip
def test_the_span_of_a_report_is_no_amount(extract, text):
    assert not [
        r for r in extract(text) if r["label"] == "QUANTITY" and r["unit"] in ("month", "year")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Financial violations are almost 8 billion, and only 3.12 billion has come back.",
        "Deputy: the violations reached 2.4 billion last year.",
        "Roads got 1.1 trillion over five years.",
    ],
)
def test_billions_count_no_things_their_clause_names(extract, sentence):
    # billions are money (of the text around), never a count of the clause's subject
    counted = [
        r["unit"]
        for r in extract(sentence, date="2022-03-01")
        if r["label"] == "QUANTITY" and load_lexicon().kind_of(r["unit"] or "") == "count"
    ]
    assert counted == []


@pytest.mark.parametrize(
    "text,figures",
    [
        # a bare figure set beside a rate per thousand gives the same rate
        ("The birth rate was 14.6 per 1,000 population, the overall mortality rate 10.6.",
         ["10.6"]),
        ("The highest increase was in Batken region (23.9 per 1,000 population) and Osh region "
         "(22.6), the lowest in Chui region (11.8).", ["22.6", "11.8"]),
        ("In rural areas there are 6 terminals per 1,000 residents, in the capital – 29.", ["29"]),
        # under a header that names the base, with last year's figure in brackets
        ("Rates of natural movement, per 1 000 people (2018 in brackets):\n"
         "– birth rate – 17.04 (17.46);\n– death rate – 10.67 (10.79).",
         ["17.04", "17.46", "10.67", "10.79"]),
    ],
)  # fmt: skip
def test_bare_figures_beside_a_rate_per_thousand(extract, text, figures):
    records = extract(text, date="2019-11-08")
    assert [r["text"] for r in records if r["label"] == "QUANTITY" and r["unit"] == "‰"][
        -len(figures) :
    ] == figures


@pytest.mark.parametrize(
    "text",
    [
        # a figure of another kind after the rate is no rate
        "Infant mortality was 5.1 per 1,000 live births in 2017, and 12 children died in 2018.",
        "The birth rate was 14.6 per 1,000 population; in 2020 the region had 1.2 million people.",
    ],
)
def test_figures_of_another_kind_beside_a_rate_stay_theirs(extract, text):
    records = extract(text, date="2019-11-08")
    assert [r["text"] for r in records if r["label"] == "QUANTITY" and r["unit"] == "‰"] == [
        text.split(" was ")[1].split(" in 2017")[0].split(";")[0]
    ]


@pytest.mark.parametrize(
    "text,figure,unit",
    [
        # a part of a whole named by words alone counts what the last count before it did
        ("3 150 people were sent abroad for work. Of those sent abroad, 1 840 went to Russia.",
         "1 840", "person"),
        ("In 2018, 21 740 young people were given work. Of the employed, 6 128 were girls.",
         "6 128", "person"),
        ("512 thousand people took part in its measures. Of the participants, 376 thousand were "
         "employed.", "376 thousand", "person"),
    ],
)  # fmt: skip
def test_a_part_of_a_whole_named_by_words(extract, text, figure, unit):
    assert _quantity(extract(text, date="2021-08-17"), figure)["unit"] == unit


@pytest.mark.parametrize(
    "text,figures",
    [
        # a bare figure labelled after a share, its clause's verb left out, is a share
        ("Kyzylorda region fulfilled it by 94,1 percent, Aktobe region by 96,8, West Kazakhstan "
         "region by 97,2 and Mangystau region by 98,5.", ["96,8", "97,2", "98,5"]),
        ("In the structure of generation coal accounts for 66,2 percent, gas - 20,4, hydropower - "
         "8,7 and renewable sources - 4,7 percent.", ["20,4", "8,7"]),
        ("Today the level of gasification of the region is 97,6 percent, in rural areas about "
         "ninety-three.", ["ninety-three"]),
    ],
)  # fmt: skip
def test_gapped_shares(extract, text, figures):
    records = extract(text, date="2021-08-17")
    for figure in figures:
        assert _quantity(records, figure)["unit"] == "%"


@pytest.mark.parametrize(
    "text,figure",
    [
        # a figure that counts something else after a share keeps its own unit or none
        ("Unemployment fell to 4.9 percent, and the akim met 25 entrepreneurs.", "25 entrepreneurs"),
        ("The plan was fulfilled by 94,1 percent, and in 2020 the region built 12 schools.",
         "12 schools"),
    ],
)  # fmt: skip
def test_counts_after_a_share_are_no_share(extract, text, figure):
    assert _quantity(extract(text, date="2021-08-17"), figure)["unit"] != "%"


@pytest.mark.parametrize(
    "text,figures",
    [
        # a rate per a hundred thousand is kept in ‰, a hundredth of its figure; its base
        # is no amount
        ("The social risk, the number of deaths per 100 thousand population, was 19,1 against "
         "21,2 in 2015.", [("19,1", 0.191), ("21,2", 0.212)]),
        ("The number of convicts was 127 persons per 100 thousand population (in 2019 – 149).",
         [("127 persons per 100 thousand population", 1.27), ("149", 1.49)]),
        ("Crime per one hundred thousand population is five hundred and nine.",
         [("five hundred and nine", 5.09)]),
    ],
)  # fmt: skip
def test_rates_per_hundred_thousand(extract, text, figures):
    records = [r for r in extract(text, date="2021-02-04") if r["label"] == "QUANTITY"]
    assert [(r["text"], r["value"], r["unit"]) for r in records] == [
        (span, value, "‰") for span, value in figures
    ]


@pytest.mark.parametrize(
    "header,row,figure,unit,value",
    [
        # a column's head gives its figures their unit: a unit after a comma, or the plural
        # of a counted thing with its modifiers
        ("City, district | new schools | places | cost, thousand somoni",
         "Khujand city | 4 | 2 400 | 15 860,0", "4", "school", 4),
        ("City, district | new schools | places | cost, thousand somoni",
         "Khujand city | 4 | 2 400 | 15 860,0", "15 860,0", "TJS", 15860000),
        ("No. | Region | Amount, million tenge | Families",
         "1 | Atyrau region | 13 204,6 | 8 940", "13 204,6", "KZT", 13204600000),
    ],
)  # fmt: skip
def test_a_column_head_gives_its_unit(extract, header, row, figure, unit, value):
    record = _quantity(extract(f"{header}\n{row}\n", date="2024-04-17"), figure)
    assert (record["unit"], record["value"]) == (unit, value)


@pytest.mark.parametrize(
    "text,span,unit",
    [
        # a plural common noun a translation capitalised is still what a number counts
        ("In the district were created 213 new Workplaces.", "213 new Workplaces", "job"),
        ("In the 45 Centres of adult education were trained 14 thousand persons.", "45 Centres",
         "centre"),
    ],
)  # fmt: skip
def test_capitalised_plurals_are_counted(extract, text, span, unit):
    assert _quantity(extract(text, date="2014-02-12"), span)["unit"] == unit


@pytest.mark.parametrize(
    "text,span,unit",
    [
        # a hyphen inside a word does not end the phrase before the counted noun
        ("1 240 apartments in 36 multi-storey houses were handed over.", "36 multi-storey houses",
         "house"),
        ("The akimat bought 12 low-floor buses for the city.", "12 low-floor buses", "bus"),
        # a word the tagger took for a verb but parsed as the noun's modifier
        ("In total, 3 870 combine harvesters have been involved in the campaign.",
         "3 870 combine harvesters", "harvester"),
    ],
)  # fmt: skip
def test_counted_noun_after_hyphened_and_verb_tagged_modifiers(extract, text, span, unit):
    assert _quantity(extract(text, date="2019-08-01"), span)["unit"] == unit


def test_a_name_of_capitalised_words_is_no_counted_noun(extract):
    records = extract("The chain opened 5 Star Hotels in Astana.", date="2014-02-12")
    assert not [r for r in records if r["label"] == "QUANTITY"]
