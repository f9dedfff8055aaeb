using LspGlossary.Core.Analysis;

namespace LspGlossary.Server.Cli;

/// <summary>Which language a file on disk is, by its name: the same language ids an editor sends.</summary>
public static class Languages
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = DocumentAnalysis.MarkdownLanguageId,
        [".ipynb"] = NotebookReader.LanguageId,
        [".markdown"] = DocumentAnalysis.MarkdownLanguageId,
        [".c"] = "c", [".h"] = "c",
        [".cc"] = "cpp", [".cpp"] = "cpp", [".cxx"] = "cpp", [".hh"] = "cpp", [".hpp"] = "cpp", [".hxx"] = "cpp", [".cu"] = "cuda-cpp", [".cuh"] = "cuda-cpp",
        [".m"] = "objective-c", [".mm"] = "objective-cpp",
        [".cs"] = "csharp",
        [".java"] = "java",
        [".js"] = "javascript", [".mjs"] = "javascript", [".cjs"] = "javascript", [".jsx"] = "javascriptreact",
        [".ts"] = "typescript", [".mts"] = "typescript", [".cts"] = "typescript", [".tsx"] = "typescriptreact",
        [".jsonc"] = "jsonc",
        [".go"] = "go",
        [".rs"] = "rust",
        [".swift"] = "swift",
        [".kt"] = "kotlin", [".kts"] = "kotlin",
        [".scala"] = "scala", [".sc"] = "scala",
        [".dart"] = "dart",
        [".py"] = "python", [".pyi"] = "python",
        [".rb"] = "ruby",
        [".sh"] = "shellscript", [".bash"] = "shellscript", [".zsh"] = "shellscript",
        [".ps1"] = "powershell", [".psm1"] = "powershell",
        [".yaml"] = "yaml", [".yml"] = "yaml",
        [".toml"] = "toml",
        [".sql"] = "sql",
        [".lua"] = "lua",
        [".html"] = "html", [".htm"] = "html",
        [".xml"] = "xml", [".csproj"] = "xml", [".props"] = "xml", [".targets"] = "xml",
        [".css"] = "css", [".scss"] = "scss", [".less"] = "less",
        [".r"] = "r",
        [".pl"] = "perl", [".pm"] = "perl",
        [".php"] = "php",
    };

    private static readonly Dictionary<string, string> ByFileName = new(StringComparer.Ordinal)
    {
        ["Dockerfile"] = "dockerfile",
        ["Makefile"] = "makefile",
        ["GNUmakefile"] = "makefile",
    };

    /// <summary>Every language id that is checked (what <c>check --language-id</c> accepts), sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } = ByExtension.Values.Concat(ByFileName.Values).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The language id for a file name, or null when the file is not checked.</summary>
    public static string? ForPath(string path)
    {
        string name = Path.GetFileName(path);
        if (ByFileName.TryGetValue(name, out var id)) return id;
        return ByExtension.TryGetValue(Path.GetExtension(name), out id) ? id : null;
    }
}
