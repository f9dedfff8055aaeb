using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>Shared fixtures: the test glossary, and documents with a <c>$0</c> cursor.</summary>
public static class TestSupport
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static readonly Lazy<TermMatcher> LazyMatcher = new(() =>
    {
        var file = GlossaryFileParser.Parse(File.ReadAllText(FixturePath("test-glossary.yaml")), "test-glossary.yaml");
        var glossary = Glossary.Build([file]);
        Assert.Empty(glossary.Problems);
        return new TermMatcher(glossary);
    });

    public static TermMatcher Matcher => LazyMatcher.Value;
    public static Glossary Glossary => Matcher.Glossary;


    /// <summary>A matcher over a glossary written in the test, in the glossary file format.</summary>
    public static TermMatcher MatcherFor(string yaml)
    {
        var glossary = Glossary.Build([GlossaryFileParser.Parse(yaml, "test-local.yaml")]);
        Assert.Empty(glossary.Problems);
        return new TermMatcher(glossary);
    }

    /// <summary>Removes the <c>$0</c> marker and returns the text and the marker's offset.</summary>
    public static (string Text, int Offset) Cursor(string fixture)
    {
        int offset = fixture.IndexOf("$0", StringComparison.Ordinal);
        Assert.True(offset >= 0, "The fixture has no $0 cursor.");
        return (fixture.Remove(offset, 2), offset);
    }

    public static DocumentAnalysis Analyze(string text, string languageId = "markdown", TermMatcher? matcher = null) =>
        DocumentAnalysis.Analyze(new TextDocument("file:///test", languageId, 1, text), matcher ?? Matcher);

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LspGlossary.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("LspGlossary.sln not found above the test binaries.");
    }
}
