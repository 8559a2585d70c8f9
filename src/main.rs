//! The `tracebrief` binary: parse the command line, run, exit with the code the library chose.

use std::process::ExitCode;

/// A run makes and drops many small strings on two threads at once: mimalloc
/// serves that faster than the system's allocator, and gives memory back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // a run's memory is many small pieces: transparent huge pages would keep
    // a whole 2 MiB page for each piece still alive, and nearly double its peak
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    tracebrief::cli::main()
}
