//! Loading many provider files: the same providers, problems and order for any thread count
//! and any order the directory lists its files in (proptest), and duplicate ids resolved as
//! documented (later directories win, each override warned about). Guides, parsed in parallel
//! too, load the same on any thread count; a command reads only the files it shows.

mod cli_support;

use std::path::{Path, PathBuf};

use kapguide::core::date::Date;
use kapguide::io::loader::{Content, Library, LoadOptions, Progress, load, load_provider_dirs};
use proptest::prelude::*;

const FIXTURES: &str = "tests/fixtures/providers";
const DIRS: usize = 3;

/// Every provider fixture, valid and invalid (one per failure mode), as (stem, bytes).
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    for group in ["valid", "invalid"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(FIXTURES).join(group))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            found.push((stem, std::fs::read(&path).unwrap()));
        }
    }
    found
}

fn options(root: &Path, threads: usize) -> LoadOptions {
    LoadOptions {
        guides_dir: Some(PathBuf::from("tests/fixtures/guides")),
        provider_dirs: (0..DIRS).map(|d| root.join(format!("d{d}"))).collect(),
        bundled_providers: false,
        today: Date::parse("2026-11-25").unwrap(),
        threads,
        ..LoadOptions::default()
    }
}

/// Writes the files in the order given: (directory, fixture, copy number).
fn write(root: &Path, files: &[(usize, usize, usize)], fixtures: &[(String, Vec<u8>)]) {
    for d in 0..DIRS {
        std::fs::create_dir_all(root.join(format!("d{d}"))).unwrap();
    }
    for &(dir, fixture, copy) in files {
        let (stem, bytes) = &fixtures[fixture];
        let path = root.join(format!("d{dir}/{stem}-{copy}.toml"));
        std::fs::write(path, bytes).unwrap();
    }
}

/// Everything a load produced, with the temporary directory's path taken out so that loads of
/// different directories compare.
fn summary(lib: &Library, root: &Path) -> Vec<String> {
    let root = root.display().to_string();
    let providers = lib
        .providers
        .iter()
        .map(|p| format!("{p:?}").replace(&root, "ROOT"));
    let problems = lib
        .problems
        .iter()
        .map(|p| p.to_string().replace(&root, "ROOT"));
    let guides = lib
        .guides
        .iter()
        .map(|g| format!("{g:?}").replace(&root, "ROOT"));
    guides
        .chain(providers)
        .chain(problems)
        .chain([format!("skipped {}", lib.skipped)])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_thread_count_and_file_order_loads_the_same(
        files in prop::collection::vec((0..DIRS, 0..17usize, 0..6usize), 0..120),
        threads in 2..9usize,
        shuffle in any::<u64>(),
    ) {
        let fixtures = fixtures();
        let files: Vec<_> = files.into_iter().map(|(d, f, c)| (d, f % fixtures.len(), c)).collect();
        // The same files created in a shuffled order and in order, in two places.
        let mut shuffled = files.clone();
        fastrand::Rng::with_seed(shuffle).shuffle(&mut shuffled);
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(a.path(), &shuffled, &fixtures);
        write(b.path(), &files, &fixtures);

        let one = summary(&load(&options(a.path(), 1)), a.path());
        let many = summary(&load(&options(a.path(), threads)), a.path());
        let other_order = summary(&load(&options(b.path(), threads)), b.path());
        prop_assert_eq!(&one, &many);
        prop_assert_eq!(&one, &other_order);
    }
}

/// A guides directory of good guides and broken ones (no front matter, an unknown citation, a
/// link to a missing guide, an id that is not its file's name), `copies` of each.
fn guides_dir(root: &Path, copies: usize) -> PathBuf {
    let dir = root.join("guides");
    std::fs::create_dir_all(&dir).unwrap();
    let basics = std::fs::read_to_string("tests/fixtures/guides/basics.md").unwrap();
    for copy in 0..copies {
        let renamed = |id: &str| basics.replace("id = \"basics\"", &format!("id = \"{id}\""));
        let files = [
            (format!("good-{copy}"), renamed(&format!("good-{copy}"))),
            (format!("bare-{copy}"), "no front matter here\n".to_string()),
            (
                format!("cites-{copy}"),
                renamed(&format!("cites-{copy}")).replace("[^example-source]", "[^nowhere]"),
            ),
            (
                format!("links-{copy}"),
                renamed(&format!("links-{copy}")).replace("guide:other", "guide:missing"),
            ),
            (format!("twin-{copy}"), renamed("twin")),
        ];
        for (stem, text) in files {
            std::fs::write(dir.join(format!("{stem}.md")), text).unwrap();
        }
    }
    dir
}

#[test]
fn guides_load_the_same_on_any_thread_count() {
    let root = tempfile::tempdir().unwrap();
    let guides = guides_dir(root.path(), 6);
    let load_on = |threads| {
        let options = LoadOptions {
            guides_dir: Some(guides.clone()),
            ..options(root.path(), threads)
        };
        summary(&load(&options), root.path())
    };
    let one = load_on(1);
    assert!(
        one.iter().any(|line| line.contains("`[^nowhere]`")),
        "{one:#?}"
    );
    assert!(
        one.iter().any(|line| line.contains("`missing`")),
        "{one:#?}"
    );
    for threads in [2, 3, 8] {
        assert_eq!(load_on(threads), one, "{threads} threads");
    }
}

#[test]
fn a_load_reads_only_the_content_asked_for() {
    let root = tempfile::tempdir().unwrap();
    let fixtures = fixtures();
    let files: Vec<_> = (0..fixtures.len()).map(|f| (0, f, 0)).collect();
    write(root.path(), &files, &fixtures);
    let guides = guides_dir(root.path(), 1);
    let load_reading = |content| {
        let options = LoadOptions {
            guides_dir: Some(guides.clone()),
            content,
            ..options(root.path(), 2)
        };
        load(&options)
    };
    let all = load_reading(Content::ALL);
    assert!(!all.guides.is_empty() && !all.providers.is_empty() && !all.options.rows.is_empty());
    let mentions = |lib: &Library, dir: &str| lib.problems.iter().any(|p| p.path.starts_with(dir));
    assert!(mentions(&all, &guides.display().to_string()));

    let no_guides = load_reading(Content {
        guides: false,
        ..Content::ALL
    });
    assert!(no_guides.guides.is_empty());
    assert!(!mentions(&no_guides, &guides.display().to_string()));
    assert_eq!(no_guides.providers, all.providers);

    let no_providers = load_reading(Content {
        providers: false,
        options: false,
        ..Content::ALL
    });
    assert!(no_providers.providers.is_empty() && no_providers.options.rows.is_empty());
    assert_eq!(no_providers.guides, all.guides);
    assert_eq!(no_providers.checklist, all.checklist);
}

#[test]
fn later_directories_win_and_each_override_is_warned_about() {
    let fixtures = fixtures();
    let thorough = fixtures.iter().position(|(s, _)| s == "thorough").unwrap();
    let root = tempfile::tempdir().unwrap();
    // The same id in all three directories, among enough other files to use every thread.
    let mut files: Vec<_> = (0..DIRS).map(|d| (d, thorough, 0)).collect();
    files.extend((1..6).flat_map(|c| (0..4).map(move |f| (c % DIRS, f, c))));
    write(root.path(), &files, &fixtures);

    let lib = load(&options(root.path(), 4));
    let dir = |d: usize| root.path().join(format!("d{d}/thorough-0.toml"));
    let winner = lib.provider("thorough-0").expect("loaded");
    assert_eq!(winner.origin, dir(2));
    let warnings: Vec<String> = lib
        .problems
        .iter()
        .filter(|p| p.message.contains("thorough-0"))
        .map(|p| format!("{} {}", p.path.display(), p.message))
        .collect();
    assert_eq!(
        warnings,
        [1, 2].map(|d| format!(
            "{} provider id `thorough-0` is also defined in {}; this file wins",
            dir(d).display(),
            dir(d - 1).display()
        ))
    );
    assert_eq!(
        lib.providers
            .iter()
            .filter(|p| p.id == "thorough-0")
            .count(),
        1
    );
}

#[test]
fn a_cancelled_load_returns_nothing() {
    let fixtures = fixtures();
    let root = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..40).map(|c| (0, c % 4, c)).collect();
    write(root.path(), &files, &fixtures);
    let options = options(root.path(), 2);
    let checklist = load(&options).checklist;

    let progress = Progress::default();
    progress.cancel();
    assert!(load_provider_dirs(&options, &checklist, &progress).is_none());

    let progress = Progress::default();
    let loaded = load_provider_dirs(&options, &checklist, &progress).expect("not cancelled");
    assert_eq!(progress.counts(), (40, 40));
    assert_eq!(loaded.providers.len() + loaded.skipped, 40);
}

/// `kapguide providers` over many files shows "loading providers N / M" on stderr only when
/// stderr is a terminal. The debug-build hook shows it at once instead of after a second, so
/// a small test load would show it wherever it is allowed.
mod progress_on_stderr {
    use super::*;

    fn many_files(root: &Path) -> PathBuf {
        let fixtures = fixtures();
        let files: Vec<_> = (0..300).map(|c| (0, c % 4, c)).collect();
        write(root, &files, &fixtures);
        root.join("d0")
    }

    #[test]
    fn piped_stderr_never_gets_progress() {
        let root = tempfile::tempdir().unwrap();
        let dir = many_files(root.path());
        let output = cli_support::kapguide_std(root.path())
            .env("KAPGUIDE_TEST_PROGRESS_AFTER_MS", "0")
            .args(["--no-bundled", "--providers"])
            .arg(&dir)
            .arg("providers")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("loading providers"), "{stderr}");
        assert!(!stderr.contains('\r'), "{stderr:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("thorough-"));
    }

    /// The same run on a terminal (`script` gives it one) shows the line, then clears it.
    #[test]
    fn a_terminal_gets_progress() {
        let root = tempfile::tempdir().unwrap();
        let dir = many_files(root.path());
        let bin = assert_cmd::cargo::cargo_bin!("kapguide");
        let command = format!(
            "{} --no-bundled --providers {} providers",
            bin.display(),
            dir.display()
        );
        let mut script = std::process::Command::new("script");
        script.args(["-qec", &command, "/dev/null"]);
        for (key, value) in cli_support::kapguide_std(root.path()).get_envs() {
            if let Some(value) = value {
                script.env(key, value);
            }
        }
        let Ok(output) = script.env("KAPGUIDE_TEST_PROGRESS_AFTER_MS", "0").output() else {
            eprintln!("skipped: `script` (util-linux) is not installed");
            return;
        };
        let shown = String::from_utf8_lossy(&output.stdout);
        assert!(shown.contains("kapguide: loading providers"), "{shown}");
    }
}
