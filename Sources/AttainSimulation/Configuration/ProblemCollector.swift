/// Where a loader's problems go: thrown at once (the first one stops the reading, as `attain run` needs) or kept while
/// the reading goes on with the next independent part (as `attain validate` needs).
///
/// ```swift
/// let problems = ProblemCollector(collecting: true)
/// for item in items { try problems.attempt { try read(item) } }   // a bad item does not hide the next
/// ```
package final class ProblemCollector {
    /// Whether problems are kept (true) or thrown (false).
    package let collecting: Bool
    /// The problems kept so far, in the order found.
    package private(set) var problems: [any Error] = []

    package init(collecting: Bool) { self.collecting = collecting }

    /// Runs `body`; its error is thrown on when not collecting, else kept, and nil returned.
    @discardableResult
    package func attempt<T>(_ body: () throws -> T) throws -> T? {
        do { return try body() } catch {
            guard collecting else { throw error }
            problems.append(error)
            return nil
        }
    }

    /// Whether `body` ran without a problem (its problem, if any, thrown or kept as by ``attempt(_:)``).
    @discardableResult
    package func succeeds(_ body: () throws -> Void) throws -> Bool {
        try attempt(body) != nil
    }
}
