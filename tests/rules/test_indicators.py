"""The indicator of an amount, from its measured phrase, its unit and its sentence."""

import pytest

from extractor.resources import ResourceError
from extractor.rules.indicators import (
    Indicator,
    IndicatorClassifier,
    default_classifier,
    fold_word,
    load_indicators,
    parse_indicators,
)


def classify_at(measured, unit, sentence, amount=None, before=None):
    """The classifier's decision for the amount that starts with ``amount`` in ``sentence``
    (its first number when none is named)."""
    at = (
        sentence.index(amount)
        if amount is not None
        else next(i for i, ch in enumerate(sentence) if ch.isdigit())
    )
    return default_classifier().classify(measured, unit, sentence, at, before)


@pytest.mark.parametrize(
    "measured,unit,sentence,expected,rule",
    [
        # the measured phrase names it
        ("investment", "KZT", None, "investment", "measured:investment"),
        # what a deposit or store holds, or a technical ratio, is no public indicator
        ("zinc reserve", "t", "Zinc reserves are 16.5 million tons.", None, "measured:reserve (no indicator)"),
        ("coal stock", "t", "Coal stocks at the plant reached 310 thousand tons.", None, "measured:stock (no indicator)"),
        ("copper recovery", "%", "Copper recovery rose to 91 percent.", None, "measured:recovery (no indicator)"),
        ("zinc grade", "%", "The zinc grade fell to 3.1 percent last year.", None, "measured:grade (no indicator)"),
        # a company's own results, and the share of local parts, name no public indicator
        ("net profit", "KZT", "Net profit rose to 97.1 billion tenge.", None, "measured:profit (no indicator)"),
        ("dividend", "KZT", "The dividend is 151 tenge per share.", None, "measured:dividend (no indicator)"),
        ("level of localisation", "%", "The level of localisation reached 31%.", None,
         "measured:localisation (no indicator)"),
        # coal a plant must accumulate is a stock, not production
        ("coal", "t", "The CHPs must accumulate 91 thousand tons of coal.", None, "clause:accumulate (no indicator)"),
        # heat networks are no power, a capacity in MW is power beside "heat" too
        ("steam pipeline", "km", "At the CHP, the company replaced 1.2 km of steam pipelines.", None,
         "clause:steam (no indicator)"),
        ("capacity", "MW", "The CHP's heat and power capacity will reach 410 MW.", "power", "measured:capacity"),
        # the cost of public works (schools, networks, repairs) is spending, not investment
        ("total cost", "KZT", "817 schools for 800 thousand places are to be built at a total cost of 2 trillion 610 billion tenge.",
         "budget_spending", "clause:school"),
        # road safety works are roads; posts of rural medicine are health facilities
        ("traffic light", "light", "Along with the repairs, 18 traffic lights will be installed.", "roads",
         "measured:traffic light"),
        ("medical post", "post", "In 2019, 146 medical posts were built in rural areas.", "health_facilities",
         "measured:medical post"),
        ("volume of investments", "USD", None, "investment", "measured:investment"),
        # the longer cue is the narrower indicator
        ("foreign direct investment", "USD", None, "foreign_investment",
         "measured:foreign direct investment"),
        # money per a physical unit is a price or a tariff, unless a budget pays it
        ("heat energy", "KGS/Gcal", "Heat energy in Bishkek costs 1 171 som per gigacalorie.", "inflation",
         "unit:Gcal (a price)"),
        ("rent", "RUB/m2", "Residents pay a monthly rent of 141 rubles per square metre.", "inflation",
         "unit:m2 (a price)"),
        ("subsidy", "KZT/l", "Dairy farms receive a subsidy of 21 tenge per liter of milk.", "budget_spending",
         "measured:subsidy"),
        # what one of a thing costs is its price
        ("single trip", "RUB", "Since 1 March, a single trip costs 138 rubles.", "inflation", "unit:one (a price)"),
        ("night", "KZT", "A night in a guest house on the lake costs 18 000 tenge.", "inflation",
         "unit:one (a price)"),
        # bank deposits have no id in the taxonomy (not loans)
        ("deposit of individuals", "TJS", "Deposits of individuals in credit institutions reached 4 961 million somoni.",
         None, "measured:deposit (no indicator)"),
        # remittances are incomes (money transfers of individuals from abroad)
        ("remittance", "USD", "Remittances to Tajikistan reached $1.1 billion.", "incomes", "measured:remittance"),
        # foreign trade turnover, "FTT" for short, and a turnover in dollars between countries
        (None, "USD", "In September alone the FTT amounted to 3 914,1 mln. USD.", "foreign_trade", "sentence:FTT"),
        ("turnover", "USD", "The turnover between the two countries reached USD 1.2 bln.", "foreign_trade",
         "measured:turnover"),
        # statistics shorten foreign direct investment to "direct investment"
        ("growth rate of direct investment", "%", None, "foreign_investment",
         "measured:direct investment"),
        # what payers owe or pay a budget beside taxes is its revenue: penalties, excises,
        # customs duties and payments, arrears of taxes and contributions
        ("penalty", "RUB", "Penalties of 3,1 mln. rubles were collected from the contractor.",
         "budget_revenue", "measured:penalty"),
        ("excise", "KGS", "Excises brought KGS 2.1 bn.", "budget_revenue", "measured:excise"),
        ("customs duty", "KGS", "Customs duties gave KGS 6.1 bn.", "budget_revenue",
         "measured:customs duty"),
        ("customs payment", "KGS", "Customs authorities transferred 38,1 billion soms of customs "
         "payments to the budget.", "budget_revenue", "measured:customs payment"),
        ("arrears", "KGS", "Arrears of insurance contributions were 2 billion 941 million som.",
         "budget_revenue", "measured:arrears"),
        ("wage arrears", "RUB", "Wage arrears reached 120 million rubles.", "wages",
         "measured:wage arrears"),
        # houses heated, cold or flooded are no housing built or given
        ("apartment building", "building", "As of this morning heat has reached 2,871 of the "
         "city's 2,958 apartment buildings.", None, "clause:heat (no indicator)"),
        ("house", "house", "In 19 settlements 1 106 houses are flooded.", None,
         "clause:flooded (no indicator)"),
        # money a budget pays the needy, pensioners or each family is a social payment
        ("compensation", "KGS/family", "Low-income families receive a compensation of 3 201 som "
         "per family.", "social_payments", "clause:low-income"),
        ("compensation", "RUB", "Pensioners get a compensation of up to 51 thousand rubles.",
         "social_payments", "clause:pensioner"),
        ("compensation", "KZT", "The akimat paid a compensation of 1 million tenge to the builder.",
         "budget_spending", "measured:compensation"),
        # the cue nearest the phrase's head: revenue of a budget, exports of fruit
        ("budget revenue", "UZS", None, "budget_revenue", "measured:budget revenue"),
        ("state budget revenue", "UZS", None, "budget_revenue", "measured:budget revenue"),
        ("fruit and vegetable export", "%", None, "exports", "measured:export"),
        # the unit rules out a cue's indicator: projects counted, or their money
        ("investment projects", "project", None, "investment_projects",
         "measured:investment project"),
        ("investment project", "KZT", None, "investment", "measured:project"),
        # a cue after a word that makes it something else: a boiler house is no housing
        ("boiler houses", "house", None, None, None),
        # a weak cue ("production") loses to any other in the phrase
        ("poultry production", "t", None, "livestock", "measured:poultry"),
        ("meat production", "%", None, "livestock", "measured:meat production"),
        # a weak cue alone defers to the sentence, and stands where it names nothing
        ("gross output", "%", "In agriculture, the gross output was 104.1%.",
         "agricultural_output", "sentence:agriculture"),
        ("output", "%", "The output rose to 104.1%.", "industrial_output", "measured:output"),
        # a counted noun is what it measures
        (None, "job", None, "jobs_created", "unit:job"),
        # the sentence, when the phrase has no cue: the nearest cue before the amount
        ("index", "%", "Industrial output grew, the index reached 104.2%.", "industrial_output",
         "sentence:industrial output"),
        # a counted noun that one indicator alone counts
        ("new workshop", "production", None, "investment_projects", "only:production"),
        ("new production", "production", None, None, None),  # judged in the phrase
        # hectares: harvested or threshed is the harvest, sown or grown on is sown area,
        # and land that is no farm land is neither
        ("area", "ha", "Grain was threshed on 9.1 million hectares.", "harvest", "sentence:threshed"),
        ("area", "ha", "Farmers sowed sugar beet on 9.1 thousand hectares.", "sown_area", "sentence:sowed"),
        ("area", "ha", "The area under cotton was 176.1 thousand hectares.", "sown_area", "measured:area"),
        ("area", "ha", "The industrial zone occupies 542 hectares, 1 of them is new.", None, None),
        # kWh are power where they are consumed or missing, production where generated
        ("demand", "kWh/day", "The demand for electricity reaches 64 million kWh per day, 1 more.",
         "power", "measured:demand"),
        ("electricity", "kWh", "The plants generated 15.1 billion kWh of electricity.", "production",
         "measured:electricity"),
        # irrigation canals, dams: no public indicator
        ("irrigation canal", "km", "We will rebuild 421 km of irrigation canals.", None,
         "measured:canal (no indicator)"),
        # hotel beds are tourism, hospital beds health
        ("bed", "bed", "37 new hotels with 2,140 beds have been opened.", "tourism", "sentence:hotel"),
        ("bed", "bed", "A new hospital with 150 beds was opened.", "health_facilities",
         "sentence:hospital"),
        # what the clause does with a product says more than the product: exported
        ("cathode copper", "t", "The plant produced 42 thousand tons, of which 16,4 thousand tons were shipped to China.",
         "exports", "clause:were shipped"),
        ("car", "car", "The plant produced 41 thousand cars, of which 9,4 thousand were exported.",
         "production", "measured:car"),
        # coal stored or stockpiled is no production
        ("coal", "t", "As of 1 November, 612 thousand tons of coal have been stockpiled at the CHP.", None,
         "clause:stockpiled (no indicator)"),
        ("coal", "t", "The mine produced 611 thousand tons of coal, and 40 thousand tons were stored.",
         "production", "measured:coal"),
        # a word that is a cue of two indicators: the clause's other cue decides
        ("electricity", "kWh", "In January-October, the country consumed 13.1 billion kWh of electricity.",
         "power", "measured:electricity"),
        ("electricity", "kWh", "Power plants of the region produced 9.1 billion kWh of electricity.",
         "production", "measured:electricity"),
        ("electricity", "kWh", "Electricity: 4.1 billion kWh.", "production", "measured:electricity"),
        # exports and imports come in any physical unit, kWh and cubic metres too
        ("electricity", "kWh", "Of these, 1.87 bln kWh of electricity were exported to Uzbekistan.",
         "exports", "clause:exported"),
        ("gas", "m3", "The country imported 2.1 billion m3 of gas from Russia.", "imports",
         "clause:imported"),
        # bridges, streets and junctions are counted roads; asphalt in square metres too
        ("bridge", "bridge", "The flood damaged 18 bridges.", "roads", "measured:bridge"),
        ("street", "street", "In the new districts, 21 streets were asphalted.", "roads",
         "measured:street"),
        ("area", "m2", "The area of new asphalt pavement exceeded 821 thousand square meters.",
         "roads", "sentence:pavement"),
        # cubic metres of water are water supply where people drink or lack it, not where a
        # reservoir holds or a canal loses them
        ("water", "m3", "Today the region consumes about 150 thousand cubic meters of water per day.",
         "water_supply", "measured:water"),
        ("water", "m3", "The volume of water in the reservoir was 13.9 billion cubic meters.",
         None, None),
        # teachers and classrooms of schools, flats of housing, sites of a road programme
        ("teacher", "teacher", "As of 20 August, the city's schools lacked 741 teachers.", "schools",
         "measured:teachers"),
        ("flat", "flat", "Under the housing programme, 18 buildings with 1 261 flats were built.",
         "housing", "measured:flats"),
        # a tariff's consumption block and heating networks are no power figures
        ("consumption", "kWh/month", "The tariff is 1.37 som per kWh for consumption up to 701 kWh per month.",
         None, "clause:tariff (no indicator)"),
        ("heating network", "km", "This summer, the CHP operator replaced 14.1 km of heating networks.",
         None, "measured:heating network (no indicator)"),
        # a crop processed is production; land under irrigation is sown area
        ("raw cotton", "t", "Last year the clusters processed 511 thousand tons of raw cotton.",
         "production", "clause:processed"),
        ("cotton", "t", "Farmers harvested 511 thousand tons of raw cotton.", "harvest",
         "measured:cotton"),
        (None, "ha", "Farmers will install drip irrigation on 31,000 hectares this year.",
         "sown_area", "sentence:drip irrigation"),
        # coal or grain bought, stored or needed is no production or harvest; a boiler
        # house is no housing
        ("coal", "t", "Turgunbayev reported that 41 thousand tons of coal had been purchased.",
         None, "clause:purchased (no indicator)"),
        ("wheat", "t", "The Food Corporation will buy up to 501 thousand tons of wheat.",
         None, "clause:buy (no indicator)"),
        ("storage capacity", "t", "The grain storage capacity of the region is 3.1 million tons.",
         None, "clause:capacity (no indicator)"),
        ("boiler house", "house", "Housing was repaired and 31 boiler houses were modernized.", None,
         "clause:boiler (no indicator)"),
        # a project's money that a budget allocates or provides is budget spending; what it
        # costs, or what a company invests in it, stays investment
        ("project", "KZT", "The minister said 71 billion tenge has been allocated for the project.",
         "budget_spending", "clause:allocated"),
        ("project", "TJS", "For 2023, the state budget provides 5,1 billion somoni for the project.",
         "budget_spending", "clause:provide"),
        ("cost of project", "KZT", "The cost of the project is estimated at 281 billion tenge.",
         "investment", "measured:cost of project"),
        # what a bank finances is a loan, its projects counted too; people given loans
        ("project", "KZT", "In 2023, the bank financed 17 projects for 61.3 billion tenge.",
         "loans", "clause:bank financed"),
        ("project", "project", "Since January, the bank has approved financing for 21 projects.",
         "loans", "clause:bank has approved"),
        ("project", "project", "The akimat launched 21 projects in the industrial zone.",
         "investment_projects", "measured:project"),
        ("family", "family", "Preferential loans were issued to 9 100 families.", "loans",
         "sentence:preferential loans"),
        # water of rivers, canals and irrigation is no water supply
        ("water loss", "%", "Water losses in the canals reach 41 percent.", None, "measured:water loss (no indicator)"),
        ("flow", "%", "The flow of water in the Amu Darya will be 71 percent of the norm.",
         None, "clause:flow (no indicator)"),
        # in a sentence a cue that names a thing beats a nearer weak one ("budget")
        (None, "RUB", "Revenues of the regional budget amounted to 19.1 billion rubles.",
         "budget_revenue", "sentence:revenue"),
        # a payment to a person is no budget revenue: a benefit paid
        ("one-time payment", "RUB", "Each of them receives a one-time payment of 1 million rubles.",
         "social_payments", "measured:one-time payment"),
        # money a budget provides for payments is spending (GUIDELINES §2.8)
        ("social payment", "KZT", "In total, 71 trillion tenge is provided in the budget for social payments.",
         "budget_spending", "clause:budget"),
        # a share of a product processed is production, not the industry's output
        ("level of processing", "%", "The level of processing of copper ore reached 61 percent.",
         "production", "sentence:ore"),
        # the cost of a public object, and a budget's capital spending executed, are
        # spending (GUIDELINES §5)
        ("project", "KZT", "In Aksu, 12 projects worth 9.4 billion tenge are under way under the town's development plan.",
         "budget_spending", "clause:development plan"),
        ("capital expenditure", "%", "Capital expenditures were executed by 71 percent.",
         "budget_spending", "clause:executed"),
        ("total cost", "KZT", "The total cost of the Shu bypass road is 14 billion tenge.",
         "budget_spending", "clause:road"),
        # the money of a named foreign company is foreign investment (GUIDELINES §5)
        ("investment", "USD", "The British company Silk Ore Resources will invest US$781 mln.",
         "foreign_investment", "clause:British company"),
        # families handed keys or moved to a new microdistrict are housing
        ("family", "family", "In May the akimat handed over keys to 214 families.", "housing", "sentence:keys"),
        # families resettled or waiting for a flat are housing
        ("family", "family", "Since 2009, 6 901 families have been resettled to new villages.",
         "housing", "sentence:resettled"),
        # people a company employs
        ("person", "person", "The company employs 3 471 people.", "employment",
         "sentence:employ"),
        # power grids: substations, transformers, lines
        ("substation", "substation", "This year the company repaired 38 substations of 110-220 kV.", "power",
         "measured:substation"),
        # trade in percent is foreign trade only beside words of foreign trade; "trade"
        # inside "retail trade" speaks for no other indicator
        ("retail trade turnover", "%", "Retail trade turnover reached 108.1%.", "retail_trade",
         "measured:trade turnover"),
        ("trade turnover", "%", "Trade turnover grew to 107.1% of the level of 2022.", "retail_trade",
         "measured:trade turnover"),
        ("trade turnover", "%", "Trade turnover with foreign countries grew by 7.1 percent.",
         "foreign_trade", "measured:trade turnover"),
        ("trade deficit", "USD", "The trade deficit narrowed to $2.1 billion.", "foreign_trade",
         "measured:trade deficit"),
        ("share", "%", "Russia remained the largest trading partner with a share of 21 percent.",
         "foreign_trade", "sentence:trading partner"),
        # units the gold gives these indicators: eggs in pieces, households without water
        ("egg", "piece", "Eggs – 5,1 billion pieces.", "livestock", "measured:eggs"),
        ("household", "household", "About 2 410 households still take water from standpipes.",
         "water_supply", "sentence:water"),
        # ... but a station is no power capacity
        ("gas filling station", "station", "The city has 81 gas filling stations.", None, None),
        # exports of tourism services are the tourism figure
        ("export", "USD", "Exports of tourism services amounted to $1,01 billion.", "tourism",
         "clause:tourism service"),
        ("export", "USD", "Exports of fruit amounted to $1,01 billion.", "exports", "measured:export"),
        # goods shipped abroad are exports
        ("primary aluminium", "t", "TALCO shipped 96.1 thousand tonnes of primary aluminium abroad.",
         "exports", "clause:abroad"),
        # people a new plant is to employ are jobs created; people employed are employment
        ("person", "person", "The new plant will employ 321 people.", "jobs_created", "clause:will employ"),
        ("person", "person", "The company plans to employ 141 people.", "jobs_created", "clause:to employ"),
        ("person", "person", "About 1 201 people were employed during construction.", "employment",
         "sentence:employed"),
        # "executed", "fulfilled", "paid" say how a budget did, not which side: another cue wins
        (None, "KZT", "Expenditures were executed in the amount of 245.1 billion tenge.",
         "budget_spending", "sentence:expenditure"),
        (None, "KZT", "Tax revenues were executed in the amount of 245.1 billion tenge.",
         "budget_revenue", "sentence:tax revenue"),
        (None, "%", "The plan was fulfilled by 101 percent.", "budget_revenue", "sentence:fulfilled"),
        # the cost of (road) works is public spending; a company's capital spending is investment
        ("total cost of road work", "RUB", "The total cost of road works amounted to RUB 12.1 bln.",
         "budget_spending", "measured:cost of road work"),
        ("capital expenditure", "KZT", "Capital expenditure reached 118 billion tenge.", "investment",
         "measured:capital expenditure"),
        # cubic meters are produced gas, not water held in a reservoir
        ("water", "m3", "As of 1 November, the Toktogul reservoir held 13.1 billion cubic meters of water.",
         None, None),
        ("natural gas", "m3", "The field produced 41.1 billion cubic meters of natural gas.", "production",
         "measured:gas"),
        # units beside a capacity in MW are a power plant's
        ("unit", "unit", "Today two units with a capacity of 600 MW each are in operation, and 1 more unit is due.",
         "power", "sentence:capacity"),
        # entrepreneurs given loans are loans; shares of the output by kind of farm are output
        ("rural entrepreneur", "entrepreneur", "Last year 4 871 rural entrepreneurs received microcredits.",
         "loans", "clause:microcredit"),
        ("output", "%", "Dehkan farms produced 61% of the gross output.", "agricultural_output",
         "sentence:dehkan farms"),
        # investment a nationality names is foreign investment
        ("investment", "USD", "The plant was built in 2015-2016 with Chinese investment of $261 million.",
         "foreign_investment", "clause:Chinese investment"),
        # a list of names does not end the clause; a comma between clauses does
        ("investment", "RUB", "Foreign investors from Germany, Japan and Turkey invested 14,2 billion rubles.",
         "foreign_investment", "clause:foreign investor"),
        ("investment", "RUB", "Foreign investors came, and local firms invested 14,2 billion rubles.",
         "investment", "measured:investment"),
        # airlines, locomotives and train pairs are transport; mahallas given water, water
        ("foreign airline", "airline", "Today 21 foreign airlines fly to Kazakhstan.",
         "transport", "measured:airline"),
        ("electric locomotive", "locomotive", "The company is to buy 21 electric locomotives.",
         "transport", "measured:electric locomotives"),
        # housing counts what is built or given, never money: money for housing is spent
        ("housing programme", "KZT", "During this period, 1 trillion tenge was allocated to housing programmes.",
         "budget_spending", "sentence:allocated"),
        ("utility", "RUB", "Of the spending, housing and utilities received 401.3 million rubles.",
         "budget_spending", "sentence:spending"),
        ("housing", "m2", "The region commissioned 1 million square meters of housing.", "housing",
         "measured:housing"),
        # the share of a raw material processed is industry's; the tons processed, production
        ("share of cotton fibre", "%", "By 2025 the share of cotton fibre processed locally should rise to 41 percent.",
         "industrial_output", "clause:processed"),
        ("oil", "t", "The refinery processed 5.1 million tons of oil.", "production", "measured:oil"),
        ("cotton", "t", "The cluster processed 151 thousand tons of cotton.", "production",
         "clause:processed"),
        # goods worth money are industrial output, unless the clause ships them abroad
        ("good", "UZS", "Industrial enterprises produced goods worth 17,1 trillion soums.",
         "industrial_output", "sentence:goods worth"),
        ("product", "USD", "The textile enterprises exported products worth $386.1 million.", "exports",
         "clause:exported"),
        # an exchange rate or a central bank's rate is no indicator yet (money per money too)
        ("official exchange rate", "TJS/USD", "The official exchange rate was 11.3951 somoni per US dollar.",
         None, "unit:exchange rate (no indicator)"),
        ("policy rate", "%", "The National Bank kept the policy rate at 9.1 percent.", None,
         "measured:policy rate (no indicator)"),
        ("refinancing rate", "%", "The refinancing rate has been kept at 12.1% since March.", None,
         "measured:refinancing rate (no indicator)"),
        ("unemployment rate", "%", "The unemployment rate fell to 4.1%.", "unemployment",
         "measured:unemployment rate"),
        # the population that water or gas reaches is a figure of the supply, not of the
        # population; low-income families paid compensation, of social payments
        ("rural population", "%", "So far 96.1% of the rural population is provided with centralized water supply.",
         "water_supply", "clause:water supply"),
        ("population", "person", "The region has a population of 1.1 million people.", "population",
         "measured:population"),
        ("income family", "family", "About 61 thousand low-income families receive compensation for electricity costs.",
         "social_payments", "clause:low-income families"),
        # heat networks have no indicator, but the money a budget spends on them is spending
        ("heating network", "KZT", "The programme provides the reconstruction of heating networks in "
         "Temirtau for 1,9 bn tenge.", "budget_spending", "clause:heating network (money for it)"),
        ("heating network", "%", "The wear of heating networks in Temirtau is 71 percent.", None,
         "measured:heating network (no indicator)"),
        # a budget's surplus is of its spending, as its deficit is; subventions are transfers
        ("surplus", "KZT", "The local budget was executed with a surplus of 178,5 billion soums.",
         "budget_spending", "measured:surplus"),
        ("subvention", "KZT", "For 2019 the subvention is set at 402.5 bln tenge.",
         "budget_spending", "measured:subvention"),
        ("trade surplus", "USD", "The trade surplus reached 1.2 billion dollars.", "foreign_trade",
         "measured:trade surplus"),
        # a speaker's minutes are no figure; a bus interval is transport by its own word
        ("time", "minute", "The minister has the floor, you have 10 minutes.", None, None),
        ("interval", "minute", "The interval between buses fell to 11 minutes.", "transport",
         "measured:interval"),
        # a port's or terminal's capacity in tons is transport, a plant's production;
        # gondola cars are rolling stock, not cars made
        ("total capacity", "t/year", "Currently, the total capacity of the ports is 21 million tons per year.",
         "transport", "clause:port"),
        ("capacity", "t/year", "The plant has a capacity of 1.1 million tons of cement per year.",
         "production", "measured:capacity"),
        ("gondola car", "car", "The railway has reserved 1 800 gondola cars for coal shipments.", "transport",
         "measured:gondola car"),
        # farms or companies given loans are counted by the loans (farms alone name no
        # indicator); a polyclinic's visits per shift are a health facility's capacity
        ("farm", "farm", "Last year the bank issued loans to 1 941 farms.", "loans",
         "sentence:loan"),
        ("farm", "farm", "The district has 1 941 farms.", None, None),
        ("visit", "visit/shift", "A new polyclinic for 251 visits per shift was opened.", "health_facilities",
         "sentence:polyclinic"),
        # trams and minibuses are a city's transport fleet, like buses
        ("low-floor tram", "tram", "Last year alone the city received 12 low-floor trams.", "transport",
         "measured:tram"),
        ("minibus", "minibus", "Buses and 312 minibuses now serve 26 city routes.", "transport",
         "measured:minibus"),
        # audit findings count as spending until the taxonomy has an id for them
        ("violation", "RUB", "Violations worth 2,94 billion rubles were found in 2013.",
         "budget_spending", "measured:violation"),
        # transfers between budgets are spending of the budget that pays them, also in a
        # sentence about the revenues they make up
        ("transfer", "KZT", "Transfers from the regional budget were 39,1 billion tenge, or 46 percent of all revenues.",
         "budget_spending", "measured:transfer"),
        (None, "KZT", "The bulk of the revenues came as transfers from the republican budget, of which 71.1 billion tenge were targeted.",
         "budget_spending", "sentence:transfer"),
        # families on the "iron notebook" (Uzbekistan's register of needy families) are a
        # poverty figure
        ("family", "family", 'As of 1 October 2 411 families were on the "iron notebook".', "incomes",
         "sentence:iron notebook"),
        # wage debt and arrears are wages, not loans; goods retail chains sold and shares
        # of turnover are retail trade; what one cylinder costs people is a price
        ("wage debt", "KZT", "The wage debt of seven enterprises amounted to 96.1 million tenge.",
         "wages", "measured:wage debt"),
        ("good", "RUB", "Retail chains sold goods worth 51,1 bln rubles.", "retail_trade",
         "clause:retail"),
        ("non-food good", "%", "Food products accounted for 46,3% of turnover, non-food goods for 53,1%.",
         "retail_trade", "sentence:turnover"),
        ("cylinder", "UZS", "A cylinder costs them 100 thousand soums in winter.", "inflation",
         "unit:one (a price)"),
        # units the gold gives these indicators: births per mille, milk per cow, schools
        # as institutions, countries traded with or investing, mahallas given gas
        ("birth rate", "‰", "The birth rate was 14.1‰.", "population", "measured:birth rate"),
        ("average milk yield", "kg/cow", "The average milk yield reached 1 061 kilograms per cow.",
         "livestock", "measured:milk"),
        ("educational institution", "institution", "The country has 3 861 educational institutions.",
         "schools", "measured:educational institutions"),
        ("country", "country", "Products were exported to 41 countries.", "exports",
         "sentence:exported"),
        ("mahalla", "mahalla", "Gas came to 14 mahallas this year; 21 more are next.", "gasification",
         "sentence:gas"),
        # the average age of a bus fleet is a transport figure; other years are not
        ("average age", "year", "The average age of a city bus is now 6,1 years.", "transport",
         "sentence:bus"),
        ("term", "year", "The bus station will be built within 1 year.", None, None),
        # the entities of a small-business register and grants to entrepreneurs count small
        # business; grants elsewhere do not
        ("entity", "entity", "The register of small and medium-sized businesses listed 9 411 entities.",
         "small_business", "sentence:business"),
        ("young entrepreneurs", "grant", "Grants went to young entrepreneurs (21 grants).", "small_business",
         "measured:entrepreneurs"),
        ("student", "grant", "The university gave students 121 grants.", None, None),
        # housing counts what is built or given, not buildings overhauled, readied for
        # winter or worn out
        ("apartment building", "building", "Last year the city overhauled 118 apartment buildings.",
         None, "clause:overhauled (no indicator)"),
        ("apartment building", "building", "Of the 2 840 apartment buildings, 2 611 were prepared for winter.",
         None, "clause:prepared (no indicator)"),
        ("house", "house", "Roofs were replaced on 51 houses.", None, "clause:roof (no indicator)"),
        ("apartment building", "building", "In 2023, 21 apartment buildings were commissioned.",
         "housing", "measured:apartment building"),
        # "credit" before "institutions" or "organisations" names banks, not loans:
        # remittances sent through them are incomes
        ("inflow", "USD", "Money transfers of individuals through credit institutions reached USD 1 318.1 million.",
         "incomes", "sentence:transfers of individuals"),
        ("portfolio", "KZT", "The loan portfolio of credit organisations grew to 1.1 trillion tenge.",
         "loans", "sentence:loan portfolio"),
        # projects with foreign participation or money from foreign sources are foreign
        # investment
        ("project", "USD", "In 9 months, 38 projects with foreign participation worth $247.1 million were commissioned.",
         "foreign_investment", "clause:foreign participation"),
        ("investment", "KGS", "Investments were 9.7 billion som, of which 3.1 billion came from foreign sources.",
         "foreign_investment", "clause:foreign sources"),
        # a cue after "excluding", "except", "not counting" or "net of" names what the
        # figure leaves out
        ("plan", "%", "Revenues of the republican budget (excluding transfers) were 102.1% of the plan.",
         "budget_revenue", "sentence:revenue"),
        ("plan", "%", "Tax revenues, not counting transfers, reached 101.4% of the plan.",
         "budget_revenue", "sentence:tax revenue"),
        ("volume", "%", "Industrial output, except for mining, grew to 104.1% of the level of 2020.",
         "industrial_output", "sentence:industrial output"),
        # products a statistics release lists are production
        ("ferroalloy", "t", "– ferroalloys, thousand tons: 98,1", "production", "measured:ferroalloy"),
        ("refrigerator", "piece", "– household refrigerators and freezers – 1 418,1 thousand pieces",
         "production", "measured:refrigerator"),
        (None, "%", "Regions lead with 62,1 percent.", None, None),
        # money paid to contractors is spent, not collected ("paid" alone is a weak cue of
        # revenue: "taxes paid")
        (None, "KGS", "As of 1 November, 318 million som has been paid to the contractor.",
         "budget_spending", "sentence:contractor"),
        ("payment", "RUB", "As of 1 July, contractors had been paid 2.41 billion rubles.",
         "budget_spending", "sentence:contractor"),
        (None, "KZT", "Companies of the region paid 41 billion tenge in taxes.", "budget_revenue",
         "sentence:paid"),
        # money per child, and help with housing and utility bills, are benefits paid to
        # households; a subsidy to builders stays spending
        (None, "RUB/child", "In April-June, 10 thousand rubles per child were paid to families.",
         "social_payments", "sentence:per child"),
        (None, "family", "Subsidies for housing and utility payments were granted to 38,741 families.",
         "social_payments", "sentence:housing and utility payments"),
        ("subsidy", "RUB", "The city paid 1 billion rubles of subsidies to builders.", "budget_spending",
         "measured:subsidy"),
        # a good's growth in percent under a price header, or beside a price word, is its
        # price's growth; "in comparable prices" says how a volume is counted
        ("potato", "%", "Consumer price index, September against December: food products – 109,6%, "
         "including potatoes – 131,5%.", "inflation", "header:price"),
        ("retail trade", "%", "Retail trade turnover increased by 8,1% in comparable prices.",
         "retail_trade", "measured:retail trade"),
        ("wheat", "t", "Consumer prices: the wheat harvest was 1,1 million tons.", "harvest",
         "measured:wheat"),
        # money "paid" is revenue only where a budget or a tax is named: a benefit paid
        # out to households is no revenue
        ("payment", "KGS", "The mine paid 19.6 billion soms to the budget last year.", "budget_revenue",
         "sentence:paid"),
        ("payment", "KZT", "Since April, 14.1 billion tenge has been paid to flooded households.", None, None),
        # "services" after "goods and", "communal" or "public" are no paid services
        ("service", "USD", "Uzbekistan exported goods and services worth $ 12.1 bln.", "exports",
         "sentence:exported"),
        ("communal service", "KZT", "Spending on housing and communal services was 38.1 billion tenge.",
         "budget_spending", "sentence:spending"),
        ("public service", "%", "Of public services, 91% are available online.", None, None),
        ("paid service", "RUB", "Paid services to the population reached 14.1 billion rubles.",
         "retail_trade", "measured:paid services"),
        # a budget's transfers are named with a budget or a fund; migrants' transfers home
        # are remittances
        ("transfer", "KGS", "Transfers from the republican budget were 1.1 billion som.", "budget_spending",
         "measured:transfer"),
        ("migrant", "USD", "In June alone migrants sent home $ 171.9 mln.", "incomes", "sentence:sent home"),
        # power plants counted are power; other new plants are investment projects; the
        # national projects of a federal programme are no investment projects
        ("small hydropower plant", "plant", "By 2027 we will commission 12 small hydropower plants of 120 MW.",
         "power", "measured:hydropower plant"),
        ("combined heat and power plant", "plant",
         "Repairs were finished at 31 of the 37 combined heat and power plants.", "power",
         "measured:heat and power plant"),
        ("new plant", "plant", "Last year 21 new plants were launched in the region.", "investment_projects",
         "measured:plant"),
        ("national project", "project", "The region takes part in 12 national projects.", None, None),
        ("investment project", "project", "The region carried out 21 investment projects.",
         "investment_projects", "measured:investment project"),
        # farms of any kind are no small business by that word alone
        ("breeding farm", "farm", "The country now has 1 180 breeding farms.", None, None),
        # houses flooded, damaged or inspected are no housing built or given
        ("residential house", "house", "In total, 6 051 residential houses have been flooded since March.",
         None, "clause:flooded (no indicator)"),
        ("house", "house", "In 2023, 1 210 new houses were built in the district.", "housing",
         "measured:houses"),
        # the services of an agency are no paid services
        ("payment", "RUB", "After the meetings of the commission with the Federal Tax Service, 47 "
         "debtors paid 18.1 million rubles.", "budget_revenue", "sentence:tax"),
        ("service", "%", "Industry added 6.9 percent, construction 11.8 percent and services 13.1 percent.",
         "retail_trade", "measured:services"),
        # "work" is employment where people are given it, not the works of a site in progress
        ("person", "person", "This year public works gave work to 1 240 people.", "employment",
         "sentence:work"),
        ("work", "%", "To date, 61 percent of the work on the school has been done.", "schools",
         "sentence:school"),
        ("work", "%", "To date, 61 percent of the work has been done.", None, None),
        # a change of goods in a list whose first clause speaks of prices is a price's change
        ("non-food good", "%", "Food products became 6.1% more expensive, non-food goods 3.2% and "
         "paid services 3.1%.", "inflation", "sentence:became 6.1% more expensive"),
        ("paid service", "%", "Retail trade grew by 6.1%, and paid services by 3.1% over the year.",
         "retail_trade", "measured:paid services"),
        # the unemployed who found work are employment; construction alone names the sector
        # beside its volume of work
        ("citizen", "person", "Another 17,410 unemployed citizens found work this year.",
         "employment", "clause:found work"),
        ("work", "KGS", "Construction grew, and the volume of work reached 112.6 billion som.",
         "construction", "sentence:construction"),
        ("construction", "KGS", "The construction of the school cost 112.6 billion som.",
         "budget_spending", "sentence:cost"),
        # prices "current", "comparable" or "constant" say how a volume is counted, no price
        ("real growth", "%", "GDP in current prices reached 1 047,3 trillion soums, and its real "
         "growth was 6,1 percent.", "gross_product", "sentence:GDP"),
        # a debt is loans only beside words of lending or of a public debt: consumers' debts
        # for utilities name no indicator (GUIDELINES)
        ("debt", "KGS", "Consumers' debt for electricity as of 1 October amounted to 3.9 billion "
         "som.", None, None),
        ("state debt", "RUB", "As of 1 October the state debt of the region is 21.1 billion rubles.",
         "loans", "measured:debt"),
        ("debt", "KZT", "The debt of farms to banks reached 41 billion tenge.", "loans",
         "measured:debt"),
        # what a city or a ministry bought is spending; farms or producers paid subsidies or
        # support are counted by spending (GUIDELINES), not so a purchase by a company
        ("new bus", "RUB", "The city bought 54 new low-floor buses for 491 million rubles.",
         "budget_spending", "sentence:bought"),
        ("equipment", "USD", "The company bought equipment for $1.1 million.", None, None),
        ("farm", "farm", "Drought compensation was paid to 1 141 farms.", "budget_spending",
         "sentence:compensation"),
        # what a government borrows is loans (its public debt's stock grows by it)
        ("borrowing", "KZT", "This year the government has borrowed KZT 2.1 trln.", "loans",
         "measured:borrowing"),
        # goods counted where they are made are production
        ("tractor", "tractor/year", "The plant has assembled 1 121 tractors; its design capacity "
         "is 6 thousand tractors a year.", "production", "sentence:design capacity"),
        ("new bus", "bus", "The city bought 61 new buses.", "transport", "measured:bus"),
        # pig iron is no pig; glass containers are no freight containers; export revenue is
        # exports; people carried and a wagon's turnover in days are transport
        ("pig iron", "t", "The enterprises produced 2 181 thousand tons of pig iron.", "production",
         "measured:pig iron"),
        ("glass container", "t", "Last year the region imported 61 thousand tons of glass "
         "containers.", "imports", "sentence:imported"),
        ("export revenue", "USD", "Export revenue rose by $ 17.1 million.", "exports",
         "measured:export"),
        ("person", "person", "We expect passenger traffic to reach 21 mln. people.", "transport",
         "sentence:passenger"),
        ("turnover", "day", "The turnover of a freight wagon was reduced to 3,1 days.", "transport",
         "sentence:wagons"),
        # water towers and intakes are water supply; vaccinations counted are health care
        ("water tower", "tower", "In the half-year 148 water towers were built.", "water_supply",
         "measured:water tower"),
        ("vaccination", "vaccination", "Parents refused 1 021 vaccinations.", "health_facilities",
         "measured:vaccination"),
        # trade beside other sectors is domestic trade
        ("trade", "%", "Growth came from construction, 16.4 percent, and trade, 13.1 percent.",
         "retail_trade", "measured:trade"),
        # teachers and first-graders are counted by schools; nights and visas by tourism; an
        # income its clause calls tourism's is tourism
        ("teacher", "teacher", "The region still lacks 1 800 teachers.", "schools", "measured:teachers"),
        ("first-grader", "grader", "This year 9 341 first-graders went to school.", "schools",
         "measured:first-graders"),
        ("guest night", "night", "Hotels registered 1.27 million guest nights.", "tourism",
         "measured:guest nights"),
        ("income", "TJS", "Income from tourism services reached 1.46 billion somoni.", "tourism",
         "clause:tourism services"),
        # cotton is picked, at a daily pace
        ("daily picking", "t/day", "The daily picking averaged 16,9 thousand tons a day.",
         "harvest", "measured:picking"),
        (None, "t", "On 21 October alone, 7 312 tons were picked.", "harvest", "sentence:picked"),
        # what a lender invests or commits, and the projects it finances, are loans; a
        # company's own investment stays investment
        ("investment", "EUR", "In 2016 the EBRD invested a record EUR 712 million.", "loans",
         "clause:ebrd"),
        ("project", "project", "Since 1995, the bank has committed $10.2 billion for 81 projects.",
         "loans", "clause:bank"),
        ("investment", "KZT", "The company invested 21 billion tenge in a new plant.",
         "investment", "measured:investment"),
        # money a budget receives is its revenue; money it spends stays spending
        ("republican budget", "KZT", "Of this amount, the republican budget received 2 trillion 921,6 "
         "billion tenge.", "budget_revenue", "sentence:budget received"),
        ("budget", "KGS", "In the first quarter the city budget has received 2.1 billion som.",
         "budget_revenue", "sentence:budget has received"),
        ("budget", "KZT", "The city budget spent 12 billion tenge on roads.", "budget_spending",
         "sentence:spent"),
        # heat networks, their wear and losses, and water taken from rivers name no public
        # indicator, whatever water their sentence names; water networks are water supply
        ("heating network", "km", "In 2021 we replaced 91 km of heating networks and 61 km of "
         "water pipes.", None, "measured:heating network (no indicator)"),
        ("wear", "%", "The wear of water and heat networks is still 51 percent.", None,
         "measured:wear (no indicator)"),
        ("water network", "km", "In 2021 we laid 31 km of water networks.", "water_supply",
         "measured:water networks"),
        # the wear of water networks and water wells are water supply; of heat networks, or
        # an oil well, none
        ("wear", "%", "The wear of water networks fell to 71 percent.", "water_supply",
         "clause:water"),
        ("wear", "%", "The wear of sewerage networks is 61%.", "water_supply", "clause:sewerage"),
        ("well", "well", "The utility drilled 11 wells for drinking water.", "water_supply",
         "clause:drinking water"),
        ("wear", "%", "The wear of heat and hot water networks is 61%.", None,
         "measured:wear (no indicator)"),
        ("well", "well", "The company drilled 11 oil wells.", None, "measured:well (no indicator)"),
        # a company's revenue and its loss are its own results, no budget's revenue
        ("consolidated revenue", "KZT", "Consolidated revenue amounted to KZT 1,121.6 billion.",
         None, "measured:consolidated revenue (no indicator)"),
        ("net loss", "KGS", "The net loss narrowed to 841 million soms.", None,
         "measured:net loss (no indicator)"),
        ("tax revenue", "KZT", "Tax revenues reached 41 billion tenge.", "budget_revenue",
         "measured:tax revenue"),
        # electricity generated is production, whatever energy its sentence names
        ("generation", "kWh", "Energy: the plants generated 21,1 billion kWh, and losses fell.",
         "production", "measured:generation"),
        # sections, addresses, potholes, galleries and toll plazas of roads are roads'
        ("road section", "section", "Tenders for 31 road sections will be held in January.",
         "roads", "measured:road section"),
        ("address", "address", "Contractors repaired 46,2 km of city roads at 51 addresses.",
         "roads", "sentence:road"),
        ("pothole", "pothole", "Crews patched 2,301 potholes in May.", "roads",
         "measured:pothole"),
        # lines that carry electricity are power's, however they are named
        ("transmission line", "km", "Of the 3,510 km of transmission lines planned, 410 km are "
         "built.", "power", "measured:transmission line"),
        ("kV line", "km", "We will replace 1,150 km of 0.4-10 kV lines.", "power",
         "measured:kV line"),
        # a capacity no cue names is power's, the one indicator of megawatts
        ("load", "MW", "In the coldest days the load reached 3 410 MW.", "power", "only:MW"),
        ("new unit", "MW", "CHP-3 will start its new 120 MW unit in December.", "power",
         "only:MW"),
        # what consumers owe their utilities, and a utility's receivables, are no public
        # indicator; a debt on loans, taxes or wages, public debt and a budget's accounts
        # payable keep theirs
        ("debt", "KGS", "As of 1 October, budget organisations and industry owed the "
         "distribution companies 2.31 billion som.", None,
         "clause:consumers' debt (no indicator)"),
        ("budget organisation", "KGS", "Consumers owe the heat company 3.4 billion som, of which "
         "budget organisations 1.1 billion.", None, "clause:consumers' debt (no indicator)"),
        ("receivable", "RUB", "Receivables of the heat company for the heat tariff amounted to "
         "7.1 bln rub.", None, "clause:consumers' debt (no indicator)"),
        ("debt", "%", "The debt of the population for electricity at the new tariff fell by 11 "
         "percent.", None, "clause:consumers' debt (no indicator)"),
        ("debt", "RUB", "Residents owe 1.31 billion rubles for utilities, the annual budget of "
         "a district.", None, "clause:consumers' debt (no indicator)"),
        ("debt", "KZT", "Households' debt on consumer loans reached 1.1 trillion tenge.",
         "loans", "measured:debt"),
        ("debt", "KZT", "The state debt of the region, owed mostly to households, is 21 billion "
         "tenge.", "loans", "measured:debt"),
        ("accounts payable", "UZS", "Accounts payable of budget organisations for electricity "
         "stood at 641 million soums.", "budget_spending", "sentence:budget"),
        # a subsidy or a loan may be told in monthly calculation indices
        ("subsidy", "MCI", "Resettlers receive a one-time subsidy of 100 MCI.",
         "budget_spending", "measured:subsidy"),
        # crime has no id in the taxonomy, though its rate is per 100 thousand population
        ("share of solved crime", "%", "The share of solved crimes per 100 thousand population "
         "is 51 percent.", None, "measured:crime (no indicator)"),
        ("Crime", "%", "Crime in the region's population decreased by 9,1 percent.", None,
         "measured:crime (no indicator)"),
        # nothing fits
        ("question", "question", "The deputies asked 12 questions.", None, None),
        (None, None, None, None, None),
    ],
)  # fmt: skip
def test_classify(measured, unit, sentence, expected, rule):
    at = sentence.rindex("1") if sentence else None
    decision = default_classifier().classify(measured, unit, sentence, at)
    assert (decision.indicator, decision.rule) == (expected, rule)


@pytest.mark.parametrize(
    "unit,allowed",
    [
        ("KZT", True),  # a currency, by the family name
        ("USD", True),
        ("t/year", True),  # a rate, by its numerator
        ("t", True),
        ("job", False),
        (None, True),  # no unit: no evidence against
        ("pp", True),  # percentage points change a share in %
    ],
)
def test_units_an_indicator_allows(unit, allowed):
    ind = Indicator("x", "x", ("x",), ("currency", "t", "%"))
    assert ind.allows(unit) is allowed


def test_percentage_points_need_a_share():
    assert not Indicator("x", "x", ("x",), ("t", "km")).allows("pp")


@pytest.mark.parametrize(
    "word,expected",
    [("Investments", "investment"), ("taxes", "tax"), ("subsidies", "subsidy"),
     ("people", "person"), ("gas", "gas"), ("bus", "bus"), ("GRP", "grp"),
     ("potatoes", "potato"), ("shoes", "shoe"), ("buses", "bus"), ("trolleybuses", "trolleybus"),
     ("houses", "house")],
)  # fmt: skip
def test_fold_word(word, expected):
    assert fold_word(word) == expected


def test_the_taxonomy_keeps_its_37_ids():
    ids = [ind.id for ind in load_indicators()]
    assert len(ids) == len(set(ids)) == 37
    assert {"investment", "gross_product", "jobs_created", "harvest", "gasification"} <= set(ids)


def test_every_bad_row_is_reported_at_once():
    rows = [
        (1, {"id": "a", "label": "A", "cues": ["a"], "units": ["%"]}),
        (2, {"id": "a", "label": "A", "cues": ["a"], "units": ["%"]}),
        (3, {"id": "b", "label": "B", "cues": "b", "units": ["%"]}),
        (4, {"id": "c", "cues": ["c"], "units": ["%"], "colour": "red"}),
        (
            5,
            {"id": "d", "label": "D", "cues": ["d"], "units": ["ha"], "unit_needs": {"ha": "sown"}},
        ),
        (6, {"id": "e", "label": "E", "cues": ["e"], "units": ["%"], "yields_on": ["a"]}),
        (7, {"id": "f", "label": "F", "cues": ["f"], "units": ["%"], "yields_to": ["zz"]}),
        (8, {"id": "g", "label": "G", "cues": ["g"], "units": ["%"], "cue_needs": {"h": ["x"]}}),
        (9, {"id": "h", "label": "H", "cues": ["h"], "units": ["%"], "cue_needs": ["h"]}),
    ]
    with pytest.raises(ResourceError) as err:
        parse_indicators(rows, "indicators.jsonl")
    message = str(err.value)
    assert "8 bad row(s)" in message
    assert "indicators.jsonl:2: indicator 'a' is defined twice" in message
    assert (
        "indicators.jsonl:3: cues, units, not_after, not_before, weak, yields_to, null_in_clause, null_not_in, money_on are lists of strings"
        in message
    )
    assert "indicators.jsonl:4: unknown key 'colour'; missing key 'label'" in message
    assert "indicators.jsonl:5: unit_needs maps a unit to a list of words" in message
    assert "indicators.jsonl:6: yields_on maps an indicator id to a list of cue words" in message
    assert "indicators.jsonl: 'f' yields to 'zz', which is no indicator" in message
    assert "indicators.jsonl:8: cue_needs names 'h', which is no cue of the row" in message
    assert "indicators.jsonl:9: cue_needs maps a cue to a list of words" in message


def test_a_classifier_of_its_own_taxonomy():
    taxonomy = [Indicator("roads", "roads", ("road", "highway"), ("km",))]
    classifier = IndicatorClassifier(taxonomy)
    assert classifier.classify("new highway", "km").indicator == "roads"
    assert classifier.classify("new highway", "KZT").indicator is None


@pytest.mark.parametrize(
    "sentence,before,expected",
    [
        # the sentence before names what "this figure" is
        ("This figure reached 4.9%.", "Unemployment fell again last year.", "unemployment"),
        # the amount's own sentence comes first
        ("Wages rose by 9.9%.", "Unemployment fell again last year.", "wages"),
        ("This figure reached 4.9%.", None, None),
    ],
)
def test_the_sentence_before_when_its_own_names_nothing(sentence, before, expected):
    at = sentence.index("4.9") if "4.9" in sentence else sentence.index("9.9")
    decision = default_classifier().classify("figure", "%", sentence, at, before)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "measured,sentence,before,expected",
    [
        # a good's change after a sentence on prices is its price's
        ("cabbage", "The biggest increases were for vegetables: cabbage by 28.4 percent.",
         "Food prices rose by 5.9 percent in January.", "inflation"),
        ("buckwheat", "Buckwheat rose by 28.4 percent.", "Food prices rose by 5.9 percent.",
         "inflation"),
        # not without prices before it, nor a harvest that says no change
        ("wheat harvest", "The wheat harvest rose by 28.4 percent.", "Farmers were busy.",
         "harvest"),
        ("wheat", "Wheat gave 28.4 percent of the harvest.", "Food prices rose by 5.9 percent.",
         "harvest"),
    ],
)  # fmt: skip
def test_a_goods_change_after_a_sentence_on_prices(measured, sentence, before, expected):
    at = sentence.index("28.4")
    decision = default_classifier().classify(measured, "%", sentence, at, before)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "measured,sentence,expected,rule",
    [
        # money no cue names, for a public object its clause names: budget spending
        ("contract", "In March a contract worth 612 million rubles was signed for the bridge.",
         "budget_spending", "clause:contract (money for it)"),
        ("school", "The school for 1 200 pupils is estimated at 7,1 billion tenge.",
         "budget_spending", "clause:school (money for it)"),
        ("boiler house", "They promised a new boiler house in Ayagoz for 610 million tenge.",
         "budget_spending", "clause:boiler house (money for it)"),
        # money needed is money to be spent (a stock's need stays none)
        ("need", "The draft puts the need at 1,1 billion somoni.", "budget_spending",
         "clause:need (money for it)"),
        ("source", "For 2022-2025 we need about 41 billion tenge a year from all sources.",
         "budget_spending", "clause:need (money for it)"),
        # a cue still comes first
        ("export", "Exports of road machinery reached 510 million tenge.", "exports",
         "measured:export"),
        # the object must be in the amount's own clause
        ("sum", "The school is ready, and the firm earned 510 million tenge.", None, None),
        # and the amount must be money
        ("desk", "The contract for the school covers 1 100 desks.", None, None),
    ],
)  # fmt: skip
def test_money_for_a_public_object(measured, sentence, expected, rule):
    unit = "desk" if "desks." in sentence else ("RUB" if "rubles" in sentence else "KZT")
    unit = "TJS" if "somoni" in sentence else unit
    at = sentence.rindex("1")
    decision = default_classifier().classify(measured, unit, sentence, at)
    assert (decision.indicator, decision.rule) == (expected, rule)


@pytest.mark.parametrize(
    "measured,sentence,before,expected,rule",
    [
        # money its own clause puts on a public object is the object's cost (spending),
        # whatever the sentence before says of projects
        ("water pipeline", "The largest is the water pipeline in Priozersk worth 4,1 bn tenge.",
         "That is 46 investment projects.", "budget_spending", "clause:pipeline (money for it)"),
        (None, "About 1.9 trillion tenge will be needed for this.",
         "The national project provides for another 400 investment projects.", "budget_spending",
         "clause:needed (money for it)"),
        # with no public object in its clause, the sentence before still speaks
        ("total", "The total was 2,1 bn tenge.", "That is 46 investment projects.", "investment",
         "before:project"),
    ],
)  # fmt: skip
def test_money_on_a_public_object_before_the_sentence_before(
    measured, sentence, before, expected, rule
):
    decision = default_classifier().classify(
        measured, "KZT", sentence, sentence.rindex("1"), before=before
    )
    assert (decision.indicator, decision.rule) == (expected, rule)


@pytest.mark.parametrize(
    "measured,unit,sentence,amount,expected,rule",
    [
        # money paid into a budget is its revenue, the paying verb before the amount or after
        ("state budget", "TJS", "In 2018 the customs bodies transferred 4 612,8 million somoni "
         "to the state budget.", "4 612,8", "budget_revenue", "clause:paid to the budget"),
        ("budget", "KGS", "Since January the company has paid 214.6 million soms to the budget.",
         "214.6", "budget_revenue", "clause:paid to the budget"),
        ("sum", "TJS", "Customs officers detected 1 284 violations, and sums of 11,7 million "
         "somoni were paid to the budget.", "11,7", "budget_revenue", "clause:paid to the budget"),
        ("budget", "RUB", "The customs bodies remitted over 121 billion rubles into the federal "
         "budget.", "121", "budget_revenue", "clause:paid to the budget"),
        # fines are revenue wherever they are paid
        ("fine", "UZS", "Fines of 2,4 bln. soums were imposed on officials.", "2,4",
         "budget_revenue", "measured:fine"),
        # money a budget pays out stays spending
        ("budget", "KZT", "From the republican budget 12 billion tenge was paid to the "
         "contractors.", "12", "budget_spending", "sentence:contractor"),
        ("local budget", "KZT", "The akimat will transfer 3 billion tenge from the local budget "
         "to the housing fund.", "3", "budget_spending", "sentence:transfer"),
    ],
)  # fmt: skip
def test_money_paid_into_a_budget(measured, unit, sentence, amount, expected, rule):
    decision = classify_at(measured, unit, sentence, amount)
    assert (decision.indicator, decision.rule) == (expected, rule)


@pytest.mark.parametrize(
    "measured,unit,sentence,amount,expected",
    [
        # money a development bank or fund provides is a loan
        ("financing", "USD", "Financing of USD 196 mln has been agreed: Islamic Development "
         "Bank – USD 108 mln, Saudi Fund for Development – USD 30 mln.", "108", "loans"),
        ("financing", "USD", "Financing of USD 196 mln has been agreed: Islamic Development "
         "Bank – USD 108 mln, Saudi Fund for Development – USD 30 mln.", "30", "loans"),
        ("financing", "USD", "On 14 April the Asian Development Bank approved financing of USD "
         "110 mln for the section.", "110", "loans"),
        ("fund", "TJS", "From development partners – 1 436 910,0 thousand somoni.", "1 436",
         "loans"),
        # ... unless the clause calls it a grant
        ("grant", "TJS", "For the school the Asian Development Bank gave a grant of 19.8 "
         "million somoni.", "19.8", "budget_spending"),
        # a bank that is no lender of public projects says nothing
        ("financing", "KZT", "The regional budget provided financing of 12 billion tenge.", "12",
         "budget_spending"),
    ],
)  # fmt: skip
def test_money_a_development_bank_provides_is_a_loan(measured, unit, sentence, amount, expected):
    decision = classify_at(measured, unit, sentence, amount)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "measured,sentence,amount,expected",
    [
        # a loss of a drinking water network is water supply ...
        ("water loss", "Water losses in the networks fell from 48 to 39 percent.", "39",
         "water_supply"),
        ("water loss", "Heat losses in the networks are still 21 percent, water losses 34 "
         "percent.", "34", "water_supply"),
        ("Water loss", "Water losses in the networks of Bokhtar still reach 38 percent.", "38",
         "water_supply"),
        # ... one on the way to the fields, or with no network named, is none
        ("water loss", "Water losses in irrigation canals, now about 40 percent, should fall.",
         "40", None),
        ("water loss", "Water losses during transportation reach 40 percent.", "40", None),
    ],
)  # fmt: skip
def test_water_lost_in_supply_networks(measured, sentence, amount, expected):
    decision = classify_at(measured, "%", sentence, amount)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "sentence,amount,expected",
    [
        # the wear of a public object is of its indicator ...
        ("Today the wear of buildings of medical organizations is 56%.", "56", "health_facilities"),
        ("In 2021 the wear of equipment in district hospitals exceeded 58%.", "58",
         "health_facilities"),
        ("The average wear of rural water networks is 58 percent.", "58", "water_supply"),
        # ... and of heat networks of none
        ("The wear of heat networks in the country averages 54%.", "54", None),
        ("The wear of the boilers reaches 71 percent.", "71", None),
    ],
)  # fmt: skip
def test_the_wear_of_public_works(sentence, amount, expected):
    decision = classify_at("wear", "%", sentence, amount)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "measured,unit,sentence,amount,expected,rule",
    [
        # what one of a thing costs is its price: a subject with a number in its words, in a
        # quote, long, or with a speaker's filler before the amount
        ("gas cylinder", "UZS", "The district has no gas yet, and a 50-liter gas cylinder costs "
         "85 thousand soums.",
         "85", "inflation", "unit:one (a price)"),
        ("loaf", "KZT", 'Gulnara writes: "A loaf of bread cost 120 tenge this spring."', "120",
         "inflation", "unit:one (a price)"),
        ("ticket", "UZS", "An economy-class ticket from Tashkent to Samarkand on a high-speed "
         "train now costs 243 thousand soums.", "243", "inflation", "unit:one (a price)"),
        ("ticket", "KGS", "A ticket from Moscow to Osh costs now, uh, 35 thousand soms.", "35",
         "inflation", "unit:one (a price)"),
        # per hectare, when one thing costs that much
        ("drip system", "UZS/ha", "A drip system costs 25-30 million soums per hectare.", "25",
         "inflation", "unit:ha (a price)"),
        # a public object for a number of places, or a kilometre of road, is spending
        ("hospital", "KZT", "A hospital for 300 beds costs about 35 billion tenge.", "35",
         "budget_spending", "sentence:cost"),
        ("repaired street", "KZT/km", "One kilometre of repaired street cost us 96 million "
         "tenge on average.", "96", "budget_spending", "sentence:cost"),
        # support per hectare is no price
        ("subsidy", "KZT/ha", "Farmers get a subsidy of 20 thousand tenge per hectare.", "20",
         "budget_spending", "measured:subsidy"),
    ],
)  # fmt: skip
def test_what_one_thing_costs(measured, unit, sentence, amount, expected, rule):
    decision = classify_at(measured, unit, sentence, amount)
    assert (decision.indicator, decision.rule) == (expected, rule)


@pytest.mark.parametrize(
    "measured,unit,sentence,before,amount,expected",
    [
        # the wear or the wells of drinking water works named in the sentence before
        ("wear", "%", "Today its wear is 74 percent.", "And the Tobol group water pipeline? "
         "It is 52 years old.", "74", "water_supply"),
        ("new well", "well", "Twenty-seven new wells have been drilled there since June.",
         "In two districts water is delivered by 96 tank trucks.", "Twenty", "water_supply"),
        # not of a heat or a power network, nor of an oil field
        ("wear", "%", "Today its wear is 74 percent.", "The heat main of the city was laid in "
         "1970.", "74", None),
        ("wear", "%", "Its wear is 62 percent.", "The power line brings water pumps their "
         "electricity.", "62", None),
        ("well", "well", "This year 40 wells were drilled.", "Oil output rose.", "40", None),
    ],
)  # fmt: skip
def test_water_works_named_in_the_sentence_before(
    measured, unit, sentence, before, amount, expected
):
    decision = classify_at(measured, unit, sentence, amount, before)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "measured,unit,sentence",
    [
        # drinking water's meters, reservoirs, tanks and samples are counted as water supply
        ("water meter", "meter", "Last year 23 640 water meters were installed."),
        ("reservoir", "reservoir", "The project will build 36 reservoirs for drinking water."),
        ("clean water tank", "tank", "The district put 9 clean water tanks into operation."),
        ("sample", "sample", "The sanitary service took 1,240 samples of drinking water."),
    ],
)
def test_water_supply_counts(measured, unit, sentence):
    assert classify_at(measured, unit, sentence).indicator == "water_supply"


@pytest.mark.parametrize(
    "measured,unit,sentence,before,expected",
    [
        # a revenue no budget, tax or treasury goes with is a company's own result
        ("revenue", "KZT", "Revenue rose 23 percent to 412.6 billion tenge on higher metal "
         "prices.", "Ertis Polymetals produced more copper in 2017.", None),
        ("revenue", "KGS", "The company's revenue grew by 11,3% to 5,12 billion soms.", None,
         None),
        ("toll revenue", "RUB", "Over the year, toll revenue came to 5.1 billion rubles.", None,
         None),
        # a budget's, a tax's or the treasury's revenue is budget revenue
        ("revenue", "KGS", "Revenues of the republican budget reached 146.9 bln. soms.", None,
         "budget_revenue"),
        ("revenue", "KZT", "Revenues grew by 9,8 percent to 1 400 billion tenge.",
         "The plan for tax revenues was not fulfilled.", "budget_revenue"),
        # a revenue another cue names is of that indicator
        ("export revenue", "USD", "Export revenues amounted to $ 92,6 million.", None, "exports"),
    ],
)  # fmt: skip
def test_a_companys_revenue_is_no_budget_revenue(measured, unit, sentence, before, expected):
    decision = classify_at(measured, unit, sentence, before=before)
    assert decision.indicator == expected


@pytest.mark.parametrize(
    "measured,sentence,expected",
    [
        # fuel a store holds, or goods applied or laid in, is no production
        ("coal", "Today their depots hold 3.1 million tons of coal.", None),
        ("coal", "Bishkek CHP has 412 thousand tons of coal in its yard.", None),
        ("fertilizer", "Farmers plan to apply 690 thousand tons of fertilizers.", None),
        ("vegetable oil", "They must replenish the funds with 3.2 thousand tons of vegetable "
         "oil.", None),
        # coal mined stays production
        ("coal", "The mines produced 3.1 million tons of coal.", "production"),
    ],
)  # fmt: skip
def test_goods_held_or_applied_are_no_production(measured, sentence, expected):
    assert classify_at(measured, "t", sentence).indicator == expected


@pytest.mark.parametrize(
    "measured,unit,sentence,amount,expected,rule",
    [
        # money an audit recovers is of its findings; a metal's recovery rate is none
        ("recovery", "KZT", "The Accounts Committee ordered the recovery of 2 741,6 mln tenge.",
         "2 741,6", "budget_spending", "measured:recovery (an audit's)"),
        ("copper recovery", "%", "Copper recovery rose to 91 percent.", "91", None,
         "measured:recovery (no indicator)"),
        # money its clause says public works are done for is spending on them
        (None, "KZT", "The Ekibastuz – Bayanaul highway, 98 kilometers, will be reconstructed "
         "for 24 billion tenge.", "24", "budget_spending", "clause:reconstructed (money for it)"),
        (None, "RUB", "The old bridge, built in 1962, was overhauled for 312 million rubles.",
         "312", "budget_spending", "clause:overhauled (money for it)"),
    ],
)  # fmt: skip
def test_money_recovered_or_spent_on_works(measured, unit, sentence, amount, expected, rule):
    decision = classify_at(measured, unit, sentence, amount)
    assert (decision.indicator, decision.rule) == (expected, rule)


@pytest.mark.parametrize(
    "measured,unit,sentence,amount,expected",
    [
        # a company's own or raised money is a source of investment
        ("own fund", "%", "Enterprises' own funds made up 58.4% of them, budget funds 23.1%.",
         "58.4", "investment"),
        ("own and borrowed fund", "KZT", "Private developers invested 89 billion tenge of their "
         "own and borrowed funds.", "89", "investment"),
        ("borrowed fund", "%", "Borrowed funds made up 36% of the total.", "36", "investment"),
        ("company's own fund", "TJS", "The company's own funds – 505 million somoni.", "505",
         "investment"),
        # budget funds stay a budget's spending
        ("budget fund", "KZT", "Budget funds of 2.3 billion tenge were not used.", "2.3",
         "budget_spending"),
    ],
)  # fmt: skip
def test_own_funds_are_a_source_of_investment(measured, unit, sentence, amount, expected):
    assert classify_at(measured, unit, sentence, amount).indicator == expected


@pytest.mark.parametrize(
    "measured,unit,sentence,amount,expected",
    [
        # houses repaired are no housing built, nor are a trade's houses
        ("apartment building", "building", "Over the three years 2 146 apartment buildings were "
         "repaired.", "2 146", None),
        ("house", "house", "Of the 468 damaged houses, 455 have been repaired by their owners.",
         "455", None),
        ("trade house", "house", "Uzagroexport has opened 14 trade houses abroad.", "14", None),
        # (housing built beside a repair of something else stays housing)
        ("housing", "m2", "This year we will commission 350 thousand square metres of housing "
         "and repair 200 kilometres of roads.", "350", "housing"),
        ("house", "house", "Builders handed over 640 new houses.", "640", "housing"),
    ],
)  # fmt: skip
def test_houses_repaired_or_of_trade_are_no_housing(measured, unit, sentence, amount, expected):
    assert classify_at(measured, unit, sentence, amount).indicator == expected
