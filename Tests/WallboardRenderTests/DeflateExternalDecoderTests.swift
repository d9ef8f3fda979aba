import Foundation
import WallboardCore
import WallboardTestSupport
import XCTest

@testable import WallboardRender

/// Our Deflate and PNG writer judged by decoders nobody here wrote: zlib (through Debian's
/// python3) and libpng's `pngcheck`. Our own Inflate/PNGReader agreeing with our own writer would not
/// catch a mistake both share. Both tools come from Deploy/install-build-deps.sh --test; missing
/// tools skip the test outside CI and fail it in CI.
final class DeflateExternalDecoderTests: XCTestCase {
    private static let inputs: [[UInt8]] = [
        [], [42], Array("hello hello hello hello, wallboard".utf8),
        [UInt8](repeating: 0, count: 100_000),
        (0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) },
        (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 % 1000) ^ ($0 / 777)) },
        { var seed: UInt32 = 99; return (0..<50_000).map { _ in seed = seed &* 1_103_515_245 &+ 12345; return UInt8(truncatingIfNeeded: seed >> 16) } }(),
    ]

    func testZlibDecodesEveryStreamOurDeflateWrites() throws {
        let python = try tool("/usr/bin/python3", package: "python3-minimal")
        let dir = NSTemporaryDirectory() + "wb-deflate-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, input) in Self.inputs.enumerated() {
            // zlib framing (what PNG's IDAT holds) and a raw deflate stream (wbits -15).
            for (name, stream, wbits) in [("zlib", Deflate.zlib(input), 15), ("raw", Deflate.compress(input), -15)] {
                let path = "\(dir)/\(i).\(name)"
                FileManager.default.createFile(atPath: path, contents: Data(stream))
                let out = try run(python, ["-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read(), \(wbits)))", path])
                XCTAssertEqual(out.status, 0, "input \(i) (\(input.count) bytes, \(name)): zlib refused it: \(out.stderr)")
                XCTAssertEqual(out.stdout, Data(input), "input \(i) (\(input.count) bytes, \(name)): zlib decoded other bytes")
            }
        }
    }

    func testPngcheckAcceptsOurPNGs() throws {
        let pngcheck = try tool("/usr/bin/pngcheck", package: "pngcheck")
        let dir = NSTemporaryDirectory() + "wb-png-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let noisy = TestImages.noisyGradientFlat(seed: 7)
        for (name, canvas) in [("flat", Canvas(width: 800, height: 480, fill: 0x141A22)), ("noisy", noisy), ("tiny", Canvas(width: 1, height: 1))] {
            let path = "\(dir)/\(name).png"
            FileManager.default.createFile(atPath: path, contents: Data(PNGWriter.encode(canvas)))
            let out = try run(pngcheck, ["-v", path])
            let text = String(decoding: out.stdout, as: UTF8.self)
            XCTAssertEqual(out.status, 0, "\(name): \(text)")
            XCTAssertTrue(text.contains("No errors detected"), "\(name): \(text)")
            XCTAssertTrue(text.contains("\(canvas.width) x \(canvas.height) image, 24-bit RGB"), "\(name): \(text)")
        }
        // And it is a real check: a flipped byte inside the image data is caught.
        var damaged = PNGWriter.encode(noisy)
        damaged[damaged.count / 2] ^= 0x40
        FileManager.default.createFile(atPath: "\(dir)/damaged.png", contents: Data(damaged))
        XCTAssertNotEqual(try run(pngcheck, ["-q", "\(dir)/damaged.png"]).status, 0)
    }

    private func tool(_ path: String, package: String) throws -> String {
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        let message = "\(path) missing: apt-get install \(package) (Deploy/install-build-deps.sh --test)"
        if ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") { XCTFail(message) }
        throw XCTSkip(message)
    }

    private func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let result = try Subprocess.run(path, arguments)
        return (result.status, result.stdout, result.stderr)
    }
}
