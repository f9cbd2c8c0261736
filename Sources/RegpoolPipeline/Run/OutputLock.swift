import Logging
import RegpoolLoad

/// Takes an output folder's lock for a run and tidies what an interrupted run left behind.
enum OutputLock {
    /// The held lock, or a `locked` error at once when another run holds it.
    static func take(_ outputDirectory: String, logger: Logger) throws -> RunLock {
        let lock: RunLock
        do {
            lock = try RunLock(outputDirectory: outputDirectory)
        } catch {
            switch error {
            case .held(let path, let pid):
                let who = pid.map { "regpool run (pid \($0))" } ?? "regpool run"
                throw PipelineError(
                    .locked,
                    "Another \(who) is building into \(outputDirectory) (it holds \(path)); "
                        + "this run did nothing. Let it finish, or give this run another output folder with --out.")
            case .unusable(let e):
                throw PipelineError(.output, e.description)
            }
        }
        if let pid = lock.staleHolder {
            logger.warning(
                "stale lock taken over",
                metadata: [
                    "lock": "\(lock.path)", "previous_pid": "\(pid)",
                    "detail":
                        "the previous run ended without finishing (killed or crashed); current still names its last complete build",
                ])
        }
        let leftovers = OutputFolder(path: outputDirectory).removeLeftovers()
        if !leftovers.isEmpty {
            logger.warning(
                "leftovers of an interrupted run removed", metadata: ["entries": "\(leftovers.joined(separator: ", "))"]
            )
        }
        return lock
    }
}
