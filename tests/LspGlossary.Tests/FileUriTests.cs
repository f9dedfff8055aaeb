using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>
/// file: URIs ⇄ paths for both path styles, whatever the host: the URIs VS Code sends on Windows (colon
/// percent-encoded, lower-case drive), shares (UNC), percent-encoded names, and paths that must not throw.
/// </summary>
public class FileUriTests
{
    [Theory]
    [InlineData("file:///c%3A/Users/me/notes.glossary.yaml", @"c:\Users\me\notes.glossary.yaml")]
    [InlineData("file:///C:/Users/me/a.md", @"C:\Users\me\a.md")]
    [InlineData("file:///c%3a/", @"c:\")]
    [InlineData("file:///d%3A", @"d:\")]
    [InlineData("file:///c%3A/My%20Docs/%E6%A8%A1%E5%9E%8B.md", @"c:\My Docs\模型.md")]
    [InlineData("file://server/share/docs/a.md", @"\\server\share\docs\a.md")]
    [InlineData("file://server/share%20name/a%23b.md", @"\\server\share name\a#b.md")]
    [InlineData("file://localhost/c%3A/a.md", @"c:\a.md")]
    [InlineData("file:///tmp/ws/a.md", @"\tmp\ws\a.md")]
    [InlineData("FILE:///C:/a.md?query#frag", @"C:\a.md")]
    public void Windows_uri_to_path(string uri, string path) => Assert.Equal(path, FileUri.ToPath(uri, windows: true));

    [Theory]
    [InlineData("file:///tmp/ws/a.md", "/tmp/ws/a.md")]
    [InlineData("file:///tmp/odd%5Cname/a%20b%25.md", @"/tmp/odd\name/a b%.md")]
    [InlineData("file:///home/%E6%A8%A1%E5%9E%8B/a.md", "/home/模型/a.md")]
    [InlineData("file:///tmp/100%/x", "/tmp/100%/x")]
    [InlineData("file://server/share/a.md", "//server/share/a.md")]
    public void Unix_uri_to_path(string uri, string path) => Assert.Equal(path, FileUri.ToPath(uri, windows: false));

    [Theory]
    [InlineData("untitled:Untitled-1")]
    [InlineData("vscode-notebook-cell:/a.ipynb#x")]
    [InlineData("https://example.com/a.md")]
    public void Other_schemes_have_no_path(string uri)
    {
        Assert.Null(FileUri.ToPath(uri, windows: true));
        Assert.Null(FileUri.ToPath(uri, windows: false));
    }

    [Theory]
    [InlineData(@"C:\Users\me\a.md", "file:///C:/Users/me/a.md")]
    [InlineData(@"c:\My Docs\模型 #1.md", "file:///c:/My%20Docs/%E6%A8%A1%E5%9E%8B%20%231.md")]
    [InlineData(@"\\server\share\docs\a.md", "file://server/share/docs/a.md")]
    [InlineData(@"\tmp\ws\a.glossary.yaml", "file:///tmp/ws/a.glossary.yaml")] // rooted, no drive: no exception
    [InlineData("/tmp/ws/a.glossary.yaml", "file:///tmp/ws/a.glossary.yaml")]
    [InlineData("relative.yaml", "file:///relative.yaml")]
    public void Windows_path_to_uri(string path, string uri) => Assert.Equal(uri, FileUri.FromPath(path, windows: true));

    [Theory]
    [InlineData("/tmp/ws/a.md", "file:///tmp/ws/a.md")]
    [InlineData(@"/tmp/odd\name/a b%.md", "file:///tmp/odd%5Cname/a%20b%25.md")]
    [InlineData("/tmp/a?b#c.md", "file:///tmp/a%3Fb%23c.md")]
    [InlineData("/home/模型/😀.md", "file:///home/%E6%A8%A1%E5%9E%8B/%F0%9F%98%80.md")]
    public void Unix_path_to_uri(string path, string uri) => Assert.Equal(uri, FileUri.FromPath(path, windows: false));

    [Theory]
    [InlineData(@"C:\Users\me\a b.md", true)]
    [InlineData(@"\\server\share\模型.md", true)]
    [InlineData("/tmp/odd\\name/a%20b #?.md", false)]
    [InlineData("/home/模型/a.md", false)]
    public void Round_trip(string path, bool windows) =>
        Assert.Equal(path, FileUri.ToPath(FileUri.FromPath(path, windows), windows));

    [Theory]
    [InlineData(@"docs\sub\b.md", true, "docs/sub/b.md")]
    [InlineData(@"odd\name/a.md", false, "odd%5Cname/a.md")]
    [InlineData("../up/a b.md", false, "../up/a%20b.md")]
    public void Relative_references_use_slashes(string path, bool windows, string reference) =>
        Assert.Equal(reference, FileUri.RelativeReference(path, windows));
}
