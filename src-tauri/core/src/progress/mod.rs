//! Long work (printing a long document, importing a large file) says how far it has got and
//! stops when the person presses Cancel. The work calls `step(done, total)` as it goes; the
//! window (or the command line) is told only when the whole percentage changes, so reporting
//! costs nothing; Cancel makes the next `step` return `Error::Cancelled`, and the work, which
//! writes in one transaction, rolls back: nothing is half-done.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;

use crate::error::{Error, Result};

/// How far long work has got, as the window hears it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgressEvent {
    /// What is being done, in a word: "Printing", "Importing".
    pub task: String,
    /// From 0 to 100.
    pub percent: u32,
}

/// Who hears of progress: the task's name ("Printing") and how far, 0 to 100.
pub type Report = Arc<dyn Fn(&'static str, u32) + Send + Sync>;

/// One piece of long work's progress.
pub struct Progress {
    task: &'static str,
    report: Option<Report>,
    cancelled: Arc<AtomicBool>,
    last: AtomicU32,
    /// The share of the whole (0 to 100) this stage starts at and covers.
    from: u32,
    span: u32,
    /// The whole task (not one stage of it): when it ends, however it ends (finished,
    /// cancelled, failed), the window hears 100% and takes its bar away.
    whole: bool,
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.whole {
            self.done();
        }
    }
}

impl Progress {
    pub fn new(task: &'static str, report: Option<Report>, cancelled: Arc<AtomicBool>) -> Self {
        Progress { task, report, cancelled, last: AtomicU32::new(u32::MAX), from: 0, span: 100, whole: true }
    }

    /// Progress that nobody watches and nobody cancels (tests, benchmarks, small documents).
    pub fn silent() -> Self {
        Self::new("", None, Arc::new(AtomicBool::new(false)))
    }

    /// The same task, for a stage covering `span` percent from `from` (layout, then drawing).
    pub fn stage(&self, from: u32, span: u32) -> Progress {
        Progress {
            task: self.task,
            report: self.report.clone(),
            cancelled: self.cancelled.clone(),
            last: AtomicU32::new(u32::MAX),
            from,
            span,
            whole: false,
        }
    }

    /// The work is finished: reports 100%, so the window's bar goes away.
    pub fn done(&self) {
        if let Some(report) = &self.report {
            if self.last.swap(100, Ordering::Relaxed) != 100 {
                report(self.task, 100);
            }
        }
    }

    /// `done` of `total` steps are done. Returns `Error::Cancelled` once Cancel was pressed.
    pub fn step(&self, done: usize, total: usize) -> Result<()> {
        if self.cancelled.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        if let Some(report) = &self.report {
            let share =
                if total == 0 { 0 } else { (done.min(total) as u64 * u64::from(self.span) / total as u64) as u32 };
            let percent = (self.from + share).min(100);
            if self.last.swap(percent, Ordering::Relaxed) != percent {
                report(self.task, percent);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn reports_each_whole_percent_once_and_stops_when_cancelled() {
        let heard = Arc::new(Mutex::new(Vec::new()));
        let ears = heard.clone();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress =
            Progress::new("Printing", Some(Arc::new(move |_, p| ears.lock().unwrap().push(p))), cancel.clone());
        for done in 0..=1000 {
            progress.step(done, 1000).unwrap();
        }
        let heard_now = heard.lock().unwrap().clone();
        assert_eq!(heard_now, (0..=100).collect::<Vec<_>>(), "each percent once, in order");
        let short = Progress::new("Printing", progress.report.clone(), Arc::new(AtomicBool::new(false)));
        short.step(0, 3).unwrap();
        short.done();
        assert_eq!(heard.lock().unwrap().last(), Some(&100), "finished work always ends at 100%");
        let second_half = progress.stage(50, 50);
        second_half.step(1, 2).unwrap();
        assert_eq!(heard.lock().unwrap().last(), Some(&75));
        cancel.store(true, Ordering::Relaxed);
        assert!(matches!(progress.step(1, 2), Err(Error::Cancelled)));
    }
}
