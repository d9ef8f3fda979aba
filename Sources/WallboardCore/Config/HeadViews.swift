/// The `[display] views` key: which queues each head of a multi-head board shows, one list per
/// connector in `connector`'s order, lists separated by `|`: `views = 999, 101 | crime, online`.
enum HeadViews {
    struct Invalid: Error {
        let expected: String
    }

    static let shape = "one queue list per connector, separated by |, like 999, 101 | crime, online"

    static func parse(_ text: String) -> Result<[[String]], Invalid> {
        let groups = text.split(separator: "|", omittingEmptySubsequences: false)
        guard (1...2).contains(groups.count) else { return .failure(Invalid(expected: shape + " (at most two screens)")) }
        var views: [[String]] = []
        for group in groups {
            let ids = group.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard ids.allSatisfy({ !$0.isEmpty }) else { return .failure(Invalid(expected: shape)) }
            if let dup = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
                return .failure(Invalid(expected: shape + " ('\(dup)' appears twice in one view)"))
            }
            guard ids.count <= 12 else { return .failure(Invalid(expected: shape + " (at most 12 queues per screen)")) }
            views.append(ids)
        }
        return .success(views)
    }

    /// One view per head: the count must match `connector` (one head when no connector is named).
    static func check(_ display: DisplayConfig) -> ConfigProblem? {
        let heads = max(1, display.connectors.count)
        guard !display.views.isEmpty, display.views.count != heads else { return nil }
        return .inconsistent(
            "'views' gives \(display.views.count) view(s) but 'connector' names \(heads) screen(s); give one queue list per connector, separated by |"
        )
    }
}
