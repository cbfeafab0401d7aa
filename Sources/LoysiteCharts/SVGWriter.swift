import LoysiteSupport

/// Builds SVG (and the little HTML around it) as text. Every attribute value and every
/// piece of text content goes through `Escape.xml`, so no label from a dataset can
/// break out of its element; numbers go through `SVGNumber`. One element per line and
/// never a blank line, so the fragment also survives being dropped into Markdown output.
struct SVGWriter {
    typealias Attributes = KeyValuePairs<String, String>

    private(set) var output = ""

    /// `<name a="…">` — pair with `close(name)`.
    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        output += "<" + name
        append(attributes)
        output += ">\n"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// `<name a="…"/>`
    mutating func empty(_ name: String, _ attributes: Attributes) {
        output += "<" + name
        append(attributes)
        output += "/>\n"
    }

    /// `<name a="…">text</name>` with `text` escaped.
    mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
        output += "<" + name
        append(attributes)
        output += ">" + Escape.xml(text) + "</" + name + ">\n"
    }

    /// A `<text>` element whose visible text may be shortened; the full text then goes
    /// into a `<title>` child, which browsers show as a tooltip.
    mutating func label(_ visible: String, full: String, _ attributes: Attributes) {
        output += "<text"
        append(attributes)
        output += ">"
        if visible != full { output += "<title>" + Escape.xml(full) + "</title>" }
        output += Escape.xml(visible) + "</text>\n"
    }

    /// `<title>` as the first child of a mark (a bar, a point): the tooltip a browser
    /// shows on hover. Call right after `open` of the mark's group.
    mutating func tooltip(_ text: String) {
        output += "<title>" + Escape.xml(text) + "</title>\n"
    }

    /// Text that is already markup (produced by another writer).
    mutating func raw(_ markup: String) {
        output += markup
        if !markup.hasSuffix("\n") { output += "\n" }
    }

    /// `open` with attributes built up at run time (some only in some cases), in order.
    mutating func open(_ name: String, pairs: [(String, String)]) {
        output += "<" + name
        for (key, value) in pairs { append(key, value) }
        output += ">\n"
    }

    /// `empty` with attributes built up at run time, in order.
    mutating func empty(_ name: String, pairs: [(String, String)]) {
        output += "<" + name
        for (key, value) in pairs { append(key, value) }
        output += "/>\n"
    }

    private mutating func append(_ attributes: Attributes) {
        for (key, value) in attributes { append(key, value) }
    }

    private mutating func append(_ key: String, _ value: String) {
        output += " " + key + "=\"" + Escape.xml(value) + "\""
    }
}
