using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.Cli;

/// <summary>
/// A diagnostic with its one-based line and column (UTF-16 code units) in the file, and the same columns counted
/// in UTF-8 bytes (from 1; reviewdog's rdjson counts so). In a notebook, <see cref="Cell"/> is the cell's number (from 1)
/// and lines and columns count inside that cell's source; elsewhere it is 0.
/// </summary>
public sealed record Finding(GlossaryDiagnostic Diagnostic, int Line, int Column, int EndLine, int EndColumn, int Utf8Column = 0, int Utf8EndColumn = 0, int Cell = 0)
{
    /// <summary>"cell 3: " in a notebook, for the formats whose positions have no place for a cell; else "".</summary>
    public string CellPrefix => Cell > 0 ? $"cell {Cell}: " : "";
}

/// <summary>
/// What checking one file found, fixed or could not do. <see cref="FixedBytes"/>: the fixed text of standard input
/// (<c>check --fix -</c>), in the encoding it came in, to be written to standard output.
/// </summary>
public sealed record FileReport(CheckTarget Target, IReadOnlyList<Finding> Findings, int FixedCount = 0, string? Diff = null, string? Error = null, bool Skipped = false, byte[]? FixedBytes = null)
{
    /// <summary>Findings still in the file on disk after this run: all, or after a fix those that have no fix.</summary>
    public IReadOnlyList<Finding> RemainingFindings => FixedCount == 0 ? Findings : Findings.Where(f => f.Diagnostic.Replacement is null).ToList();

    public int RemainingCount => Findings.Count - FixedCount;

    /// <summary>Remaining findings that fail the run: errors and warnings (information and hints are reported only).</summary>
    public int FailingCount => RemainingFindings.Count(f => f.Diagnostic.Severity is Severity.Error or Severity.Warning);
}

/// <summary>What to do with the findings of a file.</summary>
public enum FixMode { None, Fix, DryRun }

/// <summary>
/// Checks one file with the editor's engine: the same regions, matcher, disable comments and rules at the levels of
/// each file's settings (<see cref="CheckTarget.Settings"/>: its project config's, under <c>--rule</c>) (<see cref="DocumentAnalysis"/>, <see cref="Rules"/>; hints left out), then fixes it or
/// shows the fix as a diff. Never throws for a file it cannot read or write: the report carries the error.
/// </summary>
public sealed class FileChecker(TermMatcher matcher, FixMode fixMode, long maxFileSize)
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
        if (target.LanguageId == NotebookReader.LanguageId) return CheckNotebook(target, bytes, read);

        var source = SourceFile.Decode(bytes);
        var document = new TextDocument(FileUri.FromPath(target.FullPath), target.LanguageId, 1, source.Text);
        var analysis = DocumentAnalysis.Analyze(document, matcher);
        var diagnostics = Reported(analysis, target.Settings);
        if (diagnostics.Count == 0) return new FileReport(target, []);

        var findings = diagnostics.Select(d => Locate(document.Lines, source.Text, d)).ToList();
        if (fixMode == FixMode.None || !diagnostics.Any(d => d.Replacement is not null)) return new FileReport(target, findings);
        if (source.IsLossy)
        {
            return new FileReport(target, findings, Error: "not valid UTF-8 or UTF-16 text: the fixes were not written");
        }

        string fixedText = FixAll.Apply(source.Text, FixAll.Replacements(diagnostics));
        return Fix(target, findings, read, source.Text, fixedText, source.Encode(fixedText));
    }

    /// <summary>
    /// A Jupyter notebook: Markdown cells checked as Markdown, code cells as the kernel's language (default Python;
    /// a language whose comments are not understood is not checked), raw cells not at all; each cell alone, as the
    /// editor checks a cell. Findings carry the cell's number and positions inside it. A fix rewrites only the source
    /// strings that hold a flagged spelling (<see cref="NotebookReader.Rewrite"/>), then reads the result back and
    /// refuses to write unless every cell is what the fix should make of it.
    /// </summary>
    private FileReport CheckNotebook(CheckTarget target, byte[] bytes, RegularFileRead? read)
    {
        Notebook notebook;
        try
        {
            notebook = NotebookReader.Read(bytes);
        }
        catch (NotebookFormatException e)
        {
            return new FileReport(target, [], Error: e.Message);
        }
        string? codeLanguage = NotebookReader.CodeLanguage(notebook.KernelLanguage);
        var findings = new List<Finding>();
        var replacements = new Dictionary<int, List<TextReplacement>>();
        var expected = new Dictionary<int, string>();
        string uri = FileUri.FromPath(target.FullPath);
        foreach (var cell in notebook.Cells)
        {
            string? language = cell.Kind switch
            {
                "markdown" => DocumentAnalysis.MarkdownLanguageId,
                "code" => codeLanguage,
                _ => null, // raw cells: no language to read them in
            };
            if (language is null || cell.Text.Length == 0) continue;
            var document = new TextDocument(uri, language, 1, cell.Text);
            var diagnostics = Reported(DocumentAnalysis.Analyze(document, matcher), target.Settings);
            if (diagnostics.Count == 0) continue;
            findings.AddRange(diagnostics.Select(d => Locate(document.Lines, cell.Text, d) with { Cell = cell.Number }));
            var cellReplacements = FixAll.Replacements(diagnostics);
            if (cellReplacements.Count == 0) continue;
            replacements[cell.Number] = cellReplacements;
            expected[cell.Number] = FixAll.Apply(cell.Text, cellReplacements);
        }
        if (replacements.Count == 0 || fixMode == FixMode.None) return new FileReport(target, findings);

        var fixedBytes = NotebookReader.Rewrite(bytes, notebook, replacements);
        if (fixedBytes is null) return new FileReport(target, findings, Error: "a flagged spelling spans two strings of a cell's source: the fixes were not written; fix it by hand");
        try
        {
            var again = NotebookReader.Read(fixedBytes);
            bool same = again.Cells.Count == notebook.Cells.Count
                && again.Cells.All(c => c.Text == (expected.TryGetValue(c.Number, out var e) ? e : notebook.Cells[c.Number - 1].Text));
            if (!same) return new FileReport(target, findings, Error: "the fixed notebook did not read back as expected: the fixes were not written");
        }
        catch (NotebookFormatException)
        {
            return new FileReport(target, findings, Error: "the fixed notebook did not read back as expected: the fixes were not written");
        }
        var source = SourceFile.Decode(bytes);
        return Fix(target, findings, read, source.Text, SourceFile.Decode(fixedBytes).Text, fixedBytes);
    }

    /// <summary>Shows (dry run), returns (standard input) or writes the fixed text of a checked file.</summary>
    private FileReport Fix(CheckTarget target, List<Finding> findings, RegularFileRead? read, string text, string fixedText, byte[] fixedBytes)
    {
        if (fixMode == FixMode.DryRun)
        {
            string name = PrintablePath.Escape(target.DisplayPath);
            return new FileReport(target, findings, Diff: UnifiedDiff.Create(text, fixedText, "a/" + name, "b/" + name));
        }
        int fixable = findings.Count(f => f.Diagnostic.Replacement is not null);
        if (read is null) return new FileReport(target, findings, FixedCount: fixable, FixedBytes: fixedBytes);
        try
        {
            _fixer.WriteAtomically(target.FullPath, read, fixedBytes);
            return new FileReport(target, findings, FixedCount: fixable);
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

    /// <summary>
    /// The findings <c>check</c> reports and fixes: every enabled rule's, except hints, which are the editor's quiet marks
    /// (VS Code lists them in no Problems panel); a rule set to <c>information</c> or above is reported.
    /// </summary>
    private List<GlossaryDiagnostic> Reported(DocumentAnalysis analysis, Settings settings) =>
        Rules.Compute(analysis, settings, matcher.Glossary).Where(d => d.Severity != Severity.Hint).ToList();

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
