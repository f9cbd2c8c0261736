import Dispatch

/// What becomes of large in-memory results a run no longer needs (a centre's merged patients, the
/// pooled patients): freeing millions of small objects costs seconds per million patients.
package enum Disposal: Sendable {
    /// Freed on a background thread, so the run does not wait for it.
    case background
    /// Kept until the process ends: for the CLI, which exits as soon as the build is published.
    case atExit

    private static let queue = DispatchQueue(label: "regpool.disposal", qos: .utility)

    /// Lets go of `value` as this disposal says; the caller must not use it afterwards.
    func release<T: Sendable>(_ value: consuming T) {
        switch self {
        case .background:
            Self.queue.async { [value] in _ = value }
        case .atExit:
            _ = Unmanaged.passRetained(Kept(value: value))
        }
    }
}

/// A value kept alive on purpose until the process ends.
private final class Kept<T: Sendable>: Sendable {
    let value: T
    init(value: T) { self.value = value }
}
