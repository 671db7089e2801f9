/// Interns repeated strings (categories, products) so a column of millions is a column of `Int32`.
package struct StringPool: Sendable {
    package private(set) var values: [String] = []
    private var index: [String: Int32] = [:]

    package init() {}

    /// Returns the id of `value`, adding it on first sight.
    package mutating func intern(_ value: String) -> Int32 {
        if let id = index[value] { return id }
        let id = Int32(values.count)
        values.append(value)
        index[value] = id
        return id
    }

    package subscript(id: Int32) -> String? {
        id >= 0 && Int(id) < values.count ? values[Int(id)] : nil
    }
}
