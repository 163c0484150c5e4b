//! The floor for loading benchmarks, as a whole process: list, read and parse every `.toml` in
//! DIR into a `toml::Table` on one thread, keeping nothing. `cargo run --release --example floor DIR`

fn main() {
    let dir = std::env::args().nth(1).expect("usage: floor DIR");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("read DIR")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let parsed = paths
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            toml::from_str::<toml::Table>(&text).is_ok()
        })
        .count();
    println!("{parsed} of {} files parse", paths.len());
}
