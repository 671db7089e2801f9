/// Appends SVG markup to a string, escaping every attribute value and text node.
///
/// Charts never concatenate raw caller text: labels, titles and ids all pass through
/// ``XML/escape(_:)`` here, which is what makes a category named `<script>` harmless.
/// Numbers go through ``ChartFormat/coordinate(_:)`` so output is compact and byte-stable.
struct SVGWriter {
    /// An attribute list; `nil` values are left out, which keeps optional attributes tidy.
    typealias Attributes = [(String, String?)]

    private(set) var output = ""

    /// A coordinate or length as written in SVG: at most two decimals, never `NaN`.
    static func n(_ value: Double) -> String { ChartFormat.coordinate(value) }

    /// Writes `<name attrs>`; pair with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: Attributes = []) {
        output += "<" + name
        append(attributes)
        output += ">"
    }

    /// Writes `</name>`.
    mutating func close(_ name: String) {
        output += "</" + name + ">"
    }

    /// Writes an empty element, or one holding a `<title>` tooltip when `tooltip` is given.
    mutating func element(_ name: String, _ attributes: Attributes, tooltip: String? = nil) {
        output += "<" + name
        append(attributes)
        if let tooltip {
            output += "><title>" + XML.escape(tooltip) + "</title></" + name + ">"
        } else {
            output += "/>"
        }
    }

    /// Writes escaped character data.
    mutating func text(_ content: String) {
        output += XML.escape(content)
    }

    /// Writes `<text>` at (`x`, `y`), shortened to `maxWidth` with the full text as a tooltip.
    ///
    /// `anchor` is the SVG `text-anchor` (`start`, `middle`, `end`); `start` is left out as the default.
    /// `fontSize` is written unless it is 12 or `inheritsSize` says an enclosing group sets it.
    mutating func label(
        _ content: String, x: Double, y: Double, anchor: String = "start",
        maxWidth: Double? = nil, fontSize: Double = 12, inheritsSize: Bool = false, _ attributes: Attributes = []
    ) {
        var shown = content
        var tooltip: String?
        if let maxWidth {
            let fitted = TextMetrics.truncate(content, toWidth: Swift.max(maxWidth, 0), fontSize: fontSize)
            shown = fitted.text
            if fitted.truncated { tooltip = content }
        }
        var all: Attributes = [("x", SVGWriter.n(x)), ("y", SVGWriter.n(y))]
        if anchor != "start" { all.append(("text-anchor", anchor)) }
        if fontSize != 12 && !inheritsSize { all.append(("font-size", SVGWriter.n(fontSize))) }
        open("text", all + attributes)
        text(shown)
        if let tooltip { output += "<title>" + XML.escape(tooltip) + "</title>" }
        close("text")
    }

    /// Appends markup that is already well-formed, such as a nested writer's output.
    mutating func raw(_ markup: String) {
        output += markup
    }

    private mutating func append(_ attributes: Attributes) {
        for (name, value) in attributes {
            guard let value else { continue }
            output += " " + name + "=\"" + XML.escape(value) + "\""
        }
    }
}
