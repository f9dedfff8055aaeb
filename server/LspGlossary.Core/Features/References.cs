using LspGlossary.Core.Glossary;
using LspGlossary.Core.Workspace;

namespace LspGlossary.Core.Features;

/// <summary>A use of an entry in a file (<see cref="FileTerms.Key"/>: a path, or a URI for a document without one).</summary>
public readonly record struct Reference(string Key, TermUse Use);

/// <summary>
/// Find references: every use of an entry across the workspace, in every spelling and language (term, aliases,
/// Chinese names, expansion; wrong spellings when asked), from the term index with the open documents' own
/// analyses in place of their files.
/// </summary>
public static class References
{
    /// <summary>At most this many references per answer.</summary>
    public const int MaxResults = 10_000;

    /// <summary>The files a query reads: the index's, each open document's uses replacing those of its file.</summary>
    public static IEnumerable<FileTerms> Merge(TermIndex index, IReadOnlyList<FileTerms> open)
    {
        var openKeys = open.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return open.Concat(index.Files.Values.Where(f => !openKeys.Contains(f.Key)));
    }

    /// <summary>The uses of the entry <paramref name="entryId"/>, ordered by file key, then position; at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Reference> Find(string entryId, IEnumerable<FileTerms> files, bool includeWrongSpellings, int max = MaxResults)
    {
        var found = new List<Reference>();
        foreach (var file in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var use in file.Uses)
            {
                if (!string.Equals(use.EntryId, entryId, StringComparison.Ordinal) || (use.IsWrongSpelling && !includeWrongSpellings)) continue;
                found.Add(new Reference(file.Key, use));
                if (found.Count >= max) return found;
            }
        }
        return found;
    }

    /// <summary>For each entry used anywhere: how many uses, in how many files (the code lens of a glossary entry).</summary>
    public static Dictionary<string, (int Uses, int Files)> Counts(IEnumerable<FileTerms> files, bool includeWrongSpellings)
    {
        var counts = new Dictionary<string, (int Uses, int Files)>(StringComparer.Ordinal);
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            inFile.Clear();
            foreach (var use in file.Uses)
            {
                if (use.IsWrongSpelling && !includeWrongSpellings) continue;
                var (uses, count) = counts.GetValueOrDefault(use.EntryId);
                counts[use.EntryId] = (uses + 1, inFile.Add(use.EntryId) ? count + 1 : count);
            }
        }
        return counts;
    }

    /// <summary>
    /// The entry whose mapping contains <paramref name="offset"/> in a glossary file's text (for references and rename
    /// on an entry of a glossary YAML file), or null.
    /// </summary>
    public static GlossaryEntry? EntryInGlossaryFile(string text, string file, int offset)
    {
        foreach (var entry in GlossaryFileParser.Parse(text, file).Entries)
        {
            if (entry.Extent is { } extent && offset >= extent.Start && offset <= extent.End) return entry;
        }
        return null;
    }

    /// <summary>"3 uses in 2 files", "1 use in 1 file", "no uses".</summary>
    public static string CountLabel(int uses, int files) =>
        uses == 0 ? "no uses" : $"{uses} {(uses == 1 ? "use" : "uses")} in {files} {(files == 1 ? "file" : "files")}";
}
