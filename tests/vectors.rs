//! The semantic-vector artifacts (`data/sentences.bin`, `data/words.bin`) against the bundled
//! reports and the build script's own figures.
// Tests are not in the wasm, so the standard sorts' code size does not matter here.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeSet;

use report_diff::engine::semantic::{cosine, SentenceTable, Vector, WordTable};
use report_diff::engine::Document;

const REBUILD: &str =
    "rerun `python3 scripts/vectors/build.py` (see data/PROVENANCE.md) and commit data/";

fn path(rel: &str) -> String {
    format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// The `text` of every segment of every `reports/*.txt`, as the engine segments them now.
fn report_segments() -> BTreeSet<String> {
    let mut files: Vec<_> = std::fs::read_dir(path("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "expected the five bundled reports");
    let mut out = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let doc = Document::new(&text);
        for s in doc.segments() {
            out.insert(text[s.text.0..s.text.1].to_string());
        }
    }
    out
}

fn words() -> WordTable {
    let bytes = std::fs::read(path("data/words.bin")).unwrap();
    WordTable::from_bytes(&bytes).unwrap_or_else(|e| panic!("data/words.bin: {e}; {REBUILD}"))
}

#[test]
fn sentence_table_covers_exactly_the_bundled_segments() {
    let table = SentenceTable::from_bytes(&std::fs::read(path("data/sentences.bin")).unwrap())
        .unwrap_or_else(|e| panic!("data/sentences.bin: {e}; {REBUILD}"));
    assert_eq!(table.len(), SentenceTable::bundled().len());
    let segments = report_segments();
    let missing: Vec<&String> = segments.iter().filter(|s| table.get(s).is_none()).collect();
    // Every segment found and as many entries as distinct segments: the same set of hashes.
    assert!(
        missing.is_empty() && table.len() == segments.len(),
        "data/sentences.bin does not match reports/*.txt as segmented now: {} of {} segments have \
         no vector (first: {:?}), the table has {} entries; {REBUILD}",
        missing.len(),
        segments.len(),
        missing.first(),
        table.len()
    );
    // The vectors are unit length and of one size.
    let dims: BTreeSet<usize> = segments
        .iter()
        .map(|s| {
            let v = table.get(s).unwrap();
            let norm: f32 = v.0.iter().map(|x| x * x).sum();
            assert!((norm - 1.0).abs() < 1e-4);
            v.0.len()
        })
        .collect();
    assert_eq!(dims.len(), 1);
}

#[test]
fn sentence_table_stays_small() {
    let size = std::fs::metadata(path("data/sentences.bin")).unwrap().len();
    // It is compiled into the wasm: at most about 100 bytes a sentence.
    assert!(size < 30_000, "data/sentences.bin is {size} bytes");
}

#[test]
fn word_table_parses_and_embeds() {
    let t = words();
    assert!(t.len() >= 10_000);
    let size = std::fs::metadata(path("data/words.bin")).unwrap().len();
    assert!(size <= 1_600_000, "data/words.bin is {size} bytes");
    let en = t
        .embed("The president delayed the executive order.")
        .unwrap();
    let zh = t.embed("总统推迟了这项行政命令。").unwrap();
    let other = t
        .embed("Heavy rain flooded the valley and closed two schools.")
        .unwrap();
    let mixed = t.embed("研究人员发布了新的AI模型Mythos。").unwrap();
    assert!(
        cosine(&en, &zh) > cosine(&en, &other),
        "a translation is closer than an unrelated sentence"
    );
    assert!(cosine(&mixed, &mixed) > 0.999);
    assert!(t.embed("").is_none());
    assert!(t.embed("12:30 — 42%").is_none());
}

#[test]
fn rust_word_vectors_match_the_build_scripts() {
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(path("tests/fixtures/word_vectors_ref.json")).unwrap(),
    )
    .unwrap();
    let t = words();
    let cases = fixture["sentences"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let text = case["text"].as_str().unwrap();
        let want: Option<Vector> = serde_json::from_value(case["vector"].clone()).unwrap();
        let got = t.embed(text);
        match (&want, &got) {
            (Some(w), Some(g)) => {
                let c = cosine(w, g);
                assert!(
                    c >= 0.999,
                    "{text:?}: Rust and Python word vectors differ (cosine {c}); {REBUILD}"
                );
            }
            (None, None) => {}
            _ => panic!("{text:?}: Python gave {want:?}, Rust {got:?}; the tokenisers differ"),
        }
    }
}

#[test]
fn both_sources_share_one_space() {
    // The word table's vector of a bundled sentence leans towards the sentence model's vector of
    // it: on average clearly closer than to the model's vectors of the other sentences.
    let t = words();
    let table = SentenceTable::bundled();
    let texts: Vec<String> = report_segments().into_iter().collect();
    let pairs: Vec<(Vector, Vector)> = texts
        .iter()
        .filter_map(|s| Some((table.get(s)?, t.embed(s)?)))
        .collect();
    assert!(pairs.len() > 100);
    let n = pairs.len() as f32;
    let same: f32 = pairs.iter().map(|(m, w)| cosine(m, w)).sum::<f32>() / n;
    let shifted: f32 = pairs
        .iter()
        .zip(pairs.iter().cycle().skip(1))
        .map(|((m, _), (_, w))| cosine(m, w))
        .sum::<f32>()
        / n;
    eprintln!(
        "word table vs sentence model, {} bundled segments: mean cosine {same:.3} for the same \
         sentence, {shifted:.3} for another",
        pairs.len()
    );
    assert!(
        same > shifted + 0.2,
        "same sentence {same:.3}, another sentence {shifted:.3}"
    );
}
