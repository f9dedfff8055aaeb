using System.Text;
using System.Text.Json;
using LspGlossary.Server.Cli;

namespace LspGlossary.Tests;

/// <summary>
/// <c>check</c> on Jupyter notebooks: cells read from the JSON, Markdown cells as Markdown, code cells in the kernel's
/// language, raw cells skipped; findings by cell in every format; <c>--fix</c> rewriting only the changed source
/// strings; and broken or hostile notebooks as per-file errors.
/// </summary>
public sealed class NotebookTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-nb-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Lists of lines (as Jupyter writes them), a single-string source, a raw cell, outputs that must stay unread.</summary>
    private const string Notebook = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "metadata": {},
           "source": [
            "# Fine-tuning with Lora\n",
            "\n",
            "We use QLora and the \"MOE\" model — 使用Lora微调.\n"
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 1,
           "metadata": {},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["Lora\n"]}],
           "source": [
            "import peft\n",
            "# load the Lora adapter\n",
            "x = \"Lora\"  # a Qlora comment"
           ]
          },
          {
           "cell_type": "raw",
           "metadata": {},
           "source": "Lora in a raw cell"
          },
          {
           "cell_type": "markdown",
           "metadata": {},
           "source": "One string: Moe and\nLORA here\u0021"
          }
         ],
         "metadata": {
          "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
          "language_info": {"name": "python"}
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;

    private string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    private string WriteBytes(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
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

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Cells_are_checked_by_kind_and_reported_by_cell_line_and_column()
    {
        Write("nb.ipynb", Notebook);
        var (code, output, _) = Run("--no-progress", "nb.ipynb");
        Assert.Equal(1, code);
        Assert.Equal(
            [
                "nb.ipynb:cell 1:1:20: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                "nb.ipynb:cell 1:3:8: glossary.wrong-variant: 'QLora' is not the glossary's spelling: write 'QLoRA' (Quantized Low-Rank Adaptation).",
                "nb.ipynb:cell 1:3:23: glossary.wrong-variant: 'MOE' is not the glossary's spelling: write 'MoE' (Mixture of Experts).",
                "nb.ipynb:cell 1:3:38: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                // The code cell: its comments only, not the string "Lora"; the outputs are never read.
                "nb.ipynb:cell 2:2:12: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                "nb.ipynb:cell 2:3:17: glossary.wrong-variant: 'Qlora' is not the glossary's spelling: write 'QLoRA' (Quantized Low-Rank Adaptation).",
                // Cell 3 is raw: not checked.
                "nb.ipynb:cell 4:1:13: glossary.wrong-variant: 'Moe' is not the glossary's spelling: write 'MoE' (Mixture of Experts).",
                "nb.ipynb:cell 4:2:1: glossary.wrong-variant: 'LORA' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
            ],
            Lines(output));
    }

    [Fact]
    public void Folders_include_notebooks_but_not_jupyter_checkpoints()
    {
        Write("docs/nb.ipynb", Notebook);
        Write("docs/.ipynb_checkpoints/nb-checkpoint.ipynb", Notebook);
        var (code, output, error) = Run("--no-progress");
        Assert.Equal(1, code);
        Assert.All(Lines(output), line => Assert.StartsWith(Path.Combine("docs", "nb.ipynb") + ":cell ", line));
        Assert.Contains("(1 file checked)", error);
    }

    [Fact]
    public void Code_cells_follow_the_kernel_language()
    {
        // language_info alone; a C# kernel: '//' comments.
        Write("cs.ipynb", """
            {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["// a Lora comment\n", "# not a comment in C# Lora\n"]}],
             "metadata": {"language_info": {"name": "C#"}}, "nbformat": 4, "nbformat_minor": 5}
            """);
        // A kernel whose comments are not understood: its code cells are not checked; Markdown cells still are.
        Write("hs.ipynb", """
            {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "-- Lora\n"},
                       {"cell_type": "markdown", "metadata": {}, "source": "Lora"}],
             "metadata": {"kernelspec": {"language": "haskell"}}, "nbformat": 4, "nbformat_minor": 5}
            """);
        // No metadata: Python.
        Write("py.ipynb", """{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "# Lora\n// Lora\n"}], "nbformat": 4, "nbformat_minor": 5}""");
        var (_, output, _) = Run("--no-progress", "cs.ipynb", "hs.ipynb", "py.ipynb");
        Assert.Equal(
            [
                "cs.ipynb:cell 1:1:6: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                "hs.ipynb:cell 2:1:1: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
                "py.ipynb:cell 1:1:3: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).",
            ],
            Lines(output));
    }

    [Fact]
    public void Machine_formats_carry_the_cell()
    {
        Write("nb.ipynb", Notebook);
        using (var json = JsonDocument.Parse(Run("--format", "json", "nb.ipynb").Out))
        {
            var first = json.RootElement.GetProperty("findings")[0];
            Assert.Equal(1, first.GetProperty("cell").GetInt32());
            Assert.Equal(1, first.GetProperty("line").GetInt32());
            Assert.Equal(20, first.GetProperty("column").GetInt32());
        }
        Write("a.md", "Lora\n");
        using (var json = JsonDocument.Parse(Run("--format", "json", "a.md").Out))
        {
            Assert.False(json.RootElement.GetProperty("findings")[0].TryGetProperty("cell", out _)); // not a notebook: no cell
        }
        using (var sarif = JsonDocument.Parse(Run("--format", "sarif", "nb.ipynb").Out))
        {
            var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
            Assert.StartsWith("cell 1: 'Lora'", result.GetProperty("message").GetProperty("text").GetString());
            Assert.False(result.TryGetProperty("fixes", out _)); // a cell's region is not the file's
        }
        using (var rdjson = JsonDocument.Parse(Run("--format", "rdjson", "nb.ipynb").Out))
        {
            var diagnostic = rdjson.RootElement.GetProperty("diagnostics")[0];
            Assert.StartsWith("cell 1: ", diagnostic.GetProperty("message").GetString());
            Assert.False(diagnostic.TryGetProperty("suggestions", out _));
        }
        Assert.StartsWith("::warning file=nb.ipynb,line=1,col=20,endLine=1,endColumn=24,title=glossary.wrong-variant::cell 1: 'Lora'", Run("--format", "github", "nb.ipynb").Out);
    }

    [Fact]
    public void Fix_rewrites_only_the_source_strings_that_change()
    {
        string path = Write("nb.ipynb", Notebook);
        var (code, _, error) = Run("--fix", "nb.ipynb");
        Assert.Equal(0, code);
        Assert.Contains("fixed 8 spellings in 1 file", error);
        string expected = Notebook
            .Replace("\"# Fine-tuning with Lora\\n\"", "\"# Fine-tuning with LoRA\\n\"")
            .Replace("\"We use QLora and the \\\"MOE\\\" model — 使用Lora微调.\\n\"", "\"We use QLoRA and the \\\"MoE\\\" model — 使用LoRA微调.\\n\"")
            .Replace("\"# load the Lora adapter\\n\"", "\"# load the LoRA adapter\\n\"")
            .Replace("\"x = \\\"Lora\\\"  # a Qlora comment\"", "\"x = \\\"Lora\\\"  # a QLoRA comment\"")
            // A rewritten string is written as Jupyter writes strings: the needless \u0021 escape becomes '!'.
            .Replace("\"One string: Moe and\\nLORA here\\u0021\"", "\"One string: MoE and\\nLoRA here!\"");
        Assert.NotEqual(Notebook, expected);
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Equal(0, Run("nb.ipynb").Code);
    }

    [Fact]
    public void Dry_run_shows_the_json_lines_that_would_change()
    {
        string path = Write("nb.ipynb", Notebook);
        var (code, output, _) = Run("--dry-run", "nb.ipynb");
        Assert.Equal(1, code);
        Assert.Contains("-    \"# Fine-tuning with Lora\\n\",\n+    \"# Fine-tuning with LoRA\\n\",\n", output);
        Assert.Equal(Notebook, File.ReadAllText(path));
    }

    [Fact]
    public void A_spelling_split_across_two_source_strings_is_reported_but_not_fixed()
    {
        string text = """{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["Lo", "ra and MOE\n"]}], "nbformat": 4, "nbformat_minor": 5}""";
        string path = Write("split.ipynb", text);
        var (code, output, error) = Run("--fix", "split.ipynb");
        Assert.Equal(2, code);
        Assert.Equal(2, Lines(output).Length);
        Assert.Contains("spans two strings", error);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Standard_input_named_as_a_notebook_is_read_as_one()
    {
        var input = Encoding.UTF8.GetBytes(Notebook);
        var (code, output, _) = RunWithInput(input, "--stdin-filename", "nb.ipynb", "-");
        Assert.Equal(1, code);
        Assert.StartsWith("nb.ipynb:cell 1:1:20: ", output);
        (code, output, _) = RunWithInput(input, "--fix", "--stdin-filename", "nb.ipynb", "-");
        Assert.Equal(0, code);
        Assert.Contains("\"# Fine-tuning with LoRA\\n\"", output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("cells").GetArrayLength());
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"cells\": 5}", "\"cells\" is not a list")]
    [InlineData("{\"cells\": [5]}", "cell 1 is not an object")]
    [InlineData("{\"cells\": [{\"cell_type\": 1, \"source\": \"\"}]}", "\"cell_type\" is not a string")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\"}]}", "has no \"source\"")]
    [InlineData("{\"cells\": [{\"source\": \"Lora\"}]}", "has no \"cell_type\"")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [1]}]}", "other than strings")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": {}}]}", "neither a string nor a list")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"a\", \"source\": \"b\"}]}", "two \"source\"")]
    [InlineData("{\"cells\": [], \"cells\": []}", "two \"cells\"")]
    [InlineData("{\"cells\": []} trailing", "not valid JSON")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"Lora\"}]", "not valid JSON")]
    [InlineData("{\"worksheets\": []}", "nbformat 3")]
    [InlineData("{\"metadata\": {}}", "no \"cells\" list")]
    [InlineData("{\"cells\": [{\"cell_type\": \"markdown\", /* c */ \"source\": \"Lora\"}]}", "not valid JSON")]
    public void Broken_notebooks_are_a_per_file_error(string text, string why)
    {
        Write("bad.ipynb", text);
        Write("good.md", "Lora\n");
        var (code, output, error) = Run("--no-progress", "bad.ipynb", "good.md");
        Assert.Equal(2, code);
        Assert.Contains("bad.ipynb: error: not a Jupyter notebook: ", error);
        Assert.Contains(why, error);
        Assert.Equal(["good.md:1:1: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation)."], Lines(output));
    }

    [Fact]
    public void Hostile_notebooks_do_not_crash()
    {
        WriteBytes("utf8.ipynb", [.. "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"Lora "u8, 0xFF, .. "\"}]}"u8]);
        WriteBytes("utf16.ipynb", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"cells\": []}")]);
        Write("deep.ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"Lora\", \"metadata\": " + new string('[', 100_000) + new string(']', 100_000) + "}]}");
        var many = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < 20_000; i++) many.Append(i == 0 ? "" : ",").Append("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"Lora \", \"x\\n\"]}");
        Write("many.ipynb", many.Append("], \"nbformat\": 4}").ToString());
        var (code, output, error) = Run("--no-progress", "utf8.ipynb", "utf16.ipynb", "deep.ipynb", "many.ipynb");
        Assert.Equal(2, code);
        Assert.Contains("utf8.ipynb: error: not a Jupyter notebook: a string is not valid UTF-8", error);
        Assert.Contains("utf16.ipynb: error: not a Jupyter notebook: UTF-16", error);
        Assert.Contains("deep.ipynb: error: not a Jupyter notebook: not valid JSON", error);
        Assert.Equal(20_000, Lines(output).Length);
        Assert.EndsWith("many.ipynb:cell 20000:1:1: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).", Lines(output)[^1]);
    }

    [Fact]
    public void A_bom_is_kept_and_positions_shift_with_it()
    {
        string path = WriteBytes("bom.ipynb", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "Lora"}]}""")]);
        Assert.Equal(0, Run("--fix", "bom.ipynb").Code);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "LoRA"}]}""")], File.ReadAllBytes(path));
    }

    [Fact]
    public void Rewritten_strings_are_json_as_jupyter_writes_it()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\t\\u0001é😀\"", NotebookReader.JsonString("a\"b\\c\n\t\u0001é😀"));
        Assert.Equal("\"\\ud800x\"", NotebookReader.JsonString(new string(['\ud800', 'x']))); // a lone surrogate cannot be UTF-8
    }
}
