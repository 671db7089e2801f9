import LedgerModel

/// Finds customers that are probably the same: a shared phone, e-mail or normalised name.
///
/// One finding per key on each row that is not the first of its group in file order, naming
/// the first row (precise-rules.md). Only used rows take part.
enum DuplicateDetector {
    /// A customer whose key equals that of an earlier one: both indices.
    typealias Match = (index: Int32, earlier: Int32)

    /// - Complexity: O(customers), one hash table per key.
    static func detect(in ledger: inout Ledger) {
        guard !ledger.customersDerived else { return }
        let matches = Key.allCases.map { self.matches($0, in: ledger.customers) }
        let result = resolve(matches, customers: ledger.customers, files: ledger.source(.customers).files)
        ledger.findings.append(contentsOf: result.findings)
        ledger.duplicateGroups = result.groups
    }

    /// The customers whose `key` equals an earlier customer's, in file order, each with the
    /// first customer of that key. The three keys are independent, so they run on three cores.
    static func matches(_ key: Key, in customers: [Customer]) -> [Match] {
        var values: [String?] = []
        values.reserveCapacity(customers.count)
        var byBytes = true
        for index in customers.indices {
            let value = key.value(of: customers, index)
            if let value, !value.exact { byBytes = false }
            values.append(value?.text)
        }
        var found: [Match] = []
        if byBytes {
            // Every key is ASCII or in NFC: equal strings are equal bytes.
            let first = IDTable(capacity: customers.count)
            for (index, value) in values.enumerated() {
                guard var value else { continue }
                value.withUTF8 { bytes in
                    if let earlier = first[bytes: bytes] {
                        found.append((Int32(index), earlier))
                    } else {
                        first.insert(bytes: bytes, Int32(index))
                    }
                }
            }
            return found
        }
        var first: [String: Int32] = [:]
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            if let earlier = first[value] {
                found.append((Int32(index), earlier))
            } else {
                first[value] = Int32(index)
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
        /// without a city), and whether it is `exact`: ASCII or known to be in NFC, so that it
        /// equals another such key exactly when their bytes are equal. Company and individual
        /// name keys never pair.
        ///
        /// Reads the customer's fields in place: a copy of a `Customer` retains a dozen strings.
        func value(of customers: [Customer], _ index: Int) -> (text: String, exact: Bool)? {
            switch self {
            case .phone:
                return customers[index].phone.flatMap(ValueParsers.phone).map { ($0, true) }
            case .email:
                guard let email = customers[index].email, ValueParsers.isValidEmail(email) else { return nil }
                let key = email.lowercased()
                return (key, key.utf8.allSatisfy { $0 < 0x80 })
            case .name:
                let name = ValueParsers.normalizedNameKey(customers[index].name)
                if customers[index].type == .individual {
                    guard let city = customers[index].city.map(ValueParsers.fold), !city.isEmpty else { return nil }
                    return ("i\u{0}" + name.name + "\u{0}" + city, name.composed && Self.isSimple(city))
                }
                return ("c\u{0}" + name.name, name.composed)
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
