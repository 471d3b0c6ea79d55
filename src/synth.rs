//! Synthetic report pairs for benchmarks: general news-like English (councils,
//! prices, rivers, schools; invented names and numbers), generated
//! deterministically from a seed, so the cost of a comparison can be measured
//! at any size without shipping large fixtures. Nothing here is tuned to the
//! bundled story, and nothing in the app uses it.
//!
//! ```
//! use report_diff::synth;
//! let (a, b) = synth::pair(10_000, 50, 7);
//! assert!(a.len() >= 10_000 && a.len() < 11_000);
//! assert_eq!(synth::pair(10_000, 50, 7), (a, b)); // same seed, same texts
//! ```

/// A small, fast, seeded generator (xorshift64*): the same seed gives the
/// same texts on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value; zero is remapped).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Skewed towards the start of `0..n`, as word frequencies are (the
    /// smaller of two draws).
    pub fn skewed(&mut self, n: usize) -> usize {
        self.below(n).min(self.below(n))
    }

    /// `true` with probability `percent` / 100.
    pub fn percent(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.skewed(list.len())]
    }
}

const ADJECTIVES: &[&str] = &[
    "new",
    "local",
    "regional",
    "public",
    "small",
    "large",
    "annual",
    "former",
    "early",
    "late",
    "private",
    "national",
    "rural",
    "central",
    "northern",
    "southern",
    "temporary",
    "final",
    "independent",
    "recent",
    "major",
    "modest",
    "sharp",
    "planned",
    "disputed",
    "quiet",
];
const NOUNS: &[&str] = &[
    "council",
    "plan",
    "budget",
    "school",
    "hospital",
    "bridge",
    "river",
    "market",
    "price",
    "station",
    "court",
    "report",
    "company",
    "union",
    "farm",
    "harbour",
    "library",
    "road",
    "water",
    "energy",
    "housing",
    "museum",
    "festival",
    "committee",
    "agreement",
    "survey",
    "airport",
    "police",
    "election",
    "tax",
    "factory",
    "storm",
    "season",
    "contract",
    "vote",
    "railway",
    "forest",
    "clinic",
    "program",
    "district",
    "project",
    "harvest",
];
/// Verbs, and in the same position a word a rewrite may use instead.
const VERBS: &[(&str, &str)] = &[
    ("approved", "backed"),
    ("rejected", "blocked"),
    ("delayed", "postponed"),
    ("announced", "revealed"),
    ("reviewed", "examined"),
    ("opened", "launched"),
    ("closed", "shut"),
    ("expanded", "widened"),
    ("reduced", "cut"),
    ("raised", "lifted"),
    ("criticised", "attacked"),
    ("defended", "praised"),
    ("cancelled", "dropped"),
    ("extended", "prolonged"),
    ("questioned", "doubted"),
    ("supported", "endorsed"),
    ("completed", "finished"),
    ("proposed", "suggested"),
    ("suspended", "halted"),
    ("funded", "financed"),
    ("inspected", "checked"),
    ("replaced", "swapped"),
];
const PREPOSITIONS: &[&str] = &[
    "in", "near", "after", "before", "across", "despite", "during", "under", "for", "against",
];
const ROLES: &[&str] = &[
    "the mayor",
    "a spokesperson",
    "the minister",
    "residents",
    "the chair",
    "an engineer",
    "the director",
    "local traders",
    "the opposition",
    "a union official",
    "the governor",
];
const SAYING: &[&str] = &[
    "said",
    "told reporters",
    "wrote",
    "argued",
    "confirmed",
    "warned",
];
const SYLLABLES: &[&str] = &[
    "bar", "ka", "len", "mo", "ri", "sten", "vol", "da", "ne", "tor", "qui", "las", "mer", "do",
    "fen", "ga", "hol", "ist", "jur", "wen",
];

/// An invented proper name ("Kalenmo", "Ristenvol"): general, and rare, as
/// names are.
fn name(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..2 + rng.below(2) {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    capitalised(&s)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// What a word is, so that a rewrite can change it the way an editor would.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    Other,
    Adjective,
    Noun,
    /// Index into [`VERBS`].
    Verb(usize),
    Number,
}

/// One sentence: a subject, a verb, an object, one to three prepositional
/// phrases, sometimes a figure; and an attribution ("the mayor said"), if any.
struct Sentence {
    words: Vec<(String, Class)>,
    said: Option<String>,
}

fn noun_phrase(rng: &mut Rng, out: &mut Vec<(String, Class)>) {
    out.push((
        if rng.percent(70) { "the" } else { "a" }.into(),
        Class::Other,
    ));
    if rng.percent(50) {
        out.push((rng.pick(ADJECTIVES).into(), Class::Adjective));
    }
    out.push((rng.pick(NOUNS).into(), Class::Noun));
}

fn sentence(rng: &mut Rng) -> Sentence {
    let mut w = Vec::new();
    if rng.percent(35) {
        w.push((name(rng), Class::Other));
    } else {
        noun_phrase(rng, &mut w);
        w.push(("of".into(), Class::Other));
        w.push((name(rng), Class::Other));
    }
    let v = rng.skewed(VERBS.len());
    w.push((VERBS[v].0.into(), Class::Verb(v)));
    noun_phrase(rng, &mut w);
    for _ in 0..1 + rng.below(3) {
        w.push((rng.pick(PREPOSITIONS).into(), Class::Other));
        noun_phrase(rng, &mut w);
    }
    if rng.percent(40) {
        w.push(("worth".into(), Class::Other));
        w.push((format!("{}", 2 + rng.below(900)), Class::Number));
        let unit = if rng.percent(50) {
            "million"
        } else {
            "percent"
        };
        w.push((unit.into(), Class::Other));
    }
    let said = rng
        .percent(30)
        .then(|| format!("{} {}", rng.pick(ROLES), rng.pick(SAYING)));
    Sentence { words: w, said }
}

/// The sentence rewritten as another outlet might: most verbs swapped for a
/// near-synonym, some adjectives dropped, some nouns and figures changed, and
/// the attribution moved to the front or the back.
fn rewrite(rng: &mut Rng, s: &Sentence) -> Sentence {
    let mut words = Vec::new();
    for (w, class) in &s.words {
        match *class {
            Class::Verb(v) if rng.percent(70) => words.push((VERBS[v].1.into(), *class)),
            Class::Adjective if rng.percent(30) => {}
            Class::Noun if rng.percent(20) => words.push((rng.pick(NOUNS).into(), *class)),
            Class::Number if rng.percent(30) => {
                words.push((format!("{}", 2 + rng.below(900)), *class))
            }
            _ => words.push((w.clone(), *class)),
        }
    }
    let said = match &s.said {
        Some(x) => Some(x.clone()),
        None => rng
            .percent(50)
            .then(|| format!("{} {}", rng.pick(ROLES), rng.pick(SAYING))),
    };
    Sentence { words, said }
}

/// The sentence as text; `front` puts the attribution first ("The mayor said
/// that …") instead of last ("…, the mayor said.").
fn render(s: &Sentence, front: bool) -> String {
    let body: Vec<&str> = s.words.iter().map(|(w, _)| w.as_str()).collect();
    let body = body.join(" ");
    match &s.said {
        Some(said) if front => format!("{} that {}.", capitalised(said), lower_first(&body)),
        Some(said) => format!("{}, {said}.", capitalised(&body)),
        None => format!("{}.", capitalised(&body)),
    }
}

/// `s` with its first letter in lower case unless it starts a name.
fn lower_first(s: &str) -> String {
    match s.split_once(' ') {
        Some((first, rest)) if first == "The" || first == "A" => {
            format!("{} {rest}", first.to_ascii_lowercase())
        }
        _ => s.to_string(),
    }
}

/// A pair of texts of about `bytes` bytes each (at least `bytes`, at most one
/// paragraph more): B is A with `rewritten_percent` of its sentences
/// rewritten (words replaced, dropped, reordered), the rest verbatim, in the
/// same order. Paragraphs of two to five sentences. A rewritten sentence
/// without an attribution that changed nothing else is given one, so every
/// sentence drawn for rewriting differs.
pub fn pair(bytes: usize, rewritten_percent: u32, seed: u64) -> (String, String) {
    let mut rng = Rng::new(seed);
    let (mut a, mut b) = (String::new(), String::new());
    while a.len() < bytes {
        if !a.is_empty() {
            a.push_str("\n\n");
            b.push_str("\n\n");
        }
        for i in 0..2 + rng.below(4) {
            let s = sentence(&mut rng);
            let text_a = render(&s, false);
            let text_b = if rng.percent(rewritten_percent) {
                let front = rng.percent(50);
                let r = rewrite(&mut rng, &s);
                let t = render(&r, front);
                if t == text_a {
                    // A rewrite that changed nothing still counts as one.
                    render(&r, !front)
                } else {
                    t
                }
            } else {
                text_a.clone()
            };
            if i > 0 {
                a.push(' ');
                b.push(' ');
            }
            a.push_str(&text_a);
            b.push_str(&text_b);
        }
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_seeds_and_rewrites() {
        for bytes in [1_000, 10_000, 100_000] {
            let (a, b) = pair(bytes, 0, 1);
            assert!(a.len() >= bytes && a.len() < bytes + 2_000, "{}", a.len());
            assert_eq!(a, b, "0 % rewritten keeps B equal to A");
        }
        let (a, b) = pair(20_000, 100, 1);
        let same = a
            .split(". ")
            .zip(b.split(". "))
            .filter(|(x, y)| x == y)
            .count();
        assert!(
            same * 10 < a.split(". ").count(),
            "100 %: almost every sentence differs"
        );
        let (a5, b5) = pair(20_000, 5, 1);
        assert_ne!(a5, b5);
        assert_ne!(pair(5_000, 50, 1), pair(5_000, 50, 2), "the seed matters");
    }
}
