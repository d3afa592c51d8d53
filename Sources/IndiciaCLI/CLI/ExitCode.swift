/// The documented exit codes of every `indicia` command (see README, "Exit codes").
public enum ExitCode: Int32, Sendable {
    /// Success: no errors (lint may have printed warnings; every record evaluated).
    case ok = 0
    /// Findings: lint found errors, or some records in a stream failed.
    case findings = 1
    /// Bad command line (unknown command or flag, missing value). BSD `EX_USAGE`.
    case usage = 64
    /// The pack cannot be used (it does not load), or a draft does not match it. `EX_DATAERR`.
    case dataError = 65
    /// An input file or directory does not exist or cannot be read. `EX_NOINPUT`.
    case noInput = 66
    /// Unexpected internal failure. `EX_SOFTWARE`.
    case software = 70
    /// Output could not be written. `EX_IOERR`.
    case ioError = 74
    /// The guided session was interrupted (Ctrl-C or end of input); the draft is kept.
    case interrupted = 130
}
