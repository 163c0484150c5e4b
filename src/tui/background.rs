//! Work the run loop hands to other threads so the screen never waits for it: the provider load
//! at start and exports. Each job reports through a channel the loop polls between key presses;
//! its progress and result reach the app as actions like any other, so `App::update` stays the
//! only place state changes. Quitting cancels the jobs and waits for them: a cancelled load
//! delivers nothing (the app keeps no providers rather than some), a cancelled export removes
//! its temporary file.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;

use super::action::{Action, ExportContents, Reply};
use super::files;
use crate::core::checklist::Checklist;
use crate::io::loader::{self, LoadOptions, Progress};

/// What a running job tells the app about itself.
#[derive(Clone, Copy)]
enum Kind {
    Load,
    Export,
}

struct Job {
    kind: Kind,
    progress: Arc<Progress>,
    /// Its one result (none if it was cancelled).
    result: Receiver<Reply>,
    handle: JoinHandle<()>,
    /// The progress last reported, so an unchanged count is not sent again.
    shown: Option<(usize, usize)>,
}

impl Job {
    fn spawn(kind: Kind, work: impl FnOnce(&Progress) -> Option<Reply> + Send + 'static) -> Job {
        let progress = Arc::new(Progress::default());
        let (sender, result) = mpsc::channel();
        let shared = Arc::clone(&progress);
        let handle = std::thread::spawn(move || {
            if let Some(reply) = work(&shared) {
                // The loop may have stopped listening (it quit): the result is not wanted.
                let _ = sender.send(reply);
            }
        });
        Job {
            kind,
            progress,
            result,
            handle,
            shown: None,
        }
    }

    fn progress_reply(&self, (done, total): (usize, usize)) -> Reply {
        match self.kind {
            Kind::Load => Reply::LoadProgress { done, total },
            Kind::Export => Reply::ExportProgress { bytes: done },
        }
    }

    /// Its progress if it changed, then its result if it has one (then it is over).
    fn poll(&mut self, actions: &mut Vec<Action>) -> bool {
        let counts = self.progress.counts();
        if self.shown != Some(counts) {
            self.shown = Some(counts);
            actions.push(Action::Done(self.progress_reply(counts)));
        }
        match self.result.try_recv() {
            Ok(reply) => {
                actions.push(Action::Done(reply));
                true
            }
            Err(TryRecvError::Empty) => false,
            // Ended without a result: cancelled.
            Err(TryRecvError::Disconnected) => true,
        }
    }

    /// Waits for its result.
    fn finish(self) -> Option<Reply> {
        let reply = self.result.recv().ok();
        let _ = self.handle.join();
        reply
    }

    fn cancel(self) {
        self.progress.cancel();
        // A panic in the job has nothing left to spoil: the app is closing.
        let _ = self.handle.join();
    }
}

/// An export's copy of the providers (tens of MB at 10,000) was freed in this thread's own
/// malloc arena, which glibc keeps for reuse; handing it back makes the app's memory return
/// to what it was before the export.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The jobs running for the app.
#[derive(Default)]
pub struct Background {
    jobs: Vec<Job>,
}

impl Background {
    /// Nothing running.
    pub fn new() -> Background {
        Background::default()
    }

    pub fn is_busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Loads the providers `options` names, checked against `checklist`; the app gets
    /// [`Reply::LoadProgress`] as files are read, then [`Reply::ProvidersLoaded`] with all of them.
    pub fn load_providers(&mut self, options: LoadOptions, checklist: Checklist) {
        self.jobs.push(Job::spawn(Kind::Load, move |progress| {
            loader::load_provider_dirs(&options, &checklist, progress)
                .map(|load| Reply::ProvidersLoaded(Box::new(load)))
        }));
    }

    /// Writes an export to a new file in `dir`; the app gets [`Reply::ExportProgress`] as bytes
    /// are written, then [`Reply::Exported`].
    pub fn export(
        &mut self,
        dir: PathBuf,
        stem: String,
        extension: &'static str,
        contents: ExportContents,
    ) {
        self.jobs.push(Job::spawn(Kind::Export, move |progress| {
            let result = files::export(&dir, &stem, extension, &contents, progress);
            drop(contents);
            give_back_memory();
            // Cancelled (the app quit): the temporary file is gone and nobody is told.
            (!progress.is_cancelled()).then_some(Reply::Exported(result))
        }));
    }

    /// Progress and results since the last poll, as actions for the app.
    pub fn poll(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        self.jobs.retain_mut(|job| !job.poll(&mut actions));
        actions
    }

    /// Waits for every job and returns its result (for scripted sessions, whose input ends at
    /// once: what they started finishes before they look at the files).
    pub fn finish(&mut self) -> Vec<Action> {
        let jobs = std::mem::take(&mut self.jobs);
        jobs.into_iter()
            .filter_map(Job::finish)
            .map(Action::Done)
            .collect()
    }

    /// Stops every job and waits until each has stopped.
    pub fn cancel(&mut self) {
        for job in self.jobs.drain(..) {
            job.cancel();
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.cancel();
    }
}
