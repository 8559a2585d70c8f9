//! The `tracebrief` binary: parse the command line, run, exit with the code the library chose.

use std::process::ExitCode;

/// A run makes and drops many small strings on two threads at once: mimalloc
/// serves that faster than the system's allocator, and gives memory back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tracebrief::cli::main()
}
