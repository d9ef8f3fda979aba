import XCTest

@testable import WallboardCore

/// The tone is what it says: a WAV header aplay reads, and the frequency asked for (counted by zero
/// crossings, the way the appliance test checks what arrived through snd-aloop).
final class AlarmToneTests: XCTestCase {
    static func zeroCrossingFrequency(_ samples: [Int16], sampleRate: Int) -> Double {
        var crossings = 0
        for i in 1..<samples.count where (samples[i - 1] < 0) != (samples[i] < 0) { crossings += 1 }
        return Double(crossings) / 2 / (Double(samples.count) / Double(sampleRate))
    }

    func testFrequencyByZeroCrossings() {
        for hz in [440.0, 880, 1000, 2500] {
            let tone = AlarmTone(frequency: hz, duration: 0.5)
            let measured = Self.zeroCrossingFrequency(tone.samples, sampleRate: tone.sampleRate)
            XCTAssertEqual(measured, hz, accuracy: hz * 0.02, "\(hz) Hz tone measured \(measured)")
        }
    }

    func testWAVHeaderAndLength() {
        let tone = AlarmTone(frequency: 880, duration: 0.5)
        let wav = tone.wav
        XCTAssertEqual(wav.count, 44 + 8000 * 2)
        XCTAssertEqual(Array(wav[0..<4]), Array("RIFF".utf8))
        XCTAssertEqual(Array(wav[8..<16]), Array("WAVEfmt ".utf8))
        XCTAssertEqual(Int(wav[24]) | Int(wav[25]) << 8, 16_000, "sample rate")
        XCTAssertEqual(Int(wav[40]) | Int(wav[41]) << 8 | Int(wav[42]) << 16, 16_000, "data bytes")
    }

    func testFadesAvoidClicksAndPeakIsHalfScale() {
        let samples = AlarmTone(frequency: 880, duration: 0.5).samples
        XCTAssertEqual(samples.first, 0)
        XCTAssertLessThan(abs(Int(samples.last!)), 200)
        let peak = samples.map { abs(Int($0)) }.max()!
        XCTAssertEqual(Double(peak), 32767 * 0.5, accuracy: 300)
    }
}
