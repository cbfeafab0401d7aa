import Foundation
import LoysiteSupport

/// What each item of a page's list sections rendered to, kept from one render of the
/// page to the next, so that a page of 10,000 list items (the A–Z page) is made again by
/// copying the bytes of the items that are the same and rendering only the others.
///
/// Nothing is assumed about the template: while an item is rendered the renderer records
/// whether anything it showed came from outside the item (`Recording`) — a name found
/// in, or looked for and missing from, the values around it; a block, whose content the
/// templates around it give; the depth limit; a line left open. An item's bytes are
/// kept only when nothing did, and are then a function of the section's body, the depth
/// it is rendered at and the item's value alone, which is the key they are found by (an
/// object by the storage of its members, other values byte for byte as they would be
/// written: see `Item`). A body whose items hold
/// list sections of their own (the A–Z page's letter groups) is not kept — the inner
/// lists' items are — and is not looked for again.
///
/// Kept for one theme: the templates are the bodies' identity. One render at a time.
package final class KeptItemRenderings: @unchecked Sendable {
    /// A section's body, by the address of its nodes (the templates are kept unchanged
    /// with the theme, so the address names one body).
    struct Body: Hashable {
        let address: UInt
        let depth: Int
    }

    struct Key: Hashable {
        let body: Body
        let item: Item
    }

    /// An item by what it is: an object by the storage of its members, which the key
    /// holds, so that storage is neither freed nor (being shared) changed in place while
    /// the key lasts, and the same storage is the same members — found without reading
    /// them (hashing 10,000 entries' text cost more than rendering a few); other values
    /// by their contents.
    enum Item: Hashable {
        case object(members: UInt, held: TemplateObject)
        case value(ItemValue)

        init(_ value: TemplateValue) {
            if case .object(let members) = value {
                let storage = members.members.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
                self = .object(members: storage, held: members)
            } else {
                self = .value(ItemValue(value: value))
            }
        }

        static func == (lhs: Item, rhs: Item) -> Bool {
            switch (lhs, rhs) {
            case (.object(let a, _), .object(let b, _)): return a == b
            case (.value(let a), .value(let b)): return a == b
            default: return false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .object(let storage, _):
                hasher.combine(storage)
            case .value(let value): hasher.combine(value)
            }
        }
    }

    /// What an item being rendered read from outside itself.
    final class Recording {
        /// The item's place in the renderer's stack: values below it are outside.
        let floor: Int
        var readsOutside = false
        /// The item holds a list section; its items are kept instead.
        var holdsList = false

        init(floor: Int) { self.floor = floor }
    }

    /// Each item's bytes and the last render that used them.
    private var kept: [Key: (bytes: [UInt8], render: Int)] = [:]
    private var render = 0
    private var notKept: Set<UInt> = []
    private let lock = NSLock()
    /// The last output's size, reserved for the next.
    private(set) var outputSize = 32_768
    /// Items copied and items rendered by the last render (tests check the copying).
    package private(set) var copiedCount = 0
    package private(set) var renderedCount = 0

    package init() {}

    /// `body` run with this store while its lock is held, counting afresh. Items the
    /// page no longer has are forgotten once they are as many as those it has.
    func rendering(_ body: () -> [UInt8]) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        copiedCount = 0
        renderedCount = 0
        render += 1
        let result = body()
        outputSize = max(result.count, 32_768)
        let used = copiedCount + renderedCount
        if kept.count > 2 * used + 64 { kept = kept.filter { $0.value.render == render } }
        return result
    }

    func bytes(for key: Key) -> [UInt8]? {
        guard let index = kept.index(forKey: key) else { return nil }
        kept.values[index].render = render
        copiedCount += 1
        return kept.values[index].bytes
    }

    func keep(_ bytes: [UInt8], for key: Key) {
        kept[key] = (bytes, render)
    }

    func isKept(_ body: UInt) -> Bool { !notKept.contains(body) }

    func stopKeeping(_ body: UInt) { notKept.insert(body) }

    func countRendered() { renderedCount += 1 }
}

extension KeptItemRenderings {
    /// A template value compared and hashed as it renders: strings by their UTF-8 bytes
    /// (Swift's `==` takes "é" and "e\u{301}" for equal, which are written differently),
    /// doubles by their bits (0.0 and -0.0 print differently), objects' members in order.
    struct ItemValue: Hashable {
        let value: TemplateValue

        static func == (lhs: ItemValue, rhs: ItemValue) -> Bool { same(lhs.value, rhs.value) }

        func hash(into hasher: inout Hasher) { ItemValue.hash(value, into: &hasher) }

        private static func same(_ lhs: TemplateValue, _ rhs: TemplateValue) -> Bool {
            switch (lhs, rhs) {
            case (.string(let a), .string(let b)): return sameBytes(a, b)
            case (.bool(let a), .bool(let b)): return a == b
            case (.int(let a), .int(let b)): return a == b
            case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern
            case (.list(let a), .list(let b)):
                guard a.count == b.count else { return false }
                for index in a.indices where !same(a[index], b[index]) { return false }
                return true
            case (.object(let a), .object(let b)):
                let (members, others) = (a.members, b.members)
                guard members.count == others.count else { return false }
                for index in members.indices {
                    guard sameBytes(members[index].0, others[index].0), same(members[index].1, others[index].1) else { return false }
                }
                return true
            default: return false
            }
        }

        private static func sameBytes(_ a: String, _ b: String) -> Bool {
            let (x, y) = (a.utf8, b.utf8)
            guard x.count == y.count else { return false }
            let fast = x.withContiguousStorageIfAvailable { p in
                y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
            }
            if let fast, let answer = fast { return answer }
            return x.elementsEqual(y)
        }

        private static func hash(_ value: TemplateValue, into hasher: inout Hasher) {
            switch value {
            case .string(let text):
                hasher.combine(0 as UInt8)
                hashBytes(text, into: &hasher)
            case .bool(let flag):
                hasher.combine(1 as UInt8)
                hasher.combine(flag)
            case .int(let number):
                hasher.combine(2 as UInt8)
                hasher.combine(number)
            case .double(let number):
                hasher.combine(3 as UInt8)
                hasher.combine(number.bitPattern)
            case .list(let items):
                hasher.combine(4 as UInt8)
                hasher.combine(items.count)
                for item in items { hash(item, into: &hasher) }
            case .object(let members):
                hasher.combine(5 as UInt8)
                hasher.combine(members.members.count)
                for (name, value) in members.members {
                    hashBytes(name, into: &hasher)
                    hash(value, into: &hasher)
                }
            }
        }

        private static func hashBytes(_ text: String, into hasher: inout Hasher) {
            let utf8 = text.utf8
            hasher.combine(utf8.count)
            if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in utf8 { hasher.combine(byte) }
            }
        }
    }
}

extension TemplateRenderer {
    /// A list section's items with `kept`: each copied from the last render when it is
    /// kept there, else rendered and, when it read nothing from outside itself, kept.
    mutating func renderItems(_ items: [TemplateValue], body: [Template.Node], keeping kept: KeptItemRenderings) {
        // An item being kept that holds this list is not kept: this list's items are.
        if let outer = recording {
            outer.holdsList = true
            recording = nil
        }
        let address = body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        for item in items where !stopped {
            // Bytes are kept only as the first of a line, no indentation in force: what
            // text is written then depends on nothing before it.
            guard kept.isKept(address), indentation.isEmpty, !lineIsOpen else {
                stack.append(item)
                render(body)
                stack.removeLast()
                continue
            }
            let key = KeptItemRenderings.Key(body: .init(address: address, depth: depth), item: .init(item))
            if let bytes = kept.bytes(for: key) {
                let start = output.count
                output.append(bytes)
                if !mayHoldControlCharacters, TemplateRenderer.hasControlCharacter(in: output, from: start) { mayHoldControlCharacters = true }
                continue
            }
            kept.countRendered()
            let start = output.count
            let itemRecording = KeptItemRenderings.Recording(floor: stack.count)
            recording = itemRecording
            stack.append(item)
            render(body)
            stack.removeLast()
            recording = nil
            if itemRecording.holdsList {
                kept.stopKeeping(address)
            } else if !itemRecording.readsOutside, !stopped, !lineIsOpen {
                kept.keep(output.array(from: start), for: key)
            }
        }
    }
}

extension Theme {
    /// `renderData` with the items of its list sections kept in `kept` between renders
    /// (nil: every item rendered): the same bytes, sooner when few items changed.
    package func renderData(_ template: String, context: TemplateValue, keeping kept: KeptItemRenderings?) -> Data {
        guard let kept else { return renderData(template, context: context) }
        guard let parsed = templates[template] else { return Data() }
        var bytes = kept.rendering {
            var renderer = TemplateRenderer(templates: templates)
            renderer.kept = kept
            return renderer.renderBytes(parsed, context: context, capacity: kept.outputSize)
        }
        Escape.removeControlCharacters(&bytes)
        return Data(bytes)
    }
}

extension Template {
    /// `render` with the items of its list sections kept in `kept` between renders.
    package func render(_ context: TemplateValue, partials: [String: Template] = [:], keeping kept: KeptItemRenderings) -> String {
        let bytes = kept.rendering {
            var renderer = TemplateRenderer(templates: partials)
            renderer.kept = kept
            return renderer.renderBytes(self, context: context, capacity: kept.outputSize)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
