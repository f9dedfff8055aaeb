using System.Text;
using System.Text.Json;
using LspGlossary.Server.Cli;
using LspGlossary.Server.Cli.Formats;

namespace LspGlossary.Tests;

/// <summary>
/// <c>check -</c> (standard input, <c>--stdin-filename</c>, <c>--fix</c> as a filter, size limit, binary input),
/// <c>--language-id</c>, the warning for a named file of a type that is not checked, and the CI formats
/// <c>github</c> (workflow commands) and <c>rdjson</c> (reviewdog).
/// </summary>
public sealed class CheckStdinAndCiFormatsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-check-ci-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string text)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private (int Code, string Out, string Error) Run(params string[] args) => RunWithInput(null, args);

    private (int Code, string Out, string Error) RunWithInput(byte[]? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, _root, Path.GetDirectoryName(TestSupport.FixturePath("test-glossary.yaml"))!,
            OpenInput: input is null ? null : () => new MemoryStream(input));
        int code = CheckCommand.Run(args, context);
        return (code, output.ToString(), error.ToString());
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // ------------------------------------------------------------------ standard input

    [Fact]
    public void Stdin_is_checked_as_markdown_and_shown_as_stdin()
    {
        var (code, output, error) = RunWithInput(Utf8("# T\n\n使用Lora微调\n"), "-");
        Assert.Equal(1, code);
        Assert.Equal(["<stdin>:3:3: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation)."], Lines(output));
        Assert.Contains("1 finding in 1 file (1 file checked)", error);
        Assert.Equal(0, RunWithInput(Utf8("We use LoRA.\n"), "-").Code);
    }

    [Fact]
    public void Stdin_filename_chooses_the_language_and_the_path_reported()
    {
        const string python = "lora = \"Lora\"  # a Lora adapter\n";
        var (code, output, _) = RunWithInput(Utf8(python), "--stdin-filename", "src/train.py", "-");
        Assert.Equal(1, code);
        Assert.Equal([Path.Combine("src", "train.py") + ":1:20: glossary.wrong-variant"], Lines(output).Select(l => l[..l.IndexOf(": '", StringComparison.Ordinal)]).ToArray());
        // As Markdown the string would be prose too: two findings.
        Assert.Equal(2, Lines(RunWithInput(Utf8(python), "--stdin-filename", "notes.md", "-").Out).Length);
        // The file named need not exist, and nothing is read from it.
        Assert.False(File.Exists(Path.Combine(_root, "src", "train.py")));
    }

    [Fact]
    public void Stdin_filename_of_an_unchecked_type_needs_a_language_id()
    {
        var (code, _, error) = RunWithInput(Utf8("Lora\n"), "--stdin-filename", "notes.txt", "-");
        Assert.Equal(2, code);
        Assert.Contains("--language-id", error);
        var (code2, output2, _) = RunWithInput(Utf8("Lora\n"), "--stdin-filename", "notes.txt", "--language-id", "markdown", "-");
        Assert.Equal(1, code2);
        Assert.StartsWith("notes.txt:1:1: glossary.wrong-variant", output2);
    }

    [Fact]
    public void Stdin_usage_errors()
    {
        Write("a.md", "Lora\n");
        Assert.Equal(2, RunWithInput(Utf8("Lora\n"), "-", "a.md").Code);
        Assert.Equal(2, Run("--stdin-filename", "x.md", "a.md").Code);
        Assert.Equal(2, RunWithInput(Utf8("Lora\n"), "--fix", "--format", "json", "-").Code);
        Assert.Equal(2, Run("-").Code); // no standard input at all
    }

    [Fact]
    public void Fix_with_stdin_writes_the_fixed_text_to_stdout_and_nothing_to_disk()
    {
        var (code, output, error) = RunWithInput(Utf8("# T\r\n\r\n使用Lora微调，and `Lora` code.\r\n"), "--fix", "--stdin-filename", "doc.md", "-");
        Assert.Equal(0, code);
        Assert.Equal("# T\r\n\r\n使用LoRA微调，and `Lora` code.\r\n", output);
        Assert.Contains("fixed 1 spelling in 1 file", error);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
        // Nothing to fix: the text comes back unchanged, so the command works as a filter.
        Assert.Equal("We use LoRA.\n", RunWithInput(Utf8("We use LoRA.\n"), "--fix", "-").Out);
    }

    [Fact]
    public void Dry_run_with_stdin_shows_a_diff()
    {
        var (code, output, _) = RunWithInput(Utf8("We use Lora.\n"), "--dry-run", "--stdin-filename", "a.md", "-");
        Assert.Equal(1, code);
        Assert.Equal("--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-We use Lora.\n+We use LoRA.\n", output);
    }

    [Fact]
    public void Stdin_larger_than_the_size_limit_is_an_error_and_read_no_further()
    {
        var input = new CountingStream(Utf8(new string('a', 5000) + " Lora\n"));
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, _root, Path.GetDirectoryName(TestSupport.FixturePath("test-glossary.yaml"))!, OpenInput: () => input);
        Assert.Equal(2, CheckCommand.Run(["--max-file-size", "1K", "-"], context));
        Assert.Contains("<stdin>: error: standard input is larger than --max-file-size (1024 bytes)", error.ToString());
        Assert.Equal("", output.ToString());
        Assert.Equal(1025, input.BytesRead);
    }

    [Fact]
    public void Binary_stdin_is_skipped_like_a_binary_file_with_a_warning()
    {
        var (code, output, error) = RunWithInput([.. Utf8("Lora"), 0, 1, 2], "-");
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Contains("<stdin>: warning: binary input", error);
        Assert.Contains("0 files checked", error);
    }

    [Fact]
    public void Utf16_stdin_is_decoded()
    {
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var (code, output, _) = RunWithInput([.. utf16.GetPreamble(), .. utf16.GetBytes("使用Lora微调\n")], "-");
        Assert.Equal(1, code);
        Assert.StartsWith("<stdin>:1:3:", output);
    }

    // ------------------------------------------------------------------ named files of other types, --language-id

    [Fact]
    public void A_named_file_of_an_unchecked_type_gets_a_warning_not_silence()
    {
        Write("notes.txt", "Lora\n");
        Write("guide.rst", "Lora\n");
        Write("a.md", "LoRA\n");
        var (code, output, error) = Run("notes.txt", "guide.rst", "a.md");
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Contains("notes.txt: warning: not checked: 'notes.txt' is not a file type that is checked", error);
        Assert.Contains("guide.rst: warning: not checked", error);
        Assert.Contains("(1 file checked)", error);
        // Found by walking a folder, such files stay quiet.
        Assert.DoesNotContain("warning", Run().Error);
    }

    [Fact]
    public void Language_id_forces_the_language_of_named_files_and_globs()
    {
        Write("notes.txt", "# a Lora note\nLora = 1\n");
        Write("b.py", "# Lora\nLora = 1\n");
        Write("docs/c.txt", "Lora\n");
        var (code, output, error) = Run("--language-id", "python", "notes.txt", "b.py");
        Assert.Equal(1, code);
        Assert.Equal(["b.py:1:3", "notes.txt:1:5"], Lines(output).Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]).ToArray());
        Assert.DoesNotContain("warning", error);
        // As Markdown, the second line is prose too.
        Assert.Equal(2, Lines(Run("--language-id", "markdown", "notes.txt").Out).Length);
        Assert.Single(Lines(Run("--language-id", "markdown", "docs/*.txt").Out));
        // A folder is still walked by file type: docs/c.txt is not checked.
        Assert.Equal("", Run("--language-id", "markdown", "docs").Out);
    }

    [Fact]
    public void An_unknown_language_id_is_a_usage_error()
    {
        var (code, _, error) = Run("--language-id", "klingon", ".");
        Assert.Equal(2, code);
        Assert.Contains("unknown language id 'klingon'", error);
        Assert.Contains("markdown", error);
    }

    // ------------------------------------------------------------------ --format github

    [Fact]
    public void Github_format_writes_one_workflow_command_a_finding()
    {
        Write("docs/a.md", "# T\n\n使用Lora微调, and MOE.\n");
        var (code, output, _) = Run("--format", "github");
        Assert.Equal(1, code);
        Assert.Equal(
            [
                "::warning file=docs/a.md,line=3,col=3,endLine=3,endColumn=7,title=glossary.wrong-variant::'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                "::warning file=docs/a.md,line=3,col=15,endLine=3,endColumn=18,title=glossary.wrong-variant::'MOE' is not the glossary's spelling: write 'MoE' (Mixture of Experts).",
            ],
            Lines(output));
    }

    [Fact]
    public void Github_format_escapes_data_and_properties()
    {
        Assert.Equal("100%25 a%0D%0Ab: c, d", GitHubFormat.Data("100% a\r\nb: c, d"));
        Assert.Equal("a%3Ab%2Cc%25d%0Ae%0D", GitHubFormat.Property("a:b,c%d\ne\r"));
        Assert.Equal("使用 LoRA", GitHubFormat.Property("使用 LoRA"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Github_format_escapes_a_path_with_commas_colons_and_newlines()
    {
        Write("a,b:c%\nd.md", "Lora\n");
        var (_, output, _) = Run("--format", "github");
        Assert.Equal(["::warning file=a%2Cb%3Ac%25%0Ad.md,line=1,col=1,endLine=1,endColumn=5,title=glossary.wrong-variant::'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation)."], Lines(output));
    }

    [Fact]
    public void Github_format_reports_unreadable_paths_as_errors()
    {
        var (code, output, _) = Run("--format", "github", "missing.md");
        Assert.Equal(2, code);
        Assert.Equal(["::error file=missing.md,title=lsp-glossary::no such file or directory"], Lines(output));
    }

    // ------------------------------------------------------------------ --format rdjson

    [Fact]
    public void Rdjson_has_reviewdogs_shape_with_utf8_byte_columns()
    {
        Write("a.md", "# T\n\n使用Lora微调\n");
        var (code, output, _) = Run("--format", "rdjson");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("lsp-glossary", root.GetProperty("source").GetProperty("name").GetString());
        Assert.StartsWith("https://", root.GetProperty("source").GetProperty("url").GetString());
        var d = Assert.Single(root.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal("'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).", d.GetProperty("message").GetString());
        Assert.Equal("WARNING", d.GetProperty("severity").GetString());
        Assert.Equal("glossary.wrong-variant", d.GetProperty("code").GetProperty("value").GetString());
        Assert.StartsWith("https://", d.GetProperty("code").GetProperty("url").GetString());
        var location = d.GetProperty("location");
        Assert.Equal("a.md", location.GetProperty("path").GetString());
        // 使用 is two UTF-16 units but six UTF-8 bytes: reviewdog counts bytes, from 1; the end is exclusive.
        static (int, int) Position(JsonElement p) => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetInt32());
        var range = location.GetProperty("range");
        Assert.Equal((3, 7), Position(range.GetProperty("start")));
        Assert.Equal((3, 11), Position(range.GetProperty("end")));
        var suggestion = Assert.Single(d.GetProperty("suggestions").EnumerateArray().ToList());
        Assert.Equal("LoRA", suggestion.GetProperty("text").GetString());
        Assert.Equal((3, 7), Position(suggestion.GetProperty("range").GetProperty("start")));
        Assert.Equal((3, 11), Position(suggestion.GetProperty("range").GetProperty("end")));
        // Applying the suggestion by UTF-8 byte columns gives the fixed line.
        byte[] line = Encoding.UTF8.GetBytes("使用Lora微调");
        string fixedLine = Encoding.UTF8.GetString([.. line[..6], .. Encoding.UTF8.GetBytes("LoRA"), .. line[10..]]);
        Assert.Equal("使用LoRA微调", fixedLine);
    }

    [Fact]
    public void Rdjson_of_a_clean_run_has_no_diagnostics()
    {
        Write("a.md", "LoRA\n");
        var (code, output, _) = Run("--format", "rdjson");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    /// <summary>A read-only stream over bytes that counts how many were read.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
