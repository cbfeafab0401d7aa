/// A chart drawn at every width, before it is given its ids (`ChartRenderer.prepare`):
/// the same spec over the same table with the same options is one drawing, however
/// many blocks show it.
package struct PreparedChart: Sendable {
    let type: ChartType
    let title: String?
    /// The drawings; each one's `idPrefix` is set by `html(idPrefix:)`.
    let variants: [ChartFigure.Variant]
    let table: HTMLDataTable?
    let note: String?

    /// The figure `ChartRenderer.render` gives with `ChartOptions.idPrefix` = `idPrefix`.
    package func html(idPrefix: String) -> String {
        let prefix = ChartOptions.safeIDPrefix(idPrefix)
        let named = variants.map { variant in
            var variant = variant
            variant.idPrefix = prefix + (variant.role?.idSuffix ?? "")
            return variant
        }
        return ChartFigure.html(type: type, title: title, variants: named, table: table, figureID: prefix, note: note)
    }
}
