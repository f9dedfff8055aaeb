namespace LspGlossary.Core.Analysis;

/// <summary>
/// One code language: its language id (as VS Code names it), the comment family that lexes it, the file
/// extensions and file names that are this language on disk (<c>check</c>), and its other names: the ids other
/// editors send (Neovim's <c>cs</c>, <c>make</c>) and the short names of fenced code blocks (<c>py</c>, <c>golang</c>).
/// </summary>
public sealed record Language(string Id, CommentSyntax Syntax, string[] Extensions, string[]? FileNames = null, string[]? Aliases = null)
{
    public string[] FileNames { get; } = FileNames ?? [];

    public string[] Aliases { get; } = Aliases ?? [];
}

/// <summary>
/// The one table of the code languages whose comments are searched. Everything that needs to know the
/// languages reads it: the analysis (<see cref="CommentSyntaxFor"/>), fenced code blocks in Markdown
/// (<see cref="CommentSyntaxForFence"/>), and <c>check</c> (<see cref="ForPath"/>, <see cref="CheckedIds"/>).
/// Markdown is not a row: its prose is found by <see cref="MarkdownRegions"/>, not by a comment family.
/// Tests keep the root <c>package.json</c> and README.md in step with this table.
/// </summary>
public static class Languages
{
    /// <summary>The extensions of Markdown files.</summary>
    public static IReadOnlyList<string> MarkdownExtensions { get; } = [".md", ".markdown"];

    /// <summary>Every code language, one row each.</summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        new("c", CommentSyntax.C, [".c", ".h"], Aliases: ["h"]),
        new("objective-c", CommentSyntax.C, [".m"], Aliases: ["objc"]),
        new("cpp", CommentSyntax.Cpp, [".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx"], Aliases: ["c++", "cc", "cxx", "hpp"]),
        new("cuda-cpp", CommentSyntax.Cpp, [".cu", ".cuh"], Aliases: ["cuda", "cu"]),
        new("objective-cpp", CommentSyntax.Cpp, [".mm"], Aliases: ["objcpp"]),
        new("csharp", CommentSyntax.CSharp, [".cs"], Aliases: ["cs", "c#"]),
        new("java", CommentSyntax.Java, [".java"]),
        new("javascript", CommentSyntax.JavaScript, [".js", ".mjs", ".cjs"], Aliases: ["js", "mjs", "cjs", "node"]),
        new("javascriptreact", CommentSyntax.JavaScript, [".jsx"], Aliases: ["jsx"]),
        new("typescript", CommentSyntax.JavaScript, [".ts", ".mts", ".cts"], Aliases: ["ts"]),
        new("typescriptreact", CommentSyntax.JavaScript, [".tsx"], Aliases: ["tsx"]),
        new("jsonc", CommentSyntax.JsonWithComments, [".jsonc"], Aliases: ["json5"]),
        new("go", CommentSyntax.Go, [".go"], Aliases: ["golang"]),
        new("rust", CommentSyntax.Rust, [".rs"], Aliases: ["rs"]),
        new("swift", CommentSyntax.Swift, [".swift"]),
        new("kotlin", CommentSyntax.Kotlin, [".kt", ".kts"], Aliases: ["kt", "kts"]),
        new("scala", CommentSyntax.Scala, [".scala", ".sc"]),
        new("dart", CommentSyntax.Dart, [".dart"]),
        new("python", CommentSyntax.Python, [".py", ".pyi"], Aliases: ["py", "py3", "python3", "ipython", "pycon"]),
        new("ruby", CommentSyntax.Ruby, [".rb"], Aliases: ["rb"]),
        new("shellscript", CommentSyntax.Shell, [".sh", ".bash", ".zsh"], Aliases: ["bash", "sh", "zsh", "shell"]),
        new("powershell", CommentSyntax.PowerShell, [".ps1", ".psm1"], Aliases: ["ps1", "pwsh"]),
        new("yaml", CommentSyntax.Yaml, [".yaml", ".yml"], Aliases: ["yml"]),
        new("toml", CommentSyntax.Toml, [".toml"]),
        new("sql", CommentSyntax.Sql, [".sql"]),
        new("lua", CommentSyntax.Lua, [".lua"]),
        new("html", CommentSyntax.Html, [".html", ".htm"]),
        new("xml", CommentSyntax.Xml, [".xml", ".csproj", ".props", ".targets"]),
        new("css", CommentSyntax.Css, [".css"]),
        new("scss", CommentSyntax.CssWithLineComments, [".scss"]),
        new("less", CommentSyntax.CssWithLineComments, [".less"]),
        new("dockerfile", CommentSyntax.Dockerfile, [], FileNames: ["Dockerfile"], Aliases: ["docker"]),
        new("makefile", CommentSyntax.Makefile, [], FileNames: ["Makefile", "GNUmakefile"], Aliases: ["make", "mk"]),
        new("r", CommentSyntax.R, [".r"]),
        new("perl", CommentSyntax.Perl, [".pl", ".pm"], Aliases: ["pl"]),
        new("php", CommentSyntax.Php, [".php"]),
    ];

    /// <summary>Ids and aliases, any case.</summary>
    private static readonly Dictionary<string, Language> ByName = BuildByName();

    /// <summary>Extensions (with the dot, any case) and file names (exact case) of code files and Markdown → language id.</summary>
    private static readonly Dictionary<string, string> ByExtension = All
        .SelectMany(language => language.Extensions.Select(extension => (extension, language.Id)))
        .Concat(MarkdownExtensions.Select(extension => (extension, DocumentAnalysis.MarkdownLanguageId)))
        .ToDictionary(pair => pair.extension, pair => pair.Item2, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> ByFileName = All
        .SelectMany(language => language.FileNames.Select(name => (name, language.Id)))
        .ToDictionary(pair => pair.name, pair => pair.Id, StringComparer.Ordinal);

    /// <summary>Every language id that is checked, Markdown included (what <c>check --language-id</c> accepts), sorted.</summary>
    public static IReadOnlyList<string> CheckedIds { get; } =
        All.Select(language => language.Id).Append(DocumentAnalysis.MarkdownLanguageId).Order(StringComparer.Ordinal).ToList();

    /// <summary>The language named by an id or alias (any case), or null when it is not a code language of the table.</summary>
    public static Language? Find(string? name) =>
        !string.IsNullOrEmpty(name) && ByName.TryGetValue(name, out var language) ? language : null;

    /// <summary>The comment syntax for a language id or alias, or null when the language is not supported.</summary>
    public static CommentSyntax? CommentSyntaxFor(string languageId) => Find(languageId)?.Syntax;

    /// <summary>
    /// The syntax for the info string of a fenced code block in Markdown (<c>```py</c>): its first word, any case,
    /// as a language id or alias (<c>python</c>, <c>py</c>, <c>js</c>, <c>sh</c>, <c>yml</c>, <c>c++</c>, <c>golang</c>).
    /// Null for no info string and for any other name (<c>text</c>, <c>json</c>, <c>console</c>, <c>diff</c>,
    /// <c>mermaid</c>), whose blocks stay unsearched.
    /// </summary>
    public static CommentSyntax? CommentSyntaxForFence(string? info)
    {
        if (string.IsNullOrWhiteSpace(info)) return null;
        string name = info.Trim();
        int space = name.AsSpan().IndexOfAny(' ', '\t');
        if (space >= 0) name = name[..space];
        return CommentSyntaxFor(name);
    }

    /// <summary>
    /// The id <c>check</c> gives a Jupyter notebook (<c>.ipynb</c>): not an editor language, a JSON file whose cells
    /// it reads as Markdown or code (Cli/Notebook).
    /// </summary>
    public const string NotebookLanguageId = "jupyter";

    /// <summary>
    /// The language id of a file by its name (Markdown included, and <see cref="NotebookLanguageId"/> for a
    /// notebook), or null when the file is not checked.
    /// </summary>
    public static string? ForPath(string path)
    {
        string name = Path.GetFileName(path);
        if (Path.GetExtension(name).Equals(".ipynb", StringComparison.OrdinalIgnoreCase)) return NotebookLanguageId;
        if (ByFileName.TryGetValue(name, out var id)) return id;
        return ByExtension.TryGetValue(Path.GetExtension(name), out id) ? id : null;
    }

    private static Dictionary<string, Language> BuildByName()
    {
        var byName = new Dictionary<string, Language>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in All)
        {
            byName.Add(language.Id, language);
            foreach (string alias in language.Aliases) byName.Add(alias, language);
        }
        return byName;
    }
}
