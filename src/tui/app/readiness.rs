//! "Am I ready to decide?": four yes/no questions. The answers are never scored; they are kept
//! in the config, so they are there again next time, and closing the box saves them if changed.

use super::super::action::{Action, Effect};
use super::{App, Overlay};
use crate::core::readiness::QUESTIONS;

impl App {
    pub(crate) fn readiness_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let Some(Overlay::Readiness { selected, opened }) = self.overlays.last_mut() else {
            return;
        };
        let last = QUESTIONS.len() - 1;
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(last),
            Action::Yes | Action::No => {
                self.config.readiness[*selected] = Some(*action == Action::Yes);
                *selected = (*selected + 1).min(last);
            }
            Action::Back => {
                let changed = *opened != self.config.readiness;
                self.overlays.pop();
                if changed {
                    effects.push(Effect::SaveConfig(Box::new(self.config.clone())));
                }
            }
            _ => {}
        }
    }
}
