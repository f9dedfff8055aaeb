using LspGlossary.Core.Glossary;

namespace LspGlossary.Core.Features;

/// <summary>
/// One entry found by <see cref="WorkspaceSymbols.Search"/>. <see cref="Name"/> is the term, or "term (spelling)"
/// when the query matched another spelling only (an alias, the expansion, a Chinese name): clients filter the
/// answer again by the name (VS Code scores each name against the query), so the name must contain what matched.
/// </summary>
public sealed record SymbolMatch(GlossaryEntry Entry, string Name);

/// <summary>Workspace symbols: the glossary entries whose term, aliases, expansion or Chinese names contain the query.</summary>
public static class WorkspaceSymbols
{
    /// <summary>At most this many entries are answered (an empty query lists every entry up to it).</summary>
    public const int MaxResults = 500;

    private enum Rank { Exact, Prefix, WordStart, Substring, None }

    /// <summary>
    /// The entries a client can open (<see cref="GlossaryEntry.CanBeOpened"/>: a symbol a client cannot open is a dead
    /// click, so the embedded glossary's entries are left out unless <paramref name="includeEmbedded"/> is set) that
    /// contain <paramref name="query"/>, ignoring case and surrounding spaces, in one of their spellings: spellings
    /// equal to the query first, then those starting with it, then those with a word starting with it, then the rest;
    /// glossary order within each rank.
    /// </summary>
    public static IReadOnlyList<SymbolMatch> Search(Glossary.Glossary glossary, string query, int max = MaxResults, bool includeEmbedded = false)
    {
        query = query.Trim();
        var found = new List<(Rank Rank, int Index, SymbolMatch Match)>();
        for (int i = 0; i < glossary.Entries.Count; i++)
        {
            var entry = glossary.Entries[i];
            if (!entry.CanBeOpened(includeEmbedded)) continue;
            if (query.Length == 0)
            {
                found.Add((Rank.Exact, i, new SymbolMatch(entry, entry.Term)));
                continue;
            }
            var (rank, spelling) = BestSpelling(entry, query);
            if (rank == Rank.None) continue;
            string name = spelling == entry.Term ? entry.Term : $"{entry.Term} ({spelling})";
            found.Add((rank, i, new SymbolMatch(entry, name)));
        }
        return found.OrderBy(f => f.Rank).ThenBy(f => f.Index).Take(max).Select(f => f.Match).ToList();
    }

    /// <summary>The best ranked of the entry's searched spellings; the term wins a tie.</summary>
    private static (Rank Rank, string? Spelling) BestSpelling(GlossaryEntry entry, string query)
    {
        var best = (Rank: Rank.None, Spelling: (string?)null);
        foreach (var spelling in Searched(entry))
        {
            var rank = RankOf(spelling, query);
            if (rank < best.Rank) best = (rank, spelling);
        }
        return best;
    }

    private static IEnumerable<string> Searched(GlossaryEntry entry)
    {
        yield return entry.Term;
        foreach (var alias in entry.Aliases) yield return alias;
        if (entry.Expansion is not null) yield return entry.Expansion;
        foreach (var name in entry.ChineseNames) yield return name;
    }

    private static Rank RankOf(string spelling, string query)
    {
        int at = spelling.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return Rank.None;
        if (at == 0) return spelling.Length == query.Length ? Rank.Exact : Rank.Prefix;
        for (; at >= 0; at = spelling.IndexOf(query, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!char.IsLetterOrDigit(spelling[at - 1])) return Rank.WordStart;
        }
        return Rank.Substring;
    }
}
