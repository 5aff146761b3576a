import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders of a site (`Content/`, `Templates/`) and everything below
/// them with inotify, and reports the paths that changed, relative to the root,
/// leaving out editors' temporary files (`isScratch`).
///
/// inotify rather than polling: the kernel tells us at once, an idle watcher
/// costs nothing, and a 5,000-file site does not need 5,000 `stat` calls a tick.
/// Folders created later (and `Content/` or `Templates/` themselves, if they
/// appear after the start) are watched as they appear.
final class FileWatcher: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        var description: String {
            switch self { case .unavailable(let reason): "cannot watch files (inotify): \(reason)" }
        }
    }

    private let root: URL
    private let folders: [String]
    private let onChange: @Sendable ([Change]) -> Void
    private let fd: Int32
    private let lock = NSLock()
    /// Watch descriptor to folder path relative to the root ("" is the root).
    private var watched: [Int32: String] = [:]
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?

    private static let folderMask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                           | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR)
    private static let rootMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

    /// A path that changed, and whether it was created (or renamed into place) by this change.
    struct Change: Sendable, Equatable {
        let path: String
        let created: Bool
    }

    init(root: URL, folders: [String], onChange: @escaping @Sendable ([Change]) -> Void) throws(Failure) {
        self.root = root.standardizedFileURL
        self.folders = folders
        self.onChange = onChange
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw .unavailable(String(cString: strerror(errno))) }
        guard addWatch("", mask: Self.rootMask) else {
            close(fd)
            throw .unavailable("cannot watch \(self.root.path): \(String(cString: strerror(errno)))")
        }
        for folder in folders { addTree(folder) }
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "almanac file watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching and returns once the watching thread has ended.
    func stop() {
        let running = lock.withLock { () -> Bool in
            defer { stopping = true }
            return !stopping && thread != nil
        }
        if running { finished.wait() }
        close(fd)
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !lock.withLock({ stopping }) {
            var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollfd, 1, 200)
            guard ready > 0 else { continue }
            var changed: [Change] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                changed += handle(buffer, count: count)
            }
            if !changed.isEmpty { onChange(changed) }
        }
        finished.signal()
    }

    /// The changed paths in one read's worth of events; watches folders that appeared.
    private func handle(_ buffer: [UInt8], count: Int) -> [Change] {
        var changed: [Change] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: watch everything again and rebuild.
                for folder in folders { addTree(folder) }
                changed.append(Change(path: "(many files)", created: false))
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                _ = lock.withLock { watched.removeValue(forKey: wd) }
                continue
            }
            guard let folder = lock.withLock({ watched[wd] }) else { continue }
            let created = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
            if folder.isEmpty {
                // The root: only Content/ and Templates/ coming or going matter.
                guard folders.contains(name) else { continue }
                if created { addTree(name) }
                changed.append(Change(path: name + "/", created: created))
                continue
            }
            if mask & UInt32(IN_DELETE_SELF) != 0 { continue }
            guard !name.isEmpty, !Self.isScratch(name) else { continue }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0, created { addTree(path) }
            changed.append(Change(path: path, created: created))
        }
        return changed
    }

    /// Editors' and tools' temporary and backup files, by name: hidden files
    /// (vim's `.x.md.swp`, emacs's `.#x.md` lock), backups (`x.md~`), emacs's
    /// `#x.md#`, vim's `4913` probe, `sed -i`'s `sedAbC123`, `*.tmp`, and
    /// JetBrains' `x.md___jb_tmp___`. A temporary file with another name that is
    /// renamed into place is left out by `Rebuilder` (it is gone by the build).
    static func isScratch(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        if name.count == 9, name.hasPrefix("sed"), name.dropFirst(3).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return true }
        return [".tmp", ".swp", ".swo", ".swx", "___jb_tmp___", "___jb_old___"].contains { name.lowercased().hasSuffix($0) }
    }

    /// Watches `path` (relative to the root) and every folder below it.
    private func addTree(_ path: String) {
        guard addWatch(path, mask: Self.folderMask) else { return }
        let url = root.appending(path: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let child = url.appending(path: name)
            if FileManager.default.fileExists(atPath: child.path, isDirectory: &isFolder), isFolder.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: child.path)) == nil {
                addTree(path + "/" + name)
            }
        }
    }

    private func addWatch(_ path: String, mask: UInt32) -> Bool {
        let url = path.isEmpty ? root : root.appending(path: path)
        let wd = inotify_add_watch(fd, url.path, mask)
        guard wd >= 0 else { return false }
        lock.withLock { watched[wd] = path }
        return true
    }
}
