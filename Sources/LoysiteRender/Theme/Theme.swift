import Foundation
import LoysiteSupport
import LoysiteContent

/// The templates and assets a site is rendered with: the built-in default theme, with
/// any file of the root's `templates/` folder replacing the built-in one of that name
/// (`templates/term.mustache`, `templates/assets/style.css`) or adding to it.
package struct Theme: Sendable {
    /// Parsed templates by name (file name without `.mustache`).
    package private(set) var templates: [String: Template]
    /// Files copied to `site/assets/`, by path relative to it.
    package private(set) var assets: [String: Data]
    /// Template names available, for checks and diagnostics.
    package private(set) var templateNames: Set<String>

    /// No templates and no assets: a placeholder before a theme is loaded.
    package static let empty = Theme(templates: [:], assets: [:], templateNames: [])

    /// The templates every build needs.
    static let required = ["base", "header", "footer", "home", "glossary", "term", "page", "report", "reports", "404"]

    package static func load(root: URL) -> (theme: Theme, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [String: (text: String, path: String)] = [:]
        // A built-in template is named as the file it was made from, so its problems read
        // like those of a site's own templates/ file.
        for (name, text) in BuiltinTheme.templates { sources[name] = (text, SiteLayout.templateFile(name)) }
        var assets: [String: Data] = [:]
        for (path, text) in BuiltinTheme.assets { assets[path] = Data(text.utf8) }

        let folder = root.appendingPathComponent(SiteLayout.templatesFolder)
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
            let base = folder.standardizedFileURL.path + "/"
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
                if relative.hasPrefix(SiteLayout.Output.assetsFolder) {
                    assets[String(relative.dropFirst(SiteLayout.Output.assetsFolder.count))] = FileManager.default.contents(atPath: url.path)
                } else if relative.hasSuffix(".mustache"), !relative.contains("/") {
                    switch SourceText.read(url, relativePath: SiteLayout.templatesFolder + "/" + relative) {
                    case .success(let source): sources[String(relative.dropLast(".mustache".count))] = (source.text, source.path)
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
            }
        }

        var templates: [String: Template] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try Template(string: source.text)
            } catch let error as TemplateSyntaxError {
                for problem in error.problems {
                    diagnostics.append(.error(problem.message, at: SourceLocation(file: source.path, line: problem.line, column: problem.column)))
                }
            } catch {
                diagnostics.append(.error("template error: \(error)", at: SourceLocation(file: source.path)))
            }
        }
        // A name that is not a template renders as nothing (as the Mustache spec says),
        // which a typo would make too: worth a warning.
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for inclusion in template.inclusions where sources[inclusion.template] == nil {
                let problem = TemplateProblem(.noSuchTemplate(tag: inclusion.tag, templates: sources.keys.sorted()), line: inclusion.line, column: inclusion.column)
                diagnostics.append(.warning(problem.message, at: SourceLocation(file: sources[name]!.path, line: problem.line, column: problem.column)))
            }
        }
        for (name, inclusion) in endlessInclusions(templates) {
            let problem = TemplateProblem(.includesItself(tag: inclusion.tag), line: inclusion.line, column: inclusion.column)
            diagnostics.append(.error(problem.message, at: SourceLocation(file: sources[name]!.path, line: problem.line, column: problem.column)))
        }
        let theme = Theme(templates: templates, assets: assets, templateNames: Set(sources.keys))
        return (theme, diagnostics)
    }

    /// The always-rendered inclusions (by template name) that lead back to the template
    /// they are in: each would make rendering go on without end.
    static func endlessInclusions(_ templates: [String: Template]) -> [(String, Template.Inclusion)] {
        func leadsBack(from start: String, to target: String) -> Bool {
            var seen: Set<String> = []
            var next = [start]
            while let name = next.popLast() {
                if name == target { return true }
                guard seen.insert(name).inserted, let template = templates[name] else { continue }
                next += template.inclusions.filter(\.always).map(\.template)
            }
            return false
        }
        var result: [(String, Template.Inclusion)] = []
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for inclusion in template.inclusions where inclusion.always && leadsBack(from: inclusion.template, to: name) {
                result.append((name, inclusion))
            }
        }
        return result
    }

    /// Renders `template` with `context`; "" when there is no template of that name.
    /// The page is cleared of control characters other than tab and line breaks: they
    /// are errors in HTML, and text from front matter or data reaches templates as is.
    package func render(_ template: String, context: TemplateValue) -> String {
        String(decoding: renderData(template, context: context), as: UTF8.self)
    }

    /// Renders `template` into UTF-8 bytes, for writing the page: the text is made of
    /// strings already, so it need not be checked again as a new string would be.
    package func renderData(_ template: String, context: TemplateValue) -> Data {
        guard let parsed = templates[template] else { return Data() }
        var renderer = TemplateRenderer(templates: templates)
        let output = renderer.renderOutput(parsed, context: context)
        if renderer.mayHoldControlCharacters { output.removeControlCharacters() }
        return output.takeData()
    }

    /// Renders with a loosely typed context (dictionaries, arrays, strings, numbers, bools).
    package func render(_ template: String, context: [String: Any]) -> String {
        render(template, context: TemplateValue(any: context))
    }

    package func hasTemplate(_ name: String) -> Bool { templateNames.contains(name) }
}
