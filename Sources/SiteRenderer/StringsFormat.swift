import Charts

/// One entry of the strings table with its `{0}`, `{1}`… placeholders found once per build, the
/// text around them already HTML-escaped: what `HTML.escape(s.format(key, a, b))` writes,
/// without the intermediate strings.
///
/// Splits exactly as ``Strings/format(_:_:)`` substitutes: a `{n}` counts only when `n` parses
/// as an index below `arguments`; anything else stays literal text. Escaping the whole result
/// equals escaping the pieces, since escaping maps each character on its own. The pieces live in
/// the build's ``ByteArena``.
struct StringsFormat: @unchecked Sendable {
    /// Literal text (`argument` < 0) or the argument with that index.
    struct Part: BitwiseCopyable {
        let text: ByteChunk
        let argument: Int
    }

    let parts: UnsafeBufferPointer<Part>

    init(_ strings: Strings, _ key: String, arguments: Int, arena: ByteArena) {
        let text = strings[key]
        var parts: [Part] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { parts.append(Part(text: arena.chunk(HTML.escape(literal)), argument: -1)) }
            literal = ""
        }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 0, n < arguments {
                flush()
                parts.append(Part(text: .empty, argument: n))
                rest = after[after.index(after: close)...]
            } else {
                literal += "{"
                rest = after
            }
        }
        literal += rest
        flush()
        self.parts = arena.table(parts)
    }

    /// Appends the text; `argument(n, &out)` appends argument `n`, escaped.
    @inline(__always)
    func write(into out: inout ByteBuffer, _ argument: (Int, inout ByteBuffer) -> Void) {
        for part in parts {
            if part.argument < 0 { out.append(part.text) } else { argument(part.argument, &out) }
        }
    }

    /// Appends the text of a one-placeholder entry, `value` appending `{0}`.
    @inline(__always)
    func write(into out: inout ByteBuffer, _ value: (inout ByteBuffer) -> Void) {
        for part in parts {
            if part.argument < 0 { out.append(part.text) } else { value(&out) }
        }
    }
}
