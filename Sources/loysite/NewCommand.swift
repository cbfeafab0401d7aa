import ArgumentParser
import Foundation
import LoysiteContent
import LoysiteMetrics

/// `loysite new term|report|page "Title"`: starts a content file with front matter
/// that builds as it is, so a new term is one command and an edit away.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a glossary term, report or page from a title.",
        discussion: """
        Writes content/glossary/<slug>.md (term), content/reports/<slug>.md (report, dated \
        today) or content/pages/<slug>.md (page), the slug made from the title, and prints \
        the path. Never overwrites: an existing file, or another page with the same URL, \
        is an error.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case term, report, page

        var scaffoldKind: ContentScaffold.Kind { ContentScaffold.Kind(rawValue: rawValue)! }
    }

    @Argument(help: ArgumentHelp("What to create: term, report or page.", valueName: "kind"))
    var kind: Kind

    @Argument(help: ArgumentHelp("The title, in quotes: \"Net Promoter Score\".", valueName: "title"))
    var title: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The URL slug (default: made from the title).", valueName: "slug"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("A report's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, NewCommand.parseDate(date) == nil {
            throw ValidationError("--date must be a date like 2026-03-31, found '\(date)'")
        }
    }

    func run() throws {
        let day = date.flatMap(NewCommand.parseDate) ?? NewCommand.today()
        do {
            let scaffold = try ContentScaffold(kind: kind.scaffoldKind, title: title, slug: slug, date: day)
            let url = try scaffold.write(root: site.rootURL)
            print(site.display(url))
        } catch {
            DiagnosticPrinter.note("error: \(error)")
            throw ExitCode(1)
        }
    }

    static func parseDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Today in the local time zone: the date the author sees on their calendar.
    static func today() -> CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate(dayNumber: 0)
    }
}
