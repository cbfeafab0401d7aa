import Foundation
import LoysiteRender
import LoysiteTesting
import Testing

/// The official Mustache specification's tests (`../shared/data/mustache-spec/`, read at
/// test time): every test of the core modules, `~inheritance` and `~dynamic-names` is
/// rendered by loysite's engine and must give the expected output. A failure names the
/// file and the test.
@Suite struct MustacheSpecTests {
    static let folder = Repository.sharedData("mustache-spec")
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"]

    /// Tests loysite knowingly renders otherwise, by file: none. (Dynamic names are
    /// supported; loysite's one departure from the spec, an empty string hiding a
    /// section, is not exercised by the spec's tests.)
    static let knownDepartures: [String: Set<String>] = [:]

    struct SpecFile: Decodable {
        var tests: [SpecTest]
    }

    struct SpecTest: Decodable {
        var name: String
        var desc: String
        var data: SpecValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// A JSON value as the spec writes its data. JSON's null becomes the empty string,
    /// which loysite prints as nothing and treats as false: what the spec asks of null.
    enum SpecValue: Decodable {
        case value(TemplateValue)

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .value(.string("")); return }
            if let bool = try? single.decode(Bool.self) { self = .value(.bool(bool)); return }
            if let int = try? single.decode(Int.self) { self = .value(.int(int)); return }
            if let double = try? single.decode(Double.self) { self = .value(.double(double)); return }
            if let string = try? single.decode(String.self) { self = .value(.string(string)); return }
            if let list = try? single.decode([SpecValue].self) { self = .value(.list(list.map(\.templateValue))); return }
            let object = try single.decode([String: SpecValue].self)
            self = .value(.object(TemplateObject(object.mapValues(\.templateValue))))
        }

        var templateValue: TemplateValue {
            switch self { case .value(let value): return value }
        }
    }

    static func load(_ file: String) throws -> [SpecTest] {
        let data = try Data(contentsOf: folder.appendingPathComponent(file + ".json"))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests
    }

    /// The output of one test, or why it could not be rendered.
    static func render(_ test: SpecTest) -> Result<String, TemplateSyntaxError> {
        do {
            let partials = try (test.partials ?? [:]).mapValues { try Template(string: $0) }
            return .success(try Template(string: test.template).render(test.data.templateValue, partials: partials))
        } catch let error as TemplateSyntaxError {
            return .failure(error)
        } catch {
            return .failure(TemplateSyntaxError(problems: []))
        }
    }

    @Test(arguments: files)
    func everyTestOfTheFilePasses(_ file: String) throws {
        let tests = try Self.load(file)
        #expect(!tests.isEmpty, "\(file).json holds no tests")
        var failed: Set<String> = []
        for test in tests {
            switch Self.render(test) {
            case .success(let output) where output == test.expected:
                continue
            case .success(let output):
                failed.insert(test.name)
                if !(Self.knownDepartures[file] ?? []).contains(test.name) {
                    Issue.record("\(file).json: \(test.name) (\(test.desc)): expected \(String(reflecting: test.expected)), got \(String(reflecting: output)) for template \(String(reflecting: test.template))")
                }
            case .failure(let error):
                failed.insert(test.name)
                Issue.record("\(file).json: \(test.name): the template was refused: \(error)")
            }
        }
        #expect(failed == Self.knownDepartures[file] ?? [], "\(file).json")
    }

    @Test func theSuiteIsAllThere() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        #expect(Set(present.map { String($0.dropLast(".json".count)) }) == Set(Self.files))
        #expect(try Self.files.map { try Self.load($0).count }.reduce(0, +) == 184)
    }
}
