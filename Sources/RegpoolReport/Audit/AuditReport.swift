import Mustache
import RegpoolModel

/// audit.html: the per-build page for auditors — per centre the input files (size, SHA-256,
/// records read), records read / rejected / mapped, then every kind of decision (unmapped values,
/// conversions, imputations, validation, linkage…) grouped into lines, each line linking to the
/// audit events behind it, which the page lists with their audit.jsonl line numbers.
package enum AuditReport {
    /// How many events one line links to (the rest are counted and found in audit.jsonl/.parquet).
    static let linksPerLine = 20

    /// The page's bytes; throws ReportError when a template does not parse.
    package static func render(_ input: AuditReportInput) throws -> [UInt8] {
        let library: MustacheLibrary
        do {
            library = try MustacheLibrary(templates: [
                "page": MustacheTemplate(string: AuditTemplate.page),
                "head": MustacheTemplate(string: HeadTemplate.text),
                "style": MustacheTemplate(string: StyleTemplate.text + AuditTemplate.style),
                "section": MustacheTemplate(string: AuditTemplate.section),
            ])
        } catch {
            throw ReportError("the audit page template does not parse: \(error)")
        }
        guard let html = library.render(AuditPage(input).dictionary, withTemplate: "page") else {
            throw ReportError("the audit page template is missing")
        }
        return Array(html.utf8)
    }
}
