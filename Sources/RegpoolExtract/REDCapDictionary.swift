/// One variable of a REDCap data dictionary: its field type and, for coded types, its choices.
package struct REDCapVariable: Sendable, Equatable {
    /// `Variable / Field Name`, e.g. `sex`.
    package let name: String
    /// `Field Type`, lowercase, e.g. `radio`, `checkbox`, `text`.
    package let fieldType: String
    /// Code → label in dictionary order; empty for types without choices.
    package let choices: [REDCapChoice]

    /// A variable named `name` of type `fieldType` with `choices`.
    package init(name: String, fieldType: String, choices: [REDCapChoice]) {
        self.name = name
        self.fieldType = fieldType
        self.choices = choices
    }

    /// The label of `code`, or nil when the dictionary does not list it.
    package func label(of code: String) -> String? {
        choices.first { $0.code == code }?.label
    }
}

/// One coded answer: the raw code REDCap exports and its label.
package struct REDCapChoice: Sendable, Equatable {
    package let code: String
    package let label: String

    /// The choice `code` meaning `label`.
    package init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// A REDCap data dictionary: the project's variables by name, in dictionary order.
package struct REDCapDictionary: Sendable {
    /// Field types whose values are codes listed in the choices column.
    static let listedTypes: Set<String> = ["radio", "dropdown", "checkbox"]
    /// Field types with fixed choices.
    static let fixedChoices: [String: [REDCapChoice]] = [
        "yesno": [REDCapChoice(code: "1", label: "Yes"), REDCapChoice(code: "0", label: "No")],
        "truefalse": [REDCapChoice(code: "1", label: "True"), REDCapChoice(code: "0", label: "False")],
    ]

    /// Every variable, in dictionary order.
    package let variables: [REDCapVariable]
    private let byName: [String: Int]

    /// A dictionary of `variables` (the first of a repeated name wins).
    package init(_ variables: [REDCapVariable]) {
        self.variables = variables
        var byName: [String: Int] = [:]
        for (i, v) in variables.enumerated() where byName[v.name] == nil { byName[v.name] = i }
        self.byName = byName
    }

    /// The variable named `name`, or nil.
    package func variable(_ name: String) -> REDCapVariable? {
        byName[name].map { variables[$0] }
    }

    /// True for variables whose values are codes with labels (radio, dropdown, yesno, truefalse, checkbox).
    static func isCoded(_ fieldType: String) -> Bool {
        listedTypes.contains(fieldType) || fixedChoices[fieldType] != nil
    }
}
