import LoysiteSupport

extension CSVRecord {
    /// Where the record stops being UTF-8: the field, the place of the bad byte, and the
    /// byte. Nil for a record of text. The reader hands out bytes, and a field decoded
    /// with U+FFFD in it would be a wrong id or name with no message.
    func firstInvalidUTF8() -> (field: Int, position: CSVPosition, byte: UInt8)? {
        guard count > 0, !isASCII else { return nil }
        // The whole record in one pass (quotes and commas are ASCII); fields only when
        // it fails.
        let first = fields[0].rawStart
        let last = fields[count - 1]
        let end = last.end + (last.rawStart != last.start ? 1 : 0)
        guard UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(start: base + first, count: end - first)) != nil else { return nil }
        for index in 0..<count {
            if let offset = UTF8Validation.firstInvalidByte(in: rawBytes(of: index)) {
                let at = fields[index].start + offset
                return (index, position(ofOffset: at), base[at])
            }
        }
        return nil
    }
}
