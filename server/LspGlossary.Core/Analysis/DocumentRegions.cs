using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// Where a document is searched for terms. <see cref="Searchable"/> holds prose (Markdown) or comment text
/// (code), sorted and non-overlapping. <see cref="DiagnosticsOff"/> holds spans silenced by inline
/// <c>glossary-disable…</c> directives (<see cref="Directives"/>): terms there still hover, but are never diagnosed;
/// <see cref="TermsOff"/> holds, per name (any case), the spans silenced by directives that name terms.
/// </summary>
public sealed record DocumentRegions(IReadOnlyList<TextSpan> Searchable, IReadOnlyList<TextSpan> DiagnosticsOff)
{
    public static readonly DocumentRegions Empty = new([], []);

    private static readonly IReadOnlyDictionary<string, List<TextSpan>> NoTerms = new Dictionary<string, List<TextSpan>>();

    /// <summary>The spans silenced for one name only, by name (any case); each list sorted and non-overlapping.</summary>
    public IReadOnlyDictionary<string, List<TextSpan>> TermsOff { get; init; } = NoTerms;

    /// <summary>
    /// True when a finding of <paramref name="entry"/> at <paramref name="span"/> is silenced: by a directive for every
    /// term, or by one that names the entry's term, an alias or a variant.
    /// </summary>
    public bool IsDiagnosticsOff(TextSpan span, GlossaryEntry entry)
    {
        if (SpanIndex.Overlaps(DiagnosticsOff, span)) return true;
        if (TermsOff.Count == 0) return false;
        return IsOffFor(span, entry.Term) || entry.Aliases.Any(name => IsOffFor(span, name)) || entry.Variants.Any(name => IsOffFor(span, name));
    }

    /// <summary>
    /// True when a finding at <paramref name="span"/> that belongs to no entry (an unknown acronym) is silenced: by a
    /// directive for every term, or by one that names <paramref name="name"/>.
    /// </summary>
    public bool IsDiagnosticsOff(TextSpan span, string name) => SpanIndex.Overlaps(DiagnosticsOff, span) || IsOffFor(span, name);

    private bool IsOffFor(TextSpan span, string name) => TermsOff.TryGetValue(name, out var spans) && SpanIndex.Overlaps(spans, span);
}
