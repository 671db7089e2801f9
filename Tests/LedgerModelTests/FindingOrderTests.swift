import LedgerModel
import Testing

@Suite("The export order of findings")
struct FindingOrderTests {
    @Test("tables compare as their names do, without making them")
    func tableOrder() {
        for a in TableName.allCases {
            for b in TableName.allCases {
                #expect((a < b) == (a.rawValue < b.rawValue), "\(a) < \(b)")
            }
        }
    }

    @Test("findings sort by table name, line, column, rule, then file")
    func exportOrder() {
        func finding(_ table: TableName, _ line: Int, _ column: String, _ rule: Rule, _ file: String) -> Finding {
            Finding(table: table, file: file, line: line, column: column, value: "", rule: rule, message: "")
        }
        let sorted = [
            finding(.customers, 9, "phone", .badPhone, "b.csv"),
            finding(.interactions, 2, "date", .badDate, "a.csv"),
            finding(.opportunities, 1, "stage", .badValue, "a.csv"),
            finding(.orders, 3, "amount", .badNumber, "a.csv"),
            finding(.orders, 3, "amount", .missingRequired, "a.csv"),
            finding(.orders, 3, "order_date", .badDate, "a.csv"),
            finding(.orders, 3, "order_date", .badDate, "b.csv"),
            finding(.orders, 10, "amount", .badNumber, "a.csv"),
            finding(.reps, 1, "quota", .badNumber, "a.csv"),
        ]
        #expect(sorted.reversed().sorted(by: Finding.exportOrder) == sorted)
        #expect(sorted.shuffled().sorted(by: Finding.exportOrder) == sorted)
    }
}
