import ArgumentParser

/// A fault in Attain itself rather than in the user's input; reported with exit code 70 (`EX_SOFTWARE`).
struct InternalFault: Error, CustomStringConvertible {
    let description: String
}

/// Turns errors thrown by a command's work into advice on standard error and the documented exit codes.
///
/// Exit codes: 0 success; 1 a problem in the user's input (any typed error from the library: its description says
/// what was wrong, where and how to fix it); 2 a usage error (raised by ArgumentParser before `run()`, or a
/// `ValidationError`); 70 an ``InternalFault``.
///
/// ```swift
/// func run() throws {
///     try reportingErrors {
///         let scenario = try Scenario.load(path)
///         …
///     }
/// }
/// ```
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw translate(error)
    }
}

/// The async form of ``reportingErrors(_:)``.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw translate(error)
    }
}

/// The message and exit code for one error (internal so tests and commands can reuse it).
func translate(_ error: any Error) -> any Error {
    switch error {
    case is ExitCode, is CleanExit, is ValidationError:
        return error
    case let fault as InternalFault:
        Console.error("internal error: \(fault.description)\nThis is a bug in Attain; please report it with the command you ran.")
        return ExitCode(70)
    default:
        Console.error(errorMessage(for: error))
        return ExitCode(1)
    }
}

/// `error: ` followed by the error's description, continuation lines indented to line up.
func errorMessage(for error: any Error) -> String {
    let text = String(describing: error)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return "error: " + lines.joined(separator: "\n       ")
}
