import Dispatch
import RegpoolModel

extension Workers {
    /// Spread over the machine's cores (libdispatch hands out the indexes as threads come free,
    /// so put the longest pieces first).
    static let threads = Workers { count, body in
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(call: body)
            DispatchQueue.concurrentPerform(iterations: count) { shared.call($0) }
        }
    }
}

/// The per-index work of one `Workers.map`: it writes only its own index's result slot, so it
/// may run on several threads at once.
private struct SharedBody: @unchecked Sendable {
    let call: (Int) -> Void
}
