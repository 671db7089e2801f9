extension ChartFormat {
    /// Appends ``coordinate(_:)`` of `value` without making a `String`: the same bytes.
    ///
    /// A value that keeps decimals is written from its integer count of hundredths. Below 10^10
    /// that is also what `Double.description` prints, the shortest decimal that reads back as
    /// the same double: a nearer decimal with fewer digits would have to lie within half an ulp,
    /// and an ulp there is far below 0.01. Larger values take the `String` path.
    package static func appendCoordinate(_ value: Double, to out: inout ByteBuffer) {
        guard value.isFinite else { return out.append("0") }
        let scaled = (value * 100).rounded()
        let rounded = scaled / 100
        if rounded == 0 { return out.append("0") }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return out.append(decimal: Int(Int64(rounded))) }
        guard abs(scaled) < 1e12 else { return out.append(raw: "\(rounded)") }
        let hundredths = Int64(scaled)
        if hundredths < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = UInt(hundredths.magnitude)
        out.append(digits: magnitude / 100)
        out.append(UInt8(ascii: "."))
        let fraction = magnitude % 100
        if fraction % 10 == 0 { out.append(digits: fraction / 10) } else { out.append(digits: fraction, width: 2) }
    }
}
