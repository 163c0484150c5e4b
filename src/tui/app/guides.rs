//! The Guides view: a table of contents (guides and their sections) beside a reader that shows
//! the core's layout of one guide and remembers where the reader was in each guide.

use crate::core::layout::{Layout, layout_guide};
use crate::io::loader::Library;

use super::super::action::Action;
use super::super::geometry::page;
use super::step;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuidesFocus {
    Toc,
    Reader,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TocEntry {
    pub guide: usize,
    /// `None` is the guide's own title line.
    pub section: Option<usize>,
}

pub struct Guides {
    pub focus: GuidesFocus,
    pub toc: Vec<TocEntry>,
    pub selected: usize,
    /// The guide in the reader.
    pub current: usize,
    pub layout: Layout,
    /// Per guide: the top line shown, and how many lines its layout had then, so the place
    /// survives a resize that rewraps the text.
    positions: Vec<(usize, usize)>,
    /// The guide and width `layout` was made for.
    laid_out: Option<(usize, usize)>,
    /// The selected link to another guide (an index into `layout.links`).
    pub link: Option<usize>,
    /// Where followed links came from: the guide and the link selected in it, so Backspace
    /// or Esc goes back to it (at the place it was read to).
    pub trail: Vec<(usize, Option<usize>)>,
}

impl Guides {
    pub fn new(lib: &Library) -> Self {
        let toc = lib
            .guides
            .iter()
            .enumerate()
            .flat_map(|(guide, g)| {
                std::iter::once(None)
                    .chain((0..g.sections.len()).map(Some))
                    .map(move |section| TocEntry { guide, section })
            })
            .collect();
        Guides {
            focus: GuidesFocus::Toc,
            toc,
            selected: 0,
            current: 0,
            layout: Layout::default(),
            positions: vec![(0, 0); lib.guides.len()],
            laid_out: None,
            link: None,
            trail: Vec::new(),
        }
    }

    pub fn scroll(&self) -> usize {
        self.positions.get(self.current).map_or(0, |p| p.0)
    }

    fn set_scroll(&mut self, top: usize, height: usize) {
        let max = self.layout.lines.len().saturating_sub(height);
        if let Some(position) = self.positions.get_mut(self.current) {
            *position = (top.min(max), self.layout.lines.len());
        }
    }

    /// Lays the current guide out for `width` unless that is already done.
    pub fn relayout(&mut self, lib: &Library, width: usize) {
        let Some(guide) = lib.guides.get(self.current) else {
            return;
        };
        if self.laid_out == Some((self.current, width)) {
            return;
        }
        self.layout = layout_guide(guide, width);
        self.laid_out = Some((self.current, width));
        let lines = self.layout.lines.len();
        if let Some((top, old_lines)) = self.positions.get_mut(self.current) {
            if *old_lines > 0 && *old_lines != lines {
                *top = *top * lines / *old_lines;
            }
            *old_lines = lines;
        }
    }

    /// Shows `guide` in the reader at its remembered place, or at the top of `section`.
    pub fn show(
        &mut self,
        lib: &Library,
        guide: usize,
        section: Option<usize>,
        (width, height): (usize, usize),
    ) {
        if guide >= lib.guides.len() {
            return;
        }
        if guide != self.current {
            self.link = None;
        }
        self.current = guide;
        self.relayout(lib, width);
        if let Some(line) = section.and_then(|s| self.layout.section_lines.get(s)) {
            self.set_scroll(*line, height);
        }
    }

    /// Jumps to a search hit: the guide, scrolled to the section, with the reader focused.
    pub fn jump(
        &mut self,
        lib: &Library,
        guide: usize,
        section: Option<usize>,
        size: (usize, usize),
    ) {
        self.show(lib, guide, section, size);
        if section.is_none() {
            self.set_scroll(0, size.1);
        }
        self.focus = GuidesFocus::Reader;
        // The entry itself, not the section at the top of the reader: near the end of a guide
        // the reader cannot scroll a heading to the top.
        let entry = TocEntry { guide, section };
        match self.toc.iter().position(|e| *e == entry) {
            Some(index) => self.selected = index,
            None => self.follow_reader(),
        }
    }

    /// Selects contents entry `index` and shows it in the reader.
    pub fn select(&mut self, lib: &Library, index: usize, size: (usize, usize)) {
        if index < self.toc.len() {
            self.selected = index;
            self.preview(lib, size);
        }
    }

    fn preview(&mut self, lib: &Library, size: (usize, usize)) {
        if let Some(entry) = self.toc.get(self.selected).copied() {
            self.show(lib, entry.guide, entry.section, size);
        }
    }

    /// Keeps the contents' selection on the section at the top of the reader.
    fn follow_reader(&mut self) {
        let top = self.scroll();
        let section = self
            .layout
            .section_lines
            .iter()
            .rposition(|line| *line <= top);
        let entry = TocEntry {
            guide: self.current,
            section,
        };
        if let Some(index) = self.toc.iter().position(|e| *e == entry) {
            self.selected = index;
        }
    }

    pub fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            GuidesFocus::Toc => GuidesFocus::Reader,
            GuidesFocus::Reader => GuidesFocus::Toc,
        };
    }

    /// Handles a key in the contents; `size` is the reader's text width and height.
    pub fn toc_action(
        &mut self,
        lib: &Library,
        action: &Action,
        size: (usize, usize),
        rows: usize,
    ) {
        if *action == Action::Open {
            self.focus = GuidesFocus::Reader;
            return;
        }
        if let Some(selected) = step(action, self.selected, self.toc.len(), rows) {
            self.selected = selected;
            self.preview(lib, size);
        }
    }

    /// Selects the next (or previous) link after the selected one, or the first from the top
    /// of the reader, scrolling it into view; the links go round.
    fn step_link(&mut self, forward: bool, height: usize) -> Option<String> {
        let links = &self.layout.links;
        if links.is_empty() {
            return Some("This guide links to no other guide".into());
        }
        let top = self.scroll();
        let next = match (self.link, forward) {
            (Some(l), true) => (l + 1) % links.len(),
            (Some(l), false) => (l + links.len() - 1) % links.len(),
            (None, true) => links.iter().position(|(_, line)| *line >= top).unwrap_or(0),
            (None, false) => links
                .iter()
                .rposition(|(_, line)| *line < top + height)
                .unwrap_or(links.len() - 1),
        };
        self.link = Some(next);
        let line = links[next].1;
        if line < top || line >= top + height {
            self.set_scroll(line.saturating_sub(height / 3), height);
        }
        None
    }

    /// Opens the selected link's guide at its top, remembering where the reader was.
    pub fn follow(&mut self, lib: &Library, size: (usize, usize)) -> Option<String> {
        let Some(link) = self.link else {
            return self.step_link(true, size.1);
        };
        let id = &self.layout.links.get(link)?.0;
        let Some(target) = lib.guides.iter().position(|g| g.id == *id) else {
            return Some(format!("The guide \"{id}\" is not loaded"));
        };
        self.trail.push((self.current, self.link));
        self.jump(lib, target, None, size);
        Some(format!(
            "Opened \"{}\" — Backspace or Esc goes back",
            lib.guides[target].title
        ))
    }

    /// Back from a followed link to where the reader was; false when no link was followed.
    pub fn back(&mut self, lib: &Library, size: (usize, usize)) -> bool {
        let Some((guide, link)) = self.trail.pop() else {
            return false;
        };
        self.show(lib, guide, None, size);
        self.link = link;
        self.follow_reader();
        true
    }

    /// Handles a key in the reader; a message to show comes back.
    pub fn reader_action(
        &mut self,
        lib: &Library,
        action: &Action,
        size: (usize, usize),
    ) -> Option<String> {
        let height = size.1;
        match action {
            Action::NextLink => return self.step_link(true, height),
            Action::PrevLink => return self.step_link(false, height),
            Action::Open => return self.follow(lib, size),
            _ => {}
        }
        let top = self.scroll();
        let lines = self.layout.lines.len();
        let sections = &self.layout.section_lines;
        let target = match action {
            Action::Back => {
                if !self.back(lib, size) {
                    self.focus = GuidesFocus::Toc;
                }
                return None;
            }
            Action::NextSection => sections.iter().find(|l| **l > top).copied(),
            Action::PrevSection => sections.iter().rev().find(|l| **l < top).copied(),
            Action::Up => Some(top.saturating_sub(1)),
            Action::Down => Some(top + 1),
            Action::PageUp => Some(top.saturating_sub(page(height))),
            Action::PageDown => Some(top + page(height)),
            Action::Top => Some(0),
            Action::Bottom => Some(lines),
            _ => None,
        };
        if let Some(target) = target {
            self.set_scroll(target, height);
            self.follow_reader();
        }
        None
    }
}
