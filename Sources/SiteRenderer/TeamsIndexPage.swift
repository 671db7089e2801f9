/// `teams/index.html` of a partitioned build: the list of team sub-sites, each a folder an
/// intranet web server can protect on its own.
package enum TeamsIndexPage {
    package struct Entry: Sendable {
        /// The team's name, nil for the unassigned group.
        package var team: String?
        /// The sub-site's folder inside `teams/`.
        package var folder: String
        package var customers: Int
        package var reps: Int

        package init(team: String?, folder: String, customers: Int, reps: Int) {
            self.team = team
            self.folder = folder
            self.customers = customers
            self.reps = reps
        }
    }

    package static func render(_ entries: [Entry], title: String?, locale: SiteLocale,
                               templates: TemplateLibrary) throws -> String {
        let s = try templates.strings(locale)
        let heading = HTML.escape(s["partition.title"])
        var rows = ""
        for entry in entries {
            let name = HTML.escape(entry.team ?? s["partition.unassigned"])
            rows += "<tr><td><a href=\"\(HTML.escape(entry.folder))/index.html\">\(name)</a></td>"
                + "<td class=\"num\">\(entry.customers)</td><td class=\"num\">\(entry.reps)</td></tr>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="\(locale.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:">
        <title>\(heading) · \(HTML.escape(title ?? s["site.title"]))</title>
        <link rel="stylesheet" href="../assets/site.css">
        </head>
        <body>
        <main class="page">
        <h1>\(heading)</h1>
        <p>\(HTML.escape(s["partition.intro"]))</p>
        <p><a href="../index.html">\(HTML.escape(s["partition.company"]))</a></p>
        <table class="data">
        <thead><tr><th>\(HTML.escape(s["partition.team"]))</th><th class="num">\(HTML.escape(s["partition.customers"]))</th><th class="num">\(HTML.escape(s["partition.reps"]))</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </main>
        </body>
        </html>

        """
    }
}
