using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// The rule <c>glossary.first-use-expansion</c> (off by default): the first use of an acronym-like term that has an
/// expansion, without its expansion or a Chinese name written next to it (<see cref="AcronymFirstUses"/>, the judgement
/// inlay hints make). The fix writes the long form after the term: <c> (Expansion)</c>, or <c>（中文名）</c> with the
/// entry's first Chinese name in a document whose prose is mainly Chinese.
/// </summary>
public static class FirstUseExpansion
{
    public const string Code = "glossary.first-use-expansion";

    public static IEnumerable<GlossaryDiagnostic> Compute(DocumentAnalysis analysis, Severity severity, CancellationToken cancellationToken = default)
    {
        string text = analysis.Document.Text;
        bool chinese = IsMainlyChinese(text, analysis.Regions.Searchable);
        foreach (var (index, match) in AcronymFirstUses.Find(analysis))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A wrong spelling is the spelling rule's to fix first; both fixes on one span would collide.
            if (match.IsWrongSpelling || analysis.IsDiagnosticsOff(match)) continue;
            if (AcronymFirstUses.IsLongFormNextTo(analysis.Matches, index, text)) continue;
            string found = text.Substring(match.Span.Start, match.Span.Length);
            string expansion = match.Entry.Expansion!.Trim();
            bool inChinese = chinese && match.Entry.ChineseNames.Count > 0;
            string longForm = inChinese ? $"（{match.Entry.ChineseNames[0]}）" : $" ({expansion})";
            string message = $"First use of '{found}' without its expansion: write '{found}{longForm}'" + (inChinese ? $" ({expansion})." : ".");
            yield return new GlossaryDiagnostic(match.Span, Code, message, severity, found, found + longForm)
            {
                FixTitle = $"Write '{longForm.Trim()}' after '{found}'",
            };
        }
    }

    /// <summary>
    /// True when the searchable text has more Han characters than a third of its ASCII letters: a Chinese word is
    /// about two characters, an English one five letters, and Chinese prose names English terms often.
    /// </summary>
    public static bool IsMainlyChinese(string text, IReadOnlyList<TextSpan> regions)
    {
        long han = 0, latin = 0;
        foreach (var region in regions)
        {
            int end = Math.Min(region.End, text.Length);
            for (int i = region.Start; i < end; i++)
            {
                char c = text[i];
                if (Script.IsHan(c)) han++;
                else if (char.IsAsciiLetter(c)) latin++;
            }
        }
        return han > 0 && han * 3 > latin;
    }
}
