//! Throughput of sentence splitting and number scanning on ~10 MB of
//! news-like English text.
//!
//! The corpus is generated here, deterministically (a fixed-seed xorshift),
//! from sentence templates: mostly plain sentences without numbers, as in
//! real news, and the rest with the quantities the scanner reads — counts
//! with thousands groups, hedged percentages, currencies with scales, number
//! words, fractions, ranges, dates, years and times — among titles (`Mr.`),
//! abbreviations (`U.S.`) and identifiers (`G7`, `F-16`). Articles start with
//! a headline line; paragraphs are separated by blank lines and come on one
//! line, one sentence a line, or hard-wrapped at 72 columns.
//!
//! Three benchmarks, each reported in bytes of text per second:
//! `split` (`Seed::from_text`), `split+scan` (`from_text` then
//! `numbers::scan_seed`) and `scan` (`scan_seed` on a seed already split).
//!
//! Run with `cargo bench --bench scan`. To time the command line on the
//! same text, `TRACEBRIEF_WRITE_CORPUS=big.txt cargo bench --bench scan`
//! writes the corpus to `big.txt` instead of benchmarking.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use tracebrief::numbers::scan_seed;
use tracebrief::source::Seed;

/// The size the corpus grows to (it stops at the first article past it).
const CORPUS_BYTES: usize = 10 * 1024 * 1024;

/// Share of sentences, in percent, that state no number.
const PLAIN_PERCENT: usize = 65;

/// Sentences without numbers. `{…}` slots are filled by [`Writer::fill`].
const PLAIN: &[&str] = &[
    "{person} said the decision was a matter for the {org}.",
    "The {org} did not respond to a request for comment.",
    "Talks between {country} and {country} are expected to continue next week.",
    "Critics say the plan does not go far enough to address the concerns of {people}.",
    "\"We will not accept any deal that ignores our concerns,\" {person} told reporters in {city}.",
    "Mr. {surname} declined to comment on the report.",
    "The U.S. State Department said it was monitoring the situation in {country} closely.",
    "Officials in {city} said the measures would remain in place until further notice.",
    "It was not immediately clear whether the talks would go ahead as planned.",
    "Analysts warned that the move could unsettle markets already nervous about the outlook.",
    "The announcement came after weeks of speculation about the future of the programme.",
    "Opposition leaders called for an independent inquiry into the handling of the crisis.",
    "Residents described scenes of chaos as emergency services arrived in {city}.",
    "Gen. {surname} said the operation in {country} had achieved its objectives.",
    "The proposals, which have been criticised by unions, will be debated in parliament.",
    "The company, based in {city}, employs staff across Europe and Asia.",
    "Meanwhile, the U.K. government has insisted that its position has not changed.",
    "He added that there was 'no question' of the agreement being reopened.",
    "Why does it matter?",
    "Dr. {surname}, a professor at the University of {city}, said the findings were worrying.",
    "{person}, who chairs the committee, said the evidence was \"overwhelming\".",
    "Leaders of the G7 are due to discuss the issue when they meet in {city}.",
    "The {org} has repeatedly denied the allegations, calling them politically motivated.",
    "Protesters gathered outside the parliament building in {city} on Saturday.",
    "She said the government had \"learned the lessons\" of the previous crisis.",
    "The U.N. Security Council is expected to hold an emergency session on the matter.",
    "Ukraine has asked its allies for more F-16 jets and air defence systems.",
    "The airline grounded its Boeing 737 fleet pending further checks.",
    "In a statement, the {org} said it would cooperate fully with the investigation.",
    "The minister is expected to set out the details of the plan later this week.",
    "Sen. {surname} and Rep. {surname} have both called for hearings on the issue.",
    "However, many economists believe the worst of the downturn is over.",
    "A spokesperson for {person} said the remarks had been taken out of context.",
    "Questions remain over how the scheme will be funded, and who will pay for it.",
    "The talks ended without agreement, and both sides blamed the other for the impasse!",
    "Acme Inc. shares were suspended pending an announcement from the board.",
];

/// Sentences with numbers.
const NUMERIC: &[&str] = &[
    "{person} said that {thousands} troops had been deployed along the border with {country}.",
    "Inflation rose to approximately {decimal}% in {month}, the highest rate since {year}, the {org} said.",
    "The government has pledged £{small}bn for new hospitals over the next {small} years.",
    "{country}'s economy, worth an estimated ${decimal} trillion, grew by {decimal}% last year.",
    "A dozen {people} were injured in the attack in {city} on {month} {day}.",
    "Nearly two-thirds of voters in {country} said they opposed the plan, a poll by the {org} found.",
    "Officials expect between {small} and {big} {people} to arrive in {city} by the end of the week.",
    "Estimates of the size of the crowd ranged from {range}, police in {city} said.",
    "The talks are due to resume on {month} {day} in {city}.",
    "In {year}, the {org} recorded {thousands} cases, up from {thousands} a year earlier.",
    "The vote is expected at {hour}:{minute} p.m. local time on {weekday}.",
    "Mr. {surname} told reporters the U.S. would contribute ${big} million to the fund.",
    "Shares in the company fell {decimal}% to {big}p in early trading in London.",
    "The {org} said {small} people had died and {big} others were still missing.",
    "The number of {people} rose by {small} percent to {thousands} in the year to {month}.",
    "Dr. {surname}, who has led the unit since {year}, said about half of the {thousands} patients had recovered.",
    "The European Central Bank is expected to hold rates at {decimal}% when it meets on {month} {day}, {year}.",
    "The bill passed by {big} votes to {big} in the House of Commons on {weekday}.",
    "More than {thousands} homes in {city} were left without power after the storm.",
    "Unemployment fell by {decimal} percentage points to {decimal}%, its lowest level since {year}.",
    "The deal, worth €{decimal} billion, is the largest in the sector since {year}.",
    "Around {small} million people are thought to have fled {country} since the fighting began.",
    "Upwards of {thousands} {people} marched through {city} on {weekday}, organisers said.",
    "The fund will receive an extra £{big} million a year from {month}, the minister said.",
    "Only one in {small} {people} said they trusted the government, down from a quarter in {year}.",
    "The meeting began at {hour}:{minute} a.m. and lasted almost three hours.",
    "Police said {small} men, aged between {small} and {big}, had been arrested.",
    "Oil prices rose {decimal}% to ${big}.{minute} a barrel on {weekday}.",
    "The U.K. will spend {decimal}% of GDP on defence by {year}, up from {decimal}% today.",
    "Some 7,500-10,000 {people} are believed to be sheltering in schools across {city}.",
];

const FIRST_NAMES: &[&str] = &[
    "Keir",
    "Emmanuel",
    "Olaf",
    "Giorgia",
    "Donald",
    "Ursula",
    "Volodymyr",
    "Rachel",
    "Pedro",
    "Kaja",
    "Mark",
    "Antony",
    "Jens",
    "Ngozi",
    "Christine",
    "Narendra",
];
const SURNAMES: &[&str] = &[
    "Smith",
    "Starmer",
    "Macron",
    "Scholz",
    "Meloni",
    "Trump",
    "von der Leyen",
    "Zelensky",
    "Reeves",
    "Sanchez",
    "Kallas",
    "Rutte",
    "Blinken",
    "Stoltenberg",
    "Okonjo-Iweala",
    "Lagarde",
    "Modi",
    "O'Brien",
];
const COUNTRIES: &[&str] = &[
    "Ukraine",
    "Russia",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Poland",
    "Japan",
    "India",
    "Brazil",
    "Nigeria",
    "Canada",
    "Turkey",
    "Saudi Arabia",
    "South Korea",
    "Mexico",
];
const CITIES: &[&str] = &[
    "Paris",
    "London",
    "Berlin",
    "Kyiv",
    "Washington",
    "Brussels",
    "Warsaw",
    "Rome",
    "Madrid",
    "Tokyo",
    "Delhi",
    "Lagos",
    "Ottawa",
    "Geneva",
    "New York",
    "Riyadh",
];
const ORGS: &[&str] = &[
    "Office for National Statistics",
    "International Monetary Fund",
    "World Health Organization",
    "Ministry of Defence",
    "European Commission",
    "Bank of England",
    "Red Cross",
    "Federal Reserve",
    "interior ministry",
    "electoral commission",
];
const PEOPLE: &[&str] = &[
    "refugees",
    "civilians",
    "workers",
    "students",
    "patients",
    "protesters",
    "migrants",
    "voters",
    "nurses",
    "families",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const HEADLINES: &[&str] = &[
    "{person} warns of 'generational' security challenge as talks open in {city}",
    "Inflation in {country} rises to {decimal}% as energy prices climb",
    "{org} cuts growth forecast for {country}",
    "Thousands march in {city} against spending cuts",
    "Leaders meet in {city} to discuss the future of the alliance",
];

/// xorshift64*: small, fast and fixed, so every run benchmarks the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Writes the corpus: articles of a headline and paragraphs.
struct Writer {
    rng: Rng,
    text: String,
}

impl Writer {
    fn article(&mut self) {
        let headline = self.rng.pick(HEADLINES);
        self.fill(headline);
        self.text.push('\n');
        for _ in 0..self.rng.between(3, 9) {
            self.text.push('\n');
            self.paragraph();
            self.text.push('\n');
        }
        self.text.push('\n');
    }

    fn paragraph(&mut self) {
        let sentences: Vec<String> = (0..self.rng.between(1, 5))
            .map(|_| {
                let template =
                    if self.rng.below(100) < PLAIN_PERCENT { self.rng.pick(PLAIN) } else { self.rng.pick(NUMERIC) };
                let start = self.text.len();
                self.fill(template);
                self.text.split_off(start)
            })
            .collect();
        match self.rng.below(4) {
            0 => self.text.push_str(&sentences.join("\n")),
            1 => self.hard_wrap(&sentences.join(" "), 72),
            _ => self.text.push_str(&sentences.join(" ")),
        }
    }

    /// Appends `paragraph` broken into lines of at most `width` bytes where it can be.
    fn hard_wrap(&mut self, paragraph: &str, width: usize) {
        let mut line_len = 0;
        for (i, word) in paragraph.split(' ').enumerate() {
            if i > 0 {
                if line_len + 1 + word.len() > width {
                    self.text.push('\n');
                    line_len = 0;
                } else {
                    self.text.push(' ');
                    line_len += 1;
                }
            }
            self.text.push_str(word);
            line_len += word.len();
        }
    }

    /// Appends `template` with each `{slot}` replaced by a random filler.
    fn fill(&mut self, template: &str) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            self.text.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("templates close their slots");
            self.slot(&rest[open + 1..close]);
            rest = &rest[close + 1..];
        }
        self.text.push_str(rest);
    }

    fn slot(&mut self, name: &str) {
        let rng = &mut self.rng;
        let filler = match name {
            "person" => format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES)),
            "surname" => rng.pick(SURNAMES).to_string(),
            "country" => rng.pick(COUNTRIES).to_string(),
            "city" => rng.pick(CITIES).to_string(),
            "org" => rng.pick(ORGS).to_string(),
            "people" => rng.pick(PEOPLE).to_string(),
            "month" => rng.pick(MONTHS).to_string(),
            "weekday" => rng.pick(WEEKDAYS).to_string(),
            "year" => rng.between(1990, 2025).to_string(),
            "day" => rng.between(1, 28).to_string(),
            "hour" => rng.between(1, 12).to_string(),
            "minute" => format!("{:02}", rng.between(0, 59)),
            "small" => rng.between(2, 12).to_string(),
            "big" => rng.between(13, 999).to_string(),
            "decimal" => format!("{}.{}", rng.between(0, 9), rng.between(1, 9)),
            "thousands" => grouped(rng.between(1, 999) * 1000 + rng.between(0, 1) * rng.between(0, 999)),
            "range" => {
                let low = rng.between(1, 20) * 500;
                format!("{}-{}", grouped(low), grouped(low + rng.between(1, 20) * 500))
            }
            _ => panic!("unknown slot {{{name}}}"),
        };
        self.text.push_str(&filler);
    }
}

/// `n` with thousands separators: 100000 is `100,000`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The benchmark corpus: at least `bytes` bytes of news-like text, the same on every run.
fn corpus(bytes: usize) -> String {
    let mut writer = Writer { rng: Rng(0x9E37_79B9_7F4A_7C15), text: String::with_capacity(bytes + 64 * 1024) };
    while writer.text.len() < bytes {
        writer.article();
    }
    writer.text
}

fn split_and_scan(c: &mut Criterion) {
    let text = corpus(CORPUS_BYTES);
    if let Some(out) = std::env::var_os("TRACEBRIEF_WRITE_CORPUS") {
        std::fs::write(&out, &text).expect("the corpus file can be written");
        return;
    }
    let path = Path::new("corpus.txt");
    let seed = Seed::from_text(path, text.clone());

    let mut group = c.benchmark_group("scan");
    group
        .throughput(Throughput::Bytes(text.len() as u64))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(12));

    // `from_text` takes the text by value: the copy is made outside the timing.
    group.bench_function("split", |b| {
        b.iter_batched(|| text.clone(), |text| Seed::from_text(path, text), BatchSize::LargeInput)
    });
    group.bench_function("split+scan", |b| {
        b.iter_batched(
            || text.clone(),
            |text| {
                let seed = Seed::from_text(path, text);
                let mentions = scan_seed(&seed);
                (seed, mentions)
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("scan", |b| b.iter(|| scan_seed(black_box(&seed))));
    group.finish();
}

criterion_group!(benches, split_and_scan);
criterion_main!(benches);
