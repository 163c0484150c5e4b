//! Whole sessions through the real app and run loop: keys in, screens and files out.

mod tui_support;

use kapguide::core::draft::SavedDraft;
use kapguide::core::provider::{AnswerValue, Provider};
use kapguide::core::scoring::{FlagKind, Priority, rank, score};
use kapguide::tui::Theme;
use kapguide::tui::action::View;
use kapguide::tui::app::Mode;
use kapguide::tui::geometry;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Session, today};

/// The text on the reader's first line of text.
fn reader_top(session: &Session) -> String {
    let area = session.terminal.backend().buffer().area;
    let text = geometry::reader_text(geometry::screen(area).body);
    let screen = session.screen();
    let row = screen.lines().nth(usize::from(text.y)).unwrap_or("");
    row.chars()
        .skip(usize::from(text.x))
        .take(usize::from(text.width))
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn search_jumps_to_the_section_and_ctrl_n_steps_through_results() {
    let mut s = Session::new(120, 40);
    s.keys("3/");
    s.keys("emergency numbers");
    assert!(s.screen().contains("Crisis lines and emergency numbers"));
    s.press(KeyCode::Enter);
    assert_eq!(s.app.view(), View::Guides);
    assert_eq!(s.app.mode(), Mode::Reader);
    assert_eq!(reader_top(&s), "Crisis lines and emergency numbers");

    // The matches stay for Ctrl-N / Ctrl-P (n answers "no" in a walk-through).
    s.ctrl('n');
    assert!(s.status().starts_with("Result 2 of"), "{}", s.status());
    s.ctrl('p');
    assert!(s.status().starts_with("Result 1 of"), "{}", s.status());
    assert_eq!(reader_top(&s), "Crisis lines and emergency numbers");
}

#[test]
fn search_esc_cancels_and_typed_keys_are_text() {
    let mut s = Session::new(80, 24);
    s.keys("/q1");
    assert_eq!(
        s.app.mode(),
        Mode::Search,
        "q and 1 are typed, not commands"
    );
    assert!(!s.app.should_quit());
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Toc);
    assert_eq!(s.app.view(), View::Guides);
    s.ctrl('n');
    assert!(s.status().contains("press / to search"), "{}", s.status());
}

#[test]
fn search_jumps_to_a_question_and_to_a_provider_column() {
    let mut s = Session::new(120, 40);
    s.keys("/Spravato REMS");
    s.press(KeyCode::Enter);
    assert_eq!(s.app.view(), View::Checklist);
    assert_eq!(s.app.mode(), Mode::Questions);
    let checklist = &s.app.library().checklist;
    let rems = checklist
        .question_ids()
        .iter()
        .position(|id| *id == "rems_certified");
    assert_eq!(Some(s.app.checklist_question()), rems);

    s.keys("/Moonwater");
    s.press(KeyCode::Enter);
    assert_eq!(s.app.view(), View::Compare);
    assert_eq!(s.app.mode(), Mode::Matrix);
    let (col, _) = s.app.compare_column();
    assert_eq!(
        s.app.shown_providers()[col].name,
        "Moonwater Integrative Therapy"
    );
    s.press(KeyCode::Enter);
    // The answer-details box is titled with the selected column's provider.
    assert!(
        s.screen().contains("▸ Moonwater Integrative Therapy"),
        "{}",
        s.screen()
    );
}

/// The saved profile of `id`, which must pass validation.
fn saved(session: &Session, id: &str) -> Provider {
    read(session, &format!("providers/{id}.toml"))
}

/// A provider file under the data directory (a profile or a draft), which must pass validation.
fn read(session: &Session, file: &str) -> Provider {
    let path = session.data().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let checklist = &session.app.library().checklist;
    // A draft also says where its walk is, which a profile may not.
    let (provider, problems) = if file.starts_with("drafts/") {
        let (draft, problems) = SavedDraft::parse(&path, &text, checklist);
        (draft.map(|d| d.provider), problems)
    } else {
        Provider::parse(&path, &text, checklist)
    };
    assert!(
        problems.is_empty(),
        "the saved file passes validation: {problems:?}"
    );
    provider.unwrap()
}

#[test]
fn walking_a_new_provider_saves_a_profile_that_shows_in_compare() {
    let mut s = Session::new(200, 50);
    s.keys("2a");
    assert_eq!(s.app.mode(), Mode::Text);
    s.keys("Blue Door Clinic");
    s.press(KeyCode::Enter);
    assert_eq!(
        s.app.mode(),
        Mode::Form,
        "a new provider's details come first"
    );
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::Walk);
    assert!(s.screen().contains(&s.progress(1)), "{}", s.screen());

    // A note typed into the field: its letters are text, not answers.
    s.keys("a");
    s.keys("two prep sessions, said ynpua");
    s.press(KeyCode::Enter);
    s.answer("y");
    let draft = s.data().join("drafts/blue-door-clinic.toml");
    assert!(draft.exists(), "a draft is saved after every answer");
    // Every other question, in a mix of answers (counted from the checklist).
    let rest = s.app.library().checklist.questions.len() - 1;
    let answers: String = "ypnuxyypnyy".chars().cycle().take(rest).collect();
    s.answer(&answers);
    assert_eq!(s.app.mode(), Mode::Review);
    s.press(KeyCode::Enter);
    assert!(
        s.status().contains("Saved Blue Door Clinic"),
        "{}",
        s.status()
    );
    assert!(!draft.exists(), "the draft goes once the profile is saved");

    let provider = saved(&s, "blue-door-clinic");
    assert_eq!(
        provider.answers["prep_sessions"].note.as_deref(),
        Some("two prep sessions, said ynpua")
    );
    let lib = s.app.library();
    let expected = score(&provider, &lib.checklist, s.app.priorities(), today());

    s.keys("3");
    let shown = s.shown_ids();
    assert!(shown.contains(&"blue-door-clinic".to_string()), "{shown:?}");
    let screen = s.screen();
    assert!(screen.contains("Blue Door Cl"), "{screen}");
    let score_row = screen
        .lines()
        .find(|l| l.contains("Score (low–high)"))
        .unwrap();
    assert!(
        score_row.contains(&expected.total.range_text()),
        "{score_row} vs {}",
        expected.total.range_text()
    );
}

#[test]
fn saving_over_an_existing_profile_asks_first() {
    let mut s = Session::new(120, 40);
    s.add_provider("Blue Door Clinic");
    s.keys("yG");
    s.press(KeyCode::Enter);
    let path = s.data().join("providers/blue-door-clinic.toml");
    let first = std::fs::read_to_string(&path).unwrap();

    // The same name again walks the saved profile; saving it asks before replacing.
    s.keys("a");
    s.keys("Blue Door Clinic");
    s.press(KeyCode::Enter);
    s.keys("n");
    s.keys("G");
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::Choice);
    assert!(s.screen().contains("Replace the saved profile?"));
    s.keys("n");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        first,
        "n keeps the file"
    );
    s.press(KeyCode::Enter);
    s.keys("y");
    assert_eq!(
        saved(&s, "blue-door-clinic").answers["prep_sessions"].value,
        AnswerValue::No
    );
}

#[test]
fn an_unfinished_walk_resumes_after_a_restart() {
    let mut s = Session::new(120, 40);
    s.add_provider("Blue Door Clinic");
    s.answer("yyy");
    s.ctrl('c');
    assert!(s.app.should_quit());

    let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
    assert!(
        again
            .status()
            .contains("Unfinished walk-through: Blue Door Clinic"),
        "{}",
        again.status()
    );
    again.keys("2");
    assert!(again.status().contains("Resumed"), "{}", again.status());
    assert!(
        again.screen().contains(&again.progress(4)),
        "resumes after the last answer"
    );
}

#[test]
fn changing_a_priority_reorders_the_comparison_and_saves_it() {
    // Two profiles that swap places when therapy matters more: the medical one leads at the
    // default priorities (2×(3+3) + 2×1 = 14 against 2×(3+3) = 12), the therapy one at
    // therapy = 3 (18 against 14).
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("providers");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("therapy-first.toml"),
        "name = \"Therapy First\"\nkind = \"kap-practice\"\n[answers]\nprep_sessions = \"yes\"\nintegration_sessions = \"yes\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("medical-first.toml"),
        "name = \"Medical First\"\nkind = \"ketamine-clinic\"\n[answers]\nprescriber_evaluation = \"yes\"\nmedical_supervision = \"yes\"\nprivate_setting = \"yes\"\n",
    )
    .unwrap();
    let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
    s.keys("3");
    let before = s.shown_ids();
    // Therapy up to 3 (essential).
    s.keys("i");
    assert_eq!(s.app.mode(), Mode::Priorities);
    s.keys("l");
    let after = s.shown_ids();
    assert_ne!(before, after, "the order follows the priorities at once");
    let place = |ids: &[String], id: &str| ids.iter().position(|i| i == id).unwrap();
    assert!(place(&before, "medical-first") < place(&before, "therapy-first"));
    assert!(place(&after, "therapy-first") < place(&after, "medical-first"));

    let lib = s.app.library();
    let expected: Vec<String> = rank(&lib.providers, &lib.checklist, s.app.priorities(), today())
        .iter()
        .map(|(p, _)| p.id.to_string())
        .collect();
    assert_eq!(after, expected);

    s.press(KeyCode::Esc);
    let config = std::fs::read_to_string(s.home.join("config/config.toml")).unwrap();
    assert!(
        config.contains("therapy = 3") && config.contains("medical = 2"),
        "{config}"
    );
    assert!(s.status().starts_with("Settings saved"), "{}", s.status());
}

#[test]
fn q_quits_only_at_the_top_and_esc_goes_back_one_level() {
    let mut s = Session::new(80, 24);
    s.keys("2");
    s.press(KeyCode::Enter); // "New provider…" asks for a name
    s.keys("X");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::Walk);
    s.keys("q");
    assert!(!s.app.should_quit());
    assert!(s.status().contains("Esc"));
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Picker);
    s.keys("?");
    s.keys("q");
    assert_eq!(s.app.mode(), Mode::Picker, "q closes help first");
    s.keys("q");
    assert!(s.app.should_quit());
}

#[test]
fn exports_write_files_and_show_their_paths() {
    let mut s = Session::new(120, 40);
    s.keys("3ec");
    let path = s.data().join("exports/comparison-2026-11-28.csv");
    assert!(path.exists());
    assert!(s.status().contains("comparison-2026-11-28.csv"));
    s.keys("em");
    assert!(s.data().join("exports/comparison-2026-11-28.md").exists());
    s.keys("ej");
    assert!(s.data().join("exports/comparison-2026-11-28.json").exists());
    s.keys("ec");
    assert!(
        s.status().contains("comparison-2026-11-28-2.csv"),
        "never overwritten: {}",
        s.status()
    );

    s.keys("2jb");
    assert_eq!(s.app.mode(), Mode::Prepare);
    s.keys("e");
    let sheet = std::fs::read_dir(s.data().join("exports"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("questions-"))
        .expect("a question sheet");
    let text = std::fs::read_to_string(sheet.path()).unwrap();
    assert!(text.starts_with("# Questions for"), "{text}");
}

#[test]
fn the_first_run_notice_shows_once() {
    let mut s = Session::with(80, 24, Theme::colour(false), true);
    assert_eq!(s.app.mode(), Mode::Notice);
    assert!(s.screen().contains("Educational, not medical advice."));
    s.keys("x");
    assert_eq!(s.app.mode(), Mode::Toc);
    assert!(!s.files.first_run(), "the marker file is written");
}

#[test]
fn the_notice_counts_as_read_only_once_dismissed() {
    let mut s = Session::with(80, 24, Theme::colour(false), true);
    let screen = s.screen();
    for view in ["1 Guides", "2 Checklist", "3 Compare", "4 Options"] {
        assert!(
            screen.contains(view),
            "the notice says what {view} is for:\n{screen}"
        );
    }
    s.ctrl('c');
    assert!(s.app.should_quit());
    assert!(
        s.files.first_run(),
        "drawn but never dismissed: shown again next time"
    );
}

/// The Compare filter panel: the CLI's filters, combined, with an empty result that names the
/// filter that removed everyone.
mod filter_panel {
    use super::*;

    #[test]
    fn filters_combine_an_empty_result_names_the_filter_and_clearing_brings_all_back() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        let all = s.app.shown_providers().len();
        s.keys("f");
        // Down to telehealth, type "full": the fully remote service only.
        s.press(KeyCode::Down);
        s.press(KeyCode::Down);
        s.press(KeyCode::Down);
        s.keys("full");
        assert!(
            s.status().starts_with("Telehealth: full: "),
            "{}",
            s.status()
        );
        let remote = s.app.shown_providers().len();
        assert!(remote >= 1 && remote < all, "{remote} of {all}");
        // And an insurance no fully remote sample takes.
        s.press(KeyCode::Down);
        s.keys("accepts");
        assert_eq!(s.status(), "Insurance: accepts: 0 providers");
        assert!(s.app.shown_providers().is_empty());
        let screen = s.screen();
        let nothing_left = format!("Nothing left: of {all} providers, telehealth full leaves");
        assert!(screen.contains(&nothing_left), "{screen}");
        assert!(screen.contains("insurance accepts leaves 0"), "{screen}");
        s.press(KeyCode::Esc);
        assert!(
            s.screen().contains("No providers match the filters"),
            "{}",
            s.screen()
        );
        // Delete clears one row; Ctrl-X clears them all.
        s.keys("f");
        s.ctrl('x');
        assert_eq!(s.status(), format!("Every filter cleared: {all} providers"));
        assert_eq!(s.app.shown_providers().len(), all);
    }

    #[test]
    fn a_maximum_course_cost_can_be_typed_and_unknown_costs_do_not_pass() {
        let mut s = Session::new(120, 40);
        s.keys("3f");
        for _ in 0..6 {
            s.press(KeyCode::Down);
        }
        // The samples price in CAD and USD: an amount is offered in each, never as a bare
        // number compared across both.
        s.keys("3000");
        assert!(
            s.status().starts_with("Max course cost: 3000 CAD: "),
            "{}",
            s.status()
        );
        s.press(KeyCode::Right);
        assert!(
            s.status().starts_with("Max course cost: 3000 USD: "),
            "{}",
            s.status()
        );
        s.press(KeyCode::Delete);
        s.keys("3000usd");
        assert!(
            s.status().starts_with("Max course cost: 3000 USD: "),
            "{}",
            s.status()
        );
        let course = kapguide::core::costs::CourseShape::default();
        assert!(!s.app.shown_providers().is_empty());
        for p in s.app.shown_providers() {
            let cost = kapguide::core::costs::course_cost(&p.costs, &course);
            assert!(!cost.is_unknown() && cost.low <= 3000, "{}", p.name);
            assert_eq!(cost.currency.as_deref(), Some("USD"), "{}", p.name);
        }
        s.press(KeyCode::Delete);
        assert!(
            s.status().starts_with("Max course cost: any: "),
            "{}",
            s.status()
        );
    }
}

/// The fourth sort is by estimated course cost: grouped by currency, lowest low end first,
/// unknown costs last.
mod sort_by_cost {
    use super::*;
    use kapguide::core::costs::{CourseShape, course_cost};

    #[test]
    fn the_sort_cycle_reaches_course_cost_and_orders_by_it() {
        let mut s = Session::new(120, 40);
        s.keys("3sss");
        assert_eq!(s.status(), "Sorted by course cost");
        let costs: Vec<_> = s
            .app
            .shown_providers()
            .iter()
            .map(|p| course_cost(&p.costs, &CourseShape::default()))
            .collect();
        let keys: Vec<_> = costs.iter().map(|c| c.sort_key()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        assert!(costs.iter().any(|c| !c.is_unknown()), "some cost is known");
        // Grouped by currency (amounts in two are not comparable), each cell saying which.
        let currencies: Vec<&str> = costs.iter().filter_map(|c| c.currency.as_deref()).collect();
        assert_eq!(currencies.first(), Some(&"CAD"), "{currencies:?}");
        assert!(
            currencies[1..].iter().all(|c| *c == "USD"),
            "{currencies:?}"
        );
        // The selected provider stays selected through the sort: 0 shows the first column.
        s.keys("0");
        assert!(s.screen().contains("CAD 3,000+"), "{}", s.screen());
        s.keys("s");
        assert_eq!(s.status(), "Sorted by score");
    }
}

#[test]
fn compare_filters_by_region_sorts_and_hides_columns() {
    let mut s = Session::new(120, 40);
    s.keys("3");
    let all = s.app.shown_providers().len();
    // The filter panel opens on the region; → steps through the places the profiles give.
    s.keys("f");
    assert_eq!(s.app.mode(), Mode::Filters);
    s.press(KeyCode::Right);
    let region = s.status();
    assert!(region.starts_with("Region: "), "{region}");
    assert!(s.app.shown_providers().len() < all);
    while !s.status().contains("all regions") {
        s.press(KeyCode::Right);
    }
    assert_eq!(s.app.shown_providers().len(), all);
    s.press(KeyCode::Esc);
    s.keys("s");
    let names: Vec<String> = s
        .app
        .shown_providers()
        .iter()
        .map(|p| p.name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "sorted by name");
    s.keys(" ");
    assert_eq!(s.app.shown_providers().len(), all - 1);
    s.press(KeyCode::Tab);
    s.keys(" ");
    assert_eq!(
        s.app.shown_providers().len(),
        all,
        "the list shows it again"
    );
}

#[test]
fn resizing_below_the_minimum_says_so_and_recovers() {
    let mut s = Session::new(120, 40);
    s.resize(59, 20);
    let screen = s.screen();
    assert!(
        screen
            .trim()
            .starts_with("Terminal too small: need 60×16, have 59×20"),
        "{screen}"
    );
    for number in ["988", "9-8-8", "116 123", "13 11 14", "emergency number"] {
        assert!(screen.contains(number), "{number} missing:\n{screen}");
    }
    s.resize(80, 24);
    assert!(s.screen().contains("[1] Guides"));
}

#[test]
fn the_reader_remembers_its_place_in_each_guide() {
    let mut s = Session::new(120, 40);
    s.press(KeyCode::Enter);
    s.keys("jjjjjjj");
    // A line with words on it, so the comparisons below cannot pass on two blank lines.
    while reader_top(&s).is_empty() {
        s.keys("j");
    }
    let place = reader_top(&s);
    s.press(KeyCode::Esc);
    // To the last guide and back to the first guide's title line.
    s.keys("G");
    assert_ne!(reader_top(&s), place);
    s.keys("g");
    assert_eq!(reader_top(&s), place);
}

/// The numbers a person in crisis needs, in every form the brief lists them.
const LINES: [&str; 8] = [
    "988", "9-8-8", "116 123", "13 11 14", "911", "999", "112", "000",
];

#[test]
fn crisis_lines_from_any_view_with_the_guide_or_without_it() {
    let mut s = Session::new(120, 40);
    s.keys("3");
    s.press(KeyCode::Enter);
    s.keys("!");
    assert_eq!(s.app.mode(), Mode::Crisis, "even over another overlay");
    let screen = s.screen();
    for number in LINES {
        assert!(screen.contains(number), "{number} missing:\n{screen}");
    }

    // A --guides directory without the crisis guide still gets the numbers.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("guides")).unwrap();
    let mut bare = Session::open(home.path(), 80, 24, Theme::colour(false), false);
    assert!(bare.app.library().guide("crisis-and-support").is_none());
    bare.keys("!");
    let screen = bare.screen();
    for number in LINES {
        assert!(screen.contains(number), "{number} missing:\n{screen}");
    }
}

#[test]
fn escape_sequences_in_profiles_never_reach_the_screen() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("providers");
    std::fs::create_dir(&dir).unwrap();
    let hostile = "name = \"Evil\\u001b]0;pwned\\u0007 \\u001b[2J Clinic\\u009b31m\"\nkind = \"kap-practice\"\n[answers]\nprep_sessions = { answer = \"yes\", note = \"\\u001b[31mred\\u202e\" }\n";
    std::fs::write(dir.join("evil.toml"), hostile).unwrap();
    let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
    assert!(
        s.app.library().provider("evil").is_some(),
        "the profile loads"
    );
    for keys in ["3", "/Evil", "\n"] {
        if keys == "\n" {
            s.press(KeyCode::Enter);
            s.press(KeyCode::Enter);
        } else {
            s.keys(keys);
        }
        let screen = s.screen();
        // The escape shows as a visible mark where it was (ratatui alone would drop it).
        assert!(screen.contains("Evil␛"), "{screen}");
        let bad: Vec<char> = screen
            .chars()
            .filter(|c| (c.is_control() && *c != '\n') || *c == '\u{202e}')
            .collect();
        assert!(bad.is_empty(), "{bad:?} reached the screen:\n{screen}");
    }
}

#[test]
fn the_mouse_is_ignored_unless_asked_for() {
    use kapguide::tui::{Action, event_action};
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    let s = Session::new(80, 24);
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(event_action(&s.app, &wheel, false), None);
    assert_eq!(
        event_action(&s.app, &wheel, true),
        Some(Action::Wheel {
            x: 5,
            y: 5,
            down: true
        })
    );
}

#[test]
fn the_details_step_sets_kind_routes_and_place_and_the_region_filter_finds_it() {
    use kapguide::core::checklist::Route;
    use kapguide::core::provider::{ProviderKind, SourceKind};
    let mut s = Session::new(120, 40);
    s.name_provider("Lakeside Clinic");
    assert_eq!(s.app.mode(), Mode::Form);
    s.press(KeyCode::Right); // kind: the next one
    s.press(KeyCode::Tab);
    for _ in 0..5 {
        s.press(KeyCode::Right);
    }
    s.keys(" "); // the sixth route on
    s.press(KeyCode::Down);
    s.keys("Whitehorse");
    s.press(KeyCode::Tab);
    s.keys("Yukon");
    s.press(KeyCode::Down);
    s.keys("CA");
    s.press(KeyCode::Tab);
    s.press(KeyCode::Right); // source: the next kind
    s.press(KeyCode::Tab);
    s.keys(", by phone");
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::Walk);

    // The esketamine-only questions apply now.
    let rems = s
        .app
        .library()
        .checklist
        .questions
        .iter()
        .position(|q| q.id == "rems_certified")
        .unwrap();
    for _ in 0..rems {
        s.press(KeyCode::Right);
    }
    assert!(
        s.screen().contains("this provider offers it"),
        "{}",
        s.screen()
    );
    s.keys("yG");
    s.press(KeyCode::Enter);
    let provider = saved(&s, "lakeside-clinic");
    assert_eq!(provider.kind, ProviderKind::KetamineClinic);
    assert_eq!(provider.routes, [Route::Esketamine]);
    let place = &provider.location;
    assert_eq!(
        (
            place.city.as_deref(),
            place.region.as_deref(),
            place.country.as_deref()
        ),
        (Some("Whitehorse"), Some("Yukon"), Some("CA"))
    );
    let source = provider.source.unwrap();
    assert_eq!(source.kind, SourceKind::Document);
    assert_eq!(
        source.reference.as_deref(),
        Some("Recorded with the kapguide checklist walk-through, by phone")
    );
    assert_eq!(provider.answers["rems_certified"].value, AnswerValue::Yes);

    // Typing in the filter panel narrows the places to the one that matches.
    s.keys("3f");
    s.keys("yuk");
    assert!(
        s.status().starts_with("Region: CA · Yukon: 1 provider"),
        "{}",
        s.status()
    );
    let shown = s.shown_ids();
    assert_eq!(shown, ["lakeside-clinic"]);
}

#[test]
fn saving_a_walk_of_a_bundled_profile_asks_before_making_a_copy() {
    let mut s = Session::new(120, 40);
    s.keys("2j");
    let bundled = s.app.library().providers[0].clone();
    assert!(bundled.origin.starts_with("<bundled>"));
    s.press(KeyCode::Enter);
    s.keys("G");
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::Choice);
    let screen = s.screen();
    assert!(
        screen.contains(&format!("This saves your own copy of {}", bundled.name)),
        "{screen}"
    );
    let copy = s.data().join(format!("providers/{}.toml", bundled.id));
    s.keys("n");
    assert_eq!(s.app.mode(), Mode::Review);
    assert!(!copy.exists());
    s.press(KeyCode::Enter);
    s.keys("y");
    assert!(copy.exists());
    assert!(s.status().starts_with("Saved"), "{}", s.status());

    // The copy is the user's own now: walking it again asks only before replacing the file.
    s.press(KeyCode::Enter);
    s.keys("G");
    s.press(KeyCode::Enter);
    assert!(
        s.screen().contains("Replace the saved profile?"),
        "{}",
        s.screen()
    );
}

#[test]
fn names_without_latin_letters_get_ids_of_their_own() {
    let mut s = Session::new(120, 40);
    s.add_provider("東京クリニック");
    assert_eq!(s.app.mode(), Mode::Walk);
    s.keys("yG");
    s.press(KeyCode::Enter);
    assert!(
        s.status().contains("Saved 東京クリニック"),
        "{}",
        s.status()
    );
    assert_eq!(saved(&s, "provider").name, "東京クリニック");

    s.add_provider("大阪クリニック");
    s.keys("G");
    s.press(KeyCode::Enter);
    assert_eq!(saved(&s, "provider-2").name, "大阪クリニック");

    // The same name again walks the saved profile.
    s.keys("a");
    s.keys("東京クリニック");
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::Walk);
    assert!(
        s.status().contains("already has a profile"),
        "{}",
        s.status()
    );
}

#[test]
fn notes_keep_their_line_breaks_and_tabs_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("providers");
    std::fs::create_dir(&dir).unwrap();
    let first = "name = \"Tabby Clinic\"\nkind = \"kap-practice\"\n[answers]\n";
    let note = "{ answer = \"partial\", note = \"col1\\tcol2\\nsecond line\" }";
    // The first question: the matrix and the walk-through both start there.
    let question = Session::new(80, 24).app.library().checklist.questions[0]
        .id
        .clone();
    std::fs::write(
        dir.join("tabby.toml"),
        format!("{first}{question} = {note}\n"),
    )
    .unwrap();
    let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
    s.keys("/Tabby");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(screen.contains("Note: col1    col2"), "{screen}");
    assert!(
        screen.lines().any(|l| l.contains("      second line")),
        "{screen}"
    );

    // The walk-through shows it the same way.
    s.press(KeyCode::Esc);
    s.keys("2G");
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(screen.contains("Note (a): col1    col2"), "{screen}");
    assert!(screen.contains("second line"), "{screen}");
}

#[test]
fn the_export_keeps_the_order_on_screen() {
    let mut s = Session::new(120, 40);
    s.keys("3");
    let ranked = s.shown_ids();
    s.keys("s");
    let by_name = s.shown_ids();
    assert_ne!(
        ranked, by_name,
        "the two orders differ, so the test means something"
    );
    s.keys("ec");
    let csv = std::fs::read_to_string(s.data().join("exports/comparison-2026-11-28.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let exported: Vec<&str> = header[5..].iter().step_by(3).copied().collect();
    assert_eq!(exported, by_name);
}

#[test]
fn an_answer_stays_on_its_question_so_a_note_goes_with_it() {
    let mut s = Session::new(80, 24);
    s.add_provider("Blue Door Clinic");
    let first = s.app.library().checklist.questions[0].id.clone();
    let second = s.app.library().checklist.questions[1].id.clone();
    s.keys("y");
    assert!(s.screen().contains(&s.progress(1)), "{}", s.screen());
    assert!(
        s.status()
            .starts_with("Recorded \"yes\" — → or Enter: next question"),
        "{}",
        s.status()
    );
    s.keys("a");
    s.keys("two prep sessions");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Right);
    assert!(
        s.screen().contains(&s.progress(2)),
        "→ moves on: {}",
        s.screen()
    );
    s.keys("n");
    s.press(KeyCode::Enter);
    assert!(
        s.screen().contains(&s.progress(3)),
        "Enter moves on: {}",
        s.screen()
    );

    s.ctrl('c');
    let provider = read(&s, "drafts/blue-door-clinic.toml");
    let answer = &provider.answers[&first];
    assert_eq!(answer.value, AnswerValue::Yes);
    assert_eq!(answer.note.as_deref(), Some("two prep sessions"));
    assert_eq!(provider.answers[&second].value, AnswerValue::No);
    assert_eq!(provider.answers[&second].note, None);
}

#[test]
fn f2_opens_the_crisis_lines_from_inside_a_note_and_from_search() {
    let mut s = Session::new(80, 24);
    s.add_provider("Blue Door Clinic");
    s.keys("a");
    s.keys("half a note!");
    assert_eq!(s.app.mode(), Mode::Text);
    assert!(s.screen().contains("F2 crisis lines"), "{}", s.screen());
    s.press(KeyCode::F(2));
    assert_eq!(s.app.mode(), Mode::Crisis);
    let screen = s.screen();
    for number in ["988", "116 123", "13 11 14"] {
        assert!(screen.contains(number), "{number} missing:\n{screen}");
    }
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Text, "back in the note, as it was");
    s.keys(" more");
    s.press(KeyCode::Enter);
    assert!(
        s.screen().contains("Note (a): half a note! more"),
        "{}",
        s.screen()
    );

    s.keys("/");
    s.keys("clinic");
    assert!(s.screen().contains("F2 crisis lines"), "{}", s.screen());
    s.press(KeyCode::F(2));
    assert_eq!(s.app.mode(), Mode::Crisis);
    s.press(KeyCode::F(2));
    assert_eq!(s.app.mode(), Mode::Search, "F2 closes it again");
}

#[test]
fn every_walk_through_key_shows_even_on_small_screens() {
    use kapguide::tui::keymap;
    for (width, height) in [(80, 24), (60, 16)] {
        let mut s = Session::new(width, height);
        s.add_provider("Blue Door Clinic");
        let screen = s.screen();
        for keymap::Hint { key, desc, .. } in keymap::hints(Mode::Walk, false, true) {
            assert!(
                screen.contains(&format!("{key} {desc}")),
                "{key} {desc} missing at {width}×{height}:\n{screen}"
            );
        }
        assert!(screen.contains("G finish"), "{screen}");
    }
}

/// Issue 13's keymap confusion: the letters that meant one thing in the walk-through and
/// another in the views they sit beside moved, each to one meaning. The new keys do their job;
/// the old ones do nothing in the walk-through (no answer recorded, no box opened).
mod moved_keys {
    use super::*;

    /// The first question's answer in the draft on disk (saved after every answer).
    fn first_answer(s: &Session) -> Option<AnswerValue> {
        let path = s.data().join("drafts/moved-keys-clinic.toml");
        let text = std::fs::read_to_string(&path).ok()?;
        let checklist = &s.app.library().checklist;
        let (draft, problems) = SavedDraft::parse(&path, &text, checklist);
        assert!(problems.is_empty(), "{problems:?}");
        let id = &checklist.questions[0].id;
        draft?.provider.answers.get(id).map(|a| a.value)
    }

    #[test]
    fn the_walk_through_keys_that_moved_do_their_job_and_the_old_ones_do_nothing() {
        let mut s = Session::new(120, 40);
        s.add_provider("Moved Keys Clinic");
        // s, d and f no longer open a field or finish, nor $ the costs (e now exports, as in
        // Compare; a adds a note, as it adds a provider in the picker).
        s.keys("sdf$");
        assert_eq!(s.app.mode(), Mode::Walk);
        assert_eq!(first_answer(&s), None);
        assert!(s.screen().contains(&s.progress(1)), "{}", s.screen());
        // x is n/a; a adds a note, w a source, t the consultation date.
        s.keys("x");
        assert_eq!(first_answer(&s), Some(AnswerValue::Na));
        for (key, text) in [("a", "asked twice"), ("w", "phone call"), ("t", "")] {
            s.keys(key);
            assert_eq!(s.app.mode(), Mode::Text, "{key}");
            s.keys(text);
            s.press(KeyCode::Enter);
        }
        let screen = s.screen();
        assert!(screen.contains("asked twice"), "{screen}");
        assert!(screen.contains("phone call"), "{screen}");
        // G (or End) goes to the finish.
        s.keys("G");
        assert_eq!(s.app.mode(), Mode::Review);
        s.press(KeyCode::Left);
        s.press(KeyCode::End);
        assert_eq!(s.app.mode(), Mode::Review);
    }

    #[test]
    fn the_views_keys_that_moved_open_their_boxes() {
        let mut s = Session::new(120, 40);
        // b prepares the question sheet for the provider under the cursor; p does nothing.
        s.keys("2jp");
        assert_eq!(s.app.mode(), Mode::Picker);
        s.keys("b");
        assert_eq!(s.app.mode(), Mode::Prepare);
        s.press(KeyCode::Esc);
        // In Compare: i priorities, m course shape, r am I ready; p, c and a do nothing.
        s.keys("3");
        s.keys("pca");
        assert_eq!(s.app.mode(), Mode::Matrix);
        for (key, mode) in [
            ("i", Mode::Priorities),
            ("m", Mode::Course),
            ("r", Mode::Readiness),
        ] {
            s.keys(key);
            assert_eq!(s.app.mode(), mode, "{key}");
            s.press(KeyCode::Esc);
        }
        // r opened the filters before; now only f does.
        s.keys("f");
        assert_eq!(s.app.mode(), Mode::Filters);
    }
}

#[test]
fn the_contents_follow_a_search_jump() {
    let mut s = Session::new(120, 40);
    // The last section of a guide: the reader cannot scroll its heading to the top, and the
    // contents must still select it.
    for section in ["How to report an error", "Glossary: T to Z"] {
        s.keys("/");
        s.keys(section);
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Reader);
        let screen = s.screen();
        let selected: Vec<&str> = screen.lines().filter(|l| l.contains('▸')).collect();
        assert!(
            selected
                .iter()
                .any(|l| l.contains(&format!("▸   {section}"))),
            "{section}: {selected:?}\n{screen}"
        );
    }
}

/// The text inside the big popup's border, a row at a time, trimmed.
fn popup_rows(session: &Session) -> Vec<String> {
    let buffer = session.terminal.backend().buffer();
    let inner = geometry::inner(geometry::big_popup(buffer.area));
    (inner.top()..inner.bottom())
        .map(|y| {
            let row: String = (inner.left()..inner.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim().to_string()
        })
        .collect()
}

#[test]
fn the_crisis_numbers_show_without_scrolling_on_the_smallest_screen() {
    let mut s = Session::new(60, 16);
    s.keys("!");
    let first = s.screen();
    let first_rows = popup_rows(&s);
    for number in LINES {
        assert!(first.contains(number), "{number} missing:\n{first}");
    }
    assert!(first.contains("↓ more below"), "{first}");

    // Scrolled to the end, the numbers are still there and the marker says so.
    s.keys("G");
    let last = s.screen();
    for number in LINES {
        assert!(last.contains(number), "{number} missing:\n{last}");
    }
    assert!(!last.contains("more below"), "{last}");
    assert!(last.contains("↑ more above"), "{last}");
    assert_ne!(first_rows, popup_rows(&s), "it scrolled");
}

#[test]
fn no_phone_number_is_split_across_lines_in_the_crisis_overlay() {
    for width in (60..=120).step_by(4) {
        let mut s = Session::new(width, 16);
        s.keys("!");
        let mut rows = Vec::new();
        // A page keeps one line of overlap, so no two neighbouring lines are missed.
        while s.screen().contains("more below") {
            rows.extend(popup_rows(&s));
            s.press(KeyCode::PageDown);
        }
        rows.extend(popup_rows(&s));
        assert!(rows.len() > 50, "read to the end: {rows:?}");
        // A group of digits at the end of one row and another at the start of the next.
        // (A comma or full stop after the first ends the number.)
        let group = |word: Option<&str>, after: &str| {
            word.is_some_and(|w| {
                let w = w
                    .trim_start_matches('(')
                    .trim_end_matches(|c| after.contains(c));
                !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '-')
            })
        };
        for pair in rows.windows(2) {
            let split = group(pair[0].split(' ').next_back(), "")
                && group(pair[1].split(' ').next(), ").,;");
            assert!(!split, "a number split at width {width}: {pair:?}");
        }
    }
}

#[test]
fn the_region_filter_tells_canada_from_california() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("providers");
    std::fs::create_dir(&dir).unwrap();
    let profile = "name = \"Sunset Clinic\"\nkind = \"kap-practice\"\n[location]\ncity = \"Fresno\"\nregion = \"CA\"\ncountry = \"US\"\n";
    std::fs::write(dir.join("sunset.toml"), profile).unwrap();
    let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
    s.keys("3");
    let mut offered = Vec::new();
    s.keys("f");
    loop {
        s.press(KeyCode::Right);
        if s.status().contains("all regions") {
            break;
        }
        offered.push((s.status(), s.shown_ids()));
        assert!(offered.len() < 30, "{offered:?}");
    }
    let status = |label: &str| {
        offered
            .iter()
            .find(|(status, _)| status.starts_with(&format!("Region: {label}:")))
            .unwrap_or_else(|| panic!("{label} not offered: {offered:?}"))
    };
    let canada = status("Canada (CA)");
    assert_eq!(canada.0, "Region: Canada (CA): 1 provider");
    assert_eq!(canada.1, ["marmot-and-maple-kap-studio"]);
    assert_eq!(status("CA · BC").1, ["marmot-and-maple-kap-studio"]);
    assert_eq!(status("US · CA").1, ["sunset"]);
    let us = status("United States (US)");
    let in_us = s
        .app
        .library()
        .providers
        .iter()
        .filter(|p| p.location.country.as_deref() == Some("US"))
        .count();
    assert_eq!(us.1.len(), in_us, "{us:?}");
    assert_eq!(
        us.0,
        format!("Region: United States (US): {in_us} providers")
    );
    assert!(us.1.contains(&"sunset".to_string()), "{us:?}");
    assert!(
        offered
            .iter()
            .all(|(status, _)| !status.starts_with("Region: CA:")),
        "no bare, ambiguous CA: {offered:?}"
    );
    s.press(KeyCode::Esc);
    assert!(s.screen().contains("filters: none"), "{}", s.screen());
}

#[test]
fn red_flag_counts_stay_in_sight_when_a_provider_is_hidden() {
    let mut s = Session::new(120, 40);
    let lib = s.app.library();
    let expected = rank(&lib.providers, &lib.checklist, s.app.priorities(), today());
    let safety = |score: &kapguide::core::scoring::Score| score.flags_of(FlagKind::Safety).count();
    let (flagged, score) = expected
        .iter()
        .find(|(_, score)| safety(score) > 1)
        .expect("a bundled provider with more than one safety flag");
    let (id, name) = (flagged.id.clone(), flagged.name.clone());
    let mark = format!("⚑{}", safety(score));
    let count = expected.len();
    // As much of the name as the narrow list shows.
    let short: String = name.chars().take(7).collect();

    s.keys("3");
    // Safety flags rank it last: move to the last column so the foot shows it.
    for _ in 0..count {
        s.press(KeyCode::Right);
    }
    let foot = s.screen();
    let flags_row = foot.lines().find(|l| l.contains("Safety flags")).unwrap();
    assert!(flags_row.contains(&format!("{mark} ")), "{flags_row}");

    // Hide it from the list: it leaves the matrix, and its count stays on its row.
    s.press(KeyCode::Tab);
    let selected = format!("▸ [x] {short}");
    for _ in 0..20 {
        if s.screen().contains(&selected) {
            break;
        }
        s.keys("j");
    }
    assert!(s.screen().contains(&selected), "{}", s.screen());
    s.keys(" ");
    assert!(!s.shown_ids().contains(&id.to_string()));
    let screen = s.screen();
    let row = screen
        .lines()
        .find(|l| l.contains(&format!("[ ] {short}")))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("[ ]") && row.contains(&mark), "{row}");

    // The Checklist's picker and a provider search result show it too.
    s.keys("2");
    let screen = s.screen();
    let picker = screen.lines().find(|l| l.contains(&short)).unwrap();
    assert!(picker.contains(&mark), "{picker}");
    s.keys("/");
    s.keys(&name);
    let screen = s.screen();
    let hit = screen
        .lines()
        .find(|l| l.contains("provider") && l.contains(&short))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(hit.contains(&mark), "{hit}");
}

#[test]
fn critical_questions_and_red_flags_have_marks_of_their_own() {
    let mut s = Session::new(120, 40);
    s.keys("3");
    let screen = s.screen();
    assert!(screen.contains("Question (◆ critical)"), "{screen}");
    assert!(screen.contains("⚑ safety ⚐ data flag"), "{screen}");
    let checklist = &s.app.library().checklist;
    let critical = checklist.questions.iter().find(|q| q.critical).unwrap();
    let plain = checklist.questions.iter().find(|q| !q.critical).unwrap();
    let start = |q: &str| q.chars().take(15).collect::<String>();
    let row = |q: &str| {
        screen
            .lines()
            .find(|l| l.contains(&start(q)))
            .unwrap_or_else(|| panic!("{q}:\n{screen}"))
            .to_string()
    };
    assert!(
        row(&critical.question).contains(&format!("◆ {}", start(&critical.question))),
        "{screen}"
    );
    assert!(!row(&plain.question).contains('◆'), "{screen}");
    // ⚑ marks only safety flags: the legend, the list's counts and the foot.
    for line in screen.lines().filter(|l| l.contains('⚑')) {
        assert!(
            line.contains("safety") || line.contains("Safety flags") || line.contains("[x]"),
            "{line}"
        );
    }

    let first_critical = checklist.questions.iter().position(|q| q.critical).unwrap();
    s.add_provider("Blue Door Clinic");
    for _ in 0..first_critical {
        s.press(KeyCode::Right);
    }
    let walk = s.screen();
    assert!(
        walk.contains("◆ Critical: a \"no\" here is a safety flag (⚑)."),
        "{walk}"
    );
}

#[test]
fn with_no_priority_nothing_is_scored_and_the_app_says_so() {
    let categories: Vec<String> = Session::new(80, 24)
        .app
        .library()
        .checklist
        .categories
        .iter()
        .map(|c| format!("{}=0", c.id))
        .collect();
    let overrides: Vec<&str> = categories.iter().map(String::as_str).collect();
    let home = tempfile::tempdir().unwrap();
    let context = tui_support::context_with(home.path(), &overrides);
    let mut s = Session::open_with(home.path(), (120, 40), Theme::colour(false), false, context);
    s.keys("3");
    let screen = s.screen();
    let row = |label: &str| {
        screen
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label}:\n{screen}"))
            .to_string()
    };
    assert!(row("Score (low–high)").contains("not scored"), "{screen}");
    assert!(row("Coverage").contains("no question weighted"), "{screen}");
    assert!(
        !screen.contains("0–100") && !screen.contains("0% known"),
        "{screen}"
    );

    s.add_provider("Blue Door Clinic");
    s.keys("yG");
    let finish = s.screen();
    assert!(finish.contains("Score: not scored"), "{finish}");
    assert!(
        finish.contains("Coverage: no question weighted"),
        "{finish}"
    );
}

#[test]
fn the_finish_page_says_known_once() {
    let mut s = Session::new(120, 40);
    s.add_provider("Blue Door Clinic");
    s.answer("yyn");
    s.keys("G");
    let finish = s.screen();
    let coverage = finish
        .lines()
        .find(|l| l.contains("Coverage: "))
        .unwrap_or_else(|| panic!("{finish}"));
    assert!(coverage.contains("% known"), "{coverage}");
    assert!(!finish.contains("Known: "), "{finish}");
}

#[test]
fn options_are_reachable_from_the_guides_and_open_a_cell_in_full() {
    let mut s = Session::new(60, 16);
    s.keys("o");
    assert_eq!(
        s.app.view(),
        View::Options,
        "o in the guides opens the options"
    );
    // Far right: the last column scrolls into view, with a marker for those left behind.
    s.keys("llllllll");
    let screen = s.screen();
    assert!(screen.contains("Not now / other"), "{screen}");
    assert!(screen.contains("more (h)"), "{screen}");
    // Far down: the last row shows.
    s.keys("G");
    assert!(s.screen().contains("Who it may"), "{}", s.screen());
    s.press(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::OptionCell);
    let screen = s.screen();
    assert!(screen.contains("Not now, or something else"), "{screen}");
    s.keys("G");
    assert!(s.screen().contains("Reviewed 2026-"), "{}", s.screen());
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Options);
    // A bigger screen shows every option at once.
    s.resize(120, 40);
    let screen = s.screen();
    for choice in &s.app.library().options.choices {
        assert!(screen.contains(&choice.short), "{}\n{screen}", choice.short);
    }
    s.keys("1");
    assert_eq!(s.app.view(), View::Guides);
    s.keys("4");
    assert_eq!(s.app.view(), View::Options);
}

/// From the user test: y and n in "am I ready?" went on to the next question but an answer to
/// "what matters to you" stayed put. Now both go on (a step along the scale with h/l stays).
#[test]
fn values_and_readiness_answers_both_go_on_to_the_next_one() {
    use kapguide::core::readiness::QUESTIONS;
    use kapguide::core::values::STATEMENTS;
    // The line the selection marker is on shows `text`'s start.
    let selected = |s: &Session, text: &str| {
        let start: String = text.chars().take(16).collect();
        s.screen()
            .lines()
            .any(|l| l.contains('▸') && l.contains(&start))
    };
    let mut s = Session::new(120, 40);
    s.keys("4v");
    assert!(selected(&s, STATEMENTS[0].text));
    s.keys("2");
    assert!(selected(&s, STATEMENTS[1].text), "{}", s.screen());
    s.keys("x");
    assert!(selected(&s, STATEMENTS[2].text), "{}", s.screen());
    s.keys("l");
    assert!(selected(&s, STATEMENTS[2].text), "h/l stay: {}", s.screen());
    s.press(KeyCode::Esc);
    s.keys("r");
    assert!(selected(&s, QUESTIONS[0].question));
    s.keys("y");
    assert!(selected(&s, QUESTIONS[1].question), "{}", s.screen());
}

#[test]
fn values_set_priorities_highlight_what_matters_and_are_saved() {
    let mut s = Session::new(120, 40);
    s.keys("3v");
    assert_eq!(s.app.mode(), Mode::Values);
    // "Trained staff watching my body" matters very much; the screening check not at all.
    // An answer goes on to the next statement.
    s.keys("jj30");
    assert_eq!(s.app.priorities().get("medical"), Priority::Essential);
    assert_eq!(s.app.priorities().get("screening"), Priority::NotImportant);
    // Back up to the screening statement and skip it.
    s.keys("kx");
    assert_eq!(
        s.app.priorities().get("screening"),
        Priority::NotImportant,
        "skipping keeps the priority it had"
    );
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Matrix);
    assert!(s.screen().contains("matters most"), "{}", s.screen());
    let config = std::fs::read_to_string(s.home.join("config/config.toml")).unwrap();
    assert!(config.contains("[values]\nwatched = 3\n"), "{config}");
    assert!(!config.contains("checked-first"), "{config}");
    assert!(config.contains("medical = 3"), "{config}");
    // A second round of answers in the same session is saved too, beside the first.
    s.keys("v");
    s.keys("j0");
    s.press(KeyCode::Esc);
    let config = std::fs::read_to_string(s.home.join("config/config.toml")).unwrap();
    assert!(config.contains("watched = 3"), "{config}");
    assert!(
        config.contains("making-sense = 0"),
        "the second answer is saved: {config}"
    );
    // The options rows tied to it are starred.
    s.keys("4G");
    let screen = s.screen();
    assert!(screen.contains("★ Main risks"), "{screen}");
    assert!(!screen.contains("★ Typical cost"), "{screen}");
    // Priorities stay editable by hand afterwards.
    s.keys("3i");
    s.keys("jh");
    s.press(KeyCode::Esc);
    assert_eq!(s.app.priorities().get("medical"), Priority::Important);
}

#[test]
fn readiness_answers_point_to_what_helps_and_never_judge() {
    let mut s = Session::new(120, 40);
    s.keys("3r");
    assert_eq!(s.app.mode(), Mode::Readiness);
    s.keys("yn");
    let screen = s.screen();
    assert!(
        screen.contains("What may help: Read the options side by side"),
        "{screen}"
    );
    assert!(
        !screen.contains("What may help: Feeling unsure"),
        "a yes points nowhere"
    );
    assert!(screen.contains("gives no verdict"), "{screen}");
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Matrix);
    // The answers stay for the session.
    s.keys("4r");
    assert!(s.screen().contains("What may help: Read the options"));
}

/// Issue 13: Compare explains its numbers. Below the questions the matrix foot's rows (score,
/// bar, coverage, cost, flags) are selectable; Enter on one opens the breakdown
/// `kapguide explain` prints for the provider in the column, scrolling, with the way to the
/// guide's section on how scores work; Esc from that guide comes back to it, and Esc again to
/// Compare where it was.
mod explain_in_compare {
    use super::*;
    use kapguide::core::costs::CourseShape;
    use kapguide::core::export::explain;

    /// The breakdown core makes for the provider in the selected column.
    fn breakdown(s: &Session) -> String {
        let (col, _) = s.app.compare_column();
        let provider = s.app.shown_providers()[col];
        let lib = s.app.library();
        let score = score(provider, &lib.checklist, s.app.priorities(), today());
        let course = CourseShape::default();
        explain(
            provider,
            &score,
            &lib.checklist,
            s.app.priorities(),
            &course,
            false,
        )
    }

    /// Whether the screen row starting with the foot label `label` draws a cell as selected.
    fn highlighted(s: &Session, label: &str) -> bool {
        let (_, y) = s.find(label).unwrap();
        let buffer = s.terminal.backend().buffer();
        (0..buffer.area.width).any(|x| {
            let style = buffer[(x, y)].style();
            style
                .add_modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
    }

    /// The first `n` characters of the breakdown's line that starts with `start`.
    fn line_start(text: &str, start: &str, n: usize) -> String {
        let line = text.lines().find(|l| l.starts_with(start)).unwrap();
        line.chars().take(n).collect()
    }

    #[test]
    fn enter_on_the_foot_explains_the_score_and_the_guide_comes_back_to_it() {
        let mut s = Session::new(120, 40);
        s.keys("3l");
        let questions = s.app.library().checklist.questions.len();
        // Down past the last question: the score row is the first below it.
        s.keys("G");
        s.keys(&"k".repeat(5));
        assert_eq!(s.app.mode(), Mode::Matrix);
        // The selected cell is drawn as selected in the score row, and only there.
        assert!(highlighted(&s, "Score (low–high)"), "{}", s.screen());
        assert!(!highlighted(&s, "Coverage"), "{}", s.screen());
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Explain);
        let expected = breakdown(&s);
        let screen = s.screen();
        let (col, _) = s.app.compare_column();
        let name = s.app.shown_providers()[col].name.clone();
        assert!(screen.contains(&name), "{screen}");
        for start in ["Score ", "Each question counts", "Model: "] {
            let shown = line_start(&expected, start, 40);
            assert!(screen.contains(&shown), "{shown:?} missing:\n{screen}");
        }
        assert!(
            screen.contains("Enter: how scores work, \"How the comparison score works\""),
            "{screen}"
        );
        // It scrolls: the last category's questions are further down.
        assert!(screen.contains("more below"), "{screen}");
        s.keys(&"j".repeat(200));
        let end = s.screen();
        assert!(
            end.contains("more above") && !end.contains("more below"),
            "{end}"
        );
        let last = expected
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap();
        let last: String = last.trim().chars().take(30).collect();
        assert!(end.contains(&last), "{last:?}:\n{end}");

        // Enter: the guide, at its scoring section; Esc: the breakdown again, as it was.
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Reader);
        assert_eq!(reader_top(&s), "How the comparison score works");
        s.press(KeyCode::Esc);
        assert_eq!(s.app.mode(), Mode::Explain);
        assert_eq!(s.screen(), end, "where it was read to");
        s.press(KeyCode::Esc);
        assert_eq!(s.app.mode(), Mode::Matrix);
        assert_eq!(s.app.compare_column().0, col, "the same column");
        // Still on the foot's score row: Enter explains again; k goes back up to the questions,
        // where Enter shows the answer.
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Explain);
        s.press(KeyCode::Esc);
        s.keys("k");
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Cell);
        assert!(questions > 0);
    }

    /// Every foot row explains (coverage and the flag rows too), and a switch of view forgets
    /// the way back: Esc in the guide then goes to its contents as usual.
    #[test]
    fn every_foot_row_explains_and_a_view_switch_forgets_the_way_back() {
        let mut s = Session::new(80, 24);
        s.keys("3G");
        for row in 0..6 {
            s.press(KeyCode::Enter);
            assert_eq!(s.app.mode(), Mode::Explain, "foot row {row} from the end");
            s.press(KeyCode::Esc);
            s.keys("k");
        }
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Cell, "the last question");
        s.press(KeyCode::Esc);
        s.keys("G");
        s.press(KeyCode::Enter);
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Reader);
        s.keys("3");
        s.keys("1");
        s.press(KeyCode::Esc);
        assert_eq!(s.app.view(), View::Guides);
        assert_eq!(s.app.mode(), Mode::Toc);
    }

    #[test]
    fn explain_snapshots() {
        for (width, height) in [(60, 16), (80, 24), (120, 40)] {
            let mut s = Session::new(width, height);
            s.keys("3G");
            s.keys(&"k".repeat(5));
            s.press(KeyCode::Enter);
            insta::assert_snapshot!(format!("explain_{width}x{height}"), s.screen());
        }
    }
}

#[test]
fn zero_and_dollar_jump_to_the_first_and_last_column() {
    let mut s = Session::new(120, 40);
    s.keys("3");
    let columns = s.app.shown_providers().len();
    assert!(columns > 2);
    s.keys("$");
    let (col, offset) = s.app.compare_column();
    assert_eq!(col, columns - 1);
    assert!(offset <= col);
    s.keys("0");
    assert_eq!(s.app.compare_column(), (0, 0));
}

#[test]
fn the_provider_list_title_keeps_both_counts_at_ten_thousand() {
    let dir = tempfile::tempdir().unwrap();
    let mut context = tui_support::context(dir.path());
    let model = context.library.providers[0].clone();
    for n in 0..10_000 {
        let mut copy = model.clone();
        copy.id = format!("copy-{n:05}").parse().unwrap();
        context.library.providers.push(copy);
    }
    let total = context.library.providers.len();
    let mut s = Session::open_with(dir.path(), (120, 40), Theme::colour(false), false, context);
    s.keys("3");
    let screen = s.screen();
    let shown = s.app.shown_providers().len();
    assert!(
        screen.contains(&format!("{shown}/{total} shown")),
        "{screen}"
    );
}

#[test]
fn e_then_p_writes_the_packet_of_the_selected_provider() {
    let mut s = Session::new(120, 40);
    s.keys("3ep");
    let status = s.status();
    assert!(status.starts_with("Saved "), "{status}");
    let path = status.trim_start_matches("Saved ").trim();
    let html = std::fs::read_to_string(path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Questions still open") && html.contains("Samaritans 116 123"));
    let first = &s.app.shown_providers()[0];
    assert!(path.contains(first.id.as_str()), "{path}");
}
