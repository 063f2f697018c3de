import Foundation
import Synchronization

/// Writes raw simulated paths as CSV, in path order whatever the thread count.
///
/// Columns: `path,scenario,indicator,<first year>,…,<horizon>`; one row per path, scenario and indicator; flows are
/// yearly values (not running totals). Chunks finished out of order wait in memory until their predecessors are
/// written, so memory stays near one chunk per thread.
///
/// The rows stream into a temporary file beside `path`, which replaces `path` by an atomic rename only when the run
/// finishes: an interrupted or failed run never touches an existing file at `path`.
public final class SamplePathWriter: Sendable {
    private struct State {
        var handle: FileHandle
        var nextChunk = 0
        var pending: [Int: String] = [:]
        var headerWritten = false
        var finished = false
    }
    private let state: Mutex<State>
    /// Where the finished file goes.
    public let path: String
    private let temporaryPath: String

    /// A writer whose output replaces the file at `path` when the run finishes.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).attain-tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.path = path
        self.temporaryPath = temporary
        state = Mutex(State(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))))
    }

    deinit {
        // Never finished (the run failed): drop the temporary file, leave `path` as it was.
        let finished = state.withLock { s in
            if !s.finished { try? s.handle.close() }
            return s.finished
        }
        if !finished { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    func appendRows(path p: Int, models: [SimulationModel], rows: UnsafeMutablePointer<UnsafeMutablePointer<Double>>, to text: inout String) {
        let years = models[0].yearCount
        for (m, model) in models.enumerated() {
            for (i, ind) in model.indicators.enumerated() {
                text += "\(p),\(Self.quoted(model.name)),\(Self.quoted(ind.name))"
                for y in 0..<years {
                    let v = rows[m][i * years + y]
                    text += v.isNaN ? "," : ",\(v)"
                }
                text += "\n"
            }
        }
    }

    func header(_ models: [SimulationModel]) -> String {
        "path,scenario,indicator," + models[0].years.map(String.init).joined(separator: ",") + "\n"
    }

    func submit(chunk: Int, text: String) {
        state.withLock { s in
            s.pending[chunk] = text
            while let t = s.pending.removeValue(forKey: s.nextChunk) {
                s.handle.write(Data(t.utf8))
                s.nextChunk += 1
            }
        }
    }

    /// Writes the header; called by the engine before the first chunk.
    func begin(_ models: [SimulationModel]) {
        state.withLock { s in
            if !s.headerWritten { s.handle.write(Data(header(models).utf8)); s.headerWritten = true }
        }
    }

    /// Flushes the rows to disk and renames the temporary file over ``path``.
    func finish() {
        state.withLock { s in
            guard !s.finished else { return }
            try? s.handle.synchronize()
            try? s.handle.close()
            s.finished = rename(temporaryPath, path) == 0
        }
    }

    static func quoted(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
