//! Word lists the drafter reads names with: countries and the adjectives
//! made from them, the words that make a name an organisation's, titles and
//! offices, and the capitalised words that are no names.

/// Country names (and the short forms news uses for them).
#[rustfmt::skip]
pub const COUNTRIES: &[&str] = &[
    "Afghanistan", "Albania", "Algeria", "America", "Andorra", "Angola", "Argentina", "Armenia", "Australia",
    "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize",
    "Benin", "Bhutan", "Bolivia", "Bosnia", "Bosnia and Herzegovina", "Botswana", "Brazil", "Britain",
    "Great Britain", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia", "Cameroon", "Canada", "Chad",
    "Chile", "China", "Colombia", "Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo",
    "DR Congo", "Costa Rica", "Croatia", "Cuba", "Cyprus", "Czechia", "Czech Republic",
    "Denmark", "Djibouti", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "England", "Eritrea", "Estonia",
    "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece",
    "Guatemala", "Guinea", "Guyana", "Haiti", "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia",
    "Iran", "Iraq", "Ireland", "Republic of Ireland", "Northern Ireland", "Israel", "Italy", "Ivory Coast",
    "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia",
    "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
    "Malaysia", "Maldives", "Mali", "Malta", "Mauritania", "Mauritius", "Mexico", "Moldova", "Monaco", "Mongolia",
    "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nepal", "Netherlands", "New Zealand", "Nicaragua",
    "Niger", "Nigeria", "North Korea", "North Macedonia", "Norway", "Oman", "Pakistan", "Palestine", "Panama",
    "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia",
    "Rwanda", "Saudi Arabia", "Scotland", "Senegal", "Serbia", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
    "Somalia", "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden",
    "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Togo", "Tunisia", "Turkey", "Türkiye",
    "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "UAE", "United Kingdom", "UK", "U.K.",
    "United States", "United States of America", "US", "U.S.", "USA", "Uruguay", "Uzbekistan", "Venezuela",
    "Vietnam", "Wales", "Yemen", "Zambia", "Zimbabwe",
];

/// Adjectives of countries and peoples: `German Chancellor`, `Ukrainian drones`.
#[rustfmt::skip]
pub const DEMONYMS: &[&str] = &[
    "Afghan", "African", "Albanian", "Algerian", "American", "Arab", "Argentine", "Argentinian", "Armenian",
    "Asian", "Australian", "Austrian", "Bangladeshi", "Belgian", "Brazilian", "British", "Bulgarian", "Canadian",
    "Chilean", "Chinese", "Colombian", "Croatian", "Cuban", "Czech", "Danish", "Dutch", "Egyptian", "Emirati",
    "English", "Estonian", "Ethiopian", "European", "Filipino", "Finnish", "French", "Georgian", "German", "Greek",
    "Hungarian", "Icelandic", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian", "Japanese",
    "Jordanian", "Kenyan", "Korean", "Kuwaiti", "Latvian", "Lebanese", "Libyan", "Lithuanian", "Malaysian",
    "Mexican", "Moroccan", "Nigerian", "Norwegian", "Pakistani", "Palestinian", "Peruvian", "Polish", "Portuguese",
    "Qatari", "Romanian", "Russian", "Saudi", "Scottish", "Serbian", "Singaporean", "Slovak", "Slovenian", "Somali",
    "Spanish", "Swedish", "Swiss", "Syrian", "Taiwanese", "Thai", "Tunisian", "Turkish", "Ugandan", "Ukrainian",
    "Venezuelan", "Vietnamese", "Welsh", "Western", "Eastern", "Northern", "Southern", "Transatlantic", "Atlantic",
    "Jamaican", "Ghanaian", "Zimbabwean", "Zambian", "Tanzanian", "Rwandan", "Sudanese", "Yemeni", "Kurdish",
    "Belarusian", "Kazakh", "Uzbek", "Nepali", "Nepalese", "Sri Lankan", "Burmese", "Cambodian", "Mongolian",
    "Ecuadorian", "Bolivian", "Uruguayan", "Paraguayan", "Haitian", "Dominican", "Puerto Rican", "Scandinavian",
    "Latin", "Middle", "Caribbean", "Mediterranean", "Arctic", "Baltic",
    "Democrat", "Democrats", "Republican", "Republicans", "Conservative", "Conservatives", "Labour", "Tory",
    "Tories", "Liberal",
];

/// Words that make a name an organisation's: `Bank of England`, `Tesco Plc`.
#[rustfmt::skip]
pub const ORGANISATION_WORDS: &[&str] = &[
    "Agency", "Airlines", "Airways", "Alliance", "Assembly", "Association", "Authority", "Bank", "Bancorp", "Board",
    "Bureau", "Capital", "Centre", "Center", "Centers", "Centres", "Chamber", "Club", "Co", "Co.", "Commission",
    "Committee", "Company", "Congress", "Corp", "Corp.", "Corporation", "Council", "Court", "Department",
    "Exchange", "FC", "Federation", "Forum", "Foundation", "Fund", "Group", "Holdings", "House", "Inc", "Inc.",
    "Industries", "Institute", "Institution", "Insurance", "International", "Investments", "League", "Limited",
    "LLC", "Ltd", "Ltd.", "Market", "Markets", "Ministry", "Motors", "Nations", "Network", "News", "Office",
    "Organisation", "Organization", "Parliament", "Partners", "Party", "Plc", "plc", "PLC", "Police", "Post",
    "Reserve", "Sabha", "School", "Securities", "Senate", "Service", "Services", "Society", "Systems",
    "Technologies", "Times", "Treasury", "Trust", "Union", "United", "University", "Government", "Governments",
    "Administration", "Cabinet", "Daily", "Herald", "Journal", "Gazette", "Tribune", "Telegraph", "Army", "Navy",
    "Pharmaceuticals", "Pharma", "Therapeutics", "Energy", "Financial", "Management", "Airport", "Railways",
    "Foods", "Brands", "Media", "Telecom", "Communications", "Mining", "Resources", "Steel", "Power",
    "Chambers", "Automotive", "Aviation", "Logistics", "Laboratories", "Labs", "Studios", "Entertainment",
    "Pictures", "Press", "Enterprises", "Ventures", "Solutions", "Hospital", "Software", "Electronics",
    "Chemicals", "Petroleum", "Stores", "Retail", "Supermarkets", "Agencies", "Commissioners", "Regulator",
    "Associates", "Materials", "Sciences", "Statistics", "Health", "Customs", "Confederation",
];

/// Words that make a name a thing, not an actor: a contest (`French Open`,
/// `Grand Slam`), a security (`American Depositary Shares`), a clause of a
/// text (`Escape Clauses`).
#[rustfmt::skip]
pub const THING_WORDS: &[&str] = &[
    "Open", "Slam", "Cup", "Championship", "Championships", "Games", "Olympics", "Trophy", "Prix", "Marathon",
    "Derby", "Final", "Finals", "Shares", "Share", "Stock", "Stocks", "Bonds", "Bond", "Index", "Clause", "Clauses",
    "Award", "Awards", "Prize", "Festival", "Chase", "Hurdle", "Stakes", "Handicap", "Act", "Summit",
    "Treaty", "Accord", "Average", "Tracker", "Monitor", "Classic",
    "Car", "Data", "Earthquake", "Intermediate", "Cups",
    // places of nature, never actors: `Baffle Creek`
    "Creek", "Lake", "Mount", "Beach", "Falls", "Forest", "Canyon",
];

/// Words of a party or a side, not of a nation: `Labour`, `Republican`.
pub const PARTY_WORDS: &[&str] = &[
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Conservative",
    "Conservatives",
    "Labour",
    "Tory",
    "Tories",
    "Liberal",
    "Transatlantic",
    "Atlantic",
];

/// A word of a region's name before a country's: `Western Australia`.
pub const COMPASS_WORDS: &[&str] = &["Western", "Eastern", "Northern", "Southern", "North", "South", "East", "West"];

/// Plural possessives inside a body's name: `Republican People's Party`.
pub const NAME_POSSESSIVES: &[&str] = &["People", "Women", "Children", "Men", "Workers", "Veterans", "Farmers"];

/// Honorifics: part of how a person is named, kept as an alias as written (`Sir Keir Starmer`).
#[rustfmt::skip]
pub const HONORIFICS: &[&str] = &[
    "Sir", "Dame", "Lord", "Lady", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.",
    "Professor",
];

/// Suffixes a name may end with after the family name: `John Crabb Jr.`.
pub const NAME_SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// The last word of an office written before a name: `UK Prime Minister`, `Senate Majority Leader`.
#[rustfmt::skip]
pub const OFFICES: &[&str] = &[
    "President", "Minister", "Chancellor", "Secretary", "Governor", "Senator", "Sen.", "Rep.", "Representative",
    "Speaker", "Leader", "Chairman", "Chairwoman", "Chair", "Director", "General", "Judge", "Justice", "King",
    "Queen", "Prince", "Princess", "Mayor", "Ambassador", "Commissioner", "CEO", "Coach", "Manager", "Commander",
    "Gov.", "Pope", "Archbishop", "Spokesman", "Spokeswoman", "Striker", "Defender", "Midfielder", "Captain",
    "Editor", "Analyst", "Economist", "Strategist", "Officer", "Chief", "Deputy", "Premier", "Executive",
    "Attorney", "Detective", "Inspector", "Sheriff", "Bishop", "Cardinal", "Rabbi", "Imam", "Collector",
    "Magistrate", "Superintendent", "Councillor", "Councilor", "Forecaster", "Meteorologist", "Sergeant",
    "Lieutenant", "Constable", "Corporal",
];

/// A title before a name: an honorific or the last word of an office (`Mr`, `President`).
pub fn is_title(word: &str) -> bool {
    HONORIFICS.contains(&word) || OFFICES.contains(&word)
}

/// Months, as news writes them.
#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Capitalised words that name no one: days, and words that start sentences.
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "A", "An", "The", "This",
    "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "You", "His", "Her", "Their", "Our", "My",
    "In", "On", "At", "By", "For", "From", "With", "Without", "Of", "To", "As", "And", "But", "Or", "Nor", "So",
    "Yet", "If", "When", "While", "Where", "After", "Before", "Since", "Until", "Although", "Though", "Because",
    "However", "Meanwhile", "Also", "Still", "Now", "Then", "There", "Here", "What", "Which", "Who", "Why", "How",
    "All", "Some", "Many", "Most", "More", "Other", "Such", "Each", "Every", "Both", "Either", "Neither", "No",
    "Not", "One", "According", "Amid", "Among", "During", "Despite", "Under", "Over", "About", "Around", "Against",
    "Between", "Into", "Through", "Last", "Next", "First", "Earlier", "Later", "Today", "Yesterday", "Tomorrow",
    "Overall", "Instead", "Indeed", "Further", "Furthermore", "Moreover", "Besides", "Prior", "Following",
    "Speaking", "Asked", "Analysts", "Experts", "Officials", "Shares", "Sales", "Revenue", "Profit", "Net", "Total",
    "Key", "Earnings", "Statutory", "Group", "Consolidated", "Stocks", "Borrowing", "Inflation", "Growth",
    "Chancellor", "President", "Prime", "Minister", "Governor", "Senator", "Sen.", "Mr", "Mrs", "Ms", "Dr", "Sir",
    "Yes", "Oh", "OK", "Well", "Let", "Budget", "Government", "Close", "Live", "Watch", "Read", "Update", "Updated",
    "Published", "By", "Photo", "Image", "Video", "Editor", "Reporting", "Writing", "Additional", "Related",
    "Advertisement", "Just", "Even", "Only", "Almost", "Nearly", "Both", "Yet", "Again", "Once", "Twice", "Several",
    "Few", "Those", "Whether", "Unlike", "Like", "Thanks", "Given", "Including", "Excluding", "Compared", "Based",
    "Elsewhere", "Separately", "Similarly", "Additionally", "Finally", "Initially", "Currently", "Recently",
    "Previously", "Ultimately", "Notably", "Importantly", "Interestingly", "Nevertheless", "Nonetheless",
    "Compatriot", "Teammate", "Rival", "Fellow", "Olympic",
    "Another",
];

/// Places that are rarely actors of a briefing: continents and capitals.
#[rustfmt::skip]
pub const PLACES: &[&str] = &[
    "Europe", "Asia", "Africa", "Americas", "Middle East", "Latin America", "Eurozone", "London", "Paris",
    "Washington", "Brussels", "Berlin", "Moscow", "Kyiv", "Kiev", "Beijing", "Tokyo", "Rome", "Madrid", "New York",
    "Geneva", "Frankfurt", "Mumbai", "Delhi", "New Delhi", "Dubai", "Abu Dhabi", "Shanghai", "Singapore",
    "Hong Kong", "Sydney", "Toronto", "Chicago", "Los Angeles", "Wall Street", "Westminster", "Downing Street",
    "Whitehall", "Capitol Hill",
    "Asia Pacific", "Asia-Pacific",
    // US states as datelines write them: `ALEXANDRIA, Va.`
    "Va", "Calif", "Fla", "Ill", "Mass", "Ga", "Md", "Pa", "Tenn", "Mich", "Minn", "Ariz", "Colo", "Conn", "Ky",
    "Okla", "Ore", "Wis", "Ala", "Ark", "Kan", "Neb", "Nev", "Tex",
];

/// Words that start no role written after a name (`Farah, who won …`).
#[rustfmt::skip]
pub const NOT_ROLES: &[&str] = &[
    "who", "which", "that", "whose", "where", "when", "while", "said", "says", "told", "added", "according",
    "however", "meanwhile", "and", "but", "or", "as", "in", "on", "at", "for", "with", "from", "to", "by", "is",
    "was", "has", "had", "have", "will", "would", "could", "also", "too", "then", "now", "though", "although", "he",
    "she", "they", "it", "we", "i", "his", "her", "their", "its", "this", "these", "those", "after", "before",
    "despite", "since", "because", "if", "so", "not", "yet", "still", "even", "only", "just",
];

/// Abbreviations that name no actor: `GDP`, `CEO`.
#[rustfmt::skip]
pub const NOT_ACTORS: &[&str] = &[
    "GDP", "GNP", "CEO", "CFO", "COO", "CTO", "IPO", "EPS", "VAT", "AI", "TV", "FY", "GMT", "BST", "EST", "UTC",
    "CET", "ETF", "ESG", "EBITDA", "EBIT", "CPI", "PMI", "YoY", "QoQ", "OK", "AM", "PM", "AGM", "EGM", "LMT", "MW",
    "GW", "KM", "KG", "COVID", "HIV", "AIDS", "SUV", "EV", "EVs", "PDF", "URL", "DNA", "RNA", "ID", "NB", "PS",
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "Rs", "Rs.", "USD", "EUR", "GBP", "INR", "JPY", "CNY",
    "ADR", "ADRs", "ADS", "ADSs", "Democratic", "Republican", "Web", "Celsius", "Fahrenheit", "Centigrade",
    // news agencies as bylines: `TOKYO (AP)`
    "AP", "AFP", "UPI", "PA", "AAP", "dpa", "DPA", "ANI", "PTI", "IANS", "MP", "MPs", "MEP", "MEPs",
    // credit ratings
    "AAA", "AA", "BBB", "BB", "CCC",
];

/// Words that name a place or a building, not a person: `Élysée Palace`, `Selhurst Park`.
#[rustfmt::skip]
pub const PLACE_WORDS: &[&str] = &[
    "Palace", "Street", "Square", "Stadium", "Park", "Airport", "Bridge", "Hall", "Road", "Avenue", "Castle",
    "Island", "Islands", "River", "Valley", "Mountains", "Sea", "Ocean", "Gulf", "Bay", "Coast", "Province",
    "State", "County", "District", "Region", "City", "Town", "Village", "Arena", "Ground", "Centre", "Tower",
    "Building", "Cathedral", "Church", "Mosque", "Temple", "Port", "Harbour", "Maidan", "Strait", "Peninsula",
    "Camp", "Garden", "Gardens", "Estates", "Fort",
];

/// Verbs that follow a speaker's name: a sentence-initial word before one is a name (`Bailey said`).
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "noted", "argued", "warned", "explained", "stated", "insisted", "admitted",
    "claimed", "wrote", "continued", "remarked", "reiterated", "stressed", "announced", "confirmed", "denied",
    "replied", "responded", "suggested", "estimated", "predicted", "expects", "expected", "believes", "thinks",
    "conceded", "boasted", "tweeted", "posted", "agreed", "acknowledged", "complained", "joked", "recalled",
];

/// Words of a job or office, in lower case: a role set off after a name holds one (`chief executive`).
#[rustfmt::skip]
pub const JOBS: &[&str] = &[
    "chief", "head", "director", "chair", "chairman", "chairwoman", "minister", "secretary", "president",
    "spokesman", "spokeswoman", "spokesperson", "founder", "member", "analyst", "economist", "strategist", "editor",
    "leader", "governor", "vice", "deputy", "managing", "senior", "former", "executive", "officer", "partner",
    "professor", "coach", "manager", "captain", "striker", "defender", "midfielder", "winger", "goalkeeper",
    "forward", "owner", "operator", "maker", "lawyer", "judge", "prosecutor", "attorney", "senator",
    "representative", "mayor", "ambassador", "commissioner", "correspondent", "reporter", "researcher", "scientist",
    "adviser", "advisor", "consultant", "investor", "trader", "banker", "runner", "champion", "player", "general",
    "colonel", "commander", "candidate", "star", "superstar", "ceo", "cfo", "coo", "cto", "chairperson",
];

/// Connecting words a name may hold between capitalised words: `Bank of England`, `Khalid bin Kalban`.
pub const CONNECTORS: &[&str] =
    &["of", "for", "&", "de", "du", "la", "le", "van", "von", "der", "den", "bin", "bint", "al", "da", "dos", "di"];

/// Words with which a name may hold `and`: `Centers for Disease Control and Prevention`.
#[rustfmt::skip]
pub const TAKES_AND: &[&str] = &[
    "Centers", "Centres", "Department", "Ministry", "Office", "Institute", "Commission", "Council", "Committee",
    "University", "Universities", "Food", "Health", "Trade", "Customs", "Fish", "Revenue", "Housing", "Work",
];
