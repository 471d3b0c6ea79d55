//! Prints the sentences the engine cuts each file into, as JSON, for the
//! semantic-vector build script (`scripts/vectors/build.py`), which embeds
//! exactly these texts.
//!
//! ```text
//! cargo run --release --example segments -- A.txt [B.txt …]
//! ```
//!
//! Output: `[{"file": "A.txt", "segments": [{"text": "…", "lang": "en"}, …]}, …]`,
//! where `text` is each segment's `text` span and `lang` its script.

use std::io::Write;
use std::process::ExitCode;

use report_diff::engine::segment::Segment;
use report_diff::engine::Document;
use serde::Serialize;

#[derive(Serialize)]
struct SegmentOut<'a> {
    text: &'a str,
    lang: report_diff::engine::segment::Lang,
}

#[derive(Serialize)]
struct FileOut<'a> {
    file: &'a str,
    segments: Vec<SegmentOut<'a>>,
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f.starts_with("--")) {
        eprintln!("usage: segments FILE.txt [FILE.txt …]");
        return ExitCode::from(2);
    }
    let mut docs = Vec::new();
    for f in &files {
        match std::fs::read(f).map(String::from_utf8) {
            Ok(Ok(text)) => docs.push(Document::new(&text)),
            Ok(Err(_)) => {
                eprintln!("error: {f}: not valid UTF-8");
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("error: {f}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let out: Vec<FileOut> = files
        .iter()
        .zip(&docs)
        .map(|(file, doc)| FileOut {
            file,
            segments: doc
                .segments()
                .iter()
                .map(|s: &Segment| SegmentOut {
                    text: &doc.text()[s.text.0..s.text.1],
                    lang: s.lang,
                })
                .collect(),
        })
        .collect();
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) ends the output quietly instead of panicking.
    match serde_json::to_writer(&mut stdout, &out).map(|()| writeln!(stdout)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if e.is_io() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
