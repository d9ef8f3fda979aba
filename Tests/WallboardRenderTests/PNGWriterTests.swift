import XCTest
@testable import WallboardRender

final class PNGWriterTests: XCTestCase {
    func testChecksumsMatchKnownValues() {
        // Standard check values: CRC-32 and Adler-32 of "123456789"; Adler-32 of "Wikipedia".
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(Adler32.checksum(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func testPNGHasSignatureHeaderAndPixels() {
        let canvas = Canvas(width: 3, height: 2, fill: RGB.pack(0x10, 0x20, 0x30))
        canvas[2, 1] = RGB.pack(0xFF, 0, 0)
        let png = PNGWriter.encode(canvas)
        XCTAssertEqual(Array(png[0..<8]), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[12..<16]), Array("IHDR".utf8))
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2])
        // Stored deflate: the raw scanlines appear verbatim; the last pixel of row 1 is red.
        let row1: [UInt8] = [0, 0x10, 0x20, 0x30, 0x10, 0x20, 0x30, 0xFF, 0, 0]
        XCTAssertNotNil(png.firstRange(of: row1))
        XCTAssertEqual(Array(png.suffix(8)), Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    func testLargeImageSplitsIntoStoredBlocks() {
        let data = [UInt8](repeating: 7, count: 70_000)
        let z = PNGWriter.zlibStored(data)
        XCTAssertEqual(z.count, 2 + 5 * 2 + 70_000 + 4)
        XCTAssertEqual(z[2], 0)  // first block not final
    }
}
