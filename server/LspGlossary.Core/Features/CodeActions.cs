using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

public sealed record TextReplacement(TextSpan Span, string NewText);

/// <summary>A code action: a title, its kind, the edits, and the diagnostics it fixes.</summary>
public sealed record GlossaryCodeAction(string Title, string Kind, IReadOnlyList<TextReplacement> Edits, IReadOnlyList<GlossaryDiagnostic> Fixes, bool IsPreferred);

/// <summary>Quick fixes for wrong spellings in a range, and a fix-all for the whole document.</summary>
public static class CodeActions
{
    public const string QuickFix = "quickfix";
    public const string SourceFixAll = "source.fixAll";
    public const string FixAllKind = "source.fixAll.lspGlossary";

    /// <param name="only">The kinds the client asked for; null or empty means any.</param>
    public static List<GlossaryCodeAction> Compute(IReadOnlyList<GlossaryDiagnostic> diagnostics, TextSpan range, IReadOnlyList<string>? only)
    {
        var actions = new List<GlossaryCodeAction>();
        if (Wants(only, QuickFix))
        {
            foreach (var diagnostic in diagnostics)
            {
                if (!Touches(diagnostic.Span, range)) continue;
                actions.Add(new GlossaryCodeAction(
                    $"Change '{diagnostic.Found}' to '{diagnostic.Replacement}'",
                    QuickFix,
                    [new TextReplacement(diagnostic.Span, diagnostic.Replacement)],
                    [diagnostic],
                    IsPreferred: true));
            }
        }
        if (Wants(only, FixAllKind) && diagnostics.Count > 0)
        {
            actions.Add(FixAll(diagnostics));
        }
        return actions;
    }

    public static GlossaryCodeAction FixAll(IReadOnlyList<GlossaryDiagnostic> diagnostics) => new(
        $"Fix all glossary spellings in the file ({diagnostics.Count})",
        FixAllKind,
        diagnostics.Select(d => new TextReplacement(d.Span, d.Replacement)).ToList(),
        diagnostics,
        IsPreferred: false);

    /// <summary>Kinds are hierarchical: asking for "source.fixAll" or "source" includes "source.fixAll.lspGlossary".</summary>
    private static bool Wants(IReadOnlyList<string>? only, string kind) =>
        only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    private static bool Touches(TextSpan span, TextSpan range) =>
        range.Length == 0 ? span.ContainsOrTouches(range.Start) : span.Overlaps(range);
}
