namespace LspGlossary.Core.Glossary;

/// <summary>
/// The loaded glossary: its entries by id, plus the problems found across files (duplicate ids, one
/// spelling claimed by two entries, variants that equal a canonical term, related ids that do not exist).
/// Immutable: a reload builds a new one.
/// </summary>
public sealed class Glossary
{
    private readonly Dictionary<string, GlossaryEntry> _byId;

    private Glossary(List<GlossaryEntry> entries, List<GlossaryProblem> problems)
    {
        Entries = entries;
        Problems = problems;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public static readonly Glossary Empty = new([], []);

    /// <summary>The enabled entries, in file order.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    public IReadOnlyList<GlossaryProblem> Problems { get; }

    /// <summary>Spellings (terms, Chinese names, aliases, variants) a glossary may hold in all: entries past it are left out.</summary>
    public const int MaxSpellings = 200_000;

    /// <summary>Problems a glossary reports in all; the rest are counted in one last problem.</summary>
    public const int MaxProblems = 1_000;

    public GlossaryEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Builds a glossary from parsed files, in order. An id seen again in a later file overrides the fields
    /// that file sets; <c>disabled: true</c> removes the entry.
    /// </summary>
    public static Glossary Build(IEnumerable<GlossaryFileResult> files)
    {
        var problems = new List<GlossaryProblem>();
        var order = new List<string>();
        var merged = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            problems.AddRange(file.Problems);
            var seenInFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in file.Entries)
            {
                if (!seenInFile.Add(entry.Id))
                {
                    problems.Add(new(entry.Source, $"Duplicate id '{entry.Id}' in the same file."));
                    continue;
                }
                if (merged.TryGetValue(entry.Id, out var existing))
                {
                    merged[entry.Id] = Overlay(existing, entry);
                }
                else
                {
                    merged[entry.Id] = entry;
                    order.Add(entry.Id);
                }
            }
        }

        var entries = new List<GlossaryEntry>();
        int spellings = 0;
        foreach (var id in order)
        {
            var entry = merged[id];
            if (entry.Disabled) continue;
            spellings += 1 + entry.ChineseNames.Count + entry.Aliases.Count + entry.Variants.Count + entry.Exceptions.Count;
            if (spellings > MaxSpellings)
            {
                problems.Add(new(entry.Source, $"The glossary holds more than {MaxSpellings} spellings: '{id}' and the entries after it were left out."));
                break;
            }
            if (string.IsNullOrWhiteSpace(entry.Term))
            {
                problems.Add(new(entry.Source, $"The entry '{id}' has no 'term' (a new term needs 'term' and 'definition')."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.DefinitionEn) && string.IsNullOrWhiteSpace(entry.DefinitionZh))
            {
                problems.Add(new(entry.Source, $"The entry '{id}' has no 'definition' (give 'definition.en', 'definition.zh' or both)."));
            }
            entries.Add(entry);
        }
        CheckSpellings(entries, problems);
        CheckRelated(entries, merged, problems);
        if (problems.Count > MaxProblems)
        {
            int more = problems.Count - MaxProblems;
            problems.RemoveRange(MaxProblems, more);
            problems.Add(new(problems[^1].Location with { Line = 1, Column = 1 }, $"{more} more glossary problems are not shown."));
        }
        return new Glossary(entries, problems);
    }

    /// <summary>
    /// A later file's entry overrides the fields it sets; unset fields keep the earlier value. A spelling the later file
    /// lists as an alias is accepted: it is no longer one of the entry's variants (exact spelling), whichever file listed it
    /// ("Accept as a spelling" writes an alias to the team glossary, and the finding must go).
    /// </summary>
    private static GlossaryEntry Overlay(GlossaryEntry baseEntry, GlossaryEntry over) => baseEntry with
    {
        Term = over.Term.Length > 0 ? over.Term : baseEntry.Term,
        Expansion = over.Expansion ?? baseEntry.Expansion,
        ChineseNames = over.ChineseNames.Count > 0 ? over.ChineseNames : baseEntry.ChineseNames,
        Aliases = over.Aliases.Count > 0 ? over.Aliases : baseEntry.Aliases,
        Variants = WithoutAccepted(over.Variants.Count > 0 ? over.Variants : baseEntry.Variants, over.Aliases),
        Exceptions = over.Exceptions.Count > 0 ? over.Exceptions : baseEntry.Exceptions,
        Category = over.Category.Length > 0 ? over.Category : baseEntry.Category,
        DefinitionZh = over.DefinitionZh ?? baseEntry.DefinitionZh,
        DefinitionEn = over.DefinitionEn ?? baseEntry.DefinitionEn,
        Related = over.Related.Count > 0 ? over.Related : baseEntry.Related,
        References = over.References.Count > 0 ? over.References : baseEntry.References,
        Note = over.Note ?? baseEntry.Note,
        Disabled = over.Disabled,
        Source = over.Source,
        Extent = over.Extent,
        NameSpan = over.NameSpan,
        IsBundled = over.IsBundled,
    };

    private static IReadOnlyList<string> WithoutAccepted(IReadOnlyList<string> variants, IReadOnlyList<string> aliases) =>
        aliases.Count == 0 ? variants : variants.Where(v => !aliases.Contains(v, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// One spelling belongs to one entry. Latin spellings are compared ignoring case, Chinese ones exactly (case
    /// does not apply), except that two acronym-like spellings written with different capitals are different
    /// words (XAI, explainable AI; xAI, the company). An exception must contain one of its entry's spellings and
    /// must not be another entry's spelling.
    /// </summary>
    private static void CheckSpellings(List<GlossaryEntry> entries, List<GlossaryProblem> problems)
    {
        var owners = new Dictionary<string, List<(string Spelling, GlossaryEntry Entry)>>(StringComparer.OrdinalIgnoreCase);
        var canonical = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var entry in entries) canonical.TryAdd(entry.Term, entry);

        foreach (var entry in entries)
        {
            var mine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var spelling in entry.AllSpellings())
            {
                if (!mine.Add(spelling)) continue;
                if (!owners.TryGetValue(spelling, out var claims)) owners[spelling] = claims = [];
                var owner = claims.FirstOrDefault(c => c.Entry.Id != entry.Id && !DifferentAcronyms(c.Spelling, spelling)).Entry;
                if (owner is not null)
                {
                    problems.Add(new(entry.Source, $"The spelling '{spelling}' of '{entry.Id}' is already claimed by '{owner.Id}' ({owner.Source})."));
                }
                else
                {
                    claims.Add((spelling, entry));
                }
            }
            foreach (var variant in entry.Variants)
            {
                if (canonical.TryGetValue(variant, out var other))
                {
                    problems.Add(new(entry.Source, $"The variant '{variant}' of '{entry.Id}' is the canonical term of '{other.Id}'."));
                }
            }
        }

        foreach (var entry in entries)
        {
            foreach (var exception in entry.Exceptions)
            {
                if (owners.TryGetValue(exception, out var claims) && claims.Count > 0)
                {
                    problems.Add(new(entry.Source, $"The exception '{exception}' of '{entry.Id}' is a spelling of '{claims[0].Entry.Id}'."));
                }
                else if (!entry.AllSpellings().Any(s => exception.Contains(s, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add(new(entry.Source, $"The exception '{exception}' of '{entry.Id}' contains none of its spellings, so it never applies.", ProblemSeverity.Warning));
                }
            }
        }
    }

    private static bool DifferentAcronyms(string a, string b) =>
        !string.Equals(a, b, StringComparison.Ordinal) && Analysis.TermMatcher.IsAcronymLike(a) && Analysis.TermMatcher.IsAcronymLike(b);

    private static void CheckRelated(List<GlossaryEntry> entries, Dictionary<string, GlossaryEntry> all, List<GlossaryProblem> problems)
    {
        foreach (var entry in entries)
        {
            foreach (var related in entry.Related)
            {
                if (!all.ContainsKey(related))
                {
                    problems.Add(new(entry.Source, $"'{entry.Id}' is related to '{related}', which is not an entry id.", ProblemSeverity.Warning));
                }
            }
        }
    }
}
