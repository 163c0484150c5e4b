//! Semantic styles. The default theme uses the terminal's own 16 colours on its own background, so
//! it reads on light and dark terminals alike; `mono` (NO_COLOR) keeps only modifiers, so selection
//! and emphasis still show. Meaning never rests on colour alone: every coloured thing also has a
//! symbol or a word.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub subheading: Style,
    pub text: Style,
    pub dim: Style,
    pub link: Style,
    pub code: Style,
    pub selected: Style,
    /// The pane that has the keyboard.
    pub focus_border: Style,
    pub border: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub key: Style,
    pub ok: Style,
    pub warn: Style,
    pub bad: Style,
    pub sample: Style,
    pub matched: Style,
    pub error: Style,
    pub border_set: border::Set<'static>,
    /// Plain ASCII symbols (`--ascii`).
    pub ascii: bool,
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// NO_COLOR set and not empty (see no-color.org) means the monochrome theme.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Theme::mono(ascii)
        } else {
            Theme::colour(ascii)
        }
    }

    pub fn colour(ascii: bool) -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        let bold = Modifier::BOLD;
        Theme {
            title: fg(Color::Cyan).add_modifier(bold),
            heading: fg(Color::Cyan).add_modifier(bold),
            subheading: Style::new().add_modifier(bold),
            link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            code: fg(Color::Yellow),
            focus_border: fg(Color::Cyan).add_modifier(bold),
            border: fg(Color::DarkGray),
            tab_active: fg(Color::Cyan).add_modifier(bold | Modifier::REVERSED),
            key: fg(Color::Cyan).add_modifier(bold),
            ok: fg(Color::Green),
            warn: fg(Color::Yellow),
            bad: fg(Color::Red).add_modifier(bold),
            sample: fg(Color::Magenta).add_modifier(bold),
            matched: fg(Color::Yellow).add_modifier(bold | Modifier::UNDERLINED),
            error: fg(Color::Red).add_modifier(bold),
            ..Theme::mono(ascii)
        }
    }

    pub fn mono(ascii: bool) -> Theme {
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        Theme {
            title: m(Modifier::BOLD),
            heading: m(Modifier::BOLD | Modifier::UNDERLINED),
            subheading: m(Modifier::BOLD),
            text: Style::new(),
            dim: m(Modifier::DIM),
            link: m(Modifier::UNDERLINED),
            code: m(Modifier::ITALIC),
            selected: m(Modifier::REVERSED | Modifier::BOLD),
            focus_border: m(Modifier::BOLD),
            border: Style::new(),
            tab: Style::new(),
            tab_active: m(Modifier::REVERSED | Modifier::BOLD),
            key: m(Modifier::BOLD),
            ok: Style::new(),
            warn: Style::new(),
            bad: m(Modifier::BOLD),
            sample: m(Modifier::BOLD),
            matched: m(Modifier::BOLD | Modifier::UNDERLINED),
            error: m(Modifier::BOLD),
            border_set: if ascii { ASCII_BORDER } else { border::ROUNDED },
            ascii,
        }
    }
}
