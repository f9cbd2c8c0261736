extension Duration {
    /// The duration in seconds, for log lines (`seconds=8.79`).
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
