//! What a long run shows while it works: a spinner on stderr naming the
//! stage (loading, checking, writing), shown only when stderr is a terminal
//! and the run has taken longer than half a second, and cleared when done.
//! Short runs, pipes, CI logs and `--quiet` never see it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before it shows progress.
const SHOW_AFTER: Duration = Duration::from_millis(500);

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Progress for a run that starts at `stage`; drawn only if `wanted`
    /// (not `--quiet`) and stderr is a terminal.
    pub fn start(stage: &str, wanted: bool) -> Progress {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(stage.to_string());
        let shown = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(SHOW_AFTER);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(100));
            }
        });
        Progress { bar: Some(bar) }
    }

    /// The run goes on to `stage`.
    pub fn stage(&self, stage: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(stage.to_string());
        }
    }

    /// The run is done: the spinner goes away before anything else is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
