import LoysiteSupport

/// Builds SVG (and the little HTML around it) as text. Every attribute value and every
/// piece of text content goes through `Escape.xml`, so no label from a dataset can
/// break out of its element; numbers go through `SVGNumber`. One element per line and
/// never a blank line, so the fragment also survives being dropped into Markdown output.
struct SVGWriter {
    typealias Attributes = KeyValuePairs<String, String>

    /// The markup written so far, when no place for the id prefix was left in it.
    var output: String {
        precondition(finished.isEmpty, "markup with id places is read as `markup`")
        return current
    }

    /// The markup written so far, with its places for the figure's id prefix.
    var markup: SVGMarkup { SVGMarkup(pieces: finished + [current]) }

    /// What was written before each place for the id prefix, then what came after the last.
    private var finished: [String] = []
    private var current = ""

    /// `<name id="PREFIXsuffix" a="…">` with the figure's id prefix left open (see
    /// `SVGMarkup`); `suffix` is XML-escaped. Pair with `close(name)`.
    mutating func open(_ name: String, idPrefixed suffix: String, _ attributes: Attributes = [:]) {
        current += "<" + name + " id=\""
        leavePlaceForIDPrefix()
        current += Escape.xml(suffix) + "\""
        append(attributes)
        current += ">\n"
    }

    /// `<name a="…" key="url(#PREFIXsuffix)"/>`: a reference to an element opened with
    /// `open(_:idPrefixed:_:)`, as the last attribute.
    mutating func empty(_ name: String, _ attributes: Attributes, _ key: String, urlOfIDPrefixed suffix: String) {
        current += "<" + name
        append(attributes)
        current += " " + key + "=\"url(#"
        leavePlaceForIDPrefix()
        current += Escape.xml(suffix) + ")\"/>\n"
    }

    private mutating func leavePlaceForIDPrefix() {
        finished.append(current)
        current = ""
    }

    /// `<name a="…">` — pair with `close(name)`.
    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        current += "<" + name
        append(attributes)
        current += ">\n"
    }

    mutating func close(_ name: String) {
        current += "</" + name + ">\n"
    }

    /// `<name a="…"/>`
    mutating func empty(_ name: String, _ attributes: Attributes) {
        current += "<" + name
        append(attributes)
        current += "/>\n"
    }

    /// `<name a="…">text</name>` with `text` escaped.
    mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
        current += "<" + name
        append(attributes)
        current += ">" + Escape.xml(text) + "</" + name + ">\n"
    }

    /// A `<text>` element whose visible text may be shortened; the full text then goes
    /// into a `<title>` child, which browsers show as a tooltip.
    mutating func label(_ visible: String, full: String, _ attributes: Attributes) {
        current += "<text"
        append(attributes)
        current += ">"
        if visible != full { current += "<title>" + Escape.xml(full) + "</title>" }
        current += Escape.xml(visible) + "</text>\n"
    }

    /// `<title>` as the first child of a mark (a bar, a point): the tooltip a browser
    /// shows on hover. Call right after `open` of the mark's group.
    mutating func tooltip(_ text: String) {
        current += "<title>" + Escape.xml(text) + "</title>\n"
    }

    /// Text that is already markup (produced by another writer).
    mutating func raw(_ markup: String) {
        current += markup
        if !markup.hasSuffix("\n") { current += "\n" }
    }

    /// `open` with attributes built up at run time (some only in some cases), in order.
    mutating func open(_ name: String, pairs: [(String, String)]) {
        current += "<" + name
        for (key, value) in pairs { append(key, value) }
        current += ">\n"
    }

    /// `empty` with attributes built up at run time, in order.
    mutating func empty(_ name: String, pairs: [(String, String)]) {
        current += "<" + name
        for (key, value) in pairs { append(key, value) }
        current += "/>\n"
    }

    private mutating func append(_ attributes: Attributes) {
        for (key, value) in attributes { append(key, value) }
    }

    private mutating func append(_ key: String, _ value: String) {
        current += " " + key + "=\"" + Escape.xml(value) + "\""
    }
}
