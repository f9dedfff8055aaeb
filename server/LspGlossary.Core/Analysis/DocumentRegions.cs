using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// Where a document is searched for terms. <see cref="Searchable"/> holds prose (Markdown) or comment text
/// (code), sorted and non-overlapping. <see cref="DiagnosticsOff"/> holds spans silenced by inline
/// <c>glossary-disable…</c> controls: terms there still hover, but are never diagnosed.
/// </summary>
public sealed record DocumentRegions(IReadOnlyList<TextSpan> Searchable, IReadOnlyList<TextSpan> DiagnosticsOff)
{
    public static readonly DocumentRegions Empty = new([], []);
}
