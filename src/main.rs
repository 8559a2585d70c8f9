//! The `tracebrief` binary: parse the command line, run, exit with the code the library chose.

use std::process::ExitCode;

fn main() -> ExitCode {
    tracebrief::cli::main()
}
