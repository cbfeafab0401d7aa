import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed element, for checking the markup the charts produce.
final class Node {
    let name: String
    let attributes: [String: String]
    var children: [Node] = []
    /// Text directly inside (not in child elements).
    var text = ""
    /// Text and child elements in document order, for `fullText`.
    fileprivate var content: [Content] = []
    fileprivate enum Content { case text(String), node(Node) }
    weak var parent: Node?

    init(name: String, attributes: [String: String], parent: Node?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    /// This node and all its descendants, in document order.
    var all: [Node] { [self] + children.flatMap(\.all) }

    func descendants(_ name: String) -> [Node] { all.filter { $0.name == name } }

    func withClass(_ className: String) -> [Node] {
        all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// All text inside, children's included, in document order.
    var fullText: String {
        content.map { item in
            switch item {
            case .text(let text): return text
            case .node(let node): return node.fullText
            }
        }.joined()
    }

    /// Text directly inside, without a `<title>` child's tooltip.
    var ownText: String { text }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    /// An attribute, looked up through ancestors like an inherited SVG property.
    func inherited(_ attribute: String) -> String? {
        attributes[attribute] ?? parent?.inherited(attribute)
    }
}

enum XMLCheck {
    enum Failure: Error, CustomStringConvertible {
        case invalid(String)
        var description: String { if case .invalid(let message) = self { return message }; return "" }
    }

    /// Parses `markup` with Foundation's XMLParser (wrapped in a root, since a page
    /// fragment may have several top-level elements). Throws when it is not well-formed.
    static func parse(_ markup: String) throws -> Node {
        let parser = XMLParser(data: Data(("<root>" + markup + "</root>").utf8))
        let delegate = TreeBuilder()
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw Failure.invalid("XMLParser rejected the markup: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: Node?
        var stack: [Node] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = Node(name: name, attributes: attributes, parent: stack.last)
            stack.last?.children.append(node)
            stack.last?.content.append(.node(node))
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
            stack.last?.content.append(.text(string))
        }
    }
}

/// Geometry checks over a parsed `<svg>`.
struct SVGGeometry {
    let svg: Node
    let width: Double
    let height: Double

    init(_ svg: Node) {
        self.svg = svg
        let box = (svg.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        self.width = box.count == 4 ? box[2] : 0
        self.height = box.count == 4 ? box[3] : 0
    }

    /// Every coordinate-like attribute and path coordinate that lies outside the viewBox
    /// (with a hair of tolerance for rounding), as "element attribute=value" strings.
    func outOfBounds() -> [String] {
        var problems: [String] = []
        let tolerance = 0.01
        for node in svg.all where node !== svg {
            for key in ["x", "x1", "x2", "cx"] {
                if let value = node.number(key), value < -tolerance || value > width + tolerance {
                    problems.append("\(node.name) \(key)=\(value)")
                }
            }
            for key in ["y", "y1", "y2", "cy"] {
                if let value = node.number(key), value < -tolerance || value > height + tolerance {
                    problems.append("\(node.name) \(key)=\(value)")
                }
            }
            if node.name == "rect", node.parent?.name != "linearGradient" {
                let x = node.number("x") ?? 0, y = node.number("y") ?? 0
                let w = node.number("width") ?? 0, h = node.number("height") ?? 0
                if w < 0 || h < 0 || x + w > width + tolerance || y + h > height + tolerance {
                    problems.append("rect \(x),\(y) \(w)×\(h)")
                }
            }
            if node.name == "path", let d = node.attributes["d"] {
                for (x, y) in Self.pathPoints(d) where x < -tolerance || x > width + tolerance || y < -tolerance || y > height + tolerance {
                    problems.append("path point \(x),\(y)")
                }
            }
        }
        return problems
    }

    /// The end points of M, L and A commands in a path (absolute commands only, as the
    /// charts write them).
    static func pathPoints(_ d: String) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        var command: Character = "M"
        var numbers: [Double] = []
        func flush() {
            switch command {
            case "M", "L":
                var index = 0
                while index + 1 < numbers.count { points.append((numbers[index], numbers[index + 1])); index += 2 }
            case "A":
                var index = 0
                while index + 6 < numbers.count { points.append((numbers[index + 5], numbers[index + 6])); index += 7 }
            default: break
            }
            numbers = []
        }
        var token = ""
        for character in d {
            if character.isLetter {
                if !token.isEmpty { numbers.append(Double(token) ?? .nan); token = "" }
                flush()
                command = character
            } else if character == " " || character == "," {
                if !token.isEmpty { numbers.append(Double(token) ?? .nan); token = "" }
            } else {
                token.append(character)
            }
        }
        if !token.isEmpty { numbers.append(Double(token) ?? .nan) }
        flush()
        return points
    }
}
