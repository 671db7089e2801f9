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
        if let found = matchesByHash(key, in: customers) { return found }
        return matchesByStrings(key, in: customers)
    }

    /// `matches` by `String` keys in a dictionary: canonical equivalence, whatever the keys.
    static func matchesByStrings(_ key: Key, in customers: [Customer]) -> [Match] {
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

    /// `matches` by the hashes of the keys' bytes, or nil when a key is not `exact` (then
    /// strings compare, by canonical equivalence) or two different keys share a hash.
    ///
    /// Each key is made as bytes and hashed; the hashes are then grouped by their top bits
    /// into parts of about 2,000, each matched in a table that stays in the cache, and a
    /// match of hashes is confirmed by making both keys again. Matching all the keys in one
    /// table of a million (with the keys' bytes kept in it) was a cache miss per customer
    /// and key: 0.45 s of CPU at a million customers, against about 0.05 s.
    /// - Complexity: O(customers); 24 bytes per customer with a key, no key bytes kept.
    static func matchesByHash(_ key: Key, in customers: [Customer], partBits: Int? = nil) -> [Match]? {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(customers.count)
        var indices: [Int32] = []
        indices.reserveCapacity(customers.count)
        var scratch: [UInt8] = []
        let seed = Self.seed
        for index in customers.indices {
            scratch.removeAll(keepingCapacity: true)
            switch key.append(customers, index, to: &scratch) {
            case .none: continue
            case .inexact: return nil
            case .exact: break
            }
            hashes.append(scratch.withUnsafeBufferPointer { ByteHash.hash($0, seed: seed) })
            indices.append(Int32(index))
        }
        let count = hashes.count
        guard count > 1 else { return [] }
        // Parts of about 2,048 keys: a part's table (4 bytes a slot) and entries fit the cache.
        var bits = partBits ?? 0
        if partBits == nil { while bits < 16 && count >> bits > 2048 { bits += 1 } }
        let parts = 1 << bits
        let shift = UInt64(64 - bits)
        @inline(__always) func part(_ hash: UInt64) -> Int { bits == 0 ? 0 : Int(truncatingIfNeeded: hash >> shift) }
        // Counting sort by part; stable, so each part keeps file order.
        var starts = [Int](repeating: 0, count: parts + 1)
        for hash in hashes { starts[part(hash) + 1] += 1 }
        for p in 0..<parts { starts[p + 1] += starts[p] }
        var sortedHashes = [UInt64](repeating: 0, count: count)
        var sortedIndices = [Int32](repeating: 0, count: count)
        var next = starts
        for position in 0..<count {
            let p = part(hashes[position])
            sortedHashes[next[p]] = hashes[position]
            sortedIndices[next[p]] = indices[position]
            next[p] += 1
        }
        hashes = []
        indices = []
        var largest = 0
        for p in 0..<parts { largest = max(largest, starts[p + 1] - starts[p]) }
        var size = 16
        while size < largest * 2 { size <<= 1 }
        // Slot: 0 empty, else 1 + the entry's position in its part.
        var table = [UInt32](repeating: 0, count: size)
        var found: [Match] = []
        var first: [UInt8] = []
        var collision = false
        sortedHashes.withUnsafeBufferPointer { hashes in
            sortedIndices.withUnsafeBufferPointer { indices in
                table.withUnsafeMutableBufferPointer { table in
                    for p in 0..<parts where !collision {
                        let start = starts[p], end = starts[p + 1]
                        guard end - start > 1 else { continue }
                        var mask = 15
                        while mask + 1 < (end - start) * 2 { mask = mask << 1 | 1 }
                        for slot in 0...mask { table[slot] = 0 }
                        for position in start..<end {
                            let hash = hashes[position]
                            var slot = Int(truncatingIfNeeded: hash) & mask
                            while table[slot] != 0 {
                                let other = start + Int(table[slot]) - 1
                                if hashes[other] == hash {
                                    // The same hash: the same key, unless two keys collide.
                                    let index = Int(indices[position]), earlier = Int(indices[other])
                                    first.removeAll(keepingCapacity: true)
                                    scratch.removeAll(keepingCapacity: true)
                                    _ = key.append(customers, earlier, to: &first)
                                    _ = key.append(customers, index, to: &scratch)
                                    if first != scratch {
                                        collision = true
                                        return
                                    }
                                    found.append((Int32(index), Int32(earlier)))
                                    break
                                }
                                slot = (slot + 1) & mask
                            }
                            if table[slot] == 0 { table[slot] = UInt32(position - start + 1) }
                        }
                    }
                }
            }
        }
        if collision { return nil }
        found.sort { $0.index < $1.index }
        return found
    }

    /// Per-process random seed, so that crafted keys cannot be chosen to collide.
    private static let seed = UInt64.random(in: .min ... .max)

    /// The findings and groups of the matches of every key (in `Key.allCases` order).
    static func resolve(_ matches: [[Match]], customers: [Customer], files: [String])
        -> (findings: [Finding], groups: [[Int32]]) {
        var findings: [Finding] = []
        var groups: [[Int32]] = []
        var groupOf: [Int32: Int] = [:]
        // (group, customer) pairs already in `groups`: a group of 100,000 customers sharing a
        // placeholder phone number was searched whole for each of them (4 s at 100k).
        var members = Set<Int64>()
        func add(_ customer: Int32, to group: Int) {
            if members.insert(Int64(group) << 32 | Int64(UInt32(bitPattern: customer))).inserted {
                groups[group].append(customer)
            }
        }
        for (key, keyMatches) in zip(Key.allCases, matches) {
            for (index, earlier) in keyMatches {
                let file = files.isEmpty ? "" : files[Int(customers[Int(index)].file)]
                findings.append(Finding(
                    table: .customers, file: file, line: Int(customers[Int(index)].line), column: key.column,
                    value: key.cell(of: customers, Int(index)) ?? "", rule: .probableDuplicate,
                    message: "Same \(key.description) as customer \"\(customers[Int(earlier)].id)\" on line \(customers[Int(earlier)].line)."))
                if let group = groupOf[earlier] ?? groupOf[index] {
                    add(index, to: group)
                    add(earlier, to: group)
                    groupOf[index] = group
                    groupOf[earlier] = group
                } else {
                    groupOf[earlier] = groups.count
                    groupOf[index] = groups.count
                    groups.append([])
                    add(earlier, to: groups.count - 1)
                    add(index, to: groups.count - 1)
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
                guard var email = customers[index].email, ValueParsers.isValidEmail(email) else { return .none }
                // Over the contiguous bytes: `utf8.allSatisfy` went through the generic view.
                return email.withUTF8 { bytes -> Appended in
                    guard StringKeyTable.isASCII(bytes) else { return .inexact }
                    let start = out.count
                    out.append(contentsOf: bytes)
                    out.withUnsafeMutableBufferPointer { all in
                        for position in start..<all.count { all[position] = ValueParsers.lower(all[position]) }
                    }
                    return .exact
                }
            case .name:
                let individual = customers[index].type == .individual
                var city: String?
                if individual {
                    guard let folded = customers[index].city.map(ValueParsers.fold), !folded.isEmpty else { return .none }
                    guard Self.isSimple(folded) else { return .inexact }
                    city = folded
                }
                out.append(individual ? UInt8(ascii: "i") : UInt8(ascii: "c"))
                out.append(0)
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
