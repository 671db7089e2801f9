/// Limits swift-mustache does not set itself, checked on the templates' text before they are
/// compiled, each with what it prevented (all found by fuzzing a user's templates folder):
/// - sections nested more than ``maximumDepth`` deep: its parser recurses once per level, and
///   5,000 levels overflowed the stack;
/// - a partial or parent that includes itself, directly or through others: rendering recursed
///   until the stack overflowed (the pages' data holds nothing recursive that could end it);
/// - more than ``maximumTags`` tags in one template: compiling slowed with the square of their
///   number (10,000 tags 2.3 s, 20,000 9 s, 200,000 more than a minute);
/// - a partial or parent that no template has: swift-mustache renders it as nothing, so a
///   misspelt `{{> kpii}}` silently dropped part of every page. (A dynamic name, `{{>*name}}`,
///   is known only while rendering and is not checked.)
extension TemplateLibrary {
    static let maximumDepth = 100
    static let maximumTags = 10_000

    /// What the scan of one template found.
    struct Outline {
        /// The deepest nesting of sections, and the byte offset of the tag that reached it.
        var depth = 0
        var deepestAt = 0
        /// The partials (`{{> name}}`) and parents (`{{< name}}`) it names, with the byte
        /// offset of each tag.
        var includes: [(name: String, at: Int)] = []
        var tags = 0
        /// The byte offset of the tag past ``maximumTags``.
        var tooManyAt: Int?
    }

    /// Reads `text`'s tags as swift-mustache does: `{{ }}`, `{{{ }}}` and the delimiters a
    /// set-delimiter tag (`{{=<% %>=}}`) chooses. A tag left open ends the scan (the parser
    /// reports it).
    static func outline(_ text: String) -> Outline {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var outline = Outline()
        var depth = 0, index = 0
        while let start = find(open, in: bytes, from: index) {
            var from = start + open.count, closing = close
            if open == Array("{{".utf8), from < bytes.count, bytes[from] == UInt8(ascii: "{") {
                closing = Array("}}}".utf8)
                from += 1
            }
            guard let end = find(closing, in: bytes, from: from) else { break }
            index = end + closing.count
            outline.tags += 1
            if outline.tags > maximumTags, outline.tooManyAt == nil { outline.tooManyAt = start }
            let tag = bytes[from..<end].drop { $0 == 0x20 || $0 == 0x09 }
            guard let kind = tag.first else { continue }
            let name = String(decoding: tag.dropFirst().filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > outline.depth { (outline.depth, outline.deepestAt) = (depth, start) }
                if kind == UInt8(ascii: "<") { outline.includes.append((name, start)) }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ">"):
                outline.includes.append((name, start))
            case UInt8(ascii: "=") where closing == close && tag.last == UInt8(ascii: "="):
                let parts = tag.dropFirst().dropLast().split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
                if parts.count == 2 { (open, close) = (Array(parts[0]), Array(parts[1])) }
            default:
                break
            }
        }
        return outline
    }

    /// Throws a ``TemplateError`` for the first template past a limit, the first partial or
    /// parent no template has, or the first partial that includes itself (with the chain of
    /// names). `origin` prefixes file names.
    static func check(_ files: [String: String], origin: String?) throws {
        func file(_ name: String) -> String { (origin ?? "templates") + "/" + name + ".mustache" }
        var outlines: [String: Outline] = [:]
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count)), text = files[path]!
            let outline = outline(text)
            if outline.depth > maximumDepth {
                throw TemplateError(file: file(name), line: line(at: outline.deepestAt, in: text),
                                    reason: "Sections are nested \(outline.depth) deep here; at most \(maximumDepth) are read.",
                                    hint: "Nest fewer sections, or delete the template to use the built-in one.")
            }
            if let offset = outline.tooManyAt {
                throw TemplateError(file: file(name), line: line(at: offset, in: text),
                                    reason: "The template has \(outline.tags) tags; at most \(maximumTags) are read.",
                                    hint: "Split it into partials, or delete it to use the built-in one.")
            }
            outlines[name] = outline
        }
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count)), text = files[path]!
            for include in outlines[name]!.includes where !include.name.hasPrefix("*") && outlines[include.name] == nil {
                throw TemplateError(file: file(name), line: line(at: include.at, in: text),
                                    reason: "The template includes “\(include.name)”, which is neither in the templates folder nor built in.",
                                    hint: "Check the name against the files of Portrait's templates/ folder (without .mustache).")
            }
        }
        // Depth-first through the includes; a name met again on the current chain is a cycle.
        var done: Set<String> = []
        func visit(_ name: String, chain: [String]) throws {
            if let at = chain.firstIndex(of: name) {
                let cycle = (chain[at...] + [name]).joined(separator: " → ")
                throw TemplateError(file: file(name), reason: "The template includes itself: \(cycle).",
                                    hint: "Remove the partial tag that leads back, or delete the template to use the built-in one.")
            }
            guard !done.contains(name), let outline = outlines[name] else { return }
            for include in outline.includes { try visit(include.name, chain: chain + [name]) }
            done.insert(name)
        }
        for name in outlines.keys.sorted() { try visit(name, chain: []) }
    }

    /// The line, from 1, of the byte at `offset` in `text`.
    private static func line(at offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        bytes[start...].firstRange(of: needle)?.lowerBound
    }
}
