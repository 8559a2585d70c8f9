//! The `tracebrief` binary: parse the command line, run, exit with the code the library chose.

use std::process::ExitCode;

/// A run makes and drops many small strings on two threads at once: mimalloc
/// serves that faster than the system's allocator, and gives memory back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc.h (the same in v2 and v3), which the bindings do not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // a run's memory is many small pieces: transparent huge pages would keep
    // a whole 2 MiB page for each piece still alive, and nearly double its peak
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    // what one phase frees goes back to the system before the next takes its
    // own: held for mimalloc's default second, the two would add up at the peak
    // SAFETY: sets an option of the allocator, which takes effect on its next purge
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
    tracebrief::cli::main()
}
