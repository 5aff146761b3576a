import Foundation

/// A file of the site found by the loader, not yet read.
public struct ContentFile: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        case siteConfig
        case entry(EntryID)
        /// Under `Content/static/`: copied to `Output/` at `outputPath`.
        case staticFile(outputPath: String)
    }

    /// Where static files are, relative to the site's root.
    static let staticFolder = "Content/static"

    public let role: Role
    /// Relative to the site's root, e.g. `Content/actors/csto.md`.
    public let path: String
    /// Absolute, for reading. (A string: a site has tens of thousands of files,
    /// and building a `URL` for each was a large part of listing them.)
    public let absolutePath: String

    public var url: URL { URL(fileURLWithPath: absolutePath, isDirectory: false) }

    public init(role: Role, path: String, absolutePath: String) {
        self.role = role
        self.path = path
        self.absolutePath = absolutePath
    }

    public init(role: Role, path: String, url: URL) {
        self.init(role: role, path: path, absolutePath: url.path)
    }
}

/// The site's text files are UTF-8; this says where one is not.
enum TextDecoding {
    enum Failure: Error, Equatable {
        case binary
        case invalidUTF8(byteOffset: Int)
    }

    /// The text of `data` without a leading byte order mark.
    static func decode(_ data: Data) -> Result<String, Failure> {
        // On the bytes themselves: `Data`'s iterator costs a call per byte.
        let decoded: Result<String, Failure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return .failure(.binary) }
            // The standard library's validation is fast; the offset is only looked for when it fails.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(.invalidUTF8(byteOffset: firstInvalidUTF8Offset(data) ?? 0))
            }
            return .success(text)
        }
        return decoded.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
    }

    /// The 1-based line and column (in characters, as editors count) of the byte at `offset`.
    static func position(ofByte offset: Int, in data: Data) -> SourcePosition {
        let prefix = data.prefix(offset)
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? prefix.startIndex
        let line = prefix.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return SourcePosition(line: line, column: column)
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int? in
            var iterator = buffer.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
    }
}
