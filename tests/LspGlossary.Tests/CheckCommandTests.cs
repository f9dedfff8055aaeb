using System.Text;
using System.Text.Json;
using LspGlossary.Server.Cli;

namespace LspGlossary.Tests;

/// <summary>
/// <c>lsp-glossary check</c> in process, over files in a temporary folder, with the test glossary:
/// output formats, exit codes, walking (.gitignore, binary files, odd names), and <c>--fix</c> round trips.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-check-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    private string WriteBytes(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, _root, Path.GetDirectoryName(TestSupport.FixturePath("test-glossary.yaml"))!);
        int code = CheckCommand.Run(args, context);
        return (code, output.ToString(), error.ToString());
    }

    private string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A shown path as this platform prints it: the expectations are written with '/'.</summary>
    private static string Shown(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    // ------------------------------------------------------------------ exit codes and the text format

    [Fact]
    public void Clean_files_exit_0()
    {
        Write("a.md", "We fine-tune with LoRA.\n");
        var (code, output, _) = Run();
        Assert.Equal(0, code);
        Assert.Equal("", output);
    }

    [Fact]
    public void Findings_exit_1_with_file_line_col_code_message()
    {
        Write("docs/a.md", "# Title\n\n使用Lora微调，and MOE.\n");
        var (code, output, error) = Run();
        Assert.Equal(1, code);
        Assert.Equal(
            [
                Shown("docs/a.md") + ":3:3: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                Shown("docs/a.md") + ":3:14: glossary.wrong-variant: 'MOE' is not the glossary's spelling: write 'MoE' (Mixture of Experts).",
            ],
            Lines(output));
        Assert.Contains("2 findings in 1 file (1 file checked)", error);
    }

    [Fact]
    public void Code_files_are_checked_in_comments_only()
    {
        Write("a.py", "lora = 'Lora'  # a Lora adapter\nLoraConfig(r=8)\n");
        Write("b.go", "// Qlora here\nvar s = \"Qlora\"\n");
        var (code, output, _) = Run();
        Assert.Equal(1, code);
        Assert.Equal(["a.py:1:20: glossary.wrong-variant", "b.go:1:4: glossary.wrong-variant"], Lines(output).Select(l => l[..l.IndexOf(": '", StringComparison.Ordinal)]).ToArray());
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("--format", "xml").Code);
        Assert.Equal(2, Run("--bogus").Code);
        Assert.Equal(2, Run("--glossary").Code);
    }

    [Fact]
    public void A_glossary_error_exits_2_with_its_position()
    {
        Write("bad.yaml", "terms:\n  - id: x\n    term: [unclosed\n");
        Write("a.md", "Lora\n");
        var (code, output, error) = Run("--glossary", "bad.yaml");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Matches(@"bad\.yaml:\d+:\d+: error:", error);
    }

    [Fact]
    public void A_workspace_glossary_below_the_current_folder_is_used()
    {
        Write("team.glossary.yaml", "terms:\n  - id: vllm\n    term: vLLM\n    variants: [VLLM]\n    definition: { en: \"An inference engine.\" }\n");
        Write("a.md", "Serve it with VLLM.\n");
        var (code, output, _) = Run();
        Assert.Equal(1, code);
        Assert.Contains("'VLLM' is not the glossary's spelling: write 'vLLM'", output);
    }

    // ------------------------------------------------------------------ paths

    [Fact]
    public void Unreadable_paths_are_reported_and_the_run_goes_on()
    {
        Write("a.md", "Lora\n");
        File.CreateSymbolicLink(Path.Combine(_root, "dangling.md"), Path.Combine(_root, "missing-target.md"));
        var (code, output, error) = Run("missing.md", "dangling.md", "a.md");
        Assert.Equal(2, code);
        Assert.Contains("missing.md: error: no such file or directory", error);
        Assert.Contains("dangling.md: error:", error);
        Assert.Contains("a.md:1:1: glossary.wrong-variant", output);
    }

    [Fact]
    public void Gitignored_binary_and_unknown_files_are_skipped()
    {
        Write(".gitignore", "build/\n*.generated.md\n!keep.generated.md\n/rooted.md\n");
        Write("build/a.md", "Lora\n");
        Write("x.generated.md", "Lora\n");
        Write("keep.generated.md", "Lora\n");
        Write("rooted.md", "Lora\n");
        Write("sub/rooted.md", "Lora\n");
        Write("sub/.gitignore", "local.md\n");
        Write("sub/local.md", "Lora\n");
        Write("notes.txt", "Lora\n");
        Write(".git/x.md", "Lora\n");
        WriteBytes("binary.md", [.. Encoding.UTF8.GetBytes("Lora"), 0, 1, 2]);
        var (_, output, _) = Run();
        Assert.Equal(["keep.generated.md", Shown("sub/rooted.md")], Lines(output).Select(l => l[..l.IndexOf(':')]).ToArray());
    }

    [Fact]
    public void A_named_file_is_checked_even_when_ignored()
    {
        Write(".gitignore", "*.md\n");
        Write("a.md", "Lora\n");
        Assert.Equal(0, Run().Code);
        Assert.Equal(1, Run("a.md").Code);
    }

    [Fact]
    public void Globs_are_expanded_from_their_literal_folder()
    {
        Write("docs/a.md", "Lora\n");
        Write("docs/deep/b.md", "Lora\n");
        Write("docs/c.py", "# Lora\n");
        Write("other/d.md", "Lora\n");
        var (_, output, _) = Run("docs/**/*.md");
        Assert.Equal([Shown("docs/a.md"), Shown("docs/deep/b.md")], Lines(output).Select(l => l[..l.IndexOf(':')]).ToArray());
        var (code, _, error) = Run("nothing/**/*.md");
        Assert.Equal(2, code);
        Assert.Contains("no file matches", error);
    }

    [Fact]
    public void A_backslash_in_a_folder_name_is_part_of_the_name()
    {
        Write("models/qwen3.5\\3.6/readme.md", "使用Lora微调\n");
        var (code, output, _) = Run("models");
        Assert.Equal(1, code);
        Assert.StartsWith("models/qwen3.5\\3.6/readme.md:1:3:", output);
        var sarif = Run("--format", "sarif", "models").Out;
        Assert.Contains("\"uri\": \"models/qwen3.5%5C3.6/readme.md\"", sarif);
    }

    [Fact]
    public void Output_is_in_path_order_whatever_the_parallelism()
    {
        for (int i = 0; i < 40; i++) Write($"d{i % 7}/f{i:D2}.md", "Lora and Moe\n");
        string one = Run("--jobs", "1").Out;
        string many = Run("--jobs", "8").Out;
        Assert.Equal(one, many);
        var paths = Lines(one).Select(l => l[..l.IndexOf(':')]).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.Equal(80, paths.Count);
    }

    // ------------------------------------------------------------------ json and sarif

    [Fact]
    public void Json_lists_findings_with_positions_and_fixes()
    {
        Write("a.md", "使用Lora微调\n");
        var (code, output, _) = Run("--format", "json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("filesChecked").GetInt32());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal("a.md", finding.GetProperty("path").GetString());
        Assert.Equal(1, finding.GetProperty("line").GetInt32());
        Assert.Equal(3, finding.GetProperty("column").GetInt32());
        Assert.Equal(7, finding.GetProperty("endColumn").GetInt32());
        Assert.Equal("Lora", finding.GetProperty("found").GetString());
        Assert.Equal("LoRA", finding.GetProperty("replacement").GetString());
        Assert.Contains("使用", File.ReadAllText(Path.Combine(_root, "a.md")));
    }

    [Fact]
    public void Sarif_has_the_rule_results_locations_and_fixes()
    {
        Write("a.md", "Lora\n");
        var (code, output, _) = Run("--format", "sarif");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        Assert.Equal("glossary.wrong-variant", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var result = run.GetProperty("results")[0];
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((1, 1, 1, 5), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        var replacement = result.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal("LoRA", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }

    // ------------------------------------------------------------------ rule levels (--rule)

    [Fact]
    public void Rule_levels_change_the_findings_and_the_exit_code()
    {
        Write("a.md", "The KV cache and the KV-cache.\n");
        var (code, output, _) = Run();
        Assert.Equal(0, code); // information by default: reported, and the run does not fail
        Assert.Equal(["a.md:1:22: glossary.inconsistent-form: 'KV-cache' is another form of 'KV cache', which this document uses first: write 'KV cache' here too."], Lines(output));
        Assert.Equal(0, Run("--rule", "glossary.inconsistent-form=off").Code);
        Assert.Equal("", Run("--rule", "glossary.inconsistent-form=off").Out);
        Assert.Equal(1, Run("--rule", "glossary.inconsistent-form=error").Code);
        Assert.Equal(1, Run("--rule", "glossary.inconsistent-form=warning").Code);
        // Information and hints are reported, and do not fail the run.
        var information = Run("--rule", "glossary.inconsistent-form=information");
        Assert.Equal(0, information.Code);
        Assert.Single(Lines(information.Out));
    }

    [Fact]
    public void Unknown_acronyms_are_hints_left_out_unless_a_level_raises_them()
    {
        Write("a.md", "We compare ORPO with LoRA.\n");
        Assert.Equal((0, ""), (Run().Code, Run().Out));
        var information = Run("--rule", "glossary.unknown-acronym=information");
        Assert.Equal(0, information.Code);
        Assert.Equal(["a.md:1:12: glossary.unknown-acronym: 'ORPO' is an acronym the glossary does not know: write what it stands for, or add it to the team glossary."], Lines(information.Out));
        Assert.Equal(1, Run("--rule", "glossary.unknown-acronym=error").Code);
        Assert.Equal(0, Run("--rule", "glossary.unknown-acronym=error", "--rule", "glossary.unknown-acronym=off").Code);
    }

    [Fact]
    public void Fix_leaves_findings_without_a_fix_and_fixes_the_others()
    {
        string path = Write("a.md", "We use LoRA, ORPO and Lora.\n");
        var (code, _, error) = Run("--fix", "--rule", "glossary.first-use-expansion=warning", "--rule", "glossary.unknown-acronym=information");
        Assert.Equal(0, code);
        Assert.Equal("We use LoRA (Low-Rank Adaptation), ORPO and LoRA.\n", File.ReadAllText(path));
        Assert.Contains("fixed 2 spellings in 1 file; 1 left", error);
    }

    [Theory]
    [InlineData("glossary.unknown-acronym")]
    [InlineData("glossary.nothing=off")]
    [InlineData("glossary.unknown-acronym=loud")]
    [InlineData("=off")]
    public void A_bad_rule_is_a_usage_error(string rule) => Assert.Equal(2, Run("--rule", rule).Code);

    [Fact]
    public void Sarif_rules_carry_their_pages_and_results_their_rule_index()
    {
        Write("a.md", "ORPO and Lora, the KV cache and the KV-cache.\n");
        using var json = JsonDocument.Parse(Run("--format", "sarif", "--rule", "glossary.unknown-acronym=warning").Out);
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Core.Features.Rules.Codes.ToArray(), rules.Select(r => r.GetProperty("id").GetString()!).ToArray());
        foreach (var rule in rules)
        {
            Assert.Equal($"https://github.com/lsp-glossary/lsp-glossary/blob/main/docs/rules/{rule.GetProperty("id").GetString()}.md", rule.GetProperty("helpUri").GetString());
        }
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            string id = result.GetProperty("ruleId").GetString()!;
            Assert.Equal(id, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(id != "glossary.unknown-acronym", result.TryGetProperty("fixes", out _));
        }
        Assert.Equal(["glossary.unknown-acronym", "glossary.wrong-variant", "glossary.inconsistent-form"],
            run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
    }

    // ------------------------------------------------------------------ --fix

    [Theory]
    [InlineData("lf", "Title\n\nWe use Lora and MOE.\n使用Qlora微调。\n", "Title\n\nWe use LoRA and MoE.\n使用QLoRA微调。\n")]
    [InlineData("crlf", "Title\r\n\r\nWe use Lora.\r\n使用Qlora微调。\r\n", "Title\r\n\r\nWe use LoRA.\r\n使用QLoRA微调。\r\n")]
    [InlineData("cr", "Lora\rMoe\r", "LoRA\rMoE\r")]
    [InlineData("no final newline", "使用Lora", "使用LoRA")]
    public void Fix_rewrites_the_spellings_and_nothing_else(string name, string before, string after)
    {
        string path = Write($"{name.Replace(' ', '-')}.md", before);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal(after, File.ReadAllText(path));
        AssertSecondRunIsClean();
    }

    [Fact]
    public void Fix_keeps_a_utf8_bom()
    {
        string path = WriteBytes("bom.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("使用Lora微调\r\n")]);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("使用LoRA微调\r\n")], File.ReadAllBytes(path));
    }

    [Fact]
    public void Fix_keeps_utf16_with_its_bom()
    {
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        string path = WriteBytes("utf16.md", [.. utf16.GetPreamble(), .. utf16.GetBytes("使用Lora微调\n")]);
        var (code, output, _) = Run();
        Assert.Equal(1, code);
        Assert.StartsWith("utf16.md:1:3:", output);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal([.. utf16.GetPreamble(), .. utf16.GetBytes("使用LoRA微调\n")], File.ReadAllBytes(path));
    }

    [Fact]
    public void Fix_changes_comments_of_fenced_code_and_html_text_but_not_code_or_attributes()
    {
        const string text = "```python\nLora = LoraConfig()  # Lora 秩\n```\n\n<p align=\"center\"><img src=\"Lora.png\"> Qlora</p>\n";
        string path = Write("fenced.md", text);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal(text.Replace("# Lora", "# LoRA").Replace(" Qlora", " QLoRA"), File.ReadAllText(path));
    }

    [Fact]
    public void Fix_leaves_variants_in_code_inline_code_and_urls_untouched()
    {
        const string text = "```python\nLora = LoraConfig()  # LoRA\n```\n\nUse `Lora` from <https://example.com/Lora> or https://x.org/Lora/y, peft.tuners.Lora, lora_alpha.\n";
        string path = Write("only-code.md", text);
        var before = File.GetLastWriteTimeUtc(path);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal(text, File.ReadAllText(path));
        Assert.Equal(before, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_in_code_touches_comments_only_and_keeps_the_file_mode()
    {
        string path = Write("tool.sh", "#!/bin/sh\n# Lora training\necho \"Lora\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal("#!/bin/sh\n# LoRA training\necho \"Lora\"\n", File.ReadAllText(path));
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Dry_run_shows_a_diff_and_writes_nothing()
    {
        string path = Write("a.md", "one\ntwo\nWe use Lora.\nfour\n");
        var (code, output, error) = Run("--dry-run");
        Assert.Equal(1, code);
        Assert.Equal("--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n one\n two\n-We use Lora.\n+We use LoRA.\n four\n", output);
        Assert.Equal("one\ntwo\nWe use Lora.\nfour\n", File.ReadAllText(path));
        Assert.Contains("would fix 1 spelling in 1 file", error);
    }

    [Fact]
    public void A_file_that_is_not_valid_utf8_is_checked_but_not_rewritten()
    {
        string path = WriteBytes("latin1.md", [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" Lora\n")]);
        var (code, _, error) = Run("--fix");
        Assert.Equal(2, code);
        Assert.Contains("latin1.md: error: not valid UTF-8", error);
        Assert.Equal(0xE9, File.ReadAllBytes(path)[3]);
    }

    private void AssertSecondRunIsClean()
    {
        var (code, output, _) = Run();
        Assert.Equal(0, code);
        Assert.Equal("", output);
    }
}
