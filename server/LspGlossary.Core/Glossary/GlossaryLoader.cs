namespace LspGlossary.Core.Glossary;

/// <summary>A glossary file's path and text; <see cref="IsBundled"/> for the files shipped with the server.</summary>
public sealed record GlossarySource(string Path, string Text, bool IsBundled);

/// <summary>The glossary built from a set of files, and every problem found, by file.</summary>
public sealed record GlossaryLoadResult(Glossary Glossary, IReadOnlyList<GlossaryProblem> Problems, IReadOnlyList<string> Files)
{
    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);
    public int WarningCount => Problems.Count(p => p.Severity == ProblemSeverity.Warning);
}

/// <summary>
/// Builds the glossary from files in order (bundled first, then workspace files), remembering the last good
/// parse of each file: a file that now has errors keeps contributing its last good entries, so a broken
/// edit never empties the glossary, and its problems are still reported where they are.
/// </summary>
public sealed class GlossaryLoader
{
    private readonly Dictionary<string, GlossaryFileResult> _lastGood = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, GlossaryFileResult Result)> _parsed = new(StringComparer.Ordinal);

    /// <summary>Parses a file, reusing the previous parse when its text has not changed since the last load.</summary>
    private GlossaryFileResult Parse(GlossarySource source)
    {
        lock (_parsed)
        {
            if (_parsed.TryGetValue(source.Path, out var cached) && cached.Text == source.Text) return cached.Result;
        }
        var result = GlossaryFileParser.Parse(source.Text, source.Path);
        lock (_parsed) _parsed[source.Path] = (source.Text, result);
        return result;
    }

    public GlossaryLoadResult Load(IReadOnlyList<GlossarySource> sources)
    {
        var used = new List<GlossaryFileResult>();
        var fileProblems = new List<GlossaryProblem>();
        // Files parse independently: in parallel, then merged in order.
        var parsedFiles = new GlossaryFileResult[sources.Count];
        Parallel.For(0, sources.Count, i => parsedFiles[i] = Parse(sources[i]));
        for (int i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var parsed = parsedFiles[i];
            if (!source.IsBundled)
            {
                parsed = parsed with { Entries = parsed.Entries.Select(e => e with { IsBundled = false }).ToList() };
            }
            fileProblems.AddRange(parsed.Problems);
            if (!parsed.HasErrors)
            {
                _lastGood[source.Path] = parsed;
                used.Add(parsed with { Problems = [] });
            }
            else if (_lastGood.TryGetValue(source.Path, out var lastGood))
            {
                fileProblems.Add(new GlossaryProblem(new SourceLocation(source.Path, 1, 1),
                    "This file has errors: its last good version stays in use until they are fixed.", ProblemSeverity.Warning));
                used.Add(lastGood with { Problems = [] });
            }
            else
            {
                // Never loaded cleanly: use the entries that did parse.
                used.Add(parsed with { Problems = [] });
            }
        }
        var glossary = Glossary.Build(used);
        lock (_parsed)
        {
            foreach (var key in _parsed.Keys.Where(k => !sources.Any(s => s.Path == k)).ToList()) _parsed.Remove(key);
        }
        var problems = fileProblems.Concat(glossary.Problems).ToList();
        return new GlossaryLoadResult(glossary, problems, sources.Select(s => s.Path).ToList());
    }
}
