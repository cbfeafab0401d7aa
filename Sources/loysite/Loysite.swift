import ArgumentParser
import LoysiteBuild

@main
struct Loysite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loysite",
        abstract: "Build a customer-loyalty website — a glossary and dashboards — from Markdown and data.",
        discussion: """
        A site root holds content/ (site.yml, glossary/, reports/, pages/, data/) and, \
        optionally, templates/ to override the built-in theme. Exit status: 0 success, \
        1 content errors (or warnings with --strict), 64 usage error.
        """,
        version: LoysiteVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, MetricsCommand.self],
        defaultSubcommand: nil
    )
}
