/// Values regpool derives inside a row.
enum Derivations {
    /// The best responses that count as a response to LEN (IWG 2006): cr, pr, hi_e.
    static let respondedTokens: Set<String> = ["cr", "pr", "hi_e"]

    /// `len_courses.responded` from `best_response`.
    static func responded(bestResponse: String) -> Bool {
        respondedTokens.contains(bestResponse)
    }
}
