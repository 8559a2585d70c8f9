//! Writes the benchmark corpus as a project: `cargo run --release --example corpus -- DIR [BRIEFINGS]`.

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus".to_string());
    let briefings = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    corpus::write_project(std::path::Path::new(&dir), briefings)?;
    println!("wrote {briefings} briefings to {dir}");
    Ok(())
}
