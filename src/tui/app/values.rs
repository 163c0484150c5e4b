//! "What matters to you": the values overlay. Answers change the priorities at once (scores
//! follow) and are saved, with those priorities, when the overlay closes.

use super::super::action::{Action, Effect};
use super::{App, Overlay};
use crate::core::values::{STATEMENTS, Values};

impl App {
    pub(crate) fn open_values(&mut self) {
        self.overlays.push(Overlay::Values {
            selected: 0,
            opened: self.config.values.clone(),
        });
    }

    pub(crate) fn values_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let Some(Overlay::Values { selected, opened }) = self.overlays.last_mut() else {
            return;
        };
        let statement = &STATEMENTS[(*selected).min(STATEMENTS.len() - 1)];
        let now = self.config.values.get(statement.id);
        let answer = match action {
            Action::Up => {
                *selected = selected.saturating_sub(1);
                return;
            }
            Action::Down => {
                *selected = (*selected + 1).min(STATEMENTS.len() - 1);
                return;
            }
            Action::Back => {
                let opened = opened.clone();
                self.overlays.pop();
                self.save_values(&opened, effects);
                return;
            }
            Action::Rate(n) => Some(*n),
            Action::Skip => None,
            Action::Less => now.map(|n| n.saturating_sub(1)),
            Action::More => Some(now.map_or(0, |n| n + 1)),
            _ => return,
        };
        // An answer or a skip goes on to the next statement, as y and n do in the readiness
        // check; a step along the scale (h/l) stays to be stepped again.
        if matches!(action, Action::Rate(_) | Action::Skip) {
            *selected = (*selected + 1).min(STATEMENTS.len() - 1);
        }
        if answer == now {
            return;
        }
        self.config.values.set(statement.id, answer);
        // The answers set the priorities both for this session (with any --priority override
        // underneath) and in the config that will be saved.
        let values = &self.config.values;
        self.priorities = values.priorities(&self.lib.checklist, &self.priorities);
        self.config.priorities = values.priorities(&self.lib.checklist, &self.config.priorities);
        self.rescore();
    }

    fn save_values(&mut self, opened: &Values, effects: &mut Vec<Effect>) {
        if self.config.values != *opened {
            effects.push(Effect::SaveConfig(Box::new(self.config.clone())));
        }
    }

    /// Option-grid rows tied to a statement the person rated "quite a lot" or more.
    pub fn rows_that_matter(&self) -> Vec<&'static str> {
        self.config.values.rows_that_matter()
    }
}
