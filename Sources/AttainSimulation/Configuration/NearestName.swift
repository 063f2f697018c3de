/// Edit distance and "did you mean" suggestions for misspelt keys and names.
package enum NearestName {
    /// Levenshtein distance between `a` and `b` (case-insensitive), O(|a|·|b|).
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count), current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible misspelling (distance ≤ max(2, |name|/3)).
    package static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(name, c)
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best, d <= max(2, name.count / 3) else { return nil }
        return c
    }

    /// `did you mean `x`?` or a list of the valid names when nothing is close.
    package static func hint(for name: String, among candidates: [String]) -> String {
        if let s = suggestion(for: name, among: candidates) { return "did you mean `\(s)`?" }
        return "expected one of: " + candidates.map { "`\($0)`" }.joined(separator: ", ")
    }
}
