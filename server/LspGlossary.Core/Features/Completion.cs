using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// A completion of <see cref="Entry"/>'s term. <see cref="Insert"/> is the typed prefix (its start to the cursor);
/// <see cref="Replace"/> is the whole word under the cursor, both sides, which accepting the item replaces
/// (<c>Ql|ora</c> becomes <c>QLoRA</c>). <see cref="FilterText"/> is the spelling the prefix matched.
/// </summary>
public sealed record CompletionCandidate(GlossaryEntry Entry, TextSpan Insert, TextSpan Replace, string FilterText, string Documentation);

/// <summary>
/// Completion in prose and comments: the word before the cursor is a case-insensitive prefix of an acronym,
/// an English expansion or a Chinese name. Nothing is offered outside searchable regions.
/// </summary>
public static class Completion
{
    public const int MaxItems = 100;

    public static List<CompletionCandidate> Compute(DocumentAnalysis analysis, int offset, Glossary.Glossary glossary, bool chineseFirst,
        DocumentationFormat format = DocumentationFormat.Markdown)
    {
        var result = new List<CompletionCandidate>();
        string text = analysis.Document.Text;
        if (offset < 0 || offset > text.Length || !analysis.IsSearchable(offset)) return result;

        // A Latin prefix: letters, digits, '-' (fine-tu…).
        int start = offset;
        while (start > 0 && (Script.IsWordChar(text[start - 1]) || text[start - 1] == '-')) start--;
        if (start < offset)
        {
            // The rest of the word after the cursor is replaced too.
            int end = offset;
            while (end < text.Length && (Script.IsWordChar(text[end]) || text[end] == '-')) end++;
            string prefix = Script.FoldWidth(text[start..offset]);
            foreach (var entry in glossary.Entries)
            {
                string? spelling = FirstStartingWith(prefix, entry.Term, entry.Expansion, entry.Aliases);
                if (spelling is not null) result.Add(Candidate(entry, start, offset, end, spelling, glossary, chineseFirst, format));
                if (result.Count >= MaxItems) break;
            }
            return result;
        }

        // A Chinese prefix: Chinese has no spaces, so try the longest tail of the Han run that starts a name.
        // The Han text after the cursor is the next word, not the rest of this one: it is kept.
        int runStart = offset;
        while (runStart > 0 && offset - runStart < 12 && Script.IsHan(text[runStart - 1])) runStart--;
        for (int tail = runStart; tail < offset; tail++)
        {
            string prefix = text[tail..offset];
            foreach (var entry in glossary.Entries)
            {
                string? name = entry.ChineseNames.FirstOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal));
                if (name is not null) result.Add(Candidate(entry, tail, offset, offset, name, glossary, chineseFirst, format));
            }
            if (result.Count > 0) break;
        }
        return result;
    }

    private static string? FirstStartingWith(string prefix, string term, string? expansion, IReadOnlyList<string> aliases)
    {
        if (term.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return term;
        if (expansion is not null && expansion.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return expansion;
        return aliases.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static CompletionCandidate Candidate(GlossaryEntry entry, int start, int cursor, int end, string filterText,
        Glossary.Glossary glossary, bool chineseFirst, DocumentationFormat format) =>
        new(entry, TextSpan.FromBounds(start, cursor), TextSpan.FromBounds(start, end), filterText, Hover.Render(entry, glossary, chineseFirst, format));
}
