/// A drawing's SVG with the places where the figure's id prefix goes left open, so that
/// one drawing serves every figure that shows the same chart (a report template repeats
/// its charts on every report page; each figure's ids must still be its own).
struct SVGMarkup: Sendable, Equatable {
    /// The text between the places, in order: n pieces leave n − 1 places.
    private let pieces: [String]

    /// Markup that names no id.
    init(_ text: String) {
        pieces = [text]
    }

    init(pieces: [String]) {
        self.pieces = pieces
    }

    /// The markup with `idPrefix` (already safe for an id and a URL fragment) in every place.
    func text(idPrefix: String) -> String {
        pieces.count == 1 ? pieces[0] : pieces.joined(separator: idPrefix)
    }
}
