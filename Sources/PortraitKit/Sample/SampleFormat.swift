/// The file format of a sample ledger's five tables.
package enum SampleFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV, LF line ends; `line` in the manifest is the physical line (header = 1).
    case csv
    /// Generic XML (`<customers><customer><customer_id>…`); `line` is the 1-based record number.
    case xml
}
