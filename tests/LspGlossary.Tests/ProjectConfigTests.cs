using System.Text;
using LspGlossary.Core.Config;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Server.Cli;

namespace LspGlossary.Tests;

/// <summary>The project config <c>.lsp-glossary.yaml</c>: parsing, the nearest one winning, precedence, and <c>check</c> and <c>init</c> with it.</summary>
public sealed class ProjectConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Full = """
        glossaryFiles: [terms/team.glossary.yaml]
        teamGlossary: team.glossary.yaml
        include: ["docs/**"]
        exclude: docs/vendor/**
        languages: [markdown, python]
        locale: zh
        diagnostics: { enable: true, severity: information }
        rules: { glossary.wrong-variant: error }
        terms: { lora: hint, moe: off }
        """;

    private static ProjectConfig Parse(string text, string file = "/w/.lsp-glossary.yaml")
    {
        var (config, problems) = ProjectConfigParser.Parse(text, file);
        Assert.Empty(problems);
        return config!;
    }

    [Fact]
    public void A_full_config_reads_every_key()
    {
        var config = Parse(Full);
        Assert.Equal(["terms/team.glossary.yaml"], config.GlossaryFiles);
        Assert.Equal("team.glossary.yaml", config.TeamGlossary);
        Assert.Equal(["docs/**"], config.Include);
        Assert.Equal(["docs/vendor/**"], config.Exclude);
        Assert.Equal(["markdown", "python"], config.Languages!.Order());
        Assert.Equal(RuleLevel.Off, config.Terms["moe"]);
        Assert.Equal(RuleLevel.Error, config.Rules["glossary.wrong-variant"]);
        var settings = config.ApplyTo(Settings.Default);
        Assert.Equal("zh", settings.Locale);
        Assert.Equal(Severity.Information, settings.DiagnosticsSeverity);
        Assert.Equal(Severity.Error, Rules.SeverityOf(settings, Diagnostics.WrongVariantCode));
        Assert.Equal(Path.GetFullPath("/w/terms/team.glossary.yaml"), settings.GlossaryFiles!.Single());
        Assert.False(settings.IsLanguageEnabled("rust"));
    }

    [Fact]
    public void The_starter_config_of_init_reads_as_an_empty_config()
    {
        var config = Parse(InitCommand.Starter);
        Assert.Equal(Settings.Default with { }, config.ApplyTo(Settings.Default));
    }

    [Fact]
    public void The_starter_examples_uncommented_parse_cleanly()
    {
        string uncommented = string.Join("\n", InitCommand.Starter.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^# (\s*[a-z][A-Za-z.-]*:( |$))", "$1")));
        var config = Parse(uncommented);
        Assert.Equal(RuleLevel.Off, config.Terms["moe"]);
        Assert.Equal(["CHANGELOG.md", "third_party/**"], config.Exclude);
    }

    [Theory]
    [InlineData("rules: { glossary.wrong-variant: loud }\n", 1, "must be off, error, warning, information or hint")]
    [InlineData("locale: fr\n", 1, "'locale' must be auto, zh or en")]
    [InlineData("terms: [lora]\n", 1, "'terms' must be a mapping")]
    [InlineData("include: { a: b }\n", 1, "'include' must be a list of strings")]
    [InlineData("- a\n- b\n", 1, "must be a mapping")]
    [InlineData("key: [unclosed\n", 2, "YAML syntax error")]
    public void Errors_are_positioned_and_the_config_is_not_used(string text, int line, string message)
    {
        var (config, problems) = ProjectConfigParser.Parse(text, "/w/.lsp-glossary.yaml");
        Assert.Null(config);
        var problem = problems.First(p => p.Severity == ProblemSeverity.Error);
        Assert.Contains(message, problem.Message);
        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_and_the_rest_still_loads()
    {
        var (config, problems) = ProjectConfigParser.Parse("colour: red\nlocale: en\n", "/w/.lsp-glossary.yaml");
        Assert.Equal("en", config!.Locale);
        Assert.Equal(ProblemSeverity.Warning, problems.Single().Severity);
        Assert.Contains("Unknown key 'colour'", problems.Single().Message);
    }

    [Fact]
    public void Hostile_configs_are_bounded()
    {
        Assert.Contains("larger than", ProjectConfigParser.Parse(new string('#', ProjectConfigParser.MaxFileChars + 1), "/w/c").Problems.Single().Message);
        string deep = "include: " + new string('[', 50) + new string(']', 50) + "\n";
        Assert.Contains("nested deeper", ProjectConfigParser.Parse(deep, "/w/c").Problems.Single().Message);
        string aliases = "a: &x [q]\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"k{i}: *x\n"));
        Assert.Contains("aliases", ProjectConfigParser.Parse(aliases, "/w/c").Problems.Single().Message);
        Assert.Equal(40 + 1, ProjectConfigParser.Parse(new string('z', 100) + ": 1\n", "/w/c").Problems.Single().Message.Split('\'')[1].Length);
    }

    [Fact]
    public void The_nearest_config_wins_and_none_above_the_root_is_read()
    {
        var fixture = WorkspaceFixture.Parse("""
            --- .lsp-glossary.yaml
            locale: zh
            --- docs/.lsp-glossary.yaml
            locale: en
            --- docs/a.md
            x
            --- docs/deep/b.md
            x
            --- src/c.py
            # x
            """);
        var w = fixture.Workspace;
        w.Files[Path.Combine(Path.GetDirectoryName(w.Root)!, ".lsp-glossary.yaml")] = "locale: auto\n"; // above the root
        var configs = new ProjectConfigs(w);
        Assert.Equal("en", configs.For(w.PathOf("docs/deep/b.md"), [w.Root])!.Locale);
        Assert.Equal("zh", configs.For(w.PathOf("src/c.py"), [w.Root])!.Locale);
        Assert.Null(configs.For(w.PathOf("src/c.py"), [w.PathOf("src")]));
        Assert.Null(configs.For("/elsewhere/x.md", [w.Root]));
    }

    [Fact]
    public void A_broken_config_keeps_its_last_good_version_and_reports_its_problems()
    {
        var fixture = WorkspaceFixture.Parse("--- .lsp-glossary.yaml\nlocale: zh\n--- a.md\nx\n");
        var w = fixture.Workspace;
        var configs = new ProjectConfigs(w);
        string file = w.PathOf(".lsp-glossary.yaml");
        Assert.Equal("zh", configs.For(w.PathOf("a.md"), [w.Root])!.Locale);
        configs.SetOpenText(file, "locale: [\n");
        Assert.Equal("zh", configs.For(w.PathOf("a.md"), [w.Root])!.Locale);
        Assert.Contains("YAML syntax error", configs.ProblemsOf(file).Single().Message);
        configs.SetOpenText(file, "locale: en\n");
        Assert.Equal("en", configs.For(w.PathOf("a.md"), [w.Root])!.Locale);
        Assert.Empty(configs.ProblemsOf(file));
        w.Files.Remove(file);
        configs.SetOpenText(file, null);
        Assert.Null(configs.For(w.PathOf("a.md"), [w.Root]));
    }

    [Fact]
    public void Include_and_exclude_globs_are_relative_to_the_config()
    {
        var config = Parse("include: [\"docs/**\", \"*.md\"]\nexclude: [docs/vendor/**]\n", Path.Combine(_root, ".lsp-glossary.yaml"));
        bool Checked(string relative) => config.IsIncluded(Path.Combine(_root, relative), LspGlossary.Server.Files.GlobPattern.IsMatch);
        Assert.True(Checked("README.md"));
        Assert.True(Checked("docs/guide/a.md"));
        Assert.False(Checked("docs/vendor/x.md"));
        Assert.False(Checked("src/a.py"));
    }

    [Fact]
    public void The_team_glossary_a_config_names_is_used_only_inside_the_folder()
    {
        string folder = Path.Combine(_root, "ws"), config = Path.Combine(folder, "docs");
        Assert.Equal(Path.Combine(config, "terms", "team.yaml"), TeamGlossaryFile.TeamGlossaryPath(folder, "terms/team.yaml", config));
        Assert.Equal(Path.Combine(folder, "team.glossary.yaml"), TeamGlossaryFile.TeamGlossaryPath(folder, "../../elsewhere.yaml", config));
        Assert.Equal(Path.Combine(folder, "team.glossary.yaml"), TeamGlossaryFile.TeamGlossaryPath(folder, "/etc/passwd", config));
        Assert.Equal(Path.Combine(folder, "team.glossary.yaml"), TeamGlossaryFile.TeamGlossaryPath(folder));
    }

    // ------------------------------------------------------------------ check and init

    private string Write(string relativePath, string text)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
        return path;
    }

    private (int Code, string Out, string Error) Run(Func<string[], CliContext, int> command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, _root, Path.GetDirectoryName(TestSupport.FixturePath("test-glossary.yaml"))!);
        return (command(args, context), output.ToString(), error.ToString());
    }

    [Fact]
    public void Check_follows_the_severity_of_a_term_and_turns_terms_off()
    {
        Write("docs/a.md", "使用Lora微调，and MOE.\n");
        var (code, output, _) = Run(CheckCommand.Run, "--format", "json");
        Assert.Equal(1, code);
        Assert.Contains("\"severity\":\"warning\"", output.Replace(" ", ""));
        Write(".lsp-glossary.yaml", "terms: { lora: error, moe: off }\n");
        (code, output, _) = Run(CheckCommand.Run, "--format", "json");
        Assert.Equal(1, code);
        Assert.Contains("\"severity\":\"error\"", output.Replace(" ", ""));
        Assert.DoesNotContain("MOE", output);
        Write(".lsp-glossary.yaml", "terms: { lora: off, moe: off }\n");
        Assert.Equal(0, Run(CheckCommand.Run).Code);
    }

    [Fact]
    public void Check_leaves_out_excluded_files_and_languages_turned_off_and_a_nearer_config_wins()
    {
        Write(".lsp-glossary.yaml", "exclude: [vendor/**]\nlanguages: [markdown]\n");
        Write("vendor/x.md", "Lora\n");
        Write("src/y.py", "# Lora\n");
        Assert.Equal(0, Run(CheckCommand.Run).Code);
        Write("src/.lsp-glossary.yaml", "languages: [python]\n");
        var (code, output, _) = Run(CheckCommand.Run);
        Assert.Equal(1, code);
        Assert.Contains("y.py", output);
    }

    [Fact]
    public void Check_with_config_file_uses_it_for_every_file()
    {
        Write(".lsp-glossary.yaml", "terms: { lora: off }\n");
        Write("a.md", "Lora\n");
        Write("strict.yaml", "terms: { lora: error }\n");
        Assert.Equal(0, Run(CheckCommand.Run).Code);
        var (code, output, _) = Run(CheckCommand.Run, "--config", "strict.yaml", "--format", "json");
        Assert.Equal(1, code);
        Assert.Contains("\"severity\":\"error\"", output.Replace(" ", ""));
    }

    [Fact]
    public void Check_stops_with_exit_2_on_a_broken_config_and_says_where()
    {
        Write("a.md", "LoRA\n");
        Write(".lsp-glossary.yaml", "terms:\n  lora: loud\n");
        var (code, _, error) = Run(CheckCommand.Run);
        Assert.Equal(2, code);
        Assert.Contains(".lsp-glossary.yaml:2:9: error: 'terms.lora' must be off", error);
        (code, _, error) = Run(CheckCommand.Run, "--config", "missing.yaml");
        Assert.Equal(2, code);
        Assert.Contains("missing.yaml: error: the config was not read", error);
    }

    [Fact]
    public void Config_glossary_files_are_loaded_by_check()
    {
        Write("terms/extra.glossary.txt", "terms:\n  - id: zorp\n    term: ZORP\n    variants: [Zorp]\n    category: general\n    definition: { en: x }\n");
        Write(".lsp-glossary.yaml", "glossaryFiles: [terms/extra.glossary.txt]\n");
        Write("a.md", "Zorp\n");
        var (code, output, _) = Run(CheckCommand.Run);
        Assert.Equal(1, code);
        Assert.Contains("write 'ZORP'", output);
    }

    [Fact]
    public void A_config_in_the_tree_cannot_make_check_read_a_glossary_elsewhere()
    {
        string elsewhere = Directory.CreateTempSubdirectory("lsp-glossary-elsewhere-").FullName;
        try
        {
            string outside = Path.Combine(elsewhere, "x.glossary.yaml");
            File.WriteAllText(outside, "terms:\n  - id: zorp\n    term: ZORP\n    variants: [Zorp]\n    category: general\n    definition: { en: x }\n");
            Write(".lsp-glossary.yaml", $"glossaryFiles: [\"{outside}\"]\n");
            Write("a.md", "Zorp\n");
            var (code, _, error) = Run(CheckCommand.Run);
            Assert.Equal(0, code); // ZORP unknown: the outside glossary was not read
            Assert.Contains("is not a file inside this folder; it is not read", error);
            Assert.Equal(1, Run(CheckCommand.Run, "--config", ".lsp-glossary.yaml").Code); // the user's own choice may
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_config_that_is_a_fifo_or_too_large_is_an_error_never_a_hang()
    {
        Write("a.md", "LoRA\n");
        Write(".lsp-glossary.yaml", "# " + new string('x', 2 << 20) + "\n");
        var (code, _, error) = Run(CheckCommand.Run);
        Assert.Equal(2, code);
        Assert.Contains("The config was not read", error);
        if (!OperatingSystem.IsLinux()) return;
        File.Delete(Path.Combine(_root, ".lsp-glossary.yaml"));
        var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_root, ".lsp-glossary.yaml"))!;
        mkfifo.WaitForExit();
        var run = Task.Run(() => Run(CheckCommand.Run));
        Assert.True(run.Wait(TimeSpan.FromSeconds(20)), "check hung on a FIFO config");
        Assert.Equal(2, run.Result.Code);
        Assert.Contains("The config was not read", run.Result.Error);
    }

    [Fact]
    public void Init_writes_a_starter_once_and_never_overwrites()
    {
        var (code, output, _) = Run(InitCommand.Run);
        Assert.Equal(0, code);
        Assert.Contains("Wrote .lsp-glossary.yaml", output);
        Assert.Equal(InitCommand.Starter.ReplaceLineEndings("\n") + "\n", File.ReadAllText(Path.Combine(_root, ".lsp-glossary.yaml")));
        File.WriteAllText(Path.Combine(_root, ".lsp-glossary.yaml"), "locale: zh\n");
        (code, _, var error) = Run(InitCommand.Run);
        Assert.Equal(2, code);
        Assert.Contains("already exists", error);
        Assert.Equal("locale: zh\n", File.ReadAllText(Path.Combine(_root, ".lsp-glossary.yaml")));
        Assert.Equal(2, Run(InitCommand.Run, "--force").Code);
    }
}
