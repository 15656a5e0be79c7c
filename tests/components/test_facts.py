"""Facts: what each amount measures, when, where and who said it (the seed's first paragraph
and rows per construction)."""

import pytest

from extractor.scoring import head_word

SEED_OPENING = (
    "Deputy Akim of Kyzylorda region Bakhyt Zhakhanov at the Parliamentary hearings spoke about the "
    "socio-economic development of the region. Over the past 5 years, 1.5 trillion have been attracted "
    "to the economy of the region. tenge of investments, more than 3 million square meters of housing "
    "were commissioned, in the manufacturing industry products worth 600 billion tenge were produced. "
    "During this period, more than 65 thousand new jobs were created, of which 55 thousand were "
    "permanent jobs.During the speech, Bakhyt Duysenovich focused on the work done."
)


def quantity(records, text):
    return next(r for r in records if r["label"] == "QUANTITY" and r["text"] == text)


def period_of(records, text):
    rec = quantity(records, text)
    return rec["time_start"], rec["time_end"]


@pytest.mark.parametrize(
    "span,measured_head",
    [
        ("3 million square meters", "housing"),
        ("600 billion tenge", "product"),
        ("65 thousand new jobs", "job"),
        ("55 thousand", "job"),
    ],
)
def test_seed_opening_measured_period_place(extract, span, measured_head):
    rec = quantity(extract(SEED_OPENING), span)
    assert rec["measured"].split()[-1] == measured_head
    assert (rec["time_start"], rec["time_end"]) == ("2015", "2019")
    assert rec["place"] == "Kyzylorda region"


def test_both_names_of_the_deputy_akim_are_one_person(extract):
    persons = [r for r in extract(SEED_OPENING) if r["label"] == "PERSON"]
    assert {p["text"] for p in persons} == {"Bakhyt Zhakhanov", "Bakhyt Duysenovich"}
    assert {p["person_id"] for p in persons} == {"bakhyt-zhakhanov"}


@pytest.mark.parametrize(
    "text,span,measured",
    [
        (
            "In 2023, zinc reserves of 6.5 million tons were confirmed.",
            "6.5 million tons",
            "zinc reserve",
        ),
        (
            "Gross regional product grew by 6,8% and amounted to KZT 4.1 trillion.",
            "KZT 4.1 trillion",
            "Gross regional product",
        ),
        (
            "It is planned to increase the gross agricultural output by 1.6 times.",
            "1.6 times",
            "gross agricultural output",
        ),
        ("In 2023, farmers received KZT 286.4 bln in subsidies.", "KZT 286.4 bln", "subsidy"),
        (
            # An invested amount is an investment (what it went into is its purpose).
            "Over 3 years, the enterprise has invested $ 640 million in modernization.",
            "$ 640 million",
            "investment",
        ),
        (
            "In 2023, 1.9 million tons of cement were produced, 8.4% more than a year earlier.",
            "8.4%",
            "cement",
        ),
        (
            "Some 8,900 farmers used this support in the amount of 150 bln tenge.",
            "150 bln tenge",
            "support",
        ),
        ("Growth came from construction (8.8%), trade (5.5%) and mining (4.9%).", "5.5%", "trade"),
        (
            "Projects worth 995 billion tenge (US$2.33 billion) will be commissioned.",
            "US$2.33 billion",
            "project",
        ),
        (
            "The plant produced 1 million 512 thousand tons of alumina in 2023.",
            "1 million 512 thousand tons",
            "alumina",
        ),
        (
            "The region saved 108 billion tenge thanks to an analysis of spending.",
            "108 billion tenge",
            "saving",
        ),
        (
            "The volume of industrial production amounted to 98.7 trillion soum.",
            "98.7 trillion soum",
            "industrial production",
        ),
        (
            "The mining sector, which accounts for about 70% of the regional industry, grew.",
            "70%",
            "mining sector",
        ),
        (
            "In 2023, 318 km of roads were repaired, including 42km of the Bishkek – Kara-Balta highway.",
            "42km",
            "highway",
        ),
        # a verb coordinated with one whose subject the parser hung on a preposition
        (
            "In the reporting year gross regional product amounted to 21,7 trillion soums and increased by 7,3%.",
            "7,3%",
            "gross regional product",
        ),
        (
            "Multiplier: since 2015 the industrial output of the region has tripled.",
            "tripled",
            "industrial output",
        ),
        # a clause with its verb left out: the noun before the amount
        (
            "Manufacturing grew by 3,8%: mechanical engineering by 19,5%, building materials by 8,1%.",
            "19,5%",
            "mechanical engineering",
        ),
        (
            "Farms produced 64% of the output, households 31% and agricultural enterprises 5%.",
            "5%",
            "agricultural enterprise",
        ),
        # a part measures what the amount it is a part of measures, not that amount's detail
        ("In 2024, 14 schools for 9 600 places were built, 6 of them in villages.", "6", "school"),
        # a place or an agent as the subject is not what the amount measures
        (
            "The wear of heat networks in the country averages 54%, and in some cities exceeds 70 percent.",
            "70 percent",
            "wear",
        ),
        # a share in a list of shares, after a noun phrase of its own, is that phrase's;
        # a place there labels it (the share stays of what the first one measures)
        (
            "Services made up 16,2% of all exports, textile products 11,4% and food products 7,9%.",
            "11,4%",
            "textile product",
        ),
        (
            "Machinery accounted for 31% of imports, cement for 12,5% and food products for 9%.",
            "9%",
            "food product",
        ),
        (
            "Transport took 20% of the spending, information and communication services 9,8%.",
            "9,8%",
            "service",
        ),
        (
            "Khatlon fulfilled 78 percent of its plan, the districts of republican subordination 69 percent.",
            "69 percent",
            "plan",
        ),
        # a dashed label is about its first noun, through "of" and its coordination
        (
            "Results of 2018:\n– shipped goods of own production of manufacturing industries – 298,6 billion rubles;",
            "298,6 billion rubles",
            "good",
        ),
        (
            "Output in January-August:\n– meat and edible offal of cattle, pigs and poultry – 154,2 thousand tons;",
            "154,2 thousand tons",
            "meat",
        ),
        (
            "By type:\n– violations of budget accounting and reporting – 1 204,3 million rubles;",
            "1 204,3 million rubles",
            "violation",
        ),
        (
            "The money went to the repair of the common property of apartment buildings – 31,2 billion tenge.",
            "31,2 billion tenge",
            "repair",
        ),
        # money "in" a noun is of that noun ("in subsidies"), but not of a sum, of prices
        # or of the vehicle a fare is paid in
        ("The ministry paid out KZT 134 bln in subsidies to farmers.", "KZT 134 bln", "subsidy"),
        (
            "The project, worth $52.4 million in total, will create 310 jobs.",
            "$52.4 million",
            "project",
        ),
        (
            "Gross agricultural output amounted to 25.8 billion somoni in current prices.",
            "25.8 billion somoni",
            "Gross agricultural output",
        ),
        ("The fare stays at 10 som in buses and 8 som in trolleybuses.", "10 som", "fare"),
        # an address is no subject; what a verb of consuming counts is consumption
        (
            "Thank you. Dear deputies, the installed capacity of the power plants is 24.6"
            " thousand megawatts today.",
            "24.6 thousand megawatts",
            "installed capacity",
        ),
        ("Last year the country consumed 115.1 billion kWh.", "115.1 billion kWh", "consumption"),
        # an amount set beside a noun by a comma ("now") is of that noun, not of the verb
        (
            "The minimum wage, now 42,500 tenge, will be raised to 50 thousand tenge.",
            "42,500 tenge",
            "minimum wage",
        ),
        # a gapped item whose label has an "of" phrase
        (
            "The land tax brought 148.2 million rubles, the lease of municipal property 61.7 million.",
            "61.7 million",
            "lease",
        ),
        # a part named between its cue and its amount
        (
            "Tax revenues made up 36.2 billion som, of which value added tax 14.8 billion som.",
            "14.8 billion som",
            "tax",
        ),
        (
            "Textile exports reached $2.27 billion, including cotton yarn worth $1.1 billion.",
            "$1.1 billion",
            "cotton yarn",
        ),
        # a long dashed list label names what it hangs on, not the place or company inside
        (
            "The largest of them:\n– a cotton-textile cluster of the Chinese company"
            ' "Xinjiang Lihua" in Khazarasp district – 62,0 mln. dollars;',
            "62,0 mln. dollars",
            "cotton-textile cluster",
        ),
        # "X accounted for A, Y for B": a later item with its verb left out is of its label
        (
            "Of this volume, beef accounted for 518 thousand tons, mutton for 179,4 thousand,"
            " horse meat for 143,2 thousand and poultry meat for 228 thousand tons.",
            "143,2 thousand",
            "horse meat",
        ),
        (
            "Crop production accounted for 55,4% of gross output, livestock for 42,6%,"
            " and forestry and fisheries for 2,0%.",
            "2,0%",
            "fishery",
        ),
        # a subject the parser read as the object of "In 2018": its head, through the
        # phrases after it
        (
            "In 2018 investments in fixed capital amounted to 107 333,0 billion soums.",
            "107 333,0 billion soums",
            "investment",
        ),
        (
            "In 2018 investments in fixed capital from all sources of financing amounted to 107 333,0"
            " billion soums.",
            "107 333,0 billion soums",
            "investment",
        ),
        # a list item whose verb is left out, read off its words where the parse lost the
        # list: the word before its first preposition, else its last word
        (
            "Of the sown area, barley took 6 350 ha, potatoes 2 900 ha and forage crops 4 400 ha.",
            "2 900 ha",
            "potato",
        ),
        (
            "Of the sown area, barley took 6 350 ha, potatoes 2 900 ha and forage crops 4 400 ha.",
            "4 400 ha",
            "crop",
        ),
        (
            "Tax revenues were 86,9 billion tenge, non-tax revenues 2,3 billion, proceeds from the"
            " sale of state property 2 billion and transfers from the republican budget 168,2"
            " billion.",
            "2 billion",
            "proceed",
        ),
        # the act of the clause's verb: owing is a debt, borrowing a borrowing
        (
            "As of 1 March, consumers owe the distribution companies 3.86 billion som.",
            "3.86 billion som",
            "debt",
        ),
        (
            "This year the government has borrowed KZT 2.1 trln on the domestic market.",
            "KZT 2.1 trln",
            "borrowing",
        ),
        # a headline's verbless change, after a possessive and on a list item
        (
            "Related news:\n• Kazakhstan's industrial output up 4.1% in January-July 2023",
            "4.1%",
            "industrial output",
        ),
        # a gapped coordination's noun may have modifiers of its own
        (
            "Electricity generation amounted to 16,9 bln. kWh (+3,1 %), primary aluminium output "
            "to 278,1 thsd. tons (−0,8 %) and cement to 224,6 thsd. tons.",
            "278,1 thsd. tons",
            "primary aluminium output",
        ),
        (
            "Meat production increased by 4.1%, milk by 3.6%, and egg production by 12,3%.",
            "12,3%",
            "egg production",
        ),
        (
            "Flour went up by 18.4 percent and vegetable oil by 26.7 percent.",
            "26.7 percent",
            "vegetable oil",
        ),
        # (not past a preposition: "for onions by 18%" keeps the prices)
        ("Prices for potatoes fell over the year by 6.5%, for onions by 18%.", "18%", "price"),
        # a short scale's point before a currency's sign ends no sentence
        (
            "Expenditures reached 409,8 bln. ₸, or 98,9 % of the plan.",
            "409,8 bln. ₸",
            "expenditure",
        ),
        ("Exports amounted to 1 359,8 mln. US dollars.", "1 359,8 mln. US dollars", "export"),
        (
            "The city received 1,1 mln. foreign tourists.",
            "1,1 mln. foreign tourists",
            "foreign tourist",
        ),
        # a gapped clause that names who made a thing measures what the clause before did
        (
            "Food producers turned out products worth 88.9 bln tenge, building materials "
            "makers 71.2 bln tenge, textile and clothing factories 63.7 bln tenge.",
            "63.7 bln tenge",
            "product",
        ),
        (
            "Food producers turned out products worth 88.9 bln tenge, building materials "
            "makers 71.2 bln tenge.",
            "71.2 bln tenge",
            "product",
        ),
        # money that opens the bracket closing a list item is of the item's noun
        (
            "Projects launched:\n– a poultry farm for 400 thousand birds in Sairam district "
            "(9.8 bln tenge, 160 jobs);\n– a school.",
            "9.8 bln tenge",
            "poultry farm",
        ),
        (
            "Projects launched:\n• a polymer pipe plant in the industrial zone (KZT 4.8 "
            "billion, 95 jobs).",
            "KZT 4.8 billion",
            "polymer pipe plant",
        ),
        (
            "Projects launched:\n- the Zaisan meat processing plant, designed for 6 thousand "
            "tons of meat per year (3.1 billion tenge)",
            "3.1 billion tenge",
            "plant",
        ),
        # (not a bracket inside the item, nor a share)
        (
            "Sectors:\n– industry grew to 41.2 billion tenge (38.6 billion tenge a year "
            "earlier) in the region;",
            "38.6 billion tenge",
            "industry",
        ),
        # a hyphenated modifier is one word, whichever half the parser hangs on the noun
        (
            "In 2012, 118.6 km of regional and inter-municipal roads were repaired.",
            "118.6 km",
            "inter-municipal road",
        ),
        (
            "The district opened 40 socio-cultural facilities.",
            "40 socio-cultural facilities",
            "socio-cultural facility",
        ),
        (
            "Banks issued short-term loans worth 12 billion tenge.",
            "12 billion tenge",
            "short-term loan",
        ),
        # (not when the word after the hyphen is a unit or a currency the phrase drops)
        ("A lump-sum allowance of 5 million tenge was paid.", "5 million tenge", "allowance"),
        # ... nor a counter's scale letter glued to its number
        ("The ministry's post gathered 1.2K views.", "1.2K views", "view"),
        # (a page's rubric line is no table row)
        ("Economy | 19.07.2017 10:24 | Views: 2 117\n\nSmall business grew.", "2 117", "view"),
        ("The channel now has 3.4k followers.", "3.4k followers", "follower"),
        # ... past a phrase that places its noun, and a noun the model read as a verb
        ("– Gold output at Kumtor deposit down 11, 2% in January-June", "11, 2%", "Gold output"),
        ("Kyrgyzstan's exports to EAEU countries up 9.2% in January-August", "9.2%", "export"),
        ("Industrial output in Ulyanovsk Region up 8.3% in 2021", "8.3%", "Industrial output"),
        ("Sangtuda-2 HPP output up 9% in January-March", "9%", "output"),
        ("Tau-Ken Samruk sums up 2019: refined gold output up 14.2%", "14.2%", "gold output"),
        # a plural noun read as a verb is no verb of the amount's clause
        (
            "Tax revenues were 86,9 billion tenge, non-tax revenues 2,3 billion, proceeds from the"
            " sale of state property 2 billion and transfers from the republican budget 168,2"
            " billion.",
            "86,9 billion tenge",
            "Tax revenue",
        ),
        # not a clause with a verb of its own
        (
            "The heat tariff is 1 011 som per gigacalorie, and hot water currently costs 62 som"
            " per cubic meter.",
            "62 som per cubic meter",
            "hot water",
        ),
        # past a phrase that only places it
        (
            "In 2023 exports of the region amounted to 735.2 million dollars.",
            "735.2 million dollars",
            "export",
        ),
        (
            "In January-September 2023 investment in fixed capital in Karaganda region amounted to"
            " KZT 735.2 bln.",
            "KZT 735.2 bln",
            "investment",
        ),
        # money investors put in is investment; "worth a combined" is a worth cue
        (
            "Last year investors put 98,7 billion rubles into fixed capital.",
            "98,7 billion rubles",
            "investment",
        ),
        (
            "Under the map, investors put 19.6 billion tenge into 12 projects.",
            "19.6 billion tenge",
            "investment",
        ),
        (
            "Investors from nine countries signed 27 investment agreements worth a combined 1.2 trillion"
            " tenge.",
            "1.2 trillion tenge",
            "investment agreement",
        ),
        # a word a PDF broke at a line end is one word again
        (
            "The programme provides for the mastering of invest-\nments of $23,1 billion in 2019.",
            "$23,1 billion",
            "investment",
        ),
        # a change set after the amount it changes, however it is worded, measures what
        # that amount measures: "fewer", "as much", "up", "plus", "down by"
        (
            "Inspectors counted 312 road accidents on regional roads in 2020, 14% fewer than a year earlier.",
            "14%",
            "road accident",
        ),
        (
            "The town received 1.18 million tourists in the season, up 27 percent from a year earlier.",
            "27 percent",
            "tourist",
        ),
        (
            "In 2021 the plant shipped 46 thousand tons of cement, down by 3.1% from 2020.",
            "3.1%",
            "cement",
        ),
        (
            "Investments in fixed capital were 71,9 billion rubles, plus 8,2% to the previous year.",
            "8,2%",
            "investment",
        ),
        (
            "Since January 412 km of water pipelines have been laid, almost twice as much as in 2020.",
            "twice",
            "water pipeline",
        ),
        (
            "The farms employ 2 300 seasonal workers, 15% fewer than planned.",
            "15%",
            "seasonal worker",
        ),
        # a figure whose clause names nothing it measures is of what the last figure of its
        # unit in the paragraph measured: a plan, a place's share, a place's amount
        (
            "Investments in fixed capital in 2017 amounted to 31,2 billion rubles; in 2024 we plan 48 billion rubles.",
            "48 billion rubles",
            "investment",
        ),
        (
            "Most of the money, 78.6 percent, came from Russia. Kazakhstan accounted for 6,2%.",
            "6,2%",
            "money",
        ),
        (
            "Farms have threshed 412 thousand tons of grain. Engelsky district, with 58,6 thousand tons, leads.",
            "58,6 thousand tons",
            "grain",
        ),
        # a ranking's figures are of what the places are ranked in
        (
            "In industrial growth, the leaders are Kattakurgan city (124,6%) and Urgut (118,2%).",
            "118,2%",
            "industrial growth",
        ),
        (
            "In cotton picking, the leaders are Jomboy district (94,2%) and Bulungur (92,7%).",
            "94,2%",
            "cotton picking",
        ),
        (
            "By the growth of gross output, the leaders are Kostanay (105,8%) and Akmola (104,1%) regions.",
            "105,8%",
            "growth of gross output",
        ),
        (
            "Grain crops occupy 16,1 mln. ha. North Kazakhstan region is first in grain area with 4,6 mln. ha.",
            "4,6 mln. ha",
            "grain area",
        ),
        # not a place's or a time's name opening the sentence
        ("In Samarkand region, the leaders are the cities (12%).", "12%", "leader"),
        # money allocated for a gerund or to an infinitive is for what it acts on, else for
        # the act itself
        (
            "The akimat allocated 3 billion tenge for building the new school.",
            "3 billion tenge",
            "new school",
        ),
        (
            "The region spent 2 billion tenge on repairing rural roads.",
            "2 billion tenge",
            "rural road",
        ),
        (
            "The government allocated 5 billion tenge to modernise rural clinics.",
            "5 billion tenge",
            "rural clinic",
        ),
        (
            "This year 1.4 billion rubles is allocated to begin building the new children's hospital.",
            "1.4 billion rubles",
            "hospital",
        ),
        (
            "This year 41.5 billion soums has been allocated for asphalting another 34 kilometres.",
            "41.5 billion soums",
            "asphalting",
        ),
        # money secured, needed, required, approved or committed is for its purpose too
        (
            "Tajikistan has secured $410 million to build the Fondaryo hydropower plant.",
            "$410 million",
            "plant",
        ),
        (
            "The district needs 3 billion tenge for the repair of schools.",
            "3 billion tenge",
            "repair",
        ),
        (
            "The project requires 12 billion soms for the reconstruction of the canal.",
            "12 billion soms",
            "reconstruction",
        ),
        (
            "The government approved 1.2 billion soms for industrial parks.",
            "1.2 billion soms",
            "industrial park",
        ),
        (
            "Since 1995 the bank has committed $10.2 billion for 81 public sector projects.",
            "$10.2 billion",
            "sector project",
        ),
        # a list line of several items: each item's label starts after the figure of the
        # one before; a capitalised word after a bullet opens its item like a sentence
        (
            "Industry\n• Crude oil – 84.3 thsd tons (96.1%), coal – 412.7 thsd tons (108.9%).",
            "412.7 thsd tons",
            "coal",
        ),
        (
            "Agriculture\n• Meat (slaughter weight) – 42.7 thsd tons, milk – 318.9 thsd tons, "
            "eggs – 68.4 mln pieces.",
            "68.4 mln pieces",
            "egg",
        ),
        (
            "Agriculture\n• Meat (slaughter weight) – 42.7 thsd tons, milk – 318.9 thsd tons.",
            "318.9 thsd tons",
            "milk",
        ),
        (
            "Prices\n• Consumer price index, December 2017 to December 2016 – 103.9%; food "
            "products – 105.1%, non-food products – 102.4%.",
            "105.1%",
            "food product",
        ),
        (
            "Industry\n• Crude oil – 84.3 thsd tons (96.1%).\n• Investments in fixed capital – "
            "19,846.3 mln som (117.3%).",
            "19,846.3 mln som",
            "investment",
        ),
        # an area is of the crop its clause names: the subject, what it is sown with or
        # under, the noun before "on"; else it is an area
        (
            "There, winter crops have died on 86 thousand hectares.",
            "86 thousand hectares",
            "winter crop",
        ),
        (
            "Repeated crops were sown on 38,6 thousand hectares.",
            "38,6 thousand hectares",
            "Repeated crop",
        ),
        ("Farmers sowed wheat on 12 thousand hectares.", "12 thousand hectares", "wheat"),
        # a crop that opens the sentence, the subject of the verb a sowing completes, an
        # area that is a passive's subject
        ("Cotton was sown on 71,3 thousand hectares.", "71,3 thousand hectares", "Cotton"),
        ("Barley was planted on 9 thousand ha.", "9 thousand ha", "Barley"),
        (
            "This autumn winter crops are to be sown on 1 million 150 thousand hectares.",
            "1 million 150 thousand hectares",
            "winter crop",
        ),
        ("Rice is expected to be sown on 5,000 hectares.", "5,000 hectares", "Rice"),
        (
            "As of 12 April, 512 thousand hectares have been sown, or 2.2 percent of the plan.",
            "512 thousand hectares",
            "area",
        ),
        ("Spring sowing was carried out on 1,2 million hectares.", "1,2 million hectares", "area"),
        # a subject that only presents or ranks figures names none of them
        (
            "In 2023, 17,9 mln. sq. m of housing was commissioned. The leaders are Almaty "
            "with 2,7 mln. sq. m and Astana with 2,5 mln. sq. m.",
            "2,7 mln. sq. m",
            "housing",
        ),
        (
            "Farmers have received 64,1% of the subsidies allocated. The worst figures are in "
            "Turkistan region, with 41,3%, and in Zhambyl region, with 46,7%.",
            "41,3%",
            "subsidy",
        ),
        (
            "In 2019-2023, 64,5 million square meters of housing were commissioned. By year, "
            "the picture is as follows: in 2019 – 11,2 million square meters.",
            "11,2 million square meters",
            "housing",
        ),
        # a count that restates a measure names its own thing
        (
            "In 2021, 212.4 thousand square meters of housing, or 2,846 apartments, were "
            "commissioned.",
            "2,846 apartments",
            "apartment",
        ),
        (
            "The station loaded 1.3 million tons of coal, or 19 thousand wagons, in March.",
            "19 thousand wagons",
            "wagon",
        ),
        # a measure written as a modifier describes its noun, however the parser tags it
        (
            "The plan includes a 42-kilometre second track on the Karshi section.",
            "42-kilometre",
            "track",
        ),
        # money a participle right after it allots is of what it is allotted for
        (
            "Of the 2.8 billion rubles provided for the new bridges, 1.9 billion has been spent.",
            "2.8 billion rubles",
            "new bridge",
        ),
        (
            "Of the 9.4 billion tenge allocated, only 7.7 billion reached the districts.",
            "9.4 billion tenge",
            "allocation",
        ),
        (
            "Of the $24 million pledged for the airport terminal, only a third has come.",
            "$24 million",
            "airport terminal",
        ),
        (
            "Of the 640 million som earmarked for repairing schools, 410 million went unspent.",
            "640 million som",
            "school",
        ),
        # what growers or breeders of a thing yield is of that thing (not their money)
        ("Potato growers gathered 356 thousand tons.", "356 thousand tons", "Potato"),
        ("Cotton growers picked 61 thousand tons.", "61 thousand tons", "Cotton"),
        (
            "Livestock breeders received 1,96 billion soms.",
            "1,96 billion soms",
            "Livestock breeder",
        ),
        # an abbreviated scale's point inside an amount ends no clause: the next clause
        # keeps its own subject
        (
            "For nine months the gross regional product amounted to 27,4 trln. soums, and "
            "the growth rate made 6,1%.",
            "6,1%",
            "growth rate",
        ),
        (
            "Exports reached 1 402,6 mln. USD, and imports made 900 mln. USD.",
            "900 mln. USD",
            "import",
        ),
        # a budget's "revenue part" or "expenditure part" is its revenue or expenditure
        ("The revenue part of the local budget was fulfilled by 104.6%.", "104.6%", "revenue"),
        (
            "The expenditure part of the city budget was executed by 96,2 percent.",
            "96,2 percent",
            "expenditure",
        ),
    ],
)
def test_measured(extract, text, span, measured):
    assert quantity(extract(text), span)["measured"] == measured


@pytest.mark.parametrize(
    "text,span,period",
    [
        # the first end of a change over a period stands at the period's start; in a plan,
        # at the day of speaking; the last end takes the period
        ("Over the past 3 years the share of roads in good condition has increased from 41 to "
         "52 percent.", "41", ("2018", "2018")),
        ("Over the past 3 years the share of roads in good condition has increased from 41 to "
         "52 percent.", "52 percent", ("2018", "2020")),
        ("By 2026 we plan to reduce the wear of networks from 64% to 58%.", "64%",
         ("2021-07-09", "2021-07-09")),
        ("Since 2015 the level of gasification has grown from 30.4 percent to 61.2 percent.",
         "30.4 percent", ("2015", "2015")),
        # an index for a month against an earlier month is the index of its own month
        ("The consumer price index for June 2021 to December 2020 made 104,1 %.", "104,1 %",
         ("2021-06", "2021-06")),
        ("Consumer price index, May 2021 to December 2020 – 104,3%.", "104,3%",
         ("2021-05", "2021-05")),
        # an obligation or a wish told now is a plan: it takes the plan its paragraph set
        ("The task is to reach 3 million hectares by 2030. For this, 3,100 km of new canals "
         "have to be built.", "3,100 km", ("2021-07-09", "2030")),
        ("The goal is full coverage by 2025. For this the region needs to lay 280 km of networks.",
         "280 km", ("2021-07-09", "2025")),
        # an obligation told of the past is none
        ("In 2019 the region had to import 40 thousand tons of grain.", "40 thousand tons",
         ("2019", "2019")),
    ],
)  # fmt: skip
def test_an_obligation_told_now_is_a_plan(extract, text, span, period):
    record = quantity(extract(text, "2021-07-09"), span)
    assert (record["time_start"], record["time_end"]) == period


@pytest.mark.parametrize(
    "text,span,period",
    [
        # a dated clause opened by "since" starts the period of the amounts after it
        ("Since Uzbekistan joined ADB in 1995, the bank has committed $10.2 billion for 81 "
         "projects.", "$10.2 billion", ("1995", "2021-07-09")),
        ("Exports grew. Since it was introduced in January 2020, 86 thousand people have "
         "registered as self-employed.", "86 thousand people", ("2020-01", "2021-07-09")),
        # not a reason after the main clause, nor a plain "in 2019"
        ("In 2019 the plant produced 5 million tons, since it was modernised in 2018.",
         "5 million tons", ("2019", "2019")),
        ("In 2019 the plant produced 5 million tons.", "5 million tons", ("2019", "2019")),
    ],
)  # fmt: skip
def test_a_dated_since_clause_starts_the_period(extract, text, span, period):
    record = quantity(extract(text, "2021-07-09"), span)
    assert (record["time_start"], record["time_end"]) == period


@pytest.mark.parametrize(
    "text,span,period",
    [
        # what a place or a body has is a stock that holds on the day it is told, in any
        # unit; a building's size and a capacity are not
        ("Uzbekistan has 4.3 million hectares of irrigated land.", "4.3 million hectares",
         ("2021-07-09", "2021-07-09")),
        ("The region has 2 840 kilometres of public roads.", "2 840 kilometres",
         ("2021-07-09", "2021-07-09")),
        ("The plant has a capacity of 300 MW.", "300 MW", (None, None)),
        ("The new school has 3 200 square metres.", "3 200 square metres", (None, None)),
    ],
)  # fmt: skip
def test_a_stock_a_place_has_holds_now(extract, text, span, period):
    record = quantity(extract(text, "2021-07-09"), span)
    assert (record["time_start"], record["time_end"]) == period


@pytest.mark.parametrize(
    "text,span,period",
    [
        (
            "Housing commissioning grew by 14% in 2023, 14% more than in 2022.",
            "14%",
            ("2023", "2023"),
        ),
        (
            "Exports rose 1.3 times compared to 2022 and reached $ 2 billion in 2023.",
            "$ 2 billion",
            ("2023", "2023"),
        ),
        ("By 2027 emissions will be cut by 30%.", "30%", ("2020", "2027")),
        (
            "Prices grew by 4.4 percent in 2020, half of last year's indicator.",
            "4.4 percent",
            ("2020", "2020"),
        ),
        # a base with its article, after a lead that names the period: the paragraph after it
        # goes on in the lead's period, and "the season" is the lead's, not the base's
        (
            "From June to August 2019, the country received 1.4 million tourists, 11.6 percent "
            "more than in the summer of 2018.\n\nMost visitors came from Kazakhstan – 742.3 "
            "thousand people.\n\nOver the season the resorts hosted 1,046.5 thousand "
            "holidaymakers.",
            "1,046.5 thousand holidaymakers",
            ("2019-06", "2019-08"),
        ),
        (
            "Kazinform. From June to August 2019, the country received 1.4 million tourists, 11.6"
            " percent more than in the summer of 2018.\n\nMost visitors came from Kazakhstan – "
            "742.3 thousand people.",
            "742.3 thousand people",
            ("2019-06", "2019-08"),
        ),
        # the time of a base amount after "against", "compared to", "from"
        ("In 2019 inflation was 5,2% against 6.1% in 2018.", "5,2%", ("2019", "2019")),
        (
            "In 2019 the yield was 30.4 c/ha against 29.1 c/ha a year earlier.",
            "30.4 c/ha",
            ("2019", "2019"),
        ),
        (
            "In 2019 revenues reached 9 bln tenge compared to 7.5 bln tenge in 2018.",
            "9 bln tenge",
            ("2019", "2019"),
        ),
        # ... a base named by its figure's noun sets no period for the sentences after it
        (
            "Draft budget for 2021\n\nThe session opened.\n\nAgainst the clarified plan of this year, "
            "own revenues grow by 6,8 percent. The income tax gives 71,5 bln tenge.",
            "71,5 bln tenge",
            ("2021", "2021"),
        ),
        # a time beyond a semicolon belongs to the other clause
        (
            "In 2019 farmers threshed 1.1 million tons of grain; in 2018 the harvest was 1.3 million tons.",
            "1.3 million tons",
            ("2018", "2018"),
        ),
        (
            "Farmers threshed 1.1 million tons of grain; in 2018 the harvest was 1.3 million tons.",
            "1.1 million tons",
            (None, None),
        ),
    ],
)
def test_period_of_a_fact_skips_comparison_bases(extract, text, span, period):
    assert period_of(extract(text), span) == period


def test_speaker_of_a_quotation(extract):
    text = "“Over the past 5 years, more than 1,800 new jobs have been created in the industry,” said Bakhyt Zhakhanov."
    rec = quantity(extract(text), "1,800 new jobs")
    assert (rec["speaker"], rec["speaker_id"]) == ("Bakhyt Zhakhanov", "bakhyt-zhakhanov")


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # a budget's provision in the present passive is a plan: the budget's period
        (
            "The council approved the budget for 2025. 3.4 billion som is provided for roads.",
            "2024-12-20",
            "3.4 billion som",
            ("2025", "2025"),
        ),
        (
            "The plan for 2026 is adopted. KZT 12 bln are allocated to gas networks.",
            "2025-12-01",
            "KZT 12 bln",
            ("2026", "2026"),
        ),
        # a pronoun subject goes on about the amount before it, in its period
        (
            "The second phase, 180 hectares, will be developed in 2020-2021. It is designed for 35 projects.",
            "2019-10-01",
            "35 projects",
            ("2020", "2021"),
        ),
        # A part of an amount named before it takes that amount's period, whatever its tense.
        (
            "In January-September 2023, 9.6 million m2 of housing was commissioned. "
            "Of these, 4.8 million m2 is individual housing.",
            "2023-10-17",
            "4.8 million m2",
            ("2023-01", "2023-09"),
        ),
        (
            "In 2023, 214 thousand square meters of housing were built, of which 171 thousand "
            "square meters were individual houses. This is 104,2% of the plan.",
            "2024-02",
            "104,2%",
            ("2023", "2023"),
        ),
        (
            "In 2022, 2,500 families received housing. Among them are 400 large families.",
            "2023",
            "400 large families",
            ("2022", "2022"),
        ),
        # "So far", "currently": the figure holds at the document date.
        (
            "So far 13.8 million tons of grain have been threshed.",
            "2023-09-27",
            "13.8 million tons",
            ("2023-09-27", "2023-09-27"),
        ),
        (
            "The region currently lacks 370 doctors.",
            "2023-06-15",
            "370 doctors",
            ("2023-06-15", "2023-06-15"),
        ),
        # A past clause goes on in the period its paragraph set, even with "is" after it.
        (
            "Tractors were purchased in 2023 under leasing. Farmers received 420 thousand tons "
            "of diesel fuel, which is about 15% below last year's volume.",
            "2024-01",
            "420 thousand tons",
            ("2023", "2023"),
        ),
        # a row's figure under a caption whose columns are times takes its column's; a
        # column headed by a comparison's base takes the caption's own time
        (
            "Key figures, mln kWh (January-November 2020 / January-November 2019):\n"
            "generation – 13 642,5 / 14 122,7\nconsumption – 14 187,3 / 13 628,5",
            "2020-12-21",
            "14 122,7",
            ("2019-01", "2019-11"),
        ),
        (
            "Prices for selected goods in October 2023, % (to September 2023 / to December 2022):"
            "\nbread – 100,5 / 103,7\nrice – 101,8 / 107,5",
            "2023-11-08",
            "107,5",
            ("2023-10", "2023-10"),
        ),
        # A present state with nothing that dates it stays undated.
        (
            "Over the past 5 years, 47 schools were built. The rate for enterprises is 3-5%.",
            "2020",
            "3-5%",
            (None, None),
        ),
    ],
)
def test_period_carried_to_figures_without_their_own_time(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


_SPENDING_BY_AREA = (
    "Spending of the state budget amounted to KZT 12.9 trln in January-August. By area:\n"
    "• education – KZT 2.1 trln;\n• healthcare – KZT 1.5 trln;\n• agriculture – KZT 0.4 trln."
)


@pytest.mark.parametrize(
    "text,span,indicator,rule",
    [
        # the rows of a list take the indicator of the whole the list breaks down, named in
        # the sentence that ends on its colon or, after a short header, the sentence before
        (_SPENDING_BY_AREA, "KZT 1.5 trln", "budget_spending", "whole:budget_spending"),
        ("Customs bodies transferred 38.6 billion soms of customs payments to the budget, "
         "including:\n• customs duties – KGS 6.8 bn;\n• other – KGS 2.9 bn.", "KGS 2.9 bn",
         "budget_revenue", "whole:budget_revenue"),
        # a row that names an indicator of its own keeps it
        (_SPENDING_BY_AREA, "KZT 0.4 trln", "agricultural_output", "measured:agriculture"),
        ("Investment in fixed capital reached KZT 900 bln, including:\n– foreign investment – "
         "KZT 300 bln;\n– other – KZT 600 bln.", "KZT 300 bln", "foreign_investment",
         "measured:foreign investment"),
        # and a row labelled by its own colon is no part of the whole
        ("Investment in fixed capital reached KZT 900 bln. Of which:\n– the state budget: KZT 120 "
         "bln;\n– loans: KZT 300 bln.", "KZT 120 bln", "budget_spending", "measured:state budget"),
    ],
)  # fmt: skip
def test_indicator_of_a_row_is_its_wholes(extract, text, span, indicator, rule):
    record = quantity(extract(text, "2022-09-12"), span)
    assert (record["indicator"], record["indicator_rule"]) == (indicator, rule)


@pytest.mark.parametrize(
    "text,span,indicator,rule",
    [
        # a bare index is the one the text named last
        ("In October 2023 the consumer price index was 100,6%. Potatoes got cheaper after the "
         "harvest. By region, the October index was highest in Sughd region (100,9%).", "100,9%",
         "inflation", "index:inflation"),
        # a row of a table goes on in its caption: crops' hectares under a sowing caption
        ("Sowing by crop, thou. ha (sown / plan / % of plan):\nWheat – 6 874,5 / 12 960,0 / "
         "53,0\nBarley – 1 402,7 / 2 815,3 / 49,8", "2 815,3", "sown_area", "sentence:sown"),
        # a crop's share where the clause says it was sown
        ("In the south, cotton has been sown on 91,6% of the plan area.", "91,6%", "sown_area",
         "clause:has been sown"),
        # a good's row under a table's caption of prices is its price's growth
        ("Price indices for selected goods in October 2023, % (to September 2023 / to December "
         "2022):\nwheat flour, first grade – 100,9 / 104,2\nrice – 101,8 / 107,5", "107,5",
         "inflation", "header:price"),
    ],
)  # fmt: skip
def test_indicator_of_an_index_a_table_row_and_a_sown_crop(extract, text, span, indicator, rule):
    record = quantity(extract(text, "2023-11-08"), span)
    assert (record["indicator"], record["indicator_rule"]) == (indicator, rule)


_INVESTMENT = "Fixed capital investment in the region grew to 840 billion tenge in 2023.\n\n"


@pytest.mark.parametrize(
    "text,span,indicator",
    [
        # rows no cue names go on in the indicator of the amount before
        (_INVESTMENT + "By district, the largest volumes went to:\n– Ayagoz district – KZT 96.4 "
         "bln;\n– Urzhar district – KZT 51.2 bln.", "KZT 51.2 bln", "investment"),
        # not to amounts that count something else
        (_INVESTMENT + "By district, the largest volumes went to:\n– Ayagoz district – 96.4 "
         "thousand tons;\n– Urzhar district – 51.2 thousand tons.", "51.2 thousand tons", None),
        # nor past a paragraph between
        (_INVESTMENT + "The akim spoke at length.\n\nBy district, the largest volumes went "
         "to:\n– Ayagoz district – KZT 96.4 bln;\n– Urzhar district – KZT 51.2 bln.",
         "KZT 51.2 bln", None),
    ],
)  # fmt: skip
def test_indicator_carried_from_the_amount_before(extract, text, span, indicator):
    record = quantity(extract(text, "2024-02-01"), span)
    assert record["indicator"] == indicator
    assert (record["indicator_rule"] or "").startswith("carried:") == (indicator is not None)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # "in the amount of" on the verb: the object, else the subject, never the recipients.
        ("Microcredits were issued to 17,3 thousand people in the amount of KZT112.4bn.",
         "KZT112.4bn", "microcredit"),
        ("Some 8,900 farmers used this support in the amount of 150 bln tenge.",
         "150 bln tenge", "support"),
        ("Loans were issued to 300 farmers in the amount of 5 billion tenge.",
         "5 billion tenge", "loan"),
        # "at the level of": the level of the subject.
        ("The unemployment rate in the country remains at the level of 4.7%.",
         "4.7%", "unemployment rate"),
        ("Inflation was kept at the level of 8.4%.", "8.4%", "Inflation"),
        # An amount given for a purpose measures the purpose.
        ("TNK Kazchrome JSC allocated KZT 11.8 billion for the construction of new units.",
         "KZT 11.8 billion", "construction"),
        ("The fund will allocate 300 bln tenge for preferential leasing.",
         "300 bln tenge", "preferential leasing"),
        ("The company spent $ 5 million on new equipment.", "$ 5 million", "new equipment"),
        ("In 2022, 1.5 bln som was directed to the construction of 9 schools.", "1.5 bln som",
         "construction"),
        # money spent on "it", "them" or "this" is of the noun the pronoun points back to,
        # the nearest of its number before the amount
        ("About 40 thousand pensioners received a social supplement, and 1.21 billion "
         "rubles was spent on it.", "1.21 billion rubles", "social supplement"),
        ("24,1 thousand people took part in paid public works, and 3,6 million somoni was "
         "spent on them.", "3,6 million somoni", "paid public work"),
        ("How much is provided for roads? In 2018 only 91 million rubles were spent on them.",
         "91 million rubles", "road"),
        ("In 2023, 1 146 people moved into new housing. 612 million rubles were spent on this.",
         "612 million rubles", "new housing"),
        # a pronoun with no noun of its number before it points nowhere
        ("It is a hard year. 91 million rubles were spent on them.", "91 million rubles",
         "spending"),
        # an act named by its verb alone is what the money measures
        ("Contractors overstated the earthworks, and 3.9 billion soums was overpaid to them.",
         "3.9 billion soums", "overpayment"),
        ("In 2021 the bank disbursed 45 million dollars under the loan.", "45 million dollars",
         "disbursement"),
        # where money went back to is no purpose, and giving it back says nothing of what
        # it is: money returned, restored, recovered or refunded is money
        ("By 1 April, 148,2 billion soums had been returned to the budget.",
         "148,2 billion soums", "money"),
        ("As of 1 April, 17,4 million somoni had been restored to the budget.",
         "17,4 million somoni", "money"),
        ("So far 2.6 bln tenge has been returned.", "2.6 bln tenge", "money"),
        ("During the audit, 1,940.0 million tenge was recovered.", "1,940.0 million tenge",
         "money"),
        # what its clause names still comes first; land returned to use is no money
        ("Unspent balances of 6 714 thousand tenge were returned to the budget.",
         "6 714 thousand tenge", "Unspent balance"),
        ("So far 38 thousand hectares of irrigated land have been returned to use.",
         "38 thousand hectares", "irrigated land"),
    ],
)  # fmt: skip
def test_measured_of_amount_phrases_and_purposes(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # Amounts in one list measure the same thing.
        ("The plants have an installed capacity of 4 000 MW and 1 000 MW respectively.",
         "1 000 MW", "installed capacity"),
        ("The company shipped 14.6, 9.8 and 2.3 thousand tons of copper concentrates.",
         "14.6", "copper concentrate"),
        # The verb outside the amount governs it, even when "bln" is tagged as a verb.
        ("Investments in fixed capital grew 1.4 times and reached KZT 687 bln in 2023.",
         "KZT 687 bln", "investment"),
        # A capitalised common noun opening a sentence can be what is measured.
        ("Metallurgy, which accounts for about 40% of manufacturing, grew by 2,3%.",
         "2,3%", "Metallurgy"),
    ],
)  # fmt: skip
def test_measured_shared_and_governed(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # A measure against a base (plan, forecast, GDP) is of the clause's subject ...
        ("The deficit of the budget will be reduced from 2.7% of GDP in 2025.", "2.7%", "deficit"),
        ("Fruit and vegetable exports amounted to 104, 6% of the forecast.", "104, 6%", "Fruit"),
        # ... or, when the subject points back, of the amount before it.
        ("Industrial output reached 3 trillion soum. This is 124.5% of the forecast.",
         "124.5%", "Industrial output"),
        # A part is what its clause says it is, else of the whole before it.
        ("The harvest amounted to 6.2 million tons of grain. Of these, 4.9 million tons is wheat.",
         "4.9 million tons", "wheat"),
        ("The company produced 3 600 tons of knitted fabric. Of which 2 900 tons were "
         "processed into finished products.", "2 900 tons", "knitted fabric"),
        ("Exports reached $ 212 million. Of these, the share of finished garments was 41%.",
         "41%", "share"),
        # A share that names its own whole keeps it.
        ("In 2025, 12.3 trillion tenge, or 47.5% of all expenditures, will go to the social "
         "sphere.", "47.5%", "expenditure"),
        # A pronoun subject stands for the share named before it.
        ("We are increasing the share of primary health care: in 2021 it was 34%.",
         "34%", "share"),
        # "a 1.4-fold increase": of what grew.
        ("The plant produced 3 600 tons of knitted fabric, a 1.4-fold increase.",
         "1.4-fold", "knitted fabric"),
    ],
)  # fmt: skip
def test_measured_refers_back(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # A headline's figures take the period the report is about.
        ("Bishkek mayor sums up 2022: 96 km of roads and 120 new buses\n\n"
         "BISHKEK, 20 December 2022 – The mayor spoke at a briefing.",
         "2022-12-20", "96 km", ("2022", "2022")),
        # What was done cannot lie after the day it is told: the draft budget for the years
        # ahead is not the period of the execution figures.
        ("Budget for 2025-2027 and results of January-September 2024 considered\n\n"
         "ASTANA, 8 October 2024 – The draft budget for 2025-2027 and the execution of the "
         "budget for January-September 2024 were considered.\n\n"
         "Tax revenues reached 9 trillion 740 billion tenge.",
         "2024-10-08", "9 trillion 740 billion tenge", ("2024-01", "2024-09")),
        # "the first results" of a year not yet over are of the months the paragraph names
        ('PRESS CONFERENCE "PRICES: THE FIRST RESULTS OF 2015"\n\n'
         "Saratov, 11 February 2015\n\n"
         "O. MIRONOV: Food prices rose by 5.9 percent in January. The biggest increases were "
         "for vegetables: cabbage by 28.4 percent, onions by 21.7 percent.",
         "2015-02-11", "28.4 percent", ("2015-01", "2015-01")),
        # a month an earlier sentence names in a report on a year already over dates only
        # that event
        ("Mayor sums up 2022\n\nBISHKEK, 20 January 2023 – In September the new School No. 21 "
         "opened. Two kindergartens for 280 places were built.",
         "2023-01-20", "280 places", ("2022", "2022")),
    ],
)  # fmt: skip
def test_report_period(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp("Mayor sums up 2022: 96 km of roads\n\nBISHKEK, 20 December 2022 – He spoke.")
    first = next(iter(doc.sents))
    assert "BISHKEK" not in first.text


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        ("Revenues are planned at 20.4, 22.1 and 24.3 trillion tenge in 2025, 2026 and 2027 "
         "respectively.", "2024-10", "22.1", ("2026", "2026")),
        ("Since 2021, 40 villages were connected to water. So far 96.8% of the rural "
         "population has access to it.", "2023-11-02", "96.8%", ("2023-11-02", "2023-11-02")),
        ("The share of tourism, currently 6.8%, should reach 10-12% by 2030.",
         "2024-08-15", "6.8%", ("2024-08-15", "2024-08-15")),
    ],
)  # fmt: skip
def test_period_respectively_and_now(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # The body says the headline's figure again with its time.
        ("Energy ministry: 2.4 million tons of coal stockpiled\n\nBISHKEK, 9 November 2022 - "
         "As of 8 November, 2.4 million tons of coal have been stockpiled.",
         "2022-11-09", "2.4 million tons", ("2022-11-08", "2022-11-08")),
        ("Akimat: 58 percent of streets lit\n\nIn 2021 the akimat lit 58 percent of the "
         "city's streets.", "2022-01-20", "58 percent", ("2021", "2021")),
        # The same value in another unit is another figure.
        ("Energy ministry: 2.4 thousand tons of coal stockpiled\n\nBISHKEK, 9 November 2022 - "
         "As of 8 November, 2.4 million tons of coal have been stockpiled.",
         "2022-11-09", "2.4 thousand tons", (None, None)),
        # A headline with its own time keeps it.
        ("Results of 2019: herd up 4.5%\n\nAs of 1 January 2020 the herd was up 4.5%.",
         "2020-02-10", "4.5%", ("2019", "2019")),
    ],
)  # fmt: skip
def test_period_of_a_headline_figure_the_body_restates(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # A bulletin "as of" a day: what has been done is as of that day, whether the
        # lead follows the headline or a dateline paragraph of its own.
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nWinter wheat has been harvested on 512 thousand hectares.",
         "2013-08-09", "512 thousand hectares", ("2013-08-08", "2013-08-08")),
        ("Grain threshed on 61 percent of the area\n\nSARATOV, 9 August 2013 – Press service\n\n"
         "As of 8 August, farmers have threshed 1,1 million hectares.\n\nWinter wheat has been "
         "harvested on 512 thousand hectares.",
         "2013-08-09", "512 thousand hectares", ("2013-08-08", "2013-08-08")),
        # under the page's date and time line and a currency ticker, after a dateline
        ("Over 263 thousand tons of raw cotton harvested\n\n28.10.2014 14:05\n\nNBT rates for "
         "28.10.2014: USD 5.0810 | EUR 6.4532\n\nDUSHANBE, October 28 (Khovar) – As of October "
         "27, farms have harvested 263.4 thousand tons of raw cotton.\n\nKhatlon region has "
         "harvested 171.6 thousand tons.",
         "2014-10-28", "171.6 thousand tons", ("2014-10-27", "2014-10-27")),
        # a yield gathered so far is of that day too
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nThe highest yields have been obtained in Balashovsky "
         "district – 31,4 centners per hectare.",
         "2013-08-09", "31,4 centners per hectare", ("2013-08-08", "2013-08-08")),
        # "As of" opening the paragraph after the lead, under a long dateline line
        ("Siberia has threshed 84 percent of grain fields\n\nNOVOSIBIRSK, 8 October 2014 – "
         "Press service of the Office of the Plenipotentiary Representative of the President "
         "of the Russian Federation in the Siberian Federal District\n\nThe envoy held a "
         "meeting on the harvest.\n\nAs of 6 October, farms had threshed grain on 4 million "
         "hectares.\n\nPotatoes have been dug on 96 percent of the area.",
         "2014-10-08", "96 percent", ("2014-10-06", "2014-10-06")),
        # in the body, "As of" a day is no bulletin's day, but the present perfects after it
        # stand done as of that day (period.perfect_now)
        ("Siberia has threshed 84 percent of grain fields\n\nThe envoy held a meeting on the "
         "harvest.\n\nFarms are busy.\n\nAs of 6 October, farms had threshed grain on 4 "
         "million hectares.\n\nPotatoes have been dug on 96 percent of the area.",
         "2014-10-08", "96 percent", ("2014-10-06", "2014-10-06")),
        # a paragraph told as of a day of its own keeps it
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nAs of 1 August, 17,2 bln rubles of subsidies had been paid, "
         "but only 2,25 bln rubles has reached the farmers.",
         "2013-08-09", "2,25 bln rubles", ("2013-08-01", "2013-08-01")),
        # a present state, or a list line with no verb, is as of the bulletin's day too ...
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nThe barley yield, 14,1 c/ha, is higher than a year ago.",
         "2013-08-09", "14,1 c/ha", ("2013-08-08", "2013-08-08")),
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nOther crops:\n– vegetables – 1 023,7 thous. tons;\n– melons "
         "– 96 thous. tons.", "2013-08-09", "1 023,7 thous. tons", ("2013-08-08", "2013-08-08")),
        # ... but not a capacity or an age
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nThe total storage capacity is 3,6 million tons.",
         "2013-08-09", "3,6 million tons", (None, None)),
        ("Grain threshed on 61 percent of the area\n\nAs of 8 August, farmers have threshed "
         "1,1 million hectares.\n\nMost combines are older than ten years.",
         "2013-08-09", "ten years", (None, None)),
    ],
)  # fmt: skip
def test_period_of_a_bulletin_as_of_a_day(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # A present perfect stands done on the day it is told ...
        ("Construction began in 2017.\n\nThe plant has created 640 permanent jobs.",
         "2019-09-05", "640 permanent jobs", ("2019-09-05", "2019-09-05")),
        # ... unless its paragraph names the period
        ("In 2018 the region's economy grew. The region has attracted 1.2 trillion tenge of "
         "investment.", "2019-02-01", "1.2 trillion tenge", ("2018", "2018")),
        # ... and a past perfect is no present one.
        ("Construction began in 2017.\n\nBy then the company had invested 40 million dollars.",
         "2019-09-05", "40 million dollars", ("2017", "2017")),
        # After a sentence told "As of" a day, what stands done is as of that day ...
        ("As of 1 November 2016, 131 houses have been built.\n\nSchools. All 6 damaged "
         "medical facilities have been restored.", "2016-11-18", "6 damaged medical facilities",
         ("2016-11-01", "2016-11-01")),
        # ... if that day is at most a month before the document's
        ("As of 1 May 2016, 131 houses had been built.\n\nSchools. All 6 damaged medical "
         "facilities have been restored.", "2016-11-18", "6 damaged medical facilities",
         ("2016-11-18", "2016-11-18")),
    ],
)  # fmt: skip
def test_period_of_a_present_perfect(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # A time in brackets with an amount of its own is that amount's ...
        ("In 2013 the chamber audited 41 bodies. Violations worth 2,9 billion rubles were "
         "revealed (in 2012 – 1,87 billion rubles).", "2014-03-19", "2,9 billion rubles",
         ("2013", "2013")),
        ("In 2013 the chamber audited 41 bodies. Violations worth 2,9 billion rubles were "
         "revealed (in 2012 – 1,87 billion rubles).", "2014-03-19", "1,87 billion rubles",
         ("2012", "2012")),
        # ... a time alone in brackets labels what it follows.
        ("Exports (January-August) – $1.27 bn.", "2024-09-20", "$1.27 bn",
         ("2024-01", "2024-08")),
    ],
)  # fmt: skip
def test_period_of_brackets(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # a time labelling its line is the period of every amount on it
        ("Targets:\n- 2025: 75 percent of villages; sewerage coverage in towns of 40 percent;\n"
         "- 2030: 100 percent of villages.", "2022-04-14", "40 percent", ("2025", "2025")),
        ("Targets:\n2027 – sewerage in towns, 50 percent; water in villages, 85 percent.",
         "2022-04-14", "85 percent", ("2027", "2027")),
    ],
)  # fmt: skip
def test_period_of_a_line_a_time_labels(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # a later clause's time is that clause's, whether or not the amount's has one (with
        # no paragraph around them, these amounts have no period)
        ("The sector employs 340 thousand people, while ten years ago it was 160 thousand.",
         "2024-10-17", "340 thousand people", (None, None)),
        ("The sown area is 258 thousand hectares, and by 2020 we plan to return 30 thousand "
         "hectares.", "2016-12-20", "258 thousand hectares", (None, None)),
    ],
)  # fmt: skip
def test_period_not_from_a_later_clause(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


def test_a_time_inside_a_line_labels_nothing(extract):
    records = extract(
        "Coverage reached 31 percent in 2022; in towns it is 40 percent.", date="2022"
    )
    assert quantity(records, "40 percent")["period_rule"] != "period.line_label"


@pytest.mark.parametrize(
    "text,span,head",
    [
        # A size or age is of the thing named before it, or of the subject.
        ("They rebuilt the Karaganda – Balkhash highway, 363km long.", "363km", "highway"),
        ("A horizontal well 2 100 m long was drilled.", "2 100 m", "horizontal well"),
        ("About 60% of the canals are more than 50 years old.", "50 years", "canal"),
        # Land worked on or harvested from is an area, or what the clause says grew on it.
        ("Sowing will be completed on the remaining 4 200 ha.", "4 200 ha", "area"),
        ("Spring sowing was carried out on 1,2 million hectares.", "1,2 million hectares", "area"),
        ("Grain crops were threshed from 4,6 million hectares.", "4,6 million hectares", "grain crop"),
        ("New intensive orchards were laid on 2 850ha.", "2 850ha", "new intensive orchard"),
        # (a passive the parser gave no subject: the noun before its auxiliaries, past a
        # place it is in)
        ("In Bashkortostan grain has been threshed on 1.38 million hectares.",
         "1.38 million hectares", "grain"),
        ("As of 1 October, grain and leguminous crops in Bashkortostan have been threshed on "
         "1.38 million hectares.", "1.38 million hectares", "leguminous crop"),
        ("Drip irrigation was introduced on another 6,200 hectares.", "6,200 hectares", "drip irrigation"),
        ("In Akkol the farm dug potatoes from 397ha.", "397ha", "potato"),
        # "in X" after money names what it is for; after other units it does not.
        ("Farmers received KZT 286.4 bln in subsidies.", "KZT 286.4 bln", "subsid"),
        ("The share has grown to 30% in money terms.", "30%", "share"),
        # A singular noun joined to a plural one shares its head.
        ("Tax and non-tax revenues decreased by 11.3% to RUB 146.8 bln.", "RUB 146.8 bln",
         "non-tax revenue"),
        ("Oil companies paid 21.6 billion roubles of taxes.", "21.6 billion roubles", "tax"),
        ("Farmers lost at least 30 billion tenge.", "30 billion tenge", "loss"),
    ],
)  # fmt: skip
def test_measured_sizes_areas_and_heads(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].lower().startswith(head)


@pytest.mark.parametrize(
    "text,span,measured",
    [
        # Money per physical unit paid "at" or "for": a price.
        ("The corporation will purchase wheat at 105 thousand tenge per ton.",
         "105 thousand tenge per ton", "price"),
        # ... but a tariff that "remains at" its level keeps the subject.
        ("The tariff for the population remains at 1 029 som per Gcal.", "1 029 som per Gcal",
         "tariff"),
    ],
)  # fmt: skip
def test_prices(extract, text, span, measured):
    assert quantity(extract(text), span)["measured"] == measured


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # The base of a comparison is of its own period; the current amount is not.
        ("The subsistence minimum is set at 46 228 tenge for 2025 against 43 407 tenge in 2024.",
         "2025-01", "43 407 tenge", ("2024", "2024")),
        # ... both amounts of a base of two, and the next sentence is not of the base's year
        ("In 2021, 214 forest fires were registered on 3,862 hectares, against 356 fires on "
         "13,140 hectares in 2020.", "2021-10-14", "356 fires", ("2020", "2020")),
        ("In 2021, 214 forest fires were registered on 3,862 hectares, against 356 fires on "
         "13,140 hectares in 2020.", "2021-10-14", "13,140 hectares", ("2020", "2020")),
        ("In 2021, 214 forest fires were registered on 3,862 hectares, against 356 fires on "
         "13,140 hectares in 2020. Forest-covered land accounted for 3,105 hectares.",
         "2021-10-14", "3,105 hectares", ("2021", "2021")),
        ("In January-June 2023, investments amounted to 161.2 bn roubles, or 108,3% of the "
         "same period last year.", "2023-10", "108,3%", ("2023-01", "2023-06")),
        ("On 1 September the reservoir held 13.9 billion cubic meters, which is 1.7 bln m3 less "
         "than on the same date last year.", "2023-09-05", "1.7 bln m3",
         ("2023-09-01", "2023-09-01")),
        # A plan goes on in the period its paragraph set, while that period is not over.
        ("In October 2023 – March 2024, 1.4 billion kWh will be supplied from Kazakhstan. "
         "Imports will cost about 6.8 billion som.", "2023-09", "6.8 billion som",
         ("2023-10", "2024-03")),
        # A year inside a name dates no fact.
        ("Under the Law \"On the Republican Budget for 2025-2027\", pensions were raised by 8.5%.",
         "2025-01", "8.5%", (None, None)),
    ],
)  # fmt: skip
def test_period_of_bases_plans_and_names(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,span,head",
    [
        ("The audit covered 38 budget programmes for a total of 286 billion tenge.",
         "286 billion tenge", "budget programme"),
        ("Kazakhstan supplied 1.2 million tons of wheat to Uzbekistan for a total of $598 "
         "million.", "$598 million", "supply"),
        ("This year the poverty line is 70% of the subsistence minimum.", "70%", "poverty line"),
        # "Exports" opening a sentence is no event ("Expo" is a whole word).
        ("Exports of Uzbek goods grew by 21.4% and amounted to $1.43 bn.", "$1.43 bn", "export"),
    ],
)  # fmt: skip
def test_measured_totals_and_shares_of_subjects(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


def test_a_dateline_is_a_sentence_of_its_own(nlp):
    doc = nlp("News\n\nTASHKENT, 2 March 2024 – Trade turnover reached $4.6 billion.")
    assert [s.text.strip() for s in doc.sents][1:] == [
        "TASHKENT, 2 March 2024 –",
        "Trade turnover reached $4.6 billion.",
    ]


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # "Today" in a report names the present, not the period of what was done.
        ("Shymkent akim reports on the results of 2023\n\nSHYMKENT, 20 February 2024 – The akim "
         "reported on the results of 2023.\n\nToday 812 buses serve 94 routes. 14 km of bus "
         "lanes were marked.", "2024-02-20", "14 km", ("2023", "2023")),
        # A present passive or progressive, and a price, hold on the day they are told.
        ("Krasny Yar has water only in its old part: 38 percent of houses are connected to it.",
         "2021-03-24", "38 percent", ("2021-03-24", "2021-03-24")),
        ("More than 14.6 thousand combines are working in the fields.", "2019-09-24",
         "14.6 thousand combines", ("2019-09-24", "2019-09-24")),
        ("The price of coal at the mines is kept at 5 800-7 200 tenge per ton.", "2014-08-19",
         "5 800-7 200 tenge per ton", ("2014-08-19", "2014-08-19")),
        # ... a capacity does not
        ("The plant has a capacity of 150 tons per day.", "2014-08-19", "150 tons per day", (None, None)),
        # A change is of the current period, not of the base it is compared with.
        ("Forum results for 4-5 October\n\nNOVOSIBIRSK, 5 October 2023 – The forum was held on "
         "4-5 October.\n\nLast year, 41 agreements were signed. Thus the number of documents "
         "increased 1.4 times.", "2023-10-05", "1.4 times", ("2023-10-04", "2023-10-05")),
    ],
)  # fmt: skip
def test_period_today_and_changes(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,span,head",
    [
        ("Exports included 148.3, 96 and 41.7 thousand tons of tomatoes, grapes and apricots "
         "respectively.", "96", "grape"),
        ("The minimum pension has grown 1.4 times, and the subsistence minimum – by 28%.", "28%",
         "subsistence minimum"),
        # a place before the dash says whose figure, not what of
        ("The largest shares of output belong to these districts (in %): Chust – 11,8; Pap – 11,2; "
         "Uychi – 10,6.", "11,2", "largest share"),
        # "another" N is more of what the amount before measured
        ("Foreign investment reached $ 13.4 billion in 2024. In January-March 2025, another $ 3.9 bln came in.",
         "$ 3.9 bln", "Foreign investment"),
        # a bracket between a dash label and its dash is no label
        ("Indicators: – unemployment rate (ILO methodology) – 5,8%, for men – 5,1%.", "5,8%",
         "unemployment rate"),
        # a noun right before "up to" names what the limit is of
        ("The tariff is 1.37 som per kWh for consumption up to 700 kWh a month.", "700 kWh a month",
         "consumption"),
        ("Farmers receive subsidies of up to 50 percent.", "50 percent", "subsidy"),
        # money allocated to something measures what it is allocated to
        ("Next year the akimat intends to allocate about 8 billion tenge to the programme.",
         "8 billion tenge", "programme"),
        ("The state will allocate 5 billion tenge to farmers.", "5 billion tenge", "farmer"),
        # a time label before the dash gaps the clause too
        ("In 2021 the share of primary care was 34%, this year – 38,5%.", "38,5%", "share"),
        ("In 2022 the plant produced 5 tons of copper, in 2023 – 7 tons.", "7 tons", "copper"),
    ],
)  # fmt: skip
def test_measured_respectively_and_elliptical(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # "respectively" pairs amounts with coordinated subjects, not with places or with
        # the nouns of a phrase inside the subject.
        ("Exports and imports grew by 12% and 8% respectively.", "8%", "import"),
        ("Mining, electricity supply and water supply accounted for 2,3%, 5,1% and 1,5% "
         "respectively.", "5,1%", "electricity supply"),
        ("Transfers to regional budgets for healthcare and education totalled 612.5 and "
         "438.1 billion tenge respectively.", "438.1 billion tenge", "transfer"),
        # A clause with its verb left out repeats the one before it.
        ("Of this amount, 7,1 billion tenge came from the republican budget and 2,7 billion "
         "tenge from the local budget.", "2,7 billion tenge", "amount"),
        ("Khatlon region has completed 78 percent of its plan, Sughd region 64 percent and "
         "Rasht valley 22 percent.", "22 percent", "plan"),
        # Items labelled by places are figures of what the list's header names.
        ("By regions, the largest volumes of FDI fell on:\n• Tashkent region – $231,4 "
         "million;\n• Navoi region – $187,9 million.", "$187,9 million", "FDI"),
        ("Exports by region were as follows:\n- Almaty region – $412,5 million;\n- Kostanay "
         "region – $318,2 million.", "$412,5 million", "export"),
        # An indicator's abbreviation is a noun whatever the model says.
        ("In Bukhara region, FDI amounted to $96,8 million.", "$96,8 million", "FDI"),
        ("In September alone the FTT amounted to 3 924,7 mln. USD.", "3 924,7 mln. USD", "FTT"),
        ("The largest investors were China (24,6 percent of FDI) and Russia (19,3 percent).",
         "19,3 percent", "FDI"),
        ("It has registered 26 investment projects worth a total of 418.6 billion tenge.",
         "418.6 billion tenge", "investment project"),
        # What is worth the amount is the noun its phrases hang on, not through "of".
        ("In the quarter, 146 projects with foreign participation worth $892 million were "
         "commissioned.", "$892 million", "project"),
        ("We expect the launch of 34 projects worth 295 billion tenge.", "295 billion tenge",
         "project"),
        ("Some 1,700 units of medical equipment worth 64 billion tenge were purchased.",
         "64 billion tenge", "medical equipment"),
        # "make up" states a share of its subject.
        ("Girls made up 48,6 percent of all pupils.", "48,6 percent", "girl"),
        # A change the subject shows, or set beside an amount, is of what changes; a
        # change noun with its own modifier names it.
        ("Industrial output showed an increase of 3.9 percent.", "3.9 percent",
         "Industrial output"),
        ("The average monthly salary – 29 314 rubles, growth of 9,6 percent.", "9,6 percent",
         "average monthly salary"),
        ("The forecast sets GDP growth of 4%.", "4%", "GDP growth"),
        # An amount per hectare of a crop is a yield, whoever gathered it.
        ("In the dry districts farmers have gathered only 7-9 centners per hectare.",
         "7-9 centners per hectare", "yield"),
        ("The highest yields are in Balashovsky district – 31,4 c/ha, Arkadaksky – 29,8 c/ha.",
         "29,8 c/ha", "highest yield"),
        ("The barley yield reached 14,1 c/ha.", "14,1 c/ha", "barley yield"),
        # A comparison is of the amount compared, not of one that says where.
        ("The company mined 6.82 million tons of ore at its three mines, 4.1 percent more "
         "than in 2018.", "4.1 percent", "ore"),
        ("Farmers received diesel fuel at 172 tenge per liter, against 194 tenge per liter "
         "at filling stations.", "194 tenge per liter", "price"),
        # What the words after an amount compare.
        ("The new lamps consume 42% less electricity than the old ones.", "42%", "electricity"),
        ("The rivers will carry 15-20 percent less water than usual.", "15-20 percent", "water"),
        ("Farmers will buy fertilizer 15-20 percent cheaper than imported.", "15-20 percent",
         "price"),
        ("The school for 900 places is 14 months behind schedule.", "14 months", "delay"),
        # Money before its verb is for the purpose the verb names, however it is parsed.
        ("Over the three years 1,38 trillion tenge will be allocated for new hospitals.",
         "1,38 trillion tenge", "new hospital"),
        # Persons counted are of what "the number of" names.
        ("The number of foreign tourists reached 2.3 million people.", "2.3 million people",
         "foreign tourist"),
        ("More than 600 people attended the meeting.", "600 people", "person"),
        ("The migration outflow was 7 458 people.", "7 458 people", "migration outflow"),
        ("Every village will get internet at not less than 10 Mbit/s.", "10 Mbit/s", "speed"),
    ],
)  # fmt: skip
def test_measured_of_gapped_clauses_lists_and_respectively(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span",
    [
        # Places paired by "respectively" say where, not what.
        ("Turkey and Switzerland accounted for $366.4 million and $251.6 million "
         "respectively.", "$251.6 million"),
        # A second clause with its own verb is no gap.
        ("Of this amount, 7,1 billion tenge came from the republican budget and 2,7 billion "
         "tenge remains unspent.", "2,7 billion tenge"),
    ],
)  # fmt: skip
def test_measured_not_borrowed_across_places_or_verbs(extract, text, span):
    # (no gap and no "respectively": what the clause names nothing of may still be of the
    # last figure of its unit, measured.unit_in_paragraph, the last resort)
    record = quantity(extract(text), span)
    assert record["measured_rule"] not in ("measured.parallel_gap", "measured.respectively")


@pytest.mark.parametrize(
    "text,span,head",
    [
        # "order" and "time" are idioms only in some company.
        ("The state order for preschool places will be increased by 15%.", "15%", "state order"),
        ("The average waiting time was cut to 12 days.", "12 days", "average waiting time"),
        # A gapped coordination names its own noun.
        ("It is planned to increase the output by 1.6 times, and export by 2.5 times.",
         "2.5 times", "export"),
        # Years after "aged" or "older than" are an age (the gold always accepts "age";
        # the people it describes only sometimes).
        ("The coverage of children aged 3 to 6 years is 100 percent.", "3 to 6 years", "age"),
        ("Every third combine in the district is older than ten years.", "ten years", "age"),
        # ... and so are years before "old", and after who is that old with a bound
        ("And the Tobol group water pipeline? It is 52 years old.", "52 years", "age"),
        ("Of the 642 bridges, most of them are more than fifty years old.", "fifty years", "age"),
        ("I came to the plant in 1985, when I was 18 years old.", "18 years", "age"),
        ("The city built 645 places in nurseries for children under 3 years.", "3 years", "age"),
        ("In December 5 thousand rubles were paid for each child under 8 years.", "8 years",
         "age"),
        ("The benefit is paid for every child from one and a half to three years.",
         "one and a half to three years", "age"),
        ("Of them, 61,2 % are youth at the age till 30 years.", "30 years", "age"),
    ],
)  # fmt: skip
def test_measured_idioms_gaps_and_ages(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # people counted as a change of a population are that change
        ("Natural increase: 26 907 people (in 2018 – 28 114 people).", "26 907 people",
         "natural increase"),
        ("In January-September 2019 the natural decrease of the population amounted to 3,4 "
         "thous. persons.", "3,4 thous. persons", "natural decrease"),
        ("Over the year natural decline fell to 3.2 thousand people.", "3.2 thousand people",
         "natural decline"),
        ("The migration outflow was 5 120 people.", "5 120 people", "migration outflow"),
        # people counted as themselves stay persons
        ("The population grew by 4 thousand people.", "4 thousand people", "population"),
    ],
)  # fmt: skip
def test_people_counted_as_a_population_change(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # a stretch of time in minutes or weeks is of what lasts, not of "minute"
        ("The average interval between buses decreased to 9 minutes.", "9 minutes",
         "average interval"),
        ("On routes 3 and 11 the interval will be cut from 20 to 12 minutes.", "12 minutes",
         "interval"),
        ("Each session of the course lasts 45 minutes.", "45 minutes", "session"),
        ("The repairs of the bridge took three weeks.", "three weeks", "repair"),
    ],
)  # fmt: skip
def test_minutes_and_weeks_measure_what_lasts(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span",
    [
        # years of a span of time are no age, though "over" or "old" is near
        ("The average length of service of the teachers is 18 years.", "18 years"),
        ("The loans are given to young people for up to 10 years.", "10 years"),
        ("Each of the old buses has a service life of 12 years.", "12 years"),
    ],
)  # fmt: skip
def test_years_that_are_no_age(extract, text, span):
    assert quantity(extract(text), span)["measured"] != "age"


def test_an_age_has_no_period(extract):
    doc = extract(
        "In 2023 the district had 14 reservoirs more than 40 years old.", date="2024-02-01"
    )
    assert period_of(doc, "40 years") == (None, None)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # money after "for which" is for the noun its relative clause hangs on ...
        ("About 62 thousand low-income families receive compensation for electricity costs, "
         "for which 540 million som is provided in the republican budget.", "540 million som",
         "compensation"),
        ("The ministry must complete the Vose inter-district water pipeline, for which 22 560,0 "
         "thousand somoni are provided this year.", "22 560,0 thousand somoni",
         "inter-district water pipeline"),
        ("In Konakovo, a kindergarten for 240 places, for which 186,4 million rubles were "
         "allocated in 2011-2013, has not been opened.", "186,4 million rubles", "kindergarten"),
        # ... and, hung on a verb, for the purposes named before
        ("In 2022 the ministry plans to repair 1 300 km of roads and to build and reconstruct "
         "170 km, for which 14,2 billion soms is provided.", "14,2 billion soms", "purposes"),
    ],
)  # fmt: skip
def test_money_for_which(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


def test_money_for_these_purposes_measures_the_purposes(extract):
    text = "The highway was repaired. For these purposes 96,3 billion tenge was allocated."
    assert quantity(extract(text), "96,3 billion tenge")["measured"] == "purposes"


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # Members of one list share the period of the member before them.
        ("In 2025, 12.3 trillion tenge will go to the social sphere. Of these, pensions account "
         "for 6.1 trillion, healthcare – 2.9 trillion, education – 2.4 trillion tenge.",
         "2024-10", "2.9 trillion", ("2025", "2025")),
        # A time right after an amount is its own.
        ("The deficit will be reduced from 2.7% of GDP in 2025 to 1.6% in 2027.", "2024-10",
         "1.6%", ("2027", "2027")),
        # A time before a dash labels the gapped clause after it, not the amount before.
        ("We keep raising the share of primary care: in 2021 it was 34%, this year – 38,5%.",
         "2022-05-14", "34%", ("2021", "2021")),
        ("We keep raising the share of primary care: in 2021 it was 34%, this year – 38,5%.",
         "2022-05-14", "38,5%", ("2022", "2022")),
        ("The plant produced 5 tons of copper in 2022, in 2023 – 7 tons.", "2024-02-01",
         "5 tons", ("2022", "2022")),
        # A time in brackets after another amount is that amount's.
        ("Infant mortality was 5.8 per 1,000 live births (6.4 in 2021).", "2023-02-08",
         "6.4", ("2021", "2021")),
        ("In 2022 infant mortality was 5.8 per 1,000 live births (6.4 in 2021).", "2023-02-08",
         "5.8 per 1,000 live births", ("2022", "2022")),
        # "a year ago" beside a day's state is that day a year before
        ("Today the CHP has 310 thousand tons of coal against 285 thousand tons a year ago.",
         "2023-11-03", "285 thousand tons", ("2022-11-03", "2022-11-03")),
    ],
)  # fmt: skip
def test_period_of_list_members_and_adjacent_times(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # a time in a later comma segment that opens on another amount is that amount's
        ("Since the start of the year, 31.2 billion tenge has been paid to farmers, 9.8 billion "
         "tenge of it last week.", "2021-05-11", "31.2 billion tenge", ("2021-01", "2021-05-11")),
        ("Since the start of the year, 31.2 billion tenge has been paid to farmers, 9.8 billion "
         "tenge of it last week.", "2021-05-11", "9.8 billion tenge", ("2021-05-03", "2021-05-09")),
        ("Since January the fund has issued 3 200 loans, 640 of them last month.", "2023-02-01",
         "3 200 loans", ("2023-01", "2023-02-01")),
        ("In 2023 the city built 12 schools, 5 of them in the first half of the year.",
         "2024-02-01", "12 schools", ("2023", "2023")),
        ("This year 420 km of roads will be repaired, about 150 km in May.", "2024-03-01",
         "420 km", ("2024", "2024")),
    ],
)  # fmt: skip
def test_a_later_segment_keeps_its_time(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # A present state holds now: within the paragraph's period if that includes today ...
        ("This year 300 bln tenge is allocated for leasing. The rate for enterprises is 3-5%.",
         "2023-09-27", "3-5%", ("2023", "2023")),
        # ... and undated when the paragraph's period is over.
        ("Over the past 5 years, 47 schools were built. The rate for enterprises is 3-5%.",
         "2020", "3-5%", (None, None)),
        # A period still ahead is what the present tense describes ...
        ("The draft budget for 2014 has been formed. Expenditures are planned at 262 billion "
         "812 million tenge.", "2013-12-11", "262 billion 812 million tenge", ("2014", "2014")),
        ("Under the employment programme, 7,8 billion tenge is planned for 2014. That is 186 "
         "projects for the repair of schools in 74 settlements.", "2013-12-11", "74 settlements",
         ("2014", "2014")),
        # In a report on a closed year, "has", "keep", "deliver" say what holds when told
        ("Akim sums up 2019\n\nIn 2019 the region built 12 schools. Only 61 percent of "
         "households have tap water.", "2020-02-21", "61 percent", ("2020-02-21", "2020-02-21")),
        # In a report on a year, a month named in an earlier sentence dates its own event only
        ("Mayor sums up 2012\n\nIn September the new School No. 21 for 600 pupils opened. Two "
         "kindergartens for 280 places were built.", "2013-02-19", "Two kindergartens",
         ("2012", "2012")),
        # ... not a state as of a point
        ("Mayor sums up 2019\n\nAs of the end of December 2019, 9 214 unemployed were "
         "registered. Women accounted for 53,2% of them.", "2020-03-01", "53,2%",
         ("2019-12", "2019-12")),
        # A past verb of speaking reports no past: what it quotes in the present holds now
        ("Senator Dilorom Fayzieva said that Khiva has only 2 600 hotel beds.", "2019-03-01",
         "2 600 hotel beds", ("2019-03-01", "2019-03-01")),
        ("Unemployment in the district is 7.4 percent, the akim noted.", "2021-05-20",
         "7.4 percent", ("2021-05-20", "2021-05-20")),
        ("The minister told reporters that 412 villages have no gas.", "2022-10-15",
         "412 villages", ("2022-10-15", "2022-10-15")),
        # ... a past event beside the state still makes the sentence a report of the past
        ("The akimat repaired 30 km of roads, and 61 percent of households have tap water.",
         "2020-02-21", "61 percent", (None, None)),
        # ... but "already", "now", "still" say today.
        ("From 1 May the tariff for households will rise to 1,37 soms per kWh. Businesses "
         "already pay 3,6 soms.", "2024-01-23", "3,6 soms", ("2024-01-23", "2024-01-23")),
    ],
)  # fmt: skip
def test_period_of_present_states(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # a document on next year's budget: figures with no time of their own are of that year
        ("Public hearing on the draft city budget for 2020\n\nSome context first.\n\nSpending "
         "is planned at 14.1 billion som.", "2019-10-30", "14.1 billion som", ("2020", "2020")),
        ("Deputies discuss the 2014 budget\n\nThe session opened.\n\nEducation will receive "
         "131,6 billion tenge.", "2013-12-11", "131,6 billion tenge", ("2014", "2014")),
        ("First reading of the regional budget for 2024 and the planning period 2025-2026\n\n"
         "The chair opened the session.\n\nThe deficit is 3.2 billion rubles.", "2023-11-15",
         "3.2 billion rubles", ("2024", "2024")),
        # ... a three-year budget's first year; a budget law's title, whose year is no time
        ("Maslikhat session\n\nThe first item is the regional budget for 2021-2023.\n\n"
         "Transfers from the republican budget come to 214,4 bln tenge.", "2020-12-11",
         "214,4 bln tenge", ("2021", "2021")),
        ("Session of the Majlisi Milli\n\nItem 1. On the Law \"On the State Budget of the "
         "Republic of Tajikistan for 2020\"\n\nThe reserve fund is set at 150.0 million somoni.",
         "2019-11-27", "150.0 million somoni", ("2020", "2020")),
        # ... and a month of the past named in its lead frames none of its figures
        ("Session\n\nThe item is the regional budget for 2021-2023. The draft was formed within "
         "the limits communicated in September.\n\nThe budget remains socially oriented: 50,8 "
         "percent of spending goes to the social sphere.", "2020-12-11", "50,8 percent",
         ("2021", "2021")),
        # ... but what it reports of the past keeps its own period (none here)
        ("Public hearing on the draft city budget for 2020\n\nSome context first.\n\nThe city "
         "repaired 62 kilometres of streets.", "2019-10-30", "62 kilometres", (None, None)),
        # a budget already over is no plan: its execution report is not this rule's
        ("Maslikhat approves the report on the 2018 budget\n\nSome context first.\n\n"
         "Spending is planned at 14.1 billion tenge.", "2019-03-20", "14.1 billion tenge",
         (None, None)),
    ],
)  # fmt: skip
def test_period_of_next_years_budget(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,span,head",
    [
        ("In 2023, Kumtor produced 17.6 tons (565.8 thousand troy ounces) of gold.", "17.6 tons",
         "gold"),
        ("The loss of livestock amounted to 2 860 head of cattle.", "2 860 head", "cattle"),
        ("About 52 billion somoni (about $5.1 billion) has been invested in the project.",
         "52 billion somoni", "investment"),
        ("Oil production amounted to 20.6 million tons, or 98.7% of the 2020 level.", "98.7%",
         "Oil production"),
        # a bracket that counts the same thing in another noun measures that noun
        ("The pipeline now supplies water to 1 380 households (about 6 900 people).",
         "6 900 people", "person"),
        ("The new systems serve 12 villages (41 thousand residents).", "41 thousand residents",
         "resident"),
        # ... but one in the same noun restates the amount before it
        ("Some 1 200 households were connected, 300 households more than planned.",
         "300 households", "household"),
    ],
)  # fmt: skip
def test_measured_past_brackets_classifiers_and_levels(extract, text, span, head):
    assert quantity(extract(text), span)["measured"].startswith(head)


@pytest.mark.parametrize(
    "text,span",
    [
        ("Loans are issued at 2% per annum for up to 19 years.", "19 years"),
        ("Adjustments are published within five working days.", "five working days"),
    ],
)
def test_a_duration_for_or_within_is_a_term(extract, text, span):
    assert quantity(extract(text), span)["measured"] == "term"


@pytest.mark.parametrize(
    "text,span,head",
    [
        # a speaker's turn before a colon: the clause after it has its own subject
        (
            "Aibek Nurlanov, deputy of the Kengash: Losses in the heating networks reached 19 percent.",
            "19 percent",
            "loss",
        ),
        (
            "Nurbek Aliyev, deputy: Losses in the networks are still 17 percent.",
            "17 percent",
            "loss",
        ),
        # a headline topic before a colon read as a second subject
        (
            "Sughd region in first half of 2022: industrial output grew 1,2 times",
            "1,2 times",
            "output",
        ),
        # the parser hangs the subject on a time phrase before it
        (
            "It was noted that in the reporting year gross regional product amounted to 14,2 trillion soums.",
            "14,2 trillion soums",
            "product",
        ),
        # a noun the tagger read as a base-form verb, in a subject's place
        ("In the construction sector, work worth 420 billion tenge was done.", "420 billion tenge", "work"),
        # the generic word that ends a facility's name is what its capacity measures
        ("In 2023 the company commissioned the 50 MW Zhanatas wind farm.", "50 MW", "farm"),
        # an indicator's abbreviation is no name
        ("Nominal GDP next year will reach KZT 160 trln.", "KZT 160 trln", "gdp"),
        # a floor or ceiling between the cue and the amount
        ("We must ensure growth of the gross regional product of at least 5%.", "5%", "product"),
        ("The plan sets an output of not less than 190 thousand tons.", "190 thousand tons", "output"),
        # a time phrase between the subject and its verb is passed over, and a noun it
        # reaches through "of" gives way to the noun the "of" hangs on
        ("According to the regional Department of Finance, revenues of the regional budget for three months amounted to 19.1 billion rubles.",
         "19.1 billion rubles", "revenue"),
        ("According to the ministry, in January-June exports of the region in 2023 amounted to $1.9 billion.",
         "$1.9 billion", "export"),
    ],
)  # fmt: skip
def test_subject_through_parser_quirks(extract, text, span, head):
    assert head_word(quantity(extract(text, date="2024-11-20"), span)["measured"]) == head


@pytest.mark.parametrize(
    "text,date,span,period",
    [
        # a deadline on a verb that modifies the amount is the amount's own
        ("Government considered recovery after the floods: 2 340 houses to be built by 1 September", "2024-06-03", "2 340 houses", ("2024-06-03", "2024-09-01")),
        ("The akim reported that 120 apartments to be handed over by 2026 were started.", "2024-03-01", "120 apartments", ("2024-03-01", "2026")),
    ],
)  # fmt: skip
def test_deadline_of_a_verb_modifying_the_amount(extract, text, date, span, period):
    assert period_of(extract(text, date=date), span) == period


@pytest.mark.parametrize(
    "text,span,head",
    [
        # the base of a comparison is of what it is compared with, whatever its clause says
        ("So far 96.8% of the rural population is provided with water, against 94.1% in 2021.",
         "94.1%", "population"),
        ("The plan is to bring the cotton yield to 27 centners per hectare against 24,6 centners in 2022.",
         "24,6 centners", "yield"),
        ("The company plans to raise steel output to 5.5 million tons (against 3.9 million tons now).",
         "3.9 million tons", "output"),
        ("The share of local content reached 32%, compared with 28% a year earlier.", "28%", "share"),
        ("Unemployment was 4.8 percent, down from 5.1 percent in 2022.", "5.1 percent", "unemployment"),
        # the base's own counted noun stands
        ("The region built 41 schools against 12 kindergartens in 2023.", "12 kindergartens",
         "kindergarten"),
    ],
)  # fmt: skip
def test_measured_of_a_comparison_base(extract, text, span, head):
    assert head_word(quantity(extract(text), span)["measured"]) == head


@pytest.mark.parametrize(
    "text,span,measured",
    [
        # a plural noun the tagger read as a verb ("works", "remittances") is still a noun
        ("Last year, works worth 4 billion 820 million somoni were performed at the site.",
         "4 billion 820 million somoni", "work"),
        ("Last year remittances to Kyrgyzstan amounted to $2.47 billion.", "$2.47 billion", "remittance"),
        # a bracket dropped from the phrase still parts the words around it
        ("Dehkan (farmer) farms account for 64%.", "64%", "farmer farm"),
        ("Non-tax revenues reached 5 billion tenge.", "5 billion tenge", "Non-tax revenue"),
        # a word joined by a hyphen is one word, whichever half the parse takes for the noun
        ("The local budget added 9.2 billion tenge of co-financing.", "9.2 billion tenge",
         "co-financing"),
        ("Unspent funds totalled 71.3 billion tenge. Of them, 27.6 billion is savings, and 43.7 "
         "billion is plain non-execution.", "43.7 billion", "non-execution"),
    ],
)  # fmt: skip
def test_measured_phrase_keeps_the_text_spacing(extract, text, span, measured):
    assert quantity(extract(text), span)["measured"] == measured


@pytest.mark.parametrize(
    "text,span,indicator",
    [
        # a share or change of the amount before is a figure of the same indicator
        ("Exports of vegetables reached 412 thousand tons, 1,3 times more than in 2022.",
         "1,3 times", "exports"),
        ("The region imported 12 thousand tons of poultry meat, 8% more than a year earlier.",
         "8%", "imports"),
        # not across sentences
        ("The region imported 12 thousand tons of poultry meat. Prices rose by 8%.", "8%",
         "inflation"),
        # and of no indicator when the amount before is of none
        ("As of 15 September, 612 thousand tons of coal have been stockpiled at the CHP, or 66.5% "
         "of the plan.", "66.5%", None),
    ],
)  # fmt: skip
def test_indicator_of_a_change_of_the_amount_before(extract, text, span, indicator):
    assert quantity(extract(text), span)["indicator"] == indicator


@pytest.mark.parametrize(
    "text,span,head",
    [
        # money named by nothing but where it comes from
        ("The akimat has requested 31,5 billion tenge from the republican budget for this year.",
         "31,5 billion tenge", "budget"),
        ("In 2020 the region received 14,6 billion rubles from the federal budget for 11 national projects.",
         "14,6 billion rubles", "budget"),
        ("For 2022-2025 we need 412 billion tenge from all sources.", "412 billion tenge", "source"),
        # coordinated shares end on one noun
        ("About 96.2% of urban and 88,4% of rural residents have access to central water supply.",
         "96.2%", "resident"),
        # a share of a counted amount is of the counted noun
        ("In 2021, 27% of the 5 818 projects were not completed on time.", "27%", "project"),
        # dashed list labels that do not end on a common noun
        ("The project was financed by three sources:\n– a loan from the Eurasian Development Bank – $86 million for 15 years;\n– a credit line of the Export-Import Bank of China – $62 million.",
         "$86 million", "loan"),
        ("The project was financed by three sources:\n– a loan from the Eurasian Development Bank – $86 million for 15 years;\n– a credit line of the Export-Import Bank of China – $62 million.",
         "$62 million", "line"),
        ("The indices for January-August were as follows:\n– mining and quarrying – 106,8%;\n– manufacturing – 102,4%;",
         "106,8%", "mining"),
        ("The indices for January-August were as follows:\n– mining and quarrying – 106,8%;\n– manufacturing – 102,4%;",
         "102,4%", "manufacturing"),
        ("Gas output grew by 2%, and oil production in the south of Tyumen region – by 1.5%.",
         "1.5%", "production"),
        # a clause that repeats a change names what it changes
        ("GRP increased from 5,9 billion somoni in 2011 to 19,8 billion somoni in 2020, and the "
         "average monthly wage from 362 to 1 046 somoni.", "1 046 somoni", "wage"),
        # "in the range of" hands the amount to the noun before it, like "at the level of"
        ("The forecast envisages inflation in the range of 7,5-9,5%.", "7,5-9,5%", "inflation"),
        # a plural noun the tagger read as a verb still labels a gapped item ...
        ("Dehkan farms produced 64% of the output, households 31% and agricultural enterprises 5%.",
         "31%", "household"),
        # ... but a clause's own verb does not ("remains high and averages 68 percent")
        ("The wear of heat networks remains high and averages 68 percent.", "68 percent", "wear"),
        # a "which" that stands for the clause before takes that clause's subject
        ("The construction of water supply systems in 156 villages is planned for next year, "
         "which requires KZT 94 bln.", "KZT 94 bln", "construction"),
        # "amount to" read as a noun: the sentence's head is the subject
        ("Expenditures on education in the state budget for 2018 amount to 3 billion 620 "
         "million somoni.", "3 billion 620 million somoni", "expenditure"),
        # a change set beside an amount with "with" is of what the amount measures
        ("Industrial output amounted to 7 trln. 862, 3 bln. soums, with a growth of 9, 4%.",
         "9, 4%", "output"),
        # land a field work is done on is an area
        ("Anatoly Serbin reported that the krai had threshed 1,85 million hectares.",
         "1,85 million hectares", "area"),
        ("About 820 thousand hectares have not yet been threshed.", "820 thousand hectares", "area"),
        ("On the same date last year, 241,2 thousand hectares had been sown.",
         "241,2 thousand hectares", "area"),
        # ... not land of something named after it
        ("Farmers planted 2,350 hectares of new intensive orchards.", "2,350 hectares", "orchard"),
        # in a sentence that hands money out, money "to" a noun is for it; not to a budget
        ("Spending of 12,7 billion rubles went to the social sphere, including 6,04 billion to "
         "education and 2,33 billion rubles to healthcare.", "2,33 billion rubles", "healthcare"),
        ("The company paid 9.6 billion rubles in taxes, of which 3.8 billion rubles went to the "
         "regional budget and 612 million rubles to city budgets.", "612 million rubles", "tax"),
        # money from a reserve
        ("The ministry was told to find 20 billion tenge from the reserve of the Government.",
         "20 billion tenge", "reserve"),
        # a bracket after where a figure is found is a figure of the clause's subject; one
        # after "N% of X" restates the share; one that names its own noun keeps it
        ("The highest wages were in mining (31 448 som), the lowest in education (9 870 som).",
         "9 870 som", "wage"),
        ("The highest wages were recorded in the production of motor vehicles (58,3 thous. "
         "rubles).", "58,3 thous. rubles", "wage"),
        ("Machinery and equipment accounted for 36,2% of imports (6 954,1 mln. USD).",
         "6 954,1 mln. USD", "machinery"),
        ("Grants went to young entrepreneurs aged 18 to 25 years (23 grants) and to social "
         "enterprises (15 grants).", "15 grants", "grant"),
        ("Growth was led by construction (9.1%) and trade (6.4%).", "6.4%", "trade"),
        # a sector opening its sentence is a noun, though the model reads it as a name
        ("Spending made 36.1 billion soums. Education received 19.8 billion soums, or 54.8 "
         "percent of all spending.", "19.8 billion soums", "education"),
        ("The plan was met. Education received 9.2 billion tenge in the first half.",
         "9.2 billion tenge", "education"),
    ],
)  # fmt: skip
def test_measured_of_sources_shares_and_list_labels(extract, text, span, head):
    assert head_word(quantity(extract(text), span)["measured"]) == head


@pytest.mark.parametrize(
    "text,span,head",
    [
        # money allocated for nothing its clause names is for what the clause or sentence
        # before is about, and stays budget spending
        ("The project has passed the state expertise, and 3,1 billion tenge has been "
         "allocated.", "3,1 billion tenge", "project"),
        ("The school for 600 pupils will cost 1,98 billion tenge in total: in 2014 we "
         "allocate 700 million tenge, the rest in 2015.", "700 million tenge", "school"),
    ],
)  # fmt: skip
def test_money_allocated_for_the_topic_before(extract, text, span, head):
    record = quantity(extract(text, date="2013-12-11"), span)
    assert head_word(record["measured"]) == head
    assert record["indicator"] == "budget_spending"


@pytest.mark.parametrize(
    "text,span",
    [
        # a name alone labels whose figure, not what it is of
        ("Growth by district: Chust – 11,8 percent; Pap – 11,2 percent.", "11,2 percent"),
        # money "in" a time says when
        ("With Afghanistan, trade fell to $47.8 million from $71.2 million in the same period of last year.",
         "$71.2 million"),
    ],
)  # fmt: skip
def test_measured_never_a_name_or_a_time(extract, text, span):
    measured = quantity(extract(text), span)["measured"] or ""
    assert head_word(measured) not in ("pap", "period", "chust")


@pytest.mark.parametrize(
    "text,span,indicator",
    [
        # a nationality or a foreign country before the amount, in its clause
        ("The Swiss firm Holcim will build a cement plant in Shymkent for 120 million euros.",
         "120 million euros", "foreign_investment"),
        ("Three new residents from China and Turkey registered with investments of "
         "22 million dollars, and the zone collected 84 million tenge of taxes.",
         "22 million dollars", "foreign_investment"),
        ("The largest investors in the region were Russia – 1,18 billion tenge and Turkey – "
         "604 million tenge.", "604 million tenge", "foreign_investment"),
        # investors the text calls foreign without naming them, as where the money came from
        ("In 2023, 45 million dollars were invested in the zone by foreign firms.",
         "45 million dollars", "foreign_investment"),
        ("Almost a third of all investments, 96,2 billion tenge, came from foreign companies.",
         "96,2 billion tenge", "foreign_investment"),
        ("Investments reached 24,9 bln. soms, and foreign trade grew.", "24,9 bln. soms",
         "investment"),
        # the document's own country and nationality are not foreign
        ("Kazakh investors put 40 billion tenge of investment into the region.",
         "40 billion tenge", "investment"),
        ("Kazakhstan attracted 15 trillion tenge of investments in 2023.", "15 trillion tenge",
         "investment"),
        # nor is a name in another clause or after the amount
        ("Since 2016, when the Italian company Webuild started the dam, 52 billion somoni "
         "have been invested in the project.", "52 billion somoni", "investment"),
        ("In 2016 the region will commission 11 projects for 96 billion tenge, among them a "
         "Kazakh-Russian meat plant.", "96 billion tenge", "investment"),
    ],
)  # fmt: skip
def test_investment_a_text_calls_foreign(extract, text, span, indicator):
    record = quantity(extract(text), span)
    assert record["indicator"] == indicator
    assert record["indicator_rule"].startswith("foreign:") == (indicator == "foreign_investment")


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        # a plan in a paragraph whose deadline was set before takes it ("is to", "must")
        (
            "The programme sets four targets to be reached by 2025. The share of industry in GDP"
            " is to reach not less than 22 percent.",
            "22 percent",
            ("2020-02-27", "2025"),
        ),
        (
            "The programme sets four targets to be reached by 2025. Industrial output must grow"
            " 2.1 times against 2019.",
            "2.1 times",
            ("2020-02-27", "2025"),
        ),
        # a past result does not take a deadline named before it
        (
            "The programme sets four targets to be reached by 2025. Last year output grew by"
            " 4.1 percent.",
            "4.1 percent",
            ("2019", "2019"),
        ),
    ],
)
def test_a_plan_takes_the_deadline_its_paragraph_set(extract, text, span, period):
    record = quantity(extract(text, "2020-02-27"), span)
    assert (record["time_start"], record["time_end"]) == period


@pytest.mark.parametrize(
    "text",
    [
        # a part of the amount before, in a paragraph of its own, with no noun of its own
        "Free economic zones will host 62 new investment projects with a total cost of $1.14 "
        "billion by the end of 2023.\n\nOf this sum, $846 million will come as foreign direct "
        "investment and $192 million as loans of commercial banks.",
        "It is 12% of the plan. This is 3.1 times more.",
    ],
)
def test_a_linked_field_names_its_rule_only_when_it_is_set(extract, text):
    for record in extract(text, date="2022-09-14"):
        if record["label"] != "QUANTITY":
            continue
        assert (record["measured"] is None) == (record["measured_rule"] is None)
        period = (record["time_start"], record["time_end"])
        assert (period == (None, None)) == (record["period_rule"] is None)


def test_a_paragraph_that_opens_on_a_part_goes_on_in_the_period_before(extract):
    text = (
        "Free economic zones will host 62 new investment projects with a total cost of $1.14 "
        "billion by the end of 2023.\n\nOf this sum, $846 million will come as foreign direct "
        "investment."
    )
    assert period_of(extract(text, date="2022-09-14"), "$846 million") == ("2022-09-14", "2023-12")


@pytest.mark.parametrize(
    "text,span,indicator",
    [
        # the same price for other buyers, after a comma and a conjunction or a "for ... –"
        ("Since 1 January, a single trip costs 38 rubles, or 33 rubles when paid with a card.",
         "33 rubles", "inflation"),
        ("A monthly pass now costs 1 900 rubles, and 950 rubles for schoolchildren.",
         "950 rubles", "inflation"),
        ("A monthly pass cost 1 450 rubles, for pupils and students – 580 rubles.", "580 rubles",
         "inflation"),
        # not money the next clause spends
        ("A single trip costs 38 rubles, and the city paid carriers 900 million rubles in "
         "subsidies.", "900 million rubles", "budget_spending"),
        # nor money after a price that is no price of one thing
        ("The school cost 2 billion tenge, and 300 million tenge went to its equipment.",
         "300 million tenge", "budget_spending"),
    ],
)  # fmt: skip
def test_the_same_price_for_others(extract, text, span, indicator):
    assert quantity(extract(text, "2024-02-01"), span)["indicator"] == indicator


@pytest.mark.parametrize(
    "text,span",
    [
        ("How much is provided for roads? In 2018 only 91 million rubles were spent on them.",
         "91 million rubles"),
        ("About 40 thousand pensioners received a social supplement, and 1.21 billion "
         "rubles was spent on it.", "1.21 billion rubles"),
        # (no word of spending in the sentence: the rule, not the sentence, says it)
        ("A new bridge over the Ural opened; 4 billion tenge was earmarked for it.",
         "4 billion tenge"),
    ],
)  # fmt: skip
def test_money_spent_on_a_thing_named_before_is_spending(extract, text, span):
    assert quantity(extract(text, "2020-02-01"), span)["indicator"] == "budget_spending"


_PARTNERS = (
    "The main partners were:\nChina – 7.6 billion dollars (18.2 percent of turnover);\n"
    "Russia – 6.6 billion (15.8 percent);\nKazakhstan – 3.4 billion (8.1 percent)."
)
_LEADER = (
    "China remains our largest trading partner with 18.1 bln USD, or 18.2% of the turnover, "
    "followed by Russia – 17.9 bln USD (18.0%) and Italy – 12.4 bln USD (12.4%)."
)
_OUTPUT = (
    "Mining rose 4.7%; 15.4% of the industrial output of the republic.\n"
    "• Crude oil – 84.3 thsd tons (96.1%), coal – 412.7 thsd tons (108.9%)."
)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # a bare share in brackets after an amount is of the whole its series named
        (_PARTNERS, "18.2 percent", "turnover"),
        (_PARTNERS, "15.8 percent", "turnover"),
        (_PARTNERS, "8.1 percent", "turnover"),
        (_LEADER, "18.0%", "turnover"),
        (_LEADER, "12.4%", "turnover"),
        # an index against last year is no share, and a share said apart is no series
        (_OUTPUT, "96.1%", "Crude oil"),
        (_OUTPUT, "108.9%", "coal"),
    ],
)
def test_a_series_of_shares_in_brackets(extract, text, span, head):
    record = quantity(extract(text, "2020-02-01"), span)
    assert record["measured"].startswith(head)
    if head == "turnover":  # the indicator of the amount it stands beside
        assert record["indicator"] == "foreign_trade"


_COAL = "The company extracted 11.4 mln tons of coal at its six mines. "
_TOWN = (
    "The urban population numbered 1 106 372 people (80.4%), the rural population 270 568 "
    "people (19.6%)."
)


@pytest.mark.parametrize(
    "text,span,head",
    [
        # a change told without a verb, as a headline tells it, is of the noun before "up"
        # or "down" (up to the first preposition), whatever the parse made of the line
        ("Sangtuda-2 HPP output up 9% in the first half of 2020", "9%", "output"),
        ("Foreign direct investment into Kazakhstan up 18.4% in first quarter", "18.4%",
         "Foreign direct investment"),
        ("Remittances through Tajik banks up 21.4% in first half of 2018, somoni deposits grow",
         "21.4%", "remittance"),
        ("Livestock in January-June 2012: meat output up 2,4 percent to 430,6 thousand tons",
         "430,6 thousand tons", "output"),
        ("Energy minister: Tajikistan generated 20,65 billion kWh in 2019, network losses down "
         "to 15,8 percent", "15,8 percent", "network loss"),
        # "up to" is an upper bound and a clause with its verb is left to the parse
        ("In Saryagash district a family pays up to 6 thousand tenge a month.",
         "6 thousand tenge a month", "payment"),
        ("Over nine months food prices rose by 9.8 percent. Flour and bread went up by 18.4 "
         "percent.", "18.4 percent", "Flour"),
        # who or where tons are yielded says less than the material the tons before were of
        (_COAL + "The Akbastau mine alone gave 2 150 thousand tons.", "2 150 thousand tons",
         "coal"),
        (_COAL + "The Karaganda region gave 7.1 mln tons.", "7.1 mln tons", "coal"),
        # a subject that names a thing measured keeps it
        (_COAL + "Exports reached 3.2 mln tons.", "3.2 mln tons", "export"),
        # a share of a count in persons, heads or pieces is of what the clause counts: its
        # subject, or the noun right before the count where the verb is left out
        (_TOWN, "80.4%", "urban population"),
        (_TOWN, "19.6%", "rural population"),
        ("The number of cattle was 412.6 thousand head, 3.2% more than a year earlier.", "3.2%",
         "cattle"),
    ],
)  # fmt: skip
def test_measured_by_the_words_and_amounts_around(extract, text, span, head):
    assert quantity(extract(text, "2020-07-15"), span)["measured"].startswith(head)
