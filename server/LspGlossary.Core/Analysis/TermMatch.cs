using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>How the text of a match relates to its entry.</summary>
public enum MatchKind
{
    /// <summary>The canonical term, an accepted alias, or a case form of a plain word ("transformer").</summary>
    Accepted,
    ChineseName,
    Expansion,
    /// <summary>A spelling the glossary lists as wrong (<c>variants</c>).</summary>
    Variant,
    /// <summary>
    /// Another casing of an acronym-like term or alias (<c>LORA</c>, <c>TOT</c>), of a term with an acronym word
    /// (<c>KV CACHE</c> for <c>KV cache</c>), or of a listed variant; a capital plural (<c>LLMS</c>). Never all lower case.
    /// </summary>
    CaseVariant,
}

/// <summary>
/// A term found in a document. <see cref="InIdentifier"/> is true when the match sits inside an
/// identifier-like token (<c>peft.tuners</c>, <c>lora_alpha</c>, a path or URL): it may hover, but is never diagnosed.
/// </summary>
public readonly record struct TermMatch(TextSpan Span, GlossaryEntry Entry, MatchKind Kind, bool InIdentifier)
{
    public bool IsWrongSpelling => (Kind is MatchKind.Variant or MatchKind.CaseVariant) && !InIdentifier;
}
