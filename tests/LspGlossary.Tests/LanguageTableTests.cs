using System.Text.Json;
using System.Text.RegularExpressions;
using LspGlossary.Core.Analysis;
using Xunit;

namespace LspGlossary.Tests;

/// <summary>
/// The language table (<see cref="Languages"/>) is the one list of code languages; these tests keep every other
/// list of them — the extension's manifest and the README — equal to it.
/// </summary>
public class LanguageTableTests
{
    private static readonly string[] Expected =
        Languages.All.Select(language => language.Id).Append("markdown").Order(StringComparer.Ordinal).ToArray();

    private static JsonElement PackageJson() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "package.json"))).RootElement;

    [Fact]
    public void Activation_events_are_the_table_and_markdown()
    {
        var ids = PackageJson().GetProperty("activationEvents").EnumerateArray()
            .Select(e => e.GetString()!)
            .Where(e => e.StartsWith("onLanguage:", StringComparison.Ordinal))
            .Select(e => e["onLanguage:".Length..])
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Expected, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_languages_setting_offers_the_table_and_markdown()
    {
        var values = PackageJson().GetProperty("contributes").GetProperty("configuration").GetProperty("properties")
            .GetProperty("lspGlossary.languages").GetProperty("items").GetProperty("enum").EnumerateArray()
            .Select(e => e.GetString()!)
            .ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Equal(Expected, values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_readme_table_names_every_language_and_its_files()
    {
        string readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        int start = readme.IndexOf("<!-- languages:", StringComparison.Ordinal);
        int end = readme.IndexOf("<!-- end of languages -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no languages table.");
        var rows = readme[start..end].Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains('`'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[2].Trim('`'), cells => Regex.Matches(cells[3], "`([^`]+)`").Select(m => m.Groups[1].Value).ToArray());

        Assert.Equal(Languages.All.Select(language => language.Id).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var language in Languages.All)
        {
            Assert.Equal(language.Extensions.Concat(language.FileNames), rows[language.Id]);
        }
    }

    [Fact]
    public void The_pre_commit_hook_passes_the_files_check_reads()
    {
        string hooks = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ".pre-commit-hooks.yaml"));
        var files = Regex.Match(hooks, @"^\s*files: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        var pattern = new Regex(files);
        var extensions = Regex.Match(files, @"\\\.\(([^)]+)\)").Groups[1].Value.Split('|').Select(e => "." + e);
        var names = Regex.Match(files, @"\(\^\|/\)\(([^)]+)\)").Groups[1].Value.Split('|');
        Assert.Equal(
            Languages.All.SelectMany(language => language.Extensions).Concat(Languages.MarkdownExtensions).Order(StringComparer.Ordinal),
            extensions.Order(StringComparer.Ordinal));
        Assert.Equal(Languages.All.SelectMany(language => language.FileNames).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        foreach (string path in new[] { "docs/a.md", "src/x.PY", "Dockerfile", "a/GNUmakefile" }) Assert.Matches(pattern, path);
        foreach (string path in new[] { "notes.txt", "a.json", "Makefile.am" }) Assert.DoesNotMatch(pattern, path);
    }

    [Theory]
    [InlineData("a/b/model.py", "python")]
    [InlineData("README.MD", "markdown")]
    [InlineData("notes.markdown", "markdown")]
    [InlineData("src/Dockerfile", "dockerfile")]
    [InlineData("GNUmakefile", "makefile")]
    [InlineData("dockerfile", null)]
    [InlineData("x.CU", "cuda-cpp")]
    [InlineData("notes.txt", null)]
    [InlineData("Makefile.am", null)]
    public void A_file_is_its_language_by_name(string path, string? expected) => Assert.Equal(expected, Languages.ForPath(path));

    [Fact]
    public void Names_are_unique_and_every_extension_belongs_to_one_language()
    {
        var names = Languages.All.SelectMany(language => language.Aliases.Prepend(language.Id)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var extensions = Languages.All.SelectMany(language => language.Extensions).Concat(Languages.MarkdownExtensions).ToList();
        Assert.Equal(extensions.Count, extensions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(extensions, extension => Assert.StartsWith(".", extension));
    }

    [Fact]
    public void Check_accepts_every_id_of_the_table_and_markdown() => Assert.Equal(Expected, Languages.CheckedIds);

    /// <summary>
    /// docs/editors/nvim/lsp/lsp_glossary.lua lists Neovim's filetypes: each must be a name the server knows, and
    /// together they must reach every language of the table and Markdown.
    /// </summary>
    [Fact]
    public void The_neovim_config_filetypes_reach_every_language_and_only_known_names()
    {
        string lua = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "docs", "editors", "nvim", "lsp", "lsp_glossary.lua"));
        var block = Regex.Match(lua, @"^\s*filetypes = \{(.*?)\},$", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(block.Success, "lsp_glossary.lua has no filetypes table.");
        var filetypes = Regex.Matches(block.Groups[1].Value, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(filetypes.Count, filetypes.Distinct(StringComparer.Ordinal).Count());
        var unknown = filetypes.Where(ft => ft != "markdown" && Languages.Find(ft) is null).ToList();
        Assert.True(unknown.Count == 0, $"filetypes the server does not know: {string.Join(", ", unknown)}");
        var reached = filetypes.Select(ft => ft == "markdown" ? "markdown" : Languages.Find(ft)!.Id).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Expected, reached);
    }
}
