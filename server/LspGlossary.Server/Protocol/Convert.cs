using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Server.Protocol;

/// <summary>Conversions between core values (offsets, spans) and LSP values (positions, ranges). UTF-16 throughout.</summary>
public static class Convert
{
    public static Range ToRange(LineMap lines, TextSpan span)
    {
        var (startLine, startChar) = lines.PositionOf(span.Start);
        var (endLine, endChar) = lines.PositionOf(span.End);
        return new Range(new Position(startLine, startChar), new Position(endLine, endChar));
    }

    /// <summary>A use from the term index, whose line and character <see cref="LineMap"/> computed when it was indexed.</summary>
    public static Range ToRange(Core.Workspace.TermUse use) => new(new Position(use.Line, use.Character), new Position(use.EndLine, use.EndCharacter));

    public static Position ToPosition(LineMap lines, int offset)
    {
        var (line, character) = lines.PositionOf(offset);
        return new Position(line, character);
    }

    /// <summary>The offset of a request position, or null when it is outside the document.</summary>
    public static int? ToOffset(LineMap lines, Position position) => lines.TryOffsetOf(position.Line, position.Character);

    public static TextSpan ToSpanClamped(LineMap lines, Range range)
    {
        int start = lines.OffsetOfClamped(range.Start.Line, range.Start.Character);
        int end = lines.OffsetOfClamped(range.End.Line, range.End.Character);
        return end >= start ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }

    /// <summary>A finding as an LSP diagnostic; with <paramref name="codeDescription"/>, linked to its code's page.</summary>
    public static Diagnostic ToDiagnostic(LineMap lines, GlossaryDiagnostic diagnostic, bool codeDescription) =>
        new(ToRange(lines, diagnostic.Span), diagnostic.Message, (int)diagnostic.Severity, diagnostic.Code, "lsp-glossary",
            CodeDescriptionOf(diagnostic.Code, codeDescription),
            diagnostic.Acronym is { } acronym ? Json.Write(new DiagnosticData(acronym), LspJsonContext.Default.DiagnosticData) : null);

    /// <summary>
    /// The unknown acronym a diagnostic's <c>data</c> names, as the server wrote it (<c>{ "acronym": "ABC" }</c>) or as a
    /// plain string; null for anything else (the caller then reads the diagnostic's range).
    /// </summary>
    public static string? AcronymOf(System.Text.Json.JsonElement? data) => data switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.String } text => text.GetString(),
        { ValueKind: System.Text.Json.JsonValueKind.Object } obj when obj.TryGetProperty("acronym", out var a) && a.ValueKind == System.Text.Json.JsonValueKind.String => a.GetString(),
        _ => null,
    };

    /// <summary>The local path of a file URI, or null for other schemes (untitled:, vscode-notebook:, …).</summary>
    public static string? ToPath(string uri) => FileUri.ToPath(uri);

    public static string ToUri(string path) => FileUri.FromPath(path);

    /// <summary>
    /// A place in a glossary file as YamlDotNet reports it (one-based line and column, as YamlDotNet counts them)
    /// as an LSP position. The only conversion of a position that does not go through a
    /// <see cref="LineMap"/>: the glossary file's text is not at hand, and none is needed.
    /// </summary>
    public static Position FromOneBased(int line, int column) => new(Math.Max(0, line - 1), Math.Max(0, column - 1));

    /// <summary>
    /// Where a glossary entry starts in its file as an empty LSP location there: a <c>file:</c> URI for a rooted path,
    /// the virtual URI (<see cref="BundledUri"/>) for a file of the embedded glossary, which only clients that asked
    /// for virtual documents are given (Core leaves those entries out for the others).
    /// </summary>
    public static Location ToLocation(Core.Glossary.SourceLocation source)
    {
        var start = FromOneBased(source.Line, source.Column);
        string uri = source.IsOnDisk ? ToUri(source.File) : BundledUri.FromFile(source.File);
        return new Location(uri, new Range(start, start));
    }

    /// <summary>
    /// A problem of a glossary file (or, with <paramref name="code"/> <c>glossary.invalid-config</c>, of a project config;
    /// one-based line and column) as an LSP diagnostic at that point.
    /// </summary>
    public static Diagnostic ToDiagnostic(Core.Glossary.GlossaryProblem problem, bool codeDescription, string code = InvalidFileCode)
    {
        var position = FromOneBased(problem.Location.Line, problem.Location.Column);
        int severity = problem.Severity == Core.Glossary.ProblemSeverity.Error ? 1 : 2;
        return new Diagnostic(new Range(position, position), problem.Message, severity, code, "lsp-glossary",
            CodeDescriptionOf(code, codeDescription));
    }

    /// <summary>The code of a glossary file's problems.</summary>
    public const string InvalidFileCode = "glossary.invalid-file";

    private static CodeDescription? CodeDescriptionOf(string code, bool wanted) => wanted ? new CodeDescription(Rules.DocsUrl(code)) : null;

    /// <summary>Text as MarkupContent of the matching kind ("markdown" or "plaintext").</summary>
    public static MarkupContent ToMarkup(DocumentationFormat format, string text) =>
        new(format == DocumentationFormat.Markdown ? "markdown" : "plaintext", text);

    public static TextEdit ToTextEdit(LineMap lines, TextReplacement replacement) => new(ToRange(lines, replacement.Span), replacement.NewText);
}
