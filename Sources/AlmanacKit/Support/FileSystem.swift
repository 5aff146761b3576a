import Foundation

// What a path is, asked of the file system directly (one `stat` or `lstat` each).

func isDirectory(_ url: URL) -> Bool {
    var info = stat()
    return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

/// Whether anything (a file, a folder, a link, even a dangling one) has this name.
func exists(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0
}

/// Whether `url` is, or links to, a regular file.
func isRegularFile(_ url: URL) -> Bool {
    var info = stat()
    return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

func isSymbolicLink(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

/// Writes all of `bytes` at the descriptor's offset (again after an interrupted
/// call, on from where a short one stopped); why not, if it could not.
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return written < 0 ? String(cString: strerror(errno)) : "no byte could be written" }
        offset += written
    }
    return nil
}

/// The path with every link resolved, or nil for a dangling link or a loop.
func realPath(_ url: URL) -> String? {
    guard let resolved = realpath(url.path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// What `readdir` says of the names in a folder, without a system call per name.
enum DirectoryEntries {
    enum FileType {
        case regular, directory, other
        /// A name that is not UTF-8: no path in a `String` can reach it. The
        /// name is given with `\xHH` for each byte that is not part of a character.
        case invalidName
    }

    /// Every name in the folder (without `.` and `..`) in the order of its UTF-8
    /// bytes: regular files and folders as the directory reports them; links,
    /// other kinds and names the file system does not type are `.other`. Nil
    /// when the folder cannot be read.
    static func sorted(in path: String) -> [(name: String, type: FileType)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        // The names are gathered as bytes, each ended by its NUL, and their offsets
        // sorted with `strcmp` (which orders as the bytes do): no `String` is made
        // or moved until the order is known.
        var bytes: [CChar] = []
        var found: [(offset: Int, type: FileType)] = []
        while let entry = readdir(directory) {
            let type: FileType = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .regular
            case Int32(DT_DIR): .directory
            default: .other
            }
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.bindMemory(to: CChar.self)
                let length = strnlen(name.baseAddress!, name.count)
                if (length == 1 && name[0] == 0x2E) || (length == 2 && name[0] == 0x2E && name[1] == 0x2E) { return }
                found.append((bytes.count, type))
                bytes.append(contentsOf: name[..<length])
                bytes.append(0)
            }
        }
        guard !found.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { names in
            let base = names.baseAddress!
            found.sort { strcmp(base + $0.offset, base + $1.offset) < 0 }
            return found.map { found in
                if let name = String(validatingCString: base + found.offset) { return (name, found.type) }
                return (shown(base + found.offset), .invalidName)
            }
        }
    }

    /// A name that is not UTF-8, with `\xHH` for each byte that starts no character.
    private static func shown(_ name: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
        var result = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            var decoder = UTF8()
            var iterator = rest.makeIterator()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                result.unicodeScalars.append(scalar)
                rest = rest.dropFirst(UTF8.width(scalar))
            case .error, .emptyInput:
                result += "\\x" + hex(rest.first!)
                rest = rest.dropFirst()
            }
        }
        return result
    }
}
