import LedgerModel

/// ABC grades (客户分级) of metrics.md: cumulative revenue share in M-descending order.
enum ABCGrades {
    /// Grades every customer with M > 0 and lists the ledger-grade mismatches.
    ///
    /// Sorted by M descending, ties by customer_id in code-point order; with `before` the
    /// revenue of the customers ahead, A when `before × 10000 < total × grade_a_share` (basis
    /// points), else B when `before × 10000 < total × grade_b_share`, else C, all on exact micros
    /// in `Int128` (for the default 0.80 this is `before × 100 < total × 80`).
    /// - Complexity: one sort of the customers with revenue, O(n log n).
    static func assign(_ figures: inout [CustomerFigures], ledger: Ledger,
                       thresholds: Thresholds) -> GradeSummary {
        var summary = GradeSummary()
        // (revenue, customer) pairs: the sort compares integers, and ids only on equal revenue.
        var graded: [(micros: Int64, customer: Int32)] = []
        for i in figures.indices where figures[i].revenue > .zero {
            graded.append((figures[i].revenue.micros, Int32(i)))
            summary.totalRevenue += Int128(figures[i].revenue.micros)
        }
        graded.sort { a, b in
            if a.micros != b.micros { return a.micros > b.micros }
            return ledger.customers[Int(a.customer)].id.codePointPrecedes(ledger.customers[Int(b.customer)].id)
        }
        let total = summary.totalRevenue
        let aBound = total * Int128(thresholds.gradeAShareBasisPoints)
        let bBound = total * Int128(thresholds.gradeBShareBasisPoints)
        var before: Int128 = 0
        for entry in graded {
            let i = Int(entry.customer)
            let scaled = before * 10_000
            let grade: Grade = scaled < aBound ? .a : scaled < bBound ? .b : .c
            figures[i].grade = grade
            figures[i].revenueBefore = before
            summary.counts[Grade.allCases.firstIndex(of: grade) ?? 0] += 1
            before += Int128(figures[i].revenue.micros)
        }

        for i in ledger.customers.indices {
            guard let written = ledger.customers[i].grade, !written.trimmingWhitespace().isEmpty else { continue }
            let read = Grade(ledgerValue: written)
            if read == nil && figures[i].grade == nil { continue }
            if read != figures[i].grade {
                summary.mismatches.append(GradeMismatch(customer: Int32(i), ledgerGrade: written,
                                                        computed: figures[i].grade))
            }
        }
        summary.mismatches.sort {
            ledger.customers[Int($0.customer)].id.codePointPrecedes(ledger.customers[Int($1.customer)].id)
        }
        return summary
    }
}
