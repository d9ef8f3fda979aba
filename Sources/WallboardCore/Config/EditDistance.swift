/// Edit distance for "did you mean" on mistyped keys and sections: Levenshtein plus adjacent
/// transpositions counted as one edit ("prot" → "port"), the commonest typing slip.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        between(folded(a), folded(b))
    }

    /// Scalars with ASCII letters lower-cased: keys are ASCII, and `Output` is one slip from `output`.
    private static func folded(_ s: String) -> [UInt32] {
        s.unicodeScalars.map { (0x41...0x5a).contains($0.value) ? $0.value + 0x20 : $0.value }
    }

    /// Three rolling rows (the transposition looks two rows back) instead of a whole table.
    private static func between(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, previous2[j - 2] + 1) }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The closest candidate, if it is close enough to be a plausible typo
    /// (at most a third of the word's length, and never more than 3 edits).
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let typed = folded(word)
        let limit = min(3, max(1, typed.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: skip the work when that is too far
            // already (a fuzzer's 4 KB key against 90 candidates took milliseconds).
            guard abs(candidate.unicodeScalars.count - typed.count) <= limit else { continue }
            let d = between(typed, folded(candidate))
            guard d <= limit else { continue }
            if let current = best, current.1 <= d { continue }
            best = (candidate, d)
        }
        return best?.0
    }
}
