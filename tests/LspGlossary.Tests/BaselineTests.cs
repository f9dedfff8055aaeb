using System.Text;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>
/// Diagnostics on real documents, with the bundled glossary, compared with readable baseline files
/// (<c>Baselines/corpus/NAME.diagnostics.md</c>): each flagged line is shown with a marker line under it.
/// Set UPDATE_BASELINES=1 to rewrite them, then review the diff.
/// </summary>
public class BaselineTests
{
    private static readonly string SourceDirectory = Path.Combine(TestSupport.RepoRoot, "tests", "LspGlossary.Tests", "Baselines", "corpus");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(SourceDirectory).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (!name.EndsWith(".diagnostics.md", StringComparison.Ordinal) && name != "SOURCES.md") data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Diagnostics_match_the_baseline(string name)
    {
        string text = File.ReadAllText(Path.Combine(SourceDirectory, name));
        string actual = Render(name, text);
        string baselinePath = Path.Combine(SourceDirectory, name + ".diagnostics.md");
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(baselinePath, actual);
            return;
        }
        Assert.True(File.Exists(baselinePath), $"No baseline for {name}: run the tests with UPDATE_BASELINES=1.");
        Assert.Equal(File.ReadAllText(baselinePath).ReplaceLineEndings("\n"), actual);
    }

    private static string Render(string name, string text)
    {
        string languageId = Languages.ForPath(name) ?? throw new InvalidOperationException($"{name}: not a checked file type");
        var matcher = new TermMatcher(BundledGlossaryTests.Bundled.Value);
        var document = new TextDocument("file:///" + name, languageId, 1, text);
        var analysis = DocumentAnalysis.Analyze(document, matcher);
        var diagnostics = Diagnostics.Compute(analysis, Severity.Warning);

        var output = new StringBuilder();
        output.Append("# ").Append(name).Append(" (").Append(languageId).Append(")\n\n");
        output.Append(diagnostics.Count).Append(" diagnostics; ").Append(analysis.Matches.Count).Append(" terms found.\n\n```text\n");
        foreach (var group in diagnostics.GroupBy(d => document.Lines.LineOf(d.Span.Start)))
        {
            int line = group.Key;
            int start = document.Lines.LineStart(line);
            string content = text[start..document.Lines.LineContentEnd(line)];
            output.Append(line + 1).Append(": ").Append(content).Append('\n');
            string indent = new(' ', (line + 1).ToString().Length + 2);
            foreach (var diagnostic in group)
            {
                int column = diagnostic.Span.Start - start;
                output.Append(indent).Append(Pad(content, column)).Append(new string('^', diagnostic.Span.Length))
                    .Append(' ').Append(diagnostic.Code).Append(": ").Append(diagnostic.Found).Append(" -> ").Append(diagnostic.Replacement).Append('\n');
            }
        }
        output.Append("```\n");
        return output.ToString();
    }

    /// <summary>Spaces that line a marker up under the text: wide (CJK) characters take two columns.</summary>
    private static string Pad(string line, int column)
    {
        int width = 0;
        for (int i = 0; i < column && i < line.Length; i++) width += Script.IsCjk(line[i]) ? 2 : 1;
        return new string(' ', width);
    }
}
