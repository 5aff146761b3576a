import Foundation

/// Runs work on up to `jobs` threads. Results keep the order of the input, so
/// what a stage produces never depends on how many threads ran it.
enum Parallel {
    static func map<T, R>(_ items: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        let count = items.count
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        if workers == 1 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        // Deinitialize before deallocating, or every result stays retained (LeakSanitizer found it).
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Small chunks keep both cores busy when items differ in cost.
        let chunk = max(1, min(64, count / (workers * 8)))
        let next = Counter()
        withoutActuallyEscaping(transform) { transform in
            let shared = UnsafeSendable((items, results, transform))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let (items, results, transform) = shared.value
                while true {
                    let start = next.take(chunk)
                    if start >= count { break }
                    for index in start..<min(start + chunk, count) { results[index] = transform(items[index]) }
                }
            }
        }
        return results.map { $0! }
    }

    /// Runs `first` and `second` at the same time when `jobs` allows, and returns both results.
    static func both<A, B>(jobs: Int, _ first: () -> A, _ second: () -> B) -> (A, B) {
        guard jobs > 1 else { return (first(), second()) }
        var a: A?
        var b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                withUnsafeMutablePointer(to: &a) { a in
                    withUnsafeMutablePointer(to: &b) { b in
                        // Each slot is written by one thread only, and read once both have finished.
                        let shared = UnsafeSendable((first, second, a, b))
                        DispatchQueue.concurrentPerform(iterations: 2) { index in
                            let (first, second, a, b) = shared.value
                            if index == 0 { a.pointee = first() } else { b.pointee = second() }
                        }
                    }
                }
            }
        }
        return (a!, b!)
    }

    static func forEach<T>(_ items: [T], jobs: Int, _ body: (T) -> Void) {
        _ = map(items, jobs: jobs, body)
    }

    /// The number of threads to use when the user did not say.
    static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Hands out consecutive indices to worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = value
        value += amount
        return start
    }
}

/// Carries values into worker threads that only read them, or write disjoint
/// slots of a buffer: safe by construction, which the compiler cannot see.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Work started on another thread, its result waited for when it is needed.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker, read only after `done`.
    private var result: Value?

    init(_ work: @escaping () -> Value) {
        let work = UnsafeSendable(work)
        DispatchQueue.global().async {
            self.result = work.value()
            self.done.signal()
        }
    }

    /// The result, once the work is done.
    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
