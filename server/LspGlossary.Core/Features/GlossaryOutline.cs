using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// One entry of a glossary file's outline: <see cref="Name"/> is its term (its id when it has none),
/// <see cref="Detail"/> its expansion or first Chinese name; <see cref="Range"/> its mapping, without the blank
/// lines after it (to the end of its last value's line), and <see cref="Selection"/> the value of its <c>term:</c> (or <c>id:</c>), inside it.
/// </summary>
public sealed record OutlineItem(string Name, string? Detail, string? Category, TextSpan Range, TextSpan Selection);

/// <summary>Document symbols of a glossary file: its entries, from its current text.</summary>
public static class GlossaryOutline
{
    /// <summary>
    /// The entries of <paramref name="text"/> in file order, disabled ones included (it is the file's outline, not the
    /// glossary's). Parsed with <see cref="GlossaryFileParser"/>, so it never throws: text that is not valid YAML has
    /// no outline, and an entry without an id (which the parser reports and skips) is not in it.
    /// </summary>
    public static IReadOnlyList<OutlineItem> Compute(string text, string file)
    {
        var items = new List<OutlineItem>();
        var entries = GlossaryFileParser.Parse(text, file).Entries;
        for (int e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            if (entry.Extent is not { } extent) continue;
            // To the end of the line of its last value (a trailing comment, a flow mapping's `}`), not into the next entry.
            int start = Math.Min(extent.Start, text.Length), end = Math.Min(extent.End, text.Length);
            while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
            if (e + 1 < entries.Count && entries[e + 1].Extent is { } next && next.Start > start) end = Math.Min(end, next.Start);
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            var name = entry.NameSpan is { } n ? n : new TextSpan(start, 0);
            int nameStart = Math.Clamp(name.Start, start, end), nameEnd = Math.Clamp(name.End, nameStart, end);
            string? detail = entry.Expansion ?? (entry.ChineseNames.Count > 0 ? entry.ChineseNames[0] : null);
            items.Add(new OutlineItem(!string.IsNullOrWhiteSpace(entry.Term) ? entry.Term : entry.Id, detail, entry.Category.Length > 0 ? entry.Category : null,
                TextSpan.FromBounds(start, end), TextSpan.FromBounds(nameStart, nameEnd)));
        }
        return items;
    }
}
