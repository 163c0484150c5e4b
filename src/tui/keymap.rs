//! The keymap is data: one table of bindings with descriptions. Key lookup, the footer hints and
//! the help screen are all read from it, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, View};
use super::app::Mode;
use crate::core::export::Format;
use crate::core::provider::AnswerValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every mode, typing included (Ctrl-C).
    Always,
    /// Every mode except while typing.
    NotTyping,
    /// The panes of the three views.
    Views,
    In(&'static [Mode]),
}

impl Scope {
    fn covers(self, mode: Mode) -> bool {
        match self {
            Scope::Always => true,
            Scope::NotTyping => !mode.is_typing(),
            Scope::Views => mode.is_view(),
            Scope::In(modes) => modes.contains(&mode),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// How the key is written in the footer and the help screen.
    pub fn label(self, ascii: bool) -> String {
        let plain = Key {
            ctrl: false,
            alt: false,
            ..self
        };
        if self.ctrl || self.alt {
            let modifier = if self.ctrl { "Ctrl" } else { "Alt" };
            let key = match self.code {
                KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
                _ => plain.label(ascii),
            };
            return format!("{modifier}-{key}");
        }
        match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Up => pick(ascii, "Up", "↑"),
            KeyCode::Down => pick(ascii, "Down", "↓"),
            KeyCode::Left => pick(ascii, "Left", "←"),
            KeyCode::Right => pick(ascii, "Right", "→"),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            other => format!("{other:?}"),
        }
    }

    /// The modifiers a key event needs to be this key.
    pub fn modifiers(self) -> KeyModifiers {
        let mut modifiers = KeyModifiers::NONE;
        modifiers.set(KeyModifiers::CONTROL, self.ctrl);
        modifiers.set(KeyModifiers::ALT, self.alt);
        modifiers
    }

    fn from_event(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

fn pick(ascii: bool, plain: &str, fancy: &str) -> String {
    if ascii { plain } else { fancy }.to_string()
}

pub struct Binding {
    pub scope: Scope,
    /// The first key is the one the footer shows.
    pub keys: &'static [Key],
    pub action: Action,
    pub desc: &'static str,
    /// Shown in the footer and the dialogs' key rows.
    pub hint: bool,
    /// Footer order when the row is short: higher first (after `!` and `?`, always first).
    pub priority: u8,
    /// What the binding means to the user, so that one key can be checked to mean one thing
    /// in every place a user moves between.
    pub meaning: Meaning,
}

/// What a binding means to the user. Most actions mean only themselves; a few kinds of action
/// are one idea in different places (Enter opens a guide, follows a link or goes on to the
/// next question: all "go in or on"), and the keymap test holds each key to one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// The action alone: two bindings mean the same only with the same action.
    Itself,
    /// Go in or on: open, follow, the next question, the column or option to the right, more.
    Forward,
    /// Go back or out: back, close, the previous question, the column or option to the left,
    /// less.
    Backward,
    /// To the end: the last line, or the walk-through's finish screen.
    ToEnd,
    /// The next or previous thing the keys act on: a pane, a link, a field.
    NextFocus,
    PrevFocus,
    /// Write what is shown (or the answers) to a file.
    Export,
    /// Answer yes or no (a checklist question, a readiness question).
    Yes,
    No,
    /// Leave this one out: "does not apply" in a walk, "skip" for a statement.
    LeaveOut,
    /// Add something: a provider, a note to an answer, a clinician.
    Add,
    /// What it costs: a profile's costs, the course shape the estimates price.
    Money,
}

impl Meaning {
    /// The meaning an action has wherever it is bound.
    const fn of(action: &Action) -> Meaning {
        match action {
            Action::Open | Action::NextQuestion | Action::Right | Action::More => Meaning::Forward,
            Action::Back | Action::PrevQuestion | Action::Left | Action::Less => Meaning::Backward,
            Action::Bottom | Action::Finish => Meaning::ToEnd,
            Action::FocusNext | Action::NextLink => Meaning::NextFocus,
            Action::FocusPrev | Action::PrevLink => Meaning::PrevFocus,
            Action::Export | Action::SaveElsewhere => Meaning::Export,
            Action::Yes | Action::Answer(AnswerValue::Yes) => Meaning::Yes,
            Action::No | Action::Answer(AnswerValue::No) => Meaning::No,
            Action::Skip | Action::Answer(AnswerValue::Na) => Meaning::LeaveOut,
            Action::NewProvider | Action::EditNote | Action::AddClinician => Meaning::Add,
            Action::Costs | Action::Course => Meaning::Money,
            _ => Meaning::Itself,
        }
    }
}

impl Binding {
    /// One of the view's most important keys: the footer shows it before the others.
    const fn first(mut self) -> Binding {
        self.priority = 1;
        self
    }

    /// Whether two bindings mean the same (or closely related) things to the user.
    pub fn same_meaning(&self, other: &Binding) -> bool {
        match (self.meaning, other.meaning) {
            (Meaning::Itself, Meaning::Itself) => self.action == other.action,
            (a, b) => a == b,
        }
    }
}

const fn ch(c: char) -> Key {
    k(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    ctrl_key(KeyCode::Char(c))
}

const fn ctrl_key(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: true,
        alt: false,
    }
}

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
        alt: true,
    }
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}

const fn b(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
    hint: bool,
) -> Binding {
    let meaning = Meaning::of(&action);
    Binding {
        scope,
        keys,
        action,
        desc,
        hint,
        priority: 0,
        meaning,
    }
}

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};
use Scope::{Always, In, NotTyping, Views};

/// Modes where j/k, PgUp/PgDn and g/G move a selection or scroll.
const MOVES: &[Mode] = &[
    Mode::Toc,
    Mode::Reader,
    Mode::Picker,
    Mode::Questions,
    Mode::Prepare,
    Mode::ProviderList,
    Mode::Matrix,
    Mode::Help,
    Mode::Crisis,
    Mode::Problems,
    Mode::Options,
    Mode::OptionCell,
    Mode::Clinicians,
    Mode::Costs,
    Mode::Explain,
];
const COMPARE: &[Mode] = &[Mode::ProviderList, Mode::Matrix];
/// Where "what matters to you" opens from: the options, the comparison and the guides.
const VALUES_FROM: &[Mode] = &[
    Mode::Options,
    Mode::ProviderList,
    Mode::Matrix,
    Mode::Toc,
    Mode::Reader,
];
/// Where "am I ready?" opens from.
const READY_FROM: &[Mode] = &[Mode::Options, Mode::ProviderList, Mode::Matrix];
/// One-line fields that Enter confirms and Esc cancels.
const FIELDS: &[Mode] = &[Mode::Text, Mode::Search];
/// Everywhere text is typed: the editing keys.
const EDITING: &[Mode] = &[Mode::Text, Mode::Search, Mode::Form];
const FORM: &[Mode] = &[Mode::Form];
const ANSWER: &[Mode] = &[Mode::Walk];
const FILTERS: &[Mode] = &[Mode::Filters];
const RECORDS: &[Mode] = &[Mode::Clinicians, Mode::Costs];

// One binding a line reads as the table it is.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(Always, &[ctrl('c')], Action::Quit, "quit now", false),
    // Crisis lines are one key away from everywhere: `!` is text while typing, so F2 works too.
    b(NotTyping, &[ch('!'), k(F(2))], Action::Crisis, "crisis lines", true),
    b(In(EDITING), &[k(F(2))], Action::Crisis, "crisis lines", true),
    b(In(FILTERS), &[k(F(2))], Action::Crisis, "crisis lines", true),
    // Movement
    b(In(MOVES), &[ch('j'), k(Down)], Action::Down, "down", false),
    b(In(MOVES), &[ch('k'), k(Up)], Action::Up, "up", false),
    b(In(MOVES), &[k(PageDown), ctrl('d')], Action::PageDown, "page down", false),
    b(In(MOVES), &[k(PageUp), ctrl('u')], Action::PageUp, "page up", false),
    b(In(MOVES), &[ch('g'), k(Home)], Action::Top, "go to the top", false),
    b(In(MOVES), &[ch('G'), k(End)], Action::Bottom, "go to the end", false),
    // Guides
    b(In(&[Mode::Toc]), &[k(Enter), ch('l'), k(Right)], Action::Open, "read", true).first(),
    b(In(&[Mode::Reader]), &[ch(']')], Action::NextSection, "next section", true),
    b(In(&[Mode::Reader]), &[ch('[')], Action::PrevSection, "previous section", true),
    b(In(&[Mode::Reader]), &[k(Tab)], Action::NextLink, "select the next link", true).first(),
    b(In(&[Mode::Reader]), &[k(BackTab)], Action::PrevLink, "select the previous link", false),
    b(In(&[Mode::Reader]), &[k(Enter)], Action::Open, "follow the selected link", true).first(),
    b(In(&[Mode::Reader]), &[k(Backspace), ch('h'), k(Left)], Action::Back, "back (from a link, or to contents)", true),
    b(In(&[Mode::Toc, Mode::Reader]), &[ch('o')], Action::View(View::Options), "options side by side", true),
    // Checklist
    b(In(&[Mode::Picker]), &[k(Enter)], Action::Open, "walk through", true).first(),
    b(In(&[Mode::Picker]), &[ch('a')], Action::NewProvider, "add a new provider", true),
    b(In(&[Mode::Picker]), &[ch('b')], Action::Prepare, "prepare questions", true),
    b(In(&[Mode::Picker]), &[ch('d'), k(Delete)], Action::Discard, "discard a draft", false),
    b(In(&[Mode::Questions]), &[k(Enter)], Action::Open, "walk from here", true),
    // The new provider's form: letters are text on every row, so only keys that type nothing
    // move and choose (Space types a space in a text row).
    b(In(FORM), &[k(Enter)], Action::Open, "done", true),
    b(In(FORM), &[k(Tab), k(Down)], Action::Down, "next field", true),
    b(In(FORM), &[k(BackTab), k(Up)], Action::Up, "previous field", false),
    b(In(FORM), &[ch(' ')], Action::Toggle, "choose (or switch on or off)", true),
    b(In(FORM), &[k(Left)], Action::Left, "previous choice (or cursor left)", false),
    b(In(FORM), &[k(Right)], Action::Right, "next choice (or cursor right)", true),
    b(In(FORM), &[k(Esc)], Action::Back, "leave (asks before dropping what you typed)", true),
    b(In(ANSWER), &[ch('y')], Action::Answer(AnswerValue::Yes), "yes", true),
    b(In(ANSWER), &[ch('p')], Action::Answer(AnswerValue::Partial), "partial", true),
    b(In(ANSWER), &[ch('n')], Action::Answer(AnswerValue::No), "no", true),
    b(In(ANSWER), &[ch('u')], Action::Answer(AnswerValue::Unknown), "unknown", true),
    b(In(ANSWER), &[ch('x')], Action::Answer(AnswerValue::Na), "n/a", true),
    b(In(ANSWER), &[ch('a')], Action::EditNote, "note", true),
    b(In(ANSWER), &[ch('w')], Action::EditSource, "source (where it came from)", true),
    b(In(ANSWER), &[ch('t')], Action::ConsultationDate, "consultation date", true),
    b(In(&[Mode::Walk, Mode::Review]), &[k(Left), ch('h')], Action::PrevQuestion, "previous", true),
    b(In(ANSWER), &[k(Right), k(Enter), ch('l')], Action::NextQuestion, "next question", true),
    b(In(ANSWER), &[ch('G'), k(End)], Action::Finish, "finish", true),
    b(In(ANSWER), &[ch('j'), k(Down)], Action::Down, "scroll \"why it matters\" down", false),
    b(In(ANSWER), &[ch('k'), k(Up)], Action::Up, "scroll \"why it matters\" up", false),
    b(In(&[Mode::Review]), &[k(Enter)], Action::Open, "save the profile", true).first(),
    // What a profile carries beside the answers: from anywhere in the walk, offered on the
    // finish page (the question pages keep their rows for the question).
    b(In(&[Mode::Review]), &[ch('c')], Action::Clinicians, "clinicians, licences", true).first(),
    b(In(&[Mode::Review]), &[ch('m')], Action::Costs, "costs", true).first(),
    b(In(ANSWER), &[ch('c')], Action::Clinicians, "clinicians, licences", false),
    b(In(ANSWER), &[ch('m')], Action::Costs, "costs", false),
    b(In(&[Mode::Clinicians]), &[k(Enter)], Action::Open, "edit (or add)", true).first(),
    b(In(&[Mode::Costs]), &[k(Enter)], Action::Open, "edit", true).first(),
    b(In(&[Mode::Clinicians]), &[ch('a')], Action::AddClinician, "add a clinician", true),
    b(In(&[Mode::Clinicians]), &[ch('v')], Action::CheckLicence, "record a licence check", true).first(),
    b(In(&[Mode::Clinicians]), &[ch('d'), k(Delete)], Action::Discard, "remove the clinician", true),
    b(In(&[Mode::Costs]), &[ch('d'), k(Delete)], Action::Discard, "clear the cost", true),
    b(In(RECORDS), &[k(Esc), ch('q')], Action::Back, "back to the walk-through", true),
    b(In(&[Mode::Prepare]), &[ch('e')], Action::Export, "export as Markdown", true),
    b(In(&[Mode::Picker, Mode::Walk, Mode::Review]), &[ch('e')], Action::SaveElsewhere, "save the answers to a file you name", false),
    // Compare
    b(In(COMPARE), &[ch(' ')], Action::Toggle, "show or hide provider", true),
    b(In(&[Mode::Matrix]), &[ch('h'), k(Left)], Action::Left, "column left", false),
    b(In(&[Mode::Matrix]), &[ch('l'), k(Right)], Action::Right, "column right", false),
    b(In(&[Mode::Matrix]), &[ch('0')], Action::FirstColumn, "first column", false),
    b(In(&[Mode::Matrix]), &[ch('$')], Action::LastColumn, "last column", false),
    b(In(&[Mode::Matrix]), &[k(Enter)], Action::Open, "details", true).first(),
    b(In(COMPARE), &[ch('s')], Action::Sort, "sort", true),
    b(In(COMPARE), &[ch('f')], Action::Filters, "filters (region, route, cost…)", true),
    b(In(COMPARE), &[ch('i')], Action::Priorities, "priorities", true).first(),
    b(In(COMPARE), &[ch('m')], Action::Course, "course shape (for the cost)", true),
    b(In(COMPARE), &[ch('e')], Action::Export, "export", true).first(),
    // Options
    b(In(&[Mode::Options]), &[k(Enter)], Action::Open, "full text and sources", true),
    b(In(&[Mode::Options]), &[ch('l'), k(Right)], Action::Right, "next option", true),
    b(In(&[Mode::Options]), &[ch('h'), k(Left)], Action::Left, "previous option", true),
    b(In(VALUES_FROM), &[ch('v')], Action::Values, "what matters to you", true),
    b(In(READY_FROM), &[ch('r')], Action::Readiness, "am I ready?", true),
    // View-wide
    b(Views, &[ch('?'), k(F(1))], Action::Help, "help", true),
    b(Views, &[ch('/')], Action::Search, "search", true),
    // Not n/N: n answers "no" in the walk-through, and the search box steps with Ctrl-N/P too.
    b(Views, &[ctrl('n')], Action::NextMatch, "next search match", false),
    b(Views, &[ctrl('p')], Action::PrevMatch, "previous search match", false),
    b(Views, &[ch('1')], Action::View(View::Guides), "guides view", false),
    b(Views, &[ch('2')], Action::View(View::Checklist), "checklist view", false),
    b(Views, &[ch('3')], Action::View(View::Compare), "compare view", false),
    b(Views, &[ch('4')], Action::View(View::Options), "options view", false),
    b(Views, &[k(Tab)], Action::FocusNext, "next pane", false),
    b(Views, &[k(BackTab)], Action::FocusPrev, "previous pane", false),
    b(Views, &[k(Esc)], Action::Back, "back", false),
    b(Views, &[ch('q')], Action::QuitTop, "quit (from the top level)", true),
    // Text fields and search
    b(In(FIELDS), &[k(Enter)], Action::Open, "confirm", true),
    b(In(FIELDS), &[k(Esc)], Action::Back, "cancel", true),
    b(In(EDITING), &[k(Backspace)], Action::Backspace, "delete left", false),
    b(In(EDITING), &[k(Delete)], Action::Delete, "delete right", false),
    b(In(EDITING), &[k(Left)], Action::Left, "cursor left", false),
    b(In(EDITING), &[k(Right)], Action::Right, "cursor right", false),
    b(In(EDITING), &[k(Home), ctrl('a')], Action::Top, "start of line", false),
    b(In(EDITING), &[k(End), ctrl('e')], Action::Bottom, "end of line", false),
    b(In(EDITING), &[ctrl_key(Left), alt('b')], Action::WordLeft, "word left", false),
    b(In(EDITING), &[ctrl_key(Right), alt('f')], Action::WordRight, "word right", false),
    b(In(EDITING), &[ctrl('w')], Action::DeleteWord, "delete the word before the cursor", false),
    b(In(EDITING), &[ctrl('u')], Action::DeleteToStart, "delete to the start of the line", false),
    b(In(&[Mode::Search]), &[k(Down), ctrl('n')], Action::Down, "next result", true),
    b(In(&[Mode::Search]), &[k(Up), ctrl('p')], Action::Up, "previous result", true),
    // Overlays
    b(In(&[Mode::Help]), &[k(Esc), ch('q'), ch('?'), k(F(1))], Action::Back, "close", true),
    b(In(&[Mode::Crisis]), &[k(Enter)], Action::Open, "open the full guide", true),
    b(In(&[Mode::Crisis]), &[k(Esc), ch('q'), ch('!'), k(F(2))], Action::Back, "close", true),
    b(In(&[Mode::Problems]), &[k(Esc), k(Enter), ch('q')], Action::Back, "close", true),
    b(In(&[Mode::OptionCell]), &[k(Esc), k(Enter), ch('q')], Action::Back, "close", true),
    b(In(&[Mode::Explain]), &[k(Enter)], Action::Open, "how scores work (the guide)", true),
    b(In(&[Mode::Explain]), &[k(Esc), ch('q')], Action::Back, "back to Compare", true),
    b(In(&[Mode::Values]), &[ch('0')], Action::Rate(0), "not for me", true),
    b(In(&[Mode::Values]), &[ch('1')], Action::Rate(1), "a little", true),
    b(In(&[Mode::Values]), &[ch('2')], Action::Rate(2), "quite a lot", true),
    b(In(&[Mode::Values]), &[ch('3')], Action::Rate(3), "very much", true),
    b(In(&[Mode::Values]), &[ch('x'), k(Delete), k(Backspace)], Action::Skip, "skip", true),
    b(In(&[Mode::Values]), &[ch('j'), k(Down)], Action::Down, "next statement", true),
    b(In(&[Mode::Values]), &[ch('k'), k(Up)], Action::Up, "previous statement", false),
    b(In(&[Mode::Values]), &[ch('l'), k(Right)], Action::More, "more", false),
    b(In(&[Mode::Values]), &[ch('h'), k(Left)], Action::Less, "less", false),
    b(In(&[Mode::Values]), &[k(Esc), k(Enter), ch('q')], Action::Back, "done (saves)", true),
    b(In(&[Mode::Readiness]), &[ch('y')], Action::Yes, "yes", true),
    b(In(&[Mode::Readiness]), &[ch('n')], Action::No, "no", true),
    b(In(&[Mode::Readiness]), &[ch('j'), k(Down)], Action::Down, "next question", true),
    b(In(&[Mode::Readiness]), &[ch('k'), k(Up)], Action::Up, "previous question", false),
    b(In(&[Mode::Readiness]), &[k(Esc), k(Enter), ch('q')], Action::Back, "close", true),
    b(In(&[Mode::Notice]), &[k(Enter)], Action::Back, "continue (any key)", true),
    b(In(&[Mode::Choice]), &[k(Esc)], Action::Back, "decide later", true),
    b(In(&[Mode::Cell]), &[k(Esc), k(Enter), ch('q')], Action::Back, "close", true),
    b(In(FILTERS), &[k(Down), k(Tab)], Action::Down, "next filter", true),
    b(In(FILTERS), &[k(Up), k(BackTab)], Action::Up, "previous filter", false),
    b(In(FILTERS), &[k(Right)], Action::Right, "next choice", true),
    b(In(FILTERS), &[k(Left)], Action::Left, "previous choice", true),
    b(In(FILTERS), &[k(Backspace)], Action::Backspace, "delete a typed letter", false),
    b(In(FILTERS), &[ctrl('w')], Action::DeleteWord, "delete a typed word", false),
    b(In(FILTERS), &[ctrl('u')], Action::DeleteToStart, "delete what is typed", false),
    b(In(FILTERS), &[k(Delete)], Action::Delete, "clear this filter", true),
    b(In(FILTERS), &[ctrl('x')], Action::ClearFilters, "clear every filter", true),
    b(In(FILTERS), &[k(Enter), k(Esc)], Action::Back, "done", true),
    b(In(&[Mode::Course]), &[ch('j'), k(Down)], Action::Down, "next kind of session", true),
    b(In(&[Mode::Course]), &[ch('k'), k(Up)], Action::Up, "previous kind", false),
    b(In(&[Mode::Course]), &[ch('l'), k(Right), ch('+')], Action::More, "one more", true),
    b(In(&[Mode::Course]), &[ch('h'), k(Left), ch('-')], Action::Less, "one fewer", true),
    b(In(&[Mode::Course]), &[k(Esc), k(Enter), ch('q')], Action::Back, "done (saves)", true),
    b(In(&[Mode::Priorities]), &[ch('j'), k(Down)], Action::Down, "next category", true),
    b(In(&[Mode::Priorities]), &[ch('k'), k(Up)], Action::Up, "previous category", false),
    b(In(&[Mode::Priorities]), &[ch('l'), k(Right), ch('+')], Action::More, "more important", true),
    b(In(&[Mode::Priorities]), &[ch('h'), k(Left), ch('-')], Action::Less, "less important", true),
    b(In(&[Mode::Priorities]), &[k(Esc), k(Enter), ch('q')], Action::Back, "done (saves)", true),
    b(In(&[Mode::Export]), &[ch('m')], Action::ExportAs(Format::Markdown), "Markdown", true),
    b(In(&[Mode::Export]), &[ch('c')], Action::ExportAs(Format::Csv), "CSV", true),
    b(In(&[Mode::Export]), &[ch('j')], Action::ExportAs(Format::Json), "JSON", true),
    b(In(&[Mode::Export]), &[ch('p')], Action::ExportPacket, "consultation packet (HTML) for the selected provider", true),
    b(In(&[Mode::Export]), &[k(Esc), ch('q')], Action::Back, "cancel", true),
];

/// The binding `key` has in `mode`: the keys that work everywhere (Ctrl-C), then the mode's own
/// keys, then the keys shared by every mode but typing, then those shared by the views. A key
/// bound at two tiers means only the first.
fn binding(mode: Mode, key: Key) -> Option<&'static Binding> {
    let tiers: [fn(Scope) -> bool; 4] = [
        |s| s == Always,
        |s| matches!(s, In(_)),
        |s| s == NotTyping,
        |s| s == Views,
    ];
    tiers.into_iter().find_map(|tier| {
        BINDINGS
            .iter()
            .filter(|b| tier(b.scope) && b.scope.covers(mode))
            .find(|b| b.keys.contains(&key))
    })
}

/// The binding a key press has in `mode`. While typing, an unbound printable key is text; on
/// the notice, any key goes on.
pub fn lookup(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if let Some(binding) = binding(mode, Key::from_event(event)) {
        return Some(binding.action.clone());
    }
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
    match event.code {
        // A choice's option keys are its own, so they come as typed letters.
        KeyCode::Char(c)
            if (mode.is_typing() || mode == Mode::Choice) && plain && !c.is_control() =>
        {
            Some(Action::Type(c))
        }
        _ if mode == Mode::Notice => Some(Action::Back),
        _ => None,
    }
}

/// A binding as it stands in one mode: only the keys that really mean it there (a mode's own
/// `n` hides the shared "next search match").
pub struct Shown {
    pub binding: &'static Binding,
    pub keys: Vec<Key>,
}

impl Shown {
    pub fn keys_label(&self, ascii: bool) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label(ascii)).collect();
        labels.join(" ")
    }

    fn own(&self) -> bool {
        matches!(self.binding.scope, In(_))
    }
}

/// The bindings that work in `mode`, its own first, each with the keys that mean it there.
pub fn bindings_for(mode: Mode) -> Vec<Shown> {
    let shown = |b: &'static Binding| {
        let keys: Vec<Key> = b
            .keys
            .iter()
            .copied()
            .filter(|k| binding(mode, *k).is_some_and(|found| std::ptr::eq(found, b)))
            .collect();
        (!keys.is_empty()).then_some(Shown { binding: b, keys })
    };
    let covering = || BINDINGS.iter().filter(move |b| b.scope.covers(mode));
    let own = covering().filter(|b| matches!(b.scope, In(_)));
    let shared = covering().filter(|b| !matches!(b.scope, In(_)));
    own.chain(shared).filter_map(shown).collect()
}

/// How the key that does `action` in `mode` is written, for a message that names it (so the
/// message follows the keymap). Empty if no key does it there.
pub fn key_for(mode: Mode, action: &Action, ascii: bool) -> String {
    bindings_for(mode)
        .into_iter()
        .find(|s| s.binding.action == *action)
        .map(|s| s.keys[0].label(ascii))
        .unwrap_or_default()
}

/// A key hint: the key as written, what it does, and the action (a click on it does that).
#[derive(Clone, Debug, PartialEq)]
pub struct Hint {
    pub key: String,
    pub desc: &'static str,
    pub action: Action,
    pub priority: u8,
}

/// Hints for `mode` in table order. `own_only` leaves out the keys that work in every view;
/// `q` is offered only where it quits.
pub fn hints(mode: Mode, ascii: bool, own_only: bool) -> Vec<Hint> {
    bindings_for(mode)
        .into_iter()
        .filter(|s| s.binding.hint && (s.own() || !own_only))
        .filter(|s| s.binding.action != Action::QuitTop || mode.is_top())
        .map(|s| Hint {
            key: s.keys[0].label(ascii),
            desc: s.binding.desc,
            action: s.binding.action.clone(),
            priority: s.binding.priority,
        })
        .collect()
}

/// The footer's hints for `mode` in the order they are offered when the row is short: the
/// crisis lines and help always first, then the view's most important keys, then the rest in
/// table order.
pub fn footer_hints(mode: Mode, ascii: bool) -> Vec<Hint> {
    let mut hints = hints(mode, ascii, false);
    let rank = |h: &Hint| match h.action {
        Action::Crisis => 0,
        Action::Help => 1,
        _ => 3 - h.priority,
    };
    hints.sort_by_key(rank);
    hints
}

/// Help screen sections: a title and (keys, description) rows. The place help was opened from
/// comes first, its own keys and then the shared ones that work there, so no key is listed
/// twice with two meanings; then every other place's own keys under its name.
pub fn help_sections(current: Mode, ascii: bool) -> Vec<(String, Vec<(String, &'static str)>)> {
    let rows = |mode: Mode, own: bool| -> Vec<(String, &'static str)> {
        bindings_for(mode)
            .into_iter()
            .filter(|s| s.own() == own)
            .map(|s| (s.keys_label(ascii), s.binding.desc))
            .collect()
    };
    let mut sections = vec![
        (format!("Here ({})", current.title()), rows(current, true)),
        (
            "Also here (keys every view shares)".to_string(),
            rows(current, false),
        ),
    ];
    for mode in Mode::ALL.into_iter().filter(|m| *m != current) {
        sections.push((mode.title().to_string(), rows(mode, true)));
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(mode: Mode, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        lookup(mode, &KeyEvent::new(code, modifiers))
    }

    fn plain(mode: Mode, c: char) -> Option<Action> {
        press(mode, KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// Every key in the table, once.
    fn all_keys() -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for key in BINDINGS.iter().flat_map(|b| b.keys) {
            if !keys.contains(key) {
                keys.push(*key);
            }
        }
        keys
    }

    /// The crisis box closes with the key that opened it.
    fn closes_the_crisis_box(mode: Mode, binding: &Binding) -> bool {
        mode == Mode::Crisis && binding.action == Action::Back
    }

    /// A key that two bindings give one mode means one thing there: at one tier the first
    /// binding would silently win, and a mode's own binding may only stand in front of a shared
    /// one that means the same (the reader's Tab selects the next link, the panes' Tab the next
    /// pane: both "next focus").
    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in Mode::ALL {
            for key in all_keys() {
                let bound: Vec<&Binding> = BINDINGS
                    .iter()
                    .filter(|b| b.scope.covers(mode) && b.keys.contains(&key))
                    .collect();
                for (i, a) in bound.iter().enumerate() {
                    for b in &bound[i + 1..] {
                        let toggle = [a, b].iter().any(|x| closes_the_crisis_box(mode, x));
                        assert!(
                            a.action == b.action
                                || (a.scope != b.scope && a.same_meaning(b))
                                || toggle,
                            "{key:?} is bound twice in {mode:?}: {} and {}",
                            a.desc,
                            b.desc
                        );
                    }
                }
            }
        }
    }

    /// The places a user moves between (the views' panes, the walk-through, its finish and
    /// question sheet, Compare's list and matrix): there every key means one thing, or closely
    /// related things (`Meaning`). The boxes opened over them (export menu, ratings, dialogs)
    /// list their own keys inside them and are left out; typing modes are text.
    #[test]
    fn a_key_means_one_thing_in_every_place_a_user_moves_between() {
        let places: Vec<Mode> = Mode::ALL.into_iter().filter(|m| m.is_view()).collect();
        assert!(places.contains(&Mode::Walk) && places.contains(&Mode::Matrix));
        for key in all_keys() {
            let meanings: Vec<(Mode, &Binding)> = places
                .iter()
                .filter_map(|m| binding(*m, key).map(|b| (*m, b)))
                .collect();
            for (mode, a) in &meanings {
                for (other, b) in &meanings {
                    assert!(
                        a.same_meaning(b),
                        "{} means {:?} in {mode:?} but {:?} in {other:?}",
                        key.label(false),
                        a.desc,
                        b.desc
                    );
                }
            }
        }
        // The clashes this replaced: each letter now has one home.
        let walk = |c| plain(Mode::Walk, c);
        assert_eq!(walk('p'), Some(Action::Answer(AnswerValue::Partial)));
        assert_eq!(walk('x'), Some(Action::Answer(AnswerValue::Na)));
        assert_eq!(
            walk('a'),
            Some(Action::EditNote),
            "add a note, as a adds a provider"
        );
        for c in ['s', 'd', 'f', '$'] {
            assert_eq!(walk(c), None, "{c} in a walk-through");
        }
        assert_eq!(plain(Mode::Picker, 'p'), None);
        assert_eq!(plain(Mode::Matrix, 'p'), None);
        assert_eq!(plain(Mode::Matrix, 'n'), None);
        assert_eq!(plain(Mode::Matrix, 'a'), None);
    }

    /// `!` and F2 are only ever the crisis lines (or close them), and `?` and F1 only ever help.
    #[test]
    fn crisis_and_help_keys_mean_nothing_else() {
        let crisis = [ch('!'), k(F(2))];
        let help = [ch('?'), k(F(1))];
        for binding in BINDINGS {
            let crisis_box = binding.scope == In(&[Mode::Crisis]);
            let help_box = binding.scope == In(&[Mode::Help]);
            for key in binding.keys {
                if crisis.contains(key) {
                    assert!(
                        binding.action == Action::Crisis || crisis_box,
                        "{key:?}: {}",
                        binding.desc
                    );
                }
                if help.contains(key) {
                    assert!(
                        binding.action == Action::Help || help_box,
                        "{key:?}: {}",
                        binding.desc
                    );
                }
            }
        }
        // Typing modes take `?` as text, and the notice and dialogs read any key as their own
        // (go on; an option's letter), binding none.
        let own_keys = |m: Mode| m.is_typing() || matches!(m, Mode::Notice | Mode::Choice);
        for mode in Mode::ALL.into_iter().filter(|m| !own_keys(*m)) {
            for key in help {
                let event = KeyEvent::new(key.code, key.modifiers());
                let expected = if mode == Mode::Help {
                    Action::Back
                } else {
                    Action::Help
                };
                let found = lookup(mode, &event);
                assert!(
                    found.is_none() || found == Some(expected),
                    "{key:?} in {mode:?}: {found:?}"
                );
            }
        }
    }

    /// The README's key table says what the keymap does: each row's keys are bound to its
    /// description, and every letter the views bind (but the movement keys and q, described
    /// beside the table) has a row.
    #[test]
    fn the_readme_key_table_matches_the_keymap() {
        let readme = include_str!("../../README.md");
        let start = readme.find("<!-- keys:").expect("the key table's marker");
        let rows: Vec<(Vec<&str>, &str)> = readme[start..]
            .lines()
            .skip(3)
            .take_while(|l| l.starts_with('|'))
            .map(|row| {
                let cells: Vec<&str> = row.split('|').map(str::trim).collect();
                let keys = cells[1].split('`').skip(1).step_by(2).collect();
                (keys, cells[2])
            })
            .collect();
        assert!(rows.len() > 20, "{rows:?}");
        for (keys, desc) in &rows {
            let bound = BINDINGS.iter().any(|b| {
                b.desc == *desc
                    && keys
                        .iter()
                        .all(|key| b.keys.iter().any(|k| k.label(true) == *key))
            });
            assert!(bound, "README: {keys:?} {desc:?} is not a binding");
        }
        let movement = ['h', 'j', 'k', 'l', 'g', 'G', 'q'];
        for mode in Mode::ALL.into_iter().filter(|m| m.is_view()) {
            for shown in bindings_for(mode) {
                for key in &shown.keys {
                    let KeyCode::Char(c) = key.code else { continue };
                    if !c.is_ascii_alphabetic() || key.ctrl || movement.contains(&c) {
                        continue;
                    }
                    let listed = rows
                        .iter()
                        .any(|(keys, _)| keys.contains(&c.to_string().as_str()));
                    assert!(
                        listed,
                        "{c} ({}) in {mode:?} is not in the README",
                        shown.binding.desc
                    );
                }
            }
        }
    }

    #[test]
    fn typed_keys_are_text_and_ctrl_c_always_quits() {
        for mode in [Mode::Text, Mode::Search, Mode::Form] {
            for c in ['q', '1', '/', '?', '!', 'n', 'é'] {
                assert_eq!(plain(mode, c), Some(Action::Type(c)), "{c} in {mode:?}");
            }
        }
        for mode in Mode::ALL {
            let quit = press(mode, KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(quit, Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn f2_opens_the_crisis_lines_from_every_mode_even_while_typing() {
        for mode in Mode::ALL {
            let f2 = press(mode, KeyCode::F(2), KeyModifiers::NONE);
            let expected = if mode == Mode::Crisis {
                Action::Back
            } else {
                Action::Crisis
            };
            assert_eq!(f2, Some(expected), "{mode:?}");
        }
        for mode in Mode::ALL.into_iter().filter(|m| !m.is_typing()) {
            let bang = plain(mode, '!');
            assert!(
                matches!(bang, Some(Action::Crisis | Action::Back)),
                "{mode:?}: {bang:?}"
            );
        }
        let typing = footer_hints(Mode::Text, false);
        assert_eq!(
            (typing[0].key.as_str(), typing[0].desc),
            ("F2", "crisis lines"),
            "{typing:?}"
        );
    }

    /// What help shows for a place (its own keys, then the shared ones that work there) gives
    /// each key one meaning, and the meaning the key really has there.
    #[test]
    fn within_one_mode_s_help_a_key_has_one_meaning() {
        for mode in Mode::ALL {
            let mut seen: Vec<(Key, &str)> = Vec::new();
            for shown in bindings_for(mode) {
                for key in &shown.keys {
                    if let Some((_, before)) = seen.iter().find(|(k, _)| k == key) {
                        panic!(
                            "{key:?} is listed in {mode:?} as {before:?} and {:?}",
                            shown.binding.desc
                        );
                    }
                    seen.push((*key, shown.binding.desc));
                    let event = KeyEvent::new(key.code, key.modifiers());
                    assert_eq!(
                        lookup(mode, &event).as_ref(),
                        Some(&shown.binding.action),
                        "{key:?} in {mode:?}"
                    );
                }
            }
        }
        // The reader's Tab selects a link: its help does not also offer Tab as "next pane".
        let reader = help_sections(Mode::Reader, false);
        let listed: Vec<&(String, &str)> = reader[..2].iter().flat_map(|(_, rows)| rows).collect();
        assert!(
            listed.contains(&&("Tab".to_string(), "select the next link")),
            "{listed:?}"
        );
        assert!(
            listed.iter().all(|(_, desc)| *desc != "next pane"),
            "{listed:?}"
        );
        let matrix = help_sections(Mode::Matrix, false);
        assert!(
            matrix[1]
                .1
                .contains(&("Ctrl-N".to_string(), "next search match")),
            "{:?}",
            matrix[1]
        );
    }

    #[test]
    fn a_mode_s_own_keys_come_before_the_view_wide_ones() {
        let tab = |mode| press(mode, KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(tab(Mode::Reader), Some(Action::NextLink));
        assert_eq!(tab(Mode::Toc), Some(Action::FocusNext));
        assert_eq!(plain(Mode::Help, 'q'), Some(Action::Back));
        assert_eq!(plain(Mode::Toc, 'q'), Some(Action::QuitTop));
        assert_eq!(
            plain(Mode::Priorities, '1'),
            None,
            "overlays do not switch views"
        );
        assert_eq!(
            plain(Mode::Notice, 'x'),
            Some(Action::Back),
            "any key goes on"
        );
        let upper_g = press(Mode::Reader, KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(upper_g, Some(Action::Bottom), "Shift is part of the letter");
    }

    #[test]
    fn esc_leads_out_of_every_mode() {
        for mode in Mode::ALL {
            let esc = press(mode, KeyCode::Esc, KeyModifiers::NONE);
            assert!(matches!(esc, Some(Action::Back)), "{mode:?}: {esc:?}");
        }
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(lookup(Mode::Toc, &release), None);
    }

    #[test]
    fn footer_offers_q_only_where_it_quits() {
        let quits = |mode| hints(mode, false, false).iter().any(|h| h.key == "q");
        assert!(quits(Mode::Matrix));
        assert!(!quits(Mode::Walk));
        let own = hints(Mode::Walk, true, true);
        assert_eq!((own[0].key.as_str(), own[0].desc), ("y", "yes"));
        assert!(own.iter().all(|h| h.key != "/"), "view-wide keys left out");
        assert!(own.iter().any(|h| h.key == "Left"), "ASCII key names");
    }
}
