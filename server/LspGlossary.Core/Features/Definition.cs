using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Core.Features;

/// <summary>Go to definition: from a term in a document to where its glossary entry starts.</summary>
public static class Definition
{
    /// <summary>
    /// Where the entry of the term at <paramref name="offset"/> is defined (a file, 1-based line and column), or null
    /// when no term is there or the entry cannot be opened. Entries of a workspace glossary or of <c>--glossary-dir</c>
    /// have rooted paths; those of the glossary embedded in the binary name their file without a folder, and are
    /// answered only when <paramref name="includeEmbedded"/> is set (<see cref="GlossaryEntry.CanBeOpened"/>).
    /// </summary>
    public static SourceLocation? Compute(DocumentAnalysis analysis, int offset, bool includeEmbedded = false)
    {
        if (analysis.MatchAt(offset) is not { } match) return null;
        return match.Entry.CanBeOpened(includeEmbedded) ? match.Entry.Source : null;
    }
}
