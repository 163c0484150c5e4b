//! What `cargo package` ships: everything an installed kapguide embeds (the guides, the
//! checklist, the providers, the build script that embeds them) and nothing of the repository's
//! own tooling (tests and their fixtures, benches, fuzz targets, CI).

use std::path::Path;
use std::process::Command;

#[test]
fn the_package_carries_guides_and_providers_and_leaves_tests_out() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // --list only names the files (no build, no network); --allow-dirty so it runs mid-edit.
    let out = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    let files: Vec<&str> = listed.lines().collect();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "build.rs",
        "src/main.rs",
        "src/lib.rs",
    ] {
        assert!(
            files.contains(&needed),
            "{needed} is not packaged: {files:?}"
        );
    }
    // Every guide, checklist, options, crisis and provider file build.rs embeds.
    for dir in ["guides", "providers"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let extension = std::path::Path::new(&name).extension();
            if extension
                .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("toml"))
            {
                let path = format!("{dir}/{name}");
                assert!(files.contains(&path.as_str()), "{path} is not packaged");
            }
        }
    }
    let tooling: Vec<&&str> = files
        .iter()
        .filter(|f| {
            ["tests/", "benches/", "fuzz/", ".ci/", "examples/", "docs/"]
                .iter()
                .any(|d| f.starts_with(d))
        })
        .collect();
    assert!(tooling.is_empty(), "packaged: {tooling:?}");
}
