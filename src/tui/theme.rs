//! Semantic styles. The default theme uses the terminal's own 16 colours on its own background, so
//! it reads on light and dark terminals alike; `mono` (`NO_COLOR`) keeps only modifiers, so selection
//! and emphasis still show. Meaning never rests on colour alone: every coloured thing also has a
//! symbol or a word.

use std::borrow::Cow;

use crate::core::width::{ELLIPSIS, display_width, truncate};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::core::ascii;

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
    /// `text` as this theme shows it: with `--ascii`, every symbol kapguide prints (marks,
    /// dashes, arrows, the ellipsis, the escape mark) folded to ASCII; letters are kept.
    pub fn fold<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.ascii {
            ascii::fold(text)
        } else {
            Cow::Borrowed(text)
        }
    }

    /// The mark where text was cut: "…", or "..." with `--ascii`.
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "..." } else { ELLIPSIS }
    }

    /// `text` cut to `width` columns (the cut marked with "…", or "..." with `--ascii`) and
    /// padded to exactly `width`.
    pub fn fit(&self, text: &str, width: usize) -> String {
        let cut = truncate(&self.fold(text), width, self.ellipsis());
        let pad = width.saturating_sub(display_width(&cut));
        format!("{cut}{}", " ".repeat(pad))
    }

    /// `NO_COLOR` set and not empty (see no-color.org) means the monochrome theme.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var("NO_COLOR").ok();
        let term = std::env::var("TERM").ok();
        if wants_colour(no_color.as_deref(), term.as_deref()) {
            Theme::colour(ascii)
        } else {
            Theme::mono(ascii)
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

/// Colour unless `NO_COLOR` is set (to anything non-empty) or the terminal is a monochrome type:
/// the classic hardware terminals and any `*-mono` / `*-m` terminfo entry.
pub fn wants_colour(no_color: Option<&str>, term: Option<&str>) -> bool {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return false;
    }
    let term = term.unwrap_or_default();
    let monochrome = matches!(
        term,
        "vt52" | "vt100" | "vt102" | "vt220" | "vt320" | "dumb"
    ) || term.ends_with("-mono")
        || term.ends_with("-m");
    !monochrome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_where_the_terminal_has_it_and_the_user_wants_it() {
        assert!(wants_colour(None, Some("xterm-256color")));
        assert!(wants_colour(Some(""), Some("screen")));
        assert!(!wants_colour(Some("1"), Some("xterm-256color")));
        for mono in ["vt100", "vt220", "xterm-mono", "linux-m", "dumb"] {
            assert!(!wants_colour(None, Some(mono)), "{mono}");
        }
    }
}
