using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

public sealed record TextReplacement(TextSpan Span, string NewText);

/// <summary>
/// A code action: a title, its kind, the edits, and the diagnostics it fixes. A <see cref="Deferred"/> action has no
/// edits yet: the client asks for them when it is chosen (LSP <c>codeAction/resolve</c>).
/// </summary>
public sealed record GlossaryCodeAction(string Title, string Kind, IReadOnlyList<TextReplacement> Edits, IReadOnlyList<GlossaryDiagnostic> Fixes,
    bool IsPreferred, bool Deferred = false);

/// <summary>
/// Quick fixes for the findings in a range that have a fix — the replacement, and with the analysis, "Ignore 'X' on this
/// line" (<see cref="IgnoreOnLine"/>) — and a fix-all for the whole document. The fix-all's edit is as large as
/// the document's findings, so it is only built when asked for by kind (<c>only</c> covers <c>source.fixAll.lspGlossary</c>);
/// a request for any kind gets it deferred when the client can resolve it later, and not at all otherwise.
/// </summary>
public static class CodeActions
{
    public const string QuickFix = "quickfix";
    public const string SourceFixAll = "source.fixAll";
    public const string FixAllKind = "source.fixAll.lspGlossary";

    /// <param name="only">The kinds the client asked for; null or empty means any.</param>
    /// <param name="canDefer">The client can resolve an action's edit later (codeAction/resolve).</param>
    /// <param name="analysis">The document's analysis: with it, each finding also gets its "Ignore on this line".</param>
    public static List<GlossaryCodeAction> Compute(IReadOnlyList<GlossaryDiagnostic> diagnostics, TextSpan range, IReadOnlyList<string>? only,
        bool canDefer = false, DocumentAnalysis? analysis = null)
    {
        bool any = only is null || only.Count == 0;
        var actions = new List<GlossaryCodeAction>();
        if (any || Covers(only!, QuickFix))
        {
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Replacement is not null && Touches(diagnostic.Span, range)) actions.Add(QuickFixFor(diagnostic));
            }
            foreach (var diagnostic in diagnostics)
            {
                if (analysis is not null && Touches(diagnostic.Span, range) && IgnoreOnLine.For(analysis, diagnostic) is { } ignore)
                {
                    actions.Add(new GlossaryCodeAction($"Ignore '{diagnostic.Found}' on this line", QuickFix, [ignore], [diagnostic], IsPreferred: false));
                }
            }
        }
        if (diagnostics.Any(d => d.Replacement is not null))
        {
            if (!any && Covers(only!, FixAllKind)) actions.Add(FixAll(diagnostics));
            else if (any && canDefer) actions.Add(FixAll(diagnostics) with { Edits = [], Fixes = [], Deferred = true });
        }
        return actions;
    }

    /// <summary>The quick fix of a diagnostic that has one (a <see cref="GlossaryDiagnostic.Replacement"/>).</summary>
    public static GlossaryCodeAction QuickFixFor(GlossaryDiagnostic diagnostic) => new(
        diagnostic.FixTitle ?? $"Change '{diagnostic.Found}' to '{diagnostic.Replacement}'",
        QuickFix,
        [new TextReplacement(diagnostic.Span, diagnostic.Replacement ?? diagnostic.Found)],
        [diagnostic],
        IsPreferred: true);

    /// <summary>The fix-all action. It lists no diagnostics: its title says how many it fixes.</summary>
    public static GlossaryCodeAction FixAll(IReadOnlyList<GlossaryDiagnostic> diagnostics) => new(
        $"Fix all glossary findings in the file ({diagnostics.Count(d => d.Replacement is not null)})",
        FixAllKind,
        Features.FixAll.Replacements(diagnostics),
        [],
        IsPreferred: false);

    /// <summary>Kinds are hierarchical: asking for "source.fixAll" or "source" includes "source.fixAll.lspGlossary".</summary>
    public static bool Covers(IReadOnlyList<string> only, string kind) =>
        only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    /// <summary>An empty range (a cursor) touches the spans around it; a selection, those it overlaps.</summary>
    public static bool Touches(TextSpan span, TextSpan range) =>
        range.Length == 0 ? span.ContainsOrTouches(range.Start) : span.Overlaps(range);
}
