//! The real binary in a real terminal emulator (tmux): it starts, switches views, and quits
//! with `q` and with Ctrl-C, exiting 0 with the terminal restored. Where tmux is not installed
//! the tests skip (and say so), except under CI (the `CI` variable set), where tmux is expected
//! and its absence fails them.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "kap"])
    }

    fn send(&self, keys: &[&str]) {
        for key in keys {
            self.cmd(&["send-keys", "-t", "kap", key]);
            // One key at a time: an Esc followed at once by a letter reads as Alt+letter.
            sleep(Duration::from_millis(60));
        }
    }

    /// Waits until the screen contains `text` (the app draws asynchronously to us).
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(text) || Instant::now() > deadline {
                return screen;
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

/// Starts kapguide (with `env`, e.g. `NO_COLOR=1`) in a detached 100×30 tmux session; its exit
/// status goes to `status`.
fn start(name: &str, home: &Path, env: &str) -> (Tmux, std::path::PathBuf) {
    let tmux = Tmux {
        socket: format!("kapguide-test-{}-{name}", std::process::id()),
    };
    let status = home.join("status");
    let script = format!(
        "stty -g > '{home}/tty-before'; env {env} XDG_DATA_HOME='{data}' XDG_CONFIG_HOME='{config}' KAPGUIDE_TODAY=2026-11-28 '{bin}'; echo $? > '{status}'; stty -g > '{home}/tty-after'; sleep 30",
        home = home.display(),
        data = home.join("data").display(),
        config = home.join("config").display(),
        bin = env!("CARGO_BIN_EXE_kapguide"),
        status = status.display(),
    );
    tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "kap",
        "-x",
        "100",
        "-y",
        "30",
        &script,
    ]);
    (tmux, status)
}

fn exit_status(status: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(text) = std::fs::read_to_string(status)
            && !text.trim().is_empty()
        {
            return text.trim().to_string();
        }
        sleep(Duration::from_millis(50));
    }
    panic!("kapguide did not exit");
}

/// A running app past its start: the tmux session, where its exit status will be written,
/// its home directory, and the first screen (the first-run notice).
struct Launched {
    tmux: Tmux,
    status: std::path::PathBuf,
    home: tempfile::TempDir,
    first: String,
}

/// Whether a run without tmux should fail: CI has tmux, so missing it there means the tests
/// would silently test nothing.
fn tmux_required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// Starts the app in a fresh home; `None` (after saying so) where tmux is not installed, unless
/// CI requires it.
fn launch(name: &str, env: &str) -> Option<Launched> {
    if !Tmux::available() {
        assert!(
            !tmux_required(),
            "tmux is not installed, but CI is set: the smoke tests must run there"
        );
        eprintln!("skipped: tmux is not installed (set CI to make this a failure)");
        return None;
    }
    let home = tempfile::tempdir().unwrap();
    let (tmux, status) = start(name, home.path(), env);
    let first = tmux.wait_for("Welcome to kapguide");
    Some(Launched {
        tmux,
        status,
        home,
        first,
    })
}

#[test]
fn starts_switches_views_and_quits_with_q() {
    let Some(Launched {
        tmux,
        status,
        home,
        first,
    }) = launch("q", "")
    else {
        return;
    };
    assert!(
        first.contains("Educational, not medical advice."),
        "{first}"
    );
    tmux.send(&["Enter", "2"]);
    assert!(
        tmux.wait_for("Walk through a provider")
            .contains("+ New provider")
    );
    tmux.send(&["3"]);
    assert!(tmux.wait_for("Score (low–high)").contains("SAMPLE"));
    tmux.send(&["1"]);
    tmux.wait_for("Contents");
    tmux.cmd(&["resize-window", "-t", "kap", "-x", "50", "-y", "12"]);
    let small = tmux.wait_for("Terminal too small");
    assert!(small.contains("need 60×16, have 50×12"), "{small}");
    tmux.cmd(&["resize-window", "-t", "kap", "-x", "100", "-y", "30"]);
    assert!(tmux.wait_for("Contents").contains("[1] Guides"));
    tmux.send(&["q"]);
    assert_eq!(exit_status(&status), "0");
    // Back on the normal screen: the app's frame is gone.
    let after = tmux.screen();
    assert!(!after.contains("[1] Guides"), "{after}");
    assert!(home.path().join("data/kapguide/notice-read").exists());
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    let Some(Launched {
        tmux,
        status,
        home: _home,
        ..
    }) = launch("ctrl-c", "")
    else {
        return;
    };
    tmux.send(&["Enter", "/", "q", "u", "i", "t"]);
    assert!(tmux.wait_for("/ quit").contains("Search guides"));
    tmux.send(&["C-c"]);
    assert_eq!(exit_status(&status), "0");
    assert!(!tmux.screen().contains("[1] Guides"));
}

#[test]
fn no_color_draws_without_colours_but_keeps_reverse_and_bold() {
    let Some(Launched {
        tmux,
        status,
        home: _home,
        ..
    }) = launch("no-color", "NO_COLOR=1")
    else {
        return;
    };
    tmux.send(&["Enter", "3"]);
    tmux.wait_for("Score (low–high)");
    // -e: the screen with its attributes as escape sequences.
    let styled = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "kap"]);
    // Foreground and background colours: 30–38, 40–48, 90–97, 100–107 (39 and 49 are the
    // terminal's own defaults).
    let is_colour = |n: u32| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107);
    for sgr in styled.split('\u{1b}').filter_map(|s| s.strip_prefix('[')) {
        let Some(end) = sgr.find('m') else { continue };
        let params = &sgr[..end];
        let colours: Vec<&str> = params
            .split(';')
            .filter(|p| p.parse().is_ok_and(is_colour))
            .collect();
        assert!(colours.is_empty(), "colour in \\e[{params}m under NO_COLOR");
    }
    assert!(
        styled.contains("\u{1b}[7m") || styled.contains(";7m"),
        "reverse video kept"
    );
    tmux.send(&["q"]);
    assert_eq!(exit_status(&status), "0");
}

#[test]
fn a_dumb_terminal_gets_one_line_pointing_to_the_commands() {
    if !Tmux::available() {
        assert!(!tmux_required(), "tmux is required under CI");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let (tmux, status) = start("dumb", home.path(), "TERM=dumb");
    let screen = tmux.wait_for("kapguide providers");
    assert!(screen.contains("TERM is dumb or unset"), "{screen}");
    assert_eq!(exit_status(&status), "2");
}

/// After the app has gone: the normal screen is back, the cursor shows and the terminal's
/// settings (raw mode off, echo on) are what they were before it started.
fn assert_restored(tmux: &Tmux, home: &Path) {
    let state = tmux.cmd(&[
        "display-message",
        "-p",
        "-t",
        "kap",
        "#{alternate_on} #{cursor_flag}",
    ]);
    assert_eq!(state.trim(), "0 1", "alternate screen, cursor shown");
    let read = |name: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match std::fs::read_to_string(home.join(name)) {
                Ok(text) if !text.is_empty() => return text,
                _ if Instant::now() > deadline => panic!("{name} never written"),
                _ => sleep(Duration::from_millis(50)),
            }
        }
    };
    assert_eq!(
        read("tty-after"),
        read("tty-before"),
        "terminal settings restored"
    );
}

/// The pid of the app running in the tmux pane (the pane's shell's child).
fn app_pid(tmux: &Tmux) -> String {
    let shell = tmux.cmd(&["list-panes", "-t", "kap", "-F", "#{pane_pid}"]);
    let out = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep runs");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty() && !pid.contains('\n'), "one child: {pid:?}");
    pid
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, status_code) in [("TERM", "143"), ("HUP", "129")] {
        let Some(Launched {
            tmux,
            status,
            home,
            first,
        }) = launch(&format!("sig{signal}"), "")
        else {
            return;
        };
        assert!(first.contains("Welcome to kapguide"), "{first}");
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &app_pid(&tmux)])
            .status()
            .unwrap();
        assert!(killed.success());
        assert_eq!(exit_status(&status), status_code, "SIG{signal}");
        assert_restored(&tmux, home.path());
    }
}

#[test]
fn a_panic_in_drop_and_an_abort_restore_the_terminal() {
    if !Tmux::available() {
        assert!(!tmux_required(), "tmux is required under CI");
        return;
    }
    for crash in ["panic-in-drop", "abort"] {
        let home = tempfile::tempdir().unwrap();
        let (tmux, status) = start(crash, home.path(), &format!("KAPGUIDE_TEST_CRASH={crash}"));
        // Killed by SIGABRT: 128 + 6.
        assert_eq!(exit_status(&status), "134", "{crash}");
        assert_restored(&tmux, home.path());
    }
}
