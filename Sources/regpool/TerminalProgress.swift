import Foundation

/// A progress line on stderr, redrawn in place — only when stderr is a terminal, never in a pipe
/// or a cron mail.
enum TerminalProgress {
    /// True when stderr is a terminal.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Draws `[####......] 3/9 extract kr-seoul` over the previous line.
    static func draw(_ step: String, _ done: Int, _ total: Int) {
        let width = 20
        let filled = total > 0 ? min(width, done * width / total) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[2K[\(bar)] \(done)/\(total) \(step)".utf8))
    }

    /// Clears the line before the summary is printed.
    static func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
