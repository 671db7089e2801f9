import LedgerModel

/// The interim `index.html` of the ingest milestone: tables read, row counts and findings by
/// rule. Replaced by the dashboard once the templates land.
package enum PlainIndexPage {
    package struct Facts: Sendable {
        package var asOf: Day
        package var tables: [TableSource]
        package var counts: [(rule: Rule, count: Int)]
        package var derivedCustomers: Bool

        package init(asOf: Day, tables: [TableSource], counts: [(rule: Rule, count: Int)], derivedCustomers: Bool) {
            self.asOf = asOf
            self.tables = tables
            self.counts = counts
            self.derivedCustomers = derivedCustomers
        }
    }

    package static func render(_ facts: Facts) -> String {
        var rows = ""
        for table in facts.tables {
            let files = table.files.isEmpty ? (table.table == .customers && facts.derivedCustomers ? "derived from orders" : "absent")
                : table.files.joined(separator: ", ")
            rows += "<tr><td>\(table.table.rawValue)</td><td>\(HTML.escape(files))</td><td>\(table.rows)</td><td>\(table.usedRows)</td></tr>\n"
        }
        var findings = ""
        for (rule, count) in facts.counts {
            findings += "<tr><td>\(rule.rawValue)</td><td>\(rule.severity.rawValue)</td><td>\(count)</td></tr>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
        <title>Customer Portrait</title>
        </head>
        <body>
        <h1>Customer Portrait</h1>
        <p>As of \(facts.asOf).</p>
        <h2>Tables read</h2>
        <table>
        <tr><th>table</th><th>files</th><th>rows</th><th>used</th></tr>
        \(rows)</table>
        <h2>Findings by rule</h2>
        <table>
        <tr><th>rule</th><th>severity</th><th>count</th></tr>
        \(findings)</table>
        <p><a href="exports/findings.csv">exports/findings.csv</a></p>
        </body>
        </html>

        """
    }
}
