import CLibXML2

extension XMLRecordReader {
    /// One open element inside a record, collecting its direct text until its end tag.
    struct Frame {
        /// The field name: the element's name, or its `val` attribute for a Zoho `FL`.
        var name: String
        var text = ""
        var hasChildElements = false
    }

    /// The fields of the record element at the cursor, in document order, leaving the cursor on
    /// its end tag.
    ///
    /// A leaf element gives its text (text and CDATA concatenated as written, "" when empty); an
    /// element with child elements gives its own text only when that is not all whitespace (mixed
    /// content), so indentation never becomes a value. Memory is this record's text, nothing more.
    func readFields(recordName: String) throws -> [(name: String, value: String)] {
        let recordAttributes = try readAttributes()
        var fields: [(name: String, value: String)] = []
        var isZohoRow = false
        if xmlTextReaderIsEmptyElement(reader) != 1 {
            var frames = [Frame(name: recordName)]
            while !frames.isEmpty {
                guard try advance() else {
                    throw IngestError(
                        file: file, line: nodeLine, problem: "the file ends inside record \(recordCount + 1).",
                        hint: "The export was probably cut short; export the table again.")
                }
                switch nodeType {
                case XML_READER_TYPE_ELEMENT:
                    frames[frames.count - 1].hasChildElements = true
                    let element = currentName()
                    var attributes = try readAttributes()
                    var frame = Frame(name: element)
                    if element == "FL", let val = attributes.firstIndex(where: { $0.name == "val" }) {
                        frame.name = attributes.remove(at: val).value
                        isZohoRow = true
                    }
                    fields += attributes
                    if xmlTextReaderIsEmptyElement(reader) == 1 {
                        fields.append((frame.name, ""))
                    } else {
                        frames.append(frame)
                    }
                case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA,
                     XML_READER_TYPE_WHITESPACE, XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                    frames[frames.count - 1].text += currentValue()
                case XML_READER_TYPE_END_ELEMENT:
                    let frame = frames.removeLast()
                    let isBlank = frame.text.allSatisfy(\.isWhitespace)
                    if frames.isEmpty {
                        if !isBlank { fields.append((frame.name, frame.text)) }
                    } else {
                        if !frame.hasChildElements || !isBlank { fields.append((frame.name, frame.text)) }
                    }
                case XML_READER_TYPE_ENTITY_REFERENCE:
                    throw entityError(line: nodeLine)
                default:
                    continue
                }
            }
        }
        return isZohoRow ? fields : recordAttributes + fields
    }

    /// The attributes of the element at the cursor, as written, without namespace declarations;
    /// leaves the cursor back on the element.
    ///
    /// Values are read node by node with `xmlTextReaderReadAttributeValue` so an entity reference
    /// is seen (and refused) rather than expanded by `xmlNodeListGetString`. Attributes are
    /// visited by index because `MoveToNextAttribute` cannot continue from a value node.
    func readAttributes() throws -> [(name: String, value: String)] {
        let count = xmlTextReaderAttributeCount(reader)
        guard count > 0 else { return [] }
        let line = nodeLine
        var attributes: [(name: String, value: String)] = []
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
            attributes.append((name, value))
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
