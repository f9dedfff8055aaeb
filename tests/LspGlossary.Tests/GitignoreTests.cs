using LspGlossary.Server.Cli;
using LspGlossary.Server.Files;

namespace LspGlossary.Tests;

/// <summary>The .gitignore subset and the glob matcher behind <c>check</c>'s walk.</summary>
public class GitignoreTests
{
    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "dir/a.md", false)]
    [InlineData("**/*.md", "a.md", true)]
    [InlineData("**/*.md", "x/y/a.md", true)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("docs/**", "docs", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/xb", false)]
    [InlineData("?.md", "a.md", true)]
    [InlineData("?.md", "/.md", false)]
    [InlineData("[a-c].md", "b.md", true)]
    [InlineData("[!a-c].md", "b.md", false)]
    [InlineData("[^a-c].md", "d.md", true)]
    [InlineData("\\*.md", "*.md", true)]
    [InlineData("\\*.md", "a.md", false)]
    [InlineData("q*/x.md", "qwen3.5\\3.6/x.md", true)]
    [InlineData("[unclosed", "[unclosed", true)]
    [InlineData("A.md", "a.md", false)]
    public void Glob(string pattern, string path, bool expected) => Assert.Equal(expected, GlobPattern.IsMatch(pattern, path));

    [Theory]
    [InlineData("build/", "build", true, true)]
    [InlineData("build/", "build", false, null)]
    [InlineData("build/", "src/build", true, true)]
    [InlineData("/build", "src/build", true, null)]
    [InlineData("/build", "build", false, true)]
    [InlineData("src/gen", "src/gen", true, true)]
    [InlineData("src/gen", "x/src/gen", true, null)]
    [InlineData("*.log\n!keep.log", "keep.log", false, false)]
    [InlineData("*.log\n!keep.log", "a/other.log", false, true)]
    [InlineData("# comment\n\n\\#hash", "#hash", false, true)]
    [InlineData("\\!bang", "!bang", false, true)]
    [InlineData("trailing   ", "trailing", false, true)]
    [InlineData("space\\ ", "space ", false, true)]
    [InlineData("**/logs", "a/b/logs", true, true)]
    public void Rules(string gitignore, string path, bool isDirectory, bool? expected) =>
        Assert.Equal(expected, Gitignore.Parse("/repo", gitignore).Decide(path, isDirectory));

    [Fact]
    public void Deeper_files_win()
    {
        var stack = IgnoreStack.Empty
            .Push(Gitignore.Parse("/repo", "*.md\n"))
            .Push(Gitignore.Parse("/repo/docs", "!*.md\n"));
        Assert.True(stack.IsIgnored("/repo/a.md", isDirectory: false));
        Assert.False(stack.IsIgnored("/repo/docs/a.md", isDirectory: false));
    }
}
