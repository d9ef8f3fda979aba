import WallboardCore

/// `wallboard-bench config`: parse + validate config text, as `check-config`, a reload, every
/// `threshold set` and the fuzzer do. Three inputs: a valid 12-queue file, a file where every line
/// is a mistake (typos get "did you mean"), and one long garbage line (the fuzzer's favourite).
enum ConfigBenchmark {
    static func run() throws {
        measure("valid 12-queue file", BoardBenchmark.configText, expectErrors: false)
        measure("file of 120 mistakes", mistakes, expectErrors: true)
        measure("one 4 KB garbage key", garbage, expectErrors: true)
    }

    static func measure(_ name: String, _ text: String, expectErrors: Bool) {
        var checksum = 0
        func once() {
            do {
                checksum &+= try WallboardConfig(parsing: text).queues.count
                precondition(!expectErrors, "\(name): expected errors")
            } catch {
                precondition(expectErrors, "\(name): \(error)")
                checksum &+= error.errors.count
            }
        }
        // Warm up, then run for about a second.
        for _ in 0..<10 { once() }
        var runs = 0
        let start = BoardBenchmark.seconds()
        var elapsed = 0.0
        while elapsed < 1 {
            for _ in 0..<20 { once() }
            runs += 20
            elapsed = BoardBenchmark.seconds() - start
        }
        let perParse = elapsed / Double(runs)
        print(
            "config: \(name) (\(text.utf8.count) bytes): \(UpdateBenchmark.format1(perParse * 1e6)) µs per parse, "
                + "\(Int(1 / perParse)) parses/s (checksum \(checksum))")
    }

    static let mistakes: String = {
        var text = ""
        for q in 0..<12 {
            text += "[queue \"q\(q)\"]\nlongest_wiat.amber = 20s\nlongest_wait.red = 30\nservice_levl.amber = 95%\n"
            text += "waiting.amber = lots\nwaiting.red = 10\nextra.silent.ambr = 1\nordr = 3\nlabel =\n[dispaly]\n"
        }
        return text
    }()

    static let garbage = "[board]\n" + String(repeating: "titeeele\u{FFFD}", count: 410) + " = x\n"
}
