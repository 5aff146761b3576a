import Foundation
import HummingbirdCore
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// A regular file of the served site, open for reading, with bytes inserted
/// at some offsets as it is sent (the live-reload script in HTML pages).
///
/// It is read with `pread` in chunks of `chunkSize`, each handed to the
/// connection's event loop before the next is read (`send`), and the writer
/// waits while the connection's buffer is full (64 KB): a client that does
/// not read holds about two chunks of the file, not all of it. The file stays open
/// until the response is sent: a rebuild that replaces it meanwhile does not
/// change what this response sends.
final class ServedFile: Sendable {
    struct Insertion: Sendable {
        let offset: Int
        let bytes: [UInt8]
    }

    static let chunkSize = 64 * 1024

    private let descriptor: Int32
    let size: Int
    let insertions: [Insertion]

    /// Opens `path`; nil unless it is a regular file that can be read.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        size = Int(status.st_size)
        insertions = []
    }

    private init(_ other: ServedFile, insertions: [Insertion]) {
        descriptor = dup(other.descriptor)
        size = other.size
        self.insertions = insertions.sorted { $0.offset < $1.offset }
    }

    deinit { close(descriptor) }

    /// The same file, with these bytes inserted.
    func inserting(_ insertions: [Insertion]) -> ServedFile {
        ServedFile(self, insertions: insertions)
    }

    /// Bytes sent: the file's and the insertions'.
    var length: Int { size + insertions.reduce(0) { $0 + $1.bytes.count } }

    /// Up to `count` bytes at `offset`.
    func read(at offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        return Array(bytes.prefix(max(0, got)))
    }

    struct ShortRead: Error {}

    /// Writes the file, with its insertions, to `writer`. After each chunk, a
    /// round trip through `loop` lets the connection take the chunk in and say
    /// whether it is full before the next is read: the writer hands chunks to
    /// the loop without waiting, and would otherwise read the whole file ahead
    /// of a slow client (40 such clients of a 30 MB file held 740 MB).
    func send(to writer: inout some ResponseBodyWriter, pacedBy loop: any EventLoop) async throws {
        var offset = 0
        for insertion in insertions + [Insertion(offset: size, bytes: [])] {
            while offset < insertion.offset {
                let count = min(Self.chunkSize, insertion.offset - offset)
                var buffer = ByteBufferAllocator().buffer(capacity: count)
                let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { space in
                    max(0, pread(descriptor, space.baseAddress, count, off_t(offset)))
                }
                // The file shrank under us: the length sent is wrong, so the connection must end.
                guard got > 0 else { throw ShortRead() }
                offset += got
                try await writer.write(buffer)
                try await loop.submit {}.get()
            }
            if !insertion.bytes.isEmpty { try await writer.write(ByteBuffer(bytes: insertion.bytes)) }
        }
    }

    /// The offset of the first (or last) occurrence of `needle`, ASCII letters
    /// compared without case, reading the file a chunk at a time.
    func offset(of needle: String, last: Bool) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty, pattern.count <= size else { return nil }
        let step = Self.chunkSize
        // Chunks overlap by the pattern's length less one, so no occurrence falls between two.
        var starts = Array(stride(from: 0, to: size - pattern.count + 1, by: step))
        if last { starts.reverse() }
        for start in starts {
            let bytes = read(at: start, count: min(step + pattern.count - 1, size - start)).map(Self.lowercased)
            guard bytes.count >= pattern.count else { continue }
            let candidates = 0...(bytes.count - pattern.count)
            let matches = { (index: Int) in bytes[index..<(index + pattern.count)].elementsEqual(pattern) }
            let found = last ? candidates.reversed().first(where: matches) : candidates.first(where: matches)
            if let found { return start + found }
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
