import Analytics
import LedgerModel
import PortraitTestSupport
import Testing

@Suite("Customer row index")
struct CustomerRowIndexTests {
    @Test("groups each customer's rows up to T in ledger order")
    func grouping() {
        let ledger = HandLedger.build()
        let index = CustomerRowIndex(ledger: ledger, asOf: HandLedger.asOf)
        let ids = { (rows: ArraySlice<Int32>) in rows.map { ledger.orders[Int($0)].id } }
        // OA (after T) is left out; O03 stays (its first line is up to T).
        #expect(ids(index.orders(of: 0)) == ["O01a", "O01b", "O01c", "O01d", "O01e"])
        #expect(ids(index.orders(of: 1)) == ["O02a", "O02b", "OY"])
        #expect(ids(index.orders(of: 2)) == ["O03"])
        #expect(index.interactions(of: 0).count == 3)
        #expect(index.interactions(of: 9).isEmpty)          // I8 is after T
        #expect(index.opportunities(of: 4).isEmpty)         // OP5 is after T
        #expect(index.opportunities(of: 7).map { ledger.opportunities[Int($0)].id } == ["OP1"])
    }
}
