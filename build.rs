//! Embeds `guides/` and `providers/` in the binary, so an installed `kapguide` works from any
//! directory. Files go through the same loader as files on disk (size, UTF-8 and schema checks).

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn embed(dir: &str, extensions: &[&str], out: &mut String, name: &str) {
    println!("cargo:rerun-if-changed={dir}");
    // Read at run time, not baked in with env!: a build script compiled in one checkout and
    // reused from a copied target directory would otherwise embed that other checkout's files.
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut files: Vec<_> = fs::read_dir(root.join(dir))
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        extensions.contains(&ext) && p.file_name().is_some_and(|n| n != "README.md")
    });
    files.sort();
    writeln!(out, "pub static {name}: &[(&str, &[u8])] = &[").unwrap();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = path.file_name().unwrap().to_string_lossy();
        writeln!(
            out,
            "    ({:?}, include_bytes!({:?})),",
            format!("{dir}/{file}"),
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let mut out = String::new();
    embed("guides", &["md", "toml"], &mut out, "GUIDE_FILES");
    embed("providers", &["toml"], &mut out, "PROVIDER_FILES");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("bundled.rs");
    fs::write(dest, out).unwrap();
}
