/// A Hugo shortcode's name and arguments: `glossary_tooltip text="Pods" term_id="pod"`,
/// `ref "page.md"`, `/notice` (a closing tag).
struct ShortcodeCall {
    var name = ""
    var closing = false
    var positional: [String] = []
    var named: [String: String] = [:]

    init(_ text: String) {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var hadQuote = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            // Straight and curly quotes: a shortcode pasted through a word processor.
            if character == "\"" || character == "`" || character == "\u{201C}" || character == "\u{201D}" {
                quote = character == "\u{201C}" ? "\u{201D}" : character
                hadQuote = true
                continue
            }
            if character == " " || character == "\t" || character == "\n" {
                if !current.isEmpty || hadQuote { tokens.append(current) }
                current = ""
                hadQuote = false
                continue
            }
            current.append(character)
        }
        if !current.isEmpty || hadQuote { tokens.append(current) }
        guard var first = tokens.first else { return }
        if first.hasPrefix("/") {
            closing = true
            first.removeFirst()
        }
        name = first
        for token in tokens.dropFirst() {
            if let equals = token.firstIndex(of: "="), equals != token.startIndex {
                named[String(token[..<equals]).lowercased()] = String(token[token.index(after: equals)...])
            } else {
                positional.append(token)
            }
        }
    }
}

/// A Liquid tag's name and its arguments (`link _glossary/term.md`).
struct LiquidWords {
    var name: String
    var arguments: [String]

    init(_ text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        name = words.first ?? ""
        arguments = Array(words.dropFirst())
    }
}

/// An MDN macro call: a name, optionally with arguments in parentheses
/// (`Glossary("HTTP", "web protocol")`, `GlossarySidebar`).
struct MacroCall {
    var name: String
    var arguments: [String]

    init?(_ text: String) {
        let name = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard let first = name.first, first.isLetter else { return nil }
        var rest = text.dropFirst(name.count).trimmingBlanks()[...]
        self.name = String(name)
        arguments = []
        if rest.isEmpty { return }
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return nil }
        rest = rest.dropFirst().dropLast()
        var current = ""
        var quote: Character?
        for character in rest {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "," {
                arguments.append(current.trimmingBlanks())
                current = ""
            } else {
                current.append(character)
            }
        }
        arguments.append(current.trimmingBlanks())
    }
}
