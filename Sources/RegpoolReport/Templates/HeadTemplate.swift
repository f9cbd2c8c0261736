/// The start of every page regpool renders: doctype, charset, title and the inline stylesheet
/// (the `style` partial), shared by the report and the audit page.
enum HeadTemplate {
    static let text = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{title}}</title>
        <style>
        {{> style}}
        </style>
        </head>

        """
}
