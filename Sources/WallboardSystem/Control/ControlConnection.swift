#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// One client on the control socket: reads request lines, writes answers, never blocks.
final class ControlConnection {
    private let fd: Int32
    private let peer: PeerCredentials
    private let queue: DispatchQueue
    private let handler: ControlServer.Handler
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var input: [UInt8] = []
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var closed = false
    private var closeWhenFlushed = false
    /// Sources not yet cancelled-and-finished; the descriptor is closed when it reaches zero, in a
    /// cancel handler, as Dispatch requires (closing earlier could let a reused fd number be watched).
    private var liveSources = 0
    private var fdClosed = false
    var onClose: (() -> Void)?

    init(fd: Int32, peer: PeerCredentials, queue: DispatchQueue, handler: @escaping ControlServer.Handler) {
        self.fd = fd
        self.peer = peer
        self.queue = queue
        self.handler = handler
    }

    func start() {
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.readAvailable() }
        watch(source)
        source.resume()
        readSource = source
    }

    private func readAvailable() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !closed {
            let n: Int
            do { n = try valueOrErrno { chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) } } } catch {
                if !error.isWouldBlock { close() }
                return
            }
            if n == 0 { finishAfterFlush(); return }  // client closed its end
            input.append(contentsOf: chunk[0..<n])
            handleLines()
        }
    }

    private func handleLines() {
        while let newline = input.firstIndex(of: UInt8(ascii: "\n")) {
            let line = input[..<newline]
            let response: ControlResponse
            do {
                let request = try ControlCodec.decode(ControlRequest.self, line: line)
                response = handler(request, peer)
            } catch {
                response = .failure("could not read the request: \(ControlDecodingError.describe(error, line: line))")
            }
            input.removeSubrange(...newline)
            send(response)
            if closed { return }
        }
        if input.count > ControlCodec.maximumRequestBytes {
            input.removeAll()
            send(.failure("request line longer than \(ControlCodec.maximumRequestBytes) bytes"))
            finishAfterFlush()
        }
    }

    private func send(_ response: ControlResponse) {
        guard let bytes = try? ControlCodec.encode(response) else { return }
        output.append(contentsOf: bytes)
        flush()
    }

    private func flush() {
        while outputOffset < output.count {
            do {
                outputOffset += try valueOrErrno {
                    output.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + outputOffset, $0.count - outputOffset, Int32(MSG_NOSIGNAL)) }
                }
            } catch {
                if error.isWouldBlock { waitForWritable() } else { close() }  // EPIPE etc.: the client went away
                return
            }
        }
        output.removeAll(keepingCapacity: false)
        outputOffset = 0
        writeSource?.cancel()
        writeSource = nil
        if closeWhenFlushed { close() }
    }

    private func waitForWritable() {
        guard writeSource == nil else { return }
        let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.flush() }
        watch(source)
        source.resume()
        writeSource = source
    }

    /// Counts a source; its cancel handler closes the descriptor once the connection is closed
    /// and no source is left. The handler keeps `self` alive until then.
    private func watch(_ source: DispatchSourceProtocol) {
        liveSources += 1
        source.setCancelHandler { [self] in
            liveSources -= 1
            closeDescriptorIfDone()
        }
    }

    private func closeDescriptorIfDone() {
        if closed && liveSources == 0 && !fdClosed {
            fdClosed = true
            Glibc.close(fd)
        }
    }

    private func finishAfterFlush() {
        readSource?.cancel()
        readSource = nil
        closeWhenFlushed = true
        if output.isEmpty { close() }
    }

    func close() {
        guard !closed else { return }
        closed = true
        readSource?.cancel()
        writeSource?.cancel()
        readSource = nil
        writeSource = nil
        closeDescriptorIfDone()
        onClose?()
        onClose = nil
    }
}
