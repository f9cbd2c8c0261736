import RegpoolModel

extension MappingConfig {
    /// The mapping with every `vocabulary:` rule's map completed from `vocabularies` (by the
    /// names the mapping declares): the rule's own `map` entries win over the vocabulary's. Every
    /// vocabulary target must be a valid value of each column that uses it; all problems are
    /// reported at once, at the vocabulary entry, naming the rule.
    package func bound(to vocabularies: [String: Vocabulary]) throws(ConfigError) -> MappingConfig {
        var problems: [ConfigProblem] = []
        var out = self
        out.updateRules { rule, table in
            guard let name = rule.vocabulary, let vocabulary = vocabularies[name] else { return }
            problems += Self.bind(&rule, vocabulary, table: table)
        }
        if !problems.isEmpty { throw ConfigError(Self.unique(problems)) }
        return out
    }

    /// Calls `body` with every column rule of every source (and its CDM table), in file order,
    /// keeping what it changes.
    mutating func updateRules(_ body: (inout ColumnRule, String) -> Void) {
        for s in sources.indices {
            for t in sources[s].tables.indices {
                let table = sources[s].tables[t].table
                for r in sources[s].tables[t].rows.indices {
                    for c in sources[s].tables[t].rows[r].columns.indices {
                        body(&sources[s].tables[t].rows[r].columns[c], table)
                    }
                }
            }
        }
    }

    /// Appends the vocabulary's entries whose folded label the rule's map does not hold.
    private static func bind(_ rule: inout ColumnRule, _ vocabulary: Vocabulary, table: String) -> [ConfigProblem] {
        guard let column = CDM.table(table)?.column(rule.column) else { return [] }
        let name = "\(table).\(rule.column)"
        let check = ValueCheck(
            name: name, type: column.type, decimal: rule.decimal, datePattern: rule.datePattern,
            pivot: rule.pivot)
        var entries = rule.map ?? []
        var seen = Dictionary(entries.map { (rule.fold.fold($0.source), $0.target) }, uniquingKeysWith: { a, _ in a })
        var vocabularyTargets: [String: String?] = [:]
        var problems: [ConfigProblem] = []
        let user = "used by \(rule.location.file):\(rule.location.line) \(name)"
        for e in vocabulary.entries {
            if let target = e.target, let problem = check.problem(target, as: "target") {
                problems.append(ConfigProblem(e.location, "\(problem.message) (\(user))", hint: problem.hint))
                continue
            }
            let folded = rule.fold.fold(e.label)
            if let other = vocabularyTargets[folded], other != e.target {
                problems.append(
                    ConfigProblem(
                        e.location,
                        "label '\(e.label)' means \(e.target ?? "~") but another label "
                            + "that folds to the same text means \(other ?? "~") (\(user), which folds labels)",
                        hint: "give both labels the same value, or do not fold"))
                continue
            }
            vocabularyTargets[folded] = e.target
            guard seen[folded] == nil else { continue }
            seen[folded] = e.target
            entries.append(MapEntry(source: e.label, target: e.target))
        }
        rule.map = entries
        return problems
    }

    /// Problems without repeats (a vocabulary used by several rules of one column type).
    private static func unique(_ problems: [ConfigProblem]) -> [ConfigProblem] {
        var seen: Set<String> = []
        return problems.filter {
            seen.insert("\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)").inserted
        }
    }
}
