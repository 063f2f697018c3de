import Synchronization

/// A progress bar on standard error, drawn only when standard error is a terminal and the work lasts more than a moment.
///
/// Safe to update from several threads. Nothing is drawn in the first quarter second (short runs stay quiet), redraws
/// are limited to ten a second, and ``finish()`` clears the line so later output starts clean. When standard error is
/// not a terminal (a pipe, a file, CI), nothing is ever written.
///
/// ```swift
/// let bar = ProgressBar(label: "simulating", total: paths)
/// engine.run(progress: bar.callback)
/// bar.finish()
/// ```
final class ProgressBar: Sendable {
    private struct State {
        var completed = 0
        var total: Int
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        var finished = false
    }

    private let label: String
    private let initialTotal: Int
    private let enabled: Bool
    private let start = ContinuousClock.now
    private let state: Mutex<State>
    private let width = 30

    /// A bar for `total` units of work; `enabled` defaults to whether standard error is a terminal.
    init(label: String, total: Int, enabled: Bool = Console.standardErrorIsTerminal) {
        self.label = label
        self.initialTotal = max(1, total)
        self.enabled = enabled
        self.state = Mutex(State(total: max(1, total)))
    }

    /// Records that `completed` units are done (monotone: smaller values are ignored), out of `total` when given
    /// (work whose size becomes known on the way).
    func update(completed: Int, total newTotal: Int? = nil) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            if let newTotal { state.total = max(1, newTotal) }
            let total = state.total
            guard !state.finished, completed > state.completed || state.completed == 0 || newTotal != nil else { return nil }
            state.completed = min(completed, total)
            let now = ContinuousClock.now
            guard now - start >= .milliseconds(250) else { return nil }
            if let last = state.lastDraw, now - last < .milliseconds(100), state.completed < total { return nil }
            state.lastDraw = now
            state.drawn = true
            return render(completed: state.completed, total: total, elapsed: now - start)
        }
        if let line { Console.errorRaw("\r\u{1B}[2K" + line) }
    }

    /// Adds `units` to the completed count.
    func advance(by units: Int = 1) {
        let completed = state.withLock { $0.completed + units }
        update(completed: completed)
    }

    /// A closure to hand to code that reports `(completed, total)`.
    var callback: @Sendable (Int, Int) -> Void {
        { [self] completed, total in update(completed: completed, total: total) }
    }

    /// Clears the bar from the terminal; later updates are ignored.
    func finish() {
        let clear = state.withLock { state -> Bool in
            state.finished = true
            return state.drawn
        }
        if clear { Console.errorRaw("\r\u{1B}[2K") }
    }

    /// The text of the bar, e.g. `simulating [███████░░░…]  42%  eta 3s`.
    func render(completed: Int, total: Int? = nil, elapsed: Duration) -> String {
        let total = total ?? initialTotal
        let fraction = Double(completed) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        var text = "\(label) [\(bar)] \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if completed > 0 && completed < total {
            let remaining = seconds * Double(total - completed) / Double(completed)
            text += "  eta \(Self.duration(remaining))"
        }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m\(whole % 60 < 10 ? "0" : "")\(whole % 60)s"
    }
}
