//! Hostile and unusual texts, as readers paste them or a corpus carries them:
//! markup, scripts, bidirectional overrides, zero-width and control
//! characters, emoji sequences, combining marks, right-to-left scripts, line
//! ending variants, a byte-order mark, a 50 000-character line, empty and blank
//! texts. Each is compared with every other (and with a plain report) without
//! a panic, the rows rebuild each text byte for byte, and each pane of the view
//! model shows its whole text.

use report_diff::engine::{compare, Collection, Options};
use report_diff::view::{split_model, BoilerplateDisplay, Side};

fn hostile() -> Vec<(&'static str, String)> {
    vec![
        ("html", "<b>Bold</b> claim. <img src=x onerror=alert(1)> Next sentence.".into()),
        ("script", "Before. <script>alert('xss')</script> After the script.".into()),
        ("javascript link", "Click <a href=\"javascript:alert(1)\">here</a>. Done.".into()),
        ("event handler", "<div onmouseover=\"alert(1)\">hover</div> text. More.".into()),
        ("bidi override", "Price \u{202E}001$\u{202C} today. \u{2067}isolate\u{2069} end.".into()),
        ("zero width", "Tru\u{200B}mp de\u{200C}layed\u{200D} the \u{2060}order. \u{FEFF}Again.".into()),
        ("nul and controls", "Trump\0 delayed\u{1} the\u{7f} order.\u{0} End\u{8}.".into()),
        ("emoji zwj", "Family 👨‍👩‍👧‍👦 and flags 🏳️‍🌈 🇺🇸. Skin 👍🏽 tones.".into()),
        ("combining", "Cafe\u{301} e\u{301}\u{302}\u{303}\u{304} Z\u{351}\u{35b}\u{346}a\u{364}l\u{36b}g\u{310}o. End.".into()),
        ("rtl arabic", "أجّل ترامب الأمر التنفيذي. قال البيت الأبيض إنه لا موعد.".into()),
        ("rtl hebrew", "טראמפ דחה את הצו. הבית הלבן לא קבע מועד.".into()),
        ("cr", "Line one.\rLine two.\rLine three.".into()),
        ("crlf", "Line one.\r\nLine two.\r\n\r\nNew paragraph.\r\n".into()),
        ("bom", "\u{FEFF}Trump delayed the order. The White House set no date.".into()),
        ("long line", "word ".repeat(10_000)),
        ("empty", String::new()),
        ("blank", " \n\t \r\n  ".into()),
    ]
}

const PLAIN: &str =
    "Trump delayed the AI order. The White House set no date. Critics said the delay hurts.";

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check(a: &str, b: &str, opts: &Options, what: &str) {
    let cmp = compare(a, b, opts);
    let side =
        |t: &str, pick: fn(&report_diff::engine::Row) -> Option<report_diff::engine::Span>| {
            cmp.rows
                .iter()
                .filter_map(pick)
                .map(|s| &t[s.0..s.1])
                .collect::<String>()
        };
    assert_eq!(side(a, |r| r.a), a, "{what}: rows rebuild A");
    assert_eq!(side(b, |r| r.b), b, "{what}: rows rebuild B");
    for mode in [BoilerplateDisplay::Dim, BoilerplateDisplay::Show] {
        let m = split_model(&cmp, a, b, mode);
        assert_eq!(squash(&m.pane_text(Side::A)), squash(a), "{what}: pane A");
        assert_eq!(squash(&m.pane_text(Side::B)), squash(b), "{what}: pane B");
    }
}

#[test]
fn every_hostile_text_is_compared_losslessly() {
    let texts = hostile();
    let all = [false, true];
    for (name, t) in &texts {
        for &case in &all {
            for &punct in &all {
                let opts = Options {
                    ignore_case: case,
                    ignore_punctuation: punct,
                    ignore_whitespace: punct,
                };
                check(t, PLAIN, &opts, name);
                check(PLAIN, t, &opts, name);
                check(t, t, &opts, name);
            }
        }
    }
}

#[test]
fn hostile_texts_compare_with_each_other_in_one_collection() {
    let texts = hostile();
    let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    let c = Collection::new(&refs);
    for i in 0..refs.len() {
        for j in 0..refs.len() {
            let cmp = c.compare(i, j, &Options::default()).unwrap();
            let m = split_model(&cmp, refs[i], refs[j], BoilerplateDisplay::Dim);
            assert_eq!(
                squash(&m.pane_text(Side::A)),
                squash(refs[i]),
                "{} vs {}",
                texts[i].0,
                texts[j].0
            );
            assert_eq!(
                squash(&m.pane_text(Side::B)),
                squash(refs[j]),
                "{} vs {}",
                texts[i].0,
                texts[j].0
            );
        }
    }
}

/// A text with a small vocabulary has no rare word (every word is in many
/// sentences), yet the sentences both texts hold word for word still pair:
/// "only in A" must not be said of a sentence B has too.
#[test]
fn repeated_sentences_of_a_small_vocabulary_still_pair() {
    let words = [
        "the", "order", "said", "would", "report", "plan", "safety", "test", "model", "review",
    ];
    let sentence = |k: usize| {
        let d = [k % 10, (k / 10) % 10, (k / 100) % 10];
        let s = [d[0], d[1], d[2], (d[0] + d[1]) % 10, (k * 7) % 10]
            .map(|i| words[i])
            .join(" ");
        format!("{}{}.", s[..1].to_uppercase(), &s[1..])
    };
    let text = |f: &dyn Fn(usize) -> usize| {
        (0..300)
            .map(|k| sentence(f(k)))
            .collect::<Vec<_>>()
            .chunks(5)
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let a = text(&|k| k);
    // Every third sentence differs; the other 200 are A's, word for word.
    let b = text(&|k| if k % 3 == 0 { k + 300 } else { k });
    let col = Collection::lexical(&[&a, &b]);
    let cmp = col.compare(0, 1, &Options::default()).expect("a pair");
    let paired = cmp
        .rows
        .iter()
        .filter(|r| r.a.is_some() && r.b.is_some())
        .count();
    assert!(cmp.stats.equal >= 190, "{:?}", cmp.stats);
    assert!(paired >= 200, "{paired} rows paired: {:?}", cmp.stats);
    assert!(cmp.coverage.a_shared >= 200, "{:?}", cmp.coverage);
}
