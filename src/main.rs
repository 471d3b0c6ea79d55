//! Entry point of the browser app (built by `trunk`). Natively there is nothing to
//! run: use `cargo run --example compare` for the engine's command-line front end.

#[cfg(target_arch = "wasm32")]
fn main() {
    report_diff::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "report-diff is a browser app: run `bash scripts/serve.sh`.\n\
         For the engine on the command line: cargo run --release --example compare -- A.txt B.txt --json"
    );
}
