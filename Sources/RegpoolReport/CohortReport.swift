import Mustache
import RegpoolModel

/// The cohort report of a build: report.json (the figures) and report.html (the page).
package enum CohortReport {
    /// report.json and report.html bytes; throws ReportError naming a missing table or a template problem.
    package static func render(
        _ input: ReportInput, workers: Workers = .serial
    ) throws -> (json: [UInt8], html: [UInt8]) {
        let figures = try ReportFigures(input, workers: workers)
        let pages = try workers.map(2) { i in
            i == 0 ? Array((figures.json.prettyText() + "\n").utf8) : Array(try html(figures).utf8)
        }
        return (pages[0], pages[1])
    }

    static func html(_ figures: ReportFigures) throws -> String {
        let library: MustacheLibrary
        do {
            library = try MustacheLibrary(templates: [
                "page": MustacheTemplate(string: PageTemplate.text),
                "head": MustacheTemplate(string: HeadTemplate.text),
                "style": MustacheTemplate(string: StyleTemplate.text),
                "flow": MustacheTemplate(string: SectionTemplates.flow),
                "table1": MustacheTemplate(string: SectionTemplates.table1),
                "survival": MustacheTemplate(string: SectionTemplates.survival),
                "aml": MustacheTemplate(string: SectionTemplates.aml),
                "centres": MustacheTemplate(string: SectionTemplates.centres),
            ])
        } catch {
            throw ReportError("a report template does not parse: \(error)")
        }
        guard let page = library.render(figures.page, withTemplate: "page") else {
            throw ReportError("the report page template is missing")
        }
        return page
    }
}
