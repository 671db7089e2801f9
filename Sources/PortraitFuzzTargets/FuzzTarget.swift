/// A fuzz target: a name for `PORTRAIT_FUZZ_TARGET` and the folder of its corpus, and the pure
/// function that runs one input through the parsers.
///
/// Each function must return normally for every input: a crash, a trap (overflow, index out of
/// range, a failed invariant) or a hang is a bug in the code under test. Thrown `IngestError`s
/// are the expected answer to bad input and are swallowed.
package enum FuzzTarget: String, CaseIterable, Sendable {
    case csv, decoding, values, xml, ledger

    /// Runs `data` through the target's parsers.
    package func run(_ data: [UInt8]) {
        switch self {
        case .csv: fuzzCSV(data)
        case .decoding: fuzzDecoding(data)
        case .values: fuzzValues(data)
        case .xml: fuzzXML(data)
        case .ledger: fuzzLedger(data)
        }
    }
}
