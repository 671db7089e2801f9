import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension XMLRecordReader {
    /// A field of a record: its name, its value, and the name's slot in `cachedNames` when the
    /// name is an element's (then ``align(_:)`` finds its column there), else -1.
    typealias Field = (name: String, value: String, slot: Int)

    /// One open element inside a record, collecting its direct text until its end tag.
    struct Frame {
        /// The field name: the element's name, or its `val` attribute for a Zoho `FL`.
        var name: String
        /// The slot of `name` in `cachedNames` when `name` is the element's (``cachedName(position:)``), else -1.
        var slot = -1
        /// Where its text starts in `text` of ``readFields(recordName:)``: the open elements'
        /// texts lie there one after another, outermost first, so each runs to the end.
        var start: Int
        var hasChildElements = false
    }

    /// The fields of the record element at the cursor, in document order, leaving the cursor on
    /// its end tag.
    ///
    /// A leaf element gives its text (text and CDATA concatenated as written, "" when empty); an
    /// element with child elements gives its own text only when that is not all whitespace (mixed
    /// content), so indentation never becomes a value. Memory is this record's text, nothing more.
    ///
    /// Text is gathered as bytes and made a `String` only for a field: a record's indentation
    /// arrives as a dozen whitespace nodes, which made as many strings.
    func readFields(recordName: String, _ state: inout RecordState) throws -> [Field] {
        let recordAttributes = try readAttributes()
        var fields: [Field] = []
        fields.reserveCapacity(state.fieldsPerRecord)
        var elements = 0
        var isZohoRow = false
        if xmlTextReaderIsEmptyElement(reader) != 1 {
            state.text.removeAll(keepingCapacity: true)
            var frames = [Frame(name: recordName, start: 0)]
            while !frames.isEmpty {
                guard try advance() else {
                    throw IngestError(
                        file: file, line: nodeLine, problem: "the file ends inside record \(recordCount + 1).",
                        hint: "The export was probably cut short; export the table again.")
                }
                switch nodeType {
                case XML_READER_TYPE_ELEMENT:
                    frames[frames.count - 1].hasChildElements = true
                    let (element, slot) = state.names.name(xmlTextReaderConstName(reader), position: elements)
                    elements += 1
                    var attributes = try readAttributes()
                    var frame = Frame(name: element, slot: slot, start: state.text.count)
                    if element.utf8.count == 2, element == "FL", let val = attributes.firstIndex(where: { $0.name == "val" }) {
                        frame.name = attributes.remove(at: val).value
                        frame.slot = -1
                        isZohoRow = true
                    }
                    fields += attributes
                    if xmlTextReaderIsEmptyElement(reader) == 1 {
                        fields.append((frame.name, "", frame.slot))
                    } else {
                        frames.append(frame)
                    }
                case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA,
                     XML_READER_TYPE_WHITESPACE, XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                    if let value = xmlTextReaderConstValue(reader) {
                        state.text.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(value)))
                    }
                case XML_READER_TYPE_END_ELEMENT:
                    let frame = frames.removeLast()
                    // A leaf's text is its value; other text only when it is not all whitespace.
                    let kept = state.text.withUnsafeBufferPointer { bytes in
                        let own = UnsafeBufferPointer(rebasing: bytes[frame.start...])
                        let wanted = frames.isEmpty || frame.hasChildElements ? !Self.isBlank(own) : true
                        return wanted ? String(decoding: own, as: UTF8.self) : nil
                    }
                    if let kept { fields.append((frame.name, kept, frame.slot)) }
                    state.text.removeLast(state.text.count - frame.start)
                case XML_READER_TYPE_ENTITY_REFERENCE:
                    throw entityError(line: nodeLine)
                default:
                    continue
                }
            }
        }
        state.fieldsPerRecord = max(state.fieldsPerRecord, fields.count)
        return isZohoRow || recordAttributes.isEmpty ? fields : recordAttributes + fields
    }

    /// Whether UTF-8 `bytes` are empty or all whitespace, as ``isBlank(_:)`` decides for their
    /// text; only text with bytes beyond ASCII is made a string to ask.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return isBlank(String(decoding: bytes, as: UTF8.self)) }
            if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { return false }
        }
        return true
    }

    /// Whether every character of `text` is whitespace (`Character.isWhitespace`), true for "".
    ///
    /// A record's indentation arrives as a dozen whitespace nodes per record; asking each of
    /// their characters for its Unicode properties took a sixth of reading an XML ledger. Bytes
    /// below 0x80 are their own characters (CR LF is one character, whitespace like its parts),
    /// so only text with other bytes asks the characters.
    ///
    /// Text with other bytes is decided by its first scalar when that is not whitespace (the
    /// first character then is not: a character is whitespace when its first scalar is), found
    /// at once for a scalar above U+3000, the last of Unicode's White_Space, as any Chinese
    /// value's is; else the characters are asked.
    static func isBlank(_ text: String) -> Bool {
        if let verdict = asciiVerdict(text) { return verdict }
        if let first = text.unicodeScalars.first, first.value > 0x3000 || !first.properties.isWhitespace { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// `isBlank` of text of ASCII bytes only, nil for text with other bytes.
    static func asciiVerdict(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { return false }
            }
            return true
        }
    }

    /// The attributes of the element at the cursor, as written, without namespace declarations;
    /// leaves the cursor back on the element.
    ///
    /// Values are read node by node with `xmlTextReaderReadAttributeValue` so an entity reference
    /// is seen (and refused) rather than expanded by `xmlNodeListGetString`. Attributes are
    /// visited by index because `MoveToNextAttribute` cannot continue from a value node.
    func readAttributes() throws -> [Field] {
        let count = xmlTextReaderAttributeCount(reader)
        guard count > 0 else { return [] }
        let line = nodeLine
        var attributes: [Field] = []
        for index in 0..<count where xmlTextReaderMoveToAttributeNo(reader, index) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let name = currentName()
            var value = ""
            while xmlTextReaderReadAttributeValue(reader) == 1 {
                if nodeType == XML_READER_TYPE_ENTITY_REFERENCE {
                    throw entityError(line: line)
                }
                value += currentValue()
            }
            attributes.append((name, value, -1))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    /// Advances the cursor; false at the end of the document, throws on malformed input.
    func advance() throws -> Bool {
        switch xmlTextReaderRead(reader) {
        case 1: return true
        case 0: return false
        default: throw parseError()
        }
    }

    /// The kind of node at the cursor.
    var nodeType: xmlReaderTypes {
        xmlReaderTypes(rawValue: UInt32(bitPattern: xmlTextReaderNodeType(reader)))
    }

    /// The qualified name of the node at the cursor, as written (`od:Name`, `联系电话`).
    func currentName() -> String {
        xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
    }

    /// What reading records keeps between them, taken out of the reader for each record
    /// (`withState`): each access to a property of a class checks, at run time, that no other
    /// access overlaps it, which cost a tenth of reading with one access per node.
    struct RecordState {
        /// The text of the record being read (see ``readFields(recordName:_:)``), kept for its capacity.
        var text: [UInt8] = []
        var names = ElementNames()
        /// Per column, the last record (`recordCount`) that gave it a value.
        var lastSeen: [Int] = []
        /// The most fields a record had so far, to size the next one's.
        var fieldsPerRecord = 0
    }

    /// Runs `body` on the record state, taken out of the reader meanwhile.
    func withState<Result>(_ body: (inout RecordState) throws -> Result) rethrows -> Result {
        var taken = recordState
        recordState = RecordState()
        defer { recordState = taken }
        return try body(&taken)
    }

    /// Element names met so far, found by the address libxml2 keeps each at.
    ///
    /// libxml2 keeps names in the reader's dictionary, so a name comes back at the same address
    /// record after record: its `String` is made once and found again by that address, first
    /// where the previous record had its element of the same position, else by hash (checked
    /// byte for byte either way, so an address reused for another name is never taken for the
    /// old one). A slot, once given, always holds the same name.
    struct ElementNames {
        var names: [CachedName] = []
        var slots: [UnsafePointer<xmlChar>: Int] = [:]
        /// The slot of each position's element in the last record that had one there.
        var byPosition: [Int] = []

        /// The name at `pointer`, the `position`-th element of its record, and its slot in
        /// `names` (-1 when not kept).
        mutating func name(_ pointer: UnsafePointer<xmlChar>?, position: Int) -> (name: String, slot: Int) {
            guard let pointer else { return ("", -1) }
            if position < byPosition.count {
                let slot = byPosition[position]
                if names[slot].address == pointer, names[slot].matches(pointer) { return (names[slot].name, slot) }
            }
            var slot = slots[pointer] ?? -1
            if slot < 0 || !names[slot].matches(pointer) {
                guard names.count < XMLRecordReader.maximumCachedNames else { return (String(cString: pointer), -1) }
                slot = names.count
                names.append(CachedName(name: String(cString: pointer), address: pointer))
                slots[pointer] = slot
            }
            if position < byPosition.count {
                byPosition[position] = slot
            } else if position == byPosition.count {
                byPosition.append(slot)
            }
            return (names[slot].name, slot)
        }
    }

    /// A name of `ElementNames`: its bytes with their terminating NUL, the address libxml2 gave
    /// it, and its column once ``align(_:)`` has looked it up.
    struct CachedName {
        var name: String
        var bytes: [CChar]
        var address: UnsafePointer<xmlChar>
        var header: Int?

        init(name: String, address: UnsafePointer<xmlChar>) {
            self.name = name
            self.address = address
            bytes = Array(name.utf8CString)
        }

        func matches(_ pointer: UnsafePointer<xmlChar>) -> Bool {
            bytes.withUnsafeBufferPointer { strcmp($0.baseAddress!, UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)) == 0 }
        }
    }

    /// Names kept by `ElementNames`: far beyond the field names a file may have.
    static let maximumCachedNames = 4 * maximumFieldNames

    /// The text of the node at the cursor; the pointer is owned by the reader, so it is copied.
    func currentValue() -> String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The line of the node at the cursor (its parent element's for an entity reference), for
    /// errors found by this reader rather than libxml2; the parser's own line runs ahead of it.
    var nodeLine: Int? {
        let line = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
        return line > 0 ? line : parserLine
    }

    /// The line the parser has reached, which may be past the cursor since libxml2 reads ahead.
    var parserLine: Int? {
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        return line > 0 ? line : nil
    }
}
