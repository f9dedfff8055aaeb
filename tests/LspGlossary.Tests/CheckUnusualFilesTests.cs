using System.Diagnostics;
using System.Text;
using LspGlossary.Server.Cli;

namespace LspGlossary.Tests;

/// <summary>
/// <c>check</c> in process over files that are not plain: FIFOs, device links, files over the size limit,
/// names that forge output or are not UTF-8, and <c>--fix</c> on links, long names, other owners and the
/// temporaries of a killed run. Each run is bounded by a timeout. (tests/e2e/hostile drives the published binary.)
/// </summary>
public sealed class CheckUnusualFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-unusual-").FullName;

    // rm, since .NET cannot name (so cannot delete) a file whose name is not UTF-8.
    public void Dispose() => Shell($"rm -rf '{_root}'");

    private string Write(string relativePath, string text)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Out, string Error) Run(params string[] args) => RunIn(_root, args);

    private static (int Code, string Out, string Error) RunIn(string currentDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, currentDirectory, Path.GetDirectoryName(TestSupport.FixturePath("test-glossary.yaml"))!);
        var task = Task.Factory.StartNew(() => CheckCommand.Run(["--no-progress", .. args], context), TaskCreationOptions.LongRunning); // not the busy pool
        Assert.True(task.Wait(10_000), "check did not finish within 10 s");
        return (task.Result, output.ToString(), error.ToString());
    }

    private static string Shell(string script)
    {
        var start = new ProcessStartInfo("sh", ["-c", script]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }

    [Fact]
    public void A_fifo_named_or_met_in_a_folder_is_an_error_not_a_hang()
    {
        Write("a.md", "Lora\n");
        Shell($"mkfifo '{_root}/pipe.md' && mkdir '{_root}/sub' && mkfifo '{_root}/sub/walked.md'");
        var named = Run("pipe.md", "a.md");
        Assert.Equal(2, named.Code);
        Assert.Contains("pipe.md: error: is a FIFO (named pipe), not a regular file", named.Error);
        Assert.Contains("a.md:1:1: glossary.wrong-variant", named.Out);
        var walked = Run();
        Assert.Equal(2, walked.Code);
        Assert.Contains("sub/walked.md: error: is a FIFO", walked.Error);
    }

    [Fact]
    public void A_gitignore_that_is_a_fifo_or_a_device_link_is_not_used()
    {
        Write("a/x.md", "Lora\n");
        Write("b/y.md", "Lora\n");
        Shell($"mkfifo '{_root}/a/.gitignore' && ln -s /dev/zero '{_root}/b/.gitignore'");
        var (code, output, _) = Run();
        Assert.Equal(1, code);
        Assert.Contains("a/x.md:1:1:", output);
        Assert.Contains("b/y.md:1:1:", output);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_link_to_a_device_is_an_error_and_nothing_is_read(string device)
    {
        File.CreateSymbolicLink(Path.Combine(_root, "z.md"), device);
        var (code, _, error) = Run("z.md");
        Assert.Equal(2, code);
        Assert.Contains($"z.md: error: is a symbolic link to {device}, outside the current folder: not followed", error);
        // Run from /dev the device is inside the current folder: then its type stops it.
        var fromRoot = RunIn("/dev", Path.Combine(_root, "z.md"));
        Assert.Equal(2, fromRoot.Code);
        Assert.Contains("z.md: error: is a character device, not a regular file", fromRoot.Error);
    }

    [Fact]
    public void A_named_link_to_a_file_outside_the_current_folder_is_not_followed_even_for_fix()
    {
        string outside = Directory.CreateTempSubdirectory("lsp-glossary-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.md"), "We use Lora.\n");
            File.CreateSymbolicLink(Path.Combine(_root, "docs.md"), Path.Combine(outside, "secret.md"));
            File.CreateSymbolicLink(Path.Combine(_root, "folder"), outside);
            var (code, output, error) = Run("--fix", "docs.md", "folder");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("docs.md: error: is a symbolic link to " + Path.Combine(outside, "secret.md") + ", outside the current folder", error);
            Assert.Contains("folder: error: is a symbolic link to " + outside + ", outside the current folder", error);
            Assert.Equal("We use Lora.\n", File.ReadAllText(Path.Combine(outside, "secret.md")));
        }
        finally { Directory.Delete(outside, recursive: true); }
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error_and_the_limit_can_be_raised()
    {
        string path = Path.Combine(_root, "big.md");
        using (var stream = File.Create(path)) stream.SetLength(1536L << 20); // sparse: 1.5 GiB, nothing written
        var (code, _, error) = Run("big.md");
        Assert.Equal(2, code);
        Assert.Contains("big.md: error: is larger than the limit of 16 MiB (1.5 GiB)", error);

        Write("small.md", "Lora " + new string('x', 2000) + "\n");
        Assert.Contains("small.md: error: is larger than the limit of 1 KiB", Run("--max-file-size", "1K", "small.md").Error);
        Assert.Equal(1, Run("--max-file-size", "4096", "small.md").Code);
        Assert.Equal(2, Run("--max-file-size", "-5", "small.md").Code);
        Assert.Contains("--max-file-size 'lots' is not a size", Run("--max-file-size", "lots").Error);
    }

    [Theory]
    [InlineData("16M", 16L << 20)]
    [InlineData("512k", 512L << 10)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1G", null)]
    [InlineData("1048576", 1048576L)]
    [InlineData("0", null)]
    [InlineData("M", null)]
    [InlineData("1.5M", null)]
    [InlineData("99999999999999999G", null)]
    public void Sizes_parse_with_binary_suffixes(string text, long? expected) => Assert.Equal(expected, CheckCommand.ParseSize(text));

    [Theory]
    [InlineData("docs/术语 表.md", "docs/术语 表.md")]
    [InlineData("qwen3.5\\3.6/a.md", "qwen3.5\\3.6/a.md")]
    [InlineData("a\nb\rc\td.md", "a\\nb\\rc\\td.md")]
    [InlineData("\u001b[2J\u007f\u0085.md", "\\x1b[2J\\x7f\\x85.md")]
    [InlineData("rtl\u202edm.txt\u2028\u2066.md", "rtl\\u202edm.txt\\u2028\\u2066.md")]
    public void Printable_paths_escape_control_separator_and_bidi_characters_only(string path, string printed) =>
        Assert.Equal(printed, PrintablePath.Escape(path));

    [Fact]
    public void Control_characters_in_printed_paths_are_escaped()
    {
        string forged = "x\nINJECTED.md:9:9: glossary.wrong-variant: fake\n\u001b[31mred\u202e.md";
        Write(forged, "Lora\n");
        var (code, output, _) = Run();
        Assert.Equal(1, code);
        Assert.Equal(["x\\nINJECTED.md:9:9: glossary.wrong-variant: fake\\n\\x1b[31mred\\u202e.md:1:1: glossary.wrong-variant: 'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation)."],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var dryRun = Run("--dry-run");
        Assert.DoesNotContain("\nINJECTED", dryRun.Out);
        Assert.Contains("--- a/x\\nINJECTED.md", dryRun.Out);
    }

    [Fact]
    public void A_glossary_problem_prints_on_one_line_whatever_the_glossary_file_is_called()
    {
        Write("x\nINJECTED.md:1:1: glossary.wrong-variant: fake\n.glossary.yaml", "terms: [");
        var (code, _, error) = Run();
        Assert.Equal(2, code);
        Assert.DoesNotContain("\nINJECTED", error);
        Assert.Contains("x\\nINJECTED.md:1:1: glossary.wrong-variant: fake\\n.glossary.yaml:", error);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_reported()
    {
        Write("a.md", "LoRA\n");
        Shell($"cd '{_root}' && printf 'Lora\\n' > \"$(printf 'b\\377.md')\" && printf 'x' > \"$(printf 'c\\377.bin')\"");
        var (code, _, error) = Run();
        Assert.Equal(2, code);
        Assert.Contains("b\uFFFD.md: error: the name is not valid UTF-8", error);
        Assert.DoesNotContain(".bin", error);
    }

    [Fact]
    public void Fix_writes_through_a_symbolic_link_named_on_the_command_line()
    {
        string target = Write("real/doc.md", "We use Lora.\n");
        string link = Path.Combine(_root, "link.md");
        File.CreateSymbolicLink(link, "real/doc.md");
        Assert.Equal(0, Run("--fix", "link.md").Code);
        Assert.Equal("We use LoRA.\n", File.ReadAllText(target));
        Assert.Equal("real/doc.md", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Fix_rewrites_a_file_with_a_250_byte_name()
    {
        string name = new string('n', 247) + ".md";
        string path = Write(name, "We use Lora.\n");
        var (code, _, error) = Run("--fix", name);
        Assert.True(code == 0, error);
        Assert.Equal("We use LoRA.\n", File.ReadAllText(path));
    }

    [Fact]
    public void Fix_refuses_a_file_with_hard_links_and_leaves_both_names_alone()
    {
        string path = Write("a.md", "We use Lora.\n");
        Shell($"ln '{path}' '{_root}/outside-copy.txt'");
        var (code, _, error) = Run("--fix", "a.md");
        Assert.Equal(2, code);
        Assert.Contains("a.md: error: has 2 hard links and was not rewritten", error);
        Assert.Equal("We use Lora.\n", File.ReadAllText(path));
        Assert.Equal("We use Lora.\n", File.ReadAllText(Path.Combine(_root, "outside-copy.txt")));
    }

    [Fact]
    public void Fix_keeps_the_owner_and_group()
    {
        string path = Write("a.md", "We use Lora.\n");
        bool root = Shell("id -u") == "0";
        if (root) Shell($"chown 65534:65534 '{path}'");
        string before = Shell($"stat -c %u:%g '{path}'");
        Assert.Equal(root ? "65534:65534" : Shell("id -u") + ":" + Shell("id -g"), before);
        Assert.Equal(0, Run("--fix").Code);
        Assert.Equal("We use LoRA.\n", File.ReadAllText(path));
        Assert.Equal(before, Shell($"stat -c %u:%g '{path}'"));
    }

    [Fact]
    public void Fix_deletes_the_temporaries_a_killed_run_left_and_keeps_others()
    {
        Write("a.md", "We use Lora.\n");
        string dead = Write($".lsp-glossary-999999999-{Guid.NewGuid():N}.tmp", "half");
        string older = Write($".a.md.lsp-glossary-999999999-{Guid.NewGuid():N}.tmp", "half");
        string live = Write($".lsp-glossary-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp", "in use");
        string notOurs = Write(".lsp-glossary-notes.tmp", "someone's");
        Assert.Equal(0, Run("--fix").Code);
        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(older));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(notOurs));
    }
}
