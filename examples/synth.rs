//! Writes a synthetic report pair (see `report_diff::synth`) to two files, for
//! the browser benchmark and for trying the engine on large texts:
//!
//! ```sh
//! cargo run --release --example synth -- 1000000 50 1 a.txt b.txt
//! ```
//!
//! Arguments: bytes per text, percent of sentences rewritten, seed, the two
//! output files. Prints the two sizes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [bytes, percent, seed, out_a, out_b] = args.as_slice() else {
        eprintln!("usage: synth BYTES REWRITTEN_PERCENT SEED OUT_A OUT_B");
        return ExitCode::from(2);
    };
    let (Ok(bytes), Ok(percent), Ok(seed)) = (bytes.parse(), percent.parse(), seed.parse()) else {
        eprintln!("synth: BYTES, REWRITTEN_PERCENT and SEED must be whole numbers");
        return ExitCode::from(2);
    };
    let (a, b) = report_diff::synth::pair(bytes, percent, seed);
    for (path, text) in [(out_a, &a), (out_b, &b)] {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("synth: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("{} {}", a.len(), b.len());
    ExitCode::SUCCESS
}
