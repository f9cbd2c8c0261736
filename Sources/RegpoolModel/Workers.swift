/// How independent pieces of work are run: one after another, or spread over threads.
///
/// Pure modules take a `Workers` and stay free of threads; the pipeline passes one that runs on
/// every core. Results come back in index order, so the output never depends on which thread
/// finished first.
package struct Workers: Sendable {
    /// Calls its second argument once with every index below the first, in any order, maybe at once.
    private let perform: @Sendable (Int, (Int) -> Void) -> Void

    package init(perform: @escaping @Sendable (Int, (Int) -> Void) -> Void) {
        self.perform = perform
    }

    /// One after another, on the calling thread.
    package static let serial = Workers { count, body in
        for i in 0..<count { body(i) }
    }

    /// `body(i)` for every i in `0..<count`, results in index order; the pieces start in
    /// decreasing `costs[i]` when given (the longest first, so that two threads finish together).
    package func map<T>(_ count: Int, costs: [Int] = [], _ body: (Int) -> T) -> [T] {
        let order =
            costs.count == count
            ? (0..<count).sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 } : Array(0..<count)
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            perform(count) { k in slots[order[k]] = body(order[k]) }
        }
        return results.map { $0! }
    }

    /// `body(i)` for every i in `0..<count`, results in index order; the first error (by index) is
    /// thrown once every piece has run.
    package func map<T>(_ count: Int, costs: [Int] = [], _ body: (Int) throws -> T) throws -> [T] {
        try map(count, costs: costs) { i in Result { try body(i) } }.map { try $0.get() }
    }
}
