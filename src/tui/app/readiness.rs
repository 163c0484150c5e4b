//! "Am I ready to decide?": four yes/no questions; the answers stay for the session and are
//! never scored.

use super::super::action::Action;
use super::{App, Overlay};
use crate::core::readiness::QUESTIONS;

impl App {
    pub(crate) fn readiness_action(&mut self, action: &Action) {
        let Some(Overlay::Readiness { selected }) = self.overlays.last_mut() else {
            return;
        };
        let last = QUESTIONS.len() - 1;
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(last),
            Action::Yes | Action::No => {
                self.readiness[*selected] = Some(*action == Action::Yes);
                *selected = (*selected + 1).min(last);
            }
            Action::Back => {
                self.overlays.pop();
            }
            _ => {}
        }
    }
}
