/// The entity text one XML document may still expand into field values (a bound on entity expansion).
final class XMLEntityBudget {
    private var remaining: Int

    /// A budget of `bytes` bytes.
    init(bytes: Int) { remaining = bytes }

    /// True once more text was expanded than the budget allows.
    var isExhausted: Bool { remaining < 0 }

    /// Takes `bytes` from the budget.
    func charge(_ bytes: Int) { remaining -= bytes }
}
