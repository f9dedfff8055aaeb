using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>Applying fixes to text, and the unified diff that <c>check --dry-run</c> shows.</summary>
public class FixAllTests
{
    [Fact]
    public void Applies_every_fix_of_a_document_and_a_second_pass_finds_nothing()
    {
        const string text = "使用Lora微调\r\nWe use MOE, `Lora` and Qloras.\r\n";
        var diagnostics = Diagnostics.Compute(TestSupport.Analyze(text), Severity.Warning);
        string fixedText = FixAll.Apply(text, FixAll.Replacements(diagnostics));
        Assert.Equal("使用LoRA微调\r\nWe use MoE, `Lora` and QLoRAs.\r\n", fixedText);
        Assert.Empty(Diagnostics.Compute(TestSupport.Analyze(fixedText), Severity.Warning));
    }

    [Fact]
    public void Overlapping_or_out_of_range_replacements_are_skipped()
    {
        var replacements = new[]
        {
            new TextReplacement(new TextSpan(4, 2), "Y"),
            new TextReplacement(new TextSpan(0, 2), "X"),
            new TextReplacement(new TextSpan(1, 2), "overlaps"),
            new TextReplacement(new TextSpan(5, 10), "past the end"),
        };
        Assert.Equal("XcdY", FixAll.Apply("abcdef", replacements));
    }

    [Fact]
    public void Diff_groups_nearby_changes_and_keeps_three_lines_of_context()
    {
        string before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        string after = before.Replace("line 2\n", "LINE 2\n").Replace("line 5\n", "LINE 5\n").Replace("line 18\n", "LINE 18\n");
        Assert.Equal(
            "--- a/x\n+++ b/x\n" +
            "@@ -1,8 +1,8 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n-line 5\n+LINE 5\n line 6\n line 7\n line 8\n" +
            "@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+LINE 18\n line 19\n line 20\n",
            UnifiedDiff.Create(before, after, "a/x", "b/x"));
    }

    [Fact]
    public void Diff_marks_a_missing_final_newline_and_handles_inserted_lines()
    {
        Assert.Equal("--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n", UnifiedDiff.Create("x", "y", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -1,2 +1,3 @@\n one\n+new\n two\n", UnifiedDiff.Create("one\ntwo\n", "one\nnew\ntwo\n", "a", "b"));
        Assert.Equal("", UnifiedDiff.Create("same", "same", "a", "b"));
    }
}
