import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardRender

final class PNGWriterTests: XCTestCase {
    func testChecksumsMatchKnownValues() {
        // Standard check values: CRC-32 and Adler-32 of "123456789"; Adler-32 of "Wikipedia".
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(Adler32.checksum(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func testPNGHasSignatureHeaderAndRoundTrips() throws {
        let canvas = Canvas(width: 3, height: 2, fill: RGB.pack(0x10, 0x20, 0x30))
        canvas[2, 1] = RGB.pack(0xFF, 0, 0)
        let png = PNGWriter.encode(canvas)
        XCTAssertEqual(Array(png[0..<8]), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[12..<16]), Array("IHDR".utf8))
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2])
        XCTAssertEqual(Array(png.suffix(8)), Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
        let back = try PNGReader.decode(png)
        XCTAssertEqual(back.width, 3)
        XCTAssertEqual(back[2, 1], RGB.pack(0xFF, 0, 0))
        XCTAssertEqual(back[0, 0], RGB.pack(0x10, 0x20, 0x30))
    }

    func testLargeImageSplitsIntoStoredBlocks() {
        let data = [UInt8](repeating: 7, count: 70_000)
        let z = PNGWriter.zlibStored(data)
        XCTAssertEqual(z.count, 2 + 5 * 2 + 70_000 + 4)
        XCTAssertEqual(z[2], 0)  // first block not final
    }

    func testNoisyAndFlatImagesRoundTripExactly() throws {
        let canvas = TestImages.noisyGradientFlat()
        let back = try PNGReader.decode(PNGWriter.encode(canvas))
        for i in 0..<canvas.pixels.count { XCTAssertEqual(back.pixels[i], canvas.pixels[i] & 0xFFFFFF); if back.pixels[i] != canvas.pixels[i] & 0xFFFFFF { break } }
    }

    func testFlatImageCompressesHard() {
        let canvas = Canvas(width: 800, height: 480, fill: 0x141A22)
        let png = PNGWriter.encode(canvas)
        XCTAssertLessThan(png.count, 6_000, "1.1 MB of one colour should deflate to a few KB, got \(png.count)")
    }

    func testDeflateRoundTripsAllShapesOfInput() throws {
        let inputs: [[UInt8]] = [
            [], [42], Array("hello hello hello hello, wallboard".utf8),
            [UInt8](repeating: 0, count: 100_000),
            (0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) },
            (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 % 1000) ^ ($0 / 777)) },
        ]
        for input in inputs {
            XCTAssertEqual(try Inflate.zlib(Deflate.zlib(input)), input, "length \(input.count)")
        }
    }

    func testInflatesStreamsFromZlib() throws {
        // python3 -c 'import zlib; print(list(zlib.compress(b"wallboard wallboard wallboard!", 9)))'
        let fromZlib: [UInt8] = [120, 218, 43, 79, 204, 201, 73, 202, 79, 44, 74, 81, 40, 199, 100, 41, 2, 0, 183, 67, 11, 138]
        XCTAssertEqual(try Inflate.zlib(fromZlib), Array("wallboard wallboard wallboard!".utf8))
    }

    func testDamagedStreamsGiveErrorsNotCrashes() {
        let good = Deflate.zlib(Array(repeating: "the board ".utf8, count: 50).flatMap { $0 })
        XCTAssertThrowsError(try Inflate.zlib(Array(good.dropLast(9))))
        var flipped = good
        flipped[flipped.count - 1] ^= 1
        XCTAssertThrowsError(try Inflate.zlib(flipped)) { error in
            XCTAssertTrue("\(error)".contains("Adler-32"), "\(error)")
        }
        XCTAssertThrowsError(try Inflate.zlib([0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
        XCTAssertThrowsError(try PNGReader.decode(Array("not a png at all".utf8))) { error in
            XCTAssertEqual(error as? PNGError, .notPNG)
        }
        var png = PNGWriter.encode(Canvas(width: 4, height: 4))
        png[20] ^= 0xFF  // inside IHDR: its CRC no longer matches
        XCTAssertThrowsError(try PNGReader.decode(png)) { error in
            XCTAssertEqual(error as? PNGError, .badCRC(chunk: "IHDR"))
        }
    }
}
