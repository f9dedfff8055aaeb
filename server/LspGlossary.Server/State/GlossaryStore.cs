using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Server.State;

/// <summary>The glossary in use and its matcher. Replaced whole on reload; readers take the current one once.</summary>
public sealed class GlossaryStore
{
    private volatile TermMatcher _matcher = new(Glossary.Empty);

    public TermMatcher Matcher => _matcher;
    public Glossary Glossary => _matcher.Glossary;

    /// <summary>Loads every *.yaml file of the bundled glossary folder, in name order.</summary>
    public IReadOnlyList<GlossaryProblem> LoadBundled(string directory)
    {
        var files = new List<GlossaryFileResult>();
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
            {
                files.Add(GlossaryFileParser.Parse(File.ReadAllText(path), path));
            }
        }
        var glossary = Glossary.Build(files);
        _matcher = new TermMatcher(glossary);
        return glossary.Problems;
    }
}
