//! Command-line front end of the engine.
//!
//! ```text
//! cargo run --release --example compare -- A.txt B.txt [--json] [--ignore-case]
//!     [--ignore-punctuation] [--ignore-whitespace] [--semantic auto|sentences|words|none]
//! cargo run --release --example compare -- --overview FILE… [--json] [noise options] [--semantic …]
//! ```
//!
//! Two files: the comparison of A with B. Without `--json`, a readable summary:
//! one line per row. With `--overview` and 2 to 20 files: the overview of all
//! of them (story map, coverage, quote groups, figures, names and a summary);
//! every group names its reports by input order and file name.
//!
//! Sentence vectors (`--semantic`): `auto` (the default) uses the compiled-in
//! vectors of the bundled reports when they know every sentence of the files,
//! else the word-vector table `data/words.bin` (compiled into this binary);
//! `sentences` and `words` force one source; `none` compares shared words only.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use report_diff::engine::overview::{self, Overview, MAX_REPORTS};
use report_diff::engine::semantic::{SentenceTable, WordTable};
use report_diff::engine::{Collection, Options, RowKind, Semantics, Span};

/// The word-vector table, for texts the bundled sentence vectors do not know.
const WORDS: &[u8] = include_bytes!("../data/words.bin");

fn usage() -> ExitCode {
    eprintln!(
        "usage: compare A.txt B.txt [--json] [--ignore-case] [--ignore-punctuation] [--ignore-whitespace] [--semantic MODE]\n       \
         compare --overview FILE… [--json] [--ignore-case] [--ignore-punctuation] [--ignore-whitespace] [--semantic MODE]\n       \
         (--overview takes 2 to {MAX_REPORTS} files; MODE is auto, sentences, words or none)"
    );
    ExitCode::from(2)
}

/// The word table, when `mode` may use it (a broken table only warns).
fn word_table(mode: &str) -> Option<WordTable> {
    if mode != "auto" && mode != "words" {
        return None;
    }
    WordTable::from_bytes(WORDS)
        .map_err(|e| eprintln!("warning: data/words.bin: {e}; comparing without word vectors"))
        .ok()
}

/// Where sentence vectors come from under `mode`.
fn semantics<'w>(mode: &str, words: Option<&'w WordTable>) -> Semantics<'w> {
    Semantics {
        sentences: (mode == "auto" || mode == "sentences").then(SentenceTable::bundled),
        words,
    }
}

fn read(f: &str) -> Result<String, String> {
    match std::fs::read(f) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| format!("{f}: not valid UTF-8")),
        Err(e) => Err(format!("{f}: {e}")),
    }
}

/// Writes JSON; a closed pipe (`| head`) ends the output quietly.
fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match serde_json::to_writer_pretty(&mut out, value) {
        Ok(()) => {
            let _ = writeln!(out);
            ExitCode::SUCCESS
        }
        Err(e) if e.is_io() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn clip(s: &str, n: usize) -> String {
    let s = s.trim().replace('\n', " ");
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    } else {
        s
    }
}

/// Report names: file names, or the paths as given when two file names
/// coincide.
fn names(files: &[String]) -> Vec<String> {
    let base: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let unique = base.iter().collect::<std::collections::BTreeSet<_>>().len() == base.len();
    if unique {
        base
    } else {
        files.to_vec()
    }
}

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut json = false;
    let mut all = false;
    let mut opts = Options::default();
    let mut semantic = "auto".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--semantic" => match args.next() {
                Some(m) if ["auto", "sentences", "words", "none"].contains(&m.as_str()) => {
                    semantic = m
                }
                _ => return usage(),
            },
            "--json" => json = true,
            "--overview" => all = true,
            "--ignore-case" => opts.ignore_case = true,
            "--ignore-punctuation" => opts.ignore_punctuation = true,
            "--ignore-whitespace" => opts.ignore_whitespace = true,
            "-h" | "--help" => return usage(),
            s if s.starts_with("--") => {
                eprintln!("unknown option: {s}");
                return usage();
            }
            _ => files.push(arg),
        }
    }
    if all {
        return run_overview(&files, json, &opts, &semantic);
    }
    let [fa, fb] = files.as_slice() else {
        return usage();
    };
    let (a, b) = match (read(fa), read(fb)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let words = word_table(&semantic);
    let col = Collection::with_semantics(&[&a, &b], semantics(&semantic, words.as_ref()));
    let Some(cmp) = col.compare(0, 1, &opts) else {
        return ExitCode::FAILURE;
    };
    if json {
        return print_json(&cmp);
    }
    let mut out = std::io::stdout().lock();
    if writeln!(out, "similarity {:.3}  {:?}", cmp.similarity, cmp.stats).is_err() {
        return ExitCode::SUCCESS;
    }
    for (i, r) in cmp.rows.iter().enumerate() {
        let mark = match (r.kind, r.moved) {
            (_, true) => "~",
            (RowKind::Equal, _) => "=",
            (RowKind::Changed, _) => "*",
            (RowKind::OnlyA, _) => "<",
            (RowKind::OnlyB, _) => ">",
        };
        let side = |t: &str, s: Option<Span>| s.map_or(String::new(), |s| clip(&t[s.0..s.1], 60));
        let line = writeln!(
            out,
            "{i:3} {mark}{} {:.2} | {:<60} | {}",
            if r.boilerplate { "b" } else { " " },
            r.score,
            side(&a, r.a),
            side(&b, r.b)
        );
        if line.is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn run_overview(files: &[String], json: bool, opts: &Options, mode: &str) -> ExitCode {
    if files.len() < 2 || files.len() > MAX_REPORTS {
        eprintln!(
            "error: --overview takes 2 to {MAX_REPORTS} files, got {}",
            files.len()
        );
        return usage();
    }
    let mut texts = Vec::with_capacity(files.len());
    for f in files {
        match read(f) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let words = word_table(mode);
    let col = Collection::with_semantics(&texts, semantics(mode, words.as_ref()));
    let o = match overview::build(&col, &names(files), opts) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        return print_json(&o);
    }
    // A closed pipe ends the output quietly.
    let _ = print_overview(&o, &texts);
    ExitCode::SUCCESS
}

/// The overview as readable text.
fn print_overview(o: &Overview, texts: &[String]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let slice = |r: usize, s: Span| texts[r].get(s.0..s.1).unwrap_or("");
    for (k, r) in o.reports.iter().enumerate() {
        writeln!(
            out,
            "[{k}] {} ({} story sentences)",
            r.report.name, r.story_sentences
        )?;
    }
    writeln!(out, "\nSummary")?;
    for s in &o.summary {
        writeln!(out, "  {s}")?;
    }
    writeln!(
        out,
        "\nCoverage (row: share of its story sentences whose fact the column report also tells)"
    )?;
    let n = o.reports.len();
    write!(out, "     ")?;
    for c in 0..n {
        write!(out, "{c:>6}")?;
    }
    writeln!(out)?;
    for r in 0..n {
        write!(out, "{r:>5}")?;
        for c in 0..n {
            match o
                .coverage
                .iter()
                .find(|x| x.of.index == r && x.by.index == c)
            {
                Some(x) => write!(out, "{:>5.0}%", x.share * 100.0)?,
                None => write!(out, "{:>6}", "—")?,
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "\nStory map ({} facts)", o.facts.len())?;
    for f in &o.facts {
        let marks: String = f
            .counts
            .iter()
            .map(|&c| match c {
                0 => "  .".to_string(),
                c => format!("{c:>3}"),
            })
            .collect();
        writeln!(
            out,
            "{marks}  {}",
            clip(slice(f.label.report, f.label.span), 90)
        )?;
    }
    writeln!(out, "\nQuotes ({} groups)", o.quotes.len())?;
    for g in &o.quotes {
        let reports: Vec<String> = g.reports.iter().map(|r| r.index.to_string()).collect();
        writeln!(
            out,
            "  [{}] {} · {} wording(s)",
            reports.join(","),
            g.speaker.as_deref().unwrap_or("(unattributed)"),
            g.wordings
        )?;
        for (i, m) in g.members.iter().enumerate() {
            writeln!(
                out,
                "     {}{} “{}”",
                m.report,
                if i == g.reference { "*" } else { " " },
                clip(slice(m.report, m.span), 100)
            )?;
        }
    }
    writeln!(out, "\nFigures ({} groups)", o.figures.len())?;
    for g in &o.figures {
        let per: Vec<String> = g
            .mentions
            .iter()
            .map(|m| format!("{}: {}", m.report, m.value))
            .collect();
        let f = &g.mentions[g.label];
        writeln!(
            out,
            "  {} {:<10} {}  | {}",
            if g.divergent { "≠" } else { " " },
            g.kind.label(),
            per.join(" · "),
            clip(slice(f.report, f.sentence), 80)
        )?;
    }
    writeln!(out, "\nNames ({} groups)", o.names.len())?;
    for g in &o.names {
        let marks: String = g
            .counts
            .iter()
            .map(|&c| match c {
                0 => "  .".to_string(),
                c => format!("{c:>3}"),
            })
            .collect();
        writeln!(out, "{marks}  {} ({})", g.name, g.forms.join(" | "))?;
    }
    Ok(())
}
