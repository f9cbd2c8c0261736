/// Element and attribute local names of CDISC ODM 1.3, as UTF-8 bytes (namespaces are not checked).
enum ODMName {
    static let odm = Array("ODM".utf8)
    static let oid = Array("OID".utf8)
    static let dataType = Array("DataType".utf8)
    static let codeListRef = Array("CodeListRef".utf8)
    static let codeListOID = Array("CodeListOID".utf8)
    static let codeListItem = Array("CodeListItem".utf8)
    static let codedValue = Array("CodedValue".utf8)
    static let decode = Array("Decode".utf8)
    static let translatedText = Array("TranslatedText".utf8)
    static let lang = Array("lang".utf8)
    static let itemOID = Array("ItemOID".utf8)
    static let itemGroupOID = Array("ItemGroupOID".utf8)
    static let value = Array("Value".utf8)
    static let isNull = Array("IsNull".utf8)
    static let itemData = Array("ItemData".utf8)
    static let valueElement = Array("Value".utf8)

    /// Child elements the reader walks into, by parent; every other element is skipped whole.
    static let walkedChildren: [String: Set<String>] = [
        "ODM": ["Study", "ClinicalData"],
        "Study": ["MetaDataVersion", "ClinicalData"],  // ClinicalData inside Study: seen in CDISC's matrix example
        "MetaDataVersion": ["ItemDef", "CodeList"],
        "ClinicalData": ["SubjectData"],
        "SubjectData": ["StudyEventData"],
        "StudyEventData": ["FormData", "ItemGroupData"],
        "FormData": ["ItemGroupData"],
        "ItemGroupData": ["ItemGroupData"],
    ]

    /// The nesting levels of clinical data; a new element at one level clears the context of deeper ones.
    static let levels = ["ClinicalData", "SubjectData", "StudyEventData", "FormData", "ItemGroupData"]

    /// The context attributes each record carries, as `(element, attribute)`; the field is `@attribute`.
    static let context: [(element: String, attribute: String)] = [
        ("ClinicalData", "StudyOID"), ("ClinicalData", "MetaDataVersionOID"), ("SubjectData", "SubjectKey"),
        ("StudyEventData", "StudyEventOID"), ("StudyEventData", "StudyEventRepeatKey"),
        ("FormData", "FormOID"), ("FormData", "FormRepeatKey"),
        ("ItemGroupData", "ItemGroupOID"), ("ItemGroupData", "ItemGroupRepeatKey"),
    ]
}
