#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a mutex, reachable only inside `withLock` — the project's one lock type, for the
/// little state that really is read from two threads (a receiver's counters, a font id counter,
/// a test's inbox). Everything else lives on the agent's one serial queue.
///
/// The shape of swift-nio's `NIOLockedValueBox`: the `pthread_mutex_t` sits in the tail-allocated
/// storage of a `ManagedBuffer`, whose address never changes. A mutex stored as a class property
/// and passed as `&mutex` is not sound: `&` may hand pthread a temporary copy, and a mutex must never
/// move or be copied once initialised.
public struct LockedValue<Value> {
    private let storage: Storage

    public init(_ value: Value) { storage = Storage.make(value) }

    /// Runs `body` with the value, the mutex held; keep it short (no I/O, no waiting).
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutablePointers { value, mutex in
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body(&value.pointee)
        }
    }

    /// The value as it is now (a copy).
    public var value: Value { withLock { $0 } }

    /// The value as the header, the mutex as the single tail element (never moved, destroyed once).
    private final class Storage: ManagedBuffer<Value, pthread_mutex_t> {
        static func make(_ value: Value) -> Storage {
            let buffer = create(minimumCapacity: 1) { _ in value }
            buffer.withUnsafeMutablePointerToElements { mutex in
                mutex.initialize(to: pthread_mutex_t())
                pthread_mutex_init(mutex, nil)
            }
            return unsafeDowncast(buffer, to: Storage.self)
        }

        deinit {
            // The header (the value) is destroyed by ManagedBuffer; the element is ours.
            withUnsafeMutablePointerToElements { mutex in
                pthread_mutex_destroy(mutex)
                mutex.deinitialize(count: 1)
            }
        }
    }
}

// Sendable when the value is: it is only reached with the mutex held, and the mutex never moves.
extension LockedValue: @unchecked Sendable where Value: Sendable {}
