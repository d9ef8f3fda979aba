#if canImport(Glibc)
import Glibc
#endif

/// Up to `capacity` datagrams read with one `recvmmsg` (one system call for a batch, which under a
/// flood is most of the receive path's cost), into buffers allocated once: reading allocates nothing.
/// Each message has its payload buffer, its sender's address and room for the SO_RXQ_OVFL control
/// message. Glibc's Swift overlay does not import `recvmmsg`/`struct mmsghdr` (they need
/// _GNU_SOURCE), so the function is looked up with `dlsym` and the array laid out by hand:
/// `struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; }`; without it, one `recvmsg`.
final class DatagramBatch {
    let capacity: Int
    /// Bytes kept of each datagram; longer ones report their real length (MSG_TRUNC).
    let slotSize: Int
    private static let controlSize = 64  // one cmsghdr + UInt32, 8-aligned, with room to spare
    private static let headerStride = (MemoryLayout<msghdr>.size + MemoryLayout<UInt32>.size + 7) & ~7
    private let payloads: UnsafeMutableRawBufferPointer
    private let names: UnsafeMutablePointer<sockaddr_storage>
    private let controls: UnsafeMutableRawBufferPointer
    private let vectors: UnsafeMutablePointer<iovec>
    private let headers: UnsafeMutableRawBufferPointer

    private typealias RecvMMsg = @convention(c) (Int32, UnsafeMutableRawPointer?, UInt32, Int32, UnsafeMutableRawPointer?) -> Int32
    private static let recvmmsgFunction: RecvMMsg? = dlsym(nil, "recvmmsg").map { unsafeBitCast($0, to: RecvMMsg.self) }

    init(capacity: Int = 32, slotSize: Int = 2048) {
        self.capacity = capacity
        self.slotSize = slotSize
        payloads = .allocate(byteCount: capacity * slotSize, alignment: 16)
        names = .allocate(capacity: capacity)
        controls = .allocate(byteCount: capacity * Self.controlSize, alignment: 8)
        vectors = .allocate(capacity: capacity)
        headers = .allocate(byteCount: capacity * Self.headerStride, alignment: 8)
        headers.initializeMemory(as: UInt8.self, repeating: 0)
        for i in 0..<capacity {
            vectors[i] = iovec(iov_base: payloads.baseAddress! + i * slotSize, iov_len: slotSize)
        }
    }

    deinit {
        payloads.deallocate()
        names.deallocate()
        controls.deallocate()
        vectors.deallocate()
        headers.deallocate()
    }

    private func header(_ i: Int) -> UnsafeMutablePointer<msghdr> {
        (headers.baseAddress! + i * Self.headerStride).assumingMemoryBound(to: msghdr.self)
    }

    /// Reads up to `limit` (≤ capacity) datagrams without blocking; returns how many, or -1 with
    /// `errno` set (EAGAIN: none waiting).
    func receive(from fd: Int32, limit: Int) -> Int {
        let count = min(limit, capacity)
        for i in 0..<count {
            var message = msghdr()
            message.msg_name = UnsafeMutableRawPointer(names + i)
            message.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
            message.msg_iov = vectors + i
            message.msg_iovlen = 1
            message.msg_control = controls.baseAddress! + i * Self.controlSize
            message.msg_controllen = Self.controlSize
            header(i).pointee = message
        }
        if let recvmmsg = Self.recvmmsgFunction {
            return Int(recvmmsg(fd, headers.baseAddress, UInt32(count), Int32(MSG_TRUNC), nil))
        }
        let n = recvmsg(fd, header(0), Int32(MSG_TRUNC))
        if n >= 0 { length(0).pointee = UInt32(truncatingIfNeeded: n) }
        return n < 0 ? -1 : 1
    }

    private func length(_ i: Int) -> UnsafeMutablePointer<UInt32> {
        (headers.baseAddress! + i * Self.headerStride + MemoryLayout<msghdr>.size).assumingMemoryBound(to: UInt32.self)
    }

    /// Message `i`'s real length (beyond `slotSize` when it was cut).
    func datagramLength(_ i: Int) -> Int { Int(length(i).pointee) }

    /// What was kept of message `i`.
    func payload(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: payloads.baseAddress! + i * slotSize, count: min(datagramLength(i), slotSize))
    }

    /// Message `i`'s sender.
    func sender(_ i: Int) -> UnsafePointer<sockaddr_storage> { UnsafePointer(names + i) }

    /// The kernel's running drop count carried by message `i`, when it sent one.
    func kernelDrops(_ i: Int) -> UInt32? {
        let control = UnsafeRawBufferPointer(start: controls.baseAddress! + i * Self.controlSize, count: Int(header(i).pointee.msg_controllen))
        return MulticastReceiver.overflowCount(control)
    }
}
