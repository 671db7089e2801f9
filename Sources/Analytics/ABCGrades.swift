import LedgerModel

/// ABC grades (客户分级) of metrics.md: cumulative revenue share in M-descending order.
enum ABCGrades {
    /// The grades of one ledger, aligned with its customers.
    struct Grading: Sendable {
        var summary = GradeSummary()
        /// nil for M = 0.
        var grades: [Grade?] = []
        /// The revenue of the customers ahead in the grade order, micros.
        var before: [Int128] = []
    }

    /// Grades every customer with M > 0 and lists the ledger-grade mismatches.
    ///
    /// Sorted by M descending, ties by customer_id in code-point order; with `before` the
    /// revenue of the customers ahead, A when `before × 10000 < total × grade_a_share` (basis
    /// points), else B when `before × 10000 < total × grade_b_share`, else C, all on exact micros
    /// in `Int128` (for the default 0.80 this is `before × 100 < total × 80`).
    ///
    /// With `idsAscending` (``CustomerColumns/idsAscending``) a run of equal revenue is already
    /// in id order, since `byRevenue` keeps customer order within it, and so are the mismatches.
    /// - Complexity: a walk down `byRevenue`, sorting by id only its runs of equal revenue, and
    ///   one pass over `written`, the ledger's grade column as read.
    static func grade(_ byRevenue: RevenueOrder, written: [WrittenGrade], idsAscending: Bool,
                      ledger: Ledger, thresholds: Thresholds) -> Grading {
        var grading = Grading()
        let count = ledger.customers.count
        for micros in byRevenue.micros { grading.summary.totalRevenue += Int128(micros) }
        let total = grading.summary.totalRevenue
        let aBound = total * Int128(thresholds.gradeAShareBasisPoints)
        let bBound = total * Int128(thresholds.gradeBShareBasisPoints)
        var before: Int128 = 0
        var counts = [0, 0, 0]
        var run: [Int32] = []
        var grades = [Grade?](repeating: nil, count: count)
        var befores = [Int128](repeating: 0, count: count)
        grades.withUnsafeMutableBufferPointer { grades in
            befores.withUnsafeMutableBufferPointer { befores in
                byRevenue.micros.withUnsafeBufferPointer { micros in
                    byRevenue.customers.withUnsafeBufferPointer { customers in
                        // Runs of equal revenue from the largest down; each run in id order.
                        var end = micros.count
                        while end > 0 {
                            let m = micros[end - 1]
                            var start = end - 1
                            while start > 0 && micros[start - 1] == m { start -= 1 }
                            run.removeAll(keepingCapacity: true)
                            run.append(contentsOf: customers[start..<end])
                            if run.count > 1 && !idsAscending {
                                run.sort { ledger.customers[Int($0)].id.codePointPrecedes(ledger.customers[Int($1)].id) }
                            }
                            for customer in run {
                                let i = Int(customer)
                                let scaled = before * 10_000
                                let grade: Grade = scaled < aBound ? .a : scaled < bBound ? .b : .c
                                grades[i] = grade
                                befores[i] = before
                                counts[grade == .a ? 0 : grade == .b ? 1 : 2] += 1
                                before += Int128(m)
                            }
                            end = start
                        }
                    }
                }
            }
        }
        grading.summary.counts = counts
        grading.summary.mismatches = mismatches(grades, written: written, idsAscending: idsAscending,
                                                ledger: ledger)
        grading.grades = grades
        grading.before = befores
        return grading
    }

    /// What one customer's cell of the ledger's grade column reads as.
    enum WrittenGrade: Equatable, Sendable {
        /// Absent, or only whitespace: nothing to compare.
        case blank
        /// A grade, or nil for text that is no ABC grade (`D`, `重要`).
        case reads(Grade?)
    }

    /// Reads one cell of the ledger's grade column (``CustomerColumns`` reads them all).
    ///
    /// Most ledgers write a bare letter (`A`, `B`), read here from its bytes; anything else
    /// takes ``Grade/init(ledgerValue:)`` and its trimming.
    static func read(_ written: String) -> WrittenGrade {
        switch Grade.readPlain(written) {
        case .word(let grade):
            return .reads(grade)
        case .other:
            return written.trimmingWhitespace().isEmpty ? .blank : .reads(Grade(ledgerValue: written))
        }
    }

    /// Customers whose non-blank ledger grade does not read as the computed one, by customer_id.
    ///
    /// Found in customer order, which is id order when `idsAscending`; else sorted.
    static func mismatches(_ grades: [Grade?], written: [WrittenGrade], idsAscending: Bool,
                           ledger: Ledger) -> [GradeMismatch] {
        var mismatches: [GradeMismatch] = []
        for i in written.indices {
            guard case .reads(let read) = written[i] else { continue }
            let computed = grades[i]
            if read == nil && computed == nil { continue }
            if read != computed, let text = ledger.customers[i].grade {
                mismatches.append(GradeMismatch(customer: Int32(i), ledgerGrade: text, computed: computed))
            }
        }
        guard !idsAscending else { return mismatches }
        mismatches.sort {
            ledger.customers[Int($0.customer)].id.codePointPrecedes(ledger.customers[Int($1.customer)].id)
        }
        return mismatches
    }
}
