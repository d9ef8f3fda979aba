#if canImport(Glibc)
import Glibc  // sin: math only, no I/O.
#elseif canImport(Darwin)
import Darwin
#endif

/// The alarm's sound as a WAV file in memory: a sine at `frequency` Hz for `duration` seconds,
/// 16-bit mono PCM, with 10 ms fades at each end so the speaker does not click. Pure.
///
/// 16 kHz keeps a tone small (32 KB per second, so a 0.5 s tone is one 16 KB pipe write to aplay)
/// while leaving room above the highest tone allowed (8 kHz is its Nyquist limit; 880 Hz gets 18
/// samples a cycle). aplay and ALSA's plug layer resample for a device that wants 48 kHz.
public struct AlarmTone: Sendable, Equatable {
    public var frequency: Double
    public var duration: Double
    public var sampleRate: Int
    /// Peak amplitude, 0…1. Half scale: loud enough on a monitor's speaker, no clipping after resampling.
    public var amplitude: Double

    public init(frequency: Double, duration: Double, sampleRate: Int = 16_000, amplitude: Double = 0.5) {
        self.frequency = frequency
        self.duration = duration
        self.sampleRate = sampleRate
        self.amplitude = amplitude
    }

    public init(_ config: AlarmConfig) { self.init(frequency: config.tone, duration: config.duration) }

    /// The samples, signed 16-bit.
    public var samples: [Int16] {
        let count = max(0, Int((duration * Double(sampleRate)).rounded()))
        let fade = min(count / 2, sampleRate / 100)
        let step = 2 * Double.pi * frequency / Double(sampleRate)
        var out = [Int16](repeating: 0, count: count)
        for i in 0..<count {
            var gain = amplitude
            if fade > 0 {
                let edge = min(i, count - 1 - i)
                if edge < fade { gain *= Double(edge) / Double(fade) }
            }
            out[i] = Int16((gain * 32767 * sin(step * Double(i))).rounded())
        }
        return out
    }

    /// A complete RIFF/WAVE file (PCM, mono, 16-bit little-endian).
    public var wav: [UInt8] {
        let pcm = samples
        let dataBytes = pcm.count * 2
        var out: [UInt8] = []
        out.reserveCapacity(44 + dataBytes)
        func u32(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        out += Array("RIFF".utf8); u32(36 + dataBytes); out += Array("WAVE".utf8)
        out += Array("fmt ".utf8); u32(16); u16(1); u16(1); u32(sampleRate); u32(sampleRate * 2); u16(2); u16(16)
        out += Array("data".utf8); u32(dataBytes)
        for s in pcm {
            let bits = UInt16(bitPattern: s)
            out += [UInt8(bits & 0xFF), UInt8(bits >> 8)]
        }
        return out
    }
}
