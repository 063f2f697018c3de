import ArgumentParser
import Attain

/// `--format` and `--output`, shared by every command that prints a result.
///
/// Use as `@OptionGroup var output: OutputOptions`, call ``check(supported:)`` from the command's `validate()` and
/// hand the rendered text to ``emit(_:)``. The format is, in order: `--format`, else the extension of `--output`
/// (`briefing.html` → html), else the command's default.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Output format: table, json, csv, md, html or xlsx (commands accept the ones that make sense for them; "
            + "xlsx, a workbook, needs --output FILE.xlsx).",
        valueName: "format"))
    var format: OutputFormat?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write the result to this file instead of standard output. The file is replaced atomically: "
            + "readers never see half a file, and on failure an existing file is left as it was.",
        valueName: "file"))
    var output: String?

    /// The format to produce: explicit `--format`, else implied by the `--output` extension, else `fallback`.
    func resolvedFormat(default fallback: OutputFormat) -> OutputFormat {
        if let format { return format }
        if let output, let implied = OutputFormat(pathExtensionOf: output) { return implied }
        return fallback
    }

    /// Rejects (as a usage error, exit 2) a `--format` the command cannot produce, or an `--output` whose extension
    /// asks for one (`run --output table.html`) when no `--format` says otherwise.
    func check(supported: [OutputFormat]) throws {
        let choices = supported.map(\.rawValue).joined(separator: ", ")
        if let format, !supported.contains(format) {
            throw ValidationError("--format \(format.rawValue) is not available for this command; use one of: \(choices).")
        }
        if format == nil, let output, let implied = OutputFormat(pathExtensionOf: output), !supported.contains(implied) {
            throw ValidationError("--output \(output) asks for \(implied.rawValue) by its extension, which this command cannot write; "
                                  + "name the file for one of \(choices), or add --format.")
        }
        if let output, output.isEmpty {
            throw ValidationError("--output needs a file name, e.g. --output result.\(supported.first?.fileExtension ?? "txt").")
        }
        if format?.isBinary == true, output == nil {
            throw ValidationError("--format xlsx needs --output FILE.xlsx: a workbook is binary and is not written to standard output.")
        }
    }

    /// Rejects `--lang` unless the result is a workbook (the other formats of the command have fixed words).
    func checkLanguage(_ language: ReportLanguage?) throws {
        if language != nil, resolvedFormat(default: .table) != .xlsx {
            throw ValidationError("--lang goes with --format xlsx (the language of the workbook's headers and status words).")
        }
    }

    /// Fails early, before any long computation, when `--output` names a directory that does not exist or cannot be
    /// written (an input problem, exit 1, with advice).
    func checkWritable() throws {
        guard let output else { return }
        try AtomicFileWriter.checkWritable(output)
    }

    /// Like ``emit(_:)`` for output produced in pieces: `body` hands each piece of bytes to the sink it is given, which
    /// writes it to standard output, or to the temporary file that replaces `--output` atomically once `body` returns.
    func emitStreaming(_ body: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let output else {
            try body(Console.outBytes)
            return
        }
        try AtomicFileWriter.write(to: output) { file in
            try body { bytes throws(FileWriteError) in try file.write(bytes) }
        }
        Console.error("wrote \(output)")
    }

    /// Writes `workbook` as an `.xlsx` file to `--output`, atomically, and says where on standard error. A workbook is
    /// never written to standard output (``check(supported:)`` refuses `--format xlsx` without `--output`).
    func emitWorkbook(_ workbook: Workbook) throws {
        guard let output else {
            throw ValidationError("--format xlsx needs --output FILE.xlsx: a workbook is binary and is not written to standard output.")
        }
        try XLSXWriter.write(workbook, to: output)
        Console.error("wrote \(output)")
    }

    /// Prints `text` on standard output, or writes it atomically to `--output` and says where on standard error.
    func emit(_ text: String) throws {
        guard let output else {
            Console.out(text)
            return
        }
        try AtomicFileWriter.write(text, to: output)
        Console.error("wrote \(output)")
    }
}
