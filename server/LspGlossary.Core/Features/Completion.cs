using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>A completion: insert <see cref="Entry"/>'s term over <see cref="Replace"/>; <see cref="FilterText"/> is the spelling typed.</summary>
public sealed record CompletionCandidate(GlossaryEntry Entry, TextSpan Replace, string FilterText, string Documentation);

/// <summary>
/// Completion in prose and comments: the word before the cursor is a case-insensitive prefix of an acronym,
/// an English expansion or a Chinese name. Nothing is offered outside searchable regions.
/// </summary>
public static class Completion
{
    public const int MaxItems = 100;

    public static List<CompletionCandidate> Compute(DocumentAnalysis analysis, int offset, Glossary.Glossary glossary, bool chineseFirst)
    {
        var result = new List<CompletionCandidate>();
        string text = analysis.Document.Text;
        if (offset < 0 || offset > text.Length || !analysis.IsSearchable(offset)) return result;

        // A Latin prefix: letters, digits, '-' (fine-tu…).
        int start = offset;
        while (start > 0 && (Script.IsWordChar(text[start - 1]) || text[start - 1] == '-')) start--;
        if (start < offset)
        {
            string prefix = Script.FoldWidth(text[start..offset]);
            foreach (var entry in glossary.Entries)
            {
                string? spelling = FirstStartingWith(prefix, entry.Term, entry.Expansion, entry.Aliases);
                if (spelling is not null) result.Add(Candidate(entry, start, offset, spelling, glossary, chineseFirst));
                if (result.Count >= MaxItems) break;
            }
            return result;
        }

        // A Chinese prefix: Chinese has no spaces, so try the longest tail of the Han run that starts a name.
        int runStart = offset;
        while (runStart > 0 && offset - runStart < 12 && IsHan(text[runStart - 1])) runStart--;
        for (int tail = runStart; tail < offset; tail++)
        {
            string prefix = text[tail..offset];
            foreach (var entry in glossary.Entries)
            {
                string? name = entry.ChineseNames.FirstOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal));
                if (name is not null) result.Add(Candidate(entry, tail, offset, name, glossary, chineseFirst));
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

    private static CompletionCandidate Candidate(GlossaryEntry entry, int start, int end, string filterText, Glossary.Glossary glossary, bool chineseFirst) =>
        new(entry, TextSpan.FromBounds(start, end), filterText, Hover.Render(entry, glossary, chineseFirst));

    private static bool IsHan(char c) => (c >= '\u3400' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF');
}
