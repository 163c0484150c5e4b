//! Random key sequences (seeded, so a failure repeats) through the real app and run loop in
//! every view and at many sizes: nothing may panic, every frame must draw, and after each key
//! every selection is within what it selects from (`App::broken_invariants`).

mod tui_support;

use kapguide::tui::Theme;
use kapguide::tui::keymap::BINDINGS;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::Session;

/// Every key the keymap knows, plus text, editing keys and a few it does not know.
fn key_pool() -> Vec<KeyEvent> {
    let mut pool: Vec<KeyEvent> = BINDINGS
        .iter()
        .flat_map(|b| b.keys)
        .filter(|k| !(k.ctrl && k.code == KeyCode::Char('c')))
        .map(|k| KeyEvent::new(k.code, k.modifiers()))
        .collect();
    for c in "abcxyz ñé✓😀\u{1b}\u{7}".chars() {
        pool.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    for code in [
        KeyCode::Insert,
        KeyCode::F(5),
        KeyCode::Null,
        KeyCode::CapsLock,
    ] {
        pool.push(KeyEvent::new(code, KeyModifiers::NONE));
    }
    pool.push(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT));
    pool
}

const SIZES: [(u16, u16); 7] = [
    (120, 40),
    (80, 24),
    (60, 16),
    (200, 60),
    (59, 15),
    (20, 5),
    (61, 17),
];

fn run(seed: u64, start: &str, steps: usize) {
    let pool = key_pool();
    let mut visited = std::collections::HashSet::new();
    // Seeded, so a failure repeats.
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut s = Session::with(
        120,
        40,
        Theme::mono(seed.is_multiple_of(2)),
        seed.is_multiple_of(3),
    );
    s.keys(start);
    for step in 0..steps {
        if s.app.should_quit() {
            // Quitting is allowed; carry on in a fresh session on the same files, as a restart.
            let theme = Theme::colour(!seed.is_multiple_of(2));
            let home = s.home.clone();
            let dir = std::mem::replace(&mut s, Session::open(&home, 80, 24, theme, false));
            s.adopt(dir);
        }
        let before = format!("{:?} at step {step} (seed {seed})", s.app.mode());
        if rng.usize(..40) == 0 {
            let (w, h) = SIZES[rng.usize(..SIZES.len())];
            s.resize(w, h);
            let broken = s.app.broken_invariants();
            assert!(
                broken.is_empty(),
                "resize to {w}×{h} in {before}: {broken:?}"
            );
            continue;
        }
        let key = pool[rng.usize(..pool.len())];
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            s.run(vec![Event::Key(key)]);
        }));
        assert!(result.is_ok(), "{key:?} in {before} panicked");
        // Checked after every key, so a bad selection is caught at the key that made it.
        let broken = s.app.broken_invariants();
        assert!(broken.is_empty(), "{key:?} in {before} left: {broken:?}");
        visited.insert(format!("{:?}", s.app.mode()));
    }
    // Random keys that never left the first screen would prove little.
    assert!(visited.len() >= 6, "seed {seed} only reached {visited:?}");
}

#[test]
fn random_keys_in_the_guides() {
    run(1, "1", 1500);
}

#[test]
fn random_keys_in_the_checklist_walk() {
    run(2, "2a", 1500);
}

#[test]
fn random_keys_in_compare() {
    run(3, "3", 1500);
}

#[test]
fn random_keys_in_search() {
    run(4, "/", 1500);
}

#[test]
fn random_keys_from_the_help_and_crisis_overlays() {
    run(5, "?", 800);
    run(6, "!", 800);
}
