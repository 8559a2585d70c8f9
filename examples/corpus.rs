//! Writes the benchmark corpus as a project, and optionally the same
//! briefings as a Hugo site:
//! `cargo run --release --example corpus -- DIR [BRIEFINGS] [--hugo HUGO_DIR]`.

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hugo = args.iter().position(|a| a == "--hugo").and_then(|i| args.get(i + 1)).cloned();
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--hugo"))
        .map(|(_, a)| a)
        .collect();
    let dir = positional.first().map_or("corpus", |d| d.as_str());
    let briefings = positional.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    corpus::write_project(std::path::Path::new(dir), briefings)?;
    println!("wrote {briefings} briefings to {dir}");
    if let Some(hugo) = hugo {
        corpus::write_hugo(std::path::Path::new(&hugo), briefings)?;
        println!("wrote the same {briefings} briefings as a Hugo site to {hugo}");
    }
    Ok(())
}
