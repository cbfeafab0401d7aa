/// JSON text written straight to UTF-8 bytes, member by member, with `JSONValue`'s
/// escaping: for the site-wide files' entries, one per page (search index, search
/// script, JSON-LD), where building a `JSONValue` tree of each only to serialize it made
/// an array of pairs, strings and enum boxes per entry and took them apart again.
/// `JSONWriterTests` hold it to `JSONValue.serialized` (compact form).
package struct JSONWriter: ~Copyable {
    private var bytes: ByteBuffer
    /// Whether the next member or item follows another in its object or array.
    private var followsValue = false

    package init(capacity: Int = 256) {
        bytes = ByteBuffer(capacity: capacity)
    }

    /// The text written.
    package var text: String { bytes.text }

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        followsValue = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        followsValue = true
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        followsValue = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        followsValue = true
    }

    /// A member's name and colon; its value is written next.
    package mutating func key(_ name: String) {
        separate()
        JSONValue.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    package mutating func string(_ text: String) {
        separate()
        JSONValue.writeString(text, to: &bytes)
        followsValue = true
    }

    /// `key` then `string`.
    package mutating func member(_ name: String, _ text: String) {
        key(name)
        string(text)
    }

    /// An array of strings.
    package mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }
}
