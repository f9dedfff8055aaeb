using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Core.Features;

/// <summary>Go to definition: from a term in a document to where its glossary entry starts.</summary>
public static class Definition
{
    /// <summary>
    /// Where the entry of the term at <paramref name="offset"/> is defined (a file path, 1-based line and column), or
    /// null when no term is there or the entry has no file: entries of the glossary embedded in the binary name
    /// their file without a folder. Entries of a workspace glossary or of <c>--glossary-dir</c> have rooted paths.
    /// </summary>
    public static SourceLocation? Compute(DocumentAnalysis analysis, int offset)
    {
        if (analysis.MatchAt(offset) is not { } match) return null;
        var source = match.Entry.Source;
        return source.IsOnDisk ? source : null;
    }
}
