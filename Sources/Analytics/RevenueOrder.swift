/// The customers with revenue (M > 0), ordered by M ascending: the one sort behind both the M
/// score and the ABC grades.
///
/// Ties keep customer order here; ``ABCGrades`` orders each run of equal revenue by id (when
/// ids do not already ascend with the index). Built by a least-significant-digit radix sort on
/// the micros (11 bits a pass, passes whose digit is the same everywhere skipped): revenues up
/// to 17 million units take four passes, where a comparison sort of a million pairs costs
/// several times as much.
struct RevenueOrder: Sendable {
    /// Revenue in micros, ascending; aligned with `customers`.
    var micros: [Int64]
    /// Indices into the figures.
    var customers: [Int32]

    var count: Int { customers.count }

    /// Sorts the scored customers of `population` by M.
    /// - Complexity: O(n × passes), passes = ⌈significant bits of the largest M ÷ 11⌉.
    init(_ population: RFMSegments.Population) {
        (micros, customers) = RevenueOrder.radixSort(population.micros, population.customers)
    }

    /// Sorts positive keys ascending, stably, carrying `values` along.
    static func radixSort(_ keys: [Int64], _ values: [Int32]) -> (keys: [Int64], values: [Int32]) {
        let n = keys.count
        guard n > 1 else { return (keys, values) }
        let bits = 11, radix = 1 << bits, mask = UInt64(radix - 1)
        var high: UInt64 = 0
        var low = UInt64.max
        for key in keys {
            high |= UInt64(bitPattern: key)
            low &= UInt64(bitPattern: key)
        }
        var keys = keys, values = values
        var keysOut = [Int64](repeating: 0, count: n)
        var valuesOut = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: radix)
        var shift: UInt64 = 0
        while shift < 64 && high >> shift != 0 {
            // A digit equal in every key (all ones in `low` and `high` agree) orders nothing.
            if (high >> shift) & mask == (low >> shift) & mask {
                shift += UInt64(bits)
                continue
            }
            for d in counts.indices { counts[d] = 0 }
            keys.withUnsafeBufferPointer { k in
                counts.withUnsafeMutableBufferPointer { c in
                    for key in k { c[Int((UInt64(bitPattern: key) >> shift) & mask)] += 1 }
                    var sum = 0
                    for d in 0..<radix {
                        let here = c[d]
                        c[d] = sum
                        sum += here
                    }
                    values.withUnsafeBufferPointer { v in
                        keysOut.withUnsafeMutableBufferPointer { ko in
                            valuesOut.withUnsafeMutableBufferPointer { vo in
                                for i in 0..<n {
                                    let d = Int((UInt64(bitPattern: k[i]) >> shift) & mask)
                                    let to = c[d]
                                    c[d] = to + 1
                                    ko[to] = k[i]
                                    vo[to] = v[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keysOut)
            swap(&values, &valuesOut)
            shift += UInt64(bits)
        }
        return (keys, values)
    }
}
