using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.Cli;

/// <summary>
/// A diagnostic with its one-based line and column (UTF-16 code units) in the file, and the same columns counted
/// in UTF-8 bytes (from 1; reviewdog's rdjson counts so).
/// </summary>
public sealed record Finding(GlossaryDiagnostic Diagnostic, int Line, int Column, int EndLine, int EndColumn, int Utf8Column = 0, int Utf8EndColumn = 0);

/// <summary>
/// What checking one file found, fixed or could not do. <see cref="FixedBytes"/>: the fixed text of standard input
/// (<c>check --fix -</c>), in the encoding it came in, to be written to standard output.
/// </summary>
public sealed record FileReport(CheckTarget Target, IReadOnlyList<Finding> Findings, int FixedCount = 0, string? Diff = null, string? Error = null, bool Skipped = false, byte[]? FixedBytes = null)
{
    /// <summary>Findings still in the file on disk after this run.</summary>
    public int RemainingCount => Findings.Count - FixedCount;
}

/// <summary>What to do with the findings of a file.</summary>
public enum FixMode { None, Fix, DryRun }

/// <summary>
/// Checks one file with the editor's engine: the same regions, matcher, disable comments and diagnostics
/// (<see cref="DocumentAnalysis"/>, <see cref="Diagnostics"/>), then fixes it or shows the fix as a diff.
/// Never throws for a file it cannot read or write: the report carries the error.
/// </summary>
public sealed class FileChecker(TermMatcher matcher, Severity severity, FixMode fixMode, long maxFileSize)
{
    private readonly Fixer _fixer = new(maxFileSize);

    public FileReport Check(CheckTarget target)
    {
        // Regular files only, and no larger than the limit: a FIFO, a device or a huge file is never read.
        var read = RegularFile.Read(target.FullPath, maxFileSize);
        if (!read.IsOk) return new FileReport(target, [], Error: read.Message);
        return Check(target, read.Bytes, read);
    }

    /// <summary>
    /// Checks text that is not a file on disk (standard input): as a file, but <see cref="FixMode.Fix"/> puts the
    /// fixed bytes in the report (<see cref="FileReport.FixedBytes"/>) instead of writing anything.
    /// </summary>
    public FileReport CheckInput(CheckTarget target, byte[] bytes) => Check(target, bytes, read: null);

    private FileReport Check(CheckTarget target, byte[] bytes, RegularFileRead? read)
    {
        if (SourceFile.IsBinary(bytes)) return new FileReport(target, [], Skipped: true);

        var source = SourceFile.Decode(bytes);
        var document = new TextDocument(FileUri.FromPath(target.FullPath), target.LanguageId, 1, source.Text);
        var analysis = DocumentAnalysis.Analyze(document, matcher);
        var diagnostics = Diagnostics.Compute(analysis, severity);
        if (diagnostics.Count == 0) return new FileReport(target, []);

        var findings = diagnostics.Select(d => Locate(document.Lines, source.Text, d)).ToList();
        if (fixMode == FixMode.None) return new FileReport(target, findings);
        if (source.IsLossy)
        {
            return new FileReport(target, findings, Error: "not valid UTF-8 or UTF-16 text: the fixes were not written");
        }

        string fixedText = FixAll.Apply(source.Text, FixAll.Replacements(diagnostics));
        if (fixMode == FixMode.DryRun)
        {
            string name = PrintablePath.Escape(target.DisplayPath);
            return new FileReport(target, findings, Diff: UnifiedDiff.Create(source.Text, fixedText, "a/" + name, "b/" + name));
        }
        if (read is null) return new FileReport(target, findings, FixedCount: findings.Count, FixedBytes: source.Encode(fixedText));
        try
        {
            _fixer.WriteAtomically(target.FullPath, read, source.Encode(fixedText));
            return new FileReport(target, findings, FixedCount: findings.Count);
        }
        catch (FixRefusedException e)
        {
            return new FileReport(target, findings, Error: e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileReport(target, findings, Error: "could not write the fixes: " + FileWalker.Reason(e));
        }
    }

    private static Finding Locate(LineMap lines, string text, GlossaryDiagnostic diagnostic)
    {
        var (line, character) = lines.PositionOf(diagnostic.Span.Start);
        var (endLine, endCharacter) = lines.PositionOf(diagnostic.Span.End);
        return new Finding(diagnostic, line + 1, character + 1, endLine + 1, endCharacter + 1,
            Utf8Column(text, diagnostic.Span.Start, character), Utf8Column(text, diagnostic.Span.End, endCharacter));
    }

    /// <summary>The one-based UTF-8 byte column of <paramref name="offset"/>, which is <paramref name="character"/> UTF-16 units into its line.</summary>
    private static int Utf8Column(string text, int offset, int character) =>
        System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(offset - character, character)) + 1;
}
