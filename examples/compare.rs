//! Command-line front end of the engine.
//!
//! ```text
//! cargo run --release --example compare -- A.txt B.txt [--json] [--ignore-case]
//!     [--ignore-punctuation] [--ignore-whitespace]
//! ```
//!
//! Without `--json` it prints a readable summary: one line per row.

use std::io::Write;
use std::process::ExitCode;

use report_diff::engine::{compare, Options, RowKind};

fn usage() -> ExitCode {
    eprintln!(
        "usage: compare A.txt B.txt [--json] [--ignore-case] [--ignore-punctuation] [--ignore-whitespace]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut json = false;
    let mut opts = Options::default();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
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
    let [fa, fb] = files.as_slice() else {
        return usage();
    };
    let read = |f: &str| match std::fs::read(f) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| format!("{f}: not valid UTF-8")),
        Err(e) => Err(format!("{f}: {e}")),
    };
    let (a, b) = match (read(fa), read(fb)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let cmp = compare(&a, &b, &opts);
    // A closed pipe (`| head`) ends the output quietly instead of panicking.
    let mut out = std::io::stdout().lock();
    if json {
        return match serde_json::to_writer_pretty(&mut out, &cmp) {
            Ok(()) => {
                let _ = writeln!(out);
                ExitCode::SUCCESS
            }
            Err(e) if e.is_io() => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if writeln!(out, "similarity {:.3}  {:?}", cmp.similarity, cmp.stats).is_err() {
        return ExitCode::SUCCESS;
    }
    let clip = |s: &str| {
        let s = s.trim().replace('\n', " ");
        if s.chars().count() > 60 {
            format!("{}…", s.chars().take(59).collect::<String>())
        } else {
            s
        }
    };
    for (i, r) in cmp.rows.iter().enumerate() {
        let mark = match (r.kind, r.moved) {
            (_, true) => "~",
            (RowKind::Equal, _) => "=",
            (RowKind::Changed, _) => "*",
            (RowKind::OnlyA, _) => "<",
            (RowKind::OnlyB, _) => ">",
        };
        let side = |t: &str, s: Option<report_diff::engine::Span>| {
            s.map_or(String::new(), |s| clip(&t[s.0..s.1]))
        };
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
