extension BuildSummary {
    /// The paragraph `portrait build` (and `serve`, after each build) prints: rows, findings,
    /// files, seconds, and the seconds of every stage.
    package func report(output: String, data: String) -> String {
        let rows = validation.tables.reduce(0) { $0 + $1.rows }
        let seconds = (seconds * 100).rounded() / 100
        return "Built \(output) from \(data) in \(seconds) s: \(rows) rows read, "
            + "\(validation.quality.findings.count) findings (\(validation.errorCount) errors, \(validation.warningCount) warnings), "
            + "\(pagesWritten) files written, \(pagesUnchanged) unchanged.\n"
            + "Stages: " + stageTimings.map { "\($0.stage.title.lowercased()) \(($0.seconds * 100).rounded() / 100) s" }
                .joined(separator: ", ") + ".\n"
    }
}
