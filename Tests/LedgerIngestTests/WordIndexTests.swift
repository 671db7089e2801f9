import LedgerModel
import Testing
@testable import LedgerIngest

/// The perfect table of an enum column's exact words answers as comparing the cell with each
/// word would (`ValueParsers.exact`).
@Suite("Exact words by their bytes")
struct WordIndexTests {
    /// A lookup in `index` and the word-by-word comparison, for the same bytes, read from an
    /// allocation of exactly the cell's size (so that a read past either end is a heap overflow,
    /// which the address sanitizer reports).
    private func agree<Value: Equatable>(_ index: WordIndex<Value>, _ words: [([UInt8], Value)], _ cell: [UInt8]) -> Bool {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: cell.count)
        defer { copy.deallocate() }
        _ = copy.initialize(from: cell)
        let found = index.value(UnsafeBufferPointer(copy))
        let compared = words.first { $0.0 == cell }?.1
        return found == compared
    }

    /// Cells near the words: each word, its prefixes and suffixes, one byte changed anywhere, a
    /// byte added at either end, and other words' bytes; plus random bytes of 0 to 20.
    private func nearCells(_ words: [[UInt8]]) -> [[UInt8]] {
        var cells: [[UInt8]] = [[]]
        var random = SystemRandomNumberGenerator()
        for word in words {
            cells.append(word)
            for cut in 0..<word.count {
                cells.append(Array(word[..<cut]))
                cells.append(Array(word[(cut + 1)...]))
                for delta: UInt8 in [1, 0x20, 0x80] {
                    var changed = word
                    changed[cut] ^= delta
                    cells.append(changed)
                }
            }
            cells.append(word + [0x20])
            cells.append([0x20] + word)
            cells.append(word + word)
        }
        // NUL bytes, which read like an empty slot's zero words, at every length; and every
        // run of one byte, whose words from both ends agree whatever the length.
        for count in 0...20 {
            cells.append([UInt8](repeating: 0, count: count))
            cells.append([UInt8](repeating: UInt8(ascii: "a"), count: count))
        }
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...20, using: &random)
            cells.append((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &random) })
        }
        return cells
    }

    @Test("every table of the spec's words answers as a comparison with each word")
    func specTables() {
        func check<Value: Equatable>(_ words: [([UInt8], Value)], _ index: WordIndex<Value>) {
            for cell in nearCells(words.map(\.0)) {
                #expect(agree(index, words, cell), "cell \(cell)")
            }
        }
        check(ValueParsers.orderStatusWordsExact, ValueParsers.orderStatusWordIndex)
        check(ValueParsers.channelWordsExact, ValueParsers.channelWordIndex)
        check(ValueParsers.kindWordsExact, ValueParsers.kindWordIndex)
        check(ValueParsers.stageWordsExact, ValueParsers.stageWordIndex)
        check(ValueParsers.customerTypeWordsExact, ValueParsers.customerTypeWordIndex)
        check(ValueParsers.genderWordsExact, ValueParsers.genderWordIndex)
    }

    @Test("words of every length from 1 to 16 bytes, sharing their ends, and a word listed twice")
    func lengths() {
        // Words that differ only in a byte the overlapping reads of both ends share, or only in
        // length with the same first and last bytes.
        var words: [([UInt8], Int)] = []
        for count in 1...16 {
            words.append((Array(repeating: UInt8(ascii: "a"), count: count), count))
            var middle = Array(repeating: UInt8(ascii: "a"), count: count)
            middle[count / 2] = UInt8(ascii: "b")
            words.append((middle, 100 + count))
        }
        words.append((Array("已完成".utf8), 200))
        words.append((Array("已完成".utf8), 201))
        let index = WordIndex(words)
        #expect(Array("已完成".utf8).withUnsafeBufferPointer { index.value($0) } == 200)
        for cell in nearCells(words.map(\.0)) {
            #expect(agree(index, words, cell), "cell \(cell)")
        }
    }
}
