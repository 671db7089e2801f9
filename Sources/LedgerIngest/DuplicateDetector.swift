import LedgerModel

/// Finds customers that are probably the same: a shared phone, e-mail or normalised name.
///
/// One finding per key on each row that is not the first of its group in file order, naming
/// the first row (precise-rules.md). Only used rows take part.
enum DuplicateDetector {
    /// A customer whose key equals that of an earlier one: both indices.
    typealias Match = (index: Int32, earlier: Int32)

    /// The customers whose `key` equals an earlier customer's, in file order, each with the
    /// first customer of that key. The three keys are independent: `LedgerReader` runs them as
    /// three jobs beside the other tables.
    /// - Complexity: O(customers), one hash table.
    static func matches(_ key: Key, in customers: [Customer]) -> [Match] {
        if let found = matchesByBytes(key, in: customers) { return found }
        var first: [String: Int32] = [:]
        var found: [Match] = []
        for index in customers.indices {
            guard let value = key.value(of: customers, index) else { continue }
            if let earlier = first[value] {
                found.append((Int32(index), earlier))
            } else {
                first[value] = Int32(index)
            }
        }
        return found
    }

    /// `matches` with every key made as bytes into one buffer and compared as bytes, or nil
    /// when a key is not `exact` (then strings compare, by canonical equivalence).
    ///
    /// Most ledgers' keys are ASCII phones and e-mails and names of CJK and ASCII characters,
    /// all exact: no string is made for them, which was a third of reading the customers.
    private static func matchesByBytes(_ key: Key, in customers: [Customer]) -> [Match]? {
        // Names of companies in Chinese take 30–40 bytes; key bytes never written cost nothing.
        let first = IDTable(capacity: customers.count, keyBytes: customers.count * 48)
        var found: [Match] = []
        var scratch: [UInt8] = []
        for index in customers.indices {
            scratch.removeAll(keepingCapacity: true)
            switch key.append(customers, index, to: &scratch) {
            case .none: continue
            case .inexact: return nil
            case .exact: break
            }
            scratch.withUnsafeBufferPointer { bytes in
                if let earlier = first.insertOrFind(bytes: bytes, Int32(index)) {
                    found.append((Int32(index), earlier))
                }
            }
        }
        return found
    }

    /// The findings and groups of the matches of every key (in `Key.allCases` order).
    static func resolve(_ matches: [[Match]], customers: [Customer], files: [String])
        -> (findings: [Finding], groups: [[Int32]]) {
        var findings: [Finding] = []
        var groups: [[Int32]] = []
        var groupOf: [Int32: Int] = [:]
        for (key, keyMatches) in zip(Key.allCases, matches) {
            for (index, earlier) in keyMatches {
                let file = files.isEmpty ? "" : files[Int(customers[Int(index)].file)]
                findings.append(Finding(
                    table: .customers, file: file, line: Int(customers[Int(index)].line), column: key.column,
                    value: key.cell(of: customers, Int(index)) ?? "", rule: .probableDuplicate,
                    message: "Same \(key.description) as customer \"\(customers[Int(earlier)].id)\" on line \(customers[Int(earlier)].line)."))
                if let group = groupOf[earlier] ?? groupOf[index] {
                    if !groups[group].contains(index) { groups[group].append(index) }
                    if !groups[group].contains(earlier) { groups[group].append(earlier) }
                    groupOf[index] = group
                    groupOf[earlier] = group
                } else {
                    groupOf[earlier] = groups.count
                    groupOf[index] = groups.count
                    groups.append([earlier, index])
                }
            }
        }
        return (findings, groups.map { $0.sorted() })
    }

    enum Key: CaseIterable {
        case phone, email, name

        var column: String {
            switch self {
            case .phone: "phone"
            case .email: "email"
            case .name: "name"
            }
        }

        var description: String {
            switch self {
            case .phone: "phone number"
            case .email: "e-mail address"
            case .name: "name"
            }
        }

        func cell(of customers: [Customer], _ index: Int) -> String? {
            switch self {
            case .phone: customers[index].phone
            case .email: customers[index].email
            case .name: customers[index].name
            }
        }

        /// The key, or nil when the customer has none (invalid phone or e-mail, individual
        /// without a city). Company and individual name keys never pair.
        ///
        /// Reads the customer's fields in place: a copy of a `Customer` retains a dozen strings.
        func value(of customers: [Customer], _ index: Int) -> String? {
            switch self {
            case .phone:
                return customers[index].phone.flatMap(ValueParsers.phone)
            case .email:
                guard let email = customers[index].email, ValueParsers.isValidEmail(email) else { return nil }
                return email.lowercased()
            case .name:
                let name = ValueParsers.normalizedName(customers[index].name)
                if customers[index].type == .individual {
                    guard let city = customers[index].city.map(ValueParsers.fold), !city.isEmpty else { return nil }
                    return "i\u{0}" + name + "\u{0}" + city
                }
                return "c\u{0}" + name
            }
        }

        enum Appended { case none, exact, inexact }

        /// Appends the bytes of `value(of:_:)` to `out` when the key is exact: ASCII, or known
        /// to be in NFC, so that it equals another such key exactly when their bytes are equal;
        /// `.none` when the customer has no key, `.inexact` when it is not exact.
        func append(_ customers: [Customer], _ index: Int, to out: inout [UInt8]) -> Appended {
            switch self {
            case .phone:
                guard let phone = customers[index].phone else { return .none }
                return ValueParsers.withPhoneKey(phone) { key in
                    guard let key else { return .none }
                    out.append(contentsOf: key)
                    return .exact
                }
            case .email:
                guard let email = customers[index].email, ValueParsers.isValidEmail(email) else { return .none }
                guard email.utf8.allSatisfy({ $0 < 0x80 }) else { return .inexact }
                for byte in email.utf8 { out.append(ValueParsers.lower(byte)) }
                return .exact
            case .name:
                let individual = customers[index].type == .individual
                var city: String?
                if individual {
                    guard let folded = customers[index].city.map(ValueParsers.fold), !folded.isEmpty else { return .none }
                    guard Self.isSimple(folded) else { return .inexact }
                    city = folded
                }
                out.append(contentsOf: individual ? [UInt8(ascii: "i"), 0] : [UInt8(ascii: "c"), 0])
                guard ValueParsers.appendSimpleNormalizedName(customers[index].name, to: &out) else { return .inexact }
                if let city {
                    out.append(0)
                    out.append(contentsOf: city.utf8)
                }
                return .exact
            }
        }

        /// Whether `text` holds only ASCII, Latin-1 letters and CJK ideographs and punctuation,
        /// which no normalisation changes.
        private static func isSimple(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { scalar in
                switch scalar.value {
                case 0..<0x80, 0xA5, 0xC0...0xFF, 0x3001...0x3002, 0x3008...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
                default: false
                }
            }
        }
    }
}
